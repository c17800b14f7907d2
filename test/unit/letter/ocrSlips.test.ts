// OCR and PDF-extraction slips in the fixed words of a letter: digits read as letters in the masthead and title dates,
// `Distr` without its full stop, `Agenda iten`, `frorn`, `Secretarv-General`, `Securit y Council`, web abbreviations
// (`UN SG`), a session whose organ line was lost, a title whose `dated` is unreadable. Each rule is read where it
// applies and leaves alone the text it must not touch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toIsoDate } from '../../../server/src/engine/calendar/dates';
import { detectLetter } from '../../../server/src/engine/letter/detection';
import { letterFacts } from '../../../server/src/engine/letter/letterFacts';
import type { Letter } from '../../../server/src/engine/letter/model';
import { readOcrDate, readOfficeName, repairTitleWords, withOcrSymbolSlips } from '../../../server/src/engine/letter/ocrReading';
import { scanDocumentSymbols } from '../../../server/src/engine/symbols/documentSymbols';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { diagnose } from '../diagnostics/diagnose';
import { lines, referenceData } from '../helpers/fixtures';

function parse(text: string): Letter {
	return parseLetter(text, referenceData);
}

const BODY = ['', 'I have the honour to enclose a statement on the question (see annex).', '', '(Signed) Carlos MUÑIZ', 'Permanent Representative'];

describe('dates read through OCR slips', () => {
	it('reads a day or a year whose digits OCR took for letters, next to a month name', () => {
		assert.equal(toIsoDate(readOcrDate('Distr GENERAL 20 October L982 ENGLISH', 0, 37)!.date!), '1982-10-20');
		assert.equal(toIsoDate(readOcrDate('dated 18 October l9B2 from', 0, 26)!.date!), '1982-10-18');
		assert.equal(toIsoDate(readOcrDate('COUNCIL W^^W i July 1965 ORIGINAL', 0, 33)!.date!), '1965-07-01');
	});

	it('keeps the characters as written and the offsets of the text', () => {
		const text = 'xx Distr GENERAL 20 October L982';
		const date = readOcrDate(text, 3, text.length)!;
		assert.equal(date.raw, '20 October L982');
		assert.equal(text.slice(date.start, date.end), '20 October L982');
	});

	it('reads nothing where no month is named, where the repair gives no calendar date, or where nothing needs repair', () => {
		assert.equal(readOcrDate('Item l0 of lB items', 0, 19), undefined);
		assert.equal(readOcrDate('on Jl May 1965 and 3l February l9B2', 0, 35), undefined);
		assert.equal(readOcrDate('on 5 May 1965', 0, 13), undefined);
	});

	it('gives an OCR-damaged masthead and title their dates, sender, addressee, organ and agenda item', () => {
		const text = lines(
			'UNITED NATIONS', '', 'Distr GENERAL', 'A/37/553', '20 October L982', 'ORIGINAL: SPANISH', '', 'Thirty-seventh session Agenda iten 135', '',
			'QUESTION OF THE MALVINAS ISLANDS', '',
			'Letter dated 18 October l9B2 frorn the Permanent Representative of Argentina to the United Nations addressed to the Secretarv-General',
			...BODY,
		);
		const facts = letterFacts(parse(text));
		assert.equal(facts.distributed, '1982-10-20');
		assert.equal(facts.dated, '1982-10-18');
		assert.equal(facts.sender, 'Argentina');
		assert.deepEqual(facts.addressees, ['Secretary-General']);
		assert.deepEqual(facts.organs, [{ organ: 'GA', session: 37 }]);
		assert.deepEqual(facts.agendaItems.map((item) => item.number), [135]);
	});

	it('does not give a session to the Assembly when the symbol is of another session or another organ', () => {
		const body = ['', 'Letter dated 18 October 1982 from the Permanent Representative of Argentina to the United Nations addressed to the Secretary-General', ...BODY];
		assert.deepEqual(letterFacts(parse(lines('UNITED NATIONS', 'Distr. GENERAL', 'A/36/553', '20 October 1982', '', 'Thirty-seventh session', ...body))).organs, []);
		assert.deepEqual(letterFacts(parse(lines('UNITED NATIONS', 'Distr. GENERAL', 'S/15437', '20 October 1982', '', 'Thirty-seventh session', ...body))).organs, []);
	});
});

describe('a title whose sender lost the word `from`', () => {
	it('reads the State from the post between the date and the addressee', () => {
		const text = lines('UNITED NATIONS Distr. GENERAL S/3580 9 April 1956', '', 'LETTER DATED 9 APRIL 1956 ~~OM TEE FERlfillNENT REPRESENTATIVE OF ISRAEL, ADDREGSED TO THE PRESIDENT OF THE SECURITY COUNCIL', ...BODY);
		assert.equal(letterFacts(parse(text)).sender, 'Israel');
	});

	it('reads no sender when the words there name no post', () => {
		const text = lines('UNITED NATIONS Distr. GENERAL S/3580 9 April 1956', '', 'LETTER DATED 9 APRIL 1956 ON THE SITUATION ADDRESSED TO THE PRESIDENT OF THE SECURITY COUNCIL', ...BODY);
		assert.equal(letterFacts(parse(text)).sender, null);
	});
});

describe('a title whose OCR lost the writer\'s post or the head of the addressee\'s office', () => {
	const title = (from: string, to: string) => lines('Thirty-first session', 'Agenda item 29', '', `Letter dated 18 October 1976 from the ${from} to the United Nations addressed to the ${to}`, ...BODY);

	it('reads the State after the `of` whose post was lost, and the one office that ends with what is left of the addressee', () => {
		const facts = letterFacts(parse(title('of Kuwait', '-General')));
		assert.equal(facts.sender, 'Kuwait');
		assert.deepEqual(facts.addressees, ['Secretary-General']);
		assert.equal(letterFacts(parse(title('of the Syrian Arab Republic', 'Secretary-General'))).sender, 'Syrian Arab Republic');
		assert.equal(readOfficeName('-General'), 'Secretary-General');
	});

	it('reads no State when the State was lost too, and no office from a tail that several offices or none end with', () => {
		assert.equal(letterFacts(parse(title('of the', 'Secretary-General'))).sender, null);
		assert.equal(letterFacts(parse(title('Permanent Representative of Kuwait', 'Secretary-General'))).sender, 'Kuwait');
		assert.equal(readOfficeName('-Council'), '-Council');
		assert.equal(readOfficeName('-Gen'), '-Gen');
		assert.equal(readOfficeName('Director-General'), 'Director-General');
	});
});

describe('names of the title as extraction damaged them', () => {
	it('joins a word of the title that a stray space split, and spells out web abbreviations', () => {
		assert.equal(repairTitleWords('the President of the Securit y Council'), 'the President of the Security Council');
		assert.equal(repairTitleWords('the President of the UN SC'), 'the President of the Security Council');
		assert.equal(repairTitleWords('the UN SG'), 'the Secretary-General');
	});

	it('leaves alone words that are not split vocabulary and names that only contain the letters', () => {
		assert.equal(repairTitleWords('the Permanent Representative of Guyana'), 'the Permanent Representative of Guyana');
		assert.equal(repairTitleWords('SUNSCREEN and UNSCOM'), 'SUNSCREEN and UNSCOM');
	});

	it('reads an office one misread letter away as that office, not a different office or body', () => {
		assert.equal(readOfficeName('Secretarv-General'), 'Secretary-General');
		assert.equal(readOfficeName('President of the Securitv Councll'), 'President of the Security Council');
		assert.equal(readOfficeName('Secretariat'), 'Secretariat');
		assert.equal(readOfficeName('Deputy Secretary-General'), 'Deputy Secretary-General');
	});

	it('reads a web title in abbreviations, and the symbol its line ends with as the letter\'s own', () => {
		const text = lines('Letter dated 14 Nov 2008 from the President of the UN SC to the UN SG - Security Council mission to Afghanistan (S/2008/708)', '', 'I have the honour to inform you that the members of the Security Council have decided to send a mission.', '', '(Signed) Jorge Urbina');
		const letter = parse(text);
		const facts = letterFacts(letter);
		assert.equal(letter.masthead?.symbol.text, 'S/2008/708');
		assert.equal(facts.dated, '2008-11-14');
		assert.equal(facts.sender, 'President of the Security Council');
		assert.deepEqual(facts.addressees, ['Secretary-General']);
		assert.deepEqual(facts.cites, []);
	});

	it('does not take a symbol inside the title, or one followed by more words, for the letter\'s own', () => {
		const inside = lines('Letter dated 14 November 2008 from the Permanent Representative of Syria (S/2008/10) addressed to the Secretary-General', '', 'I have the honour to refer to the letter.', '', '(Signed) Name');
		assert.equal(parse(inside).masthead, undefined);
		const later = lines('Letter dated 14 November 2008 from the Permanent Representative of Syria to the United Nations addressed to the Secretary-General', 'I have the honour to refer to the report (S/2008/10)', '', '(Signed) Name');
		assert.equal(parse(later).masthead, undefined);
		assert.deepEqual(letterFacts(parse(later)).cites, ['S/2008/10']);
	});
});

describe('a one-line OCR text without `Distr.` and with its `dated` garbled', () => {
	const text = "GENERAL S/24577 • 21 September 1992 ORIGINAL: ENGl.ISB LEttER OA.rED U S!PTIMBER 1992 FROM 'I'BE CHARGE D'AFFAIRES A. I OF THE P£RMANEIT MISSION OF YUGOSLAVIA TO TBB UNITED NATIONS ADDRESSED TO THE PRESIDENT OF THt SECURITY COUWCIL I have tbe honour to transmit the statement. (Sjgned) Draqnmir DJOKIC 92-45314 S/24577 E:nqlisb ?age 2 M;nex The statement.";

	it('is a letter, with its masthead, distribution date, sender and addressee; its own symbol is no citation', () => {
		const letter = parse(text);
		assert.ok(letter.detection.isLetter);
		const facts = letterFacts(letter);
		assert.equal(letter.masthead?.symbol.text, 'S/24577');
		assert.equal(facts.distributed, '1992-09-21');
		assert.equal(facts.dated, null);
		assert.equal(facts.sender, 'Yugoslavia');
		assert.deepEqual(facts.addressees, ['President of the Security Council']);
		assert.deepEqual(facts.cites, []);
	});

	it('is not over-read: a page that names a letter of a year from a mission in prose stays a non-letter', () => {
		assert.equal(detectLetter('Notes. The letter of 1992 from the mission, addressed to the President, was discussed at length in 1993 by the members.').isLetter, false);
		assert.equal(detectLetter('The general 1992 list S/24577 shows symbols only.').isLetter, false);
	});
});

describe('a reference to a numbered annex made inside an unnumbered annex', () => {
	const text = (reference: string) => lines(
		'United Nations A/37/553', 'General Assembly Distr.: General 20 October 1982', '',
		'Letter dated 18 October 1982 from the Permanent Representative of Argentina to the United Nations addressed to the Secretary-General', '',
		'I have the honour to transmit the attached document and its annexes.', '', '(Signed) Carlos MUÑIZ', '', 'Annex', '', reference,
	);

	it('names an annex of the annexed document, which the annex itself is not: annex-missing', () => {
		assert.deepEqual(diagnose(text('These facts are referred to in detail in annex I.')).filter((d) => d.code === 'annex-missing').map((d) => d.code), ['annex-missing']);
	});

	it('is answered by the annex when the letter itself refers to it', () => {
		const letterRef = lines(
			'United Nations A/37/553', 'General Assembly Distr.: General 20 October 1982', '',
			'Letter dated 18 October 1982 from the Permanent Representative of Argentina to the United Nations addressed to the Secretary-General', '',
			'I have the honour to transmit the attached document (see annex I).', '', '(Signed) Carlos MUÑIZ', '', 'Annex', '', 'The document.',
		);
		assert.deepEqual(diagnose(letterRef).filter((d) => d.code === 'annex-missing'), []);
	});
});

describe('symbols that OCR damaged', () => {
	const slips = (text: string) => withOcrSymbolSlips(text, scanDocumentSymbols(text)).map((match) => `${match.raw}${match.malformed ? ' malformed' : ''}`);

	it('are malformed: a series in lower case, a series without its slash, two symbols run together with S read as 8', () => {
		assert.deepEqual(slips('My letter of 1 June 1965 (s/6j597) and the letter s/1156o.'), ['s/6j597 malformed', 's/1156o malformed']);
		assert.deepEqual(slips('circulated as document A70/623 of the Assembly'), ['A70/623 malformed']);
		assert.deepEqual(slips('United Nations A/78/3358/2023/642 General Assembly'), ['A/78/3358/2023/642 malformed']);
	});

	it('leave alone words with slashes, well-formed symbols and numbers that are not symbols', () => {
		assert.deepEqual(slips('s/he and/or km/s, a/2 of the 24/7 desk; see A/78/335-S/2023/642 and A4/5 paper'), ['A/78/335-S/2023/642']);
		assert.deepEqual(slips('documents A/78/335/Add.1 and E/CN.4/2003/5/Add.1'), ['A/78/335/Add.1', 'E/CN.4/2003/5/Add.1']);
	});

	it('raise symbol-malformed in a letter and are no citation', () => {
		const text = lines('Letter dated 1 July 1965 from the Permanent Representative of Israel addressed to the President of the Security Council', '', 'I have the honour to recall my letter of 1 June 1965 (s/6j597).', '', '(Signed) Michael COMAY');
		assert.deepEqual(diagnose(text).filter((d) => d.code === 'symbol-malformed').map((d) => d.text), ['s/6j597']);
		assert.deepEqual(letterFacts(parse(text)).cites, []);
	});
});
