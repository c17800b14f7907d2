// The line index gives, for every offset of any text with any line endings, the position found by scanning the text
// (positionInText), and offsetAt goes back to the offset; and it gives what the index before its indexOf loops gave.
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

void describe('LineIndex', () => {
	const texts = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', '’'), { maxLength: 60 }).map((parts) => parts.join(''));

	void it('places every offset as a scan of the text does, with or without carriage returns', () => {
		fc.assert(fc.property(texts, (text) => {
			const lines = new LineIndex(text);
			for (let offset = -1; offset <= text.length + 1; offset++) {
				const position = lines.positionAt(offset);
				assert.deepEqual(position, positionInText(text, offset), `offset ${offset} of ${JSON.stringify(text)}`);
				const inside = Math.max(0, Math.min(offset, text.length));
				const between = text[inside - 1] === '\r' && text[inside] === '\n';
				if (!between) {
					assert.equal(lines.offsetAt(position), inside);
				}
			}
			assert.equal(lines.lineCount, positionInText(text, text.length).line + 1);
		}), { numRuns: 1000 });
	});

	void it('counts lines by their endings', () => {
		assert.equal(new LineIndex('').lineCount, 1);
		assert.equal(new LineIndex('a\nb\n').lineCount, 3);
		assert.equal(new LineIndex('a\r\nb\rc').lineCount, 3);
		assert.deepEqual(new LineIndex('a\nbc\nd').positionAt(4), { line: 1, character: 2 });
	});
});
