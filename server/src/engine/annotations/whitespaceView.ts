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

/** Builds the collapsed view of `original`. */
export function createWhitespaceView(original: string): WhitespaceView {
	const starts: number[] = [];
	const collapsedOf = new Int32Array(original.length + 1);
	let collapsed = '';
	const match = /\s+/y;
	let index = 0;
	while (index < original.length) {
		match.lastIndex = index;
		const run = match.exec(original);
		const length = run === null ? 1 : run[0].length;
		collapsedOf.fill(starts.length, index, index + length);
		starts.push(index);
		collapsed += run === null ? original[index] : ' ';
		index += length;
	}
	collapsedOf[original.length] = starts.length;
	starts.push(original.length);
	const clamp = (value: number): number => Math.min(Math.max(0, value), starts.length - 1);
	return {
		text: collapsed,
		originalStart: (at) => starts[clamp(at)] ?? original.length,
		originalEnd: (at) => (at <= 0 ? 0 : (starts[clamp(at - 1)] ?? original.length) + 1),
		collapsedOffset: (offset) => collapsedOf[Math.min(Math.max(0, offset), original.length)] ?? collapsed.length,
	};
}
