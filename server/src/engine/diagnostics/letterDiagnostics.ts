import type { ReferenceData } from '../sessions/referenceData';
import type { IndexedLetter, LetterIndex } from '../workspace/letterIndex';
import type { DiagnosticSettings, LetterDiagnostic } from './codes';
import { applySeverities } from './codes';
import { checkCitationDates, checkCitationsAgainstWorkspace, checkLetterReferences } from './citationRules';
import { checkFootnotes } from './footnoteRules';
import { checkResolutionYears } from './resolutionRules';
import { checkAgendaMismatch, checkAnnexReferences, checkLetterDate, checkSessionDates } from './headerRules';
import { checkInvalidDates, checkMalformedSymbols } from './textRules';

/**
 * Every letter diagnostic of one indexed letter (all codes but the annotation ones), with the configured severities,
 * in text order. A file that is not a letter gets none.
 */
export function computeLetterDiagnostics(entry: IndexedLetter, index: LetterIndex, data: ReferenceData, settings: DiagnosticSettings): LetterDiagnostic[] {
	const letter = entry.letter;
	if (!letter.detection.isLetter) {
		return [];
	}
	const findings = [
		...checkFootnotes(letter),
		...checkMalformedSymbols(letter),
		...checkInvalidDates(letter),
		...checkCitationDates(letter, data),
		...checkResolutionYears(letter, data),
		...checkCitationsAgainstWorkspace(entry, index, settings),
		...checkLetterReferences(entry, index),
		...checkAnnexReferences(letter),
		...checkAgendaMismatch(letter),
		...checkSessionDates(letter, data),
		...checkLetterDate(letter),
	];
	return applySeverities(findings, settings).sort((a, b) => a.range.start - b.range.start || a.code.localeCompare(b.code));
}
