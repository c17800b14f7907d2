/**
 * Finding the letter a sidecar belongs to after the letter was renamed or moved outside the editor (`git mv`, a file
 * manager): the candidate letter whose text holds the sidecar's annotations — found again by the same re-anchoring
 * as after an edit — and, when the sidecar names the letter's symbol (`document.symbol`), whose own identity does not
 * contradict it. A majority of the annotations must be found, and one candidate must hold more than any other: copies
 * of one letter in two places are reported, not guessed between.
 */
import { parseDocumentSymbol } from '../symbols/documentSymbols';
import { prepareLetterForAnchoring, reanchorAnnotation } from './reanchor';
import type { Sidecar } from './types';

/** A letter that may be the one a sidecar belongs to. */
export interface RelinkCandidate {
	/** The host's identifier of the letter (a path or URI). */
	readonly key: string;
	readonly text: string;
	/** The letter's own identity (masthead, file name or inferred), when it has one. */
	readonly symbol?: string;
}

/** Where a sidecar's letter is now. */
export type RelinkVerdict =
	| { readonly kind: 'found'; readonly key: string; readonly found: number; readonly total: number }
	| { readonly kind: 'ambiguous'; readonly keys: readonly string[]; readonly found: number; readonly total: number }
	| { readonly kind: 'not-found'; readonly total: number };

function normalisedSymbol(text: string | undefined): string | undefined {
	if (text === undefined) {
		return undefined;
	}
	const parsed = parseDocumentSymbol(text.trim());
	return parsed.ok ? parsed.symbol.text : text.trim();
}

/** The longest run of non-space characters of a quote: a cheap first test of whether a text can hold it. */
function longestToken(exact: string): string {
	return exact.split(/\s+/).reduce((longest, token) => (token.length > longest.length ? token : longest), '');
}

/** Finds the letter among `candidates` that `sidecar` belongs to (see the module comment). */
export function findLetterForSidecar(sidecar: Sidecar, candidates: readonly RelinkCandidate[]): RelinkVerdict {
	const annotations = sidecar.annotations;
	const total = annotations.length;
	if (total === 0) {
		return { kind: 'not-found', total };
	}
	const wanted = normalisedSymbol(sidecar.document.symbol);
	const tokens = annotations.map((annotation) => longestToken(annotation.target.exact)).filter((token) => token.length >= 3);
	const scored: { key: string; found: number; symbolMatches: boolean }[] = [];
	for (const candidate of candidates) {
		const own = normalisedSymbol(candidate.symbol);
		if (wanted !== undefined && own !== undefined && own !== wanted) {
			continue;
		}
		if (tokens.length > 0 && !tokens.some((token) => candidate.text.includes(token))) {
			continue;
		}
		const index = prepareLetterForAnchoring(candidate.text);
		const found = annotations.filter((annotation) => reanchorAnnotation(index, annotation).status !== 'orphaned').length;
		if (found > 0) {
			scored.push({ key: candidate.key, found, symbolMatches: wanted !== undefined && own === wanted });
		}
	}
	const best = Math.max(0, ...scored.map((entry) => entry.found));
	if (best === 0 || best * 2 < total) {
		return { kind: 'not-found', total };
	}
	let leaders = scored.filter((entry) => entry.found === best);
	if (leaders.length > 1 && leaders.some((entry) => entry.symbolMatches)) {
		leaders = leaders.filter((entry) => entry.symbolMatches);
	}
	const [first] = leaders;
	if (leaders.length === 1 && first !== undefined) {
		return { kind: 'found', key: first.key, found: best, total };
	}
	return { kind: 'ambiguous', keys: leaders.map((entry) => entry.key).sort(), found: best, total };
}
