/**
 * The letters and sidecars the `annotations` commands work on, found under the paths the user gave: every `.txt`/`.md`
 * with a sidecar next to it (the sidecar is what holds the annotations), every file given explicitly (a sidecar given
 * explicitly stands for its letter), and the sidecars whose letter is gone (for `relink`). Reading never stops the
 * run: a sidecar that cannot be read or used is reported on stderr and the others are done.
 */
import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { placeAnnotations } from '../engine/annotations';
import type { Annotation, PlacedAnnotation } from '../engine/annotations';
import { BadPathError, DEFAULT_LETTER_FILE_OPTIONS, findLetterFiles, readLetterFile } from '../node/letterFiles';
import type { SidecarFileState } from '../node/sidecarFiles';
import { letterPathForSidecar, readSidecarFile, SIDECAR_SUFFIX, sidecarPathFor } from '../node/sidecarFiles';
import type { CommandIo } from './commandIo';
import { UsageError } from './commandIo';

/** The size limit of letters (the default of `maxFileSizeKB`). */
export const MAX_FILE_BYTES = DEFAULT_LETTER_FILE_OPTIONS.maxFileSize;

/** One letter with a sidecar, found under the paths the user gave. */
export interface LetterWithSidecar {
	readonly letterPath: string;
	readonly letterShown: string;
	readonly sidecarShown: string;
}

/** True when something is at `path` (a link counts, even one that leads nowhere or in a loop). */
export function existsAt(path: string): boolean {
	try {
		lstatSync(path);
		return true;
	} catch {
		return false;
	}
}

/** The candidate files under the paths, with how each is shown; a path that does not exist is a usage error. */
export function findUnder(paths: readonly string[], cwd: string, include: readonly string[] = DEFAULT_LETTER_FILE_OPTIONS.include): { path: string; shown: string; explicit: boolean }[] {
	const shownByAbsolute = new Map(paths.map((path) => [resolve(cwd, path), path]));
	try {
		return findLetterFiles([...shownByAbsolute.keys()], { ...DEFAULT_LETTER_FILE_OPTIONS, include }).map((file) => ({
			path: file.path,
			shown: file.explicit ? (shownByAbsolute.get(file.path) ?? file.displayPath) : file.displayPath,
			explicit: file.explicit,
		}));
	} catch (error) {
		if (error instanceof BadPathError) {
			throw new UsageError(error.message.replace(error.path, shownByAbsolute.get(error.path) ?? error.path));
		}
		throw error;
	}
}

/** The letters with a sidecar under the paths (a sidecar that is a link, even a broken one, counts: it is reported). */
export function findLettersWithSidecars(paths: readonly string[], cwd: string): LetterWithSidecar[] {
	const letters = new Map<string, LetterWithSidecar>();
	for (const file of findUnder(paths, cwd)) {
		const letterPath = letterPathForSidecar(file.path) ?? file.path;
		const letterShown = letterPathForSidecar(file.shown) ?? file.shown;
		if ((file.explicit || existsAt(sidecarPathFor(letterPath))) && !letters.has(letterPath)) {
			letters.set(letterPath, { letterPath, letterShown, sidecarShown: sidecarPathFor(letterShown) });
		}
	}
	return [...letters.values()];
}

/** The sidecars under the paths whose letter file is gone. */
export function findLetterlessSidecars(paths: readonly string[], cwd: string): { path: string; shown: string }[] {
	return findUnder(paths, cwd, [`**/*${SIDECAR_SUFFIX}`])
		.filter((file) => file.path.endsWith(SIDECAR_SUFFIX) && !existsAt(letterPathForSidecar(file.path) ?? file.path))
		.map((file) => ({ path: file.path, shown: file.shown }));
}

/** A letter's annotations, read, and where each one is now. */
export interface AnchoredLetter extends LetterWithSidecar {
	readonly text: string;
	readonly state: SidecarFileState & { readonly kind: 'valid' };
	readonly annotations: readonly Annotation[];
	readonly placed: readonly PlacedAnnotation[];
}

/** The message of a sidecar that cannot be used, as `file:line:column: sidecar-invalid: …` lines. */
export function reportUnusableSidecar(state: SidecarFileState, shown: string, io: CommandIo): void {
	if (state.kind === 'unreadable') {
		io.stderr(`${shown}:1:1: sidecar-invalid: ${shown} ${state.reason}; it was left exactly as it is\n`);
	} else if (state.kind === 'invalid') {
		for (const problem of state.problems) {
			io.stderr(`${shown}:${problem.line}:${problem.column}: sidecar-invalid: ${problem.message}\n`);
		}
	}
}

/** Reads each sidecar and letter and places the annotations; problems go to stderr. `failed` is set for any that could not be used. */
export async function anchorLetters(letters: readonly LetterWithSidecar[], io: CommandIo): Promise<{ anchored: AnchoredLetter[]; failed: boolean }> {
	const anchored: AnchoredLetter[] = [];
	let failed = false;
	for (const letter of letters) {
		const state = await readSidecarFile(letter.letterPath);
		if (state.kind === 'missing') {
			io.stderr(`${letter.letterShown}: no annotations (no sidecar ${letter.sidecarShown})\n`);
			continue;
		}
		if (state.kind !== 'valid') {
			reportUnusableSidecar(state, letter.sidecarShown, io);
			failed = true;
			continue;
		}
		const read = readLetterFile(letter.letterPath, MAX_FILE_BYTES);
		if (!read.ok) {
			io.stderr(`${letter.letterShown}: ${read.reason}\n`);
			failed = true;
			continue;
		}
		anchored.push({ ...letter, text: read.text, state, annotations: state.sidecar.annotations, placed: placeAnnotations(read.text, state.sidecar.annotations) });
	}
	return { anchored, failed };
}
