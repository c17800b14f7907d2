// Properties of the diagnostics on any text shaped like a letter: never a throw, ranges inside the text, known codes,
// messages that say something, and the same result however often they are computed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { LetterDiagnostic } from '../../../server/src/engine/diagnostics/codes';
import { DEFAULT_DIAGNOSTIC_SETTINGS, isDiagnosticCode } from '../../../server/src/engine/diagnostics/codes';
import { computeLetterDiagnostics, summaryDiagnostics } from '../../../server/src/engine/diagnostics/letterDiagnostics';
import { LetterIndex } from '../../../server/src/engine/workspace/letterIndex';
import { makeLetter, readFixtureLetter, referenceData } from '../helpers/fixtures';

/** Pieces of letters, broken and whole, that the rules look at. */
const FRAGMENTS = [
	'United Nations A/75/356–S/2020/947', 'Distr.: General 28 September 2020', 'General Assembly Seventy-fifth session', 'Security Council Seventy-fifth year',
	'Agenda items 34, 71 and 135', 'Item 30 of the provisional agenda*', '* A/75/150.', 'Letter dated 27 September 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General',
	'See A/75/495-S/2020/981 (3 May 2019).', 'A/75/', 'S/2020/', 'A/75/495-S/2020', '016 October 2020', '31 September 2022', '29 February 2021', '¹', '²³', '^{3,4,5}', '<sup>2</sup>',
	'¹ See S/2020/1104.', '<sup>1</sup> A note.', 'see annex II', 'Annex I', 'Annex II to the letter dated 27 September 2020', 'my letter dated 24 February 2020',
	'the letter dated 27 March 2020 from the Permanent Representative of Azerbaijan', 'circulated as a document of the General Assembly, under agenda items 34 and 72, and of the Security Council.',
	'(Signed) Name', '20-12655 (E) 011020', '*2012655*', '[A/74/771-S/2020/242](#)', 'A/75/495\\-S/2020/981', 'https://undocs.org/S/2020/', '\f', '\r\n', '\n\n', '\n', ' ', '**', '#',
];

const letterish = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 40 }).map((pieces) => pieces.join(' '));

describe('diagnostics on any letter-shaped text (properties)', () => {
	it('never throw, stay inside the text, use known codes and severities, and say what to do', () => {
		fc.assert(fc.property(letterish, letterish, (first, second) => {
			const index = new LetterIndex(referenceData);
			index.set('file:///w/other.txt', `${makeLetter()}\n${second}`);
			for (const text of [first, `${makeLetter()}\n${first}`]) {
				const entry = index.set('file:///w/letter.txt', text);
				const diagnostics = computeLetterDiagnostics(entry, index, referenceData, DEFAULT_DIAGNOSTIC_SETTINGS);
				if (!entry.summary.isLetter) {
					assert.deepEqual(diagnostics, []);
				}
				// The compact entry alone gives the same diagnostics (what the command line prints and the counts add up).
				const plain = (list: readonly LetterDiagnostic[]) => list.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start, diagnostic.range.end, diagnostic.message]);
				assert.deepEqual(plain(summaryDiagnostics(entry, index, DEFAULT_DIAGNOSTIC_SETTINGS)), plain(diagnostics));
				for (const diagnostic of diagnostics) {
					assert.ok(isDiagnosticCode(diagnostic.code));
					assert.ok(['error', 'warning', 'information', 'hint'].includes(diagnostic.severity));
					assert.ok(diagnostic.range.start >= 0 && diagnostic.range.start <= diagnostic.range.end && diagnostic.range.end <= text.length, JSON.stringify(diagnostic.range));
					assert.ok(diagnostic.message.length > 20 && /[.?]$/.test(diagnostic.message), diagnostic.message);
				}
				assert.deepEqual(computeLetterDiagnostics(entry, index, referenceData, DEFAULT_DIAGNOSTIC_SETTINGS), diagnostics, 'computed twice, the same');
			}
		}), { numRuns: 300 });
	});

	it('are in text order', () => {
		const index = new LetterIndex(referenceData);
		const entry = index.set('file:///w/001.txt', readFixtureLetter('001').text);
		const starts = computeLetterDiagnostics(entry, index, referenceData, DEFAULT_DIAGNOSTIC_SETTINGS).map((diagnostic) => diagnostic.range.start);
		assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
	});
});
