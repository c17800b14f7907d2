// Headers laid out in two columns: each organ paired with its own session or year, the agenda titles with their numbers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toIsoDate } from '../../../server/src/engine/calendar/dates';
import type { Letter } from '../../../server/src/engine/letter/model';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { lines, referenceData } from '../helpers/fixtures';

function parse(text: string): Letter {
	return parseLetter(text, referenceData);
}

function organs(letter: Letter): string[] {
	return letter.organs.map((organ) => `${organ.organ} ${organ.ordinal} ${organ.unit} (${letter.text.slice(organ.ordinalRange.start, organ.ordinalRange.end)})`);
}

function items(letter: Letter): string[] {
	return letter.agenda?.items.map((item) => `${item.number} ${item.title?.text ?? '?'}`) ?? [];
}

const TITLE = 'Letter dated 27 September 2020 from the Permanent Representative of Ruritania to the United Nations addressed to the Secretary-General';
const BODY = ['', 'I have the honour to refer to the situation in the region.', '', '(Signed) Jane Doe'];

describe('an ODS PDF header laid out in columns (pdftotext -layout)', () => {
	const letter = parse(lines(
		'United Nations                                                      A/75/356–S/2020/947',
		'',
		'               General Assembly                                     Distr.: General',
		'               Security Council                                     28 September 2020',
		'',
		'                                                                    Original: English',
		'',
		'General Assembly                                   Security Council',
		'Seventy-fifth session                              Seventy-fifth year',
		'Agenda items 34 and 71',
		'Prevention of armed conflict',
		'Right of peoples to self-determination',
		'',
		TITLE,
		...BODY,
	));

	it('pairs each organ with the session or year below it, not with the one beside it', () => {
		assert.deepEqual(organs(letter), ['General Assembly 75 session (Seventy-fifth session)', 'Security Council 75 year (Seventy-fifth year)']);
	});

	it('reads the masthead symbol and the distribution date of the right-hand column', () => {
		assert.equal(letter.masthead?.symbol.text, 'A/75/356-S/2020/947');
		assert.equal(toIsoDate(letter.distribution!.date!.date!), '2020-09-28');
	});

	it('reads the agenda titles printed on consecutive lines, one per item', () => {
		assert.deepEqual(items(letter), ['34 Prevention of armed conflict', '71 Right of peoples to self-determination']);
		assert.deepEqual(letter.agenda?.titles.map((title) => title.text), ['Prevention of armed conflict', 'Right of peoples to self-determination']);
	});
});

describe('two-column headers as web pages keep them', () => {
	it('reads a header whose year slipped to the next line (cyprusun.org, 2013)', () => {
		const letter = parse(lines(
			'General Assembly                                                           Security Council',
			'Sixty-seventh session                                                         ',
			'    Sixty-eight year',
			'Agenda item 43',
			'Question of Cyprus',
			'',
			TITLE,
			...BODY,
		));
		assert.deepEqual(organs(letter), ['General Assembly 67 session (Sixty-seventh session)', 'Security Council 68 year (Sixty-eight year)']);
		assert.deepEqual(items(letter), ['43 Question of Cyprus']);
	});

	it('reads columns separated by tabs and set in capitals, with titles in capitals on consecutive lines (UNISPAL, 1997)', () => {
		const letter = parse(lines(
			'GENERAL ASSEMBLY\tSECURITY COUNCIL',
			'Fifty-second session\tFifty-second year',
			'Items 36 and 37 of the',
			'  provisional agenda*',
			'QUESTION OF PALESTINE',
			'THE SITUATION IN THE MIDDLE EAST',
			'',
			TITLE,
			...BODY,
		));
		assert.deepEqual(organs(letter), ['General Assembly 52 session (Fifty-second session)', 'Security Council 52 year (Fifty-second year)']);
		assert.deepEqual(items(letter), ['36 QUESTION OF PALESTINE', '37 THE SITUATION IN THE MIDDLE EAST']);
	});

	it('reads a header printed as a table (UNISPAL, 2023)', () => {
		const letter = parse(lines(
			'| General Assembly | Security Council | |',
			'| Tenth emergency special session | Seventy-eighth year | |',
			'| Agenda item 5',
			'Illegal Israeli actions in Occupied East Jerusalem and the rest of the Occupied Palestinian Territory',
			'|',
			TITLE,
			'In the week since our last letter, more lives have been lost.',
		));
		assert.deepEqual(organs(letter), ['General Assembly 10 emergency-special-session (Tenth emergency special session)', 'Security Council 78 year (Seventy-eighth year)']);
		assert.deepEqual(items(letter), ['5 Illegal Israeli actions in Occupied East Jerusalem and the rest of the Occupied Palestinian Territory']);
	});

	it('pairs across the masthead when the date stands between the organs and the sessions (UNISPAL, 1987)', () => {
		const letter = parse(lines(
			'        General Assembly',
			'        Security Council',
			'',
			'1 May 1987',
			'',
			'Forty-second session Items 38 and 39 of the preliminary list*',
			'Forty-second year',
			'',
			TITLE,
			...BODY,
		));
		assert.deepEqual(organs(letter), ['General Assembly 42 session (Forty-second session)', 'Security Council 42 year (Forty-second year)']);
		assert.equal(toIsoDate(letter.distribution!.date!.date!), '1987-05-01');
		assert.deepEqual(items(letter), ['38 ?', '39 ?'], 'no titles are printed: the year beside the items is not one');
	});
});

describe('what a two-column header must not be read as', () => {
	it('an organ named in an agenda title is neither a column nor an organ header', () => {
		const letter = parse(lines(
			'General Assembly                                   Security Council',
			'Seventy-fifth session                              Seventy-fifth year',
			'Agenda item 30',
			'Report of the Security Council',
			'',
			TITLE,
			...BODY,
		));
		assert.deepEqual(letter.organs.map((organ) => organ.organ), ['General Assembly', 'Security Council']);
		assert.deepEqual(items(letter), ['30 Report of the Security Council']);
	});

	it('a session of a subsidiary body under a General Assembly masthead is that body’s, not the Assembly’s', () => {
		const letter = parse(lines(
			'A/HRC/22/G/1',
			'',
			'General Assembly                     Distr.: General 18 October 2012',
			'',
			'Human Rights Council',
			'Twenty-second session',
			'Agenda item 7',
			'',
			'Note verbale dated 5 October 2012 from the Permanent Mission of the Syrian Arab Republic to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights',
			'',
			'The Permanent Mission presents its compliments to the Office.',
		));
		assert.deepEqual(letter.organs.map((organ) => `${organ.organ} ${organ.ordinal} ${organ.unit}`), ['Human Rights Council 22 session']);
		assert.equal(letter.agenda?.session, undefined, 'item 7 is not an item of the Assembly’s agenda');
	});

	it('two titles of one column are not split where a title goes on over two lines', () => {
		const letter = parse(lines(
			'General Assembly                                   Security Council',
			'Seventy-fifth session                              Seventy-fifth year',
			'Agenda items 34 and 135',
			'Prevention of armed conflict',
			'The responsibility to protect and the prevention of',
			'genocide, war crimes, ethnic cleansing and crimes',
			'against humanity',
			'',
			TITLE,
			...BODY,
		));
		assert.deepEqual(letter.agenda?.titles.map((title) => title.text), [
			'Prevention of armed conflict',
			'The responsibility to protect and the prevention of genocide, war crimes, ethnic cleansing and crimes against humanity',
		]);
	});
});
