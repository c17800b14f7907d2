// The line index gives, for every offset of any text with any line endings, the position found by scanning the text
// (positionInText), and offsetAt goes back to the offset.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex, positionInText } from '../../../server/src/engine/text/lineIndex';

describe('LineIndex', () => {
	const texts = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', '’'), { maxLength: 60 }).map((parts) => parts.join(''));

	it('places every offset as a scan of the text does, with or without carriage returns', () => {
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

	it('counts lines by their endings', () => {
		assert.equal(new LineIndex('').lineCount, 1);
		assert.equal(new LineIndex('a\nb\n').lineCount, 3);
		assert.equal(new LineIndex('a\r\nb\rc').lineCount, 3);
		assert.deepEqual(new LineIndex('a\nbc\nd').positionAt(4), { line: 1, character: 2 });
	});
});
