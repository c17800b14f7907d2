/**
 * `annotations reanchor <folder or files…> [--write] [--format text|json]`,
 * `annotations export <folder or files…> --format w3c|csv|brat [--out file]` and
 * `annotations relink <folder or files…> [--write] [--format text|json]` (SPEC "Command line").
 *
 * Exit codes, as for `check`: 0 everything found / exported / relinked; 1 at least one annotation orphaned, one
 * sidecar that cannot be used, one write refused (each reported on stderr; nothing is lost); 2 bad usage or a failure
 * of the tool (message on stderr, never a stack trace).
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { annotationsAsTheyStand, isExportFormat, packageExport, storePositions } from '../engine/annotations';
import type { ExportedLetter, PositionUpdate } from '../engine/annotations';
import { exportIdentityOf } from '../engine/workspace/catalogue';
import { DEFAULT_LETTER_FILE_OPTIONS } from '../node/letterFiles';
import { loadLetterWorkspace } from '../node/letterWorkspace';
import { loadReferenceData } from '../node/referenceDataFile';
import { updateSidecarFile, writeFileAtomically } from '../node/sidecarFiles';
import { describeErrorCode, errorCode } from '../node/textFiles';
import { anchorLetters, findLettersWithSidecars } from './annotatedLetters';
import type { AnchoredLetter } from './annotatedLetters';
import { parseArguments, textOrJson } from './annotationArguments';
import type { CommandIo } from './commandIo';
import { UsageError } from './commandIo';
import { runRelink } from './relinkCommand';

const USAGE = `Usage:
  annotations reanchor <folder or files…> [--write] [--format text|json]
  annotations export <folder or files…> --format w3c|csv|brat [--out file]
  annotations relink <folder or files…> [--write] [--format text|json]
`;

function excerpt(exact: string): string {
	return exact.replace(/\s+/g, ' ').slice(0, 60);
}

/** The positions re-anchoring found that differ from those stored (moves, new orphans, orphans found again). */
function positionUpdates(letter: AnchoredLetter): PositionUpdate[] {
	return letter.placed.flatMap((item) => {
		const { annotation } = item;
		const found = item.reanchored?.target;
		const status = item.reanchored?.status ?? 'orphaned';
		const changed = status === 'moved' || (status === 'orphaned' && annotation.status !== 'orphaned') || (found !== undefined && annotation.status === 'orphaned');
		return changed ? [{ id: annotation.id, from: annotation.target, to: found }] : [];
	});
}

/**
 * `reanchor --write` for one letter: stores the positions found, merged with the sidecar as it is on disk now (what
 * changed in it since it was read here — an edit in the editor, a git pull — is newer and is kept, never written
 * over). `written`: positions written; `keptNewer`: positions not written because the sidecar changed them meanwhile.
 */
export async function storeReanchoredPositions(letter: AnchoredLetter): Promise<{ ok: true; written: number; keptNewer: number } | { ok: false; message: string }> {
	const updates = positionUpdates(letter);
	if (updates.length === 0) {
		return { ok: true, written: 0, keptNewer: 0 };
	}
	let applied = 0;
	const result = await updateSidecarFile(letter.letterPath, (text) => {
		const stored = storePositions(text, updates);
		applied = stored.ok ? stored.applied.length : 0;
		return stored;
	}, { displayName: letter.sidecarShown, basedOnHash: letter.state.hash });
	if (!result.ok) {
		return { ok: false, message: result.message };
	}
	return { ok: true, written: result.written ? applied : 0, keptNewer: updates.length - applied };
}

async function runReanchor(argv: readonly string[], io: CommandIo): Promise<number> {
	const options = parseArguments(argv, ['--write', '--format']);
	const format = textOrJson(options.format);
	const { anchored, failed } = await anchorLetters(findLettersWithSidecars(options.paths, io.cwd), io);
	const rows: { sidecar: string; id: string; status: string; start: number; end: number }[] = [];
	const lines: string[] = [];
	let orphans = 0;
	let writeRefused = false;
	let positionsWritten = 0;
	let sidecarsWritten = 0;
	let keptNewer = 0;
	for (const letter of anchored) {
		for (const item of letter.placed) {
			const { annotation } = item;
			const result = item.reanchored;
			const status = result?.status ?? 'orphaned';
			const now = result?.target ?? annotation.target;
			orphans += status === 'orphaned' ? 1 : 0;
			rows.push({ sidecar: letter.sidecarShown, id: annotation.id, status, start: now.start, end: now.end });
			const was = `${annotation.target.start}-${annotation.target.end}`;
			lines.push(`${letter.sidecarShown}: ${annotation.id} ${status === 'moved' ? `moved to ${now.start}-${now.end} (was ${was})` : status === 'orphaned' ? `orphaned (last known ${was}): "${excerpt(annotation.target.exact)}" not found` : `unchanged ${was}`}`);
		}
		if (options.write) {
			const stored = await storeReanchoredPositions(letter);
			if (!stored.ok) {
				writeRefused = true;
				io.stderr(`${stored.message}\n`);
			} else {
				positionsWritten += stored.written;
				sidecarsWritten += stored.written > 0 ? 1 : 0;
				keptNewer += stored.keptNewer;
			}
		}
	}
	if (format === 'json') {
		io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
	} else {
		const counts = `${rows.length} annotation(s): ${rows.filter((row) => row.status === 'unchanged').length} unchanged, ${rows.filter((row) => row.status === 'moved').length} moved, ${orphans} orphaned`;
		const written = !options.write ? '' : positionsWritten > 0 ? `; ${positionsWritten} position(s) written to ${sidecarsWritten} sidecar(s)` : '; no position needed writing';
		const kept = keptNewer > 0 ? `; ${keptNewer} changed in the sidecar meanwhile, kept as they are` : '';
		io.stdout(`${[...lines, `${counts}${written}${kept}`].join('\n')}\n`);
	}
	return orphans > 0 || failed || writeRefused ? 1 : 0;
}

async function runExport(argv: readonly string[], io: CommandIo): Promise<number> {
	const options = parseArguments(argv, ['--format', '--out']);
	const format = options.format;
	if (!isExportFormat(format)) {
		throw new UsageError(format === undefined ? '--format w3c|csv|brat is required' : `--format must be w3c, csv or brat, not ${format}`);
	}
	const { anchored, failed } = await anchorLetters(findLettersWithSidecars(options.paths, io.cwd), io);
	// Who each letter is (symbol, sender, title date), as the `letters` catalogue of the same paths says.
	const workspace = loadLetterWorkspace(options.paths.map((path) => resolve(io.cwd, path)), DEFAULT_LETTER_FILE_OPTIONS, loadReferenceData());
	const uriOfPath = new Map(workspace.files.map((file) => [resolve(file.path), file.uri]));
	const letters: ExportedLetter[] = anchored.map((letter) => {
		const uri = uriOfPath.get(resolve(io.cwd, letter.letterPath));
		const identity = uri === undefined ? undefined : exportIdentityOf(workspace.index, uri);
		return { source: letter.letterShown, text: letter.text, ...(identity === undefined ? {} : { identity }), annotations: annotationsAsTheyStand(letter.text, letter.placed) };
	});
	const out = options.out === undefined ? undefined : resolve(io.cwd, options.out);
	if (format === 'brat' && letters.length > 1 && out === undefined) {
		throw new UsageError('a brat export of several letters needs --out <folder> (a .txt and an .ann file per letter)');
	}
	const exported = packageExport(format, letters);
	for (const skipped of exported.skippedOrphans) {
		io.stderr(`${skipped.source}: ${skipped.count} orphaned annotation(s) left out of the brat export\n`);
	}
	// One letter in brat is its `.ann` alone (to stdout or the file named); several go into the --out folder.
	const files = format === 'brat' && letters.length <= 1 ? exported.files.filter((file) => file.name.endsWith('.ann')) : exported.files;
	if (out === undefined) {
		io.stdout(files.map((file) => file.content).join(''));
	} else if (format === 'brat' && letters.length > 1) {
		for (const file of files) {
			const target = join(out, file.name);
			await mkdir(dirname(target), { recursive: true });
			await writeFileAtomically(target, file.content);
		}
	} else {
		await writeFileAtomically(out, files.map((file) => file.content).join(''));
	}
	return failed ? 1 : 0;
}

/**
 * Runs `annotations <reanchor|export|relink> …` with the arguments after `annotations`; resolves to the exit code.
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
		if (subcommand === 'relink') {
			return await runRelink(rest, io);
		}
		throw new UsageError(subcommand === undefined ? 'missing subcommand (reanchor, export or relink)' : `unknown subcommand "${subcommand}"`);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`diplomatic-letters annotations: ${error.message}\n\n${USAGE}`);
		} else {
			const code = errorCode(error);
			io.stderr(`diplomatic-letters annotations: ${code === undefined ? String((error as Error).message) : `could not write the output: ${describeErrorCode(code)}`}\n`);
		}
		return 2;
	}
}
