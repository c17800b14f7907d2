/**
 * The filter of the annotation views: one string typed by the user, matched against tags, notes and annotated text.
 * Pure: no `vscode` import.
 */
import type { AnnotationInfo } from '../../../server/src/protocol';

/** The filter as matched: trimmed and lower-cased; `undefined` when there is nothing to filter by. */
export function normaliseFilter(filter: string | undefined): string | undefined {
	const trimmed = filter?.trim().toLowerCase();
	return trimmed ? trimmed : undefined;
}

/** Whether whitespace-collapsed, lower-cased `text` contains the (normalised) filter. */
function containsFilter(text: string | undefined, filter: string): boolean {
	return text !== undefined && text.replace(/\s+/g, ' ').toLowerCase().includes(filter);
}

/**
 * Whether an annotation passes the filter: one of its tags, its note or its annotated text contains the filter
 * (case-insensitive, whitespace collapsed). Everything passes when there is no filter.
 */
export function matchesAnnotationFilter(annotation: Pick<AnnotationInfo, 'tags' | 'note' | 'exact'>, filter: string | undefined): boolean {
	const normalised = normaliseFilter(filter);
	if (normalised === undefined) {
		return true;
	}
	return annotation.tags.some((tag) => containsFilter(tag, normalised))
		|| containsFilter(annotation.note, normalised)
		|| containsFilter(annotation.exact, normalised);
}
