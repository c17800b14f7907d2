import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findAnnexReferences } from '../../../server/src/engine/letter/references';
import { assertSameResults, realLetterTexts, scannerText } from '../helpers/scannerText';
import { previousFindAnnexReferences } from './previousReferences';

const space = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\r\n', '', ' '.repeat(120));
/** One reference as the pattern reads it, each word in any case and spacing: `contained in the annex II, and IV`, `letter(annex 2)`, `annex I to the present note`. */
const reference = fc.oneof(
	fc.tuple(fc.constantFrom('', 'x', '(', ' '), fc.constantFrom('see', 'See', 'in', 'IN', 'at', 'contained in', 'contained\n in', 'Reproduced in', 'xsee', 'within'), space,
		fc.constantFrom('', 'the ', 'The\n', 'the'), fc.constantFrom('annex', 'Annex', 'annexes', 'ANNEXES'), space, fc.constantFrom('I', 'II', '3', '', 'XIV', 'Ix'),
		fc.constantFrom('', ', and II', ' and 3', ',IV', ', and')).map((parts) => parts.join('')),
	fc.tuple(fc.constantFrom('letter', ' ', 'x', ''), fc.constantFrom('(', '( '), fc.constantFrom('annex', 'Annex'), space, fc.constantFrom('I', '2', 'V'), fc.constantFrom(')', ' )', '')).map((parts) => parts.join('')),
	fc.tuple(fc.constantFrom('annex', 'Annex'), space, fc.constantFrom('I', '2'), space, fc.constantFrom('to', 'of', 'To'), fc.constantFrom(' the present ', ' the  present\n'), fc.constantFrom('letter', 'note', 'Note')).map((parts) => parts.join('')),
);

/** References to annexes in every form, with what may stand before and between their words. */
const annexText = fc.array(fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom('annex', 'Annex', 'ANNEX', 'annexes', 'annexed', 'see', 'See', 'in', 'In', 'at', 'contained', 'reproduced', 'Contained', 'the', 'The', 'to', 'of', 'present', 'letter', 'note', 'and', ', and', ',') },
	{ weight: 5, arbitrary: fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\f', '\r\n', '', '(', ')', 'x', '1', '.') },
	{ weight: 3, arbitrary: fc.constantFrom('I', 'II', 'IV', 'XL', '1', '12', '123', 'i') },
	{ weight: 1, arbitrary: fc.constantFrom(' '.repeat(199), ' '.repeat(200), ' '.repeat(201), ' '.repeat(250)) },
	{ weight: 1, arbitrary: scannerText },
	{ weight: 4, arbitrary: reference },
), { maxLength: 30 }).map((pieces) => pieces.join(''));

void describe('findAnnexReferences gives what the reader before it gave', () => {
	void it('on generated text', () => {
		fc.assert(fc.property(fc.oneof(annexText, scannerText), fc.array(fc.tuple(fc.nat(60), fc.nat(20)), { maxLength: 2 }), (text, cuts) => {
			const excluded = cuts.map(([start, length]) => ({ start, end: start + length }));
			assertSameResults(findAnnexReferences(text, excluded), previousFindAnnexReferences(text, excluded));
		}), { numRuns: 5000 });
	});

	void it('on the real letters', () => {
		for (const { name, text } of realLetterTexts()) {
			assertSameResults(findAnnexReferences(text, []), previousFindAnnexReferences(text, []), name);
		}
	});

	void it('on long hostile runs', () => {
		for (const run of ['annex '.repeat(20000), 'see the annex '.repeat(10000), `see${' '.repeat(100000)}annex I`, 'in in in in annex'.repeat(5000), '(annex'.repeat(20000)]) {
			assertSameResults(findAnnexReferences(run, []), previousFindAnnexReferences(run, []));
		}
	});
});
