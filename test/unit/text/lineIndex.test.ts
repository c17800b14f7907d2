import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex, positionInText } from '../../../server/src/engine/text/lineIndex';
import { realLetterTexts, scannerText } from '../helpers/scannerText';
import { PreviousLineIndex } from './previousLineIndex';

/** Lines of every ending: LF, CRLF, lone CR, CR CR LF, and runs of them. */
const linedText = fc.array(fc.oneof(fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', '\n\r', '\n\n', 'a', 'line', ' ', '€', '𝐀'), fc.string({ maxLength: 3 })), { maxLength: 40 }).map((pieces) => pieces.join(''));

/** Asserts the two indexes agree on the line count and on every offset and position of the text (and a little outside it). */
function assertSame(text: string): void {
	const index = new LineIndex(text);
	const previous = new PreviousLineIndex(text);
	assert.equal(index.lineCount, previous.lineCount);
	for (let offset = -2; offset <= text.length + 2; offset++) {
		assert.deepStrictEqual(index.positionAt(offset), previous.positionAt(offset));
		assert.deepStrictEqual(positionInText(text, offset), previous.positionAt(offset));
	}
	for (let line = -1; line <= index.lineCount + 1; line++) {
		for (const character of [0, 1, 3, 1000]) {
			assert.equal(index.offsetAt({ line, character }), previous.offsetAt({ line, character }));
		}
	}
}

void describe('LineIndex gives what the index before it gave', () => {
	void it('on text with every kind of line end', () => {
		fc.assert(fc.property(fc.oneof(linedText, scannerText), assertSame), { numRuns: 2000 });
	});

	void it('on the real letters and the empty text', () => {
		assertSame('');
		for (const { text } of realLetterTexts().slice(0, 20)) {
			assertSame(text);
		}
	});
});
