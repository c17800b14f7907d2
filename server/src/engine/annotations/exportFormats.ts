/**
 * Exports of annotations: W3C Web Annotation JSON-LD, CSV (RFC 4180) and brat standoff. Positions are taken as
 * they are stored, in Unicode code points — the unit of the W3C TextPositionSelector and of brat, whose offsets are
 * Python string indices (code points). So the mapping is one to one; callers re-anchor first so that positions
 * match the letters as they stand (the `annotations export` command does).
 */
import { LineIndex } from '../text/lineIndex';
import { createOffsetConverter } from './offsets';
import type { Annotation } from './types';

/** Who a letter is, as the catalogue says (`letters`): what an analyst sorts and filters an export by. */
export interface ExportedLetterIdentity {
	/** Its document symbol in the folder, or null when it has none. */
	readonly symbol: string | null;
	/** The State or office that writes it. */
	readonly sender: string | null;
	/** The date of its title line (ISO), or null. */
	readonly dated: string | null;
}

/** The annotations of one letter, as exported. */
export interface ExportedLetter {
	/** The letter file, as the export shows it (relative path or as given by the user). */
	readonly source: string;
	/** Who the letter is; absent when not known (the columns stay empty, the W3C source is the file). */
	readonly identity?: ExportedLetterIdentity;
	/** The letter's text (brat exports it next to the `.ann`; the CSV counts lines and columns in it); absent when not needed. */
	readonly text?: string;
	/** Its annotations, targets up to date; orphans carry `status: 'orphaned'`. */
	readonly annotations: readonly Annotation[];
}

/** W3C Web Annotation model (https://www.w3.org/TR/annotation-model/) as a plain JSON-LD object. */
export type W3cAnnotationCollection = Record<string, unknown>;

function w3cAnnotation(letter: ExportedLetter, annotation: Annotation): Record<string, unknown> {
	const source = letter.source;
	const symbol = letter.identity?.symbol ?? null;
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
		// The source is the letter as the UN names it, its symbol, when it has one; the file it was read from is the
		// scope. An orphan's stored position no longer holds its quote: only the quote selector is exported for it.
		target: { source: symbol ?? source, ...(symbol === null ? {} : { scope: source }), selector: annotation.status === 'orphaned' ? [quote] : [quote, position] },
	};
}

/** An `AnnotationCollection` with one embedded page holding every annotation of every letter. */
export function toW3C(letters: readonly ExportedLetter[]): W3cAnnotationCollection {
	const items = letters.flatMap((letter) => letter.annotations.map((annotation) => w3cAnnotation(letter, annotation)));
	return {
		'@context': 'http://www.w3.org/ns/anno.jsonld',
		type: 'AnnotationCollection',
		label: 'Diplomatic Letters annotations',
		total: items.length,
		first: { type: 'AnnotationPage', startIndex: 0, items },
	};
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"): `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+cmd`, `-1+1`, or a
 * leading tab or carriage return) gets a leading `'`, as OWASP advises, so that it shows as the text it is; then the
 * field is quoted when it holds a comma, a double quote, CR or LF, or was prefixed (RFC 4180; quotes doubled).
 * Numbers are written as they are.
 */
export function csvField(value: string | number | undefined): string {
	if (typeof value === 'number') {
		return String(value);
	}
	const text = value ?? '';
	const neutral = FORMULA_START.test(text) ? `'${text}` : text;
	return neutral !== text || /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** One row of the CSV export: an annotation of a letter, for one of its tags (`''` for an untagged annotation). */
export interface CsvRow {
	readonly letter: ExportedLetter;
	readonly annotation: Annotation;
	readonly tag: string;
	/** Where the annotation starts in the letter's text, 1-based (columns in UTF-16 code units, as editors show them); absent without the text. */
	readonly position?: { readonly line: number; readonly column: number };
}

/** A column of the CSV export: its header and how a row fills it. A new column is one more entry. */
export interface CsvColumn {
	readonly header: string;
	readonly value: (row: CsvRow) => string | number | undefined;
}

/**
 * Columns of the CSV export, in order: who the letter is (symbol, sender, title date), where the annotation is (file,
 * line and column, 1-based), what it says (tag, note, author, created, status, exact text), then the annotation's id
 * and its `start`/`end` in code points (for an orphan, its last known position) for tools.
 */
export const CSV_COLUMNS: readonly CsvColumn[] = [
	{ header: 'symbol', value: (row) => row.letter.identity?.symbol ?? undefined },
	{ header: 'sender', value: (row) => row.letter.identity?.sender ?? undefined },
	{ header: 'dated', value: (row) => row.letter.identity?.dated ?? undefined },
	{ header: 'file', value: (row) => row.letter.source },
	{ header: 'line', value: (row) => row.position?.line },
	{ header: 'column', value: (row) => row.position?.column },
	{ header: 'tag', value: (row) => row.tag },
	{ header: 'note', value: (row) => row.annotation.note },
	{ header: 'author', value: (row) => row.annotation.author },
	{ header: 'created', value: (row) => row.annotation.created },
	{ header: 'status', value: (row) => row.annotation.status ?? 'attached' },
	{ header: 'exact', value: (row) => row.annotation.target.exact },
	{ header: 'id', value: (row) => row.annotation.id },
	{ header: 'start', value: (row) => row.annotation.target.start },
	{ header: 'end', value: (row) => row.annotation.target.end },
];

/** Where each annotation of a letter starts, 1-based, when the export has the letter's text. */
function positionsIn(letter: ExportedLetter): (annotation: Annotation) => { line: number; column: number } | undefined {
	const text = letter.text;
	if (text === undefined) {
		return () => undefined;
	}
	const converter = createOffsetConverter(text);
	const lines = new LineIndex(text);
	return (annotation) => {
		const offset = converter.toUtf16(Math.min(annotation.target.start, converter.codePointLength));
		if (offset === undefined) {
			return undefined;
		}
		const position = lines.positionAt(offset);
		return { line: position.line + 1, column: position.character + 1 };
	};
}

/**
 * CSV with a header row and one row per annotation and tag (an annotation without tags has one row with an empty
 * tag); CRLF line ends as RFC 4180 says; every text field passed through {@link csvField}.
 */
export function toCsv(letters: readonly ExportedLetter[], columns: readonly CsvColumn[] = CSV_COLUMNS): string {
	const rows: string[] = [columns.map((column) => csvField(column.header)).join(',')];
	for (const letter of letters) {
		const positionOf = positionsIn(letter);
		for (const annotation of letter.annotations) {
			const position = positionOf(annotation);
			for (const tag of annotation.tags.length === 0 ? [''] : annotation.tags) {
				const row: CsvRow = { letter, annotation, tag, ...(position === undefined ? {} : { position }) };
				rows.push(columns.map((column) => csvField(column.value(row))).join(','));
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
