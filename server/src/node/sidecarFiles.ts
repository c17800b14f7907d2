/**
 * Reading and writing annotation sidecars on disk.
 *
 * Only the language server writes sidecars (the VS Code client asks it to, through requests); the client never
 * writes them itself, so the two never race. Writes are atomic — a temporary file in the same folder, then a
 * rename, keeping the file's mode — and optimistic: the change is a function of the current text, applied to what
 * is on disk at the moment of writing. If the file changed since the caller read it (git pull, another tool), the
 * change is re-applied to the fresh content; if it changed again while writing, the write is retried, and after a
 * few attempts a conflict is reported. A sidecar that does not parse or validate is never overwritten.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createSidecarText, parseSidecar } from '../engine/annotations';
import type { Sidecar, SidecarEditResult, SidecarProblem } from '../engine/annotations';

/** Suffix of a sidecar file name (SPEC: `path/to/letter.txt.annotations.yaml`). */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/** The sidecar path of a letter: `<letter>.annotations.yaml` next to it. */
export function sidecarPathFor(letterPath: string): string {
	return `${letterPath}${SIDECAR_SUFFIX}`;
}

/** The letter path of a sidecar path, or `undefined` when the name does not end in `.annotations.yaml`. */
export function letterPathForSidecar(sidecarPath: string): string | undefined {
	return sidecarPath.endsWith(SIDECAR_SUFFIX) && sidecarPath.length > SIDECAR_SUFFIX.length ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) : undefined;
}

/** SHA-256 of a text (hex): identifies the sidecar content an edit was based on. */
export function hashText(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A sidecar as found on disk. */
export type SidecarFileState =
	| { readonly kind: 'missing'; readonly path: string }
	| { readonly kind: 'invalid'; readonly path: string; readonly text: string; readonly hash: string; readonly problems: readonly SidecarProblem[] }
	| { readonly kind: 'valid'; readonly path: string; readonly text: string; readonly hash: string; readonly sidecar: Sidecar };

async function readTextIfExists(path: string): Promise<string | undefined> {
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}
		throw error;
	}
}

/** Reads and parses the sidecar of `letterPath`. Rejects only on I/O failures other than a missing file. */
export async function readSidecarFile(letterPath: string): Promise<SidecarFileState> {
	const path = sidecarPathFor(letterPath);
	const text = await readTextIfExists(path);
	if (text === undefined) {
		return { kind: 'missing', path };
	}
	const parsed = parseSidecar(text);
	return parsed.ok ? { kind: 'valid', path, text, hash: hashText(text), sidecar: parsed.sidecar } : { kind: 'invalid', path, text, hash: hashText(text), problems: parsed.problems };
}

/**
 * Writes `text` to `path` atomically: a temporary `<file>.tmp-<random>` in the same folder, flushed to disk, then
 * renamed over the file. The existing file's mode is kept (new files get 0o644 less the umask).
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
	let mode = 0o644;
	try {
		mode = (await stat(path)).mode & 0o7777;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw error;
		}
	}
	const temporary = join(dirname(path), `${basename(path)}.tmp-${randomBytes(6).toString('hex')}`);
	const handle = await open(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
	try {
		await handle.writeFile(text, 'utf8');
		await handle.chmod(mode);
		await handle.sync();
	} finally {
		await handle.close();
	}
	try {
		await rename(temporary, path);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
}

/** The outcome of `updateSidecarFile`. */
export type SidecarWriteResult =
	| { readonly ok: true; readonly text: string; readonly hash: string; readonly sidecar: Sidecar; readonly rebased: boolean }
	| { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly SidecarProblem[] }
	| { readonly ok: false; readonly reason: 'conflict'; readonly message: string };

/** Options of `updateSidecarFile`. */
export interface SidecarUpdateOptions {
	/** Hash (`hashText`) of the sidecar text the caller's edit was based on; a different file on disk sets `rebased`. */
	readonly basedOnHash?: string;
	/** Create a sidecar for this letter file name when none exists; without it a missing sidecar is a conflict. */
	readonly createForLetter?: string;
	/** Attempts before giving up when the file keeps changing under the write (default 3). */
	readonly attempts?: number;
}

/**
 * Applies `change` (one of the engine's sidecar edits: `addAnnotation`, `updateAnnotation`…, given the current
 * text) to the sidecar of `letterPath` and writes the result atomically, with the optimistic check described in
 * the module comment. An invalid sidecar is reported and left untouched. Rejects only on I/O failures.
 */
export async function updateSidecarFile(letterPath: string, change: (currentText: string) => SidecarEditResult, options: SidecarUpdateOptions = {}): Promise<SidecarWriteResult> {
	const path = sidecarPathFor(letterPath);
	const attempts = options.attempts ?? 3;
	for (let attempt = 0; attempt < attempts; attempt++) {
		const onDisk = await readTextIfExists(path);
		if (onDisk === undefined && options.createForLetter === undefined) {
			return { ok: false, reason: 'conflict', message: `${path} does not exist any more` };
		}
		const base = onDisk ?? createSidecarText(options.createForLetter ?? basename(letterPath), []);
		const result = change(base);
		if (!result.ok) {
			const parsed = parseSidecar(base);
			return parsed.ok ? { ok: false, reason: 'conflict', message: result.problems.map((problem) => problem.message).join('; ') } : { ok: false, reason: 'invalid', problems: result.problems };
		}
		// Compare-and-swap: only write if the file still holds what the change was applied to.
		const beforeWrite = await readTextIfExists(path);
		if (beforeWrite !== onDisk) {
			continue;
		}
		await writeFileAtomically(path, result.text);
		const rebased = options.basedOnHash !== undefined && onDisk !== undefined && hashText(onDisk) !== options.basedOnHash;
		return { ok: true, text: result.text, hash: hashText(result.text), sidecar: result.sidecar, rebased };
	}
	return { ok: false, reason: 'conflict', message: `${path} kept changing while it was being written; try again` };
}
