/**
 * Minimal text edits on a parsed YAML document: replace one value, insert or delete one key of a block mapping,
 * insert or delete one item of a block sequence. Everything else in the file — comments, their alignment, blank
 * lines, quoting, flow style, folded notes — stays byte for byte, which `String(document)` alone would not
 * guarantee (it re-aligns comments and re-wraps scalars). Each function returns `undefined` when the layout is
 * one it does not handle; the caller then falls back to the `yaml` document API (see `sidecarEdit.ts`).
 */
import { isCollection, isScalar, stringify } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';

/** Replace `start..end` (UTF-16, of the original text) with `newText`. */
export interface TextEdit {
	readonly start: number;
	readonly end: number;
	readonly newText: string;
}

/** Applies non-overlapping edits made against the same text, in one pass; edits at one offset keep their given order. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
	const ordered = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order);
	const pieces: string[] = [];
	let cursor = 0;
	for (const { edit } of ordered) {
		pieces.push(text.slice(cursor, Math.max(cursor, edit.start)), edit.newText);
		cursor = Math.max(cursor, edit.end);
	}
	pieces.push(text.slice(cursor));
	return pieces.join('');
}

/** A scalar written on one line: plain when YAML allows it, else double-quoted (JSON escapes are valid YAML). */
export function inlineScalarText(value: string | number): string {
	if (typeof value === 'number') {
		return String(value);
	}
	const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
	return plain.includes('\n') ? JSON.stringify(value) : plain;
}

/** A flow sequence of scalars on one line, e.g. `[allegation, casualty-figure]`. */
export function inlineFlowSequenceText(values: readonly string[]): string {
	return `[${values.map((value) => inlineScalarText(value)).join(', ')}]`;
}

function lineStartOf(text: string, offset: number): number {
	return text.lastIndexOf('\n', offset - 1) + 1;
}

/** True when only spaces stand between the start of the line and `offset`. */
function startsItsLine(text: string, offset: number): boolean {
	return /^ *$/.test(text.slice(lineStartOf(text, offset), offset));
}

/** The offset just after the line on which the node's value ends (after its newline, or the end of the text). */
function afterLastLineOf(text: string, valueEnd: number): { offset: number; needsNewline: boolean } {
	if (valueEnd > 0 && text[valueEnd - 1] === '\n') {
		return { offset: valueEnd, needsNewline: false };
	}
	const newline = text.indexOf('\n', valueEnd);
	return newline === -1 ? { offset: text.length, needsNewline: true } : { offset: newline + 1, needsNewline: false };
}

/** Where a node's content ends in the source (value-end), falling back to its key for an empty value. */
function pairEnd(pair: Pair): number | undefined {
	const value = pair.value as Node | null;
	const key = pair.key as Node | null;
	return value?.range?.[1] ?? key?.range?.[1] ?? undefined;
}

/**
 * Moves a line start up over comment lines directly above it (they belong to the node below them), never above
 * `floor` — the end of the previous node, so that a block scalar's line starting with `#` is not taken for a comment.
 */
function includeLeadingComments(text: string, lineStart: number, floor: number): number {
	let start = lineStart;
	while (start > 0) {
		const previous = lineStartOf(text, start - 1);
		if (previous < floor || !/^ *#/.test(text.slice(previous, start))) {
			break;
		}
		start = previous;
	}
	return start;
}

/** Replaces the value of a pair whose value is a scalar or a flow collection. */
export function replaceValueEdit(text: string, pair: Pair, valueText: string): TextEdit | undefined {
	const value = pair.value as Node | null;
	const range = value?.range;
	if (range === undefined || range === null || (isCollection(value) && value.flow !== true)) {
		return undefined;
	}
	const [start, end] = range;
	if (start === end) {
		return { start, end, newText: text[start - 1] === ':' ? ` ${valueText}` : valueText };
	}
	const keepsNewline = text[end - 1] === '\n';
	return { start, end, newText: keepsNewline ? `${valueText}\n` : valueText };
}

/**
 * Inserts `key: valueText` into a block mapping: before the pair named `beforeKey` when it begins its own line,
 * otherwise after the last pair. `valueText` must be a one-line scalar or flow collection.
 */
export function insertPairEdit(text: string, map: YAMLMap, key: string, valueText: string, beforeKey?: string): TextEdit | undefined {
	if (map.flow === true || map.items.length === 0) {
		return undefined;
	}
	const keyColumns = map.items.map((pair) => {
		const keyStart = (pair.key as Node | null)?.range?.[0];
		return keyStart === undefined ? undefined : keyStart - lineStartOf(text, keyStart);
	});
	const indentWidth = keyColumns[0];
	if (indentWidth === undefined) {
		return undefined;
	}
	const line = `${' '.repeat(indentWidth)}${inlineScalarText(key)}: ${valueText}`;
	const beforeIndex = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === beforeKey);
	const beforeStart = (map.items[beforeIndex]?.key as Node | undefined)?.range?.[0];
	if (beforeStart !== undefined && startsItsLine(text, beforeStart)) {
		const previous = map.items[beforeIndex - 1];
		const offset = includeLeadingComments(text, lineStartOf(text, beforeStart), (previous === undefined ? undefined : pairEnd(previous)) ?? 0);
		return { start: offset, end: offset, newText: `${line}\n` };
	}
	const last = map.items[map.items.length - 1];
	const end = last === undefined ? undefined : pairEnd(last);
	if (end === undefined) {
		return undefined;
	}
	const { offset, needsNewline } = afterLastLineOf(text, end);
	return { start: offset, end: offset, newText: needsNewline ? `\n${line}` : `${line}\n` };
}

/** Deletes one pair of a block mapping, when its key begins its own line (not the first key after `- `). */
export function deletePairEdit(text: string, map: YAMLMap, key: string): TextEdit | undefined {
	const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
	const keyStart = (pair?.key as Node | undefined)?.range?.[0];
	const end = pair === undefined ? undefined : pairEnd(pair);
	if (map.flow === true || keyStart === undefined || end === undefined || !startsItsLine(text, keyStart)) {
		return undefined;
	}
	return { start: lineStartOf(text, keyStart), end: afterLastLineOf(text, end).offset, newText: '' };
}

/** The column of the `-` of a block sequence's first item, and whether its items are separated by blank lines. */
export function blockSequenceLayout(text: string, seq: YAMLSeq): { dashColumn: number; blankLineBetween: boolean } | undefined {
	const first = seq.items[0] as Node | undefined;
	const start = first?.range?.[0];
	if (seq.flow === true || start === undefined) {
		return undefined;
	}
	const lineStart = lineStartOf(text, start);
	const dash = text.indexOf('-', lineStart);
	if (dash === -1 || dash >= start) {
		return undefined;
	}
	const rest = seq.items.slice(1) as Node[];
	return { dashColumn: dash - lineStart, blankLineBetween: rest.length === 0 || rest.some((item) => item.spaceBefore === true) };
}

/** Inserts an already-indented item (`itemText`, ending with a newline) at `index` of a non-empty block sequence. */
export function insertSequenceItemEdit(text: string, seq: YAMLSeq, index: number, itemText: string, blankLineBetween: boolean): TextEdit | undefined {
	const items = seq.items as Node[];
	const following = items[index];
	if (following !== undefined) {
		const start = following.range?.[0];
		if (start === undefined) {
			return undefined;
		}
		const offset = includeLeadingComments(text, lineStartOf(text, start), items[index - 1]?.range?.[1] ?? 0);
		return { start: offset, end: offset, newText: blankLineBetween ? `${itemText}\n` : itemText };
	}
	const end = items[items.length - 1]?.range?.[1];
	if (end === undefined) {
		return undefined;
	}
	const { offset, needsNewline } = afterLastLineOf(text, end);
	return { start: offset, end: offset, newText: `${needsNewline ? '\n' : ''}${blankLineBetween ? '\n' : ''}${itemText}` };
}

/** Deletes item `index` of a block sequence with at least two items, with its own comments and one separator. */
export function deleteSequenceItemEdit(text: string, seq: YAMLSeq, index: number): TextEdit | undefined {
	const items = seq.items as Node[];
	const item = items[index];
	const start = item?.range?.[0];
	const end = item?.range?.[1];
	if (seq.flow === true || items.length < 2 || start === undefined || end === undefined) {
		return undefined;
	}
	const regionStart = includeLeadingComments(text, lineStartOf(text, start), items[index - 1]?.range?.[1] ?? 0);
	const next = items[index + 1];
	const nextStart = next?.range?.[0];
	if (next !== undefined) {
		if (nextStart === undefined) {
			return undefined;
		}
		return { start: regionStart, end: includeLeadingComments(text, lineStartOf(text, nextStart), end), newText: '' };
	}
	// The last item: take the blank lines that separated it from the previous one with it.
	let blankStart = regionStart;
	while (blankStart > 0) {
		const previous = lineStartOf(text, blankStart - 1);
		if (!/^[ \t\r]*\n$/.test(text.slice(previous, blankStart))) {
			break;
		}
		blankStart = previous;
	}
	return { start: blankStart, end: afterLastLineOf(text, end).offset, newText: '' };
}

/**
 * Replaces the block sequence value of `pair` (`key:` followed by `- …` lines) with an empty flow sequence
 * (`key: []`), keeping a comment on the key's line and everything after the sequence.
 */
export function emptySequenceEdits(text: string, pair: Pair): TextEdit[] | undefined {
	const keyEnd = (pair.key as Node | null)?.range?.[1];
	const seq = pair.value as Node | null;
	const seqEnd = seq?.range?.[1];
	if (keyEnd === undefined || seqEnd === undefined || !isCollection(seq) || seq.flow === true) {
		return undefined;
	}
	const colon = text.indexOf(':', keyEnd);
	const keyLineEnd = text.indexOf('\n', keyEnd);
	if (colon === -1 || keyLineEnd === -1 || colon > keyLineEnd) {
		return undefined;
	}
	return [
		{ start: colon + 1, end: colon + 1, newText: ' []' },
		{ start: keyLineEnd + 1, end: afterLastLineOf(text, seqEnd).offset, newText: '' },
	];
}
