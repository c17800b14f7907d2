import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { collapseWhitespace, createWhitespaceView } from '../../../server/src/engine/annotations/whitespaceView';

describe('whitespace view', () => {
	it('collapses runs and maps offsets both ways', () => {
		const view = createWhitespaceView('a  b\r\n\tc');
		assert.equal(view.text, 'a b c');
		assert.deepEqual([0, 1, 2, 3, 4, 5].map((index) => view.originalStart(index)), [0, 1, 3, 4, 7, 8]);
		assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((offset) => view.collapsedOffset(offset)), [0, 1, 1, 2, 3, 3, 3, 4, 5]);
		assert.equal(view.originalEnd(3), 4);
	});

	it('maps every non-space character to itself (property)', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', 'é') }), (text) => {
				const view = createWhitespaceView(text);
				assert.equal(view.text, collapseWhitespace(text));
				for (let index = 0; index < view.text.length; index++) {
					const original = view.originalStart(index);
					if (view.text[index] !== ' ') {
						assert.equal(text[original], view.text[index]);
					}
					assert.equal(view.collapsedOffset(original), index);
				}
			}),
		);
	});
});
