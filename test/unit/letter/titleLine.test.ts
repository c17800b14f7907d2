// The title line: where it ends when no blank line ends it, how it is printed over several lines, titles that lost "Letter".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toIsoDate } from '../../../server/src/engine/calendar/dates';
import type { Letter } from '../../../server/src/engine/letter/model';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { lines, makeLetter, referenceData } from '../helpers/fixtures';

function parse(text: string): Letter {
	return parseLetter(text, referenceData);
}

function title(letter: Letter) {
	return {
		kind: letter.kind,
		dated: letter.title?.date?.date && toIsoDate(letter.title.date.date),
		sender: letter.title?.sender?.country ?? letter.title?.sender?.text,
		addressee: letter.title?.addressee?.text,
	};
}

describe('a title followed directly by the body (web pages)', () => {
	// UNISPAL's shape: the title line, then the body paragraphs, each on a line, no blank lines.
	const letter = parse(lines(
		'Letter dated 15 February 2008 from the Permanent Representative of the Syrian Arab Republic to the United Nations addressed to the Secretary-General',
		'I have the honour to write to you in reference to document S/2008/10 dated 11 January 2008.',
		'I should be grateful if you would have this letter circulated as a document of the Security Council.',
		'(Signed) Bashar Ja’afari',
		'Ambassador',
	));

	it('reads the title and its date, and ends it where the body begins', () => {
		assert.deepEqual(title(letter), { kind: 'letter', dated: '2008-02-15', sender: 'Syrian Arab Republic', addressee: 'Secretary-General' });
		assert.equal(letter.text.slice(letter.title!.range.start, letter.title!.range.end).endsWith('Secretary-General'), true);
		assert.equal(letter.paragraphs.length > 0 && letter.text.slice(letter.paragraphs[0].start, letter.paragraphs[0].start + 18), 'I have the honour ');
	});

	it('ends the title after its addressees when a capitalised word opens the body', () => {
		const text = lines(
			'Identical letters dated 12 October 2015 from the Permanent Representative of Ruritania to the United Nations addressed to the Secretary-General, the President of the General Assembly and the President of the Security Council',
			'Ruritania has been following the situation with concern.',
		);
		assert.equal(parse(text).title?.addressee?.text, 'Secretary-General, the President of the General Assembly and the President of the Security Council');
	});
});

describe('a title printed over several lines', () => {
	it('joins a centred title of the 1990s, over three lines', () => {
		const letter = parse(lines(
			'Distr. GENERAL',
			'',
			'22 April 1996',
			'',
			'         Letter dated 19 April 1996 from the Permanent Representative',
			'         of Bangladesh to the United Nations addressed to the        ',
			'                               Secretary-General',
			'',
			'     I have the honour to enclose a letter.',
		));
		assert.deepEqual(title(letter), { kind: 'letter', dated: '1996-04-19', sender: 'Bangladesh', addressee: 'Secretary-General' });
	});

	it('joins a title whose lines a web page separated by blank lines (UNISPAL, 2006)', () => {
		const letter = parse(lines(
			'    Letter dated 23 May 2006 from the Permanent Representative',
			'',
			'of Argentina to the United Nations addressed to the President',
			'',
			'of the Security Council ',
			'',
			'',
			'  Please find attached the report on the work of the Security Council (see annex).',
			'',
			'(Signed) César Mayoral',
		));
		assert.deepEqual(title(letter), { kind: 'letter', dated: '2006-05-23', sender: 'Argentina', addressee: 'President of the Security Council' });
	});
});

describe('titles that lost a word', () => {
	it('reads a title whose page lost the word "Letter" (nato.int, 1997)', () => {
		const letter = parse(lines(
			'Dated 1 December 1997 from the President of the Security Council Addressed to the Secretary-General',
			'',
			'I have the honour to inform you that your letter dated 26 November 1997 (S/1997/938) has been brought to the attention of the members of the Council.',
			'',
			'(Signed) Fernando BERROCAL SOTO',
			'President of the Security Council',
		));
		assert.equal(letter.detection.isLetter, true);
		assert.deepEqual(title(letter), { kind: 'letter', dated: '1997-12-01', sender: 'President of the Security Council', addressee: 'Secretary-General' });
	});

	it('reads a letter that was not circulated: Letter from … to the Secretary-General, undated', () => {
		const letter = parse(lines(
			'10 August 1995 (Not distributed)',
			'',
			'Letter from Dr. Nasser Al-Kidwa, Permanent Observer of Palestine to the U.N., to the Secretary-General of the United Nations: (Palestine Status)',
			'',
			'You will recall my letter to you, dated 31 March 1995, on the status of the Permanent Observer Mission of Palestine to the United Nations.',
		));
		assert.deepEqual(title(letter), { kind: 'letter', dated: undefined, sender: 'Palestine', addressee: 'Secretary-General of the United Nations' });
	});

	it('reads a title and a sender printed in capitals', () => {
		const letter = parse(makeLetter({ title: 'NOTE VERBALE DATED 30 SEPTEMBER 1996 FROM THE PERMANENT MISSION OF KAZAKSTAN TO THE UNITED NATIONS ADDRESSED TO THE SECRETARY-GENERAL' }));
		assert.deepEqual(title(letter), { kind: 'note-verbale', dated: '1996-09-30', sender: 'KAZAKSTAN', addressee: 'SECRETARY-GENERAL' });
	});
});

describe('what is not a title', () => {
	it('a letter referred to in the body is not the title, even at the start of a line', () => {
		const letter = parse(lines(
			'Distr.: General',
			'3 November 2020',
			'',
			'I have the honour to refer to',
			'my letter dated 24 February 2020 addressed to you, and to add the following.',
		));
		assert.equal(letter.title, undefined);
		assert.deepEqual(letter.letterReferences.map((reference) => reference.own), [true]);
	});

	it('a line of a body list that names a letter is not taken for the title after the real one', () => {
		const letter = parse(lines(
			'Letter dated 15 February 2008 from the Permanent Representative of the Syrian Arab Republic to the United Nations addressed to the Secretary-General',
			'I have the honour to request the retention of the following items:',
			'20. Letter dated 4 February 1986 from the Permanent Representative of the Syrian Arab Republic to the United Nations addressed to the President of the Security Council (S/17787).',
		));
		assert.equal(title(letter).dated, '2008-02-15');
		assert.deepEqual(letter.citations.map((citation) => citation.symbol.text), ['S/17787']);
	});
});

describe('titles of the fifth round\'s new letters', () => {
	it('reads a title that names the addressee before the writer (`addressed to … by the Permanent Representative of …`)', () => {
		const letter = parse(lines(
			'Letter dated 26 April 2004 addressed to the President of the Security Council by the Permanent Representative of France to the United Nations',
			'Please find attached the report on the work of the Security Council (see annex).',
			'(Signed) Jean-Marc de La Sablière',
		));
		assert.deepEqual(title(letter), { kind: 'letter', dated: '2004-04-26', sender: 'France', addressee: 'President of the Security Council' });
	});
	it('reads a title printed over three lines whose last line names the addressee after a blank line', () => {
		const letter = parse(lines(
			'Letter dated 21 June 1978 from the Chairman of the Committee',
			'',
			' on the Exercise of the Inalienable Rights of the Palestinian',
			'',
			' People addressed to the Secretary-General',
			'',
			'The reply of the Government of Israel confirms that it has no intention of honouring the resolutions.',
			'',
			'(Signed) Medoune FALL',
		));
		assert.deepEqual(title(letter), { kind: 'letter', dated: '1978-06-21', sender: 'Chairman of the Committee on the Exercise of the Inalienable Rights of the Palestinian People', addressee: 'Secretary-General' });
		const body = parse(lines('Letter dated 21 June 1978 from the Chairman of the Committee', '', 'I refer to the letter addressed to you on 3 May.', '', '(Signed) Medoune FALL'));
		assert.equal(body.title?.addressee, undefined);
	});
	it('ends the addressee of a title in capitals where it goes on with a second document (`…, AND REPLY DATED …`)', () => {
		const letter = parse(lines(
			'LETTER DATED 18 MAY 1948 FROM THE ASSISTANT SECRETARY-GENERAL FOR SECURITY COUNCIL AFFAIRS ADDRESSED TO THE ARAB HIGHER COMMITTEE, AND REPLY DATED 24 MAY 1948 ADDRESSED TO THE SECRETARY-GENERAL CONCERNING THE QUESTIONS',
			'',
			'Sir,',
		));
		assert.equal(title(letter).addressee, 'ARAB HIGHER COMMITTEE');
	});
});

describe('titles of the fifth round\'s third batch', () => {
	it('reads no addressee from a title cut after `addressed to the`, whose next line opens the body', () => {
		const letter = parse(lines(
			'Letter dated 5 October 2000 from the Permanent Representative of Nigeria to the United Nations addressed to the',
			'I have the honour to transmit herewith the Ministerial Statement adopted by the Group of 77.',
			'(Signed) Arthur MBANEFO',
		));
		assert.deepEqual(title(letter), { kind: 'letter', dated: '2000-10-05', sender: 'Nigeria', addressee: undefined });
		const whole = parse(lines(
			'Letter dated 5 October 2000 from the Permanent Representative of Nigeria to the United Nations addressed to the',
			'Secretary-General',
			'I have the honour to transmit herewith the Ministerial Statement adopted by the Group of 77.',
		));
		assert.equal(title(whole).addressee, 'Secretary-General');
	});
	it('does not take `the following letter dated …` in a cable\'s lead for the title, and ends an addressee hyphenated over a line end', () => {
		const letter = parse(lines(
			'1. SPANISH PERMREP SENT THE FOLLOWING LETTER',
			'DATED OCTOBER 2 TO THE SECRETARY GENERAL.',
			'QUOTE:',
			'LETTER DATED 2 OCTOBER 1975 FROM THE PERMANENT REPRESENTATIVE',
			'OF SPAIN TO THE UNITED NATIONS ADDRESSED TO THE SECRETARY-',
			'GENERAL',
			'LIMITED OFFICIAL USE',
			'PAGE 02 USUN N 04726 032131Z',
			'IN CONNEXION WITH DOCUMENT S/11836 OF 30 SEPTEMBER 1975, I SHOULD LIKE TO STATE THE FOLLOWING:',
		));
		assert.deepEqual(title(letter), { kind: 'letter', dated: '1975-10-02', sender: 'SPAIN', addressee: 'SECRETARY-GENERAL' });
	});
	it('reads a title in capitals printed over four lines with blank lines between, before an annex\'s title in mixed case', () => {
		const letter = parse(lines(
			'LETTER DATED 30 NOVEMBER 1998 FROM THE EXECUTIVE CHAIRMAN OF THE',
			'',
			'SPECIAL COMMISSION ESTABLISHED BY THE SECRETARY-GENERAL PURSUANT',
			'',
			'TO PARAGRAPH 9 (b) (i) OF SECURITY COUNCIL RESOLUTION 687 (1991)',
			'',
			'ADDRESSED TO THE PRESIDENT OF THE SECURITY COUNCIL',
			'',
			'I have the honour to forward to you a copy of the letters that I addressed to the Deputy Prime Minister.',
			'',
			'Annex I',
			'',
			'Letter dated 27 November 1998 from the Executive Chairman of the',
			'',
			'Special Commission addressed to the Permanent Representative of Iraq to the United Nations',
		));
		assert.deepEqual(title(letter), { kind: 'letter', dated: '1998-11-30', sender: 'EXECUTIVE CHAIRMAN OF THE SPECIAL COMMISSION ESTABLISHED BY THE SECRETARY-GENERAL PURSUANT TO PARAGRAPH 9 (b) (i) OF SECURITY COUNCIL RESOLUTION 687 (1991)', addressee: 'PRESIDENT OF THE SECURITY COUNCIL' });
	});
});

describe('titles of the seventh round', () => {
	it('ends the addressee of a title in capitals whose last word has the body\'s `I` glued to it (`COUNCILI have the honour`)', () => {
		const letter = parse(lines(
			'LETTER DATED 4 MAY 1999 FROM THE CHAIRMAN OF THE SECURITY COUNCIL COMMITTEE ESTABLISHED PURSUANT TO SECURITY COUNCIL RESOLUTION 864 (1993) CONCERNING THE SITUATION IN ANGOLA ADDRESSED TO THE PRESIDENT OF THE SECURITY COUNCILI have the honour to transmit herewith the text of a conceptual framework.',
			'',
			'Robert R. Fowler',
		));
		assert.deepEqual(title(letter), { kind: 'letter', dated: '1999-05-04', sender: 'CHAIRMAN OF THE SECURITY COUNCIL COMMITTEE ESTABLISHED PURSUANT TO SECURITY COUNCIL RESOLUTION 864 (1993) CONCERNING THE SITUATION IN ANGOLA', addressee: 'PRESIDENT OF THE SECURITY COUNCIL' });
		const general = parse(lines('LETTER DATED 2 MAY 1999 FROM THE PERMANENT REPRESENTATIVE OF RURITANIA TO THE UNITED NATIONS ADDRESSED TO THE SECRETARY-GENERALI wish to inform you of the decision.'));
		assert.equal(title(general).addressee, 'SECRETARY-GENERAL');
	});
	it('keeps a name in capitals that ends in I when no verb of the body follows it (`… OF MALI`), and a title in mixed case as it was', () => {
		const mali = parse(lines('LETTER DATED 2 MAY 1999 FROM THE SECRETARY-GENERAL ADDRESSED TO THE PERMANENT REPRESENTATIVE OF MALI', '', 'I have the honour to inform you of the decision.'));
		assert.equal(title(mali).addressee, 'PERMANENT REPRESENTATIVE OF MALI');
		const mixed = parse(lines('Letter dated 2 May 1999 from the Secretary-General addressed to the Permanent Representative of Mali', '', 'I have the honour to inform you of the decision.'));
		assert.equal(title(mixed).addressee, 'Permanent Representative of Mali');
	});
});
