// Annex headings that no blank line separates from the text around them, and annexes printed without a heading.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Letter } from '../../../server/src/engine/letter/model';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { diagnoseCode } from '../diagnostics/diagnose';
import { lines, makeLetter, referenceData } from '../helpers/fixtures';

function parse(text: string): Letter {
	return parseLetter(text, referenceData);
}

function headings(letter: Letter): string[] {
	return letter.annexes.map((annex) => `${annex.label}: ${letter.text.slice(annex.headingRange.start, annex.headingRange.end)}`);
}

const HEADING = 'Annex to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General';

describe('an annex heading followed directly by its text', () => {
	const text = makeLetter({
		body: ['The statement is annexed (see annex).'],
		signature: '(Signed) Mher Margaryan',
		annexes: [`${HEADING}\nStatement by the Ministry of Foreign Affairs, dated 30 October 2020.\nThe letter dated 29 October 2020 from the Permanent Representative of X is recalled.`],
	});
	const letter = parse(text);

	it('is an annex whose heading ends where its text begins', () => {
		assert.deepEqual(headings(letter), [`: ${HEADING}`]);
	});

	it('is not taken for a reference to another letter, and the text under it is still read', () => {
		assert.deepEqual(letter.letterReferences.map((reference) => reference.date?.raw), ['29 October 2020']);
		assert.deepEqual(diagnoseCode('annex-missing', text), []);
	});

	it('is seen right after the signature block, without a blank line', () => {
		const compact = lines('Letter dated 1 May 2020 from the Permanent Representative of X to the United Nations addressed to the Secretary-General', 'The figures are set out in annex I.', '(Signed) Jane Doe', 'Permanent Representative', 'Annex I', 'Figures.');
		assert.deepEqual(headings(parse(compact)), ['I: Annex I']);
		assert.deepEqual(diagnoseCode('annex-missing', compact), []);
	});
});

describe('annex headings in collapsed text and in capitals', () => {
	it('reads ANNEX between a signature and the annexed letter in a text on one line', () => {
		const letter = parse('Distr. GENERAL 22 April 1996 Letter dated 19 April 1996 from the Permanent Representative of Bangladesh to the United Nations addressed to the Secretary-General I have the honour to enclose a letter (see annex). (Signed) Reaz RAHMAN Ambassador ANNEX Letter dated 19 April 1996 from the representatives of the least developed countries to the Secretary-General The least developed countries have been following your efforts.');
		assert.deepEqual(headings(letter), [': ANNEX']);
		assert.equal(letter.signature?.name, 'Reaz RAHMAN');
	});
});

describe('an annex printed after the signature without its heading', () => {
	it('counts the annexed letter that a UNISPAL page keeps under the signature', () => {
		const text = lines(
			'Letter dated 30 April 1987 from the Permanent Representative of Tunisia to the United Nations addressed to the Secretary-General',
			'',
			'I have the honour to transmit herewith a letter (see annex).',
			'',
			'(Signed) Mahmoud MESTIRI',
			'Permanent Representative',
			'',
			'Letter dated 29 April 1987 from the Permanent Observer of the Palestine Liberation Organization to the United Nations addressed to the Secretary-General',
			'',
			'I am requested to bring the attached resolution to your attention.',
		);
		assert.equal(parse(text).annexes.length, 1);
		assert.deepEqual(diagnoseCode('annex-missing', text), []);
	});

	it('counts the terms of reference that ReliefWeb prints under the signature', () => {
		const text = lines(
			'Distr.: General', '',
			'Letter dated 14 November 2008 from the President of the Security Council addressed to the Secretary-General', '',
			'The members of the Council have agreed to the terms of reference for the mission (see annex).', '',
			'(Signed) Jorge Urbina', 'President of the Security Council', '',
			'Terms of reference of the Security Council mission to Afghanistan', '',
			'1. To reaffirm the Council’s support.',
		);
		assert.deepEqual(diagnoseCode('annex-missing', text), []);
	});
});

describe('what is not an annex heading', () => {
	it('a reference to an annex in prose, and a sentence that begins with "Annex II"', () => {
		const text = makeLetter({ body: ['The maps are reproduced in annex II to the present letter. Annex II contains the maps of the region.'], annexes: ['Annex I', 'Figures.'] });
		const letter = parse(text);
		assert.deepEqual(headings(letter), ['I: Annex I']);
		assert.deepEqual(diagnoseCode('annex-missing', text).map((diagnostic) => diagnostic.text), ['reproduced in annex II']);
	});

	it('a footnote or a closing paragraph after the signature is not an annex', () => {
		const letter = parse(makeLetter({ body: ['See the note.¹'], footnotes: ['¹ See A/75/100.'] }));
		assert.deepEqual(letter.annexes, []);
	});
});
