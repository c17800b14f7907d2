/**
 * Reading a sidecar: merge-conflict markers first, then YAML syntax, then the format (see `sidecarValidate.ts`).
 * A sidecar with any problem is never written back (the edit functions refuse it), so nothing the user typed is lost.
 */
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { createLineLocator, findMergeConflictMarkers } from './sidecarProblems';
import { validateSidecarNode } from './sidecarValidate';
import type { Sidecar, SidecarProblem } from './types';

/** A parsed sidecar: the typed content and the YAML document it came from (comments and layout included). */
export interface ParsedSidecar {
	readonly ok: true;
	/** The annotations and letter identity. */
	readonly sidecar: Sidecar;
	/** The `yaml` document, with node ranges into the text. */
	readonly document: Document.Parsed;
}

/** A sidecar that cannot be used: every problem, each with a message, range, line and column. */
export interface InvalidSidecar {
	readonly ok: false;
	/** Never empty. */
	readonly problems: readonly SidecarProblem[];
}

/** The result of `parseSidecar`. */
export type SidecarParseResult = ParsedSidecar | InvalidSidecar;

/** Parses a sidecar's text without throwing: the typed sidecar, or the problems that make it unusable. */
export function parseSidecar(text: string): SidecarParseResult {
	const locator = createLineLocator(text);
	const conflicts = findMergeConflictMarkers(text, locator);
	if (conflicts.length > 0) {
		return { ok: false, problems: conflicts };
	}
	const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
	const syntaxProblems = document.errors.map((error) => {
		const [start, end] = error.pos;
		const firstLine = error.message.split('\n')[0] ?? error.message;
		return locator.problemAt({ start, end: Math.max(start, end) }, `YAML syntax error: ${firstLine} (line ${locator.lineOf(start)})`);
	});
	if (syntaxProblems.length > 0) {
		return { ok: false, problems: syntaxProblems };
	}
	const result = validateSidecarNode(document.contents, locator, text.length);
	return result.ok ? { ok: true, sidecar: result.sidecar, document } : result;
}
