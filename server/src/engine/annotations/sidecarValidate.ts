/**
 * Hand-written validation of a parsed sidecar against the format of SPEC "Annotation sidecar" (the same rules as
 * `schemas/annotations.schema.json`, plus two a JSON Schema cannot say: ids unique, `start` ≤ `end`).
 * Every message names the annotation, the key and the line, e.g.
 * "annotation 7f3a9c: `target.start` must be a non-negative integer (line 14)".
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import type { LineLocator } from './sidecarProblems';
import type { Annotation, AnnotationTarget, Sidecar, SidecarProblem } from './types';

/** Ids the engine generates and hand-written ones: letters, digits, `_` and `-`. */
export const annotationIdPattern = /^[A-Za-z0-9_-]+$/;
/** ISO 8601 date or date-time, as `created` holds it. */
export const createdPattern = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

type ValidationResult = { ok: true; sidecar: Sidecar } | { ok: false; problems: SidecarProblem[] };

interface Context {
	readonly locator: LineLocator;
	readonly problems: SidecarProblem[];
	readonly textLength: number;
}

/** Reports `message` at `node` (or at the start of the file), appending "(line N)". */
function report(context: Context, node: { range?: readonly number[] | null } | null | undefined, message: string): void {
	const start = node?.range?.[0] ?? 0;
	const end = node?.range?.[1] ?? Math.min(start + 1, context.textLength);
	context.problems.push(context.locator.problemAt({ start, end }, `${message} (line ${context.locator.lineOf(start)})`));
}

/** The entries of a mapping by key; unknown keys (other than `x-…` extensions) are reported. */
function entriesOf(context: Context, map: YAMLMap, allowed: readonly string[], where: string): Map<string, Pair> {
	const entries = new Map<string, Pair>();
	for (const pair of map.items) {
		const key = isScalar(pair.key) ? pair.key.value : undefined;
		if (typeof key === 'string' && allowed.includes(key)) {
			entries.set(key, pair);
		} else if (!(typeof key === 'string' && key.startsWith('x-'))) {
			const shown = typeof key === 'string' || typeof key === 'number' ? String(key) : '?';
			report(context, pair.key as Node, `${where}unknown key \`${shown}\`; expected ${allowed.map((name) => `\`${name}\``).join(', ')}`);
		}
	}
	return entries;
}

/** The node of a pair's value (a null node when the value is empty). */
function valueNode(pair: Pair | undefined): Node | undefined {
	return pair?.value as Node | undefined;
}

function readString(context: Context, pair: Pair | undefined, label: string, options: { required: boolean; nonEmpty?: boolean; pattern?: RegExp; patternText?: string }, at: Node): string | undefined {
	const node = valueNode(pair);
	if (pair === undefined) {
		if (options.required) {
			report(context, at, `${label} is missing`);
		}
		return undefined;
	}
	const value = isScalar(node) ? node.value : undefined;
	if (typeof value !== 'string') {
		report(context, node ?? (pair.key as Node), `${label} must be a string`);
		return undefined;
	}
	if (options.nonEmpty === true && value.length === 0) {
		report(context, node, `${label} must not be empty`);
		return undefined;
	}
	if (options.pattern !== undefined && !options.pattern.test(value)) {
		report(context, node, `${label} must be ${options.patternText ?? `of the form ${String(options.pattern)}`}`);
		return undefined;
	}
	return value;
}

function readOffset(context: Context, pair: Pair | undefined, label: string, at: Node): number | undefined {
	const node = valueNode(pair);
	if (pair === undefined) {
		report(context, at, `${label} is missing`);
		return undefined;
	}
	const value = isScalar(node) ? node.value : undefined;
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
		report(context, node ?? (pair.key as Node), `${label} must be a non-negative integer`);
		return undefined;
	}
	return value;
}

function readTarget(context: Context, pair: Pair | undefined, prefix: string, at: Node): AnnotationTarget | undefined {
	const node = valueNode(pair);
	if (pair === undefined) {
		report(context, at, `${prefix}\`target\` is missing`);
		return undefined;
	}
	if (!isMap(node)) {
		report(context, node ?? (pair.key as Node), `${prefix}\`target\` must be a mapping with \`exact\`, \`start\` and \`end\``);
		return undefined;
	}
	const entries = entriesOf(context, node, ['exact', 'prefix', 'suffix', 'start', 'end'], `${prefix}\`target\`: `);
	const exact = readString(context, entries.get('exact'), `${prefix}\`target.exact\``, { required: true, nonEmpty: true }, node);
	const before = readString(context, entries.get('prefix'), `${prefix}\`target.prefix\``, { required: false }, node) ?? '';
	const after = readString(context, entries.get('suffix'), `${prefix}\`target.suffix\``, { required: false }, node) ?? '';
	const start = readOffset(context, entries.get('start'), `${prefix}\`target.start\``, node);
	const end = readOffset(context, entries.get('end'), `${prefix}\`target.end\``, node);
	if (start !== undefined && end !== undefined && end < start) {
		report(context, valueNode(entries.get('end')), `${prefix}\`target.end\` (${end}) must not be before \`target.start\` (${start})`);
		return undefined;
	}
	if (exact === undefined || start === undefined || end === undefined) {
		return undefined;
	}
	return { exact, prefix: before, suffix: after, start, end };
}

function readTags(context: Context, pair: Pair | undefined, prefix: string): string[] | undefined {
	const node = valueNode(pair);
	if (pair === undefined || (isScalar(node) && node.value === null)) {
		return [];
	}
	if (!isSeq(node)) {
		report(context, node ?? (pair.key as Node), `${prefix}\`tags\` must be a list of tag names, e.g. [allegation, casualty-figure]`);
		return undefined;
	}
	const tags: string[] = [];
	for (const item of node.items) {
		const value = isScalar(item) ? item.value : undefined;
		if (typeof value !== 'string' || value.length === 0) {
			report(context, item as Node, `${prefix}every tag must be a non-empty string`);
			return undefined;
		}
		tags.push(value);
	}
	return tags;
}

const annotationKeys = ['id', 'tags', 'note', 'author', 'created', 'status', 'target'];

function readAnnotation(context: Context, node: unknown, index: number, seenIds: Set<string>): Annotation | undefined {
	const fallbackName = `annotation #${index + 1}: `;
	if (!isMap(node)) {
		report(context, node as Node, `${fallbackName}each annotation must be a mapping with \`id\` and \`target\``);
		return undefined;
	}
	const idPair = node.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id');
	const rawId = isScalar(idPair?.value) ? idPair.value.value : undefined;
	const prefix = typeof rawId === 'string' && rawId.length > 0 ? `annotation ${rawId}: ` : fallbackName;
	const entries = entriesOf(context, node, annotationKeys, prefix);
	const id = readString(context, entries.get('id'), `${prefix}\`id\``, { required: true, pattern: annotationIdPattern, patternText: 'letters, digits, `_` or `-` only' }, node);
	if (id !== undefined) {
		if (seenIds.has(id)) {
			report(context, valueNode(entries.get('id')), `${prefix}the id \`${id}\` is used by another annotation of this file; ids must be unique`);
		}
		seenIds.add(id);
	}
	const tags = readTags(context, entries.get('tags'), prefix);
	const note = readString(context, entries.get('note'), `${prefix}\`note\``, { required: false }, node);
	const author = readString(context, entries.get('author'), `${prefix}\`author\``, { required: false }, node);
	const created = readString(context, entries.get('created'), `${prefix}\`created\``, { required: false, pattern: createdPattern, patternText: 'an ISO 8601 date or date-time, e.g. 2026-11-23T10:00:00Z' }, node);
	const status = readString(context, entries.get('status'), `${prefix}\`status\``, { required: false, pattern: /^orphaned$/, patternText: '`orphaned` (or absent when the annotation is attached)' }, node);
	const target = readTarget(context, entries.get('target'), prefix, node);
	if (id === undefined || tags === undefined || target === undefined) {
		return undefined;
	}
	return {
		id,
		tags,
		...(note === undefined ? {} : { note }),
		...(author === undefined ? {} : { author }),
		...(created === undefined ? {} : { created }),
		...(status === 'orphaned' ? { status } : {}),
		target,
	};
}

/**
 * Validates the root node of a parsed sidecar and builds the typed `Sidecar`, or returns every problem found.
 * `textLength` is the length of the sidecar text (to locate problems of an empty document).
 */
export function validateSidecarNode(root: unknown, locator: LineLocator, textLength: number): ValidationResult {
	const context: Context = { locator, problems: [], textLength };
	if (!isMap(root)) {
		report(context, root as Node | null, 'the sidecar must be a mapping with `version: 1`, `document` and `annotations`');
		return { ok: false, problems: context.problems };
	}
	const entries = entriesOf(context, root, ['version', 'document', 'annotations'], '');
	const versionNode = valueNode(entries.get('version'));
	if (entries.get('version') === undefined) {
		report(context, root, '`version` is missing; expected `version: 1`');
	} else if (!(isScalar(versionNode) && versionNode.value === 1)) {
		report(context, versionNode, '`version` must be 1');
	}
	const documentNode = valueNode(entries.get('document'));
	let documentInfo: Sidecar['document'] | undefined;
	if (!isMap(documentNode)) {
		report(context, documentNode ?? root, '`document` must be a mapping with `file` (the letter\'s file name)');
	} else {
		const documentEntries = entriesOf(context, documentNode, ['file', 'symbol'], '`document`: ');
		const file = readString(context, documentEntries.get('file'), '`document.file`', { required: true, nonEmpty: true }, documentNode);
		const symbol = readString(context, documentEntries.get('symbol'), '`document.symbol`', { required: false, nonEmpty: true }, documentNode);
		documentInfo = file === undefined ? undefined : { file, ...(symbol === undefined ? {} : { symbol }) };
	}
	const listNode = valueNode(entries.get('annotations'));
	const annotations: Annotation[] = [];
	if (isSeq(listNode)) {
		const seenIds = new Set<string>();
		listNode.items.forEach((item, index) => {
			const annotation = readAnnotation(context, item, index, seenIds);
			if (annotation !== undefined) {
				annotations.push(annotation);
			}
		});
	} else if (!(listNode === undefined || (isScalar(listNode) && listNode.value === null))) {
		report(context, listNode, '`annotations` must be a list of annotations');
	}
	if (context.problems.length > 0 || documentInfo === undefined) {
		return { ok: false, problems: context.problems };
	}
	return { ok: true, sidecar: { version: 1, document: documentInfo, annotations } };
}
