/**
 * Following annotations through edits made in the editor. The client sends each change (LSP `contentChanges`,
 * converted to UTF-16 offsets of the text before that change); every tracked range shifts exactly, so positions
 * are right when the letter is saved, with no searching. Typing at either edge of a span does not grow it.
 */
import type { TextRange } from './types';

/** One replacement: `start..end` (UTF-16, of the text before the edit) becomes `newText`. */
export interface TextReplacement {
	readonly start: number;
	readonly end: number;
	readonly newText: string;
}

/**
 * Where `range` stands after `edit`, or `undefined` when the edit removed all of it (the annotation is orphaned):
 * - an edit before the range (or an insertion at its start) shifts it;
 * - an edit after it (or an insertion at its end) leaves it;
 * - an edit inside it (touching at most one edge) adjusts its end by the change in length;
 * - an edit overlapping one edge trims the range to what is left of it;
 * - an edit covering the whole range orphans it.
 */
export function shiftRangeThroughEdit(range: TextRange, edit: TextReplacement): TextRange | undefined {
	const delta = edit.newText.length - (edit.end - edit.start);
	if (edit.end <= range.start) {
		return { start: range.start + delta, end: range.end + delta };
	}
	if (edit.start >= range.end) {
		return range;
	}
	if (edit.start <= range.start && edit.end >= range.end) {
		return undefined;
	}
	if (edit.start >= range.start && edit.end <= range.end) {
		return { start: range.start, end: range.end + delta };
	}
	if (edit.start < range.start) {
		return { start: edit.start + edit.newText.length, end: range.end + delta };
	}
	return { start: range.start, end: edit.start };
}

/** Something whose text range is tracked: `undefined` once it has been orphaned by an edit. */
export interface TrackedRange {
	readonly range: TextRange | undefined;
}

/**
 * Applies LSP-style content changes, in order (each relative to the text after the previous ones), to every
 * tracked item. Items orphaned by an edit get `range: undefined` and stay orphaned; other fields are kept.
 */
export function applyTextEditsToAnnotations<T extends TrackedRange>(items: readonly T[], edits: readonly TextReplacement[]): T[] {
	return items.map((item) => {
		let range = item.range;
		for (const edit of edits) {
			if (range === undefined) {
				break;
			}
			range = shiftRangeThroughEdit(range, edit);
		}
		return range === item.range ? item : { ...item, range };
	});
}
