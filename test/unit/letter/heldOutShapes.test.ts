// Shapes the held-out corpus showed: a title broken over blank lines after a word a title cannot end with, the date
// line under the symbol line of an older masthead, and a resolution numbered by another body far beyond the Council's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterFacts } from '../../../server/src/engine/letter/letterFacts';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { diagnose } from '../diagnostics/diagnose';
import { lines, referenceData } from '../helpers/fixtures';

const facts = (text: string) => letterFacts(parseLetter(text, referenceData));
const BODY = ['', 'I have the honour to state the position of my Government.', '', '(Signed) Andre ERNEMANN'];

describe('a title printed over lines separated by blank lines', () => {
	it('goes on after a line that ends with a word a title cannot end with', () => {
		const read = facts(lines('Letter dated 18 October 1977 from the Permanent Representative of', '', 'Belgium to the United Nations addressed to the President of the', '', 'General Assembly', ...BODY));
		assert.equal(read.dated, '1977-10-18');
		assert.equal(read.sender, 'Belgium');
		assert.deepEqual(read.addressees, ['President of the General Assembly']);
	});

	it('ends at a blank line after a complete addressee', () => {
		const read = facts(lines('Letter dated 18 October 1977 from the Permanent Representative of Belgium to the United Nations addressed to the Secretary-General', '', 'General Assembly members will recall the decision.', ...BODY));
		assert.deepEqual(read.addressees, ['Secretary-General']);
	});
});

describe('an older masthead without Distr.', () => {
	const header = (between: string[]) => lines('        General Assembly', '        Security Council', ...between, '', 'Twenty-ninth session', 'Agenda item 109', 'Thirtieth year', '',
		'Letter dated 8 July 1975 from the Acting Permanent Representative of Israel to the United Nations addressed to the Secretary-General', ...BODY);

	it('reads the date under the organ names and the symbol line as the distribution date', () => {
		const read = facts(header(['A/10133 - S/11749', '8 July 1975']));
		assert.equal(read.distributed, '1975-07-08');
		assert.equal(parseLetter(header(['A/10133 - S/11749', '8 July 1975']), referenceData).masthead?.symbol.text, 'A/10133-S/11749');
	});

	it('does not take a date after a line of prose for it', () => {
		assert.equal(facts(header(['The Assembly met on', '8 July 1975'])).distributed, null);
	});
});

describe('a resolution numbered by another body', () => {
	const letter = (resolution: string) => lines('Letter dated 11 January 2016 from the Permanent Representative of Iran to the United Nations addressed to the Secretary-General', '', `I have the honour to refer to the letter transmitting ${resolution} adopted at an extraordinary session.`, '', '(Signed) Gholamali KHOSHROO');

	it('is not judged against the Council\'s numbering when its number is far beyond the Council\'s', () => {
		assert.deepEqual(diagnose(letter('to the President of the Security Council (S/2016/120), transmitting Security Council resolution No. 7988 of 10 January 2016')).filter((d) => d.code === 'resolution-year-mismatch'), []);
	});

	it('a Council number is still judged', () => {
		assert.deepEqual(diagnose(letter('to the President of the Security Council (S/2016/120), transmitting Security Council resolution 822 of 10 January 2016')).filter((d) => d.code === 'resolution-year-mismatch').map((d) => d.code), ['resolution-year-mismatch']);
	});
});

describe('letters as sent, without a UN title', () => {
	const isLetter = (text: string) => parseLetter(text, referenceData).detection.isLetter;

	it('are letters by their letterhead, salutation, formulae and closing', () => {
		assert.ok(isLetter(lines('PERMANENT MISSION OF THE ARAB REPUBLIC OF EGYPT', 'TO THE UNITED NATIONS', '', 'No. 571 NEW YORK, December 17, 1973', '', 'Excellency,', '', 'Upon instructions from my Government, I bring to Your Excellency\'s attention the policies of the authorities.')));
		assert.ok(isLetter('7 July 2006 Excellency, As we enter the summer period, I am writing to take stock of our progress. All Permanent Representatives and Permanent Observers to the United Nations New York'));
		assert.ok(isLetter(lines('Following is the text of a letter, dated 8 June 2001:', '', 'To: All Member States and Observers', 'From: The President of the General Assembly', '', 'I am writing to you concerning the report.', '', 'Yours sincerely,', 'Harri Holkeri')));
		assert.ok(isLetter(lines('11 June 2019 – Letter on Jerusalem and Israeli Rep Statements', '', 'I write to you regarding recent statements made in the Council.')));
		assert.ok(isLetter(lines('The British Representative at the United Nations (Cadogan) to the the Assistant Secretary General of the United Nations (Hoo)1', 'Sir: I have received the following message from my Government:')));
		assert.ok(isLetter(lines('Letter dated 16 September 1981 from the representative of the Sudan to the president of the Security Council', '', '[Original in English.] Upon instructions from my Government, I have the honour to inform you of the acts.')));
	});

	it('are not read into a page that has one such sign only, or that writes about letters', () => {
		assert.equal(isLetter(lines('Dear Sir,', '', 'Thank you for your order. Your parcel will arrive on Monday.', '', 'Yours sincerely,', 'The shop')), false);
		assert.equal(isLetter(lines('My week in New York', '', 'I am writing to share my visit to the Permanent Mission of Norway, where I met its staff.')), false);
		assert.equal(isLetter(lines('To: the editor', 'From: a reader', '', 'The meeting was long.')), false);
	});
});

describe('documents under a letter\'s header that are not letters', () => {
	const isLetter = (text: string) => parseLetter(text, referenceData).detection.isLetter;

	it('a draft resolution whose agenda item is a letter stays a non-letter', () => {
		assert.equal(isLetter(lines('United Nations A/ES-11/L.1', '', 'General Assembly Distr.: Limited', '1 March 2022', '', 'Eleventh emergency special session', '', 'Agenda item 5',
			'Letter dated 28 February 2014 from the Permanent Representative of Ukraine to the United Nations addressed', 'to the President of the Security Council (S/2014/136)', '', 'Albania and Uruguay:', 'draft resolution', '', 'Aggression against Ukraine', '', 'The General Assembly,', '', '  Reaffirming the importance of the Charter,')), false);
	});

	it('a report of the Secretary-General stays a non-letter; a letter transmitting one is a letter', () => {
		assert.equal(isLetter(lines('United Nations', 'S/2019/103', 'Security Council', 'Distr.: General', '1 February 2019', 'Original: English', '', 'Eighth report of the Secretary-General on the threat posed by ISIL', '', 'I. Introduction', '', '1. In adopting its resolution 2253 (2015), the Council requested a report.')), false);
		assert.ok(isLetter(lines('United Nations', 'S/2019/104', 'Security Council', 'Distr.: General', '1 February 2019', '', 'Letter dated 31 January 2019 from the Secretary-General addressed to the President of the Security Council', '', 'Report of the Secretary-General on the threat posed by ISIL', '', 'I have the honour to transmit the report.')));
	});
});

describe('a letter given as a memo', () => {
	it('reads its date from the line that introduces it, its sender from From: and its addressees from To:', () => {
		const read = facts(lines('Following is the text of a letter, dated 8 June 2001:', '', 'To: All Member States and Observers', 'From: The President of the General Assembly', '', '', 'I am writing to you concerning the report (A/55/985-S/2001/574).', '', 'Yours sincerely,', 'Harri Holkeri'));
		assert.equal(read.dated, '2001-06-08');
		assert.equal(read.sender, 'President of the General Assembly');
		assert.deepEqual(read.addressees, ['All Member States and Observers']);
		assert.deepEqual(read.cites, ['A/55/985-S/2001/574']);
	});

	it('reads no memo from To: and From: lines far apart, and lets a title decide when there is one', () => {
		const apart = facts(lines('To: All Member States', '', 'I am writing to you on behalf of the Permanent Mission of Norway about the meeting.', 'It was long.', 'It ended late.', 'We left.', '', 'From: the Chair'));
		assert.equal(apart.sender, null);
		const titled = facts(lines('Letter dated 8 June 2001 from the Permanent Representative of Chile to the United Nations addressed to the Secretary-General', '', 'To: the Secretary-General', 'From: the Mission', '', 'I have the honour to refer to the report.'));
		assert.equal(titled.sender, 'Chile');
		assert.deepEqual(titled.addressees, ['Secretary-General']);
	});
});

describe('a number glued to the full stop that ends a paragraph', () => {
	const letter = (lead: string) => lines(lead, '', 'Letter dated 16 September 1981 from the representative of the Sudan to the president of the Security Council', '', 'Upon instructions from my Government, I have the honour to inform you of the acts.');

	it('is a footnote marker, reported when its note is lost', () => {
		assert.deepEqual(diagnose(letter('Letters may internationalise a dispute by seeking to put it before the Security Council.39')).filter((d) => d.code === 'footnote-missing-text').map((d) => d.text), ['39']);
	});

	it('is not read into a decimal, a number inside a sentence or a number after a space', () => {
		for (const lead of ['The rate rose to 3.5 per cent.', 'In 1981.39 members voted; the rest abstained.', 'The members numbered 39.', 'See page 39']) {
			assert.deepEqual(diagnose(letter(lead)).filter((d) => d.code.startsWith('footnote')), [], lead);
		}
	});
});

describe('a heading that stands for the title, and an opening formula through OCR', () => {
	it('reads the addressee of an edition\'s heading as written, and a sender only where it names a State or an office', () => {
		const heading = facts(lines('The British Representative at the United Nations (Cadogan) to the the Assistant Secretary General of the United Nations (Hoo)1', 'Sir: I have received the following message from my Government.'));
		assert.deepEqual(heading.addressees, ['Assistant Secretary General of the United Nations']);
		assert.equal(heading.sender, 'United Kingdom');
		const unknown = facts(lines('The Ruritanian Representative at the United Nations (Cadogan) to the Assistant Secretary General of the United Nations (Hoo)1', 'Sir: I have received the following message from my Government.'));
		assert.equal(unknown.sender, null);
		const state = facts(lines('The Permanent Representative of Iran at the United Nations (Ala) to the Secretary-General (Lie)', 'Sir: I have the honour to request a meeting.'));
		assert.equal(state.sender, 'Iran');
		assert.deepEqual(state.addressees, ['Secretary-General']);
	});

	it('does not take a first line without the two names in parentheses for a heading', () => {
		const prose = facts(lines('The letter from the Mission (see below) was sent to the Committee.', 'Sir: I have the honour to request a meeting of the Permanent Representatives.'));
		assert.deepEqual(prose.addressees, []);
	});

	it('reads the sender of an opening formula that OCR strewed with stops', () => {
		const note = facts(lines('The Secretary-General of the United Nations presents his ..; compliments. to the Permanent Representative of the Union of Soviet Socialist Republics and has the honour to refer to the Note.'));
		assert.equal(note.kind, 'note-verbale');
		assert.equal(note.sender, 'Secretary-General');
		assert.deepEqual(note.addressees, ['Permanent Representative of the Union of Soviet Socialist Republics']);
	});
});
