import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isFixedFurniture, layoutText } from '../../../server/src/engine/letter/textLayout';
import { readText } from '../../../server/src/engine/letter/readingView';
import { scanDocumentSymbols } from '../../../server/src/engine/symbols/documentSymbols';
import { assertSameResults, realLetterTexts, scannerText } from '../helpers/scannerText';
import { previousIsFixedFurniture } from './previousTextLayout';

/** Lines of page furniture and lines that start like it, in every case and spacing. */
const furnitureLine = fc.array(fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom('Page', 'page', 'PAGE', 'pAgE', 'Please', 'please', 'PLEASE', 'recycle', 'English', 'ENGLISH', 'french', 'Spanish', 'russian', 'Arabic', 'CHINESE', 'Chinese', 'of', 'Pag', 'Pleas', 'Eng', 'P', 'p', 'E', 'Français', 'Ǆ', 'ſpanish') },
	{ weight: 5, arbitrary: fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u2003', '\ufeff', '\n', '', '1', '12', '2/3', '20-12345', '*2012345*', '(E)', '201020', '-', '---', '___', '***', '/', '/...', '_', '*', '♻', '.') },
	{ weight: 1, arbitrary: scannerText },
), { maxLength: 8 }).map((pieces) => pieces.join(''));

void describe('isFixedFurniture gives what the test before it gave', () => {
	void it('on generated lines', () => {
		fc.assert(fc.property(fc.oneof(furnitureLine, scannerText, fc.string({ maxLength: 12 })), (line) => {
			assertSameResults(isFixedFurniture(line), previousIsFixedFurniture(line));
		}), { numRuns: 20000 });
	});

	void it('on every line of the real letters, and their paragraphs are cut the same', () => {
		for (const { name, text } of realLetterTexts()) {
			for (const line of text.split(/\r\n|\n|\r/)) {
				assertSameResults(isFixedFurniture(line), previousIsFixedFurniture(line), `${name}: ${line}`);
			}
			const reading = readText(text, scanDocumentSymbols(text));
			const furniture = layoutText(text, reading, () => false).furniture;
			const expected = reading.lines.filter((line) => {
				const lineText = text.slice(line.start, line.end);
				return lineText.trim() !== '' && previousIsFixedFurniture(lineText);
			}).map((line) => line.start);
			// Every fixed-furniture line the old test finds is furniture of the layout (form feeds and running headers add more).
			const starts = new Set(furniture.map((range) => range.start));
			assertSameResults(expected.filter((start) => !starts.has(start)), [], name);
		}
	});
});
