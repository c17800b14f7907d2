/**
 * `annotations relink <folder or files…> [--write] [--format text|json]` (SPEC "Command line"): for every sidecar
 * under the paths whose letter is gone (renamed or moved outside the editor), finds the letter among those under the
 * paths whose text holds its annotations — and whose identity does not contradict the sidecar's `document.symbol` —
 * and says where it now is; `--write` moves the sidecar next to it (never over another sidecar) and records the new
 * file name in `document.file`.
 */
import { basename, relative, resolve, sep } from 'node:path';
import { findLetterForSidecar } from '../engine/annotations';
import type { RelinkCandidate } from '../engine/annotations';
import { DEFAULT_LETTER_FILE_OPTIONS } from '../node/letterFiles';
import { loadLetterWorkspace } from '../node/letterWorkspace';
import { loadReferenceData } from '../node/referenceDataFile';
import { letterPathForSidecar, moveSidecarFile, readSidecarFile, sidecarPathFor } from '../node/sidecarFiles';
import { existsAt, findLetterlessSidecars, reportUnusableSidecar } from './annotatedLetters';
import { parseArguments, textOrJson } from './annotationArguments';
import type { CommandIo } from './commandIo';

/** One line of the `relink` report (`--format json` prints these). */
interface RelinkRow {
	readonly sidecar: string;
	/** The letter the sidecar names by its own file name, which is gone. */
	readonly letter: string;
	readonly status: 'found' | 'ambiguous' | 'not-found' | 'unusable';
	/** Where the letter is now (`found`), or the letters that hold the annotations equally (`ambiguous`). */
	readonly candidates: readonly string[];
	readonly found: number;
	readonly total: number;
	readonly moved: boolean;
}

/** Runs `annotations relink`; resolves to the exit code (0: every letterless sidecar found, and moved with --write). */
export async function runRelink(argv: readonly string[], io: CommandIo): Promise<number> {
	const options = parseArguments(argv, ['--write', '--format']);
	const format = textOrJson(options.format);
	const sidecars = findLetterlessSidecars(options.paths, io.cwd);
	const shownOf = (path: string) => {
		const rel = relative(io.cwd, path);
		return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : path;
	};
	const candidates: RelinkCandidate[] = [];
	if (sidecars.length > 0) {
		const workspace = loadLetterWorkspace(options.paths.map((path) => resolve(io.cwd, path)), DEFAULT_LETTER_FILE_OPTIONS, loadReferenceData());
		for (const file of workspace.files) {
			const letter = workspace.index.model(file.uri);
			if (letter?.detection.isLetter && !existsAt(sidecarPathFor(file.path))) {
				const symbol = workspace.index.identity(file.uri)?.symbol.text;
				candidates.push({ key: file.path, text: letter.text, ...(symbol === undefined ? {} : { symbol }) });
			}
		}
	}
	const rows: RelinkRow[] = [];
	const lines: string[] = [];
	let unresolved = false;
	for (const sidecar of sidecars) {
		const fromLetter = letterPathForSidecar(sidecar.path) ?? sidecar.path;
		const letter = basename(fromLetter);
		const state = await readSidecarFile(fromLetter);
		if (state.kind !== 'valid') {
			reportUnusableSidecar(state, sidecar.shown, io);
			rows.push({ sidecar: sidecar.shown, letter, status: 'unusable', candidates: [], found: 0, total: 0, moved: false });
			lines.push(`${sidecar.shown}: its letter ${letter} is gone, and the sidecar cannot be read to find it`);
			unresolved = true;
			continue;
		}
		const verdict = findLetterForSidecar(state.sidecar, candidates);
		if (verdict.kind === 'found') {
			const now = shownOf(verdict.key);
			let moved = false;
			let line = `${sidecar.shown}: its letter ${letter} is gone; it is now ${now} (${verdict.found} of ${verdict.total} annotation(s) found there)`;
			if (options.write) {
				const result = await moveSidecarFile(fromLetter, verdict.key);
				moved = result.ok && result.moved;
				if (result.ok) {
					line += `; moved to ${shownOf(sidecarPathFor(verdict.key))}`;
					const index = candidates.findIndex((candidate) => candidate.key === verdict.key);
					candidates.splice(index, 1);
				} else {
					line += `; not moved: ${result.message}`;
					unresolved = true;
				}
			}
			rows.push({ sidecar: sidecar.shown, letter, status: 'found', candidates: [now], found: verdict.found, total: verdict.total, moved });
			lines.push(line);
		} else if (verdict.kind === 'ambiguous') {
			const shown = verdict.keys.map(shownOf);
			rows.push({ sidecar: sidecar.shown, letter, status: 'ambiguous', candidates: shown, found: verdict.found, total: verdict.total, moved: false });
			lines.push(`${sidecar.shown}: its letter ${letter} is gone; its annotations are in ${shown.length} letters equally (${shown.join(', ')}), so it was not moved: move it by hand next to the right one`);
			unresolved = true;
		} else {
			rows.push({ sidecar: sidecar.shown, letter, status: 'not-found', candidates: [], found: 0, total: verdict.total, moved: false });
			lines.push(`${sidecar.shown}: its letter ${letter} is gone, and no letter under the paths holds its annotations; it is kept as it is`);
			unresolved = true;
		}
	}
	if (format === 'json') {
		io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
	} else {
		const found = rows.filter((row) => row.status === 'found').length;
		const moved = rows.filter((row) => row.moved).length;
		io.stdout(`${[...lines, `${rows.length} sidecar(s) without their letter: ${found} found${options.write ? `, ${moved} moved` : ''}`].join('\n')}\n`);
	}
	return unresolved ? 1 : 0;
}
