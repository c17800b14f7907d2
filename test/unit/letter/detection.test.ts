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
	it('takes a page that kept only the title and the body of a letter for a letter: its own formulae are signs', () => {
		const nato = lines('Dated 1 December 1997 from the President of the Security Council Addressed to the Secretary-General', '', 'I have the honour to inform you of the decision.', '', '(Signed) Fernando BERROCAL SOTO');
		assert.deepEqual([detectLetter(nato).isLetter, detectLetter(nato).signals], [true, ['letter-title', 'honour']]);
		const plain = lines('Letter dated 5 May 2006 from the Chargé d’affaires a.i. of Lebanon addressed', '', 'to the Secretary-General', '', 'I should be grateful if you would have this letter circulated as a document of the Security Council.');
		assert.equal(detectLetter(plain).isLetter, true);
	});

	it('sees a masthead that kept only an organ over its date, and mastheads in capitals', () => {
		assert.equal(detectLetter(lines('        Security Council', '13 March 1968', '', 'The Minister for Foreign Affairs of Jordan presents his compliments to the Secretary-General.')).isLetter, true);
		assert.deepEqual(detectLetter(lines('UNITED NATIONS', '', 'Security Council', 'Distr.', 'GENERAL', '', 'LETTER DATED 8 JULY 1998 FROM THE SECRETARY-GENERAL ADDRESSED TO THE PRESIDENT OF THE SECURITY COUNCIL')).signals, ['masthead', 'distribution', 'letter-title']);
	});

	it('leaves alone a report or a meeting record under the same header that quotes letters', () => {
		const report = lines('United Nations A/76/299–S/2021/749', 'General Assembly Distr.: General 24 August 2021', 'Items 37 and 38 of the provisional agenda*', 'Report of the Secretary-General', 'The present report is submitted in accordance with resolution 75/22 and contains the replies to the note verbale sent by the Secretary-General.');
		assert.deepEqual([detectLetter(report).isLetter, detectLetter(report).otherKind], [false, ['report']]);
		const record = lines('Agenda item 63', 'Armed aggression against the Democratic Republic of the Congo', 'Letter dated 31 July 2002 from the Permanent Representative of the Democratic Republic of the Congo to the United Nations addressed to the President of the General Assembly (A/56/1020)', 'The Acting President', 'Members will recall that the General Assembly included item 63 on its agenda.');
		assert.deepEqual([detectLetter(record).isLetter, detectLetter(record).otherKind], [false, ['meeting-record']]);
	});

	it('still takes a letter that transmits a report for a letter', () => {
		const letter = lines('Letter dated 1 May 2020 from the Permanent Representative of X to the United Nations addressed to the Secretary-General', '', 'I have the honour to transmit herewith the report of the mission. The present report covers the year 2019.');
		assert.equal(detectLetter(letter).isLetter, true);
	});

	it('leaves alone notes that mention Distr. and say "I have the honour"', () => {
		assert.equal(detectLetter(lines('Notes for the meeting', '', '- Distr. list: ask registry', '- opening line: I have the honour to …')).isLetter, false);
	});

	it('sees through Markdown emphasis and headings', () => {
		const markdown = lines('# **General Assembly Security Council**', '', 'Distr.: General  ', '22 December 2020');
		assert.equal(detectLetter(markdown).isLetter, true);
	});
});
