// The plain searches that ignore ASCII case (asciiCase.ts) against a pattern with the `i` flag, which they stand for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { includesIgnoringAsciiCase, matchesIgnoringAsciiCase, placesIgnoringAsciiCase } from '../../../server/src/engine/letter/asciiCase';

const WORDS = ['verbale', 'compliments', 'item', 'page', 'please', 'english', 'annex', 'x', 'ex'];
/** Text made of the words' letters in both cases, look-alikes outside ASCII (Kelvin sign, dotted I, long s) and other characters. */
const text = fc.string({ maxLength: 80, unit: fc.constantFrom(...'verbalcompintsghx', ...'VERBALCOMPINTSGHX', '\u212a', '\u0130', '\u017f', 'ı', ' ', 'x', 'é') });

/** The words themselves in random case, cut and run together, among the characters of {@link text}. */
const withWords = fc.array(fc.oneof(
	fc.tuple(fc.constantFrom(...WORDS), fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }), fc.nat(3)).map(([word, upper, cut]) => [...word.slice(cut % word.length)].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('')),
	text,
), { maxLength: 8 }).map((pieces) => pieces.join(''));

describe('ignoring ASCII case', () => {
	it('includesIgnoringAsciiCase finds the words written in any case, for every anchor', () => {
		fc.assert(fc.property(withWords, fc.constantFrom(...WORDS), fc.nat(), (haystack, word, anchor) => {
			assert.equal(includesIgnoringAsciiCase(haystack, word, anchor % word.length), new RegExp(word, 'i').test(haystack));
		}), { numRuns: 10000 });
	});

	it('includesIgnoringAsciiCase is what /word/i finds, for every anchor', () => {
		fc.assert(fc.property(text, fc.constantFrom(...WORDS), fc.nat(), (haystack, word, anchor) => {
			assert.equal(includesIgnoringAsciiCase(haystack, word, anchor % word.length), new RegExp(word, 'i').test(haystack));
		}), { numRuns: 5000 });
	});
	it('placesIgnoringAsciiCase is where a global /word/gi scan finds the word, for every anchor', () => {
		fc.assert(fc.property(fc.oneof(text, text.map((piece) => piece.replace(/x/gi, 'annex'))), fc.constantFrom(...WORDS), fc.nat(), (haystack, word, anchor) => {
			assert.deepEqual(placesIgnoringAsciiCase(haystack, word, anchor % word.length), [...haystack.matchAll(new RegExp(word, 'gi'))].map((match) => match.index));
		}), { numRuns: 5000 });
	});
	it('matchesIgnoringAsciiCase is what a sticky /word/iy finds at the position', () => {
		fc.assert(fc.property(text, fc.constantFrom(...WORDS), fc.integer({ min: -2, max: 82 }), (haystack, word, position) => {
			const sticky = new RegExp(word, 'iy');
			sticky.lastIndex = position;
			assert.equal(matchesIgnoringAsciiCase(haystack, position, word), position >= 0 && sticky.test(haystack));
		}), { numRuns: 5000 });
	});
});
