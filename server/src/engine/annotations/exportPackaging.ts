/**
 * Export packaging: which files an export of annotations is made of, for the command line (`annotations export`) and
 * the editor (Export Annotations) alike — one W3C Web Annotation JSON-LD file, one CSV file, or a brat `.txt` and
 * `.ann` pair per letter — and the annotations as they stand in the letter now (positions found again; orphans marked).
 */
import { targetForRange } from './annotationTarget';
import { createOffsetConverter } from './offsets';
import type { PlacedAnnotation } from './placement';
import { toBrat, toCsv, toW3C } from './exportFormats';
import type { CsvColumn, ExportedLetter } from './exportFormats';
import { CSV_COLUMNS } from './exportFormats';
import type { Annotation } from './types';

/** The export formats (SPEC command line `annotations export`). */
export type AnnotationExportFormat = 'w3c' | 'csv' | 'brat';

/** True for one of the export formats. */
export function isExportFormat(value: unknown): value is AnnotationExportFormat {
	return value === 'w3c' || value === 'csv' || value === 'brat';
}

/** One file of an export: its name (a relative path for brat) and its content. */
export interface ExportFile {
	readonly name: string;
	readonly content: string;
}

/** The files of an export, and the orphans brat had to leave out (it has no place for them), per letter. */
export interface ExportPackage {
	readonly files: readonly ExportFile[];
	readonly skippedOrphans: readonly { readonly source: string; readonly count: number }[];
}

/** Options of {@link packageExport}. */
export interface ExportOptions {
	/** Columns of the CSV export (default {@link CSV_COLUMNS}). */
	readonly csvColumns?: readonly CsvColumn[];
}

/** The stem of a brat file for a letter: its shown path without the extension. */
function bratStem(source: string): string {
	return source.replace(/\.[^./\\]+$/, '');
}

/** Packages the annotations of `letters` in `format` (letters in the order given; brat needs each letter's text). */
export function packageExport(format: AnnotationExportFormat, letters: readonly ExportedLetter[], options: ExportOptions = {}): ExportPackage {
	if (format === 'w3c') {
		return { files: [{ name: 'annotations.jsonld', content: `${JSON.stringify(toW3C(letters), null, 2)}\n` }], skippedOrphans: [] };
	}
	if (format === 'csv') {
		return { files: [{ name: 'annotations.csv', content: toCsv(letters, options.csvColumns ?? CSV_COLUMNS) }], skippedOrphans: [] };
	}
	const files: ExportFile[] = [];
	const skippedOrphans: { source: string; count: number }[] = [];
	for (const letter of letters) {
		const { ann, skippedOrphans: skipped } = toBrat(letter);
		const stem = bratStem(letter.source);
		files.push({ name: `${stem}.txt`, content: letter.text ?? '' }, { name: `${stem}.ann`, content: ann });
		if (skipped > 0) {
			skippedOrphans.push({ source: letter.source, count: skipped });
		}
	}
	return { files, skippedOrphans };
}

/**
 * The annotations of a letter as they stand in its text now, for an export: each found one with its current quote,
 * context and position; each orphan marked `orphaned` with its last stored target.
 */
export function annotationsAsTheyStand(letterText: string, placed: readonly PlacedAnnotation[]): Annotation[] {
	const converter = createOffsetConverter(letterText);
	return placed.map((item) => {
		const { status: _status, ...rest } = item.annotation;
		return item.range === undefined ? { ...rest, status: 'orphaned' as const } : { ...rest, target: targetForRange(letterText, item.range, undefined, converter) };
	});
}
