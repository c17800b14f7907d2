// Runs the letter diagnostics on hand-written letters, as the editor and the command line do: every letter is indexed
// in one workspace, then one of them is checked.
import type { DiagnosticCode, DiagnosticSettings, LetterDiagnostic } from '../../../server/src/engine/diagnostics/codes';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/engine/diagnostics/codes';
import { computeLetterDiagnostics } from '../../../server/src/engine/diagnostics/letterDiagnostics';
import { LetterIndex } from '../../../server/src/engine/workspace/letterIndex';
import { referenceData } from '../helpers/fixtures';

/** A diagnostic with the text its range covers. */
export interface SeenDiagnostic extends LetterDiagnostic {
	readonly text: string;
}

/** What to check: the letter, the other letters of the workspace (by URI), and the settings. */
export interface DiagnoseOptions {
	readonly others?: Readonly<Record<string, string>>;
	readonly settings?: DiagnosticSettings;
	readonly uri?: string;
	readonly sidecarSymbol?: string;
}

/** Every diagnostic of `text`, indexed with `others`, each with the text of its range. */
export function diagnose(text: string, options: DiagnoseOptions = {}): SeenDiagnostic[] {
	const index = new LetterIndex(referenceData);
	for (const [uri, other] of Object.entries(options.others ?? {})) {
		index.set(uri, other);
	}
	const uri = options.uri ?? 'file:///work/letter.txt';
	const entry = index.set(uri, text, { sidecarSymbol: options.sidecarSymbol });
	return computeLetterDiagnostics(entry, index, referenceData, options.settings ?? DEFAULT_DIAGNOSTIC_SETTINGS)
		.map((diagnostic) => ({ ...diagnostic, text: text.slice(diagnostic.range.start, diagnostic.range.end) }));
}

/** The diagnostics of one code. */
export function diagnoseCode(code: DiagnosticCode, text: string, options: DiagnoseOptions = {}): SeenDiagnostic[] {
	return diagnose(text, options).filter((diagnostic) => diagnostic.code === code);
}

/** The title line of a letter from a State's Permanent Representative, dated `date`. */
export function titleLine(date: string, country = 'Armenia'): string {
	return `Letter dated ${date} from the Permanent Representative of ${country} to the United Nations addressed to the Secretary-General`;
}

/** Words that tell the reader what to do about a diagnostic. */
export const SAYS_WHAT_TO_DO = /\b(?:Add|Check|Complete|Correct|Give|Make|Remove|Renumber)\b/;
