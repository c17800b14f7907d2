import type { Letter } from '../letter/model';
import type { ReferenceData } from '../sessions/referenceData';
import type { IndexedLetter, LetterIndex } from '../workspace/letterIndex';
import type { DiagnosticSettings, Finding, LetterDiagnostic } from './codes';
import { applySeverities } from './codes';
import { checkCitationDates, checkCitationsAgainstWorkspace, checkLetterReferences } from './citationRules';
import { checkFootnotes } from './footnoteRules';
import { checkResolutionYears } from './resolutionRules';
import { checkAgendaMismatch, checkAnnexReferences, checkLetterDate, checkSessionDates } from './headerRules';
import { checkInvalidDates, checkMalformedSymbols } from './textRules';

/** The findings of each parsed letter, computed once: the compact entry and the diagnostics of an open letter both need them. */
const findingsOfLetter = new WeakMap<Letter, { readonly data: ReferenceData; readonly findings: readonly Finding[] }>();

/**
 * The findings of the rules that read a letter alone (every letter code but the three that ask the workspace), in
 * rule order. Each code comes from one rule, so sorting these with the workspace's findings by position and code gives
 * the order of {@link computeLetterDiagnostics} whatever the order they were gathered in. Computed once per parsed
 * letter (a model is never changed once parsed).
 */
export function letterFindings(letter: Letter, data: ReferenceData): Finding[] {
	if (!letter.detection.isLetter) {
		return [];
	}
	const held = findingsOfLetter.get(letter);
	if (held?.data === data) {
		return [...held.findings];
	}
	const findings = rulesOfLetter(letter, data);
	findingsOfLetter.set(letter, { data, findings });
	return [...findings];
}

function rulesOfLetter(letter: Letter, data: ReferenceData): Finding[] {
	return [
		...checkFootnotes(letter),
		...checkMalformedSymbols(letter),
		...checkInvalidDates(letter),
		...checkCitationDates(letter, data),
		...checkResolutionYears(letter, data),
		...checkAnnexReferences(letter),
		...checkAgendaMismatch(letter),
		...checkSessionDates(letter, data),
		...checkLetterDate(letter),
	];
}

/** The findings that ask the workspace: `citation-date-conflict`, `citation-unresolved`, `letter-reference-unresolved`. */
export function workspaceFindings(entry: IndexedLetter, index: LetterIndex, settings: DiagnosticSettings): Finding[] {
	return entry.summary.isLetter ? [...checkCitationsAgainstWorkspace(entry, index, settings), ...checkLetterReferences(entry, index)] : [];
}

/** Applies the severities and puts the diagnostics in text order (then by code). */
function ordered(findings: readonly Finding[], settings: DiagnosticSettings): LetterDiagnostic[] {
	return applySeverities(findings, settings).sort((a, b) => a.range.start - b.range.start || a.code.localeCompare(b.code));
}

/**
 * Every letter diagnostic of one indexed letter (all codes but the annotation ones), with the configured severities,
 * in text order, from its full model (with the fixes and related places of each; the letter's model is read from the
 * index, and when it cannot be had the entry's own findings are used). A file that is not a letter gets none.
 */
export function computeLetterDiagnostics(entry: IndexedLetter, index: LetterIndex, data: ReferenceData, settings: DiagnosticSettings): LetterDiagnostic[] {
	if (!entry.summary.isLetter) {
		return [];
	}
	const letter = index.model(entry.uri);
	return ordered([...(letter ? letterFindings(letter, data) : entry.summary.findings), ...workspaceFindings(entry, index, settings)], settings);
}

/**
 * The same diagnostics from the letter's compact entry alone (no re-parse): codes, places and messages as
 * {@link computeLetterDiagnostics} gives them, without the fixes and related places of the rules that read the letter
 * alone. What the command line prints and the problem counts add up.
 */
export function summaryDiagnostics(entry: IndexedLetter, index: LetterIndex, settings: DiagnosticSettings): LetterDiagnostic[] {
	if (!entry.summary.isLetter) {
		return [];
	}
	return ordered([...entry.summary.findings, ...workspaceFindings(entry, index, settings)], settings);
}
