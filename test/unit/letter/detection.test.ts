import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLetter } from '../../../server/src/engine/letter/detection';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { FIXTURE_LETTER_NAMES, lines, readFixtureLetter, referenceData } from '../helpers/fixtures';

describe('which texts are letters', () => {
	it('takes each of the five real letters for UN correspondence', () => {
		for (const name of FIXTURE_LETTER_NAMES) {
			assert.equal(detectLetter(readFixtureLetter(name).text).isLetter, true, name);
		}
	});
	it('leaves alone a page of notes that mentions a symbol and a letter', () => {
		const notes = lines(
			'Reading notes, week 46',
			'',
			'- S/2020/1104 is the Russian statement; compare with the letter dated 10 November 2020.',
			'- Ask J. about the footnotes in A/75/495.',
		);
		const detection = detectLetter(notes);
		assert.equal(detection.isLetter, false);
		const letter = parseLetter(notes, referenceData);
		assert.deepEqual([letter.citations, letter.dates, letter.footnoteMarkers], [[], [], []]);
	});
	it('recognises a note verbale by its formulae', () => {
		const note = lines('The Permanent Mission of Ruritania to the United Nations presents its compliments to the Secretary-General and has the honour to transmit the following.');
		assert.deepEqual(detectLetter(note).signals, ['permanent-mission', 'compliments']);
		assert.equal(detectLetter(note).isLetter, true);
	});
	it('looks only at the first 4 KB', () => {
		const late = `${'Lorem ipsum dolor sit amet. '.repeat(200)}\nDistr.: General\nAgenda item 72\n`;
		assert.equal(detectLetter(late).isLetter, false);
	});
	it('sees through Markdown emphasis and headings', () => {
		const markdown = lines('# **General Assembly Security Council**', '', 'Distr.: General  ', '22 December 2020');
		assert.equal(detectLetter(markdown).isLetter, true);
	});
});
