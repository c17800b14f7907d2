/**
 * The diagnostics of annotations (SPEC "Diagnostics"): `annotation-orphaned` on the letter for each annotation that
 * cannot be found, and `sidecar-invalid` on the sidecar (at each problem) and on the letter (so the user sees why
 * its annotations are missing). Severities are applied by the host with `applySeverities`.
 */
import type { Finding } from '../diagnostics/codes';
import { createOffsetConverter } from './offsets';
import type { ReanchorResult } from './reanchor';
import type { SidecarParseResult } from './sidecarParse';

function shortQuote(exact: string): string {
	const flat = exact.replace(/\s+/g, ' ').trim();
	return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/**
 * Findings on a letter from its sidecar: `sidecar-invalid` at the start of the letter when the sidecar is unusable;
 * otherwise `annotation-orphaned` for each annotation whose re-anchoring `results` (same order as the annotations)
 * say orphaned — or, without results, that the sidecar marks `status: orphaned` — at its last known position.
 * `sidecarName` is the sidecar's file name, as the messages show it.
 */
export function letterAnnotationFindings(letterText: string, sidecarName: string, parsed: SidecarParseResult, results?: readonly ReanchorResult[]): Finding[] {
	if (!parsed.ok) {
		const [first] = parsed.problems;
		const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more problem${parsed.problems.length > 2 ? 's' : ''})` : '';
		return [
			{
				code: 'sidecar-invalid',
				range: { start: 0, end: 0 },
				message: `The annotation sidecar ${sidecarName} is not valid, so this letter's annotations are not shown: ${first?.message ?? 'unknown problem'}${more}. Fix the file; it is never overwritten while invalid.`,
			},
		];
	}
	const converter = createOffsetConverter(letterText);
	const findings: Finding[] = [];
	parsed.sidecar.annotations.forEach((annotation, index) => {
		const orphaned = results === undefined ? annotation.status === 'orphaned' : results[index]?.status === 'orphaned';
		if (!orphaned) {
			return;
		}
		const start = converter.toUtf16(annotation.target.start) ?? letterText.length;
		findings.push({
			code: 'annotation-orphaned',
			range: { start, end: start },
			message: `Annotation ${annotation.id} ("${shortQuote(annotation.target.exact)}") can no longer be found in this letter. It is kept in ${sidecarName}, marked orphaned: select the text it belongs to and run "Attach Orphan to Selection", or remove it.`,
		});
	});
	return findings;
}

/** `sidecar-invalid` findings on the sidecar file itself, one per problem, at its range in the sidecar's text. */
export function sidecarFileFindings(parsed: SidecarParseResult): Finding[] {
	if (parsed.ok) {
		return [];
	}
	return parsed.problems.map((problem) => ({
		code: 'sidecar-invalid',
		range: problem.range,
		message: `${problem.message}. Fix the file (it is never written while invalid), or restore it from version control.`,
	}));
}
