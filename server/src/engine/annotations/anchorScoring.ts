/**
 * How well a candidate place in the letter fits an annotation: quote, prefix, suffix and distance from the old
 * position, each scored 0..1 and weighted. The weights follow the Hypothesis client's text-quote anchoring
 * (quote 50, prefix 20, suffix 20, position 2): the quote matters most, the context tells repeats apart and the
 * old position only breaks ties. Acceptance is decided separately, on the context (`anchorEvidence`),
 * against the threshold in `reanchor.ts`.
 */

/** Weights of the four parts of the score. */
export const ANCHOR_SCORE_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/**
 * Edit distance between `pattern` and the best-matching *start* of `text` (any length of `text` may be used, the
 * rest is free): how far `text` is from beginning with `pattern`. O(|pattern| × |text|); both are short here.
 */
export function distanceToBestPrefix(pattern: string, text: string): number {
	let previous = Array.from({ length: text.length + 1 }, (_, column) => column);
	for (let row = 1; row <= pattern.length; row++) {
		const current = [row];
		for (let column = 1; column <= text.length; column++) {
			const substitution = (previous[column - 1] ?? 0) + (pattern[row - 1] === text[column - 1] ? 0 : 1);
			current.push(Math.min(substitution, (previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1));
		}
		previous = current;
	}
	return Math.min(...previous);
}

function reversed(text: string): string {
	return [...text].reverse().join('');
}

/** Similarity 0..1 of the stored `prefix` to the text just before a candidate (`before` ends at the candidate). */
export function prefixSimilarity(prefix: string, before: string): number {
	return prefix.length === 0 ? 1 : Math.max(0, 1 - distanceToBestPrefix(reversed(prefix), reversed(before)) / prefix.length);
}

/** Similarity 0..1 of the stored `suffix` to the text just after a candidate (`after` starts at the candidate's end). */
export function suffixSimilarity(suffix: string, after: string): number {
	return suffix.length === 0 ? 1 : Math.max(0, 1 - distanceToBestPrefix(suffix, after) / suffix.length);
}

/** The parts of a candidate's score, each 0..1 (`undefined` for a context side the annotation does not store). */
export interface AnchorScoreParts {
	readonly quote: number;
	readonly prefix: number | undefined;
	readonly suffix: number | undefined;
	readonly position: number;
}

/**
 * The weighted score 0..1 of a candidate, used to rank candidates that are all acceptable; context sides the
 * annotation does not store are left out of the weights.
 */
export function combineAnchorScore(parts: AnchorScoreParts): number {
	const weights = ANCHOR_SCORE_WEIGHTS;
	let total = weights.quote * parts.quote + weights.position * parts.position;
	let weight = weights.quote + weights.position;
	if (parts.prefix !== undefined) {
		total += weights.prefix * parts.prefix;
		weight += weights.prefix;
	}
	if (parts.suffix !== undefined) {
		total += weights.suffix * parts.suffix;
		weight += weights.suffix;
	}
	return total / weight;
}

/** No side of the stored context may be less similar than this, whatever the other side (see `anchorEvidence`). */
export const CONTEXT_SIDE_FLOOR = 0.8;

/**
 * The evidence 0..1 that a candidate is the annotated place, judged on its context: the similarity of the whole
 * stored context (prefix and suffix together, weighted by length), or 0 when one side alone falls below
 * `CONTEXT_SIDE_FLOOR`. The context is what tells one place from another, so a perfect quote never makes up for a
 * context that differs — that keeps a repeated phrase from capturing an annotation whose passage was deleted. The
 * quote itself may have been edited; how much is bounded by the fuzzy search (`MAX_FUZZY_ERROR_RATE`). An
 * annotation that stores no context at all is judged on its quote.
 */
export function anchorEvidence(parts: AnchorScoreParts, prefixLength: number, suffixLength: number): number {
	const sides = [
		{ similarity: parts.prefix, length: prefixLength },
		{ similarity: parts.suffix, length: suffixLength },
	].filter((side): side is { similarity: number; length: number } => side.similarity !== undefined && side.length > 0);
	if (sides.length === 0) {
		return parts.quote;
	}
	if (sides.some((side) => side.similarity < CONTEXT_SIDE_FLOOR)) {
		return 0;
	}
	const total = sides.reduce((sum, side) => sum + side.length, 0);
	return sides.reduce((sum, side) => sum + side.similarity * side.length, 0) / total;
}
