// Properties of the parser on any input: it never throws and every range lies inside the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { toIsoDate } from '../../../server/src/engine/calendar/dates';
import type { Letter } from '../../../server/src/engine/letter/model';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { FIXTURE_LETTER_NAMES, lines, makeLetter, readFixtureLetter, referenceData } from '../helpers/fixtures';

/** Every `{ start, end }` object anywhere in the model. */
function collectRanges(value: unknown, found: { start: number; end: number }[] = [], seen = new Set<unknown>()): { start: number; end: number }[] {
	if (!value || typeof value !== 'object' || seen.has(value)) {
		return found;
	}
	seen.add(value);
	const record = value as Record<string, unknown>;
	if (typeof record.start === 'number' && typeof record.end === 'number') {
		found.push({ start: record.start, end: record.end });
	}
	for (const [key, inner] of Object.entries(record)) {
		if (key !== 'text') {
			collectRanges(inner, found, seen);
		}
	}
	return found;
}

function assertRangesInside(letter: Letter): void {
	for (const range of collectRanges(letter)) {
		assert.ok(range.start >= 0 && range.start <= range.end && range.end <= letter.text.length, `range ${range.start}-${range.end} outside 0-${letter.text.length}`);
	}
}

const realLetters = FIXTURE_LETTER_NAMES.map((name) => readFixtureLetter(name).text);
const fragments = [
	'United Nations A/75/356–S/2020/947', 'Distr.: General', '016 October 2020', '31 September 2022', 'Agenda items 34, 71 and 135',
	'Item 30 of the provisional agenda*', '* A/75/150.', 'Letter dated 27 September 2020 from the Permanent Representative of X to the United Nations addressed to the Secretary-General',
	'¹', '¹⁴ See', '<sup>3</sup>', '^{3,4,5}', '[A/74/771-S/2020/242](#)', '\\(1993\\)', 'resolutions 822 (1993), 853 (1993) and 884 (1993)',
	'my letter dated 24 February 2020', '(see annex II)', 'Annex I to the letter dated', '(Signed) Name', '20-12655 (E) 011020 *2012655*',
	'A/75/', 'S/2020/', 'A/75/495-S/2020', '\r\n', '\n\n', '\t', '\ufeff', '\f', 'Seventy-fifth session', 'presents its compliments', 'Ref: 12/34',
	'Geneva, 4 November 2020', 'https://undocs.org/S/2020/1', '**', '# ', '---',
	// OCR and as-sent shapes: damaged dates and words, lost symbols, untitled openings, glued and starred markers.
	'Distr GENERAL', '20 October L982', 'dated 18 October l9B2 frorn the', 'Agenda iten 135', 'addressed to the Secretarv-General', 'Securit y Council',
	's/6j597', 'A70/623', 'A/78/3358/2023/642', 'GENERAL S/24577 • 21 September 1992 ORIGINAL:', 'LEttER OA.rED U S!PTIMBER 1992 FROM',
	'The Office for Disarmament Affairs presents its compliments to the', 'To: All Member States', 'From: The President', 'Excellency,', 'Yours sincerely,',
	'The X Representative (A) to the Y (B)1', 'Secretary-General1', 'Council.39', '(enclosed herewith)*,', '* Circulated', 'the UN SG', '(S/2008/708)',
];

describe('parser properties', () => {
	it('never throws and keeps every range inside the text, on arbitrary text', () => {
		fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'grapheme' }), (text) => {
			assertRangesInside(parseLetter(`Distr.: General\nAgenda item 1\n${text}`, referenceData));
		}), { numRuns: 300 });
	});
	it('never throws on letter-like fragments in any order', () => {
		fc.assert(fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), fc.array(fc.constantFrom(' ', '\n', '', ' x '), { maxLength: 40 }), (parts, separators) => {
			const text = parts.map((part, i) => part + (separators[i] ?? ' ')).join('');
			assertRangesInside(parseLetter(`Distr.: General\nPermanent Mission\n${text}`, referenceData));
		}), { numRuns: 400 });
	});
	it('never throws on real letters cut at random places or with random insertions', () => {
		fc.assert(fc.property(fc.integer({ min: 0, max: realLetters.length - 1 }), fc.nat(), fc.nat(), fc.string({ maxLength: 30 }), (which, a, b, insertion) => {
			const text = realLetters[which];
			const from = a % (text.length + 1);
			const to = from + (b % Math.max(1, text.length - from + 1));
			assertRangesInside(parseLetter(text.slice(0, from) + insertion + text.slice(to), referenceData));
		}), { numRuns: 150 });
	});
	it('keeps ranges inside on generated letters', () => {
		assertRangesInside(parseLetter(makeLetter({ footnotes: ['¹ A'], body: ['x¹ y² z^{3}'] }), referenceData));
	});
});

/** A text with every run of white space that holds a line break turned into one space: a whole document on one line. */
function collapse(text: string): string {
	return text.replace(/[ \t]*(?:\r\n|\r|\n)\s*/g, ' ');
}

/** What a reader reads off a letter, without ranges. */
function reading(letter: Letter) {
	return {
		isLetter: letter.detection.isLetter,
		kind: letter.kind,
		masthead: letter.masthead?.symbol.text,
		distributed: letter.distribution?.date?.date && toIsoDate(letter.distribution.date.date),
		organs: letter.organs.map((organ) => `${organ.organ} ${organ.ordinal} ${organ.unit}`),
		agenda: letter.agenda?.items.map((item) => `${item.number} ${item.title?.text ?? '?'}`),
		title: [letter.title?.kind, letter.title?.date?.raw, letter.title?.sender?.country, letter.title?.addressee?.text],
		footnotes: letter.footnotes.map((note) => `${note.label} ${note.text}`),
		markers: letter.footnoteMarkers.map((marker) => marker.label),
		cites: letter.citations.map((citation) => `${citation.symbol.text} ${citation.date?.raw ?? ''}`),
		annexes: letter.annexes.map((annex) => annex.label),
		annexReferences: letter.annexReferences.map((reference) => reference.label),
		signature: letter.signature?.name,
		closing: letter.closingRequest?.agendaItems.map((item) => item.number),
		malformed: letter.malformedSymbols.map((malformed) => malformed.raw),
	};
}

const SESSIONS = [['Seventy-fifth', 'Seventy-fifth', '3 November 2020'], ['Seventy-sixth', 'Seventy-seventh', '11 February 2022'], ['Seventy-fourth', 'Seventy-fifth', '15 April 2020']] as const;
const AGENDAS: readonly { line: string; titles: string[]; closing: string }[] = [
	{ line: 'Agenda items 34 and 71', titles: ['Prevention of armed conflict', 'Right of peoples to self-determination'], closing: 'under agenda items 34 and 71' },
	{ line: 'Agenda item 72', titles: ['Promotion and protection of human rights'], closing: 'under agenda item 72' },
	{ line: 'Agenda items 16, 35 and 134', titles: ['Culture of peace', 'Prevention of armed conflict', 'The responsibility to protect and the prevention of genocide, war crimes, ethnic cleansing and crimes against humanity'], closing: 'under agenda items 16, 35 and 134' },
];
const SENTENCES = [
	'The Council recalled document A/75/495-S/2020/981 (2 October 2020).',
	'I wish to draw your attention to the attacks of the past weeks.',
	'The resolutions 822 (1993) and 853 (1993) remain unimplemented.',
	'The figures are set out in the annex (see annex I).',
	'As stated in my letter dated 24 February 2020, nothing has changed.',
	'Hundreds of civilians were displaced, including 1.5 million children.',
];
const COUNTRIES = ['Armenia', 'Azerbaijan', 'the Syrian Arab Republic', 'Bangladesh'];

/** A generated letter whose structure a collapsed text keeps: each part is told apart by the marks that start its lines. */
const letterShapes = fc.record({
	masthead: fc.option(fc.constantFrom('A/75/356–S/2020/947', 'A/76/700-S/2022/100'), { nil: undefined }),
	session: fc.constantFrom(...SESSIONS),
	agenda: fc.constantFrom(...AGENDAS),
	country: fc.constantFrom(...COUNTRIES),
	identical: fc.boolean(),
	paragraphs: fc.array(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
	footnotes: fc.integer({ min: 0, max: 3 }),
	annex: fc.boolean(),
});

type LetterShape = typeof letterShapes extends fc.Arbitrary<infer T> ? T : never;

function buildShape(shape: LetterShape): string {
	const kind = shape.identical ? 'Identical letters' : 'Letter';
	const addressee = shape.identical ? 'the Secretary-General and the President of the Security Council' : 'the Secretary-General';
	const markers = ['¹', '²', '³'].slice(0, shape.footnotes);
	const body = shape.paragraphs.map((sentences, i) => `${sentences.join(' ')}${i === 0 ? markers.join('') : ''}`);
	return makeLetter({
		masthead: shape.masthead,
		session: shape.session[0],
		year: shape.session[1],
		distributed: shape.session[2],
		agenda: shape.agenda.line,
		agendaTitles: shape.agenda.titles,
		title: `${kind} dated 31 October 2020 from the Permanent Representative of ${shape.country} to the United Nations addressed to ${addressee}`,
		body,
		closing: `I kindly request that the present letter be circulated as a document of the General Assembly, ${shape.agenda.closing}, and of the Security Council.`,
		footnotes: markers.map((marker, i) => `${marker} ${['See A/75/100.', 'Ibid.', 'See S/2020/300 (4 April 2020).'][i]}`),
		annexes: shape.annex ? ['Annex I to the letter dated 31 October 2020 from the Permanent Representative to the United Nations addressed to the Secretary-General', 'Figures of the week.'] : [],
	});
}

describe('parser properties on collapsed and two-column text', () => {
	it('never throws and keeps every range inside the text, on real letters collapsed to one line and cut at random places', () => {
		fc.assert(fc.property(fc.integer({ min: 0, max: realLetters.length - 1 }), fc.nat(), fc.nat(), (which, a, b) => {
			const text = collapse(realLetters[which]);
			const from = a % (text.length + 1);
			const to = from + (b % Math.max(1, text.length - from + 1));
			assertRangesInside(parseLetter(text.slice(from, to), referenceData));
		}), { numRuns: 150 });
	});

	it('never throws on letter-like fragments run together on one line or laid out in columns', () => {
		const gaps = fc.constantFrom(' ', '    ', '\t', ' | ', '\n', '                              ');
		fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...fragments), gaps), { maxLength: 40 }), (parts) => {
			const text = parts.map(([part, gap]) => part + gap).join('');
			assertRangesInside(parseLetter(`General Assembly    Security Council\nDistr.: General ${text}`, referenceData));
		}), { numRuns: 300 });
	});

	it('reads a letter the same way whether its lines are kept or collapsed to one line', () => {
		fc.assert(fc.property(letterShapes, (shape) => {
			const kept = buildShape(shape);
			const collapsed = collapse(kept);
			const read = reading(parseLetter(kept, referenceData));
			assert.deepEqual(reading(parseLetter(collapsed, referenceData)), read);
			assert.equal(read.isLetter, true);
			assert.equal(read.footnotes.length, shape.footnotes);
			assert.deepEqual([read.title[1], read.masthead, read.agenda?.length, read.annexes.length], ['31 October 2020', shape.masthead?.replace('–', '-'), shape.agenda.titles.length, shape.annex ? 1 : 0]);
		}), { numRuns: 120 });
	});

	it('reads a header the same way whether its organs stand in one column or side by side', () => {
		fc.assert(fc.property(fc.constantFrom(...SESSIONS), fc.constantFrom(...AGENDAS), fc.integer({ min: 3, max: 40 }), fc.constantFrom(' ', '\t'), (session, agenda, width, fill) => {
			const gap = fill === '\t' ? '\t' : ' '.repeat(width);
			const title = 'Letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General';
			const rest = ['', title, '', 'I have the honour to refer to the facts.', '', '(Signed) Jane Doe'];
			const oneColumn = lines('Distr.: General', session[2], '', `General Assembly`, `${session[0]} session`, agenda.line, ...agenda.titles, '', 'Security Council', `${session[1]} year`, ...rest);
			const twoColumns = lines('Distr.: General', session[2], '', `General Assembly${gap}Security Council`, `${session[0]} session${gap}${session[1]} year`, agenda.line, ...agenda.titles, ...rest);
			const expected = reading(parseLetter(oneColumn, referenceData));
			const read = reading(parseLetter(twoColumns, referenceData));
			assert.deepEqual([read.organs, read.agenda, read.distributed, read.title], [expected.organs, expected.agenda, expected.distributed, expected.title]);
			assertRangesInside(parseLetter(twoColumns, referenceData));
		}), { numRuns: 100 });
	});
});
