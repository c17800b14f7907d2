/**
 * Writing sidecar YAML from scratch: a whole new sidecar, or one annotation block to insert into an existing one.
 * Layout (SPEC "Annotation sidecar"): one block per annotation, a blank line between blocks, blocks in position
 * order, tags as a flow list. Together with random ids this lets git merge two people's annotations of the same
 * letter line by line without conflicts, as long as they did not annotate the same spot.
 */
import { Document, isScalar, isSeq, Scalar } from 'yaml';
import { inlineScalarText } from './yamlTextPatch';
import type { Annotation } from './types';

/** Orders annotations by position in the letter (start, then end, then id), the order blocks have in a sidecar. */
export function compareAnnotationsByPosition(a: Annotation, b: Annotation): number {
	return a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The annotation as a plain object with keys in the sidecar's canonical order and no undefined values. */
export function annotationToPlainObject(annotation: Annotation): Record<string, unknown> {
	const { target } = annotation;
	return {
		id: annotation.id,
		tags: [...annotation.tags],
		...(annotation.note === undefined ? {} : { note: annotation.note }),
		...(annotation.author === undefined ? {} : { author: annotation.author }),
		...(annotation.created === undefined ? {} : { created: annotation.created }),
		...(annotation.status === undefined ? {} : { status: annotation.status }),
		target: { exact: target.exact, prefix: target.prefix, suffix: target.suffix, start: target.start, end: target.end },
	};
}

/** Canonical key order of an annotation, used to place a key that is added later (e.g. `status`). */
export const annotationKeyOrder: readonly string[] = ['id', 'tags', 'note', 'author', 'created', 'status', 'target'];

/**
 * One annotation as a block sequence item (`- id: …`), every line indented by `dashColumn` spaces and nested
 * mappings by `indentStep`; ends with a newline.
 */
export function renderAnnotationItem(annotation: Annotation, dashColumn: number, indentStep = 2): string {
	const document = new Document([annotationToPlainObject(annotation)]);
	const tags = document.getIn([0, 'tags'], true);
	if (isSeq(tags)) {
		tags.flow = true;
	}
	// Quote and context keep their line breaks as `\n` on one line: exact characters matter there, not layout.
	for (const key of ['exact', 'prefix', 'suffix']) {
		const scalar = document.getIn([0, 'target', key], true);
		if (isScalar(scalar) && typeof scalar.value === 'string' && /[\r\n]/.test(scalar.value)) {
			scalar.type = Scalar.QUOTE_DOUBLE;
		}
	}
	// A multi-line note is a literal block, unless blank-but-not-empty lines or edge spaces would not survive one.
	const note = document.getIn([0, 'note'], true);
	if (isScalar(note) && typeof note.value === 'string' && /\n/.test(note.value) && note.value.split('\n').some((line) => /^\s|\s$/.test(line))) {
		note.type = Scalar.QUOTE_DOUBLE;
	}
	const block = document.toString({ lineWidth: 0, indent: indentStep, indentSeq: true, flowCollectionPadding: false });
	const padding = ' '.repeat(dashColumn);
	return block
		.replace(/\n$/, '')
		.split('\n')
		.map((line) => (line.length === 0 ? line : padding + line))
		.join('\n')
		.concat('\n');
}

/** Options of `createSidecarText`. */
export interface CreateSidecarOptions {
	/** The letter's UN document symbol, stored as `document.symbol`. */
	readonly symbol?: string;
}

/**
 * The text of a new sidecar for the letter `letterFileName` (a file name, no folder) holding `annotations`,
 * sorted by position, with the explanatory header comment.
 */
export function createSidecarText(letterFileName: string, annotations: readonly Annotation[], options: CreateSidecarOptions = {}): string {
	const header = [
		`# Annotations of ${letterFileName.replace(/[\r\n]+/g, ' ')}. Hand edits and comments are kept.`,
		'version: 1',
		'document:',
		`  file: ${inlineScalarText(letterFileName)}`,
		...(options.symbol === undefined ? [] : [`  symbol: ${inlineScalarText(options.symbol)}`]),
	];
	if (annotations.length === 0) {
		return `${header.join('\n')}\nannotations: []\n`;
	}
	const blocks = [...annotations].sort(compareAnnotationsByPosition).map((annotation) => renderAnnotationItem(annotation, 2));
	return `${header.join('\n')}\nannotations:\n${blocks.join('\n')}`;
}
