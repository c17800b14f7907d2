import { lstatSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Finding } from '../engine/diagnostics/codes';
import { findLetterForSidecar, letterAnnotationFindings, sidecarFileFindings, sidecarWithoutLetterFinding } from '../engine/annotations';
import type { RelinkCandidate } from '../engine/annotations';
import type { DiagnosticSettings, LetterDiagnostic, SeveritySetting } from '../engine/diagnostics/codes';
import { applySeverities, isDiagnosticCode } from '../engine/diagnostics/codes';
import { computeLetterDiagnostics } from '../engine/diagnostics/letterDiagnostics';
import { LineIndex } from '../engine/text/lineIndex';
import type { LetterFileOptions } from '../node/letterFiles';
import { DEFAULT_LETTER_FILE_OPTIONS, findLetterFiles } from '../node/letterFiles';
import { loadReferenceData } from '../node/referenceDataFile';
import type { LoadedWorkspace } from '../node/letterWorkspace';
import { loadLetterWorkspace } from '../node/letterWorkspace';
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
 * Runs `check`: every diagnostic of every letter under the paths. Exit 0 without errors, 1 with at least one, 2 on bad
 * usage or when a file named on the command line cannot be read (files found in a folder are skipped with a message).
 */
export function runCheckCommand(argv: readonly string[], io: CommandIo): number {
	const args = parseLetterCommandArguments('check', argv, ['text', 'json'] as const);
	const config = readCheckConfig(args.configPath);
	const data = loadReferenceData();
	const workspace = loadLetterWorkspace(args.paths, config.files, data);
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
	const results: CheckResult[] = [];
	for (const file of workspace.files) {
		const entry = workspace.index.get(file.uri);
		if (!entry?.letter.detection.isLetter) {
			continue;
		}
		const lines = new LineIndex(entry.letter.text);
		const sidecar = readSidecarFindings(file.path, entry.letter.text);
		const onLetter = [...computeLetterDiagnostics(entry, workspace.index, data, config.diagnostics), ...applySeverities(sidecar?.findings.onLetter ?? [], config.diagnostics)];
		for (const diagnostic of onLetter.sort((a, b) => a.range.start - b.range.start)) {
			results.push(toResult(file.displayPath, lines, diagnostic));
		}
		if (sidecar) {
			const sidecarLines = new LineIndex(sidecar.text);
			for (const diagnostic of applySeverities(sidecar.findings.onSidecar, config.diagnostics)) {
				results.push(toResult(sidecarPathFor(file.displayPath), sidecarLines, diagnostic));
			}
		}
	}
	results.push(...letterlessSidecarResults(args.paths, config, workspace));
	if (args.format === 'json') {
		io.stdout(`${JSON.stringify(results, undefined, 2)}\n`);
	} else {
		for (const result of results) {
			io.stdout(`${result.file}:${result.line}:${result.column}: ${result.severity} ${result.code}: ${result.message}\n`);
		}
		const letters = workspace.files.filter((file) => workspace.index.get(file.uri)?.letter.detection.isLetter).length;
		const count = (severity: string, singular: string, plural: string) => {
			const n = results.filter((result) => result.severity === severity).length;
			return `${n} ${n === 1 ? singular : plural}`;
		};
		io.stdout(`${letters} letter${letters === 1 ? '' : 's'} checked: ${count('error', 'error', 'errors')}, ${count('warning', 'warning', 'warnings')}, ${count('information', 'information', 'information')}, ${count('hint', 'hint', 'hints')}\n`);
	}
	return results.some((result) => result.severity === 'error') ? 1 : 0;
}

/** The annotation findings of a letter's sidecar (the editor's), when it has one: on the letter and on the sidecar. */
function readSidecarFindings(letterPath: string, letterText: string): { text: string; findings: { onLetter: Finding[]; onSidecar: Finding[] } } | undefined {
	const state = readSidecarFileSync(letterPath);
	if (state.kind === 'missing') {
		return undefined;
	}
	const name = basename(state.path);
	const condition = sidecarConditionOf(state, letterText);
	const text = state.kind === 'valid' || state.kind === 'invalid' ? state.text : '';
	return { text, findings: { onLetter: letterAnnotationFindings(name, condition), onSidecar: sidecarFileFindings(name, condition) } };
}

/** `sidecar-without-letter` (and `sidecar-invalid`) for the sidecars under the paths whose letter is gone. */
function letterlessSidecarResults(paths: readonly string[], config: CheckConfig, workspace: LoadedWorkspace): CheckResult[] {
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
	const candidates: RelinkCandidate[] = workspace.files.flatMap((file) => {
		const entry = workspace.index.get(file.uri);
		if (!entry?.letter.detection.isLetter || present(sidecarPathFor(file.path))) {
			return [];
		}
		const symbol = workspace.index.identity(file.uri)?.symbol.text;
		return [{ key: file.displayPath, text: entry.letter.text, ...(symbol === undefined ? {} : { symbol }) }];
	});
	const results: CheckResult[] = [];
	for (const sidecar of sidecars) {
		const letterPath = letterPathForSidecar(sidecar.path) ?? sidecar.path;
		const state = readSidecarFileSync(letterPath);
		const verdict = state.kind === 'valid' ? findLetterForSidecar(state.sidecar, candidates) : undefined;
		const findings = [sidecarWithoutLetterFinding(basename(letterPath), verdict?.kind === 'found' ? verdict.key : undefined), ...sidecarFileFindings(basename(sidecar.path), sidecarConditionOf(state))];
		const lines = new LineIndex(state.kind === 'valid' || state.kind === 'invalid' ? state.text : '');
		for (const diagnostic of applySeverities(findings, config.diagnostics)) {
			results.push(toResult(sidecar.displayPath, lines, diagnostic));
		}
	}
	return results;
}

function toResult(file: string, lines: LineIndex, diagnostic: LetterDiagnostic): CheckResult {
	const start = lines.positionAt(diagnostic.range.start);
	const end = lines.positionAt(diagnostic.range.end);
	return {
		file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
		code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message,
	};
}
