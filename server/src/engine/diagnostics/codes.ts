import type { OffsetRange } from '../text/offsetRange';

/** The stable codes of the diagnostics (SPEC "Diagnostics"). */
export const DIAGNOSTIC_CODES = [
	'footnote-missing-text',
	'footnote-unreferenced',
	'footnote-duplicate',
	'symbol-malformed',
	'date-invalid',
	'citation-date-mismatch',
	'resolution-year-mismatch',
	'citation-date-conflict',
	'citation-unresolved',
	'letter-reference-unresolved',
	'annex-missing',
	'agenda-mismatch',
	'session-date-mismatch',
	'letter-date-after-distribution',
	'annotation-orphaned',
	'sidecar-without-letter',
	'sidecar-invalid',
] as const;

/** One of the stable diagnostic codes. */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** How serious a diagnostic is. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A configured severity: a severity, or `off` to silence the code. */
export type SeveritySetting = Severity | 'off';

/** Default severity of each code (SPEC table). */
export const DEFAULT_SEVERITIES: Readonly<Record<DiagnosticCode, Severity>> = {
	'footnote-missing-text': 'error',
	'footnote-unreferenced': 'warning',
	'footnote-duplicate': 'warning',
	'symbol-malformed': 'error',
	'date-invalid': 'error',
	'citation-date-mismatch': 'warning',
	'resolution-year-mismatch': 'warning',
	'citation-date-conflict': 'warning',
	'citation-unresolved': 'hint',
	'letter-reference-unresolved': 'information',
	'annex-missing': 'warning',
	'agenda-mismatch': 'warning',
	'session-date-mismatch': 'warning',
	'letter-date-after-distribution': 'warning',
	'annotation-orphaned': 'warning',
	'sidecar-without-letter': 'warning',
	'sidecar-invalid': 'error',
};

/** True when a string is one of the diagnostic codes. */
export function isDiagnosticCode(value: string): value is DiagnosticCode {
	return (DIAGNOSTIC_CODES as readonly string[]).includes(value);
}

/** Facts a code action needs to fix a diagnostic, carried with it. */
export interface DiagnosticFix {
	/** Replace the diagnostic's range with this text (`016` → `16`, closing agenda list → header list). */
	readonly replacement?: string;
	/** The footnote label to add a text stub for. */
	readonly footnoteLabel?: string;
	/** The symbol concerned (to ignore it, or to store an identity). */
	readonly symbol?: string;
}

/** A finding of a rule, before the configured severity is applied. */
export interface Finding {
	readonly code: DiagnosticCode;
	readonly range: OffsetRange;
	readonly message: string;
	readonly fix?: DiagnosticFix;
	/** Other places that explain the finding (the header's agenda line, the duplicate footnote…). */
	readonly related?: readonly { readonly uri?: string; readonly range: OffsetRange; readonly message: string }[];
}

/** A diagnostic with its severity, ready for a host (LSP, command line). */
export interface LetterDiagnostic extends Finding {
	readonly severity: Severity;
}

/** The diagnostics configuration: a severity per code, and symbols never reported as unresolved. */
export interface DiagnosticSettings {
	readonly severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
	readonly ignoredSymbols: readonly string[];
}

/** The settings a user gets without configuring anything. */
export const DEFAULT_DIAGNOSTIC_SETTINGS: DiagnosticSettings = { severities: {}, ignoredSymbols: [] };

/**
 * A finding with its severity, its keys in the finding's order (what `check --format json` prints). Built key by key
 * rather than spread: a spread of findings of several shapes was 4% of the server's CPU on each edit of a letter with
 * hundreds of findings (a CPU profile of the edit loop, README "Eighth stop").
 */
function withSeverity(finding: Finding, severity: Severity): LetterDiagnostic {
	if (finding.fix === undefined && finding.related === undefined) {
		return { code: finding.code, range: finding.range, message: finding.message, severity };
	}
	return { ...finding, severity };
}

/** Applies the configured severities; drops findings whose code is `off`. */
export function applySeverities(findings: readonly Finding[], settings: DiagnosticSettings): LetterDiagnostic[] {
	const result: LetterDiagnostic[] = [];
	for (const finding of findings) {
		const setting = settings.severities[finding.code] ?? DEFAULT_SEVERITIES[finding.code];
		if (setting !== 'off') {
			result.push(withSeverity(finding, setting));
		}
	}
	return result;
}
