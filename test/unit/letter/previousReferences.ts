/**
 * The annex-reference reader as it was before its pattern was tried only where a reference may start (commit aafbcaf):
 * the oracle of referencesOracle.test.ts.
 */
import type { AnnexReference } from '../../../server/src/engine/letter/model';
import type { OffsetRange } from '../../../server/src/engine/text/offsetRange';

const ANNEX_REFERENCE = /\b(?:(?:see|in|at|contained\s+in|reproduced\s+in)\s+(?:the\s+)?annex(?:es)?(?:\s+([IVXLC]+|\d{1,2})\b((?:\s*(?:,\s*and|,|and)\s*(?:[IVXLC]+|\d{1,2})\b)*))?|\(\s*annex\s+([IVXLC]+|\d{1,2})\s*\)|annex\s+([IVXLC]+|\d{1,2})\s+(?:to|of)\s+the\s+present\s+(?:letter|note))/gi;

/** How far before its word `annex` a reference may start (`contained in the annex`). */
const ANNEX_REFERENCE_LEAD = 200;

/**
 * The matches of {@link ANNEX_REFERENCE} in order, as a global scan would give them, but each scan started near the
 * next word `annex` (every reference holds one, at most {@link ANNEX_REFERENCE_LEAD} characters after its start), so
 * that the pattern is not tried at every word of the letter.
 */
function annexReferenceMatches(masked: string): RegExpExecArray[] {
	const matches: RegExpExecArray[] = [];
	const cue = /annex/gi;
	const pattern = new RegExp(ANNEX_REFERENCE.source, ANNEX_REFERENCE.flags);
	let from = 0;
	for (;;) {
		cue.lastIndex = from;
		const word = cue.exec(masked);
		if (!word) {
			return matches;
		}
		pattern.lastIndex = Math.max(from, word.index - ANNEX_REFERENCE_LEAD);
		const match = pattern.exec(masked);
		if (!match) {
			return matches;
		}
		matches.push(match);
		from = match.index + match[0].length;
	}
}

/** Finds references to this letter's own annexes: `see annex II`, `(annex I)`, `annex I to the present letter`, `see annex`. */
export function previousFindAnnexReferences(masked: string, excluded: readonly OffsetRange[]): AnnexReference[] {
	const references: AnnexReference[] = [];
	for (const match of annexReferenceMatches(masked)) {
		if (excluded.some((range) => match.index >= range.start && match.index < range.end)) {
			continue;
		}
		const label = (match[1] ?? match[3] ?? match[4] ?? '').toUpperCase();
		if (label === '' && !/^(?:see)\s+annex\b/i.test(match[0])) {
			continue;
		}
		references.push({ range: { start: match.index, end: match.index + match[0].length }, label });
		if (match[2]) {
			const listStart = match.index + match[0].length - match[2].length;
			for (const more of match[2].matchAll(/[IVXLC]+|\d{1,2}/g)) {
				const start = listStart + more.index;
				references.push({ range: { start, end: start + more[0].length }, label: more[0].toUpperCase() });
			}
		}
	}
	return references;
}
