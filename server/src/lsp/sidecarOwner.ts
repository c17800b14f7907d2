/**
 * The one owner of sidecar state in the server. Every read and write of a `*.annotations.yaml` goes through it:
 *
 * - one queue per sidecar file: reads, writes and moves of one file run one after the other (two creates sent at
 *   once both land), different files in parallel;
 * - every write follows `node/sidecarFiles.ts` (checked against the bytes on disk and renamed as one step under the
 *   lock; merged with a newer file, or refused with a message naming the file);
 * - it remembers the hash of what each sidecar holds (what it last read or wrote), so a file event for its own write,
 *   or a second event for the same content, is recognised and not re-anchored;
 * - it answers the letter store's question "which symbol does the sidecar give this letter" (`document.symbol`);
 * - it knows every sidecar of the workspace folders, so that sidecars whose letter is gone can be reported;
 * - it refuses, with a message, writes outside the workspace folders, for letters that are not saved files, in
 *   Restricted Mode, and after shutdown.
 */
import { lstat, realpath } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { setLetterSymbol } from '../engine/annotations';
import type { SidecarEditResult, SidecarProblem } from '../engine/annotations';
import type { LetterFileOptions } from '../node/letterFiles';
import { findLetterFiles } from '../node/letterFiles';
import type { SidecarFileState, SidecarMoveResult, SidecarWriteResult } from '../node/sidecarFiles';
import { letterPathForSidecar, moveSidecarFile, readSidecarFile, readSidecarFileSync, sidecarPathFor, sidecarSymbolOf, updateSidecarFile, writeTargetOf } from '../node/sidecarFiles';

/** What the owner keeps of each sidecar it has read: small, whatever the sidecar's size. */
export interface SidecarSummary {
	readonly kind: SidecarFileState['kind'];
	/** Hash of the text (valid or invalid sidecars): what the owner last read or wrote. */
	readonly hash?: string;
	/** `document.symbol` of a valid sidecar. */
	readonly symbol?: string;
	/** How many annotations a valid sidecar holds (the Letters view's count). */
	readonly annotations?: number;
	/** Why an invalid sidecar is invalid. */
	readonly problems?: readonly SidecarProblem[];
	/** Why an unreadable sidecar is not read (completes "The sidecar x.annotations.yaml …"). */
	readonly reason?: string;
}

/** How the owner is set up by the server. */
export interface SidecarOwnerOptions {
	/** The workspace folder paths: nothing is written outside them. */
	readonly folders: () => readonly string[];
	/** False in Restricted Mode (an untrusted workspace): nothing is written. */
	readonly writable: boolean;
}

/** A refusal or a success of a change asked of the owner. */
export type OwnerOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The message for a write asked in Restricted Mode. */
export const RESTRICTED_MODE_MESSAGE = 'This workspace is in Restricted Mode: annotations are shown but nothing is written. Trust the workspace to change them.';
/** The message for a write asked after `shutdown`. */
export const SHUTDOWN_MESSAGE = 'The Diplomatic Letters server is shutting down; nothing was written.';

function isInside(folder: string, path: string): boolean {
	const rel = relative(folder, path);
	return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/** The owner of every sidecar of the workspace (see the module comment). */
export class SidecarOwner {
	private readonly queues = new Map<string, Promise<void>>();
	private readonly summaries = new Map<string, SidecarSummary>();
	private readonly known = new Set<string>();
	private closed = false;

	constructor(private readonly options: SidecarOwnerOptions) {}

	/** False in Restricted Mode or after shutdown. */
	get acceptsWrites(): boolean {
		return this.options.writable && !this.closed;
	}

	/** Lists the sidecars under the workspace folders (when they are indexed); returns their paths. */
	discover(folders: readonly { readonly path: string; readonly options: LetterFileOptions }[]): string[] {
		this.known.clear();
		for (const folder of folders) {
			try {
				for (const file of findLetterFiles([folder.path], { ...folder.options, include: ['**/*.annotations.yaml'] })) {
					this.known.add(file.path);
				}
			} catch {
				// A folder that cannot be listed has no sidecars to report; its letters are skipped with a message.
			}
		}
		return [...this.known];
	}

	/** Every sidecar the owner knows of (found by `discover`, by file events, or written). */
	knownSidecars(): string[] {
		return [...this.known];
	}

	/** The sidecar of a letter, read on first use (synchronously: the letter store asks while it reads a letter). */
	summary(letterPath: string): SidecarSummary {
		const path = sidecarPathFor(letterPath);
		const held = this.summaries.get(path);
		if (held !== undefined) {
			return held;
		}
		return this.remember(readSidecarFileSync(letterPath));
	}

	/** `document.symbol` of a letter's sidecar: the letter store's source of a sidecar identity. */
	symbolOf(letterPath: string): string | undefined {
		return this.summary(letterPath).symbol;
	}

	/** Reads a letter's sidecar in full (in its queue, so that it never sees half of a change). */
	read(letterPath: string): Promise<SidecarFileState> {
		const path = sidecarPathFor(letterPath);
		return this.enqueue([path], async () => {
			const state = await readSidecarFile(letterPath);
			this.remember(state);
			return state;
		});
	}

	/**
	 * A file event for a sidecar: reads it again. `changed` is false when it holds what the owner last read or wrote
	 * (its own write, or a repeated event), so that nothing is re-anchored.
	 */
	async fileEvent(sidecarPath: string): Promise<{ readonly changed: boolean; readonly summary: SidecarSummary }> {
		const letterPath = letterPathForSidecar(sidecarPath);
		if (letterPath === undefined) {
			return { changed: false, summary: { kind: 'missing' } };
		}
		const before = this.summaries.get(sidecarPath);
		const state = await this.read(letterPath);
		const after = this.summaries.get(sidecarPath) ?? { kind: state.kind };
		const changed = before === undefined || before.kind !== after.kind || before.hash !== after.hash;
		return { changed, summary: after };
	}

	/**
	 * Applies a change to a letter's sidecar (creating it for the letter when `create`), queued behind every other
	 * operation on that file; see `updateSidecarFile` for the rules. Refused outside the workspace folders, for a
	 * letter that is not a file on disk, in Restricted Mode and after shutdown.
	 */
	async update(letterPath: string, change: (text: string) => SidecarEditResult, options: { readonly create: boolean }): Promise<SidecarWriteResult> {
		const path = sidecarPathFor(letterPath);
		return this.enqueue([path], async () => {
			const refusal = await this.writeRefusal(letterPath);
			if (refusal !== undefined) {
				return { ok: false, reason: 'refused', message: refusal };
			}
			const basedOn = this.summaries.get(path)?.hash;
			const result = await updateSidecarFile(letterPath, change, {
				...(options.create ? { createForLetter: basename(letterPath) } : {}),
				...(basedOn === undefined ? {} : { basedOnHash: basedOn }),
			});
			if (result.ok) {
				this.known.add(path);
				this.summaries.set(path, { kind: 'valid', hash: result.hash, ...(symbolOfSidecar(result.sidecar.document.symbol)) });
			} else if (result.reason === 'invalid' || result.reason === 'unreadable') {
				this.summaries.delete(path);
			}
			return result;
		});
	}

	/** Stores the letter's identity (`document.symbol`) in its sidecar, creating the sidecar when missing: one call. */
	async storeIdentity(letterPath: string, symbol: string): Promise<OwnerOutcome> {
		const result = await this.update(letterPath, (text) => setLetterSymbol(text, symbol), { create: true });
		return result.ok ? { ok: true } : { ok: false, message: result.message };
	}

	/**
	 * Moves the sidecar of a renamed letter to its new name (and records it in `document.file`); `moved: false` when
	 * the letter had none. Queued on both files.
	 */
	async move(fromLetter: string, toLetter: string): Promise<SidecarMoveResult> {
		const from = sidecarPathFor(fromLetter);
		const to = sidecarPathFor(toLetter);
		return this.enqueue([from, to], async () => {
			if (!(await lstat(from).then(() => true, () => false))) {
				return { ok: true, moved: false };
			}
			const stays = `The annotations of ${basename(fromLetter)} stay in ${basename(from)}`;
			const refusal = this.closed ? `${stays}: the server is shutting down.`
				: !this.options.writable ? `${stays}: this workspace is in Restricted Mode, where nothing is written. Trust the workspace, then use the quick fix on the sidecar to move it.`
					: !this.insideWorkspace(from) || !this.insideWorkspace(to) ? `${stays}: only files inside the workspace folders are moved.` : undefined;
			if (refusal !== undefined) {
				return { ok: false, message: refusal };
			}
			const result = await moveSidecarFile(fromLetter, toLetter);
			if (result.ok && result.moved) {
				this.known.delete(from);
				this.known.add(to);
				const held = this.summaries.get(from);
				this.summaries.delete(from);
				this.summaries.set(to, result.hash === undefined ? (held ?? { kind: 'valid' }) : { ...held, kind: 'valid', hash: result.hash });
			}
			return result;
		});
	}

	/** A folder holding sidecars was renamed (they moved with it): what the owner knows moves too. */
	folderRenamed(fromFolder: string, toFolder: string): void {
		const rebase = (path: string) => (isInside(fromFolder, path) ? `${toFolder}${path.slice(fromFolder.length)}` : path);
		for (const path of [...this.known]) {
			if (isInside(fromFolder, path)) {
				this.known.delete(path);
				this.known.add(rebase(path));
			}
		}
		for (const [path, summary] of [...this.summaries]) {
			if (isInside(fromFolder, path)) {
				this.summaries.delete(path);
				this.summaries.set(rebase(path), summary);
			}
		}
	}

	/** Forgets a sidecar that was deleted (or a letter path's sidecar that is no longer known). */
	forget(sidecarPath: string): void {
		this.known.delete(sidecarPath);
		this.summaries.delete(sidecarPath);
	}

	/** Waits until every queued operation on these sidecars (all, without paths) has finished. */
	async flush(paths?: readonly string[]): Promise<void> {
		const pending = paths === undefined ? [...this.queues.values()] : paths.flatMap((path) => this.queues.get(path) ?? []);
		await Promise.all(pending);
	}

	/** Shutdown: refuses every new write, and resolves once the writes already asked for are on disk. */
	async close(): Promise<void> {
		this.closed = true;
		await this.flush();
	}

	/** Why a write of this letter's sidecar would be refused now, or `undefined` when it may be written. */
	async writeRefusal(letterPath: string): Promise<string | undefined> {
		if (this.closed) {
			return SHUTDOWN_MESSAGE;
		}
		if (!this.options.writable) {
			return RESTRICTED_MODE_MESSAGE;
		}
		const letter = await lstat(letterPath).catch(() => undefined);
		if (letter === undefined || !(letter.isFile() || letter.isSymbolicLink())) {
			return `The letter ${basename(letterPath)} is not a file on disk (not saved yet, or deleted), so it has no sidecar to write. Save it first.`;
		}
		const sidecar = sidecarPathFor(letterPath);
		if (!this.insideWorkspace(sidecar)) {
			return `Annotations of ${basename(letterPath)} are not written: it is outside the workspace folders, and nothing is written outside them. Open its folder to annotate it.`;
		}
		const target = await writeTargetOf(sidecar, basename(sidecar)).catch(() => sidecar);
		const realTarget = await realpath(dirname(target)).then((folder) => `${folder}${sep}${basename(target)}`, () => target);
		if (!this.insideWorkspace(realTarget, true)) {
			return `The sidecar ${basename(sidecar)} is a link to a file outside the workspace folders, so it is not written.`;
		}
		return undefined;
	}

	/** True when a path lies in a workspace folder (comparing real paths when `real`, so links cannot lead out). */
	private insideWorkspace(path: string, real = false): boolean {
		return this.options.folders().some((folder) => isInside(folder, path) || (real && isInside(realFolder(folder), path)));
	}

	private remember(state: SidecarFileState): SidecarSummary {
		const summary: SidecarSummary = state.kind === 'valid' ? { kind: 'valid', hash: state.hash, annotations: state.sidecar.annotations.length, ...symbolOfSidecar(sidecarSymbolOf(state)) }
			: state.kind === 'invalid' ? { kind: 'invalid', hash: state.hash, problems: state.problems }
				: state.kind === 'unreadable' ? { kind: 'unreadable', reason: state.reason } : { kind: 'missing' };
		this.summaries.set(state.path, summary);
		if (state.kind === 'missing') {
			this.known.delete(state.path);
		} else {
			this.known.add(state.path);
		}
		return summary;
	}

	/** Runs `task` after every operation already queued on any of `paths`; the next ones wait for it. */
	private enqueue<T>(paths: readonly string[], task: () => Promise<T>): Promise<T> {
		const before = Promise.all(paths.map((path) => this.queues.get(path) ?? Promise.resolve()));
		const run = before.then(task);
		const settled = run.then(() => undefined, () => undefined);
		for (const path of paths) {
			this.queues.set(path, settled);
		}
		void settled.then(() => {
			for (const path of paths) {
				if (this.queues.get(path) === settled) {
					this.queues.delete(path);
				}
			}
		});
		return run;
	}
}

function symbolOfSidecar(symbol: string | undefined): { symbol?: string } {
	const trimmed = symbol?.trim();
	return trimmed ? { symbol: trimmed } : {};
}

const realFolders = new Map<string, string>();

function realFolder(folder: string): string {
	let real = realFolders.get(folder);
	if (real === undefined) {
		try {
			real = realpathSync(folder);
		} catch {
			real = folder;
		}
		realFolders.set(folder, real);
	}
	return real;
}
