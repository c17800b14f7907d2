/**
 * Making annotations and their targets from a range of the letter: the quote (`exact`), its context
 * (`prefix`/`suffix`, 32 characters each by default) and its position in code points.
 */
import { createOffsetConverter, isInsideSurrogatePair, snapRangeToCodePoints } from './offsets';
import type { OffsetConverter } from './offsets';
import type { Annotation, AnnotationTarget, TextRange } from './types';

/** Characters of context stored on each side of the quote, enough to tell repeated phrases apart. */
export const DEFAULT_CONTEXT_LENGTH = 32;

/**
 * The target for a UTF-16 `range` of `letterText`: quote, context and code point positions. The range is first
 * widened so that it does not split a surrogate pair; context never starts or ends inside one either. Pass the
 * text's `converter` when making many targets in one text (building one is linear in the text).
 */
export function targetForRange(letterText: string, range: TextRange, contextLength = DEFAULT_CONTEXT_LENGTH, converter: OffsetConverter = createOffsetConverter(letterText)): AnnotationTarget {
	const { start, end } = snapRangeToCodePoints(letterText, Math.max(0, range.start), Math.min(letterText.length, range.end));
	let prefixStart = Math.max(0, start - contextLength);
	if (isInsideSurrogatePair(letterText, prefixStart)) {
		prefixStart++;
	}
	let suffixEnd = Math.min(letterText.length, end + contextLength);
	if (isInsideSurrogatePair(letterText, suffixEnd)) {
		suffixEnd--;
	}
	return {
		exact: letterText.slice(start, end),
		prefix: letterText.slice(prefixStart, start),
		suffix: letterText.slice(end, suffixEnd),
		start: converter.toCodePoint(start),
		end: converter.toCodePoint(end),
	};
}

/** A new random annotation id: 8 lowercase hexadecimal digits from the platform's cryptographic generator. */
export function generateAnnotationId(): string {
	const bytes = new Uint8Array(4);
	globalThis.crypto.getRandomValues(bytes);
	return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Options of `createAnnotation`. */
export interface CreateAnnotationOptions {
	readonly tags?: readonly string[];
	readonly note?: string;
	readonly author?: string;
	/** The creation time; defaults to the current time. Stored to the second in UTC (`2026-11-23T10:00:00Z`). */
	readonly now?: Date;
	/** Produces id candidates; defaults to `generateAnnotationId`. Candidates in `existingIds` are skipped. */
	readonly randomId?: () => string;
	/** Ids already used in the sidecar. */
	readonly existingIds?: ReadonlySet<string>;
	/** Characters of context on each side; default `DEFAULT_CONTEXT_LENGTH`. */
	readonly contextLength?: number;
}

/**
 * A new annotation of the UTF-16 range `start..end` of `letterText`, or `undefined` when the range is empty,
 * out of bounds or only whitespace, or when no unused id could be drawn.
 */
export function createAnnotation(letterText: string, start: number, end: number, options: CreateAnnotationOptions = {}): Annotation | undefined {
	if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= letterText.length && start < end) || letterText.slice(start, end).trim() === '') {
		return undefined;
	}
	const draw = options.randomId ?? generateAnnotationId;
	let id: string | undefined;
	for (let attempt = 0; attempt < 100 && id === undefined; attempt++) {
		const candidate = draw();
		id = options.existingIds?.has(candidate) === true ? undefined : candidate;
	}
	if (id === undefined) {
		return undefined;
	}
	const created = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
	return {
		id,
		tags: [...new Set(options.tags ?? [])],
		...(options.note === undefined || options.note === '' ? {} : { note: options.note }),
		...(options.author === undefined || options.author === '' ? {} : { author: options.author }),
		created,
		target: targetForRange(letterText, { start, end }, options.contextLength),
	};
}

/**
 * "Attach to Selection": the annotation re-targeted to the UTF-16 `range` of `letterText`, with quote, context and
 * positions recomputed and the orphaned mark removed; `undefined` when the range is empty or out of bounds.
 */
export function retargetAnnotation(letterText: string, annotation: Annotation, range: TextRange, contextLength = DEFAULT_CONTEXT_LENGTH): Annotation | undefined {
	if (!(range.start >= 0 && range.end <= letterText.length && range.start < range.end)) {
		return undefined;
	}
	const { status: _status, ...rest } = annotation;
	return { ...rest, target: targetForRange(letterText, range, contextLength) };
}

/**
 * The annotation as it should be saved after its range was tracked through edits in the editor
 * (`applyTextEditsToAnnotations`): at `range` of `letterText` with quote, context and positions recomputed, or
 * marked orphaned (last known target kept) when the range is `undefined` or empty.
 */
export function annotationAtRange(letterText: string, annotation: Annotation, range: TextRange | undefined): Annotation {
	const attached = range === undefined ? undefined : retargetAnnotation(letterText, annotation, range);
	return attached ?? { ...annotation, status: 'orphaned' };
}
