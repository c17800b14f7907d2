/**
 * The diagnostics of annotations (SPEC "Diagnostics"), one source for the command line and the language server, with
 * one set of messages: `annotation-orphaned` on a letter for each annotation that cannot be found; `sidecar-invalid`
 * on the sidecar (at each problem) and on the letter (so the user sees why its annotations are missing), also for a
 * sidecar that cannot be read at all (not UTF-8, too large, not a file); `sidecar-without-letter` on a sidecar whose
 * letter is gone. Findings carry UTF-16 ranges of the file they are on; hosts apply severities with `applySeverities`.
 */
import type { Finding } from '../diagnostics/codes';
import type { Annotation, SidecarProblem, TextRange } from './types';

/** What a host knows of a letter's sidecar, as the diagnostics need it. */
export type SidecarCondition =
	| { readonly kind: 'none' }
	/** The file exists but is not read: `reason` completes "The sidecar x.annotations.yaml …" (e.g. "is not valid UTF-8 text…"). */
	| { readonly kind: 'unreadable'; readonly reason: string }
	| { readonly kind: 'invalid'; readonly problems: readonly SidecarProblem[] }
	/** Valid: the annotations that cannot be found, each at the last place it was known (UTF-16, in the letter). */
	| { readonly kind: 'valid'; readonly orphans: readonly { readonly annotation: Annotation; readonly lastKnown: TextRange }[] };

function shortQuote(exact: string): string {
	const flat = exact.replace(/\s+/g, ' ').trim();
	return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

function moreProblems(problems: readonly SidecarProblem[]): string {
	return problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
}

/** The message on a letter whose sidecar is invalid or unreadable: what is wrong, and that nothing is lost. */
export function unusableSidecarMessage(sidecarName: string, condition: SidecarCondition): string | undefined {
	if (condition.kind === 'invalid') {
		return `The annotation sidecar ${sidecarName} is not valid, so this letter's annotations are not shown: ${condition.problems[0]?.message ?? 'unknown problem'}${moreProblems(condition.problems)}. Correct the file; it is never written while it is invalid, so nothing is lost.`;
	}
	if (condition.kind === 'unreadable') {
		return `The annotation sidecar ${sidecarName} ${condition.reason}, so this letter's annotations are not shown. It is left exactly as it is.`;
	}
	return undefined;
}

/**
 * Findings on a letter from its sidecar: `sidecar-invalid` at the start of the letter when the sidecar is invalid or
 * cannot be read; otherwise `annotation-orphaned` for each orphan, at its last known place. `sidecarName` is the
 * sidecar's file name, as the messages show it.
 */
export function letterAnnotationFindings(sidecarName: string, condition: SidecarCondition): Finding[] {
	const unusable = unusableSidecarMessage(sidecarName, condition);
	if (unusable !== undefined) {
		return [{ code: 'sidecar-invalid', range: { start: 0, end: 0 }, message: unusable }];
	}
	if (condition.kind !== 'valid') {
		return [];
	}
	return condition.orphans.map(({ annotation, lastKnown }) => {
		const tags = annotation.tags.length > 0 ? ` (${annotation.tags.join(', ')})` : '';
		return {
			code: 'annotation-orphaned' as const,
			range: lastKnown,
			message: `Annotation ${annotation.id}${tags} “${shortQuote(annotation.target.exact)}” can no longer be found in this letter. It is kept in ${sidecarName}: select the text it belongs to and run “Attach Orphan to Selection”, or remove it.`,
		};
	});
}

/** `sidecar-invalid` findings on the sidecar file itself: one per problem at its range, or one at the start for a file that cannot be read. */
export function sidecarFileFindings(sidecarName: string, condition: SidecarCondition): Finding[] {
	if (condition.kind === 'unreadable') {
		return [{ code: 'sidecar-invalid', range: { start: 0, end: 0 }, message: `The sidecar ${sidecarName} ${condition.reason}. It is left exactly as it is; its annotations are not shown until it can be read.` }];
	}
	if (condition.kind !== 'invalid') {
		return [];
	}
	return condition.problems.map((problem) => ({
		code: 'sidecar-invalid' as const,
		range: problem.range,
		message: `${problem.message}. Correct the file (it is never written while it is invalid), or restore it from version control.`,
	}));
}

/**
 * `sidecar-without-letter` on a sidecar whose letter file (`letterName`) is gone: where the letter is now when a
 * workspace letter holds the sidecar's annotations (`foundAt`, as shown to the user), else what to do.
 */
export function sidecarWithoutLetterFinding(letterName: string, foundAt?: string): Finding {
	const found = foundAt === undefined
		? 'No letter of the workspace holds its annotations: restore the letter, or run `annotations relink` once it is back.'
		: `Its annotations are in ${foundAt}: use the quick fix (or \`annotations relink --write\`) to move the sidecar next to it.`;
	return {
		code: 'sidecar-without-letter',
		range: { start: 0, end: 0 },
		message: `The letter ${letterName} of this sidecar is gone (renamed, moved or deleted); its annotations are kept here. ${found}`,
	};
}
