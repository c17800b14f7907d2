// Golden tests on the five real letters: what an experienced documents officer reads in each.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toIsoDate } from '../../../server/src/engine/calendar/dates';
import type { Letter } from '../../../server/src/engine/letter/model';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { readFixtureLetter, referenceData } from '../helpers/fixtures';

function parse(prefix: string): Letter {
	return parseLetter(readFixtureLetter(prefix).text, referenceData);
}

function slice(letter: Letter, range: { start: number; end: number } | undefined): string | undefined {
	return range && letter.text.slice(range.start, range.end);
}

function agendaSummary(letter: Letter): string[] {
	return letter.agenda?.items.map((item) => `${item.number} ${item.title?.text ?? '?'} [${item.title?.source ?? 'none'}]`) ?? [];
}

function footnotePairs(letter: Letter): { markers: string[]; texts: string[] } {
	return { markers: letter.footnoteMarkers.map((marker) => marker.label), texts: letter.footnotes.map((note) => note.label) };
}

function citedWithDates(letter: Letter): string[] {
	return letter.citations.map((citation) => `${citation.symbol.text}${citation.date?.date ? ` (${toIsoDate(citation.date.date)})` : ''}`);
}

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

describe('000: Armenia, 31 October 2020 (plain text from PDF, superscript markers, ^{3,4,5})', () => {
	const letter = parse('000');
	it('reads the header', () => {
		assert.equal(letter.detection.isLetter, true);
		assert.equal(letter.kind, 'letter');
		assert.equal(letter.masthead, undefined);
		assert.equal(toIsoDate(letter.distribution!.date!.date!), '2020-11-03');
		assert.equal(letter.originalLanguage?.language, 'English');
		assert.deepEqual(letter.organs.map((organ) => `${organ.organ} ${organ.ordinal} ${organ.unit}`), ['General Assembly 75 session', 'Security Council 75 year']);
		assert.equal(slice(letter, letter.organs[0].ordinalRange), 'Seventy-fifth session');
	});
	it('pairs agenda items with titles from the session agenda', () => {
		assert.deepEqual(agendaSummary(letter), [
			'34 Prevention of armed conflict [agenda-data]',
			'71 Right of peoples to self-determination [agenda-data]',
			'114 Measures to eliminate international terrorism [agenda-data]',
			'135 The responsibility to protect and the prevention of genocide, war crimes, ethnic cleansing and crimes against humanity [agenda-data]',
		]);
		assert.equal(letter.agenda?.items[3].title?.range !== undefined, true, 'the title is found in the letter, across its three lines');
	});
	it('reads the title, the closing request and the signature', () => {
		assert.equal(toIsoDate(letter.title!.date!.date!), '2020-10-31');
		assert.equal(letter.title?.sender?.country, 'Armenia');
		assert.equal(letter.title?.addressee?.text, 'Secretary-General');
		assert.deepEqual(letter.closingRequest?.agendaItems.map((item) => item.number), [34, 71, 114, 135]);
		assert.deepEqual(letter.closingRequest?.organs, ['General Assembly', 'Security Council']);
		assert.equal(letter.signature?.name, 'Mher Margaryan');
	});
	it('pairs the 14 footnote markers with their texts, including ^{3,4,5} and a text before its marker page', () => {
		const pairs = footnotePairs(letter);
		assert.deepEqual(pairs.markers, oneToN(14));
		assert.deepEqual(pairs.texts, oneToN(14));
		assert.match(letter.footnotes[6].text, /A\/75\/495-S\/2020\/981/);
	});
	it('finds the one cited symbol, in footnote 7', () => {
		assert.deepEqual(citedWithDates(letter), ['A/75/495-S/2020/981']);
		assert.equal(letter.citations[0].footnote, '7');
		assert.deepEqual(letter.malformedSymbols, []);
	});
});

describe('001: Azerbaijan, 18 December 2020 (Markdown export: <sup>, links, escapes, annexes)', () => {
	const letter = parse('001');
	it('reads the header and pairs all eight agenda items from the data', () => {
		assert.equal(toIsoDate(letter.distribution!.date!.date!), '2020-12-22');
		assert.equal(agendaSummary(letter).length, 8);
		assert.ok(letter.agenda!.items.every((item) => item.title?.source === 'agenda-data' && item.title.range !== undefined));
		assert.equal(letter.title?.sender?.country, 'Azerbaijan');
		assert.equal(toIsoDate(letter.title.date!.date!), '2020-12-18');
	});
	it('pairs the 11 footnotes', () => {
		const pairs = footnotePairs(letter);
		assert.deepEqual(pairs.markers, oneToN(11));
		assert.deepEqual(pairs.texts, oneToN(11));
	});
	it('cites symbols in link wrappers with their dates, and finds the impossible date', () => {
		const cited = citedWithDates(letter);
		assert.ok(cited.includes('S/24493 (1992-08-26)'));
		assert.ok(cited.includes('A/74/676-S/2020/90 (2020-02-07)'));
		assert.ok(cited.includes('A/71/740-S/2016/1140 (2017-01-06)'));
		assert.ok(cited.includes('S/2020/1104 (2020-11-11)'));
		assert.ok(cited.includes('A/75/487-S/2020/973'), 'the citation with the impossible date has no valid date');
		const invalid = letter.dates.filter((date) => date.invalid);
		assert.deepEqual(invalid.map((date) => date.raw), ['016 October 2020']);
	});
	it('finds the resolutions, the annexes and the references to them', () => {
		assert.deepEqual(letter.resolutions.map((resolution) => resolution.symbol), [
			'S/RES/822 (1993)', 'S/RES/853 (1993)', 'S/RES/874 (1993)', 'S/RES/884 (1993)',
			'S/RES/822 (1993)', 'S/RES/853 (1993)', 'S/RES/874 (1993)', 'S/RES/884 (1993)',
		]);
		assert.deepEqual(letter.annexes.map((annex) => annex.label), ['I', 'II']);
		assert.deepEqual(letter.annexReferences.map((reference) => reference.label), ['I', 'II']);
		assert.deepEqual(letter.closingRequest?.agendaItems.map((item) => item.number), [34, 35, 40, 68, 70, 71, 72, 86]);
		assert.equal(letter.signature?.name, 'Yashar Aliyev');
	});
});

describe('002: Azerbaijan, 14 April 2020 (letter references, titles paired by other sessions)', () => {
	const letter = parse('002');
	it('pairs titles: the data first, then the order the items keep in other sessions, then the letter', () => {
		assert.deepEqual(agendaSummary(letter), [
			'32 Protracted conflicts in the GUAM area and their implications for international peace, security and development [agenda-data]',
			'37 The situation in the occupied territories of Azerbaijan [agenda-data]',
			'68 Elimination of racism, racial discrimination, xenophobia and related intolerance [other-sessions-order]',
			'70 Promotion and protection of human rights [other-sessions-order]',
			'75 Responsibility of States for internationally wrongful acts [letter-order]',
			'83 The rule of law at the national and international levels [agenda-data]',
		]);
	});
	it('resolves its letter references by the symbol given nearby', () => {
		const references = letter.letterReferences.map((reference) => `${reference.own ? 'own' : 'other'} ${toIsoDate(reference.date!.date!)} ${reference.sender?.country ?? '-'} → ${reference.nearbySymbol?.text ?? 'none'}`);
		assert.deepEqual(references, ['other 2020-03-27 Armenia → A/74/771-S/2020/242', 'own 2020-02-24 - → A/74/718-S/2020/149']);
		assert.ok(letter.letterReferences.every((reference) => reference.unCorrespondence));
	});
	it('pairs the 11 footnotes', () => {
		assert.deepEqual(footnotePairs(letter).texts, oneToN(11));
		assert.deepEqual(footnotePairs(letter).markers, oneToN(11));
	});
});

describe('003: note verbale of the Permanent Mission in Geneva', () => {
	const letter = parse('003');
	it('is a note verbale with its own parts', () => {
		assert.equal(letter.detection.isLetter, true);
		assert.equal(letter.kind, 'note-verbale');
		assert.equal(letter.noteVerbale?.reference?.text, '0461/27/20/22');
		assert.match(letter.noteVerbale?.senderMission?.text ?? '', /^Permanent Mission of the Republic of Azerbaijan/);
		assert.match(letter.noteVerbale?.addressee?.text ?? '', /^Office of the United Nations High Commissioner for Human Rights/);
		assert.equal(letter.noteVerbale?.placeAndDate?.place, 'Geneva');
		assert.equal(toIsoDate(letter.noteVerbale.placeAndDate.date!.date!), '2020-11-04');
	});
	it('has no masthead, distribution or agenda, and cites Security Council resolutions', () => {
		assert.equal(letter.distribution, undefined);
		assert.equal(letter.agenda, undefined);
		assert.deepEqual(letter.citations, []);
		assert.deepEqual(letter.resolutions.map((resolution) => resolution.symbol), [
			'S/RES/822 (1993)', 'S/RES/853 (1993)', 'S/RES/874 (1993)', 'S/RES/884 (1993)', 'S/RES/874', 'S/RES/884',
		]);
	});
});

describe('004: Azerbaijan, 10 February 2022 (collapsed header line, titles out of order)', () => {
	const letter = parse('004');
	it('reads the collapsed header', () => {
		assert.equal(toIsoDate(letter.distribution!.date!.date!), '2022-02-11');
		assert.deepEqual(letter.organs.map((organ) => `${organ.organ} ${organ.ordinal} ${organ.unit}`), ['General Assembly 76 session', 'Security Council 77 year']);
		assert.deepEqual(letter.agenda?.items.map((item) => item.number), [16, 35, 66, 72, 74, 85, 134]);
	});
	it('pairs each number with its title although the letter lists them in another order', () => {
		const byNumber = new Map(letter.agenda!.items.map((item) => [item.number, item.title?.text]));
		assert.equal(byNumber.get(16), 'Culture of peace');
		assert.equal(byNumber.get(35), 'Prevention of armed conflict');
		assert.equal(byNumber.get(66), 'Peacebuilding and sustaining peace');
		assert.equal(byNumber.get(72), 'Elimination of racism, racial discrimination, xenophobia and related intolerance');
		assert.equal(byNumber.get(134), 'The responsibility to protect and the prevention of genocide, war crimes, ethnic cleansing and crimes against humanity');
	});
	it('joins footnote 1 across the page break and dates its citations', () => {
		assert.deepEqual(footnotePairs(letter).texts, oneToN(7));
		assert.deepEqual(footnotePairs(letter).markers, oneToN(7));
		const inFootnote1 = letter.citations.filter((citation) => citation.footnote === '1').map((citation) => citation.symbol.text);
		assert.equal(inFootnote1.length, 10);
		assert.ok(inFootnote1.includes('A/75/742-S/2021/279'));
		const cited = citedWithDates(letter);
		assert.ok(cited.includes('A/75/660-S/2020/1267 (2020-12-22)'));
		assert.ok(cited.includes('A/74/807-S/2020/303 (2020-04-15)'));
	});
	it('reads the signature on one line', () => {
		assert.equal(letter.signature?.name, 'Yashar Aliyev');
	});
});
