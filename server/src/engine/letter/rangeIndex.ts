/**
 * Lookups over the ranges a parse collects (furniture lines, footnote texts, markers, symbols), so that asking about
 * each date, symbol or block costs a binary search rather than a walk over every range: a letter with thousands of
 * page numbers or footnotes stays linear in its length.
 */
import type { OffsetRange } from '../text/offsetRange';

/** The index of the first of the ascending `values` that is at least `min` (`values.length` when none is). */
export function firstAtOrAfter(values: readonly number[], min: number): number {
	let low = 0;
	let high = values.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (values[mid] < min) {
			low = mid + 1;
		} else {
			high = mid;
		}
	}
	return low;
}

/** Ranges in any order and overlapping or not, asked whether one of them shares a character with a range. */
export class RangeIndex {
	private readonly starts: number[];
	/** The largest end among the ranges up to each index, in the order of their starts. */
	private readonly maxEnds: number[];

	constructor(ranges: readonly OffsetRange[]) {
		const sorted = [...ranges].sort((a, b) => a.start - b.start);
		this.starts = sorted.map((range) => range.start);
		this.maxEnds = [];
		let maxEnd = -Infinity;
		for (const range of sorted) {
			maxEnd = Math.max(maxEnd, range.end);
			this.maxEnds.push(maxEnd);
		}
	}

	/** True when some range shares a character with [start, end): `range.start < end && start < range.end`. */
	overlaps(start: number, end: number): boolean {
		const before = firstAtOrAfter(this.starts, end) - 1;
		return before >= 0 && this.maxEnds[before] > start;
	}

	/** True when some range holds the character at `offset`: `range.start <= offset < range.end`. */
	holds(offset: number): boolean {
		return this.overlaps(offset, offset + 1);
	}
}

/** Items with a range, kept in the order of their starts, asked for those that lie inside a range. */
export class RangedItems<T extends OffsetRange> {
	private readonly sorted: readonly T[];
	private readonly starts: number[];

	constructor(items: readonly T[]) {
		this.sorted = isSortedByStart(items) ? items : [...items].sort((a, b) => a.start - b.start);
		this.starts = this.sorted.map((item) => item.start);
	}

	/** The items with `start <= item.start` and `item.end <= end`, in the order of their starts. */
	inside(start: number, end: number): T[] {
		const found: T[] = [];
		for (let i = firstAtOrAfter(this.starts, start); i < this.sorted.length && this.sorted[i].start <= end; i++) {
			if (this.sorted[i].end <= end) {
				found.push(this.sorted[i]);
			}
		}
		return found;
	}
}

function isSortedByStart(items: readonly OffsetRange[]): boolean {
	for (let i = 1; i < items.length; i++) {
		if (items[i].start < items[i - 1].start) {
			return false;
		}
	}
	return true;
}
