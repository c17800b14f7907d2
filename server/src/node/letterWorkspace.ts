import { resolve } from 'node:path';
import type { InvalidSidecar, Sidecar } from '../engine/annotations';
import type { ReferenceData } from '../engine/sessions/referenceData';
import { LetterIndex } from '../engine/workspace/letterIndex';
import type { FoundFile, LetterFileOptions } from './letterFiles';
import { findLetterFiles, readLetterFile } from './letterFiles';
import { readSidecarFileSync, sidecarSymbolOf } from './sidecarFiles';

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

/** Finds, reads and indexes every candidate letter under the paths. Unreadable files are reported in `skipped`. */
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
