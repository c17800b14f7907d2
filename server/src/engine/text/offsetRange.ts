/** A range of a text as UTF-16 string offsets, `end` exclusive. */
export interface OffsetRange {
	readonly start: number;
	readonly end: number;
}

/** True when `offset` lies inside `range` (the end counts, so a cursor right after a word still finds it). */
export function rangeContains(range: OffsetRange, offset: number): boolean {
	return offset >= range.start && offset <= range.end;
}

/** True when the two ranges share at least one character. */
export function rangesOverlap(a: OffsetRange, b: OffsetRange): boolean {
	return a.start < b.end && b.start < a.end;
}
