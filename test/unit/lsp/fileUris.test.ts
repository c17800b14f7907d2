// The `file:` URIs of the letters a folder walk finds (`fileUris` in `server/src/lsp/letterStore.ts`): the folder's URI
// with a plain relative path appended must be exactly what `URI.file(path).toString()` gives, whatever the names.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { URI } from 'vscode-uri';
import { fileUris } from '../../../server/src/lsp/letterStore';

const segment = fc.oneof(
	fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/),
	fc.constantFrom('.', '..', '...', '.hidden', 'a b', 'é', 'x%20y', '#1', 'a?b', 'S_2020_1267.txt', 'c:', '[x]', '+', '@', '\u00A0', 'Ω'),
	fc.string({ minLength: 1, maxLength: 6 }).filter((text) => !text.includes('/') && !text.includes('\\') && !text.includes('\0')),
);

describe('the URIs of the files a folder walk finds', () => {
	it('are the ones URI.file gives (property)', () => {
		fc.assert(fc.property(fc.constantFrom('/w', '/w/letters folder', '/', '/tmp/x%y', '/w/', '/home/é'), fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean(), (folder, segments, explicit) => {
			const path = join(folder, ...segments);
			const displayPath = explicit ? path : segments.join('/');
			assert.equal(fileUris(folder)({ path, displayPath, explicit }), URI.file(path).toString());
		}), { numRuns: 2000 });
	});
});
