/**
 * The persistent index: the compact entries of a set of folders, stored between runs so that a restart reads again
 * only what changed. Entries are keyed by the SHA-256 of the file's bytes, and the whole file by the engine's version
 * (`engineVersion.ts`): an entry is used only for the very content it was made from, by the very engine that made it.
 * One file per set of folders, in the folder the host gives (VS Code's workspace storage) or the user's cache folder,
 * never inside the letters' folders. The file is checked before use — its version, the hash of its content — and a
 * file that is not right (corrupt, cut short, of another version) is discarded with a log line: the index is then
 * built from the letters, as without one. Written to a temporary file and renamed over the old one, so a reader never
 * sees half a file; a folder that cannot be written is logged once and the run goes on.
 *
 * Beside each path's content hash the store keeps what the file system said of the file when it was read (size,
 * modification and change times, inode: its {@link FileStamp}), as git's index does, so that a restart takes the entry
 * of a file whose stamp is unchanged without reading or hashing it. The change time moves on every write and cannot be
 * set back (`utimes` sets only the access and modification times), so a change that keeps the size and restores the
 * modification time is still seen. A stamp is kept only for a file left alone for {@link SETTLED_MS} before it was
 * looked at: a file written in the same tick of the file system's clock as it was read could change again without its
 * stamp changing (git's "racy clean" case), so such a file is read and hashed at the next start.
 *
 * Stored with `v8.serialize` after measuring (ARCHITECTURE.md, "The persistent index"): one file read whole is faster
 * here than an embedded database's many small reads, without a native module to ship for every platform of the VSIX;
 * the entries go in as their stored form (`storedForm.ts`: flat tables, each string once), which reads several times
 * faster than the entries' own object graph.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LetterSummary } from '../engine/workspace/letterSummary';
import { SUMMARY_FORMAT } from '../engine/workspace/letterSummary';
import type { StoredForm } from './storedForm';
import { decodeStoredForm, encodeStoredForm } from './storedForm';
import { describeErrorCode, errorCode } from './textFiles';

/** The first bytes of an index file. */
const MAGIC = 'diplomatic-letters index\n';

/** The layout of the stored file (beside the entries' own format): 3 since paths carry their file stamps and entries are in their stored form. */
const STORE_LAYOUT = 3;

/**
 * What the file system says of a file's content without reading it: its size, modification and change times (ms,
 * with the fraction the system gives) and inode. Two equal stamps of a settled file mean the same content.
 */
export interface FileStamp {
	readonly size: number;
	readonly mtimeMs: number;
	readonly ctimeMs: number;
	readonly ino: number;
}

/**
 * How long a file must have been left alone (ms) before its stamp is trusted: wider than the coarsest timestamps of
 * the file systems letters live on (FAT's 2 s) and than the kernel's clock ticks, so that a write in the same tick as
 * the read never goes unseen.
 */
export const SETTLED_MS = 2000;

/** The stamp of a file now (its target's, for a symbolic link), or undefined when it is not a regular file or cannot be looked at. */
export function fileStamp(path: string): FileStamp | undefined {
	try {
		const stats = statSync(path, { throwIfNoEntry: false });
		return stats?.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino } : undefined;
	} catch {
		return undefined;
	}
}

/** The stamp when the file had been left alone for {@link SETTLED_MS} at `takenAt` (when it was looked at), else undefined. */
export function settledStamp(stamp: FileStamp | undefined, takenAt: number): FileStamp | undefined {
	return stamp !== undefined && stamp.mtimeMs < takenAt - SETTLED_MS && stamp.ctimeMs < takenAt - SETTLED_MS ? stamp : undefined;
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
	return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** A path as stored: its content hash, then its stamp's size, mtimeMs, ctimeMs and ino when it has a settled one. */
type StoredPath = readonly [string, string] | readonly [string, string, number, number, number, number];

/** What is stored: the paths, and the entries (in their stored form, `storedForm.ts`) by content hash. */
interface StoredIndex {
	readonly paths: readonly StoredPath[];
	readonly hashes: readonly string[];
	readonly entries: StoredForm;
}

/** What the store holds of a path. */
interface PathRecord {
	readonly hash: string;
	readonly stamp?: FileStamp;
}

/** The header of the file: what the content must be to be used. */
interface StoredHeader {
	readonly format: number;
	readonly layout: number;
	readonly engine: string;
	readonly bytes: number;
	readonly sha256: string;
}

/** The user's cache folder for Diplomatic Letters: `XDG_CACHE_HOME` (or `~/.cache`), `~/Library/Caches`, `%LOCALAPPDATA%`. */
export function userCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
	if (platform === 'win32') {
		return join(env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA) ? env.LOCALAPPDATA : join(home, 'AppData', 'Local'), 'diplomatic-letters', 'Cache');
	}
	if (platform === 'darwin') {
		return join(home, 'Library', 'Caches', 'diplomatic-letters');
	}
	return join(env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(home, '.cache'), 'diplomatic-letters');
}

/** True when `path` is `folder` or lies inside it. */
function inside(folder: string, path: string): boolean {
	const rel = relative(resolve(folder), resolve(path));
	return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !isAbsolute(rel));
}

/**
 * The index file of a set of folders in a storage folder (one file per set, named by the hash of their paths), or
 * undefined when that would put it inside one of the folders.
 */
export function indexFileFor(storage: string, program: string, roots: readonly string[]): string | undefined {
	const key = createHash('sha256').update(roots.map((root) => resolve(root)).sort().join('\n')).digest('base64url').slice(0, 16);
	const file = join(storage, `${program}-${key}.index`);
	return roots.some((root) => inside(root, file)) ? undefined : file;
}

/** Removes a file if it is there; nothing when it cannot be (its folder is missing or is not a folder). */
function removeQuietly(path: string): void {
	try {
		rmSync(path, { force: true });
	} catch {
		// Nothing was written there.
	}
}

/** The compact entries of the letters of a set of folders, stored between runs. */
export class SummaryStore {
	private readonly entries = new Map<string, LetterSummary>();
	private readonly paths = new Map<string, PathRecord>();
	private changed = false;
	private failedToWrite = false;

	/**
	 * Opens the index stored at `file` (an empty one when there is none, or when it cannot be used: the reason is logged).
	 * @param file where the index is stored
	 * @param engine the engine version the entries must have been made by
	 * @param log a line for the host's log
	 */
	constructor(readonly file: string, private readonly engine: string, private readonly log: (line: string) => void, read: 'now' | 'later' = 'now') {
		if (read === 'now') {
			this.load(this.readBytes());
		}
	}

	/**
	 * Opens the index stored at `file` as the constructor does, the file read off this thread (by the file system's
	 * threads), so that the caller can walk the letters' folders meanwhile. (WebCrypto's digest was tried for the
	 * checksum too: in Node 20 it takes the calling thread as long as hashing there does.)
	 */
	static async open(file: string, engine: string, log: (line: string) => void): Promise<SummaryStore> {
		const store = new SummaryStore(file, engine, log, 'later');
		const bytes = await readFile(file).catch((error: unknown) => store.unreadable(error));
		store.load(bytes);
		return store;
	}

	/** How many entries are held. */
	get size(): number {
		return this.entries.size;
	}

	/** The hash of the content a path had when its entry was stored. */
	hashOf(path: string): string | undefined {
		return this.paths.get(path)?.hash;
	}

	/**
	 * The hash of a path's content when the file's stamp now is the settled stamp stored with it (the file was not
	 * written since it was read), else undefined: the file must be read (and hashed) to know.
	 */
	unchanged(path: string, stamp: FileStamp): string | undefined {
		const record = this.paths.get(path);
		return record?.stamp !== undefined && sameStamp(record.stamp, stamp) && this.entries.has(record.hash) ? record.hash : undefined;
	}

	/** The entry stored for a content. */
	get(hash: string): LetterSummary | undefined {
		return this.entries.get(hash);
	}

	/**
	 * Stores the entry of a path's content, with the stamp the file had just before it was read when that stamp is
	 * settled ({@link settledStamp}; without one the file is read again next time).
	 */
	put(path: string, hash: string, summary: LetterSummary, stamp?: FileStamp): void {
		const record = this.paths.get(path);
		if (record?.hash !== hash || !this.entries.has(hash)) {
			this.changed = true;
		}
		// The same content: the caller's copy (the index's, sharing its symbols) replaces the one read, which is let go.
		this.entries.set(hash, summary);
		if (record?.hash !== hash || (record.stamp === undefined ? stamp !== undefined : stamp === undefined || !sameStamp(record.stamp, stamp))) {
			this.paths.set(path, stamp === undefined ? { hash } : { hash, stamp });
			this.changed = true;
		}
	}

	/** Forgets a path (a file deleted, or no longer read as a letter). */
	forget(path: string): void {
		if (this.paths.delete(path)) {
			this.changed = true;
		}
	}

	/**
	 * Writes the index if it changed, keeping only the paths in `present` (when given) and the entries they use.
	 * Never throws: a failure is logged (once) and the next run reads the letters again.
	 */
	save(present?: ReadonlySet<string>): void {
		if (present) {
			for (const path of [...this.paths.keys()]) {
				if (!present.has(path)) {
					this.forget(path);
				}
			}
		}
		if (!this.changed) {
			return;
		}
		const used = new Set([...this.paths.values()].map((record) => record.hash));
		const paths = [...this.paths].map(([path, { hash, stamp }]): StoredPath => (stamp === undefined ? [path, hash] : [path, hash, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino]));
		const kept = [...this.entries].filter(([hash]) => used.has(hash));
		let payload: Buffer;
		try {
			const stored: StoredIndex = { paths, hashes: kept.map(([hash]) => hash), entries: encodeStoredForm(kept.map(([, summary]) => summary)) };
			payload = serialize(stored);
		} catch (error) {
			if (!this.failedToWrite) {
				this.failedToWrite = true;
				this.log(`The index of the letters cannot be stored (${error instanceof Error ? error.message : String(error)}); the letters will be read again next time.`);
			}
			return;
		}
		const header: StoredHeader = { format: SUMMARY_FORMAT, layout: STORE_LAYOUT, engine: this.engine, bytes: payload.length, sha256: createHash('sha256').update(payload).digest('hex') };
		const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8');
		const temporary = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
		try {
			mkdirSync(dirname(this.file), { recursive: true });
			writeFileSync(temporary, Buffer.concat([head, payload]));
			renameSync(temporary, this.file);
			this.changed = false;
		} catch (error) {
			removeQuietly(temporary);
			if (!this.failedToWrite) {
				this.failedToWrite = true;
				this.log(`The index of the letters cannot be stored in ${dirname(this.file)} (${describeErrorCode(errorCode(error))}); the letters will be read again next time.`);
			}
		}
	}

	/** The bytes of the stored file, or undefined when there is none or it cannot be read (logged). */
	private readBytes(): Buffer | undefined {
		try {
			return readFileSync(this.file);
		} catch (error) {
			return this.unreadable(error);
		}
	}

	private unreadable(error: unknown): undefined {
		const code = errorCode(error);
		if (code !== 'ENOENT' && code !== 'ENOTDIR') {
			this.log(`The stored index ${this.file} cannot be read (${describeErrorCode(code)}); the letters are read again.`);
		}
		return undefined;
	}

	/** Takes the entries of the stored file's bytes when they are a usable index. */
	private load(bytes: Buffer | undefined): void {
		if (bytes === undefined) {
			return;
		}
		const stored = this.decode(bytes);
		if (stored === undefined) {
			return;
		}
		stored.entries.forEach((summary, at) => this.entries.set(stored.hashes[at], summary));
		for (const record of stored.paths) {
			if (this.entries.has(record[1])) {
				this.paths.set(record[0], record.length === 6 ? { hash: record[1], stamp: { size: record[2], mtimeMs: record[3], ctimeMs: record[4], ino: record[5] } } : { hash: record[1] });
			}
		}
	}

	/** The stored index in a file's bytes, or undefined (logged) when they are not a usable index of this engine. */
	private decode(bytes: Buffer): { readonly paths: readonly StoredPath[]; readonly hashes: readonly string[]; readonly entries: readonly LetterSummary[] } | undefined {
		const discard = (why: string) => {
			this.log(`The stored index ${this.file} ${why}: it is discarded and the letters are read again.`);
			return undefined;
		};
		const magic = Buffer.from(MAGIC, 'utf8');
		const headerEnd = bytes.indexOf(10, magic.length);
		if (!bytes.subarray(0, magic.length).equals(magic) || headerEnd < 0) {
			return discard('is not an index file');
		}
		let header: StoredHeader;
		try {
			header = JSON.parse(bytes.subarray(magic.length, headerEnd).toString('utf8')) as StoredHeader;
		} catch {
			return discard('has a broken header');
		}
		if (header.format !== SUMMARY_FORMAT || header.layout !== STORE_LAYOUT || header.engine !== this.engine) {
			return discard('was made by another version of Diplomatic Letters');
		}
		const payload = bytes.subarray(headerEnd + 1);
		if (payload.length !== header.bytes || createHash('sha256').update(payload).digest('hex') !== header.sha256) {
			return discard('is corrupt (its content does not match its checksum)');
		}
		try {
			const stored = deserialize(payload) as StoredIndex;
			if (!Array.isArray(stored?.paths) || !Array.isArray(stored?.hashes) || stored.hashes.length !== stored.entries?.count) {
				return discard('is corrupt');
			}
			return { paths: stored.paths, hashes: stored.hashes, entries: decodeStoredForm(stored.entries) as LetterSummary[] };
		} catch {
			return discard('is corrupt');
		}
	}
}
