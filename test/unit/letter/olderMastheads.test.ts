// Mastheads of older documents: `Distr.` / `GENERAL` with the date on a later line, the symbol repeated in the header,
// the agenda footnote of the preliminary list, mastheads that kept only the organs and the date, symbols named by a note.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toIsoDate } from '../../../server/src/engine/calendar/dates';
import type { Letter } from '../../../server/src/engine/letter/model';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { diagnose } from '../diagnostics/diagnose';
import { lines, referenceData } from '../helpers/fixtures';

function parse(text: string): Letter {
	return parseLetter(text, referenceData);
}

const BODY = ['', '     I have the honour to enclose a letter (see annex).', '', '                                              (Signed)  Reaz RAHMAN', '', '                                     ANNEX', '', '     The text of the annex.'];

describe('a un.org page of the 1990s', () => {
	// The shape of http://www.un.org/documents/ga/docs/51/plenary/a51-120.htm.
	const text = lines(
		'United Nations', '', 'A/51/120', '', '', 'General Assembly', '', 'Distr. GENERAL  ', '', '22 April 1996', '', 'ORIGINAL:', 'ENGLISH', '', '',
		'                                                        A/51/120', '', 'General Assembly', 'Fifty-first session', 'Item 97 of the preliminary list*', '', '*    A/51/50.', '', '',
		'                   SUSTAINABLE DEVELOPMENT AND INTERNATIONAL', '                             ECONOMIC COOPERATION', '',
		'         Letter dated 19 April 1996 from the Permanent Representative', '         of Bangladesh to the United Nations addressed to the        ', '                               Secretary-General',
		...BODY,
	);
	const letter = parse(text);

	it('reads the distribution date on a later line than Distr. GENERAL, and the original language in capitals', () => {
		assert.equal(letter.masthead?.symbol.text, 'A/51/120');
		assert.equal(toIsoDate(letter.distribution!.date!.date!), '1996-04-22');
		assert.equal(letter.distribution?.kind, 'General');
		assert.equal(letter.originalLanguage?.language, 'English');
	});

	it('reads the session, the item of the preliminary list and its title centred over two lines', () => {
		assert.deepEqual(letter.organs.map((organ) => `${organ.organ} ${organ.ordinal} ${organ.unit}`), ['General Assembly 51 session']);
		assert.deepEqual(letter.agenda?.items.map((item) => `${item.number} ${item.title?.text}`), ['97 SUSTAINABLE DEVELOPMENT AND INTERNATIONAL ECONOMIC COOPERATION']);
		assert.equal(letter.agenda?.provisional, true);
	});

	it('takes the agenda footnote for the list document, not a citation, and the symbol repeated in the header for a running header', () => {
		assert.equal(letter.agenda?.listDocument?.symbol.text, 'A/51/50');
		assert.deepEqual(letter.citations, []);
		assert.ok(letter.furniture.some((range) => text.slice(range.start, range.end).trim() === 'A/51/120'));
	});

	it('raises nothing: no unresolved citation, no footnote problem', () => {
		assert.deepEqual(diagnose(text).map((diagnostic) => `${diagnostic.code} ${diagnostic.text}`), []);
	});
});

describe('the symbol and the date between Distr. and its date (ECOSOC, UNISPAL)', () => {
	const letter = parse(lines('UNITED', 'NATIONS', 'E', '', '        Economic and Social Council', 'Distr.', 'GENERAL', 'E/CN.4/2003/G/4', '11 September 2002', '', 'Original: ENGLISH', '', 'COMMISSION ON HUMAN RIGHTS', 'Fifty-ninth session', 'Item 10 of the provisional agenda', '', 'Note verbale dated 22 August 2002 from the Permanent Mission of Israel to the United Nations Office at Geneva addressed to the secretariat of the Commission on Human Rights', '', 'The Permanent Mission of Israel presents its compliments to the secretariat.'));

	it('reads the symbol printed after Distr. as the masthead, and the date after it', () => {
		assert.equal(letter.masthead?.symbol.text, 'E/CN.4/2003/G/4');
		assert.equal(toIsoDate(letter.distribution!.date!.date!), '2002-09-11');
	});

	it('pairs the session with the Commission, not with the Council of the masthead', () => {
		assert.deepEqual(letter.organs.map((organ) => `${organ.organ} ${organ.ordinal} ${organ.unit}`), ['Commission on Human Rights 59 session']);
	});
});

describe('a masthead that kept only the organs and the date (UNISPAL)', () => {
	it('reads the date under the organs as the distribution date', () => {
		const letter = parse(lines('        General Assembly', '        Security Council', '', '7 May 1999', '', '', 'Fifty-third session', 'Agenda items 39 and 40', 'Fifty-fourth year', '', 'Identical letters dated 7 May 1999 from the Permanent Representative of Algeria to the United Nations addressed to the Secretary-General and to the President of the Security Council', '', 'I have the honour to draw your attention to the following.'));
		assert.equal(toIsoDate(letter.distribution!.date!.date!), '1999-05-07');
		assert.deepEqual(letter.organs.map((organ) => `${organ.organ} ${organ.ordinal} ${organ.unit}`), ['General Assembly 53 session', 'Security Council 54 year']);
	});

	it('does not take a date that heads a page without a masthead for a distribution date', () => {
		const letter = parse(lines('1 Dec. 1997', '', '', 'Dated 1 December 1997 from the President of the Security Council Addressed to the Secretary-General', '', 'I have the honour to inform you.', '', '(Signed) Fernando BERROCAL SOTO'));
		assert.equal(letter.distribution, undefined);
	});
});

describe('the letterhead of an officer of an organ, over a date line (a letter as sent)', () => {
	it('does not take the date under `The President` / `of the` / `Economic and Social Council` for a distribution date, and still reads one under a masthead\'s organ line', () => {
		const letter = parse(lines('The President', '', 'of the', 'Economic and Social Council', '', '22 June 2020', '', '', 'As you are aware, the United Nations high-level political forum will take place under the auspices of the Economic and Social Council.'));
		assert.equal(letter.detection.isLetter, true);
		assert.equal(letter.distribution, undefined);
		const chair = parse(lines('The Chair of the', 'Security Council', '', '3 May 2021', '', 'Excellency,', '', 'I have the honour to inform you of the programme.'));
		assert.equal(chair.distribution, undefined);
		const masthead = parse(lines('United Nations', 'Economic and Social Council', '', '22 June 2020', '', 'Letter dated 20 June 2020 from the Permanent Representative of Ruritania to the United Nations addressed to the President of the Economic and Social Council', '', 'I have the honour to transmit the following.'));
		assert.equal(toIsoDate(masthead.distribution!.date!.date!), '2020-06-22');
	});
});

describe('the document’s own symbols named by a note', () => {
	it('takes "Circulated under the double symbol" for the identity when no masthead prints it, not for a citation', () => {
		const text = lines('        Security Council', '20 January 1988', '', '', 'Letter dated 20 January 1988 from the representative of the Union of Soviet Socialist Republics to the Secretary-General', '', 'I have the honour to transmit a letter.', '', '* Circulated under the double symbol A/43/96-S/19442.');
		const letter = parse(text);
		assert.equal(letter.masthead?.symbol.text, 'A/43/96-S/19442');
		assert.deepEqual(letter.citations, []);
		assert.equal(letter.title?.addressee?.text, 'Secretary-General');
	});

	it('does not cite the symbol a masthead note says the document also has', () => {
		const letter = parse(lines('Distr.', 'GENERAL', 'S/10141*', '3 March 1971', 'ORIGINAL: ENGLISH', 'LETTER DATED 2 MARCH 1971 FROM THE PERMANENT REPRESENTATIVE OF THE UNITED ARAB REPUBLIC TO THE UNITED NATIONS ADDRESSED TO THE SECRETARY-GENERAL', 'I have the honour to refer to document S/10070/Add.1 dated 1 February 1971.', '(Signed) Mohammed H. EL-ZAYYAT', '* Also issued under the symbol A/8292.'));
		assert.equal(letter.masthead?.symbol.text, 'S/10141');
		assert.deepEqual(letter.citations.map((citation) => citation.symbol.text), ['S/10070/Add.1']);
	});

	it('still cites a symbol that a letter says another document was issued under, when it is not a note on this one', () => {
		const letter = parse(lines('Distr.: General', '', 'Letter dated 1 May 2020 from the Permanent Representative of X to the United Nations addressed to the Secretary-General', '', 'The report issued as document A/74/100 is recalled.'));
		assert.deepEqual(letter.citations.map((citation) => citation.symbol.text), ['A/74/100']);
	});
});
