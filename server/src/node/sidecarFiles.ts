/**
 * Reading and writing annotation sidecars on disk: the rules every writer follows (the language server's sidecar
 * owner and the command line's `annotations reanchor --write` and `relink --write`).
 *
 * - Reading never blocks and never guesses: see `textFiles.ts` (file type first, size limit, strict UTF-8). A sidecar
 *   that cannot be read, or does not parse, is never written: it stays byte for byte as it is.
 * - A write is a change function of the current text (one of the engine's format-preserving edits), applied to the
 *   bytes on disk under a lock file (`<sidecar>.lock`, which every Diplomatic Letters process honours), written to a
 *   temporary file next to the sidecar, flushed, checked against the disk once more and renamed over it. If the file
 *   changed since it was read (git pull, an editor), the change is applied again to what is there now: merged, never
 *   written over a newer file. A read-only sidecar, a folder that cannot be written, a full disk are each refused
 *   with a message naming the file; no temporary file is left behind (and leftovers of a killed process are removed).
 * - A sidecar that is a symbolic link is written through (its target changes, the link stays); a loop is refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, open, readdir, readFile, readlink, realpath, rename, stat, symlink, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createSidecarText, orphansOf, parseSidecar, placeAnnotations, setDocumentFile } from '../engine/annotations';
import type { Sidecar, SidecarCondition, SidecarEditResult, SidecarProblem } from '../engine/annotations';
import { SIDECAR_SUFFIX } from './letterFiles';
import { describeErrorCode, errorCode, readTextFile, readTextFileSync } from './textFiles';

export { SIDECAR_SUFFIX };

/**
 * Sidecars larger than this are not read (about 3,000 annotations; a letter rarely has a hundred): every read and
 * write parses the whole file, and a sidecar of many megabytes would hold the server for seconds at a time.
 */
export const MAX_SIDECAR_BYTES = 1024 * 1024;

/** The sidecar path of a letter: `<letter>.annotations.yaml` next to it. */
export function sidecarPathFor(letterPath: string): string {
	return `${letterPath}${SIDECAR_SUFFIX}`;
}

/** The letter path of a sidecar path, or `undefined` when the name does not end in `.annotations.yaml`. */
export function letterPathForSidecar(sidecarPath: string): string | undefined {
	return sidecarPath.endsWith(SIDECAR_SUFFIX) && basename(sidecarPath).length > SIDECAR_SUFFIX.length ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) : undefined;
}

/** SHA-256 of a text's UTF-8 bytes (hex): identifies the sidecar content an edit was based on, or that the server wrote. */
export function hashText(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A sidecar as found on disk. */
export type SidecarFileState =
	| { readonly kind: 'missing'; readonly path: string }
	| { readonly kind: 'unreadable'; readonly path: string; readonly reason: string }
	| { readonly kind: 'invalid'; readonly path: string; readonly text: string; readonly hash: string; readonly problems: readonly SidecarProblem[] }
	| { readonly kind: 'valid'; readonly path: string; readonly text: string; readonly hash: string; readonly sidecar: Sidecar };

/** Options of the readers. */
export interface SidecarReadOptions {
	/** Larger sidecars are reported unreadable without being read (default {@link MAX_SIDECAR_BYTES}). */
	readonly maxBytes?: number;
}

function stateOf(path: string, read: Awaited<ReturnType<typeof readTextFile>>): SidecarFileState {
	if (read.kind === 'missing') {
		return { kind: 'missing', path };
	}
	if (read.kind === 'unreadable') {
		return { kind: 'unreadable', path, reason: read.reason };
	}
	const parsed = parseSidecar(read.text);
	const hash = hashText(read.text);
	return parsed.ok ? { kind: 'valid', path, text: read.text, hash, sidecar: parsed.sidecar } : { kind: 'invalid', path, text: read.text, hash, problems: parsed.problems };
}

/** Reads and parses the sidecar of `letterPath`. Never rejects. */
export async function readSidecarFile(letterPath: string, options: SidecarReadOptions = {}): Promise<SidecarFileState> {
	const path = sidecarPathFor(letterPath);
	return stateOf(path, await readTextFile(path, options.maxBytes ?? MAX_SIDECAR_BYTES));
}

/** {@link readSidecarFile}, synchronously. */
export function readSidecarFileSync(letterPath: string, options: SidecarReadOptions = {}): SidecarFileState {
	const path = sidecarPathFor(letterPath);
	return stateOf(path, readTextFileSync(path, options.maxBytes ?? MAX_SIDECAR_BYTES));
}

/**
 * What the annotation diagnostics need of a sidecar read from disk (`engine/annotations/annotationDiagnostics.ts`):
 * for a valid one, its annotations placed in `letterText` to find the orphans (none when the letter is not given).
 */
export function sidecarConditionOf(state: SidecarFileState, letterText?: string): SidecarCondition {
	switch (state.kind) {
		case 'missing':
			return { kind: 'none' };
		case 'unreadable':
			return { kind: 'unreadable', reason: state.reason };
		case 'invalid':
			return { kind: 'invalid', problems: state.problems };
		case 'valid':
			return { kind: 'valid', orphans: letterText === undefined ? [] : orphansOf(placeAnnotations(letterText, state.sidecar.annotations)) };
	}
}

/** The letter's identity as its sidecar records it (`document.symbol`), when the sidecar is valid and says so. */
export function sidecarSymbolOf(state: SidecarFileState): string | undefined {
	return state.kind === 'valid' ? state.sidecar.document.symbol?.trim() || undefined : undefined;
}

/** A refusal or failure: why nothing was written, as a sentence naming the file. */
export class SidecarWriteRefusal extends Error {
	constructor(message: string, readonly reason: 'unreadable' | 'refused' | 'conflict' | 'failed') {
		super(message);
		this.name = 'SidecarWriteRefusal';
	}
}

/** True when a process with this id exists (a lock or temporary file it left is then still in use). */
function processAlive(pid: number): boolean {
	if (!Number.isSafeInteger(pid) || pid <= 0) {
		return false;
	}
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return errorCode(error) === 'EPERM';
	}
}

/** A lock older than this is stale even if its process id is in use again (no write holds a lock this long). */
const STALE_LOCK_MS = 60_000;

/**
 * A lock still empty after this long was left by a writer killed between creating it and writing its process id into
 * it (microseconds apart): it is stale. A younger empty lock is a writer about to fill it in, and is waited for.
 */
const EMPTY_LOCK_MS = 1_000;

/**
 * Takes the lock file of a sidecar (`<real path>.lock`, created exclusively, holding the process id): every
 * Diplomatic Letters writer takes it around its check-and-rename, so that theirs are one step. A lock left by a
 * process that is gone (killed) is removed. Resolves to the function that releases it.
 */
async function acquireLock(target: string, name: string, timeoutMs: number): Promise<() => Promise<void>> {
	const lockPath = `${target}.lock`;
	const deadline = Date.now() + timeoutMs;
	const content = `${process.pid}\n${hostname()}\n`;
	for (;;) {
		try {
			const handle = await open(lockPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
			try {
				await handle.writeFile(content);
			} finally {
				await handle.close();
			}
			return async () => {
				const held = await readFile(lockPath, 'utf8').catch(() => undefined);
				if (held === content) {
					await unlink(lockPath).catch(() => undefined);
				}
			};
		} catch (error) {
			const code = errorCode(error);
			if (code !== 'EEXIST') {
				await unlink(lockPath).catch(() => undefined);
				const why = code === 'EACCES' || code === 'EPERM' ? `the folder ${basename(dirname(target))} is not writable` : describeErrorCode(code);
				throw new SidecarWriteRefusal(`The annotations of ${name} cannot be written: ${why}. Nothing was changed.`, code === 'EACCES' || code === 'EPERM' ? 'refused' : 'failed');
			}
		}
		const [pidText, host] = (await readFile(lockPath, 'utf8').catch(() => '')).split('\n');
		const age = Date.now() - ((await stat(lockPath).catch(() => undefined))?.mtimeMs ?? Date.now());
		const empty = pidText === undefined || pidText === '';
		const stale = age > STALE_LOCK_MS || (empty && age > EMPTY_LOCK_MS) || (host === hostname() && !empty && !processAlive(Number(pidText)));
		if (stale) {
			await unlink(lockPath).catch(() => undefined);
			continue;
		}
		if (Date.now() >= deadline) {
			throw new SidecarWriteRefusal(`The sidecar ${name} is being changed by another program (process ${empty ? '?' : pidText}); nothing was written. Try again in a moment.`, 'conflict');
		}
		await new Promise((done) => setTimeout(done, 20));
	}
}

const cleanedTargets = new Set<string>();

/** Removes temporary files of this sidecar left by a process that was killed while writing. */
async function removeLeftoverTemporaries(target: string): Promise<void> {
	if (cleanedTargets.has(target)) {
		return;
	}
	cleanedTargets.add(target);
	const prefix = `${basename(target)}.tmp-`;
	const entries = await readdir(dirname(target)).catch(() => [] as string[]);
	for (const entry of entries) {
		if (entry.startsWith(prefix)) {
			const pid = Number(entry.slice(prefix.length).split('-')[0]);
			if (pid !== process.pid && !processAlive(pid)) {
				await unlink(join(dirname(target), entry)).catch(() => undefined);
			}
		}
	}
}

/**
 * The file a write of `path` must change: `path` itself, or the target of the symbolic link it is (followed to the
 * end; a link to a file that does not exist yet is created through). Rejects with a refusal for a loop.
 */
export async function writeTargetOf(path: string, name: string): Promise<string> {
	let link;
	try {
		link = await lstat(path);
	} catch (error) {
		if (errorCode(error) === 'ENOENT') {
			return path;
		}
		throw new SidecarWriteRefusal(`The sidecar ${name} cannot be read: ${describeErrorCode(errorCode(error))}. Nothing was written.`, 'unreadable');
	}
	if (!link.isSymbolicLink()) {
		return path;
	}
	try {
		return await realpath(path);
	} catch (error) {
		const code = errorCode(error);
		if (code === 'ELOOP') {
			throw new SidecarWriteRefusal(`The sidecar ${name} is a loop of symbolic links, so it is not read or written. Replace the link with the file.`, 'unreadable');
		}
		if (code === 'ENOENT') {
			const pointed = await readlink(path);
			return isAbsolute(pointed) ? pointed : resolve(dirname(path), pointed);
		}
		throw new SidecarWriteRefusal(`The sidecar ${name} cannot be read: ${describeErrorCode(code)}. Nothing was written.`, 'unreadable');
	}
}

/** Refuses to change a file that is marked read-only or that this process may not write. */
async function checkWritable(target: string, exists: boolean, name: string): Promise<void> {
	if (exists) {
		const stats = await stat(target);
		if ((stats.mode & 0o222) === 0) {
			throw new SidecarWriteRefusal(`The sidecar ${name} is read-only, so it was not changed. Make it writable to change its annotations.`, 'refused');
		}
		try {
			await access(target, constants.W_OK);
		} catch {
			throw new SidecarWriteRefusal(`The sidecar ${name} cannot be written: permission denied. Nothing was changed.`, 'refused');
		}
	}
	try {
		await access(dirname(target), constants.W_OK);
	} catch {
		throw new SidecarWriteRefusal(`The annotations of ${name} cannot be written: the folder ${basename(dirname(target))} is not writable. Nothing was changed.`, 'refused');
	}
}

/**
 * Writes `text` to `path` atomically: a temporary `<file>.tmp-<pid>-<random>` in the same folder, flushed, then
 * renamed over the file; the folder is flushed too. An existing file keeps its mode and, when written as root, its
 * owner; a new file gets 0o666 less the umask. `beforeRename` may veto the rename (the temporary file is removed);
 * on any failure the temporary file is removed and the error thrown.
 */
export async function writeFileAtomically(path: string, text: string, beforeRename?: () => Promise<boolean>): Promise<boolean> {
	const existing = await stat(path).catch((error: unknown) => {
		if (errorCode(error) === 'ENOENT') {
			return undefined;
		}
		throw error;
	});
	const temporary = join(dirname(path), `${basename(path)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
	const handle = await open(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, existing ? existing.mode & 0o7777 : 0o666);
	let renamed = false;
	try {
		try {
			await handle.writeFile(text, 'utf8');
			if (existing) {
				await handle.chmod(existing.mode & 0o7777);
				if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) {
					await handle.chown(existing.uid, existing.gid).catch(() => undefined);
				}
			}
			await handle.sync();
		} finally {
			await handle.close();
		}
		if (beforeRename !== undefined && !(await beforeRename())) {
			return false;
		}
		await rename(temporary, path);
		renamed = true;
		await syncFolder(dirname(path));
		return true;
	} finally {
		if (!renamed) {
			await unlink(temporary).catch(() => undefined);
		}
	}
}

async function syncFolder(folder: string): Promise<void> {
	try {
		const handle = await open(folder, constants.O_RDONLY);
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	} catch {
		// Some file systems cannot flush a folder; the rename itself is still atomic.
	}
}

/** The outcome of `updateSidecarFile`. */
export type SidecarWriteResult =
	| {
		readonly ok: true;
		readonly text: string;
		readonly hash: string;
		readonly sidecar: Sidecar;
		/** The file on disk was not the one the caller's edit was based on: the change was applied to it (merged). */
		readonly merged: boolean;
		/** False when the change left the text as it was (nothing written). */
		readonly written: boolean;
	}
	| { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly SidecarProblem[]; readonly message: string }
	| { readonly ok: false; readonly reason: 'unreadable' | 'refused' | 'conflict' | 'failed'; readonly message: string };

/** Options of `updateSidecarFile`. */
export interface SidecarUpdateOptions extends SidecarReadOptions {
	/** Hash (`hashText`) of the sidecar text the caller's edit was based on; a different file on disk sets `merged`. */
	readonly basedOnHash?: string;
	/** Create a sidecar for this letter file name when none exists; without it a missing sidecar is a conflict. */
	readonly createForLetter?: string;
	/** How the messages name the sidecar (default: its file name). */
	readonly displayName?: string;
	/** Attempts before giving up when the file keeps changing under the write (default 5). */
	readonly attempts?: number;
	/** How long to wait for another writer's lock (default 3 s). */
	readonly lockTimeoutMs?: number;
}

/** The message for a sidecar that does not parse or validate: what is wrong, and that it was left as it is. */
export function invalidSidecarMessage(name: string, problems: readonly SidecarProblem[]): string {
	const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
	return `The sidecar ${name} is not valid, so it was not changed: ${problems[0]?.message ?? 'unknown problem'}${more}. Correct it (or restore it from version control) and try again.`;
}

/**
 * Applies `change` (one of the engine's sidecar edits: `addAnnotation`, `updateAnnotation`…, given the current text)
 * to the sidecar of `letterPath` and writes the result, by the rules in the module comment. Never rejects: every
 * failure is a result with a message naming the file.
 */
export async function updateSidecarFile(letterPath: string, change: (currentText: string) => SidecarEditResult, options: SidecarUpdateOptions = {}): Promise<SidecarWriteResult> {
	const path = sidecarPathFor(letterPath);
	const name = options.displayName ?? basename(path);
	const maxBytes = options.maxBytes ?? MAX_SIDECAR_BYTES;
	let release: (() => Promise<void>) | undefined;
	try {
		const target = await writeTargetOf(path, name);
		release = await acquireLock(target, name, options.lockTimeoutMs ?? 3000);
		await removeLeftoverTemporaries(target);
		for (let attempt = 0; attempt < (options.attempts ?? 5); attempt++) {
			const read = await readTextFile(target, maxBytes);
			if (read.kind === 'unreadable') {
				return { ok: false, reason: 'unreadable', message: `The sidecar ${name} ${read.reason}. Nothing was written: it is left exactly as it is.` };
			}
			if (read.kind === 'missing' && options.createForLetter === undefined) {
				return { ok: false, reason: 'conflict', message: `The sidecar ${name} no longer exists; nothing was written.` };
			}
			const onDisk = read.kind === 'text' ? read.text : undefined;
			const base = onDisk ?? createSidecarText(options.createForLetter ?? basename(letterPath), []);
			// Every engine edit parses the text first and refuses one that does not parse or validate; whether a
			// refusal is the file's fault is asked only then (a parse of a large sidecar takes a while).
			const result = change(base);
			if (!result.ok) {
				const parsed = parseSidecar(base);
				if (!parsed.ok) {
					return { ok: false, reason: 'invalid', problems: parsed.problems, message: invalidSidecarMessage(name, parsed.problems) };
				}
				return { ok: false, reason: 'conflict', message: `The sidecar ${name} was not changed: ${result.problems.map((problem) => problem.message).join('; ')}.` };
			}
			const merged = options.basedOnHash !== undefined && onDisk !== undefined && hashText(onDisk) !== options.basedOnHash;
			if (onDisk !== undefined && result.text === onDisk) {
				return { ok: true, text: result.text, hash: hashText(result.text), sidecar: result.sidecar, merged, written: false };
			}
			await checkWritable(target, onDisk !== undefined, name);
			// The check against the disk and the rename are one step for every process that takes the lock; the
			// comparison just before the rename catches the others (an editor, git) as late as possible.
			const written = await writeFileAtomically(target, result.text, async () => {
				const now = await readTextFile(target, maxBytes);
				return now.kind === 'text' ? now.text === onDisk : now.kind === 'missing' && onDisk === undefined;
			});
			if (written) {
				return { ok: true, text: result.text, hash: hashText(result.text), sidecar: result.sidecar, merged, written: true };
			}
		}
		return { ok: false, reason: 'conflict', message: `The sidecar ${name} kept changing while it was being written; nothing was written. Try again.` };
	} catch (error) {
		if (error instanceof SidecarWriteRefusal) {
			return { ok: false, reason: error.reason, message: error.message };
		}
		return { ok: false, reason: 'failed', message: `The sidecar ${name} could not be written: ${describeErrorCode(errorCode(error))}. Nothing was changed.` };
	} finally {
		await release?.();
	}
}

/** The outcome of `moveSidecarFile`. */
export type SidecarMoveResult =
	| { readonly ok: true; readonly moved: boolean; readonly text?: string; readonly hash?: string }
	| { readonly ok: false; readonly message: string };

/**
 * Moves the sidecar of `fromLetter` to be the sidecar of `toLetter` (the letter was renamed or moved) and records
 * the new file name in `document.file`. Never over an existing sidecar of `toLetter` (that is refused, both files
 * kept). A sidecar that is a symbolic link moves as a link to the same file. `moved: false` when there was none.
 * A sidecar that cannot be read or does not parse moves as it is, untouched.
 */
export async function moveSidecarFile(fromLetter: string, toLetter: string, options: SidecarReadOptions & { readonly lockTimeoutMs?: number } = {}): Promise<SidecarMoveResult> {
	const from = sidecarPathFor(fromLetter);
	const to = sidecarPathFor(toLetter);
	const name = basename(from);
	let link;
	try {
		link = await lstat(from);
	} catch (error) {
		return errorCode(error) === 'ENOENT' ? { ok: true, moved: false } : { ok: false, message: `The sidecar ${name} could not be moved: ${describeErrorCode(errorCode(error))}.` };
	}
	if (await lstat(to).then(() => true, () => false)) {
		return { ok: false, message: `The annotations of ${basename(fromLetter)} stay in ${name}: ${basename(to)} exists already next to ${basename(toLetter)}. Merge the two files by hand.` };
	}
	let release: (() => Promise<void>) | undefined;
	try {
		const target = await writeTargetOf(from, name).catch(() => from);
		release = await acquireLock(target, name, options.lockTimeoutMs ?? 3000);
		if (link.isSymbolicLink()) {
			const pointed = await readlink(from);
			const absolute = isAbsolute(pointed) ? pointed : resolve(dirname(from), pointed);
			await symlink(isAbsolute(pointed) ? pointed : relative(dirname(to), absolute), to);
			await unlink(from);
		} else {
			await rename(from, to);
		}
	} catch (error) {
		if (error instanceof SidecarWriteRefusal) {
			return { ok: false, message: error.message };
		}
		return { ok: false, message: `The sidecar ${name} could not be moved to ${basename(to)}: ${describeErrorCode(errorCode(error))}. It is still at ${name}.` };
	} finally {
		await release?.();
	}
	const updated = await updateSidecarFile(toLetter, (text) => setDocumentFile(text, basename(toLetter)), { ...options, displayName: basename(to) });
	return updated.ok ? { ok: true, moved: true, text: updated.text, hash: updated.hash } : { ok: true, moved: true };
}
