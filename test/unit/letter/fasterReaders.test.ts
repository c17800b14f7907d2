// The faster reading functions of issue 10 against the versions they replaced (previousReaders.ts), on generated
// text built from the characters each one looks at, hostile shapes (long runs, no line breaks, CRLF, lone CR, NBSP,
// Unicode line separators, astral characters) and the real letters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { furnitureCues } from '../../../server/src/engine/letter/furnitureBreaks';
import { maskMarkup, splitLines } from '../../../server/src/engine/letter/textLayout';
import { titleCandidates } from '../../../server/src/engine/letter/titleLine';
import { FIXTURE_LETTER_NAMES, readFixtureLetter } from '../helpers/fixtures';
import { previousFurnitureCues, previousMaskMarkup, previousSplitLines, previousTitleCandidates } from './previousReaders';

/** Pieces of text that the reading functions treat specially, and ordinary words and spaces between them. */
const PIECES = [
	'#', '## ', '### Title', '####### x', ' # ', '   # ', '    # ', '\t#\t', '|', ' | ', '||', '| |', '\\', '\\(', '\\#', '\\*', '\\\\', '\\|', '*', '**',
	'_', '[', ']', '(', ')', '](', '[text](https://undocs.org/S/2020/1)', '[a [b](c)', '[x](#anchor)', '[x](a|b)', '[\\](y)', '[# x](y) # z',
	'-', '-12345', '-1234', '20-12655 (E) 011020 *2012655*', '*2012655*', '*1234567*1234567*', '*123456*', 'Please recycle', 'Please\u00a0\nrecycle', 'Please', 'PleasePlease recycle',
	'recycle', 'Page', 'Page 2', 'English Page 2', 'English  \n Page\t3', 'NonEnglish Page 4', 'Arabic Page x', 'Chinese Page', 'French\u2028Page 1', '0', '12345',
	'ated', 'dated', 'ATED', 'DATED', 'Dated', 'Letter from', 'Letter fromated', 'LetterATED',
	'\n', '\r\n', '\r', '\n\n', '\u2028', '\u2029', '\t', '\f', '\u00a0', '\ufeff', ' ', '   ', 'word', 'Distr.: General', 'é', '😀', '¹', 'A/75/356',
];
const arbitraryText = fc.oneof(
	fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join('')),
	fc.string({ maxLength: 200, unit: fc.constantFrom('#', '|', '\\', '*', '[', ']', '(', ')', ' ', '\t', '\n', '\r', '\u00a0', '\ufeff', 'a') }),
	fc.string({ maxLength: 200, unit: 'grapheme' }),
);
const realLetters = FIXTURE_LETTER_NAMES.map((name) => readFixtureLetter(name).text);

describe('faster readers give what the previous ones gave', () => {
	it('maskMarkup, on generated text', () => {
		fc.assert(fc.property(arbitraryText, (text) => {
			assert.equal(maskMarkup(text), previousMaskMarkup(text));
		}), { numRuns: 3000 });
	});
	it('maskMarkup, on a BOM, long runs and text without line breaks', () => {
		for (const text of ['\ufeff# Title', '\ufeff| a |', '#'.repeat(100_000), `${'# '.repeat(50_000)}`, '|'.repeat(50_000), ` |${' | '.repeat(30_000)}`, '\\'.repeat(100_001),
			'\\#'.repeat(40_000), `${'['.repeat(20_000)}](x)`, `[${'a'.repeat(700)}](x)`, `[a](${'b'.repeat(3000)})`, '*\t\f\u00a0'.repeat(25_000)]) {
			assert.equal(maskMarkup(text), previousMaskMarkup(text));
		}
	});
	it('maskMarkup, on the real letters and their Markdown and table shapes', () => {
		for (const text of realLetters) {
			for (const shape of [text, text.replace(/^/gm, '## '), text.replace(/ {3,}/g, ' | '), text.replace(/([.*_#()[\]-])/g, '\\$1'), text.replace(/\n/g, '\r\n')]) {
				assert.equal(maskMarkup(shape), previousMaskMarkup(shape));
			}
		}
	});
	it('furnitureCues, on generated text and long runs', () => {
		fc.assert(fc.property(arbitraryText, (text) => {
			assert.deepEqual(furnitureCues(text), previousFurnitureCues(text));
		}), { numRuns: 3000 });
		for (const text of ['-'.repeat(100_000), '-1'.repeat(50_000), '*1234567'.repeat(20_000), `Please${' '.repeat(100_000)}`, `${' '.repeat(100_000)}Page 2`, 'Page '.repeat(30_000), 'English Page 1'.repeat(10_000), ...realLetters]) {
			assert.deepEqual(furnitureCues(text), previousFurnitureCues(text));
		}
	});
	it('titleCandidates, on generated text and long runs', () => {
		fc.assert(fc.property(arbitraryText, (text) => {
			assert.deepEqual([...titleCandidates(text)], previousTitleCandidates(text));
		}), { numRuns: 3000 });
		for (const text of ['ated'.repeat(30_000), 'dATED'.repeat(20_000), 'Letter from '.repeat(10_000), ...realLetters]) {
			assert.deepEqual([...titleCandidates(text)], previousTitleCandidates(text));
		}
	});
	it('splitLines, on generated text and long runs of line breaks', () => {
		fc.assert(fc.property(arbitraryText, (text) => {
			assert.deepEqual(splitLines(text), previousSplitLines(text));
		}), { numRuns: 3000 });
		for (const text of ['\r'.repeat(50_000), '\r\n'.repeat(50_000), '\n\r'.repeat(50_000), 'a'.repeat(100_000), ...realLetters.map((letter) => letter.replace(/\n/g, '\r\n'))]) {
			assert.deepEqual(splitLines(text), previousSplitLines(text));
		}
	});
});
