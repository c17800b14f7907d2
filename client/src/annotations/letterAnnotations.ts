/**
 * Order and navigation of the annotations of one letter: text order with orphans last, the annotation under a
 * position, the next or previous annotation from the cursor. Pure: no `vscode` import; positions are LSP-shaped.
 */
import type { AnnotationInfo } from '../../../server/src/protocol';

/** A zero-based line and UTF-16 character, as in LSP and in VS Code. */
export interface LinePosition {
	readonly line: number;
	readonly character: number;
}

/** A range between two positions, end exclusive. */
export interface LineRange {
	readonly start: LinePosition;
	readonly end: LinePosition;
}

/** Negative when `a` comes before `b`, zero when equal, positive after. */
export function comparePositions(a: LinePosition, b: LinePosition): number {
	return a.line === b.line ? a.character - b.character : a.line - b.line;
}

/** Orders ranges by start, then by end (the shorter first). */
export function compareRanges(a: LineRange, b: LineRange): number {
	return comparePositions(a.start, b.start) || comparePositions(a.end, b.end);
}

/** The annotations of a letter split for display: attached ones in text order, then the orphans. */
export interface OrderedLetterAnnotations<T extends Pick<AnnotationInfo, 'status' | 'range'>> {
	readonly attached: readonly T[];
	readonly orphans: readonly T[];
}

/** Splits annotations into attached (in text order) and orphaned (in their last known order); the input is not changed. */
export function orderLetterAnnotations<T extends Pick<AnnotationInfo, 'status' | 'range'>>(annotations: readonly T[]): OrderedLetterAnnotations<T> {
	const attached = annotations.filter((annotation) => annotation.status === 'attached').sort((a, b) => compareRanges(a.range, b.range));
	const orphans = annotations.filter((annotation) => annotation.status === 'orphaned');
	return { attached, orphans };
}

/** Whether a position lies in a range (both ends included, so that a cursor just after the text still counts). */
export function rangeContains(range: LineRange, position: LinePosition): boolean {
	return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** The attached annotations whose range holds the position, innermost (shortest) first. */
export function annotationsAt<T extends Pick<AnnotationInfo, 'status' | 'range'>>(annotations: readonly T[], position: LinePosition): T[] {
	return annotations
		.filter((annotation) => annotation.status === 'attached' && rangeContains(annotation.range, position))
		.sort((a, b) => comparePositions(b.range.start, a.range.start) || comparePositions(a.range.end, b.range.end));
}

/** Which way "Next Annotation" / "Previous Annotation" goes. */
export type NavigationDirection = 'next' | 'previous';

/**
 * The annotation to go to from the cursor: the first attached annotation starting after the cursor (`next`) or the
 * last one starting before it (`previous`), wrapping around at the end of the letter. `undefined` when the letter has
 * no attached annotation. With a single annotation, it is always that one.
 */
export function adjacentAnnotation<T extends Pick<AnnotationInfo, 'status' | 'range'>>(annotations: readonly T[], cursor: LinePosition, direction: NavigationDirection): T | undefined {
	const { attached } = orderLetterAnnotations(annotations);
	if (attached.length === 0) {
		return undefined;
	}
	if (direction === 'next') {
		return attached.find((annotation) => comparePositions(annotation.range.start, cursor) > 0) ?? attached[0];
	}
	const before = attached.filter((annotation) => comparePositions(annotation.range.start, cursor) < 0);
	return before.length > 0 ? before[before.length - 1] : attached[attached.length - 1];
}
