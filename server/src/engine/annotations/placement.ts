/**
 * Where a sidecar's annotations stand in a letter's text as it is now: each one at a range already known to the host
 * (followed through the editor's edits), else found again by re-anchoring, else orphaned — and for every one the last
 * place it was known at, which is where an orphan is shown. Linear in the text and the number of annotations.
 */
import { createOffsetConverter } from './offsets';
import type { OffsetConverter } from './offsets';
import { prepareLetterForAnchoring, reanchorAnnotation } from './reanchor';
import type { ReanchorResult } from './reanchor';
import type { Annotation, TextRange } from './types';

/** An annotation and where it stands in the letter's current text (UTF-16); `range` undefined when orphaned. */
export interface PlacedAnnotation {
	readonly annotation: Annotation;
	readonly range: TextRange | undefined;
	/** The last place it was known at (for an orphan: its stored position, clamped to the text). */
	readonly lastKnown: TextRange;
	/** How re-anchoring found it, when it was re-anchored (absent for a range the host knew). */
	readonly reanchored?: ReanchorResult;
}

/** The stored position of an annotation in UTF-16 indices of `text`, clamped to the text. */
function storedRange(converter: OffsetConverter, textLength: number, annotation: Annotation): TextRange {
	const start = converter.toUtf16(Math.min(annotation.target.start, converter.codePointLength)) ?? textLength;
	const end = converter.toUtf16(Math.min(annotation.target.end, converter.codePointLength)) ?? textLength;
	return { start: Math.min(start, end), end: Math.max(start, end) };
}

/**
 * Places `annotations` in `letterText`: an id in `known` takes that range (`undefined` there means orphaned by an
 * edit); the others are re-anchored, the letter being prepared once for all of them.
 */
export function placeAnnotations(letterText: string, annotations: readonly Annotation[], known: ReadonlyMap<string, TextRange | undefined> = new Map()): PlacedAnnotation[] {
	const converter = createOffsetConverter(letterText);
	const needsAnchoring = annotations.some((annotation) => !known.has(annotation.id));
	const index = needsAnchoring ? prepareLetterForAnchoring(letterText) : undefined;
	return annotations.map((annotation) => {
		if (known.has(annotation.id)) {
			const range = known.get(annotation.id);
			return { annotation, range, lastKnown: range ?? storedRange(converter, letterText.length, annotation) };
		}
		const reanchored = index === undefined ? undefined : reanchorAnnotation(index, annotation);
		const range = reanchored?.range;
		return { annotation, range, lastKnown: range ?? storedRange(converter, letterText.length, annotation), ...(reanchored === undefined ? {} : { reanchored }) };
	});
}

/** The orphans among placed annotations, as the annotation diagnostics take them. */
export function orphansOf(placed: readonly PlacedAnnotation[]): { annotation: Annotation; lastKnown: TextRange }[] {
	return placed.filter((item) => item.range === undefined).map((item) => ({ annotation: item.annotation, lastKnown: item.lastKnown }));
}
