/**
 * The candidate letters of the workspace folders with their file stamps, found on a thread of their own
 * (`dist/scanWorker.js`) while the calling thread reads the persistent index back: a restart's walk and `stat` of
 * every file then overlap the store's decode instead of coming before it (ARCHITECTURE.md, "The persistent index").
 * The worker answers with a few flat values per folder — the paths and display paths each joined into one string, a
 * byte of flags and four numbers of stamp per file — which cross threads at the cost of a copy, not of one object per
 * file. When the worker cannot run (no script beside this one, run from the sources; a failure to start), the folders
 * are scanned on the calling thread: the result is the same.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FoundFile, LetterFileOptions } from './letterFiles';
import { findLetterFiles } from './letterFiles';
import type { FileStamp } from './fileStamps';
import { fileStamp } from './fileStamps';

/** The scan worker's script, beside this bundle. */
export const SCAN_WORKER_SCRIPT = join(__dirname, 'scanWorker.js');

/** A folder to scan, with the rules of its candidate files. */
export interface FolderToScan {
	readonly path: string;
	readonly options: LetterFileOptions;
}

/** A candidate file found, with its stamp when it was looked at (undefined: not a regular file any more, or gone). */
export interface ScannedFile extends FoundFile {
	readonly stamp: FileStamp | undefined;
}

/** One folder's scan as it crosses threads. */
export interface PackedScan {
	readonly count: number;
	/** The paths, then the display paths, each joined by NUL (which no path holds). */
	readonly paths: string;
	readonly displayPaths: string;
	/** Per file: 1 when given explicitly, 2 when `sidecarUnlisted`. */
	readonly flags: Uint8Array;
	/** Per file: size (NaN without a stamp), modification time, change time, inode. */
	readonly stamps: Float64Array;
}

const EXPLICIT = 1;
const SIDECAR_UNLISTED = 2;

/** The candidate files of a folder with their stamps, scanned on this thread; none when the folder cannot be walked. */
export function scanHere(folder: FolderToScan): ScannedFile[] {
	let files: FoundFile[];
	try {
		files = findLetterFiles([folder.path], folder.options);
	} catch {
		return [];
	}
	return files.map((file) => ({ ...file, stamp: fileStamp(file.path) }));
}

/** The flat form of a folder's scan. */
export function packScan(files: readonly ScannedFile[]): PackedScan {
	const flags = new Uint8Array(files.length);
	const stamps = new Float64Array(files.length * 4);
	files.forEach((file, at) => {
		flags[at] = (file.explicit ? EXPLICIT : 0) | (file.sidecarUnlisted === true ? SIDECAR_UNLISTED : 0);
		const stamp = file.stamp;
		stamps.set(stamp === undefined ? [Number.NaN, 0, 0, 0] : [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino], at * 4);
	});
	return { count: files.length, paths: files.map((file) => file.path).join('\0'), displayPaths: files.map((file) => file.displayPath).join('\0'), flags, stamps };
}

/** The scan a {@link PackedScan} holds, as {@link scanHere} gave it. */
export function unpackScan(packed: PackedScan): ScannedFile[] {
	if (packed.count === 0) {
		return [];
	}
	const paths = packed.paths.split('\0');
	const displayPaths = packed.displayPaths.split('\0');
	const files = new Array<ScannedFile>(packed.count);
	for (let at = 0; at < packed.count; at++) {
		const flags = packed.flags[at];
		const size = packed.stamps[at * 4];
		const stamp = Number.isNaN(size) ? undefined : { size, mtimeMs: packed.stamps[at * 4 + 1], ctimeMs: packed.stamps[at * 4 + 2], ino: packed.stamps[at * 4 + 3] };
		const explicit = (flags & EXPLICIT) !== 0;
		// One object a file, its keys in the order the walk gives them (no spread: 100,000 of them at a restart).
		files[at] = (flags & SIDECAR_UNLISTED) !== 0
			? { path: paths[at], displayPath: displayPaths[at], explicit, sidecarUnlisted: true, stamp }
			: { path: paths[at], displayPath: displayPaths[at], explicit, stamp };
	}
	return files;
}

/**
 * The candidate files of each folder with their stamps (in the folders' order), scanned by a worker thread so that
 * the caller's thread is free meanwhile; on this thread when the worker cannot run.
 */
export function scanFolders(folders: readonly FolderToScan[], script = SCAN_WORKER_SCRIPT): Promise<ScannedFile[][]> {
	const here = () => folders.map(scanHere);
	if (folders.length === 0) {
		return Promise.resolve([]);
	}
	let worker: Worker;
	try {
		worker = new Worker(script, { workerData: folders.map(({ path, options }) => ({ path, options })) });
	} catch {
		return Promise.resolve(here());
	}
	worker.unref();
	return new Promise((resolve) => {
		let answered = false;
		const answer = (scans: () => ScannedFile[][]) => {
			if (!answered) {
				answered = true;
				resolve(scans());
			}
		};
		worker.once('message', (packed: readonly PackedScan[]) => answer(() => packed.map(unpackScan)));
		// A worker that fails (its script missing: run from the sources) or ends without answering: scanned here.
		worker.once('error', () => answer(here));
		worker.once('exit', () => answer(here));
	});
}
