/**
 * Changing a sidecar's text: add, update, remove an annotation, rename a tag, record the letter's symbol.
 *
 * Every change is described three ways — its effect on the typed model, minimal text edits, and the same change
 * through the `yaml` document API — and applied like this:
 * 1. the sidecar must parse and validate, else nothing is written (the problems are returned instead);
 * 2. the minimal text edits are applied and the result re-parsed: it must validate and equal the expected model;
 * 3. otherwise the change goes through the document API (`String(document)` keeps comments and key order but may
 *    re-align comments), verified the same way; if that also fails, the sidecar is left unchanged.
 * Functions take and return text, so the host decides when and how to write (see `server/src/node/sidecarFiles.ts`).
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { parseSidecar } from './sidecarParse';
import { annotationKeyOrder, annotationToPlainObject, compareAnnotationsByPosition, renderAnnotationItem } from './sidecarRender';
import { applyTextEdits, blockSequenceLayout, deletePairEdit, deleteSequenceItemEdit, emptySequenceEdits, inlineFlowSequenceText, inlineScalarText, insertPairEdit, insertSequenceItemEdit, replaceValueEdit } from './yamlTextPatch';
import type { TextEdit } from './yamlTextPatch';
import type { Annotation, AnnotationTarget, Sidecar, SidecarProblem } from './types';

/** The new text and content of the sidecar, or why the change was not made (the text is then unchanged). */
export type SidecarEditResult =
	| { readonly ok: true; readonly text: string; readonly sidecar: Sidecar }
	| { readonly ok: false; readonly problems: readonly SidecarProblem[] };

/**
 * Changes to one annotation. A key that is present with the value `undefined` removes that field
 * (e.g. `{ status: undefined }` re-attaches an orphan); an absent key leaves the field as it is.
 */
export interface AnnotationChanges {
	readonly tags?: readonly string[];
	readonly note?: string | undefined;
	readonly author?: string | undefined;
	readonly created?: string | undefined;
	readonly status?: 'orphaned' | undefined;
	readonly target?: AnnotationTarget;
}

interface SidecarChange {
	model(sidecar: Sidecar): Sidecar | string;
	textEdits(text: string, document: Document.Parsed, sidecar: Sidecar): TextEdit[] | undefined;
	mutateDocument(document: Document.Parsed, sidecar: Sidecar): void;
}

function failure(message: string): SidecarEditResult {
	return { ok: false, problems: [{ message, range: { start: 0, end: 0 }, line: 1, column: 1 }] };
}

/** JSON with sorted keys, to compare two sidecars by content. */
function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) =>
		inner !== null && typeof inner === 'object' && !Array.isArray(inner)
			? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: inner,
	);
}

/** Indentation of the existing file, so that the document-API fallback does not re-indent every line. */
function detectedStringifyOptions(text: string): { indent: number; indentSeq: boolean; lineWidth: number; flowCollectionPadding: boolean } {
	const indents = [...text.matchAll(/^( +)[^ #\n]/gm)].map((match) => match[1]?.length ?? 0);
	const indent = indents.length > 0 ? Math.max(1, Math.min(...indents)) : 2;
	return { indent, indentSeq: !/^\w[\w-]*:[ \t]*(?:#.*)?\n- /m.test(text), lineWidth: 0, flowCollectionPadding: /\[ \S/.test(text) };
}

function applySidecarChange(text: string, change: SidecarChange): SidecarEditResult {
	const parsed = parseSidecar(text);
	if (!parsed.ok) {
		return parsed;
	}
	const expected = change.model(parsed.sidecar);
	if (typeof expected === 'string') {
		return failure(expected);
	}
	const matches = (candidate: string): SidecarEditResult | undefined => {
		const check = parseSidecar(candidate);
		return check.ok && canonicalJson(check.sidecar) === canonicalJson(expected) ? { ok: true, text: candidate, sidecar: check.sidecar } : undefined;
	};
	// A file with CRLF line ends (Windows) gets CRLF in what is written into it too.
	const lineEnds = (written: string): string => (text.includes('\r\n') ? written.replace(/\r?\n/g, '\r\n') : written);
	const edits = change.textEdits(text, parsed.document, parsed.sidecar);
	const patched = edits === undefined ? undefined : matches(applyTextEdits(text, edits.map((edit) => ({ ...edit, newText: lineEnds(edit.newText) }))));
	if (patched !== undefined) {
		return patched;
	}
	change.mutateDocument(parsed.document, parsed.sidecar);
	return matches(lineEnds(parsed.document.toString(detectedStringifyOptions(text)))) ?? failure('the change could not be written safely; the sidecar was left unchanged');
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
	return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

function annotationMapAt(document: Document.Parsed, index: number): YAMLMap | undefined {
	const node = document.getIn(['annotations', index], true);
	return isMap(node) ? node : undefined;
}

function indexOfId(sidecar: Sidecar, id: string): number {
	return sidecar.annotations.findIndex((annotation) => annotation.id === id);
}

/** The step between a mapping's keys and its nested mapping's keys, as the file uses it (2 when unknown). */
function nestedIndentStep(text: string, document: Document.Parsed): number {
	const columnOf = (offset: number): number => offset - (text.lastIndexOf('\n', offset - 1) + 1);
	const targetPair = annotationMapAt(document, 0)?.items.find((pair) => isScalar(pair.key) && pair.key.value === 'target');
	const keyStart = (targetPair?.key as Node | undefined)?.range?.[0];
	const nestedStart = (targetPair?.value as Node | undefined)?.range?.[0];
	if (keyStart === undefined || nestedStart === undefined || !isMap(targetPair?.value) || targetPair.value.flow === true) {
		return 2;
	}
	const step = columnOf(nestedStart) - columnOf(keyStart);
	return step > 0 ? step : 2;
}

/** Adds `annotation` to the sidecar, placed by position among the others. Fails when its id is already used. */
export function addAnnotation(text: string, annotation: Annotation): SidecarEditResult {
	const insertionIndex = (sidecar: Sidecar): number => {
		const index = sidecar.annotations.findIndex((other) => compareAnnotationsByPosition(annotation, other) < 0);
		return index === -1 ? sidecar.annotations.length : index;
	};
	return applySidecarChange(text, {
		model(sidecar) {
			if (indexOfId(sidecar, annotation.id) !== -1) {
				return `the id \`${annotation.id}\` is already used in this sidecar`;
			}
			const annotations = [...sidecar.annotations];
			annotations.splice(insertionIndex(sidecar), 0, annotation);
			return { ...sidecar, annotations };
		},
		textEdits(source, document, sidecar) {
			const listPair = isMap(document.contents) ? pairOf(document.contents, 'annotations') : undefined;
			const list = listPair?.value;
			if (isSeq(list) && list.items.length > 0) {
				const layout = blockSequenceLayout(source, list);
				const item = layout === undefined ? undefined : renderAnnotationItem(annotation, layout.dashColumn, nestedIndentStep(source, document));
				return layout === undefined || item === undefined ? undefined : [insertSequenceItemEdit(source, list, insertionIndex(sidecar), item, layout.blankLineBetween)].filter((edit) => edit !== undefined);
			}
			const keyNode = listPair?.key as Node | undefined;
			const keyStart = keyNode?.range?.[0];
			const valueEnd = (list as Node | undefined)?.range?.[1];
			if (keyStart === undefined || valueEnd === undefined) {
				return undefined;
			}
			const colon = source.indexOf(':', keyNode?.range?.[1] ?? keyStart);
			const column = keyStart - (source.lastIndexOf('\n', keyStart - 1) + 1);
			const item = renderAnnotationItem(annotation, column + 2).replace(/\n$/, '');
			return [{ start: colon + 1, end: source[valueEnd - 1] === '\n' ? valueEnd - 1 : valueEnd, newText: `\n${item}` }];
		},
		mutateDocument(document, sidecar) {
			const node = document.createNode(annotationToPlainObject(annotation));
			const tags = node.get('tags', true);
			if (isSeq(tags)) {
				tags.flow = true;
			}
			const list = document.get('annotations', true);
			if (isSeq(list)) {
				list.flow = false;
				list.items.splice(insertionIndex(sidecar), 0, node);
			} else {
				document.set('annotations', document.createNode([node]));
			}
		},
	});
}

function fieldText(key: string, value: unknown): string {
	return key === 'tags' ? inlineFlowSequenceText(value as string[]) : inlineScalarText(value as string);
}

function pairEdits(text: string, map: YAMLMap, changes: Readonly<Record<string, unknown>>, order: readonly string[]): TextEdit[] | undefined {
	const edits: (TextEdit | undefined)[] = [];
	for (const [key, value] of Object.entries(changes)) {
		const existing = pairOf(map, key);
		if (value === undefined) {
			if (existing !== undefined) {
				edits.push(deletePairEdit(text, map, key));
			}
		} else if (existing !== undefined) {
			edits.push(replaceValueEdit(text, existing, fieldText(key, value)));
		} else {
			const later = order.slice(order.indexOf(key) + 1).find((name) => pairOf(map, name) !== undefined);
			edits.push(insertPairEdit(text, map, key, fieldText(key, value), later));
		}
	}
	return edits.every((edit) => edit !== undefined) ? edits : undefined;
}

function changedTargetFields(before: AnnotationTarget, after: AnnotationTarget): Record<string, unknown> {
	return Object.fromEntries((['exact', 'prefix', 'suffix', 'start', 'end'] as const).filter((key) => before[key] !== after[key]).map((key) => [key, after[key]]));
}

function setOrDelete(map: YAMLMap, document: Document.Parsed, key: string, value: unknown): void {
	if (value === undefined) {
		map.delete(key);
		return;
	}
	const node = document.createNode(value);
	if (isSeq(node)) {
		node.flow = true;
	}
	map.set(key, node);
}

/** Changes fields of the annotation `id` (see `AnnotationChanges`); fails when no annotation has that id. */
export function updateAnnotation(text: string, id: string, changes: AnnotationChanges): SidecarEditResult {
	return updateAnnotations(text, new Map([[id, changes]]));
}

/**
 * Changes fields of several annotations at once (see `AnnotationChanges`), by id, with one parse of the sidecar
 * whatever their number; fails, changing nothing, when one of the ids is not in the sidecar (so that a concurrent
 * deletion is not undone).
 */
export function updateAnnotations(text: string, changesById: ReadonlyMap<string, AnnotationChanges>): SidecarEditResult {
	const positions = (sidecar: Sidecar): Map<string, number> => new Map(sidecar.annotations.map((annotation, index) => [annotation.id, index]));
	return applySidecarChange(text, {
		model(sidecar) {
			const index = positions(sidecar);
			const missing = [...changesById.keys()].find((id) => !index.has(id));
			if (missing !== undefined) {
				return `no annotation with the id \`${missing}\` in this sidecar`;
			}
			return {
				...sidecar,
				annotations: sidecar.annotations.map((current) => {
					const changes = changesById.get(current.id);
					if (changes === undefined) {
						return current;
					}
					const { target, ...fields } = changes;
					const merged: Record<string, unknown> = { ...current, ...fields, ...(target === undefined ? {} : { target }) };
					return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as unknown as Annotation;
				}),
			};
		},
		textEdits(source, document, sidecar) {
			const index = positions(sidecar);
			const edits: TextEdit[] = [];
			for (const [id, changes] of changesById) {
				const position = index.get(id) ?? -1;
				const map = annotationMapAt(document, position);
				const current = sidecar.annotations[position];
				if (map === undefined || current === undefined) {
					return undefined;
				}
				const { target, ...fields } = changes;
				const ownEdits = pairEdits(source, map, fields, annotationKeyOrder);
				const targetMap = map.get('target', true);
				const targetEdits = target === undefined ? [] : isMap(targetMap) ? pairEdits(source, targetMap, changedTargetFields(current.target, target), ['exact', 'prefix', 'suffix', 'start', 'end']) : undefined;
				if (ownEdits === undefined || targetEdits === undefined) {
					return undefined;
				}
				edits.push(...ownEdits, ...targetEdits);
			}
			return edits;
		},
		mutateDocument(document, sidecar) {
			const index = positions(sidecar);
			for (const [id, changes] of changesById) {
				const map = annotationMapAt(document, index.get(id) ?? -1);
				if (map === undefined) {
					continue;
				}
				const { target, ...fields } = changes;
				for (const [key, value] of Object.entries(fields)) {
					setOrDelete(map, document, key, value);
				}
				const targetMap = map.get('target', true);
				if (target !== undefined && isMap(targetMap)) {
					for (const [key, value] of Object.entries(target)) {
						targetMap.set(key, value);
					}
				}
			}
		},
	});
}

/** Removes the annotation `id` with its block and its own comments; fails when no annotation has that id. */
export function removeAnnotation(text: string, id: string): SidecarEditResult {
	return applySidecarChange(text, {
		model(sidecar) {
			const index = indexOfId(sidecar, id);
			return index === -1 ? `no annotation with the id \`${id}\` in this sidecar` : { ...sidecar, annotations: sidecar.annotations.filter((annotation) => annotation.id !== id) };
		},
		textEdits(source, document, sidecar) {
			const listPair = isMap(document.contents) ? pairOf(document.contents, 'annotations') : undefined;
			const list = listPair?.value;
			if (listPair === undefined || !isSeq(list)) {
				return undefined;
			}
			if (list.items.length === 1) {
				return emptySequenceEdits(source, listPair);
			}
			const edit = deleteSequenceItemEdit(source, list, indexOfId(sidecar, id));
			return edit === undefined ? undefined : [edit];
		},
		mutateDocument(document, sidecar) {
			const list = document.get('annotations', true);
			if (isSeq(list)) {
				list.items.splice(indexOfId(sidecar, id), 1);
				list.flow = list.items.length === 0;
			}
		},
	});
}

/** Renames the tag `from` to `to` in every annotation (an annotation that has both keeps one `to`). */
export function renameTag(text: string, from: string, to: string): SidecarEditResult {
	const renamed = (tags: readonly string[]): string[] => [...new Set(tags.map((tag) => (tag === from ? to : tag)))];
	return applySidecarChange(text, {
		model: (sidecar) => ({ ...sidecar, annotations: sidecar.annotations.map((annotation) => (annotation.tags.includes(from) ? { ...annotation, tags: renamed(annotation.tags) } : annotation)) }),
		textEdits(source, document, sidecar) {
			const edits: (TextEdit | undefined)[] = [];
			sidecar.annotations.forEach((annotation, index) => {
				const pair = annotation.tags.includes(from) ? annotationMapAt(document, index)?.items.find((item) => isScalar(item.key) && item.key.value === 'tags') : undefined;
				if (pair !== undefined) {
					edits.push(replaceValueEdit(source, pair, inlineFlowSequenceText(renamed(annotation.tags))));
				}
			});
			return edits.every((edit) => edit !== undefined) ? edits : undefined;
		},
		mutateDocument(document, sidecar) {
			sidecar.annotations.forEach((annotation, index) => {
				const map = annotationMapAt(document, index);
				if (map !== undefined && annotation.tags.includes(from)) {
					setOrDelete(map, document, 'tags', renamed(annotation.tags));
				}
			});
		},
	});
}

function setDocumentField(text: string, key: 'file' | 'symbol', value: string | undefined): SidecarEditResult {
	return applySidecarChange(text, {
		model: (sidecar) => {
			const { [key]: _previous, ...rest } = sidecar.document;
			return { ...sidecar, document: { ...rest, ...(value === undefined ? {} : { [key]: value }) } as Sidecar['document'] };
		},
		textEdits(source, document) {
			const map = document.get('document', true);
			return isMap(map) ? pairEdits(source, map, { [key]: value }, ['file', 'symbol']) : undefined;
		},
		mutateDocument(document) {
			const map = document.get('document', true);
			if (isMap(map)) {
				setOrDelete(map, document, key, value);
			}
		},
	});
}

/** Records (or, with `undefined`, removes) the letter's UN document symbol as `document.symbol`. */
export function setLetterSymbol(text: string, symbol: string | undefined): SidecarEditResult {
	return setDocumentField(text, 'symbol', symbol);
}

/** Records the letter's file name as `document.file` (after the letter was renamed or moved). */
export function setDocumentFile(text: string, fileName: string): SidecarEditResult {
	return setDocumentField(text, 'file', fileName);
}

/** A new position for an annotation, found by following the editor's edits or by re-anchoring. */
export interface PositionUpdate {
	readonly id: string;
	/** The target the annotation had when it was read: the update applies only while the sidecar still says so. */
	readonly from: AnnotationTarget;
	/** Where it is now; `undefined`: it can no longer be found (marked `orphaned`, its last target kept). */
	readonly to: AnnotationTarget | undefined;
}

/**
 * Stores new positions (on save in the editor, or `annotations reanchor --write`), merging with whatever changed in
 * the sidecar since it was read: an annotation whose target changed meanwhile (attached elsewhere, moved by another
 * tool) keeps the newer target; one deleted meanwhile stays deleted; tags, notes and annotations added meanwhile are
 * left alone. `applied` lists the ids whose positions were written. One parse of the sidecar whatever the number.
 */
export function storePositions(text: string, updates: readonly PositionUpdate[]): (SidecarEditResult & { readonly ok: false }) | { readonly ok: true; readonly text: string; readonly sidecar: Sidecar; readonly applied: readonly string[] } {
	const parsed = parseSidecar(text);
	if (!parsed.ok) {
		return parsed;
	}
	const stored = new Map(parsed.sidecar.annotations.map((annotation) => [annotation.id, annotation]));
	const changesById = new Map<string, AnnotationChanges>();
	for (const update of updates) {
		const current = stored.get(update.id);
		if (current === undefined || canonicalJson(current.target) !== canonicalJson(update.from)) {
			continue;
		}
		if (update.to === undefined) {
			if (current.status !== 'orphaned') {
				changesById.set(update.id, { status: 'orphaned' });
			}
		} else if (canonicalJson(update.to) !== canonicalJson(current.target) || current.status === 'orphaned') {
			changesById.set(update.id, { target: update.to, status: undefined });
		}
	}
	if (changesById.size === 0) {
		return { ok: true, text, sidecar: parsed.sidecar, applied: [] };
	}
	const result = updateAnnotations(text, changesById);
	return result.ok ? { ...result, applied: [...changesById.keys()] } : result;
}
