// The file name of a letter's URI (`fileNameOf`, `server/src/engine/workspace/letterIndex.ts`) against its previous
// version (`previousFileName.ts`): the same name for any URI — plain `file:` URIs as a folder walk makes them, and
// URIs with queries, fragments, escapes (well-formed or not) and line breaks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fileNameOf } from '../../../server/src/engine/workspace/letterIndex';
import { previousFileNameOf } from './previousFileName';

const piece = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 8 }),
	fc.constantFrom('/', '?', '#', '%', '%20', '%E2%80%93', '%zz', '%E2', '\n', 'file:///', 'A_75_356-S_2020_947.txt', '.annotations.yaml'),
);

describe('fileNameOf as before', () => {
	it('gives the previous name for any URI (property)', () => {
		fc.assert(fc.property(fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join('')), (uri) => {
			assert.equal(fileNameOf(uri), previousFileNameOf(uri));
		}), { numRuns: 5000 });
	});

	it('gives the previous name for the URIs of a folder walk and for escaped ones', () => {
		for (const uri of ['file:///w/letters/1994/07/000055_fdeb2507.txt', 'file:///w/A%2F75%2F1.txt', 'file:///w/a.txt?x=1#y', 'file:///w/dir/', 'no-slash.txt', '']) {
			assert.equal(fileNameOf(uri), previousFileNameOf(uri), uri);
		}
	});
});
