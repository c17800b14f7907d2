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
 * One file read whole after measuring (ARCHITECTURE.md, "The persistent index"): faster here than an embedded
 * database's many small reads, without a native module to ship for every platform of the VSIX; the entries go in as
 * their stored form (`storedForm.ts`: flat tables, each string once), which reads several times faster than the
 * entries' own object graph, and the payload is laid out (`storeFile.ts`) so that its large tables are read in place.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LetterSummary } from '../engine/workspace/letterSummary';
import { SUMMARY_FORMAT } from '../engine/workspace/letterSummary';
import type { StoredForm, StoredFormOptions } from './storedForm';
import { decodeStoredForm, encodeStoredForm, releaseBuffers, StoredFormWriter } from './storedForm';
import type { StoredPaths } from './storeFile';
import { ALIGNMENT, BYTE_ORDER, decodePayload, encodePayload, PayloadChecksum, readIndexFile } from './storeFile';
import type { FileStamp } from './fileStamps';
import { sameStamp } from './fileStamps';
import { describeErrorCode, errorCode } from './textFiles';

export { userCacheFolder } from './cacheFolder';
export type { FileStamp } from './fileStamps';
export { fileStamp, SETTLED_MS, settledStamp } from './fileStamps';

/** The first bytes of an index file. */
const MAGIC = 'diplomatic-letters index\n';

/**
 * The layout of the stored file (beside the entries' own format): 4 since the payload is laid out by `storeFile.ts`
 * (its large tables read in place, the paths as columns), checked by CRC-32, and its stored form writes objects of
 * small integers bare (3: one `v8.serialize`d record, an array per path, checked by SHA-256).
 */
const STORE_LAYOUT = 4;

/** What one write puts in the file: the paths, and the entries they use with their content hashes (in the same order). */
interface Snapshot extends StoredPaths {
	readonly hashes: readonly string[];
	readonly summaries: readonly LetterSummary[];
}

/** A temporary file being written. */
interface TemporaryFile {
	readonly path: string;
	readonly fd: number;
	closed: boolean;
}

/** Writes the whole of `bytes` at the file's current position (a write may take only part of them). */
function writeAll(fd: number, bytes: Uint8Array): void {
	for (let at = 0; at < bytes.length;) {
		at += writeSync(fd, bytes, at, bytes.length - at);
	}
}

/**
 * The objects an entry holds that other entries may hold too: its document symbols, one instance of each in the index
 * (`symbolTable.ts`), written once and read back as one. The writer looks up only these (about 12,000 of the 465,000
 * objects of the 10,000-letter record), not every object of every entry.
 */
const STORED_FORM_OPTIONS: StoredFormOptions = { shareable: (value) => 'parts' in value && 'text' in value };

/** How long one slice of {@link SummaryStore.saveInSlices} runs before it pauses (ms). */
const WRITE_SLICE_MS = 4;

/** How many bytes of the file are hashed or written in one piece by {@link SummaryStore.saveInSlices} (4 MiB). */
const WRITE_PIECE = 1 << 22;

/** What the store holds of a path. */
interface PathRecord {
	readonly hash: string;
	readonly stamp?: FileStamp;
}

/** The paths read from the file, as columns (`storeFile.ts`), with the content hash of each entry. */
interface ReadPaths extends StoredPaths {
	readonly hashes: readonly string[];
}

/** The header of the file: what the content must be to be used. */
interface StoredHeader {
	readonly format: number;
	readonly layout: number;
	readonly engine: string;
	readonly byteOrder: string;
	readonly bytes: number;
	readonly checksum: string;
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
	/** Each path's record: a row of {@link read} while it is as read from the file, else what was put since. */
	private readonly paths = new Map<string, PathRecord | number>();
	/** The paths as read from the file (their rows are not made into records: a restart only compares them). */
	private read: ReadPaths | undefined;
	private changed = false;
	private failedToWrite = false;
	/** The write begun by {@link saveInSlices}, while it is under way. */
	private saving: Promise<void> | undefined;

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
		const read = await readIndexFile(file, MAGIC.length).catch((error: unknown) => store.unreadable(error));
		store.load(read?.bytes, read?.checksum);
		return store;
	}

	/** How many entries are held. */
	get size(): number {
		return this.entries.size;
	}

	/** The hash of the content a path had when its entry was stored. */
	hashOf(path: string): string | undefined {
		const record = this.paths.get(path);
		return typeof record === 'number' ? this.read!.hashes[this.read!.entryOf[record]] : record?.hash;
	}

	/**
	 * The hash of a path's content when the file's stamp now is the settled stamp stored with it (the file was not
	 * written since it was read), else undefined: the file must be read (and hashed) to know.
	 */
	unchanged(path: string, stamp: FileStamp): string | undefined {
		const record = this.paths.get(path);
		if (typeof record === 'number') {
			const { stamps, hashes, entryOf } = this.read!;
			const at = record * 4;
			return stamps[at] === stamp.size && stamps[at + 1] === stamp.mtimeMs && stamps[at + 2] === stamp.ctimeMs && stamps[at + 3] === stamp.ino && this.entries.has(hashes[entryOf[record]]) ? hashes[entryOf[record]] : undefined;
		}
		return record?.stamp !== undefined && sameStamp(record.stamp, stamp) && this.entries.has(record.hash) ? record.hash : undefined;
	}

	/** The record of a path, a row read from the file made into one. */
	private recordOf(path: string): PathRecord | undefined {
		const record = this.paths.get(path);
		if (typeof record !== 'number') {
			return record;
		}
		const { stamps, hashes, entryOf } = this.read!;
		const at = record * 4;
		const hash = hashes[entryOf[record]];
		return Number.isNaN(stamps[at]) ? { hash } : { hash, stamp: { size: stamps[at], mtimeMs: stamps[at + 1], ctimeMs: stamps[at + 2], ino: stamps[at + 3] } };
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
		const row = this.paths.get(path);
		if (typeof row === 'number' && stamp !== undefined && this.unchanged(path, stamp) === hash) {
			// As read (a restart taking the entry of a file known by its stamp): only the entry's copy changes.
			this.entries.set(hash, summary);
			return;
		}
		const record = this.recordOf(path);
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
	 * Never throws: a failure is logged (once) and the next run reads the letters again. Not to be called while a
	 * {@link saveInSlices} is under way.
	 */
	save(present?: ReadonlySet<string>): void {
		this.keepOnly(present);
		if (!this.changed) {
			return;
		}
		const snapshot = this.snapshot();
		const payload = this.payloadOf(snapshot, () => encodeStoredForm(snapshot.summaries, STORED_FORM_OPTIONS));
		if (payload === undefined) {
			return;
		}
		const checksum = new PayloadChecksum();
		checksum.update(payload);
		const head = this.headOf(payload, checksum.digest());
		const file = this.openTemporary();
		try {
			if (file === undefined) {
				return;
			}
			writeAll(file.fd, head);
			writeAll(file.fd, payload);
			this.closeAndRename(file);
			this.changed = false;
		} catch (error) {
			this.writingFailed(error, file);
		} finally {
			releaseBuffers([payload]);
		}
	}

	/**
	 * Writes the index like {@link save}, a slice of about {@link WRITE_SLICE_MS} at a time, awaiting `pause` between
	 * two slices (the host answers its requests meanwhile). What is written is what the store held when the write
	 * began; a change made while it is written (an entry put, a path forgotten) is written by a further round, so none
	 * is lost. Resolves when the file holds every change made before the write ended, or when writing failed (logged
	 * once). A call while a write is under way joins it. The entries are encoded one by one, the file hashed and
	 * written piece by piece, and everything the write made is let go when it ends.
	 * @param present when given, only these paths (and the entries they use) are kept
	 * @param pause resolves when the next slice may run
	 */
	saveInSlices(present: ReadonlySet<string> | undefined, pause: () => Promise<void>): Promise<void> {
		this.keepOnly(present);
		this.saving ??= this.writeWhileChanged(pause).finally(() => {
			this.saving = undefined;
		});
		return this.saving;
	}

	/** Resolves when no write begun by {@link saveInSlices} is under way. */
	settled(): Promise<void> {
		return this.saving ?? Promise.resolve();
	}

	private async writeWhileChanged(pause: () => Promise<void>): Promise<void> {
		let sliceStart = Date.now();
		const between = async () => {
			if (Date.now() - sliceStart >= WRITE_SLICE_MS) {
				await pause();
				sliceStart = Date.now();
			}
		};
		await pause();
		while (this.changed) {
			const snapshot = this.snapshot();
			// Changes made from now on are written by the next round.
			this.changed = false;
			if (!(await this.writeSliced(snapshot, between))) {
				this.changed = true;
				return;
			}
		}
	}

	/** Writes one snapshot in slices; false when it could not be written (logged). */
	private async writeSliced(snapshot: Snapshot, between: () => Promise<void>): Promise<boolean> {
		const writer = new StoredFormWriter(STORED_FORM_OPTIONS);
		let failure: Error | undefined;
		for (const summary of snapshot.summaries) {
			await between();
			try {
				writer.add(summary);
			} catch (error) {
				failure = error instanceof Error ? error : new TypeError(String(error));
				break;
			}
		}
		const payload = this.payloadOf(snapshot, () => {
			if (failure !== undefined) {
				throw failure;
			}
			return writer.finish();
		});
		if (payload === undefined) {
			return false;
		}
		const pieces: Buffer[] = [];
		for (let at = 0; at < payload.length; at += WRITE_PIECE) {
			pieces.push(payload.subarray(at, at + WRITE_PIECE));
		}
		const checksum = new PayloadChecksum();
		for (const piece of pieces) {
			await between();
			checksum.update(piece);
		}
		const head = this.headOf(payload, checksum.digest());
		const file = this.openTemporary();
		try {
			if (file === undefined) {
				return false;
			}
			writeAll(file.fd, head);
			for (const piece of pieces) {
				await between();
				writeAll(file.fd, piece);
			}
			this.closeAndRename(file);
			return true;
		} catch (error) {
			this.writingFailed(error, file);
			return false;
		} finally {
			releaseBuffers([payload]);
		}
	}

	/** Forgets the paths not in `present` (when given). */
	private keepOnly(present: ReadonlySet<string> | undefined): void {
		if (present) {
			for (const path of [...this.paths.keys()]) {
				if (!present.has(path)) {
					this.forget(path);
				}
			}
		}
	}

	/** What is to be written now: every path with its stamp, and the entries the paths use. */
	private snapshot(): Snapshot {
		const entryIds = new Map<string, number>();
		const paths: string[] = [];
		const records: PathRecord[] = [];
		for (const path of this.paths.keys()) {
			const record = this.recordOf(path)!;
			paths.push(path);
			records.push(record);
			entryIds.set(record.hash, -1);
		}
		const hashes: string[] = [];
		const summaries: LetterSummary[] = [];
		for (const [hash, summary] of this.entries) {
			if (entryIds.has(hash)) {
				entryIds.set(hash, hashes.length);
				hashes.push(hash);
				summaries.push(summary);
			}
		}
		const entryOf = new Int32Array(paths.length);
		const stamps = new Float64Array(paths.length * 4);
		records.forEach(({ hash, stamp }, at) => {
			entryOf[at] = entryIds.get(hash)!;
			stamps.set(stamp === undefined ? [Number.NaN, 0, 0, 0] : [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino], at * 4);
		});
		return { paths, entryOf, stamps, hashes, summaries };
	}

	/** The payload of a snapshot whose entries `entries` gives in their stored form; undefined (logged once) when they cannot be stored. */
	private payloadOf(snapshot: Snapshot, entries: () => StoredForm): Buffer | undefined {
		try {
			const form = entries();
			const payload = encodePayload({ paths: snapshot.paths, entryOf: snapshot.entryOf, stamps: snapshot.stamps, hashes: snapshot.hashes, entries: form });
			// The payload holds a copy of the tape: the tape's memory is given back now.
			releaseBuffers([form.tape]);
			return payload;
		} catch (error) {
			if (!this.failedToWrite) {
				this.failedToWrite = true;
				this.log(`The index of the letters cannot be stored (${error instanceof Error ? error.message : String(error)}); the letters will be read again next time.`);
			}
			return undefined;
		}
	}

	/**
	 * The first lines of the file: what the payload must be to be used, the header line padded with spaces so that the
	 * payload starts at a multiple of {@link ALIGNMENT} (its raw tables are then read in place).
	 */
	private headOf(payload: Buffer, checksum: string): Buffer {
		const header: StoredHeader = { format: SUMMARY_FORMAT, layout: STORE_LAYOUT, engine: this.engine, byteOrder: BYTE_ORDER, bytes: payload.length, checksum };
		const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}`, 'utf8');
		const padded = Buffer.alloc(Math.ceil((head.length + 1) / ALIGNMENT) * ALIGNMENT, ' ');
		padded.set(head);
		padded[padded.length - 1] = 10;
		return padded;
	}

	/** A new temporary file beside the index, open for writing; undefined (logged once) when the folder cannot be written. */
	private openTemporary(): TemporaryFile | undefined {
		const path = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
		try {
			mkdirSync(dirname(this.file), { recursive: true });
			return { path, fd: openSync(path, 'w'), closed: false };
		} catch (error) {
			this.writingFailed(error);
			return undefined;
		}
	}

	/** Closes a temporary file written whole and renames it over the index, so that a reader never sees half a file. */
	private closeAndRename(file: TemporaryFile): void {
		file.closed = true;
		closeSync(file.fd);
		renameSync(file.path, this.file);
	}

	/** Logs (once) that the index cannot be written, after closing and removing what was written of it. */
	private writingFailed(error: unknown, file?: TemporaryFile): void {
		if (file !== undefined) {
			if (!file.closed) {
				file.closed = true;
				try {
					closeSync(file.fd);
				} catch {
					// The descriptor is let go even when closing it fails.
				}
			}
			removeQuietly(file.path);
		}
		if (!this.failedToWrite) {
			this.failedToWrite = true;
			this.log(`The index of the letters cannot be stored in ${dirname(this.file)} (${describeErrorCode(errorCode(error))}); the letters will be read again next time.`);
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

	/** Takes the entries of the stored file's bytes when they are a usable index; the bytes are given back after. */
	private load(bytes: Buffer | undefined, checksum?: string): void {
		if (bytes === undefined) {
			return;
		}
		const stored = this.decode(bytes, checksum);
		// The tape was read in place: nothing holds the file's bytes any more, and they are large.
		releaseBuffers([bytes]);
		if (stored === undefined) {
			return;
		}
		const { hashes, entries, paths } = stored;
		for (let at = 0; at < entries.length; at++) {
			this.entries.set(hashes[at], entries[at]);
		}
		this.read = stored;
		for (let row = 0; row < paths.length; row++) {
			this.paths.set(paths[row], row);
		}
	}

	/**
	 * The stored index in a file's bytes, or undefined (logged) when they are not a usable index of this engine.
	 * `checksum`: the checksum of the bytes after the header line, computed while the file was read, when it was.
	 */
	private decode(bytes: Buffer, checksum: string | undefined): (ReadPaths & { readonly entries: readonly LetterSummary[] }) | undefined {
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
		if (header?.format !== SUMMARY_FORMAT || header.layout !== STORE_LAYOUT || header.engine !== this.engine || header.byteOrder !== BYTE_ORDER) {
			return discard('was made by another version of Diplomatic Letters');
		}
		const payload = bytes.subarray(headerEnd + 1);
		if (payload.length !== header.bytes || typeof header.checksum !== 'string' || (checksum ?? PayloadChecksum.of(payload, header.checksum)) !== header.checksum) {
			return discard('is corrupt (its content does not match its checksum)');
		}
		try {
			const stored = decodePayload(payload);
			return { paths: stored.paths, entryOf: stored.entryOf, stamps: stored.stamps, hashes: stored.hashes, entries: decodeStoredForm(stored.entries) as LetterSummary[] };
		} catch {
			return discard('is corrupt');
		}
	}
}
