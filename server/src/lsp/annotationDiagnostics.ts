/**
 * The annotation diagnostics of the engine (`engine/annotations/annotationDiagnostics.ts`) as LSP diagnostics: on a
 * letter from the annotations the server holds, and on a sidecar file. Severities as configured.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { letterAnnotationFindings, orphansOf, sidecarFileFindings } from '../engine/annotations';
import type { SidecarCondition } from '../engine/annotations';
import type { DiagnosticSettings, Finding } from '../engine/diagnostics/codes';
import { applySeverities } from '../engine/diagnostics/codes';
import { LineIndex } from '../engine/text/lineIndex';
import type { LetterAnnotations } from './annotationStore';
import { DIAGNOSTIC_SEVERITIES, DIAGNOSTIC_SOURCE } from './convert';

/** What the diagnostics need of a letter's held annotations. */
export function conditionOf(annotations: LetterAnnotations | undefined): SidecarCondition {
	switch (annotations?.state) {
		case undefined:
		case 'none':
			return { kind: 'none' };
		case 'unreadable':
			return { kind: 'unreadable', reason: annotations.unreadableReason ?? 'cannot be read' };
		case 'invalid':
			return { kind: 'invalid', problems: annotations.problems };
		case 'valid':
			return { kind: 'valid', orphans: orphansOf(annotations.items) };
	}
}

/** Findings of one file as LSP diagnostics, placed with the lines of its text. */
export function findingsAsDiagnostics(findings: readonly Finding[], text: string, settings: DiagnosticSettings): Diagnostic[] {
	if (findings.length === 0) {
		// The usual case on a letter; its lines (a large letter's are thousands) are not read for nothing.
		return [];
	}
	const lines = new LineIndex(text);
	return applySeverities(findings, settings).map((diagnostic) => ({
		range: { start: lines.positionAt(diagnostic.range.start), end: lines.positionAt(diagnostic.range.end) },
		severity: DIAGNOSTIC_SEVERITIES[diagnostic.severity],
		code: diagnostic.code,
		source: DIAGNOSTIC_SOURCE,
		message: diagnostic.message,
	}));
}

/** `annotation-orphaned` and `sidecar-invalid` on a letter (none when its annotations are not loaded). */
export function letterAnnotationDiagnostics(annotations: LetterAnnotations | undefined, letterText: string, sidecarName: string, settings: DiagnosticSettings): Diagnostic[] {
	return findingsAsDiagnostics(letterAnnotationFindings(sidecarName, conditionOf(annotations)), letterText, settings);
}

/** `sidecar-invalid` on the sidecar file itself: one per problem, or one at the start for a file that cannot be read. */
export function sidecarFileDiagnostics(condition: SidecarCondition, sidecarName: string, sidecarText: string, settings: DiagnosticSettings): Diagnostic[] {
	return findingsAsDiagnostics(sidecarFileFindings(sidecarName, condition), sidecarText, settings);
}
