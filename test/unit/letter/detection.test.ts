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
	it('takes the communications, telegrams and transcripts of the early years, and letters as sent, for letters', () => {
		const communication = lines('1 March 1948', '', 'Communication received from United States Delegation', '', 'Empire State Building', '', '1st March 1948', '', 'My dear Ralph,', '', 'I find on looking through my files that there are a number of outstanding points.');
		assert.deepEqual([detectLetter(communication).isLetter, detectLetter(communication).signals], [true, ['salutation', 'printed-title']]);
		const telegram = lines('The United States Representative at the United Nations ( Austin ) to the Secretary of State', '', 'Following is text of letter: “29 September, 1950 For attention Department of State: Dear Ambassador Austin: the members of the Fourth Committee of the General Assembly wish it.”');
		assert.equal(detectLetter(telegram).isLetter, true);
		const broadcast = lines('(Text) Mr. U Thant, Acting Secretary General of the United Nations. Excellency: The Government of the United States is trying to depict the Government of Cuba as obstructing a settlement.');
		assert.deepEqual([detectLetter(broadcast).isLetter, detectLetter(broadcast).signals], [true, ['salutation', 'addressee']]);
		const asSent = lines('Havana, October 24, 2020', '', 'His Excellency Mr. Antonio Guterres', '', 'Secretary General of the United Nations', '', 'New York', '', 'After 75 years of its founding, the role of the United Nations is increasingly relevant.');
		assert.deepEqual([detectLetter(asSent).isLetter, detectLetter(asSent).signals], [true, ['addressee', 'place-date']]);
		const printed = lines('Call for the Implementation of the Resolution: Letter From the President of the Security Council to Each Member, June 7, 1955 (1)', '', 'Excellency: As President of the Security Council this month it is incumbent upon me to bring to your attention my concern.');
		assert.equal(detectLetter(printed).isLetter, true);
	});

	it('reads the honour formula whose `I` a page glued to the last word of a title in capitals (`COUNCILI have the honour`), and only there', () => {
		const glued = lines('LETTER DATED 4 MAY 1999 FROM THE CHAIRMAN OF THE COMMITTEE ADDRESSED TO THE PRESIDENT OF THE SECURITY COUNCILI have the honour to transmit herewith the text of a framework.');
		assert.deepEqual([detectLetter(glued).isLetter, detectLetter(glued).signals], [true, ['letter-title', 'honour']]);
		const inWord = lines('Letter dated 4 May 1999 from the Chairman of the Committee addressed to the President of the Security Council', '', 'Our guide PhDI have the honour to name is Dr. Kim.');
		assert.equal(detectLetter(inWord).signals.includes('honour'), false);
	});

	it('takes the letterhead of a presiding officer or of the Secretary-General, at the head of the text over a date line, for a sign of a letter as sent', () => {
		const ecosoc = lines('The President', '', 'of the', 'Economic and Social Council', '', '22 June 2020', '', '', 'As you are aware, the United Nations high-level political forum will take place under the auspices of the Economic and Social Council.');
		assert.deepEqual([detectLetter(ecosoc).isLetter, detectLetter(ecosoc).signals], [true, ['masthead', 'officer-letterhead']]);
		const annan = lines('THE SECRETARY-GENERAL', '', '14 March 1997', '', 'I should like to respond to your letter dated 4 March about the Commission on Human Rights meeting in Geneva, Switzerland.');
		assert.equal(detectLetter(annan).signals.includes('officer-letterhead'), true);
		const lower = lines('Press briefing', '', 'The President of the Economic and Social Council', '', '22 June 2020', '', 'The United Nations Economic and Social Council met today.');
		assert.equal(detectLetter(lower).signals.includes('officer-letterhead'), false);
		const noDate = lines('The President', '', 'of the', 'Economic and Social Council', '', 'As you are aware, the United Nations forum of the Economic and Social Council will meet.');
		assert.equal(detectLetter(noDate).isLetter, false);
	});

	it('does not take the first line of an officer\'s letterhead (`The President` / `of the` / …) for a meeting record\'s speaker line', () => {
		const record = lines('Security Council', '5 June 1967', 'Letter dated 29 May 1967 from the Permanent Representative of the United Kingdom addressed to the President of the Security Council (S/7910)', 'The President', '(spoke in French): I thank the representative.');
		assert.deepEqual([detectLetter(record).isLetter, detectLetter(record).otherKind], [false, ['meeting-record']]);
	});

	it('does not count the signs inside a letter\'s title quoted in another text, and still reads a letter that quotes one', () => {
		const page = lines('The 2022 edition of the Highlights of Security Council Practice offers a snapshot of the Council’s activity over the year.', '', 'For the first time in four decades, under the agenda item entitled “Letter dated 28 February 2014 from the Permanent Representative of Ukraine to the United Nations addressed to the President of the Security Council (S/2014/136)”, the Council adopted resolution 2623 (2022).');
		assert.deepEqual([detectLetter(page).isLetter, detectLetter(page).signals], [false, []]);
		const letter = lines('Letter dated 1 March 2022 from the Permanent Representative of Ruritania to the United Nations addressed to the President of the Security Council', '', 'I have the honour to refer to the item entitled "Letter dated 28 February 2014 from the Permanent Representative of Ukraine to the United Nations addressed to the President of the Security Council (S/2014/136)".');
		assert.deepEqual([detectLetter(letter).isLetter, detectLetter(letter).signals], [true, ['masthead', 'letter-title', 'permanent-mission', 'honour']]);
	});

	it('leaves alone a meeting record, a press release, a President\'s statement and a report that name letters', () => {
		const record = lines('Security Council', '5 June 1967', '1347 MEETING : 5 June 1967', 'Letter dated 29 May 1967 from the Permanent Representative of the United Kingdom addressed to the President of the Security Council (S/7910)', 'Held on 5 June 1967, at 9.30 a.m.', 'The agenda was adopted');
		assert.deepEqual([detectLetter(record).isLetter, detectLetter(record).otherKind], [false, ['meeting-record']]);
		const release = lines('UNITED NATIONS Press Services Office of Public Information (For use of information media — not an official record)', 'Press Release SG/1353 24 October 1962', 'STATEMENT BEFORE THE SECURITY COUNCIL', 'At the request of the Permanent Representatives of a large number of Member States I have sent a message.');
		assert.deepEqual([detectLetter(release).isLetter, detectLetter(release).otherKind], [false, ['press-release']]);
		const statement = lines('Human Rights Council Fifteenth session Agenda item 1', 'President’s statement*', 'The Human Rights Council thanks the High Commissioner for her letter dated 3 May 2010 addressed to the President of the Council, asking him to share the framework of the United Nations and the General Assembly.');
		assert.deepEqual([detectLetter(statement).isLetter, detectLetter(statement).otherKind], [false, ['presidential-statement']]);
		const report = lines('UNITED NATIONS REPORT OF THE SECURITY COUNCIL TO THE GENERAL ASSEMBLY 16 July 1957 to 15 July 1958 TABLE OF CONTENTS A. Letter dated 4 September 1957 from the permanent representative of Jordan, addressed to the President of the Security Council 1');
		assert.deepEqual([detectLetter(report).isLetter, detectLetter(report).otherKind], [false, ['report']]);
	});

	it('leaves alone a report whose first page is its letter of transmittal, and still reads a letter citing such a report', () => {
		const supplement = lines('General Assembly', '', 'Official Records', '', 'Seventy-fourth Session', '', 'Supplement No. 35', '', 'Letter of transmittal', '', 'Mr. Secretary-General,', '', 'I have the honour to enclose herewith the report of the Committee.', '', '(Signed) Cheikh Niang');
		assert.deepEqual([detectLetter(supplement).isLetter, detectLetter(supplement).otherKind], [false, ['report']]);
		const letter = lines('Letter dated 1 May 2005 from the Permanent Representative of X to the United Nations addressed to the Secretary-General', '', 'I have the honour to refer to the report of the Council (Official Records of the General Assembly, Fifty-ninth Session, Supplement No. 3).');
		assert.equal(detectLetter(letter).isLetter, true);
	});
});
