/**
 * Exact conversion between UTF-16 indices (how JS strings and the engine count) and Unicode code points
 * (how the sidecar and the W3C Web Annotation model count). They differ by one for every astral character
 * (emoji, some CJK extensions, mathematical letters) standing before the offset.
 */

/** Converts offsets of one text between UTF-16 indices and code points; build it once per text. */
export interface OffsetConverter {
	/** Length of the text in code points. */
	readonly codePointLength: number;
	/**
	 * The code point offset of a UTF-16 index. An index in the middle of a surrogate pair counts as the
	 * start of that character. Indices outside `0..text.length` are clamped.
	 */
	toCodePoint(utf16Index: number): number;
	/** The UTF-16 index of a code point offset, or `undefined` when it is negative, fractional or past the end. */
	toUtf16(codePointOffset: number): number | undefined;
}

/** True when the UTF-16 code unit at `index` is the second half of a surrogate pair. */
export function isInsideSurrogatePair(text: string, index: number): boolean {
	if (index <= 0 || index >= text.length) {
		return false;
	}
	const low = text.charCodeAt(index);
	const high = text.charCodeAt(index - 1);
	return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

/** Builds an `OffsetConverter` for `text`; O(n) once, then O(log a) per conversion (a = astral characters). */
export function createOffsetConverter(text: string): OffsetConverter {
	// UTF-16 indices of the first half of every surrogate pair, ascending.
	const astralStarts: number[] = [];
	for (const pair of text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) {
		astralStarts.push(pair.index);
	}
	const codePointLength = text.length - astralStarts.length;

	/** How many entries of `astralStarts` satisfy `predicate` (a prefix of the array, by monotony). */
	const countWhile = (predicate: (value: number, position: number) => boolean): number => {
		let low = 0;
		let high = astralStarts.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (predicate(astralStarts[middle] ?? 0, middle)) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		return low;
	};

	return {
		codePointLength,
		toCodePoint(utf16Index) {
			const index = Math.min(Math.max(0, Math.trunc(utf16Index)), text.length);
			// Each pair starting before `index` counts one unit less (a pair split by `index` maps to its start).
			return index - countWhile((start) => start < index);
		},
		toUtf16(codePointOffset) {
			if (!Number.isInteger(codePointOffset) || codePointOffset < 0 || codePointOffset > codePointLength) {
				return undefined;
			}
			// The k-th pair starts at code point `astralStarts[k] - k`; every pair starting before the offset adds one unit.
			return codePointOffset + countWhile((start, position) => start - position < codePointOffset);
		},
	};
}

/** The code point offset of one UTF-16 index of `text` (see `createOffsetConverter` for many conversions). */
export function utf16ToCodePointOffset(text: string, utf16Index: number): number {
	return createOffsetConverter(text).toCodePoint(utf16Index);
}

/** The UTF-16 index of one code point offset of `text`, or `undefined` when out of range. */
export function codePointToUtf16Offset(text: string, codePointOffset: number): number | undefined {
	return createOffsetConverter(text).toUtf16(codePointOffset);
}

/** Moves a range outwards so that neither end splits a surrogate pair. */
export function snapRangeToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
	return {
		start: isInsideSurrogatePair(text, start) ? start - 1 : start,
		end: isInsideSurrogatePair(text, end) ? end + 1 : end,
	};
}
