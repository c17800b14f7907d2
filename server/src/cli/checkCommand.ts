import { lstatSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { findLetterForSidecar, sidecarFileFindings, sidecarWithoutLetterFinding } from '../engine/annotations';
import type { RelinkCandidate } from '../engine/annotations';
import type { DiagnosticSettings, LetterDiagnostic, SeveritySetting } from '../engine/diagnostics/codes';
import { applySeverities, isDiagnosticCode } from '../engine/diagnostics/codes';
import { summaryDiagnostics } from '../engine/diagnostics/letterDiagnostics';
import { LineIndex } from '../engine/text/lineIndex';
import type { PlacedRange } from '../engine/text/placedRange';
import { placeRange } from '../engine/text/placedRange';
import type { LetterFileOptions } from '../node/letterFiles';
import { DEFAULT_LETTER_FILE_OPTIONS, findLetterFiles, readLetterFile } from '../node/letterFiles';
import { startWorkersEarly, workerCount } from '../node/readerPool';
import { loadReferenceData } from '../node/referenceDataFile';
import type { ReadWorkspace } from '../node/letterWorkspace';
import { readLetterWorkspace } from '../node/letterWorkspace';
import { letterPathForSidecar, readSidecarFileSync, SIDECAR_SUFFIX, sidecarConditionOf, sidecarPathFor } from '../node/sidecarFiles';
import type { CommandIo } from './commandIo';
import { UsageError } from './commandIo';
import { parseLetterCommandArguments } from './arguments';

/** One diagnostic as `check --format json` prints it (lines and columns 1-based; columns count UTF-16 code units, as VS Code shows them). */
export interface CheckResult {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly endLine: number;
	readonly endColumn: number;
	readonly code: string;
	readonly severity: string;
	readonly message: string;
}

/** The check configuration: diagnostic settings and which files are letters. */
export interface CheckConfig {
	readonly diagnostics: DiagnosticSettings;
	readonly files: LetterFileOptions;
}

const SEVERITY_SETTINGS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/**
 * Reads a `--config` file (YAML or JSON). Accepts the editor's setting names, flat (`"diplomaticLetters.diagnostics.citation-unresolved": "off"`)
 * or nested (`diagnostics: { citation-unresolved: off }`, `ignoredSymbols`, `include`, `exclude`, `maxFileSizeKB`).
 */
export function readCheckConfig(path: string | undefined): CheckConfig {
	if (!path) {
		return { diagnostics: { severities: {}, ignoredSymbols: [] }, files: DEFAULT_LETTER_FILE_OPTIONS };
	}
	let raw: unknown;
	try {
		raw = parseYaml(readFileSync(path, 'utf8'));
	} catch (error) {
		const { code, syscall } = error as NodeJS.ErrnoException;
		const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : syscall ? `cannot be read (${code ?? syscall})` : `not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`;
		throw new UsageError(`config ${path}: ${reason}`);
	}
	if (raw === null || raw === undefined) {
		raw = {};
	}
	if (typeof raw !== 'object' || Array.isArray(raw)) {
		throw new UsageError(`config ${path}: expected a mapping of settings`);
	}
	const settings = new Map<string, unknown>();
	const flatten = (prefix: string, value: unknown) => {
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
				flatten(prefix ? `${prefix}.${key}` : key, inner);
			}
		} else {
			settings.set(prefix.replace(/^diplomaticLetters\./, ''), value);
		}
	};
	flatten('', raw);
	const severities: Record<string, SeveritySetting> = {};
	let ignoredSymbols: string[] = [];
	let files: LetterFileOptions = DEFAULT_LETTER_FILE_OPTIONS;
	for (const [key, value] of settings) {
		if (key.startsWith('diagnostics.')) {
			const code = key.slice('diagnostics.'.length);
			if (!isDiagnosticCode(code)) {
				throw new UsageError(`config ${path}: unknown diagnostic code "${code}"`);
			}
			if (typeof value !== 'string' || !SEVERITY_SETTINGS.has(value)) {
				throw new UsageError(`config ${path}: ${code} must be one of error, warning, information, hint, off`);
			}
			severities[code] = value as SeveritySetting;
		} else if (key === 'ignoredSymbols' && Array.isArray(value)) {
			ignoredSymbols = value.map(String);
		} else if ((key === 'include' || key === 'exclude') && Array.isArray(value)) {
			files = { ...files, [key]: value.map(String) };
		} else if (key === 'maxFileSizeKB' && typeof value === 'number' && value > 0) {
			files = { ...files, maxFileSize: value * 1024 };
		} else {
			throw new UsageError(`config ${path}: unknown or invalid setting "${key}"`);
		}
	}
	return { diagnostics: { severities, ignoredSymbols }, files };
}

/**
 * Starts the reader pool's worker threads before the files are found, when a folder is to be read without the cache
 * (a folder is the large read they pay for; with `--cache` most letters usually come from the store): they load the
 * program and the reference data while this thread loads its own and walks the folders.
 */
export function startReadersEarly(paths: readonly string[], cached: boolean): void {
	if (!cached && paths.some(isFolder)) {
		startWorkersEarly(workerCount(Number.POSITIVE_INFINITY, undefined, true));
	}
}

/** True for a path that is a folder now (anything that cannot be looked at is not: the walk reports it). */
function isFolder(path: string): boolean {
	try {
		return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
	} catch {
		return false;
	}
}

/**
 * Runs `check`: every diagnostic of every letter under the paths. Exit 0 without errors, 1 with at least one, 2 on bad
 * usage or when a file named on the command line cannot be read (files found in a folder are skipped with a message).
 * The letters are read over the cores into compact entries (`--cache` keeps them between runs), then each letter's
 * diagnostics are written as soon as they are known, so the memory does not grow with the number of results.
 */
export async function runCheckCommand(argv: readonly string[], io: CommandIo): Promise<number> {
	const args = parseLetterCommandArguments('check', argv, ['text', 'json'] as const, ['--cache']);
	startReadersEarly(args.paths, args.flags.has('--cache'));
	const config = readCheckConfig(args.configPath);
	const data = loadReferenceData();
	const cache = args.flags.has('--cache') ? { program: 'check', log: (line: string) => io.stderr(`diplomatic-letters: ${line}\n`) } : undefined;
	const workspace = await readLetterWorkspace(args.paths, config.files, data, { cache });
	const unreadable = workspace.skipped.filter((skipped) => skipped.explicit);
	if (unreadable.length > 0) {
		// A file the user named cannot be checked: like a bad path, the check did not run as asked.
		for (const skipped of unreadable) {
			io.stderr(`diplomatic-letters: ${skipped.displayPath} ${skipped.reason}\n`);
		}
		return 2;
	}
	for (const skipped of workspace.skipped) {
		io.stderr(`diplomatic-letters: skipped ${skipped.displayPath}: it ${skipped.reason}\n`);
	}
	const out = new ResultWriter(io, args.format);
	let letters = 0;
	for (const file of workspace.files) {
		const entry = workspace.index.get(file.uri);
		if (!entry?.summary.isLetter) {
			continue;
		}
		letters++;
		const sidecar = workspace.sidecars.get(file.uri);
		const onLetter: PlacedDiagnostic[] = [...summaryDiagnostics(entry, workspace.index, config.diagnostics) as PlacedDiagnostic[], ...applySeverities(sidecar?.onLetter ?? [], config.diagnostics) as PlacedDiagnostic[]];
		for (const diagnostic of onLetter.sort((a, b) => a.range.start - b.range.start)) {
			out.write(toResult(file.displayPath, diagnostic));
		}
		for (const diagnostic of applySeverities(sidecar?.onSidecar ?? [], config.diagnostics) as PlacedDiagnostic[]) {
			out.write(toResult(sidecarPathFor(file.displayPath), diagnostic));
		}
	}
	for (const result of letterlessSidecarResults(args.paths, config, workspace)) {
		out.write(result);
	}
	out.end(letters);
	return out.errors > 0 ? 1 : 0;
}

/** A diagnostic whose range carries its positions (every diagnostic of a letter read by its compact entry). */
type PlacedDiagnostic = LetterDiagnostic & { readonly range: PlacedRange };

/** Writes results as they come, in the chosen format, in chunks (one write per 64 KB, not one per result). */
class ResultWriter {
	private chunk = '';
	private count = 0;
	private readonly bySeverity = new Map<string, number>();

	constructor(private readonly io: CommandIo, private readonly format: 'text' | 'json') {}

	/** Results of error severity written so far. */
	get errors(): number {
		return this.bySeverity.get('error') ?? 0;
	}

	write(result: CheckResult): void {
		this.bySeverity.set(result.severity, (this.bySeverity.get(result.severity) ?? 0) + 1);
		if (this.format === 'json') {
			this.chunk += `${this.count === 0 ? '[\n' : ',\n'}${JSON.stringify(result, undefined, 2).replace(/^/gm, '  ')}`;
		} else {
			this.chunk += `${result.file}:${result.line}:${result.column}: ${result.severity} ${result.code}: ${result.message}\n`;
		}
		this.count++;
		if (this.chunk.length >= 65536) {
			this.flush();
		}
	}

	/** Closes the output: the end of the JSON array, or the summary line of the text format. */
	end(letters: number): void {
		if (this.format === 'json') {
			this.chunk += this.count === 0 ? '[]\n' : '\n]\n';
		} else {
			const count = (severity: string, singular: string, plural: string) => {
				const n = this.bySeverity.get(severity) ?? 0;
				return `${n} ${n === 1 ? singular : plural}`;
			};
			this.chunk += `${letters} letter${letters === 1 ? '' : 's'} checked: ${count('error', 'error', 'errors')}, ${count('warning', 'warning', 'warnings')}, ${count('information', 'information', 'information')}, ${count('hint', 'hint', 'hints')}\n`;
		}
		this.flush();
	}

	private flush(): void {
		if (this.chunk !== '') {
			this.io.stdout(this.chunk);
			this.chunk = '';
		}
	}
}

/** `sidecar-without-letter` (and `sidecar-invalid`) for the sidecars under the paths whose letter is gone. */
function letterlessSidecarResults(paths: readonly string[], config: CheckConfig, workspace: ReadWorkspace): CheckResult[] {
	const present = (path: string) => {
		try {
			lstatSync(path);
			return true;
		} catch {
			return false;
		}
	};
	const sidecars = findLetterFiles(paths, { ...config.files, include: [`**/*${SIDECAR_SUFFIX}`] }).filter((file) => {
		const letterPath = letterPathForSidecar(file.path);
		return letterPath !== undefined && !present(letterPath);
	});
	if (sidecars.length === 0) {
		return [];
	}
	// Only now are the letters' texts needed (to find where each sidecar's annotations went): read them again.
	const candidates: RelinkCandidate[] = workspace.files.flatMap((file) => {
		const entry = workspace.index.get(file.uri);
		if (!entry?.summary.isLetter || present(sidecarPathFor(file.path))) {
			return [];
		}
		const read = readLetterFile(file.path, config.files.maxFileSize);
		const symbol = workspace.index.identity(file.uri)?.symbol.text;
		return read.ok ? [{ key: file.displayPath, text: read.text, ...(symbol === undefined ? {} : { symbol }) }] : [];
	});
	const results: CheckResult[] = [];
	for (const sidecar of sidecars) {
		const letterPath = letterPathForSidecar(sidecar.path) ?? sidecar.path;
		const state = readSidecarFileSync(letterPath);
		const verdict = state.kind === 'valid' ? findLetterForSidecar(state.sidecar, candidates) : undefined;
		const findings = [sidecarWithoutLetterFinding(basename(letterPath), verdict?.kind === 'found' ? verdict.key : undefined), ...sidecarFileFindings(basename(sidecar.path), sidecarConditionOf(state))];
		const lines = new LineIndex(state.kind === 'valid' || state.kind === 'invalid' ? state.text : '');
		for (const diagnostic of applySeverities(findings, config.diagnostics)) {
			results.push(toResult(sidecar.displayPath, { ...diagnostic, range: placeRange(lines, diagnostic.range) }));
		}
	}
	return results;
}

function toResult(file: string, diagnostic: PlacedDiagnostic): CheckResult {
	const range = diagnostic.range;
	return {
		file, line: range.startLine + 1, column: range.startCharacter + 1, endLine: range.endLine + 1, endColumn: range.endCharacter + 1,
		code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message,
	};
}
