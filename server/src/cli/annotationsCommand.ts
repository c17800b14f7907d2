/**
 * `annotations reanchor <folder or files…> [--write] [--format text|json]` and
 * `annotations export <folder or files…> --format w3c|csv|brat [--out file]` (SPEC "Command line").
 *
 * Which letters: every `.txt`/`.md` under a folder that has a sidecar next to it (the sidecar is what holds the
 * annotations), and every file given explicitly (a sidecar given explicitly stands for its letter).
 * Exit codes, as for `check`: 0 everything found / exported; 1 at least one annotation orphaned or one sidecar
 * invalid (its problems are printed on stderr); 2 bad usage or a failure of the tool (message on stderr).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { annotationAfterReanchor, reanchorAnnotations, storeAnnotations, toBrat, toCsv, toW3C } from '../engine/annotations';
import type { Annotation, ExportedLetter, ReanchorResult, SidecarEditResult } from '../engine/annotations';
import { BadPathError, DEFAULT_LETTER_FILE_OPTIONS, findLetterFiles, readLetterFile } from '../node/letterFiles';
import { letterPathForSidecar, readSidecarFile, sidecarPathFor, updateSidecarFile, writeFileAtomically } from '../node/sidecarFiles';
import type { CommandIo } from './commandIo';

const USAGE = `Usage:
  annotations reanchor <folder or files…> [--write] [--format text|json]
  annotations export <folder or files…> --format w3c|csv|brat [--out file]
`;

class AnnotationsUsageError extends Error {}

interface ParsedArguments {
	readonly paths: string[];
	readonly format: string | undefined;
	readonly out: string | undefined;
	readonly write: boolean;
}

function parseArguments(argv: readonly string[], allowed: readonly string[]): ParsedArguments {
	const paths: string[] = [];
	const values = new Map<string, string>();
	let write = false;
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index] ?? '';
		const [flag, inline] = argument.startsWith('--') ? (argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined]) : [undefined, undefined];
		if (flag === undefined) {
			paths.push(argument);
		} else if (!allowed.includes(flag)) {
			throw new AnnotationsUsageError(`unknown option ${flag}`);
		} else if (flag === '--write') {
			write = true;
		} else {
			const value = inline ?? argv[++index];
			if (value === undefined || value === '') {
				throw new AnnotationsUsageError(`${flag} needs a value`);
			}
			values.set(flag, value);
		}
	}
	if (paths.length === 0) {
		throw new AnnotationsUsageError('give at least one folder or file');
	}
	return { paths, format: values.get('--format'), out: values.get('--out'), write };
}

/** One letter with a sidecar, found under the paths the user gave. */
interface LetterWithSidecar {
	readonly letterPath: string;
	readonly letterShown: string;
	readonly sidecarShown: string;
}

function findLettersWithSidecars(paths: readonly string[], cwd: string): LetterWithSidecar[] {
	const shownByAbsolute = new Map(paths.map((path) => [resolve(cwd, path), path]));
	let found;
	try {
		found = findLetterFiles([...shownByAbsolute.keys()], DEFAULT_LETTER_FILE_OPTIONS);
	} catch (error) {
		if (error instanceof BadPathError) {
			throw new AnnotationsUsageError(error.message.replace(error.path, shownByAbsolute.get(error.path) ?? error.path));
		}
		throw error;
	}
	const letters = new Map<string, LetterWithSidecar>();
	for (const file of found) {
		const shown = file.explicit ? (shownByAbsolute.get(file.path) ?? file.displayPath) : file.displayPath;
		const letterPath = letterPathForSidecar(file.path) ?? file.path;
		const letterShown = letterPathForSidecar(shown) ?? shown;
		if ((file.explicit || existsSync(sidecarPathFor(letterPath))) && !letters.has(letterPath)) {
			letters.set(letterPath, { letterPath, letterShown, sidecarShown: sidecarPathFor(letterShown) });
		}
	}
	return [...letters.values()];
}

/** A letter's annotations and where each one is now. */
interface AnchoredLetter extends LetterWithSidecar {
	readonly annotations: readonly Annotation[];
	readonly results: readonly ReanchorResult[];
}

/** Reads each sidecar and letter and re-anchors; problems go to stderr. `failed` is set for an unusable sidecar. */
async function anchorLetters(letters: readonly LetterWithSidecar[], io: CommandIo): Promise<{ anchored: AnchoredLetter[]; failed: boolean }> {
	const anchored: AnchoredLetter[] = [];
	let failed = false;
	for (const letter of letters) {
		const state = await readSidecarFile(letter.letterPath);
		if (state.kind === 'missing') {
			io.stderr(`${letter.letterShown}: no annotations (no sidecar ${letter.sidecarShown})\n`);
			continue;
		}
		if (state.kind === 'invalid') {
			for (const problem of state.problems) {
				io.stderr(`${letter.sidecarShown}:${problem.line}:${problem.column}: sidecar-invalid: ${problem.message}\n`);
			}
			failed = true;
			continue;
		}
		const read = readLetterFile(letter.letterPath, DEFAULT_LETTER_FILE_OPTIONS.maxFileSize);
		if (!read.ok) {
			io.stderr(`${letter.letterShown}: ${read.reason}\n`);
			failed = true;
			continue;
		}
		anchored.push({ ...letter, annotations: state.sidecar.annotations, results: reanchorAnnotations(read.text, state.sidecar.annotations) });
	}
	return { anchored, failed };
}

/** The change that stores re-anchored positions: new targets, orphan marks set or cleared. */
function storeReanchored(annotations: readonly Annotation[], results: readonly ReanchorResult[]): (text: string) => SidecarEditResult {
	const updated = annotations.map((annotation, index) => {
		const result = results[index];
		return result === undefined ? annotation : annotationAfterReanchor(annotation, result);
	});
	return (text) => storeAnnotations(text, updated);
}

async function runReanchor(argv: readonly string[], io: CommandIo): Promise<number> {
	const options = parseArguments(argv, ['--write', '--format']);
	const format = options.format ?? 'text';
	if (format !== 'text' && format !== 'json') {
		throw new AnnotationsUsageError(`--format must be text or json, not ${format}`);
	}
	const { anchored, failed } = await anchorLetters(findLettersWithSidecars(options.paths, io.cwd), io);
	const rows: { sidecar: string; id: string; status: string; start: number; end: number }[] = [];
	const lines: string[] = [];
	let orphans = 0;
	let writeFailed = false;
	for (const letter of anchored) {
		letter.annotations.forEach((annotation, index) => {
			const result = letter.results[index];
			const status = result?.status ?? 'orphaned';
			const now = result?.target ?? annotation.target;
			orphans += status === 'orphaned' ? 1 : 0;
			rows.push({ sidecar: letter.sidecarShown, id: annotation.id, status, start: now.start, end: now.end });
			const was = `${annotation.target.start}-${annotation.target.end}`;
			lines.push(`${letter.sidecarShown}: ${annotation.id} ${status === 'moved' ? `moved to ${now.start}-${now.end} (was ${was})` : status === 'orphaned' ? `orphaned (last known ${was}): "${annotation.target.exact.replace(/\s+/g, ' ').slice(0, 60)}" not found` : `unchanged ${was}`}`);
		});
		const changed = letter.annotations.some((annotation, index) => {
			const result = letter.results[index];
			return result !== undefined && JSON.stringify(annotationAfterReanchor(annotation, result)) !== JSON.stringify(annotation);
		});
		if (options.write && changed && letter.annotations.length > 0) {
			const written = await updateSidecarFile(letter.letterPath, storeReanchored(letter.annotations, letter.results));
			if (!written.ok) {
				writeFailed = true;
				io.stderr(`${letter.sidecarShown}: not written: ${written.reason === 'invalid' ? written.problems.map((problem) => problem.message).join('; ') : written.message}\n`);
			}
		}
	}
	if (format === 'json') {
		io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
	} else {
		const summary = `${rows.length} annotation(s): ${rows.filter((row) => row.status === 'unchanged').length} unchanged, ${rows.filter((row) => row.status === 'moved').length} moved, ${orphans} orphaned${options.write ? '; positions written' : ''}`;
		io.stdout(`${[...lines, summary].join('\n')}\n`);
	}
	return writeFailed ? 2 : orphans > 0 || failed ? 1 : 0;
}

async function runExport(argv: readonly string[], io: CommandIo): Promise<number> {
	const options = parseArguments(argv, ['--format', '--out']);
	if (options.format !== 'w3c' && options.format !== 'csv' && options.format !== 'brat') {
		throw new AnnotationsUsageError(options.format === undefined ? '--format w3c|csv|brat is required' : `--format must be w3c, csv or brat, not ${options.format}`);
	}
	const { anchored, failed } = await anchorLetters(findLettersWithSidecars(options.paths, io.cwd), io);
	const exported: (ExportedLetter & { letterShown: string })[] = anchored.map((letter) => ({
		source: letter.letterShown,
		letterShown: letter.letterShown,
		annotations: letter.annotations.map((annotation, index) => {
			const result = letter.results[index];
			return result === undefined ? annotation : annotationAfterReanchor(annotation, result);
		}),
	}));
	const out = options.out === undefined ? undefined : resolve(io.cwd, options.out);
	if (options.format === 'brat') {
		if (exported.length > 1 && out === undefined) {
			throw new AnnotationsUsageError('a brat export of several letters needs --out <folder> (one .ann file per letter)');
		}
		for (const letter of exported) {
			const { ann, skippedOrphans } = toBrat(letter);
			if (skippedOrphans > 0) {
				io.stderr(`${letter.letterShown}: ${skippedOrphans} orphaned annotation(s) left out of the brat export\n`);
			}
			if (out === undefined) {
				io.stdout(ann);
			} else {
				const target = exported.length > 1 ? join(out, `${letter.letterShown.slice(0, letter.letterShown.length - extname(letter.letterShown).length)}.ann`) : out;
				await mkdir(dirname(target), { recursive: true });
				await writeFileAtomically(target, ann);
			}
		}
		return failed ? 1 : 0;
	}
	const text = options.format === 'w3c' ? `${JSON.stringify(toW3C(exported), null, 2)}\n` : toCsv(exported);
	if (out === undefined) {
		io.stdout(text);
	} else {
		await writeFileAtomically(out, text);
	}
	return failed ? 1 : 0;
}

/**
 * Runs `annotations <reanchor|export> …` with the arguments after `annotations`; resolves to the exit code.
 * Never rejects: usage mistakes and I/O failures are reported on stderr with exit code 2.
 */
export async function runAnnotationsCommand(argv: string[], io: CommandIo): Promise<number> {
	const [subcommand, ...rest] = argv;
	try {
		if (subcommand === 'reanchor') {
			return await runReanchor(rest, io);
		}
		if (subcommand === 'export') {
			return await runExport(rest, io);
		}
		throw new AnnotationsUsageError(subcommand === undefined ? 'missing subcommand (reanchor or export)' : `unknown subcommand "${subcommand}"`);
	} catch (error) {
		if (error instanceof AnnotationsUsageError) {
			io.stderr(`diplomatic-letters annotations: ${error.message}\n\n${USAGE}`);
		} else {
			const code = (error as NodeJS.ErrnoException).code;
			io.stderr(`diplomatic-letters annotations: ${code === undefined ? String((error as Error).message) : `file system error ${code}: ${(error as Error).message}`}\n`);
		}
		return 2;
	}
}
