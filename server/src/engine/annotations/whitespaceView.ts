/**
 * A view of a text with every run of whitespace collapsed to one space, mapped back to the original offsets.
 * Anchoring searches in this view, so re-wrapped lines, doubled spaces and CRLF endings do not lose an annotation.
 */

/** A whitespace-collapsed text and the mapping between its offsets and the original's (UTF-16 both). */
export interface WhitespaceView {
	/** The collapsed text. */
	readonly text: string;
	/** Original offset where the collapsed character at `index` starts (`index` may equal `text.length`). */
	originalStart(index: number): number;
	/** Original offset just after the collapsed range ending at `index` (a collapsed space stands for one character). */
	originalEnd(index: number): number;
	/** Collapsed offset of an original offset (inside a whitespace run: the run's space). */
	collapsedOffset(originalOffset: number): number;
}

/** Collapses runs of whitespace in a short string (quote, prefix, suffix) the way `createWhitespaceView` does. */
export function collapseWhitespace(text: string): string {
	return text.replace(/\s+/g, ' ');
}

/** Builds the collapsed view of `original`: O(n) with typed arrays, cheap enough to build per re-anchoring. */
export function createWhitespaceView(original: string): WhitespaceView {
	const collapsed = collapseWhitespace(original);
	// starts[i]: original offset of collapsed character i; collapsedOf[o]: collapsed index of original offset o.
	const starts = new Int32Array(collapsed.length + 1);
	const collapsedOf = new Int32Array(original.length + 1);
	const runs = /\s+/g;
	let from = 0;
	let index = 0;
	const copyUpTo = (end: number): void => {
		for (let offset = from; offset < end; offset++, index++) {
			starts[index] = offset;
			collapsedOf[offset] = index;
		}
	};
	for (let run = runs.exec(original); run !== null; run = runs.exec(original)) {
		copyUpTo(run.index);
		starts[index] = run.index;
		collapsedOf.fill(index, run.index, run.index + run[0].length);
		index++;
		from = run.index + run[0].length;
	}
	copyUpTo(original.length);
	starts[index] = original.length;
	collapsedOf[original.length] = index;
	const clamp = (value: number): number => Math.min(Math.max(0, value), collapsed.length);
	return {
		text: collapsed,
		originalStart: (at) => starts[clamp(at)] ?? original.length,
		originalEnd: (at) => (at <= 0 ? 0 : (starts[clamp(at - 1)] ?? original.length) + 1),
		collapsedOffset: (offset) => collapsedOf[Math.min(Math.max(0, offset), original.length)] ?? collapsed.length,
	};
}
