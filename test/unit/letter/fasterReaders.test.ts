// The faster reading functions of issue 10 against the versions they replaced (previousReaders.ts), on generated
// text built from the characters each one looks at, hostile shapes (long runs, no line breaks, CRLF, lone CR, NBSP,
// Unicode line separators, astral characters) and the real letters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { joinSplitWords, withOcrSymbolSlips } from '../../../server/src/engine/letter/ocrReading';
import { furnitureCues } from '../../../server/src/engine/letter/furnitureBreaks';
import { firstBodyBlock } from '../../../server/src/engine/letter/parseLetter';
import { readText } from '../../../server/src/engine/letter/readingView';
import type { Block } from '../../../server/src/engine/letter/textLayout';
import { isFixedFurniture, isSymbolOnlyLine, isWhiteSpaceCode, layoutText, maskMarkup, splitLines } from '../../../server/src/engine/letter/textLayout';
import { scanDocumentSymbols } from '../../../server/src/engine/symbols/documentSymbols';
import { titleCandidates } from '../../../server/src/engine/letter/titleLine';
import { FIXTURE_LETTER_NAMES, readFixtureLetter } from '../helpers/fixtures';
import { previousFirstBodyBlock, previousFurnitureCues, previousIsFixedFurniture, previousIsSymbolOnlyLine, previousJoinSplitWords, previousLayoutText, previousMaskMarkup, previousSplitLines, previousTitleCandidates, previousWithOcrSymbolSlips } from './previousReaders';

/** Pieces of text that the reading functions treat specially, and ordinary words and spaces between them. */
const PIECES = [
	'#', '## ', '### Title', '####### x', ' # ', '   # ', '    # ', '\t#\t', '|', ' | ', '||', '| |', '\\', '\\(', '\\#', '\\*', '\\\\', '\\|', '*', '**',
	'_', '[', ']', '(', ')', '](', '[text](https://undocs.org/S/2020/1)', '[a [b](c)', '[x](#anchor)', '[x](a|b)', '[\\](y)', '[# x](y) # z',
	'-', '-12345', '-1234', '20-12655 (E) 011020 *2012655*', '*2012655*', '*1234567*1234567*', '*123456*', 'Please recycle', 'Please\u00a0\nrecycle', 'Please', 'PleasePlease recycle',
	'recycle', 'Page', 'Page 2', 'English Page 2', 'English  \n Page\t3', 'NonEnglish Page 4', 'Arabic Page x', 'Chinese Page', 'French\u2028Page 1', '0', '12345',
	'ated', 'dated', 'ATED', 'DATED', 'Dated', 'Letter from', 'Letter fromated', 'LetterATED',
	'20-12655', '(E)', '011020', '2/4', 'page 3 of 4', 'PAGE 2', 'pAgE', 'English', 'ENGLISH Page 12', 'Please recycle ♲', 'PLEASE RECYCLE', '- 3 -', '/...', '/ ....',
	'---', '___', '***', 'S/2020/947', 'A/75/356–S/2020/947', 'A/75/356 - S/2020/947 2/4', '\u212a', '\u0130', '\u1680', '\u2000', '\u202f', '\u3000', '\u180e', '\v',
	's/6j597', 's/1156o', 'A70/623', 'S2019/103', 'A/78/3358/2023/642', 'a/', 'xA70/623', '.s/12', '/1', '12345/6', 'S/2020/1',
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
	it('joinSplitWords, on names split at any place, in any case, with stops and look-alike letters', () => {
		const vocabulary = ['Security', 'Council', 'General', 'Assembly', 'Secretary-General', 'President', 'Permanent', 'Representative', 'Nations', 'Economic', 'Social'];
		const pieces = fc.oneof(
			fc.tuple(fc.constantFrom(...vocabulary), fc.nat(), fc.constantFrom('', ',', ').', ';:', ')')).map(([word, cut, stop]) => `${word.slice(0, cut % (word.length + 1))} ${word.slice(cut % (word.length + 1))}${stop}`),
			fc.constantFrom('the', 'of', 'UN', '', 'SECURIT', 'Y', 'securit', 'y', '\u212a', '\u0130', 'Σ', 'council),', ',', 'Council)', 'ſecurity', 'Secur\u0130ty'),
			fc.string({ maxLength: 12 }),
		);
		fc.assert(fc.property(fc.array(pieces, { maxLength: 12 }), fc.boolean(), (words, upper) => {
			const text = words.join(' ');
			const shaped = upper ? text.toUpperCase() : text;
			assert.equal(joinSplitWords(shaped), previousJoinSplitWords(shaped));
		}), { numRuns: 5000 });
		for (const text of ['Securit y Council', 'Secretary- General', 'Secretar y-General', 'Council ),', `${'a '.repeat(50_000)}`]) {
			assert.equal(joinSplitWords(text), previousJoinSplitWords(text));
		}
	});
	it('white space as patterns and trim read it, for every code unit', () => {
		for (let code = 0; code <= 0xffff; code++) {
			const ch = String.fromCharCode(code);
			assert.equal(isWhiteSpaceCode(code), /\s/.test(ch), `U+${code.toString(16)}`);
			assert.equal(isWhiteSpaceCode(code), ch.trim() === '', `U+${code.toString(16)}`);
		}
	});
	it('isFixedFurniture and isSymbolOnlyLine, on generated lines', () => {
		const line = arbitraryText.map((text) => text.split(/\r\n|\r|\n/)[0]);
		fc.assert(fc.property(line, fc.constantFrom('', ' ', '\t ', '\u00a0', '\u3000'), (text, lead) => {
			assert.equal(isFixedFurniture(lead + text), previousIsFixedFurniture(lead + text));
			assert.equal(isSymbolOnlyLine(lead + text), previousIsSymbolOnlyLine(lead + text));
		}), { numRuns: 5000 });
		for (const text of realLetters.flatMap((letter) => letter.split('\n'))) {
			assert.equal(isFixedFurniture(text), previousIsFixedFurniture(text));
			assert.equal(isSymbolOnlyLine(text), previousIsSymbolOnlyLine(text));
		}
	});
	it('layoutText, on generated text and the real letters', () => {
		const check = (text: string) => {
			const reading = readText(text, scanDocumentSymbols(text));
			const isRunningHeader = (line: { start: number }) => line.start % 3 === 0;
			assert.deepEqual(layoutText(text, reading, isRunningHeader), previousLayoutText(text, reading, isRunningHeader));
		};
		fc.assert(fc.property(arbitraryText, check), { numRuns: 2000 });
		realLetters.forEach(check);
		['\f'.repeat(10_000), '\n'.repeat(50_000), `${' '.repeat(50_000)}x`, 'S/2020/1\n'.repeat(5000)].forEach(check);
	});
	it('withOcrSymbolSlips, on generated text and the real letters', () => {
		const check = (text: string) => {
			const symbols = scanDocumentSymbols(text);
			assert.deepEqual(withOcrSymbolSlips(text, symbols), previousWithOcrSymbolSlips(text, symbols));
		};
		fc.assert(fc.property(arbitraryText, check), { numRuns: 2000 });
		realLetters.forEach(check);
		['/1'.repeat(50_000), 'A70/623 '.repeat(5000)].forEach(check);
	});
	it('firstBodyBlock, on generated blocks of any number of words and the real letters', () => {
		const words = fc.array(fc.oneof(fc.constantFrom('word', 'I have the honour', 'presents its compliments', 'PRESENTS HIS\nCOMPLIMENTS', 'é', '😀'), fc.string({ maxLength: 3, unit: fc.constantFrom('a', ' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u3000', '\v') })), { maxLength: 40 })
			.map((parts) => parts.join(' '));
		const check = (text: string, blocks: readonly Block[]) => {
			assert.deepEqual(firstBodyBlock(blocks, text), previousFirstBodyBlock(blocks, text));
		};
		fc.assert(fc.property(fc.array(fc.oneof(words, arbitraryText), { minLength: 1, maxLength: 5 }), (pieces) => {
			const blocks: Block[] = [];
			let text = '';
			for (const piece of pieces) {
				blocks.push({ start: text.length, end: text.length + piece.length, lines: [{ start: text.length, end: text.length + piece.length }] });
				text += `${piece}\n\n`;
			}
			check(text, blocks);
		}), { numRuns: 3000 });
		for (const letter of realLetters) {
			check(letter, layoutText(letter, readText(letter, scanDocumentSymbols(letter)), () => false).blocks);
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
