/**
 * Words and Markdown shown for annotations: short excerpts, dates, the hover's content with its command links, and
 * the reference to an annotation that commands receive (from a tree item or a hover link). Pure: no `vscode` import.
 */
import type { AnnotationInfo } from '../../../server/src/protocol';
import { tagColour } from './tagColours';

/** Which annotation a command acts on: a letter and an id within its sidecar. */
export interface AnnotationRef {
	readonly uri: string;
	readonly id: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

/**
 * The annotation a command was given: a `{ uri, id }` (hover links), or a tree node holding an `annotation`.
 * `undefined` for anything else (the command then asks or uses the cursor).
 */
export function annotationRefFrom(argument: unknown): AnnotationRef | undefined {
	const candidate = isRecord(argument) && isRecord(argument.annotation) ? argument.annotation : argument;
	if (isRecord(candidate) && typeof candidate.uri === 'string' && typeof candidate.id === 'string') {
		return { uri: candidate.uri, id: candidate.id };
	}
	return undefined;
}

/** The text collapsed to one line and cut to `max` characters with an ellipsis. */
export function excerpt(text: string, max = 60): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length <= max ? line : `${line.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** `2026-11-23 10:00` (UTC) for an ISO time; the text itself when it is not one. */
export function formatCreated(created: string): string {
	const time = new Date(created);
	if (Number.isNaN(time.getTime())) {
		return created;
	}
	return `${time.toISOString().slice(0, 10)} ${time.toISOString().slice(11, 16)} UTC`;
}

/** Escapes Markdown's special characters so that user text shows as written. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (character) => `\\${character}`);
}

/** The commands a hover may run (the hover's Markdown is trusted for these only). */
export const HOVER_COMMANDS = Object.freeze(['diplomaticLetters.editTags', 'diplomaticLetters.editNote', 'diplomaticLetters.removeAnnotation'] as const);

/** A `command:` link that runs a command on an annotation. */
export function annotationCommandLink(label: string, command: (typeof HOVER_COMMANDS)[number], ref: AnnotationRef): string {
	const argument = encodeURIComponent(JSON.stringify([{ uri: ref.uri, id: ref.id }]));
	return `[${label}](command:${command}?${argument} "${label}")`;
}

/**
 * The hover of an annotated span: its tags (each with a swatch of its colour), note, author and date, and links to
 * edit its tags or note or to remove it. `colours` gives the vocabulary's colours; other tags get their default.
 */
export function annotationHoverMarkdown(annotation: AnnotationInfo, colours: ReadonlyMap<string, string>): string {
	const tags = annotation.tags
		.map((tag) => `<span style="color:${tagColour(tag, colours.get(tag))};">■</span> \`${tag.replace(/`/g, "'")}\``)
		.join('  ');
	const lines = [`**Annotation** ${tags || '_no tags_'}`];
	if (annotation.note !== undefined && annotation.note.trim() !== '') {
		lines.push('', escapeMarkdown(annotation.note));
	}
	const byline = [
		annotation.author === undefined ? undefined : escapeMarkdown(annotation.author),
		annotation.created === undefined ? undefined : escapeMarkdown(formatCreated(annotation.created)),
	].filter((part): part is string => part !== undefined && part !== '');
	if (byline.length > 0) {
		lines.push('', `_${byline.join(', ')}_`);
	}
	lines.push('', [
		annotationCommandLink('Edit Tags', 'diplomaticLetters.editTags', annotation),
		annotationCommandLink('Edit Note', 'diplomaticLetters.editNote', annotation),
		annotationCommandLink('Remove', 'diplomaticLetters.removeAnnotation', annotation),
	].join(' · '));
	return lines.join('\n');
}
