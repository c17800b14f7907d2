/**
 * File stamps: what the file system says of a file's content without reading it, as the persistent index keeps them
 * (`summaryStore.ts`) and the folder scan takes them (`folderScan.ts`). A module of its own so that the scan worker
 * loads nothing else.
 */
import { statSync } from 'node:fs';

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

/** True when two stamps are the same. */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
	return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}
