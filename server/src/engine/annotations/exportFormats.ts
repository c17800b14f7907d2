/**
 * Exports of annotations: W3C Web Annotation JSON-LD, CSV (RFC 4180) and brat standoff. Positions are taken as
 * they are stored, in Unicode code points — the unit of the W3C TextPositionSelector and of brat, whose offsets are
 * Python string indices (code points). So the mapping is one to one; callers re-anchor first so that positions
 * match the letters as they stand (the `annotations export` command does).
 */
import type { Annotation } from './types';

/** The annotations of one letter, as exported. */
export interface ExportedLetter {
	/** The letter file, as the export shows it (relative path or as given by the user). */
	readonly source: string;
	/** Its annotations, targets up to date; orphans carry `status: 'orphaned'`. */
	readonly annotations: readonly Annotation[];
}

/** W3C Web Annotation model (https://www.w3.org/TR/annotation-model/) as a plain JSON-LD object. */
export type W3cAnnotationCollection = Record<string, unknown>;

function w3cAnnotation(source: string, annotation: Annotation): Record<string, unknown> {
	const { target } = annotation;
	const bodies = [
		...(annotation.note === undefined ? [] : [{ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: annotation.note }]),
		...annotation.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
	];
	const quote = { type: 'TextQuoteSelector', exact: target.exact, prefix: target.prefix, suffix: target.suffix };
	const position = { type: 'TextPositionSelector', start: target.start, end: target.end };
	return {
		id: `${encodeURI(source)}.annotations.yaml#${annotation.id}`,
		type: 'Annotation',
		motivation: annotation.note === undefined && annotation.tags.length > 0 ? 'tagging' : 'commenting',
		...(annotation.created === undefined ? {} : { created: annotation.created }),
		...(annotation.author === undefined ? {} : { creator: { type: 'Person', name: annotation.author } }),
		...(bodies.length === 0 ? {} : { body: bodies }),
		// An orphan's stored position no longer holds its quote: only the quote selector is exported for it.
		target: { source, selector: annotation.status === 'orphaned' ? [quote] : [quote, position] },
	};
}

/** An `AnnotationCollection` with one embedded page holding every annotation of every letter. */
export function toW3C(letters: readonly ExportedLetter[]): W3cAnnotationCollection {
	const items = letters.flatMap((letter) => letter.annotations.map((annotation) => w3cAnnotation(letter.source, annotation)));
	return {
		'@context': 'http://www.w3.org/ns/anno.jsonld',
		type: 'AnnotationCollection',
		label: 'Diplomatic Letters annotations',
		total: items.length,
		first: { type: 'AnnotationPage', startIndex: 0, items },
	};
}

/** One CSV field, quoted when it holds a comma, a double quote, CR or LF (RFC 4180; quotes doubled). */
export function csvField(value: string | number | undefined): string {
	const text = value === undefined ? '' : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Columns of the CSV export, in order. */
export const CSV_COLUMNS = ['file', 'id', 'tag', 'start', 'end', 'exact', 'note', 'author', 'created', 'status'] as const;

/**
 * CSV with a header row and one row per annotation and tag (an annotation without tags has one row with an empty
 * tag); CRLF line ends as RFC 4180 says. `start`/`end` are code points; for an orphan, its last known position.
 */
export function toCsv(letters: readonly ExportedLetter[]): string {
	const rows: string[] = [CSV_COLUMNS.join(',')];
	for (const letter of letters) {
		for (const annotation of letter.annotations) {
			const tags = annotation.tags.length === 0 ? [''] : annotation.tags;
			for (const tag of tags) {
				const { target } = annotation;
				rows.push(
					[letter.source, annotation.id, tag, target.start, target.end, target.exact, annotation.note, annotation.author, annotation.created, annotation.status ?? 'attached']
						.map(csvField)
						.join(','),
				);
			}
		}
	}
	return `${rows.join('\r\n')}\r\n`;
}

/** A brat entity type: letters, digits, `_` and `-` (brat's configuration syntax allows no spaces). */
function bratType(tag: string): string {
	const cleaned = tag.replace(/[^A-Za-z0-9_-]+/g, '_');
	return cleaned === '' ? 'Annotation' : cleaned;
}

/** The spans of a quote without its line breaks (brat text-bound annotations may not cross a newline). */
function bratFragments(exact: string, start: number): { start: number; end: number; text: string }[] {
	const fragments: { start: number; end: number; text: string }[] = [];
	let offset = start;
	for (const piece of exact.split(/(\r\n|\r|\n)/)) {
		const length = [...piece].length;
		if (!/^[\r\n]+$/.test(piece) && length > 0) {
			fragments.push({ start: offset, end: offset + length, text: piece });
		}
		offset += length;
	}
	return fragments;
}

/** The brat export of one letter. */
export interface BratDocument {
	/** The `.ann` file's content. */
	readonly ann: string;
	/** Orphaned annotations, left out because they have no valid position. */
	readonly skippedOrphans: number;
}

/**
 * brat standoff (`.ann`) for one letter: `T<n>\t<type> <start> <end>\t<text>` per annotation and tag (type
 * `Annotation` when untagged; a quote spanning lines becomes `start end;start end` fragments), and
 * `#<n>\tAnnotatorNotes T<n>\t<note>` for each entity of an annotation with a note. Offsets are code points.
 */
export function toBrat(letter: ExportedLetter): BratDocument {
	const lines: string[] = [];
	let entity = 0;
	let note = 0;
	let skippedOrphans = 0;
	for (const annotation of letter.annotations) {
		if (annotation.status === 'orphaned') {
			skippedOrphans++;
			continue;
		}
		const fragments = bratFragments(annotation.target.exact, annotation.target.start);
		if (fragments.length === 0) {
			continue;
		}
		const spans = fragments.map((fragment) => `${fragment.start} ${fragment.end}`).join(';');
		const text = fragments.map((fragment) => fragment.text.replace(/\t/g, ' ')).join(' ');
		for (const tag of annotation.tags.length === 0 ? [''] : annotation.tags) {
			entity++;
			lines.push(`T${entity}\t${bratType(tag)} ${spans}\t${text}`);
			if (annotation.note !== undefined && annotation.note.trim() !== '') {
				note++;
				lines.push(`#${note}\tAnnotatorNotes T${entity}\t${annotation.note.replace(/\s+/g, ' ').trim()}`);
			}
		}
	}
	return { ann: lines.length === 0 ? '' : `${lines.join('\n')}\n`, skippedOrphans };
}
