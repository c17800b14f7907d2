// Properties of the parser on any input: it never throws and every range lies inside the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Letter } from '../../../server/src/engine/letter/model';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { FIXTURE_LETTER_NAMES, makeLetter, readFixtureLetter, referenceData } from '../helpers/fixtures';

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
