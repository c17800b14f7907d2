import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { codePointToUtf16Offset, createOffsetConverter, snapRangeToCodePoints, utf16ToCodePointOffset } from '../../../server/src/engine/annotations/offsets';

describe('offset conversion between UTF-16 and code points', () => {
	it('is the identity for text without astral characters', () => {
		const text = 'Letter dated 27 September 2020 – résumé';
		const converter = createOffsetConverter(text);
		assert.equal(converter.codePointLength, text.length);
		for (let index = 0; index <= text.length; index++) {
			assert.equal(converter.toCodePoint(index), index);
			assert.equal(converter.toUtf16(index), index);
		}
	});

	it('counts an astral character as one code point and two UTF-16 units', () => {
		const text = 'a😀b𝔸c';
		// a=0, 😀=1..3, b=3, 𝔸=4..6, c=6 in UTF-16; a=0, 😀=1, b=2, 𝔸=3, c=4 in code points.
		assert.deepEqual([0, 1, 3, 4, 6, 7].map((index) => utf16ToCodePointOffset(text, index)), [0, 1, 2, 3, 4, 5]);
		assert.deepEqual([0, 1, 2, 3, 4, 5].map((offset) => codePointToUtf16Offset(text, offset)), [0, 1, 3, 4, 6, 7]);
		assert.equal(createOffsetConverter(text).codePointLength, 5);
	});

	it('maps an index inside a surrogate pair to the start of that character', () => {
		assert.equal(utf16ToCodePointOffset('a😀b', 2), 1);
	});

	it('returns undefined for code point offsets out of range or fractional', () => {
		assert.equal(codePointToUtf16Offset('a😀', 3), undefined);
		assert.equal(codePointToUtf16Offset('a😀', -1), undefined);
		assert.equal(codePointToUtf16Offset('a😀', 1.5), undefined);
		assert.equal(codePointToUtf16Offset('a😀', 2), 3);
	});

	it('widens a range that would split a surrogate pair', () => {
		assert.deepEqual(snapRangeToCodePoints('a😀b', 2, 2), { start: 1, end: 3 });
		assert.deepEqual(snapRangeToCodePoints('a😀b', 1, 3), { start: 1, end: 3 });
	});

	it('round-trips every code point boundary and agrees with Array.from (property)', () => {
		const characters = fc.constantFrom('a', ' ', 'é', '😀', '𝔸', '\n', '中');
		fc.assert(
			fc.property(fc.array(characters, { maxLength: 60 }), (parts) => {
				const text = parts.join('');
				const converter = createOffsetConverter(text);
				let utf16 = 0;
				for (let codePoint = 0; codePoint <= parts.length; codePoint++) {
					assert.equal(converter.toUtf16(codePoint), utf16);
					assert.equal(converter.toCodePoint(utf16), codePoint);
					utf16 += parts[codePoint]?.length ?? 0;
				}
				assert.equal(converter.codePointLength, Array.from(text).length);
			}),
		);
	});
});
