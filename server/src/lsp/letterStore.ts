/**
 * Keeps the workspace index current: letters read from the workspace folders in the background (over the cores, by
 * the reader pool; results are indexed batch by batch, so requests are answered while it runs), open documents over
 * their disk content, and file events. Closed letters are held by their compact entries, stored between runs in the
 * persistent index (so a restart reads again only what changed); open documents are parsed lazily, once per version,
 * when a feature or the diagnostics need them.
 */
import { relative, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { TextReplacement } from '../engine/annotations';
import type { ReferenceData } from '../engine/sessions/referenceData';
import { IncrementalLetterParser } from '../engine/letter/incrementalParse';
import { engineVersion } from '../node/engineVersion';
import type { FoundFile, LetterFileOptions } from '../node/letterFiles';
import { scanFolders } from '../node/folderScan';
import { DEFAULT_LETTER_FILE_OPTIONS, findLetterFiles, globToRegExp, letterText, matchesAny } from '../node/letterFiles';
import type { LetterReadResult } from '../node/letterReader';
import type { LetterSummary } from '../engine/workspace/letterSummary';
import { contentHash, readLetterForIndex } from '../node/letterReader';
import { ReaderPool, workerCount } from '../node/readerPool';
import type { FileStamp } from '../node/summaryStore';
import { fileStamp, indexFileFor, settledStamp, SummaryStore, userCacheFolder } from '../node/summaryStore';
import { decodeText, readFileBytesSync } from '../node/textFiles';
import { LetterIndex } from '../engine/workspace/letterIndex';

/** The suffix of annotation sidecars (SPEC). */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/** Progress of the background indexing. */
export interface IndexingProgress {
	readonly indexed: number;
	readonly total: number;
}

/** What the store tells its owner. */
export interface LetterStoreEvents {
	/** Files were added, changed or removed in the index (cross-file effects are the listener's business). */
	onIndexChanged(uris: readonly string[]): void;
	onProgress(progress: IndexingProgress): void;
	/** A candidate file was not read (too large, binary, not UTF-8, unreadable). */
	onSkipped(path: string, reason: string): void;
	/**
	 * The identity a letter's sidecar gives it (`document.symbol`): the sidecar owner's answer. `unlisted` when the
	 * walk of the folders just saw no sidecar of that name: the owner need not look on disk for one it does not hold.
	 */
	sidecarSymbolOf(letterPath: string, unlisted?: boolean): string | undefined;
	/** A line for the server's log (the persistent index discarded, or not stored). */
	log(line: string): void;
}

/** Where the store keeps the persistent index. */
export interface LetterStoreOptions {
	/** The folder the client gives for this workspace's data (VS Code's workspace storage); else the user's cache folder. */
	readonly storage?: string;
}

/** Normalises a URI string so that the same file always has the same key. */
export function normaliseUri(uri: string): string {
	try {
		return URI.parse(uri).toString();
	} catch {
		return uri;
	}
}

/** The file system path of a `file:` URI, or undefined for other schemes. */
export function pathOfUri(uri: string): string | undefined {
	try {
		const parsed = URI.parse(uri);
		return parsed.scheme === 'file' ? parsed.fsPath : undefined;
	} catch {
		return undefined;
	}
}

/** A relative path that `URI.file` writes as it is: unreserved characters and `/` only, no empty, `.` or `..` segment. */
const PLAIN_PATH = /^(?:(?!\.\.?(?:\/|$))[A-Za-z0-9._~-]+(?:\/|$))+$/;

/**
 * The `file:` URI of each file found under a folder, as `URI.file(path).toString()` gives it: the folder's URI once,
 * and a plain relative path appended to it, rather than a URI object parsed and written for every file.
 */
export function fileUris(folder: string): (file: FoundFile) => string {
	const base = URI.file(folder).toString();
	return (file) => (!file.explicit && !base.endsWith('/') && PLAIN_PATH.test(file.displayPath) ? `${base}/${file.displayPath}` : URI.file(file.path).toString());
}

/** How long one slice of indexing stored entries may run before requests are answered (ms). */
const SLICE_MS = 8;

/** How many items {@link sliced} gives its work at once. */
const BATCH = 64;

/**
 * Runs `work` on the items, a batch of at most {@link BATCH} at a time, in slices of {@link SLICE_MS}, yielding to the
 * event loop between them; `between` may stop it.
 */
async function sliced<T>(items: readonly T[], work: (batch: readonly T[]) => void, between: () => boolean): Promise<void> {
	let sliceStart = Date.now();
	for (let at = 0; at < items.length; at += BATCH) {
		if (Date.now() - sliceStart >= SLICE_MS) {
			if (between()) {
				return;
			}
			await new Promise((resolve) => setImmediate(resolve));
			if (between()) {
				return;
			}
			sliceStart = Date.now();
		}
		work(items.slice(at, at + BATCH));
	}
	between();
}

/** How long after a change on disk the persistent index is written (ms): a burst of changes is written once. */
const SAVE_DELAY_MS = 2000;

/** How long no feature must have read the index before the next slice of the persistent index's write runs (ms). */
const WRITE_IDLE_MS = 50;

/** The index and the open documents over it. */
export class LetterStore {
	readonly index: LetterIndex;
	private readonly openDocuments = new Map<string, TextDocument>();
	private readonly parsedVersions = new Map<string, number>();
	/** Each open document's parser: a new version is scanned again only around what changed since the last one. */
	private readonly parsers = new Map<string, IncrementalLetterParser>();
	private readonly diskFiles = new Set<string>();
	/** The hash of the disk content each closed letter was indexed from (to read it again only as it was). */
	private readonly indexedHashes = new Map<string, string>();
	/** Files read or forgotten one by one while the folders are indexed: the pool's older reads of them are dropped. */
	private readonly readMeanwhile = new Set<string>();
	private folders: { readonly uri: string; readonly path: string; readonly options: LetterFileOptions }[] = [];
	private generation = 0;
	private indexingDone = false;
	private progress: IndexingProgress = { indexed: 0, total: 0 };
	private summaries: SummaryStore | undefined;
	private saveTimer: NodeJS.Timeout | undefined;
	/** When a feature last read the index or a document was edited (the store's write waits for a pause in them). */
	private lastActivity = 0;
	/** True once the store's write is to finish without waiting (the server is shutting down). */
	private flushing = false;

	constructor(private readonly data: ReferenceData, private readonly events: LetterStoreEvents, private readonly options: LetterStoreOptions = {}) {
		this.index = new LetterIndex(data, { textOf: (uri) => this.textOf(uri) });
	}

	/**
	 * The text of a letter as it is indexed: an open document's, else the file's when it still has the content it was
	 * indexed from (when it changed, the file is read again shortly and nothing is returned now).
	 */
	textOf(uri: string): string | undefined {
		const key = normaliseUri(uri);
		const open = this.openDocuments.get(key);
		if (open) {
			return open.getText();
		}
		const path = pathOfUri(key);
		const indexed = this.indexedHashes.get(key);
		if (path === undefined || indexed === undefined) {
			return undefined;
		}
		const read = readFileBytesSync(path, this.maxFileSizeOf(path));
		const decoded = read.kind === 'bytes' && contentHash(read.bytes) === indexed ? decodeText(read.bytes) : undefined;
		if (!decoded?.ok) {
			setImmediate(() => this.fileChanged(key));
			return undefined;
		}
		return letterText(decoded.text);
	}

	/** True once the folders have been read completely (and until a re-index starts). */
	get isIndexed(): boolean {
		return this.indexingDone;
	}

	/** Files read so far and files found. */
	get indexingProgress(): IndexingProgress {
		return this.progress;
	}

	/** The workspace folders being indexed, with their file options. */
	get indexedFolders(): readonly { readonly uri: string; readonly path: string; readonly options: LetterFileOptions }[] {
		return this.folders;
	}

	/** The size limit of files under a path (its folder's `maxFileSizeKB`, else the default). */
	maxFileSizeOf(path: string): number {
		const folder = this.folders.find((candidate) => {
			const rel = relative(candidate.path, path);
			return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
		});
		return folder?.options.maxFileSize ?? DEFAULT_LETTER_FILE_OPTIONS.maxFileSize;
	}

	/** The open document at a URI. */
	openDocument(uri: string): TextDocument | undefined {
		return this.openDocuments.get(normaliseUri(uri));
	}

	/** Every open document. */
	openUris(): string[] {
		return [...this.openDocuments.keys()];
	}

	/** A document was opened: it overrides the disk content from now on. */
	open(uri: string, languageId: string, version: number, text: string): string {
		const key = normaliseUri(uri);
		this.openDocuments.set(key, TextDocument.create(key, languageId, version, text));
		this.parsedVersions.delete(key);
		this.parsers.set(key, new IncrementalLetterParser(this.data));
		return key;
	}

	/**
	 * An open document changed; it is parsed again when next needed. Returns the URI and each change as a replacement
	 * of UTF-16 offsets in the text before it (what annotations follow).
	 */
	change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): { uri: string; replacements: TextReplacement[] } | undefined {
		const key = normaliseUri(uri);
		let document = this.openDocuments.get(key);
		if (!document) {
			return undefined;
		}
		const replacements: TextReplacement[] = [];
		for (const change of changes) {
			const range = 'range' in change ? change.range : undefined;
			const start = range ? document.offsetAt(range.start) : 0;
			const end = range ? document.offsetAt(range.end) : document.getText().length;
			replacements.push({ start, end, newText: change.text });
			document = TextDocument.update(document, [change], version);
		}
		this.openDocuments.set(key, document);
		this.lastActivity = Date.now();
		return { uri: key, replacements };
	}

	/** A document was closed: its disk content (when it is a workspace letter file) takes over again. */
	close(uri: string): string {
		const key = normaliseUri(uri);
		this.openDocuments.delete(key);
		this.parsedVersions.delete(key);
		this.parsers.delete(key);
		this.index.release(key);
		if (!this.readFromDisk(key)) {
			this.index.delete(key);
		}
		this.events.onIndexChanged([key]);
		return key;
	}

	/**
	 * Re-parses every open document edited since it was last parsed (each version is parsed once, scanned again only
	 * around what changed since the previous version: see `IncrementalLetterParser`); returns the URIs
	 * whose indexing changed (an edit that leaves symbols, dates and citations alone only refreshes the document's own
	 * ranges). Features call it before they read the index.
	 */
	reparseEditedDocuments(): string[] {
		this.lastActivity = Date.now();
		const changed: string[] = [];
		for (const [uri, document] of this.openDocuments) {
			if (this.parsedVersions.get(uri) !== document.version) {
				let parser = this.parsers.get(uri);
				if (!parser) {
					parser = new IncrementalLetterParser(this.data);
					this.parsers.set(uri, parser);
				}
				if (this.index.update(uri, parser.parse(document.getText()), { sidecarSymbol: this.sidecarSymbolOf(uri), open: true })) {
					changed.push(uri);
				}
				this.parsedVersions.set(uri, document.version);
			}
		}
		if (changed.length > 0) {
			this.events.onIndexChanged(changed);
		}
		return changed;
	}

	/** Reads the workspace folders into the index (replacing what was read before). Resolves true when done, false when superseded. */
	async indexFolders(folders: readonly { uri: string; options: LetterFileOptions }[]): Promise<boolean> {
		const generation = ++this.generation;
		const started = Date.now();
		this.indexingDone = false;
		this.folders = folders.flatMap((folder) => {
			const path = pathOfUri(folder.uri);
			return path === undefined ? [] : [{ uri: folder.uri, path, options: folder.options }];
		});
		for (const uri of this.diskFiles) {
			if (!this.openDocuments.has(uri)) {
				this.index.delete(uri);
				this.indexedHashes.delete(uri);
			}
		}
		this.diskFiles.clear();
		this.readMeanwhile.clear();
		// The folders are walked and their files stamped by a worker thread while this one reads the stored index back.
		this.summaries = undefined;
		const statsTakenAt = Date.now();
		const scanning = scanFolders(this.folders);
		const file = indexFileFor(this.options.storage ?? userCacheFolder(), 'server', this.folders.map((folder) => folder.path));
		const opening = file === undefined ? undefined : SummaryStore.open(file, engineVersion(), (line) => this.events.log(line));
		const [scanned, summaries] = await Promise.all([scanning, opening]);
		const superseded = () => generation !== this.generation;
		if (superseded()) {
			return false;
		}
		const found = this.folders.flatMap((folder, at) => {
			const uriOf = fileUris(folder.path);
			return scanned[at].map((file) => ({ path: file.path, uri: uriOf(file), options: folder.options, sidecarUnlisted: file.sidecarUnlisted === true, listed: !file.explicit }));
		});
		const stamps = scanned.flatMap((files) => files.map((scannedFile) => scannedFile.stamp));
		this.summaries = summaries;
		this.progress = { indexed: 0, total: found.length };
		this.events.onProgress(this.progress);
		let lastReport = Date.now();
		let indexed = 0;
		let stored = 0;
		const take = (at: number, result: LetterReadResult, stamp: FileStamp | undefined) => {
			const candidate = found[at];
			if (!this.openDocuments.has(candidate.uri) && !this.readMeanwhile.has(candidate.uri)) {
				this.apply(candidate.uri, candidate.path, result, stamp, candidate.sidecarUnlisted);
			} else if (result.kind === 'read' && result.summary !== undefined && result.hash !== undefined) {
				// An open letter is indexed from its open text; its file's entry is still stored for the next run.
				summaries?.put(candidate.path, result.hash, result.summary, stamp);
			}
			stored += result.kind === 'read' && result.summary === undefined ? 1 : 0;
			this.diskFiles.add(candidate.uri);
			indexed++;
		};
		// Files taken from the store unread, a batch at a time: indexed together (`LetterIndex.setSummaries`).
		const takeUnchanged = (batch: readonly { readonly at: number; readonly hash: string }[]) => {
			const taken: { readonly at: number; readonly hash: string; readonly summary: LetterSummary }[] = [];
			for (const { at, hash } of batch) {
				const candidate = found[at];
				const summary = summaries?.get(hash);
				if (this.openDocuments.has(candidate.uri) || this.readMeanwhile.has(candidate.uri)) {
					stored++;
					this.diskFiles.add(candidate.uri);
					indexed++;
				} else if (summary === undefined) {
					take(at, { kind: 'read', hash }, stamps[at]);
				} else {
					taken.push({ at, hash, summary });
				}
			}
			const held = this.index.setSummaries(taken.map(({ at, summary }) => ({ uri: found[at].uri, summary, options: { sidecarSymbol: this.events.sidecarSymbolOf(found[at].path, found[at].sidecarUnlisted) } })), true);
			taken.forEach(({ at, hash }, item) => {
				const candidate = found[at];
				this.indexedHashes.set(candidate.uri, hash);
				// The index's copy shares its symbols with the other letters', so the stored file writes each symbol once.
				summaries?.put(candidate.path, hash, held[item].summary, stamps[at]);
				stored++;
				this.diskFiles.add(candidate.uri);
				indexed++;
			});
		};
		const reported = () => {
			this.progress = { indexed, total: found.length };
			if (Date.now() - lastReport >= 200) {
				lastReport = Date.now();
				this.events.onProgress(this.progress);
			}
		};
		// A file whose stamp is the one stored with its entry is taken from the store unread; the others are read.
		const unchanged: { at: number; hash: string }[] = [];
		const toRead: number[] = [];
		found.forEach((candidate, at) => {
			const stamp = stamps[at];
			const hash = stamp !== undefined && stamp.size <= candidate.options.maxFileSize ? summaries?.unchanged(candidate.path, stamp) : undefined;
			if (hash === undefined) {
				toRead.push(at);
			} else {
				unchanged.push({ at, hash });
			}
		});
		const pool = new ReaderPool(workerCount(toRead.length), this.data);
		const threads = pool.threads;
		try {
			await Promise.all([
				sliced(unchanged, takeUnchanged, () => {
					reported();
					return superseded();
				}),
				// A file the walk listed as a regular file is opened at once (no `lstat` first), as the command line reads it.
				pool.read(toRead.map((at) => ({ path: found[at].path, maxFileSize: found[at].options.maxFileSize, knownHash: summaries?.hashOf(found[at].path), hash: true, sidecar: false, listedAsFile: found[at].listed })), (results) => {
					if (superseded()) {
						return;
					}
					for (const { at, result } of results) {
						take(toRead[at], result, settledStamp(stamps[toRead[at]], statsTakenAt));
					}
					reported();
				}, superseded),
			]);
		} finally {
			// The worker threads are gone before "ready": their heaps are given back, not held beside the index.
			await pool.close({ untilEnded: true });
		}
		if (superseded()) {
			return false;
		}
		// Written after "ready", in slices while no feature reads the index; its buffers are given back as it ends.
		this.writeStore(new Set(found.map((candidate) => candidate.path)));
		const hashed = stored - unchanged.length;
		this.events.log(`Indexed ${found.length} files in ${Date.now() - started} ms: ${found.length - stored} read, ${stored} unchanged since the stored index (${unchanged.length} by their size and times, ${hashed} by their content)${threads > 0 ? ` (${threads} worker threads)` : ''}.`);
		this.indexingDone = true;
		this.events.onProgress(this.progress);
		this.events.onIndexChanged([]);
		return true;
	}

	/** A watched file was created or changed on disk. */
	fileChanged(uri: string): void {
		const key = normaliseUri(uri);
		if (key.endsWith(SIDECAR_SUFFIX)) {
			this.sidecarChanged(key.slice(0, -SIDECAR_SUFFIX.length));
			return;
		}
		if (this.openDocuments.has(key)) {
			return;
		}
		const folder = this.folderOf(key);
		if (!folder) {
			return;
		}
		if (this.readFromDisk(key)) {
			this.diskFiles.add(key);
		} else {
			this.diskFiles.delete(key);
			this.index.delete(key);
			this.indexedHashes.delete(key);
		}
		this.events.onIndexChanged([key]);
	}

	/** A watched file was deleted (a rename is a delete and a create). */
	fileDeleted(uri: string): void {
		const key = normaliseUri(uri);
		if (key.endsWith(SIDECAR_SUFFIX)) {
			this.sidecarChanged(key.slice(0, -SIDECAR_SUFFIX.length));
			return;
		}
		this.diskFiles.delete(key);
		if (!this.indexingDone) {
			this.readMeanwhile.add(key);
		}
		this.indexedHashes.delete(key);
		this.summaries?.forget(pathOfUri(key) ?? key);
		if (!this.openDocuments.has(key) && this.index.delete(key)) {
			this.events.onIndexChanged([key]);
		}
	}

	/** A folder was renamed: its letters are forgotten at the old paths and read at the new ones. */
	folderRenamed(fromPath: string, toPath: string): void {
		const inside = (folder: string, path: string | undefined) => path !== undefined && (path === folder || path.startsWith(`${folder}${sep}`));
		const changed: string[] = [];
		for (const entry of this.index.all()) {
			if (inside(fromPath, pathOfUri(entry.uri)) && !this.openDocuments.has(entry.uri)) {
				this.index.delete(entry.uri);
				this.diskFiles.delete(entry.uri);
				changed.push(entry.uri);
			}
		}
		const folder = this.folders.find((candidate) => inside(candidate.path, toPath));
		let found: { path: string }[] = [];
		try {
			found = folder === undefined ? [] : findLetterFiles([toPath], folder.options);
		} catch {
			// The folder went away again (or cannot be listed): nothing to read there.
		}
		for (const file of found) {
			const uri = URI.file(file.path).toString();
			if (!this.openDocuments.has(uri) && this.readFromDisk(uri)) {
				this.diskFiles.add(uri);
				changed.push(uri);
			}
		}
		this.events.onIndexChanged(changed);
	}

	/** A letter's sidecar changed: its identity may have. */
	sidecarChanged(letterUri: string): void {
		const entry = this.index.get(letterUri);
		if (!entry) {
			return;
		}
		const symbol = this.sidecarSymbolOf(letterUri);
		if (symbol !== entry.sidecarSymbol) {
			const open = this.openDocuments.has(letterUri);
			const model = open ? this.index.model(letterUri) : undefined;
			if (model) {
				this.index.setParsed(letterUri, model, { sidecarSymbol: symbol, open });
			} else {
				this.index.setSummary(letterUri, entry.summary, { sidecarSymbol: symbol });
			}
			this.events.onIndexChanged([letterUri]);
		}
	}

	private sidecarSymbolOf(uri: string): string | undefined {
		const path = pathOfUri(uri);
		return path === undefined ? undefined : this.events.sidecarSymbolOf(path);
	}

	private folderOf(uri: string): { path: string; options: LetterFileOptions } | undefined {
		const path = pathOfUri(uri);
		if (path === undefined) {
			return undefined;
		}
		return this.folders.find((folder) => {
			const rel = relative(folder.path, path);
			if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) {
				return false;
			}
			const slashed = rel.split(sep).join('/');
			const exclude = folder.options.exclude.map(globToRegExp);
			return matchesAny(slashed, folder.options.include.map(globToRegExp)) && !matchesAny(slashed, exclude)
				&& !slashed.split('/').slice(0, -1).some((_segment, i, parts) => matchesAny(`${parts.slice(0, i + 1).join('/')}/`, exclude));
		});
	}

	/** Reads a workspace letter file from disk into the index; false when it is not one (or cannot be read). */
	private readFromDisk(uri: string): boolean {
		const path = pathOfUri(uri);
		const folder = this.folderOf(uri);
		return path !== undefined && folder !== undefined && this.readPath(uri, path, folder.options.maxFileSize);
	}

	private readPath(uri: string, path: string, maxFileSize: number): boolean {
		if (!this.indexingDone) {
			this.readMeanwhile.add(uri);
		}
		const takenAt = Date.now();
		const stamp = fileStamp(path);
		const read = this.apply(uri, path, readLetterForIndex({ path, maxFileSize, knownHash: this.summaries?.hashOf(path), hash: true, sidecar: false }, this.data), settledStamp(stamp, takenAt));
		this.scheduleSave();
		return read;
	}

	/** Indexes what reading a file gave (its entry, from the read or from the persistent index); false when it was not read. */
	private apply(uri: string, path: string, result: LetterReadResult, stamp?: FileStamp, sidecarUnlisted = false): boolean {
		const summary = result.kind === 'read' ? result.summary ?? (result.hash === undefined ? undefined : this.summaries?.get(result.hash)) : undefined;
		if (result.kind === 'skipped' || summary === undefined || result.hash === undefined) {
			this.index.delete(uri);
			this.indexedHashes.delete(uri);
			this.summaries?.forget(path);
			this.events.onSkipped(path, result.kind === 'skipped' ? result.reason : 'cannot be read');
			return false;
		}
		const entry = this.index.setSummary(uri, summary, { sidecarSymbol: this.events.sidecarSymbolOf(path, sidecarUnlisted) });
		this.indexedHashes.set(uri, result.hash);
		// The index's copy shares its symbols with the other letters', so the stored file writes each symbol once.
		this.summaries?.put(path, result.hash, entry.summary, stamp);
		return true;
	}

	/** Writes the persistent index shortly after changes on disk (once for a burst). */
	private scheduleSave(): void {
		if (this.saveTimer || !this.indexingDone) {
			return;
		}
		this.saveTimer = setTimeout(() => {
			this.saveTimer = undefined;
			this.writeStore(this.presentFiles());
		}, SAVE_DELAY_MS);
		this.saveTimer.unref();
	}

	/** Writes the persistent index in slices, each when no feature has read the index for {@link WRITE_IDLE_MS}. */
	private writeStore(present: ReadonlySet<string> | undefined): void {
		void this.summaries?.saveInSlices(present, async () => {
			await new Promise((resolve) => setImmediate(resolve));
			while (!this.flushing && Date.now() - this.lastActivity < WRITE_IDLE_MS) {
				await new Promise((resolve) => setTimeout(resolve, WRITE_IDLE_MS));
			}
		});
	}

	/** Finishes writing the persistent index without waiting for idle moments (on shutdown); resolves when it is written. */
	async flush(): Promise<void> {
		this.flushing = true;
		if (this.saveTimer) {
			clearTimeout(this.saveTimer);
			this.saveTimer = undefined;
			this.writeStore(this.presentFiles());
		}
		await this.summaries?.settled();
	}

	/** The paths of the letter files on disk, when any are known (the store keeps only those). */
	private presentFiles(): ReadonlySet<string> | undefined {
		return this.diskFiles.size > 0 ? new Set([...this.diskFiles].flatMap((uri) => pathOfUri(uri) ?? [])) : undefined;
	}
}
