// An in-memory workspace for the language-feature tests: letters given inline, a real index and parser.
import { createLetterLanguageService } from '../../../server/src/engine/languageService';
import type { LetterLanguageService } from '../../../server/src/engine/languageService';
import type { DiagnosticSettings } from '../../../server/src/engine/diagnostics/codes';
import { LetterIndex } from '../../../server/src/engine/workspace/letterIndex';
import { referenceData } from '../helpers/fixtures';

/** A service over the given files (URI → text). */
export function serviceFor(files: Record<string, string>, diagnostics: DiagnosticSettings = { severities: {}, ignoredSymbols: [] }): { service: LetterLanguageService; index: LetterIndex } {
	const index = new LetterIndex(referenceData);
	for (const [uri, text] of Object.entries(files)) {
		index.set(uri, text);
	}
	return { service: createLetterLanguageService({ index, data: referenceData, settings: () => ({ diagnostics }) }), index };
}

/** The position of the first `needle` in `text`, `delta` characters in. */
export function at(text: string, needle: string, delta = 0): { line: number; character: number } {
	const offset = text.indexOf(needle);
	if (offset < 0) {
		throw new Error(`"${needle}" is not in the text`);
	}
	const lines = text.slice(0, offset + delta).split('\n');
	return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
