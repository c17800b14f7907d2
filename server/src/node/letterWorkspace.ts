import { resolve } from 'node:path';
import type { InvalidSidecar, Sidecar } from '../engine/annotations';
import type { ReferenceData } from '../engine/sessions/referenceData';
import type { LetterSummary } from '../engine/workspace/letterSummary';
import { LetterIndex } from '../engine/workspace/letterIndex';
import { engineVersion } from './engineVersion';
import type { FoundFile, LetterFileOptions } from './letterFiles';
import { findLetterFiles, readLetterFile } from './letterFiles';
import type { LetterReadRequest, SidecarReport } from './letterReader';
import { ReaderPool, workerCount } from './readerPool';
import { readSidecarFileSync, sidecarSymbolOf } from './sidecarFiles';
import type { FileStamp } from './summaryStore';
import { fileStamp, indexFileFor, settledStamp, SummaryStore, userCacheFolder } from './summaryStore';

/** A candidate file that was read and indexed. */
export interface IndexedFile extends FoundFile {
	readonly uri: string;
}

/** The letters under some paths, read from disk and indexed. */
export interface LoadedWorkspace {
	readonly index: LetterIndex;
	readonly files: readonly IndexedFile[];
	readonly skipped: readonly (FoundFile & { readonly reason: string })[];
}

/**
 * The parsed sidecar of a letter, when it has one (read safely: a sidecar that cannot be read — not UTF-8, too large,
 * a named pipe — is an invalid one here, with the reason as its problem).
 */
export function readSidecar(letterPath: string): { readonly ok: true; readonly sidecar: Sidecar } | InvalidSidecar | undefined {
	const state = readSidecarFileSync(letterPath);
	switch (state.kind) {
		case 'missing':
			return undefined;
		case 'unreadable':
			return { ok: false, problems: [{ message: `the sidecar ${state.reason}`, range: { start: 0, end: 0 }, line: 1, column: 1 }] };
		case 'invalid':
			return { ok: false, problems: state.problems };
		case 'valid':
			return { ok: true, sidecar: state.sidecar };
	}
}

/**
 * Reads `document.symbol` from a letter's sidecar (read safely and parsed by the annotation engine), when the sidecar
 * exists and says so; a sidecar that cannot be read, parse or validate gives nothing here (`sidecar-invalid` reports it).
 */
export function readSidecarSymbol(letterPath: string): string | undefined {
	return sidecarSymbolOf(readSidecarFileSync(letterPath));
}

/** The candidate files under the paths, each once (the same file reached twice — `dir` and `./dir/` — counts once). */
function candidateFiles(paths: readonly string[], options: LetterFileOptions, skipped: (FoundFile & { reason: string })[]): FoundFile[] {
	const seen = new Set<string>();
	const skipFolder = (folder: string, reason: string) => skipped.push({ path: folder, displayPath: `${folder}/`, explicit: false, reason });
	return findLetterFiles(paths, options, skipFolder).filter((file) => {
		const absolute = resolve(file.path);
		if (seen.has(absolute)) {
			return false;
		}
		seen.add(absolute);
		return true;
	});
}

/** The letters under some paths as the command line reads them: indexed by their compact entries, with their sidecars. */
export interface ReadWorkspace extends LoadedWorkspace {
	/** The sidecar of each letter that has one (by the file's identifier in the index). */
	readonly sidecars: ReadonlyMap<string, SidecarReport>;
}

/** How {@link readLetterWorkspace} reads. */
export interface WorkspaceReadOptions {
	/** Keep the entries in the user's cache folder between runs (`check --cache`); log lines go to `log`. */
	readonly cache?: { readonly program: string; readonly log: (line: string) => void; readonly folder?: string };
	/** Worker threads besides the calling thread (default: one per other core for a large folder, `DIPLOMATIC_LETTERS_WORKERS` to force). */
	readonly threads?: number;
	/**
	 * The order the results are put in the index, by the files' order (default: as they are ready). The answers never
	 * depend on it; tests pass a shuffled order to show it.
	 */
	readonly indexOrder?: (files: number) => readonly number[];
}

/**
 * Finds and reads every candidate letter under the paths, over the cores, into an index of compact entries (the full
 * models are not kept: features that need one read the file again), with each letter's sidecar. Unreadable files are
 * reported in `skipped`, in path order.
 */
export async function readLetterWorkspace(paths: readonly string[], options: LetterFileOptions, data: ReferenceData, read: WorkspaceReadOptions = {}): Promise<ReadWorkspace> {
	const index = new LetterIndex(data, { textOf: (uri) => {
		const outcome = readLetterFile(uri, options.maxFileSize);
		return outcome.ok ? outcome.text : undefined;
	} });
	const skipped: (FoundFile & { reason: string })[] = [];
	const found = candidateFiles(paths, options, skipped);
	const file = read.cache && indexFileFor(read.cache.folder ?? userCacheFolder(), read.cache.program, paths);
	const store = read.cache && file ? new SummaryStore(file, engineVersion(), read.cache.log) : undefined;
	const outcomes = new Array<{ readonly kind: 'skipped'; readonly reason: string } | { readonly kind: 'read'; readonly summary: LetterSummary; readonly sidecar?: SidecarReport } | undefined>(found.length);
	const enter = (at: number): LetterSummary | undefined => {
		const outcome = outcomes[at];
		return outcome?.kind === 'read' ? index.setSummary(found[at].path, outcome.summary, { sidecarSymbol: outcome.sidecar?.symbol }).summary : undefined;
	};
	const take = (at: number, summary: LetterSummary, hash: string | undefined, sidecar: SidecarReport | undefined, stamp: FileStamp | undefined) => {
		outcomes[at] = { kind: 'read', summary, sidecar };
		// The index's copy shares its symbols with the other letters', so the stored file writes each symbol once; it
		// replaces the copy that came from the reading thread, which would otherwise be held until the end beside it.
		const indexed = read.indexOrder ? summary : enter(at) ?? summary;
		if (indexed !== summary) {
			outcomes[at] = { kind: 'read', summary: indexed, sidecar };
		}
		if (hash !== undefined) {
			store?.put(resolve(found[at].path), hash, indexed, stamp);
		}
	};
	// A letter without a sidecar whose stamp is the one stored with its entry is taken from the store unread (a letter
	// whose folder listing had no sidecar of its name is not looked at again for one).
	const statsTakenAt = Date.now();
	const stamps = store ? found.map((candidate) => fileStamp(candidate.path)) : [];
	const toRead: number[] = [];
	const unchanged: { at: number; hash: string; summary: LetterSummary }[] = [];
	found.forEach((candidate, at) => {
		const stamp = stamps[at];
		const hash = stamp !== undefined && stamp.size <= options.maxFileSize ? store?.unchanged(resolve(candidate.path), stamp) : undefined;
		const summary = hash === undefined ? undefined : store?.get(hash);
		if (hash !== undefined && summary !== undefined && (candidate.sidecarUnlisted === true || readSidecarFileSync(candidate.path).kind === 'missing')) {
			unchanged.push({ at, hash, summary });
		} else {
			toRead.push(at);
		}
	});
	// A file found in a folder was listed there as a regular file (the walk keeps only those); a named one may be anything.
	const requests: LetterReadRequest[] = toRead.map((at) => ({ path: found[at].path, maxFileSize: options.maxFileSize, knownHash: store?.hashOf(resolve(found[at].path)), hash: store !== undefined, sidecar: found[at].sidecarUnlisted !== true, listedAsFile: !found[at].explicit }));
	// The calling thread has nothing else to do meanwhile: it reads too, with a worker for each other core.
	const pool = new ReaderPool(read.threads ?? workerCount(requests.length, undefined, true), data, { help: true });
	try {
		// The workers start on the files to read while this thread indexes the unchanged ones.
		const reading = pool.read(requests, (results) => {
			for (const { at: request, result } of results) {
				const at = toRead[request];
				const summary = result.kind === 'read' ? result.summary ?? (result.hash === undefined ? undefined : store?.get(result.hash)) : undefined;
				if (result.kind === 'skipped' || summary === undefined) {
					outcomes[at] = { kind: 'skipped', reason: result.kind === 'skipped' ? result.reason : 'cannot be read' };
				} else {
					take(at, summary, result.hash, result.sidecar, settledStamp(stamps[at], statsTakenAt));
				}
			}
		});
		for (const { at, hash, summary } of unchanged) {
			take(at, summary, hash, undefined, stamps[at]);
		}
		await reading;
	} finally {
		await pool.close();
	}
	read.indexOrder?.(found.length).forEach((at) => enter(at));
	store?.save(new Set(found.map((candidate) => resolve(candidate.path))));
	const files: IndexedFile[] = [];
	const sidecars = new Map<string, SidecarReport>();
	found.forEach((candidate, at) => {
		const outcome = outcomes[at];
		if (outcome?.kind === 'skipped') {
			skipped.push({ ...candidate, reason: outcome.reason });
		} else if (outcome?.kind === 'read') {
			files.push({ ...candidate, uri: candidate.path });
			if (outcome.sidecar) {
				sidecars.set(candidate.path, outcome.sidecar);
			}
		}
	});
	return { index, files, skipped, sidecars };
}

/** Finds, reads and indexes every candidate letter under the paths, keeping their full models. Unreadable files are reported in `skipped`. */
export function loadLetterWorkspace(paths: readonly string[], options: LetterFileOptions, data: ReferenceData): LoadedWorkspace {
	const index = new LetterIndex(data);
	const files: IndexedFile[] = [];
	const skipped: (FoundFile & { reason: string })[] = [];
	const seen = new Set<string>();
	const skipFolder = (folder: string, reason: string) => skipped.push({ path: folder, displayPath: `${folder}/`, explicit: false, reason });
	for (const file of findLetterFiles(paths, options, skipFolder)) {
		// The same file reached twice (a folder and a file in it, `dir` and `./dir/`) is read and reported once.
		const absolute = resolve(file.path);
		if (seen.has(absolute)) {
			continue;
		}
		seen.add(absolute);
		const outcome = readLetterFile(file.path, options.maxFileSize);
		if (!outcome.ok) {
			skipped.push({ ...file, reason: outcome.reason });
			continue;
		}
		const uri = file.path;
		index.set(uri, outcome.text, { sidecarSymbol: readSidecarSymbol(file.path) });
		files.push({ ...file, uri });
	}
	return { index, files, skipped };
}
