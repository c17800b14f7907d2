/**
 * Keeps the workspace index current: letters read from the workspace folders in the background (time-sliced, so
 * requests are answered while it runs), open documents over their disk content, and file events. Open documents are
 * parsed lazily, once per version, when a feature or the diagnostics need them.
 */
import { relative, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { TextReplacement } from '../engine/annotations';
import type { ReferenceData } from '../engine/sessions/referenceData';
import { parseLetter } from '../engine/letter/parseLetter';
import type { LetterFileOptions } from '../node/letterFiles';
import { DEFAULT_LETTER_FILE_OPTIONS, findLetterFiles, globToRegExp, matchesAny, readLetterFile } from '../node/letterFiles';
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
	/** The identity a letter's sidecar gives it (`document.symbol`): the sidecar owner's answer. */
	sidecarSymbolOf(letterPath: string): string | undefined;
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

/** Yields to the event loop so that pending messages are handled. */
function yieldToEventLoop(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** How long one indexing slice may run before yielding (ms). */
const SLICE_MS = 8;

/** The index and the open documents over it. */
export class LetterStore {
	readonly index: LetterIndex;
	private readonly openDocuments = new Map<string, TextDocument>();
	private readonly parsedVersions = new Map<string, number>();
	private readonly diskFiles = new Set<string>();
	private folders: { readonly uri: string; readonly path: string; readonly options: LetterFileOptions }[] = [];
	private generation = 0;
	private indexingDone = false;
	private progress: IndexingProgress = { indexed: 0, total: 0 };

	constructor(private readonly data: ReferenceData, private readonly events: LetterStoreEvents) {
		this.index = new LetterIndex(data);
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
		return { uri: key, replacements };
	}

	/** A document was closed: its disk content (when it is a workspace letter file) takes over again. */
	close(uri: string): string {
		const key = normaliseUri(uri);
		this.openDocuments.delete(key);
		this.parsedVersions.delete(key);
		if (!this.readFromDisk(key)) {
			this.index.delete(key);
		}
		this.events.onIndexChanged([key]);
		return key;
	}

	/**
	 * Re-parses every open document edited since it was last parsed (each version is parsed once); returns the URIs
	 * whose indexing changed (an edit that leaves symbols, dates and citations alone only refreshes the document's own
	 * ranges). Features call it before they read the index.
	 */
	reparseEditedDocuments(): string[] {
		const changed: string[] = [];
		for (const [uri, document] of this.openDocuments) {
			if (this.parsedVersions.get(uri) !== document.version) {
				if (this.index.update(uri, parseLetter(document.getText(), this.data), { sidecarSymbol: this.sidecarSymbolOf(uri) })) {
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
		this.indexingDone = false;
		this.folders = folders.flatMap((folder) => {
			const path = pathOfUri(folder.uri);
			return path === undefined ? [] : [{ uri: folder.uri, path, options: folder.options }];
		});
		for (const uri of this.diskFiles) {
			if (!this.openDocuments.has(uri)) {
				this.index.delete(uri);
			}
		}
		this.diskFiles.clear();
		const found = this.folders.flatMap((folder) => {
			try {
				return findLetterFiles([folder.path], folder.options).map((file) => ({ path: file.path, options: folder.options }));
			} catch {
				return [];
			}
		});
		this.progress = { indexed: 0, total: found.length };
		this.events.onProgress(this.progress);
		let sliceStart = Date.now();
		let lastReport = sliceStart;
		for (let i = 0; i < found.length; i++) {
			if (Date.now() - sliceStart >= SLICE_MS) {
				await yieldToEventLoop();
				if (generation !== this.generation) {
					return false;
				}
				sliceStart = Date.now();
			}
			const file = found[i];
			const uri = URI.file(file.path).toString();
			if (!this.openDocuments.has(uri)) {
				this.readPath(uri, file.path, file.options.maxFileSize);
			}
			this.diskFiles.add(uri);
			this.progress = { indexed: i + 1, total: found.length };
			if (sliceStart - lastReport >= 200) {
				lastReport = sliceStart;
				this.events.onProgress(this.progress);
			}
		}
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
			this.index.setParsed(letterUri, entry.letter, { sidecarSymbol: symbol });
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
		const outcome = readLetterFile(path, maxFileSize);
		if (!outcome.ok) {
			this.index.delete(uri);
			this.events.onSkipped(path, outcome.reason);
			return false;
		}
		this.index.set(uri, outcome.text, { sidecarSymbol: this.events.sidecarSymbolOf(path) });
		return true;
	}
}
