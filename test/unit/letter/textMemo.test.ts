// The memo of text readings (textMemo.ts): the same answers as the reading itself, in any order of questions, full or not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { memoizeText } from '../../../server/src/engine/letter/textMemo';

describe('memoizeText', () => {
	it('answers as the reading does, reads each text once until the memo is emptied, and holds at most `kept` texts', () => {
		fc.assert(fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'Secretary-General', ''), { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (questions, kept) => {
			const reads: string[] = [];
			const read = (text: string) => {
				reads.push(text);
				return text.length === 0 ? undefined : `${text.toUpperCase()}!`;
			};
			const memo = memoizeText(read, kept);
			for (const text of questions) {
				assert.equal(memo(text), text.length === 0 ? undefined : `${text.toUpperCase()}!`);
			}
			assert.ok(reads.length <= questions.length);
			if (new Set(questions).size <= kept) {
				assert.equal(reads.length, new Set(questions).size);
			}
		}), { numRuns: 500 });
	});
});
