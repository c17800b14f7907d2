/**
 * The annotations of letters as the server holds them: read from sidecars, re-anchored to the letter's current text,
 * following unsaved edits of open letters, stored on save, and changed through the custom requests. Every write goes
 * through the annotation engine's format-preserving edits and `updateSidecarFile` (atomic, never over a broken sidecar).
 */
import { basename } from 'node:path';
import type { Annotation, SidecarEditResult, SidecarProblem, TextRange } from '../engine/annotations';
import { addAnnotation, createAnnotation, createOffsetConverter, reanchorAnnotations, removeAnnotation, renameTag, targetForRange, updateAnnotation } from '../engine/annotations';
import type { AnnotationChanges, TextReplacement } from '../engine/annotations';
import { applyTextEditsToAnnotations } from '../engine/annotations';
import type { SidecarWriteResult } from '../node/sidecarFiles';
import { readSidecarFile, updateSidecarFile } from '../node/sidecarFiles';
import { pathOfUri } from './letterStore';

/** An annotation and where it stands in the letter's current text (UTF-16); `range` undefined when orphaned. */
export interface LiveAnnotation {
	readonly annotation: Annotation;
	readonly range: TextRange | undefined;
	/** The last place it was known at (for an orphan: its stored position, clamped to the text). */
	readonly lastKnown: TextRange;
}

/** The annotations of one letter. */
export interface LetterAnnotations {
	readonly state: 'none' | 'valid' | 'invalid';
	readonly problems: readonly SidecarProblem[];
	readonly items: readonly LiveAnnotation[];
}

/** The outcome of a change made through a request. */
export type AnnotationChangeOutcome = { readonly ok: true; readonly annotation?: LiveAnnotation } | { readonly ok: false; readonly message: string };

const EMPTY: LetterAnnotations = { state: 'none', problems: [], items: [] };

function clampedStoredRange(text: string, annotation: Annotation): TextRange {
	const converter = createOffsetConverter(text);
	const start = converter.toUtf16(Math.min(annotation.target.start, converter.codePointLength)) ?? text.length;
	const end = converter.toUtf16(Math.min(annotation.target.end, converter.codePointLength)) ?? text.length;
	return { start: Math.min(start, end), end: Math.max(start, end) };
}

/** Places the annotations of a sidecar in a text: live ranges given by `known` (by id) win; others are re-anchored. */
function place(text: string, annotations: readonly Annotation[], known: ReadonlyMap<string, TextRange | undefined>): LiveAnnotation[] {
	const toAnchor = annotations.filter((annotation) => !known.has(annotation.id));
	const results = new Map(reanchorAnnotations(text, toAnchor).map((result, i) => [toAnchor[i].id, result.range]));
	return annotations.map((annotation) => {
		const range = known.has(annotation.id) ? known.get(annotation.id) : results.get(annotation.id);
		return { annotation, range, lastKnown: range ?? clampedStoredRange(text, annotation) };
	});
}

function failure(result: SidecarWriteResult & { ok: false }, name: string): AnnotationChangeOutcome {
	return { ok: false, message: result.reason === 'invalid' ? `The sidecar of ${name} is invalid, so it was not changed: ${result.problems[0]?.message ?? 'unknown problem'}. Fix it first.` : result.message };
}

/** Chains sidecar edits; stops at the first that fails. */
function chain(text: string, edits: readonly ((current: string) => SidecarEditResult)[]): SidecarEditResult {
	let result: SidecarEditResult | undefined;
	let current = text;
	for (const edit of edits) {
		result = edit(current);
		if (!result.ok) {
			return result;
		}
		current = result.text;
	}
	return result ?? { ok: false, problems: [{ message: 'nothing to change', range: { start: 0, end: 0 }, line: 1, column: 1 }] };
}

/** Annotations of the workspace's letters, loaded on demand. */
export class AnnotationStore {
	private readonly loaded = new Map<string, LetterAnnotations>();
	private readonly loading = new Map<string, Promise<LetterAnnotations>>();

	/**
	 * @param textOf the letter's current text (open document, else indexed disk content)
	 * @param changed told which letters' annotations changed
	 */
	constructor(private readonly textOf: (uri: string) => string | undefined, private readonly changed: (uris: readonly string[]) => void) {}

	/** The annotations of a letter when already loaded. */
	peek(uri: string): LetterAnnotations | undefined {
		return this.loaded.get(uri);
	}

	/** Letters whose annotations are loaded. */
	loadedUris(): string[] {
		return [...this.loaded.keys()];
	}

	/** The annotations of a letter, read from its sidecar on first use. */
	get(uri: string): Promise<LetterAnnotations> {
		const loaded = this.loaded.get(uri);
		if (loaded) {
			return Promise.resolve(loaded);
		}
		let pending = this.loading.get(uri);
		if (!pending) {
			pending = this.read(uri).finally(() => this.loading.delete(uri));
			this.loading.set(uri, pending);
		}
		return pending;
	}

	/** Reads the sidecar again (it changed on disk) or re-anchors after the letter changed outside the editor. */
	async reload(uri: string): Promise<void> {
		if (!this.loaded.has(uri) && !this.loading.has(uri)) {
			return;
		}
		this.loaded.delete(uri);
		await this.get(uri);
		this.changed([uri]);
	}

	/** Follows edits of an open letter (replacements in order, each in the text before it). */
	applyEdits(uri: string, replacements: readonly TextReplacement[]): void {
		const current = this.loaded.get(uri);
		if (!current || current.items.length === 0 || replacements.length === 0) {
			return;
		}
		const items = applyTextEditsToAnnotations(current.items, replacements).map((item) => (item.range ? { ...item, lastKnown: item.range } : item));
		this.loaded.set(uri, { ...current, items });
		this.changed([uri]);
	}

	/** The letter was saved: stores the positions of annotations that moved and marks new orphans. */
	async storePositions(uri: string): Promise<void> {
		const current = this.loaded.get(uri);
		const text = this.textOf(uri);
		if (!current || current.state !== 'valid' || text === undefined) {
			return;
		}
		const edits: ((sidecarText: string) => SidecarEditResult)[] = [];
		for (const item of current.items) {
			const changes = this.positionChanges(text, item);
			if (changes) {
				edits.push((sidecarText) => updateAnnotation(sidecarText, item.annotation.id, changes));
			}
		}
		if (edits.length > 0) {
			await this.write(uri, (sidecarText) => chain(sidecarText, edits));
		}
	}

	/** Annotates a range (UTF-16) of the letter's current text. */
	async create(uri: string, range: TextRange, fields: { tags: readonly string[]; note?: string; author?: string }): Promise<AnnotationChangeOutcome> {
		const text = this.textOf(uri);
		const current = await this.get(uri);
		if (text === undefined || range.start >= range.end || text.slice(range.start, range.end).trim() === '') {
			return { ok: false, message: 'Select some text of the letter to annotate.' };
		}
		const annotation = createAnnotation(text, range.start, range.end, { ...fields, existingIds: new Set(current.items.map((item) => item.annotation.id)) });
		if (!annotation) {
			return { ok: false, message: 'Select some text of the letter to annotate.' };
		}
		return this.write(uri, (sidecarText) => addAnnotation(sidecarText, annotation), annotation.id, range);
	}

	/** Changes tags or note (`note: ''` removes it). */
	update(uri: string, id: string, fields: { tags?: readonly string[]; note?: string }): Promise<AnnotationChangeOutcome> {
		const changes: AnnotationChanges = {
			...(fields.tags === undefined ? {} : { tags: [...new Set(fields.tags)] }),
			...(fields.note === undefined ? {} : { note: fields.note === '' ? undefined : fields.note }),
		};
		return this.write(uri, (sidecarText) => updateAnnotation(sidecarText, id, changes), id);
	}

	/** Removes an annotation. */
	remove(uri: string, id: string): Promise<AnnotationChangeOutcome> {
		return this.write(uri, (sidecarText) => removeAnnotation(sidecarText, id));
	}

	/** Attaches an annotation (usually an orphan) to a new range of the current text. */
	async attach(uri: string, id: string, range: TextRange): Promise<AnnotationChangeOutcome> {
		const text = this.textOf(uri);
		if (text === undefined || range.start >= range.end) {
			return { ok: false, message: 'Select the text to attach the annotation to.' };
		}
		const target = targetForRange(text, range);
		return this.write(uri, (sidecarText) => updateAnnotation(sidecarText, id, { target, status: undefined }), id, range);
	}

	/** Renames a tag in one letter's sidecar. */
	renameTag(uri: string, from: string, to: string): Promise<AnnotationChangeOutcome> {
		return this.write(uri, (sidecarText) => renameTag(sidecarText, from, to));
	}

	private positionChanges(text: string, item: LiveAnnotation): AnnotationChanges | undefined {
		const stored = item.annotation;
		if (!item.range) {
			return stored.status === 'orphaned' ? undefined : { status: 'orphaned' };
		}
		const target = targetForRange(text, item.range);
		const same = target.start === stored.target.start && target.end === stored.target.end && target.exact === stored.target.exact
			&& target.prefix === stored.target.prefix && target.suffix === stored.target.suffix;
		return same && stored.status !== 'orphaned' ? undefined : { target, status: undefined };
	}

	private async read(uri: string): Promise<LetterAnnotations> {
		const path = pathOfUri(uri);
		const text = this.textOf(uri);
		if (path === undefined || text === undefined) {
			return EMPTY;
		}
		let annotations: LetterAnnotations;
		try {
			const state = await readSidecarFile(path);
			annotations = state.kind === 'missing' ? EMPTY
				: state.kind === 'invalid' ? { state: 'invalid', problems: state.problems, items: [] }
					: { state: 'valid', problems: [], items: place(text, state.sidecar.annotations, new Map()) };
		} catch (error) {
			const message = `The sidecar cannot be read: ${error instanceof Error ? error.message : String(error)}`;
			annotations = { state: 'invalid', problems: [{ message, range: { start: 0, end: 0 }, line: 1, column: 1 }], items: [] };
		}
		this.loaded.set(uri, annotations);
		return annotations;
	}

	/** Writes a change to the sidecar and updates the held state; `focus` is the annotation to return, at `range` when given. */
	private async write(uri: string, change: (sidecarText: string) => SidecarEditResult, focus?: string, range?: TextRange): Promise<AnnotationChangeOutcome> {
		const path = pathOfUri(uri);
		const text = this.textOf(uri);
		if (path === undefined || text === undefined) {
			return { ok: false, message: 'Only letters saved as files can have annotations.' };
		}
		const before = await this.get(uri);
		let result: SidecarWriteResult;
		try {
			result = await updateSidecarFile(path, change, { createForLetter: basename(path) });
		} catch (error) {
			return { ok: false, message: `Could not write the sidecar of ${basename(path)}: ${error instanceof Error ? error.message : String(error)}` };
		}
		if (!result.ok) {
			return failure(result, basename(path));
		}
		const known = new Map<string, TextRange | undefined>(before.items.map((item) => [item.annotation.id, item.range]));
		if (focus !== undefined && range !== undefined) {
			known.set(focus, range);
		}
		const items = place(text, result.sidecar.annotations, new Map([...known].filter(([id]) => result.sidecar.annotations.some((annotation) => annotation.id === id))));
		this.loaded.set(uri, { state: 'valid', problems: [], items });
		this.changed([uri]);
		return { ok: true, annotation: items.find((item) => item.annotation.id === focus) };
	}
}
