/**
 * The annotations of letters as the server holds them: read from sidecars (through the sidecar owner), placed in the
 * letter's current text, following unsaved edits of open letters, stored on save, and changed through the custom
 * requests. Every change is a format-preserving edit of the annotation engine handed to the owner, which writes it.
 * Each letter's state has a revision that grows with every change, so that the client can tell a newer answer.
 */
import { basename } from 'node:path';
import type { Annotation, PlacedAnnotation, SidecarEditResult, SidecarProblem, TextRange } from '../engine/annotations';
import {
	addAnnotation, applyTextEditsToAnnotations, createAnnotation, createOffsetConverter, placeAnnotations, removeAnnotation, renameTag,
	storePositions, targetForRange, updateAnnotation,
} from '../engine/annotations';
import type { AnnotationChanges, PositionUpdate, TextReplacement } from '../engine/annotations';
import type { SidecarFileState, SidecarWriteResult } from '../node/sidecarFiles';
import { pathOfUri } from './letterStore';
import type { SidecarOwner } from './sidecarOwner';

/** An annotation and where it stands in the letter's current text (UTF-16); `range` undefined when orphaned. */
export type LiveAnnotation = PlacedAnnotation;

/** The annotations of one letter. */
export interface LetterAnnotations {
	/** `unreadable`: the sidecar exists but is not read (not UTF-8, too large, not a file…): `problems` says why. */
	readonly state: 'none' | 'valid' | 'invalid' | 'unreadable';
	readonly problems: readonly SidecarProblem[];
	readonly items: readonly LiveAnnotation[];
	/** Why an `unreadable` sidecar is not read, completing "The sidecar x.annotations.yaml …". */
	readonly unreadableReason?: string;
	/** Grows with every change of this letter's annotations (edits followed, sidecar read or written). */
	readonly revision: number;
}

/** The outcome of a change made through a request. */
export type AnnotationChangeOutcome = { readonly ok: true; readonly annotation?: LiveAnnotation } | { readonly ok: false; readonly message: string };

/** Where a sidecar problem that is not about a place in the file is reported (its start). */
const AT_START = { range: { start: 0, end: 0 }, line: 1, column: 1 } as const;

let revisions = 0;

function held(state: LetterAnnotations['state'], problems: readonly SidecarProblem[], items: readonly LiveAnnotation[]): LetterAnnotations {
	return { state, problems, items, revision: ++revisions };
}

/** The held state of a sidecar read from disk, placed in `text`. */
function fromDisk(state: SidecarFileState, text: string): LetterAnnotations {
	switch (state.kind) {
		case 'missing':
			return held('none', [], []);
		case 'unreadable':
			return { ...held('unreadable', [{ message: `The sidecar ${basename(state.path)} ${state.reason}`, ...AT_START }], []), unreadableReason: state.reason };
		case 'invalid':
			return held('invalid', state.problems, []);
		case 'valid':
			return held('valid', [], placeAnnotations(text, state.sidecar.annotations));
	}
}

/** True when two versions of an annotation point at the same stored place (target and orphan mark). */
function sameTarget(a: Annotation, b: Annotation): boolean {
	const [x, y] = [a.target, b.target];
	return x.start === y.start && x.end === y.end && x.exact === y.exact && x.prefix === y.prefix && x.suffix === y.suffix && a.status === b.status;
}

/** Annotations of the workspace's letters, loaded on demand. */
export class AnnotationStore {
	private readonly loaded = new Map<string, LetterAnnotations>();
	private readonly loading = new Map<string, Promise<LetterAnnotations>>();

	/**
	 * @param owner the owner of the sidecar files
	 * @param textOf the letter's current text (open document, else indexed disk content)
	 * @param changed told which letters' annotations changed
	 */
	constructor(private readonly owner: SidecarOwner, private readonly textOf: (uri: string) => string | undefined, private readonly changed: (uris: readonly string[]) => void) {}

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

	/**
	 * Reads the sidecar again and places the annotations again. After the sidecar changed (`sidecar-changed`), an
	 * annotation whose stored target did not change keeps the range it was followed to through the editor's edits;
	 * after the letter changed outside the editor (`letter-changed`) every one is found again in the new text.
	 */
	async reload(uri: string, cause: 'sidecar-changed' | 'letter-changed'): Promise<void> {
		if (!this.loaded.has(uri) && !this.loading.has(uri)) {
			return;
		}
		await this.loading.get(uri);
		const before = this.loaded.get(uri);
		this.loaded.delete(uri);
		const path = pathOfUri(uri);
		const text = this.textOf(uri);
		if (path === undefined || text === undefined) {
			this.changed([uri]);
			return;
		}
		const state = await this.owner.read(path);
		if (state.kind === 'valid' && before !== undefined && cause === 'sidecar-changed') {
			const followed = new Map(before.items.map((item) => [item.annotation.id, item]));
			const known = new Map<string, TextRange | undefined>();
			for (const annotation of state.sidecar.annotations) {
				const held = followed.get(annotation.id);
				if (held !== undefined && sameTarget(held.annotation, annotation)) {
					known.set(annotation.id, held.range);
				}
			}
			this.loaded.set(uri, held('valid', [], placeAnnotations(text, state.sidecar.annotations, known)));
		} else {
			this.loaded.set(uri, fromDisk(state, text));
		}
		this.changed([uri]);
	}

	/** Forgets a letter's annotations (the letter is gone). */
	forget(uri: string): void {
		if (this.loaded.delete(uri)) {
			this.changed([uri]);
		}
	}

	/** A letter was renamed (its sidecar moved with it): its annotations, with their live ranges, go to the new URI. */
	renamed(fromUri: string, toUri: string): void {
		const current = this.loaded.get(fromUri);
		this.loaded.delete(fromUri);
		if (current !== undefined) {
			this.loaded.set(toUri, { ...current, revision: ++revisions });
		}
		this.changed([fromUri, toUri]);
	}

	/** A folder was renamed: the annotations of the letters in it go to their new URIs. */
	folderRenamed(fromFolderUri: string, toFolderUri: string): void {
		const prefix = `${fromFolderUri}/`;
		for (const uri of [...this.loaded.keys()]) {
			if (uri.startsWith(prefix)) {
				this.renamed(uri, `${toFolderUri}/${uri.slice(prefix.length)}`);
			}
		}
	}

	/** Follows edits of an open letter (replacements in order, each in the text before it). */
	applyEdits(uri: string, replacements: readonly TextReplacement[]): void {
		const current = this.loaded.get(uri);
		if (!current || current.items.length === 0 || replacements.length === 0) {
			return;
		}
		const items = applyTextEditsToAnnotations(current.items, replacements).map((item) => (item.range ? { ...item, lastKnown: item.range } : item));
		this.loaded.set(uri, { ...current, items, revision: ++revisions });
		this.changed([uri]);
	}

	/** The letter was saved: stores the positions of annotations that moved and marks new orphans. */
	async storePositions(uri: string): Promise<void> {
		const current = this.loaded.get(uri);
		const text = this.textOf(uri);
		if (!current || current.state !== 'valid' || text === undefined || !this.owner.acceptsWrites) {
			return;
		}
		const converter = createOffsetConverter(text);
		const updates: PositionUpdate[] = [];
		for (const item of current.items) {
			const stored = item.annotation;
			const to = item.range === undefined ? undefined : targetForRange(text, item.range, undefined, converter);
			const same = to !== undefined && to.start === stored.target.start && to.end === stored.target.end && to.exact === stored.target.exact && to.prefix === stored.target.prefix && to.suffix === stored.target.suffix;
			if ((to === undefined && stored.status !== 'orphaned') || (to !== undefined && (!same || stored.status === 'orphaned'))) {
				updates.push({ id: stored.id, from: stored.target, to });
			}
		}
		if (updates.length > 0) {
			await this.write(uri, (sidecarText) => storePositions(sidecarText, updates), { create: false });
		}
	}

	/** Annotates a range (UTF-16) of the letter's current text. */
	async create(uri: string, range: TextRange, fields: { tags: readonly string[]; note?: string; author?: string }): Promise<AnnotationChangeOutcome> {
		const text = this.textOf(uri);
		const current = await this.get(uri);
		if (text === undefined || range.start >= range.end || range.end > text.length || text.slice(range.start, range.end).trim() === '') {
			return { ok: false, message: 'Select some text of the letter to annotate.' };
		}
		const annotation = createAnnotation(text, range.start, range.end, { ...fields, existingIds: new Set(current.items.map((item) => item.annotation.id)) });
		if (!annotation) {
			return { ok: false, message: 'Select some text of the letter to annotate.' };
		}
		return this.write(uri, (sidecarText) => addAnnotation(sidecarText, annotation), { create: true, focus: annotation.id, range });
	}

	/** Changes tags or note (`note: ''` removes it). */
	update(uri: string, id: string, fields: { tags?: readonly string[]; note?: string }): Promise<AnnotationChangeOutcome> {
		const changes: AnnotationChanges = {
			...(fields.tags === undefined ? {} : { tags: [...new Set(fields.tags)] }),
			...(fields.note === undefined ? {} : { note: fields.note === '' ? undefined : fields.note }),
		};
		return this.write(uri, (sidecarText) => updateAnnotation(sidecarText, id, changes), { create: false, focus: id });
	}

	/** Removes an annotation. */
	remove(uri: string, id: string): Promise<AnnotationChangeOutcome> {
		return this.write(uri, (sidecarText) => removeAnnotation(sidecarText, id), { create: false });
	}

	/** Attaches an annotation (usually an orphan) to a new range of the current text. */
	async attach(uri: string, id: string, range: TextRange): Promise<AnnotationChangeOutcome> {
		const text = this.textOf(uri);
		if (text === undefined || range.start >= range.end || range.end > text.length) {
			return { ok: false, message: 'Select the text to attach the annotation to.' };
		}
		const target = targetForRange(text, range);
		return this.write(uri, (sidecarText) => updateAnnotation(sidecarText, id, { target, status: undefined }), { create: false, focus: id, range });
	}

	/** Renames a tag in one letter's sidecar. */
	renameTag(uri: string, from: string, to: string): Promise<AnnotationChangeOutcome> {
		return this.write(uri, (sidecarText) => renameTag(sidecarText, from, to), { create: false });
	}

	private async read(uri: string): Promise<LetterAnnotations> {
		const path = pathOfUri(uri);
		const text = this.textOf(uri);
		if (path === undefined || text === undefined) {
			return held('none', [], []);
		}
		const annotations = fromDisk(await this.owner.read(path), text);
		this.loaded.set(uri, annotations);
		return annotations;
	}

	/**
	 * Writes a change through the owner and updates the held state: annotations keep the live ranges they have when
	 * the write completes (edits made while it was queued included); `focus` is the annotation to return, at `range`.
	 */
	private async write(uri: string, change: (sidecarText: string) => SidecarEditResult, options: { create: boolean; focus?: string; range?: TextRange }): Promise<AnnotationChangeOutcome> {
		const path = pathOfUri(uri);
		if (path === undefined || this.textOf(uri) === undefined) {
			return { ok: false, message: 'Only letters saved as files can have annotations.' };
		}
		await this.get(uri);
		const result: SidecarWriteResult = await this.owner.update(path, change, { create: options.create });
		if (!result.ok) {
			if (result.reason === 'invalid' || result.reason === 'unreadable') {
				await this.reload(uri, 'sidecar-changed');
			}
			return { ok: false, message: result.message };
		}
		const text = this.textOf(uri) ?? '';
		const ids = new Set(result.sidecar.annotations.map((annotation) => annotation.id));
		const known = new Map<string, TextRange | undefined>();
		for (const item of this.loaded.get(uri)?.items ?? []) {
			if (ids.has(item.annotation.id)) {
				known.set(item.annotation.id, item.range);
			}
		}
		if (options.focus !== undefined && options.range !== undefined) {
			known.set(options.focus, options.range);
		}
		const items = result.merged ? placeAnnotations(text, result.sidecar.annotations, new Map([...known].filter(([id]) => id === options.focus))) : placeAnnotations(text, result.sidecar.annotations, known);
		this.loaded.set(uri, held('valid', [], items));
		this.changed([uri]);
		return { ok: true, annotation: items.find((item) => item.annotation.id === options.focus) };
	}
}
