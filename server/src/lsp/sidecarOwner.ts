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
 * - it knows every sidecar of the workspace folders, so that sidecars whose letter is gone can be reported (found by
 *   `discover`, a walk that yields between slices of work so that requests are answered while it runs);
 * - it refuses, with a message, writes outside the workspace folders, for letters that are not saved files, in
 *   Restricted Mode, and after shutdown.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { setLetterSymbol } from '../engine/annotations';
import type { SidecarEditResult, SidecarProblem } from '../engine/annotations';
import type { LetterFileOptions } from '../node/letterFiles';
import { globToRegExp, matchesAny } from '../node/letterFiles';
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

/** How many directory entries the discovery walk looks at before it lets other work (requests, events) run. */
const DISCOVERY_SLICE = 500;

/** A change to the set of known sidecars, recorded while a discovery walk runs so that it is applied after it. */
type KnownChange = { readonly add: string } | { readonly drop: string } | { readonly from: string; readonly to: string };

/** A discovery walk under way: what it found so far, and the changes made to the known set since it started. */
interface Discovery {
	readonly found: Set<string>;
	readonly changes: KnownChange[];
	/** A workspace folder's subfolder was renamed since the walk started. */
	folderRenamed: boolean;
}

/** How many times discovery walks the folders again when subfolders keep being renamed while it walks. */
const MAX_DISCOVERY_WALKS = 3;

/** The owner of every sidecar of the workspace (see the module comment). */
export class SidecarOwner {
	private readonly queues = new Map<string, Promise<void>>();
	private readonly summaries = new Map<string, SidecarSummary>();
	private known = new Set<string>();
	private discovery: Discovery | undefined;
	private closed = false;

	constructor(private readonly options: SidecarOwnerOptions) {}

	/** False in Restricted Mode or after shutdown. */
	get acceptsWrites(): boolean {
		return this.options.writable && !this.closed;
	}

	/**
	 * Lists the sidecars under the workspace folders (when they are indexed), with the folders' include rules replaced
	 * by every `.annotations.yaml` file and their exclude rules kept; resolves to their paths. The walk reads folders
	 * asynchronously and yields every few hundred entries, so requests and file events are handled while it runs. A
	 * sidecar written, moved, deleted or read by the owner meanwhile is known as that change left it (the changes are
	 * applied again over what the walk found); a newer `discover` call supersedes an older one still running.
	 */
	async discover(folders: readonly { readonly path: string; readonly options: LetterFileOptions }[]): Promise<string[]> {
		const discovery: Discovery = { found: new Set(), changes: [], folderRenamed: false };
		this.discovery = discovery;
		const current = () => this.discovery === discovery;
		for (let walks = 0; walks < MAX_DISCOVERY_WALKS && current() && (walks === 0 || discovery.folderRenamed); walks++) {
			// A folder renamed during the walk may have been listed under neither name: the walk is made again.
			discovery.found.clear();
			discovery.folderRenamed = false;
			for (const folder of folders) {
				const exclude = folder.options.exclude.map(globToRegExp);
				await findSidecars(folder.path, exclude, (path) => discovery.found.add(path), current);
			}
		}
		if (!current()) {
			return this.knownSidecars();
		}
		this.discovery = undefined;
		this.known = discovery.found;
		for (const change of discovery.changes) {
			this.applyChange(this.known, change);
		}
		return [...this.known];
	}

	/** Every sidecar the owner knows of (found by `discover` — so far, while it runs —, by file events, or written). */
	knownSidecars(): string[] {
		return this.discovery === undefined ? [...this.known] : [...new Set([...this.known, ...this.discovery.found])];
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

	/**
	 * `document.symbol` of a letter's sidecar: the letter store's source of a sidecar identity. `unlisted` when a walk of
	 * the letter's folder just saw no sidecar of that name: a sidecar the owner does not hold yet is then known missing
	 * as a look on disk would have found it (a file event tells when one appears), without looking.
	 */
	symbolOf(letterPath: string, unlisted = false): string | undefined {
		const path = sidecarPathFor(letterPath);
		return (this.summaries.get(path) ?? (unlisted ? this.remember({ kind: 'missing', path }) : this.summary(letterPath))).symbol;
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
				this.changeKnown({ add: path });
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
				this.changeKnown({ drop: from });
				this.changeKnown({ add: to });
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
		this.changeKnown({ from: fromFolder, to: toFolder });
		for (const [path, summary] of [...this.summaries]) {
			if (isInside(fromFolder, path)) {
				this.summaries.delete(path);
				this.summaries.set(rebase(path), summary);
			}
		}
	}

	/** Forgets a sidecar that was deleted (or a letter path's sidecar that is no longer known). */
	forget(sidecarPath: string): void {
		this.changeKnown({ drop: sidecarPath });
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
		this.changeKnown(state.kind === 'missing' ? { drop: state.path } : { add: state.path });
		return summary;
	}

	/**
	 * Changes the set of known sidecars; while a discovery walk runs, the change is also made to what it found so far
	 * and recorded, to be made again over all it found (the walk may list a folder before or after the change).
	 */
	private changeKnown(change: KnownChange): void {
		this.applyChange(this.known, change);
		if (this.discovery !== undefined) {
			this.applyChange(this.discovery.found, change);
			this.discovery.changes.push(change);
			this.discovery.folderRenamed ||= 'from' in change;
		}
	}

	private applyChange(known: Set<string>, change: KnownChange): void {
		if ('add' in change) {
			known.add(change.add);
		} else if ('drop' in change) {
			known.delete(change.drop);
		} else {
			for (const path of [...known]) {
				if (isInside(change.from, path)) {
					known.delete(path);
					known.add(`${change.to}${path.slice(change.from.length)}`);
				}
			}
		}
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

const SIDECAR_GLOB = [globToRegExp('**/*.annotations.yaml')];

/** Lets pending requests and events run before the walk goes on. */
function yieldToEvents(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Walks a workspace folder for sidecars with the rules of `findLetterFiles` (entries in name order, folders and files
 * left out by the exclude globs, a folder that cannot be listed skipped, a root that is a file taken as it is) without
 * holding the event loop: folders are read asynchronously and entries looked at in slices. Stops when `current` turns
 * false (a newer discovery started).
 */
async function findSidecars(root: string, exclude: readonly RegExp[], found: (path: string) => void, current: () => boolean): Promise<void> {
	const stats = await stat(root).catch(() => undefined);
	if (stats?.isFile()) {
		found(root);
		return;
	}
	if (!stats?.isDirectory()) {
		return;
	}
	let budget = DISCOVERY_SLICE;
	const walk = async (rel: string): Promise<void> => {
		const folder = rel === '' ? root : join(root, rel);
		let entries: Dirent[];
		try {
			entries = await readdir(folder, { withFileTypes: true });
		} catch {
			return;
		}
		const kept: { readonly name: string; readonly path: string; readonly isFolder: boolean }[] = [];
		for (const entry of entries) {
			if (--budget <= 0) {
				budget = DISCOVERY_SLICE;
				await yieldToEvents();
				if (!current()) {
					return;
				}
			}
			const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
			if (matchesAny(path, exclude) || matchesAny(`${path}/`, exclude)) {
				continue;
			}
			if (entry.isDirectory()) {
				kept.push({ name: entry.name, path, isFolder: true });
			} else if (entry.isFile() && matchesAny(path, SIDECAR_GLOB)) {
				kept.push({ name: entry.name, path, isFolder: false });
			}
		}
		kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const entry of kept) {
			if (!current()) {
				return;
			}
			if (entry.isFolder) {
				await walk(entry.path);
			} else {
				found(join(folder, entry.name));
			}
		}
	};
	await walk('');
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
