/**
 * Finding an annotation again after its letter changed outside the editor (git pull, another tool):
 * 1. the stored position, if the text there is still the quote;
 * 2. every exact occurrence of the quote (whitespace-insensitive), the context deciding between repeats;
 * 3. a fuzzy match of the quote (Myers' bit-parallel approximate matching, `approx-string-match`).
 * Every candidate is scored on quote, prefix, suffix and distance (`anchorScoring.ts`). Candidates whose weakest part
 * reaches `ANCHOR_ACCEPT_THRESHOLD` are acceptable and the best-ranked of them is taken; if there is none the
 * annotation is orphaned. A wrong attachment
 * is worse than an orphan: the same words standing elsewhere in another context must not capture it.
 */
import search from 'approx-string-match';
import { targetForRange } from './annotationTarget';
import { anchorEvidence, combineAnchorScore, prefixSimilarity, suffixSimilarity } from './anchorScoring';
import { createOffsetConverter } from './offsets';
import type { OffsetConverter } from './offsets';
import { collapseWhitespace, createWhitespaceView } from './whitespaceView';
import type { WhitespaceView } from './whitespaceView';
import type { Annotation, AnnotationTarget, TextRange } from './types';

/**
 * A candidate is accepted only when the context the annotation stores (32 characters of prefix and of suffix) is at
 * least this similar to the text around it (1 − edit distance / length, whitespace runs counted as one space), with
 * neither side below `CONTEXT_SIDE_FLOOR` (0.8); its quote may differ by up to `MAX_FUZZY_ERROR_RATE`.
 * 0.9 of 64 characters is about six characters of change: re-wrapped text, a word changed inside the span and a
 * word of up to 6 characters inserted right next to it keep the annotation. It rejects repeated phrases in other
 * contexts that lower values accept, from letter 001: "and injuring" in two casualty reports ("…lives of 25
 * civilians and injuring more than 84…" / "…death of 21 civilians and injuring more than 70…", one side 75% alike)
 * and "www.hrw" in two footnotes citing different reports (both sides 80–88% alike, 84% together).
 * The calibration tests in `test/unit/annotations/anchorThreshold.test.ts` check both sides of it.
 */
export const ANCHOR_ACCEPT_THRESHOLD = 0.9;

/** At most this share of the quote's characters may differ in a fuzzy match (edits inside the span). */
export const MAX_FUZZY_ERROR_RATE = 0.25;

/** How an annotation was found again. */
export type AnchorMethod = 'position' | 'exact' | 'fuzzy' | 'none';

/** The outcome of re-anchoring one annotation. */
export interface ReanchorResult {
	/** `unchanged`: same quote at the same position; `moved`: found elsewhere or with a changed quote; `orphaned`: not found. */
	readonly status: 'unchanged' | 'moved' | 'orphaned';
	/** Which step found it (`none` when orphaned). */
	readonly method: AnchorMethod;
	/**
	 * The evidence (0..1, see `anchorEvidence`) of the chosen candidate, or of the closest rejected one
	 * when orphaned; `undefined` when no candidate existed at all.
	 */
	readonly score: number | undefined;
	/** Where it is now, in UTF-16 indices; `undefined` when orphaned. */
	readonly range: TextRange | undefined;
	/** The target to store (quote, context and code point positions as the letter stands now); `undefined` when orphaned. */
	readonly target: AnnotationTarget | undefined;
}

/** A letter prepared once for re-anchoring many annotations. */
export interface AnchoringIndex {
	readonly letterText: string;
	readonly view: WhitespaceView;
	readonly converter: OffsetConverter;
}

/** Prepares `letterText` for `reanchorAnnotation` (worth it when a letter has several annotations). */
export function prepareLetterForAnchoring(letterText: string): AnchoringIndex {
	return { letterText, view: createWhitespaceView(letterText), converter: createOffsetConverter(letterText) };
}

interface Candidate {
	readonly collapsedStart: number;
	readonly collapsedEnd: number;
	readonly quoteScore: number;
	readonly method: AnchorMethod;
	/** The exact original range, when known without mapping back (the stored position). */
	readonly originalRange?: TextRange;
}

const MAX_CANDIDATES = 2000;

function exactCandidates(haystack: string, quote: string): Candidate[] {
	const found: Candidate[] = [];
	for (let at = haystack.indexOf(quote); at !== -1 && found.length < MAX_CANDIDATES; at = haystack.indexOf(quote, at + 1)) {
		found.push({ collapsedStart: at, collapsedEnd: at + quote.length, quoteScore: 1, method: 'exact' });
	}
	return found;
}

function fuzzyCandidates(haystack: string, quote: string): Candidate[] {
	const maxErrors = Math.floor(quote.length * MAX_FUZZY_ERROR_RATE);
	if (maxErrors < 1) {
		return [];
	}
	return search(haystack, quote, maxErrors)
		.sort((a, b) => a.errors - b.errors)
		.slice(0, MAX_CANDIDATES)
		.map((match) => ({ collapsedStart: match.start, collapsedEnd: match.end, quoteScore: 1 - match.errors / quote.length, method: 'fuzzy' as const }));
}

/** Widens a range over up to `leading` whitespace characters before it and `trailing` after it. */
function widenOverWhitespace(text: string, range: TextRange, leading: number, trailing: number): TextRange {
	let { start, end } = range;
	for (let count = 0; count < leading && start > 0 && /\s/.test(text[start - 1] ?? ''); count++) {
		start--;
	}
	for (let count = 0; count < trailing && end < text.length && /\s/.test(text[end] ?? ''); count++) {
		end++;
	}
	return { start, end };
}

/**
 * Finds `annotation` in the letter as it stands now (see the module comment). `letter` is the letter's text or an
 * index made by `prepareLetterForAnchoring`. Never throws.
 */
export function reanchorAnnotation(letter: string | AnchoringIndex, annotation: Annotation): ReanchorResult {
	const index = typeof letter === 'string' ? prepareLetterForAnchoring(letter) : letter;
	const { letterText, view, converter } = index;
	const stored = annotation.target;
	// The search runs on the quote without its edge whitespace, which belongs with the context instead: in the
	// collapsed view one space may stand for whitespace of both the quote and its context.
	const leading = /^\s*/.exec(stored.exact)?.[0] ?? '';
	const trailing = /\s*$/.exec(stored.exact)?.[0] ?? '';
	const quote = collapseWhitespace(stored.exact.trim());
	const prefix = collapseWhitespace(stored.prefix + leading);
	const suffix = collapseWhitespace(trailing + stored.suffix);
	const orphan = (score: number | undefined): ReanchorResult => ({ status: 'orphaned', method: 'none', score, range: undefined, target: undefined });
	if (quote === '') {
		return orphan(undefined);
	}
	const oldStart = converter.toUtf16(stored.start);
	const oldEnd = converter.toUtf16(stored.end);
	const oldCollapsed = view.collapsedOffset(oldStart ?? letterText.length);
	const haystack = view.text;

	const evaluate = (candidate: Candidate): { candidate: Candidate; evidence: number; rank: number } => {
		const before = haystack.slice(Math.max(0, candidate.collapsedStart - prefix.length * 2), candidate.collapsedStart);
		const after = haystack.slice(candidate.collapsedEnd, candidate.collapsedEnd + suffix.length * 2);
		const parts = {
			quote: candidate.quoteScore,
			prefix: prefix.length === 0 ? undefined : prefixSimilarity(prefix, before),
			suffix: suffix.length === 0 ? undefined : suffixSimilarity(suffix, after),
			position: 1 - Math.abs(candidate.collapsedStart - oldCollapsed) / Math.max(1, haystack.length),
		};
		return { candidate, evidence: anchorEvidence(parts, prefix.length, suffix.length), rank: combineAnchorScore(parts) };
	};
	/** The best-ranked acceptable candidate, else the rejected one with the strongest evidence. */
	const best = (candidates: readonly Candidate[]): { candidate: Candidate; evidence: number; rank: number } | undefined => {
		let top: { candidate: Candidate; evidence: number; rank: number } | undefined;
		for (const evaluated of candidates.map(evaluate)) {
			const acceptable = evaluated.evidence >= ANCHOR_ACCEPT_THRESHOLD;
			const topAcceptable = top !== undefined && top.evidence >= ANCHOR_ACCEPT_THRESHOLD;
			const better = top === undefined || (acceptable && !topAcceptable) || (acceptable === topAcceptable && (acceptable ? evaluated.rank > top.rank : evaluated.evidence > top.evidence));
			if (better) {
				top = evaluated;
			}
		}
		return top;
	};

	const atStoredPosition: Candidate[] = [];
	if (oldStart !== undefined && oldEnd !== undefined && oldEnd > oldStart && letterText.slice(oldStart, oldEnd) === stored.exact) {
		const collapsedStart = view.collapsedOffset(oldStart + leading.length);
		const collapsedEnd = view.collapsedOffset(oldEnd - trailing.length - 1) + 1;
		atStoredPosition.push({ collapsedStart, collapsedEnd, quoteScore: 1, method: 'position', originalRange: { start: oldStart, end: oldEnd } });
	}
	// The quote still at its stored position with its context intact cannot be beaten: no need to search.
	const inPlace = atStoredPosition.length > 0 ? best(atStoredPosition) : undefined;
	let winner = inPlace !== undefined && inPlace.evidence === 1 ? inPlace : best([...atStoredPosition, ...exactCandidates(haystack, quote)]);
	if (winner === undefined || winner.evidence < ANCHOR_ACCEPT_THRESHOLD) {
		const fuzzy = best(fuzzyCandidates(haystack, quote));
		if (fuzzy !== undefined && (winner === undefined || fuzzy.evidence > winner.evidence)) {
			winner = fuzzy;
		}
	}
	if (winner === undefined || winner.evidence < ANCHOR_ACCEPT_THRESHOLD) {
		return orphan(winner?.evidence);
	}
	const { candidate } = winner;
	const mapped = candidate.originalRange ?? widenOverWhitespace(letterText, { start: view.originalStart(candidate.collapsedStart), end: view.originalEnd(candidate.collapsedEnd) }, leading.length, trailing.length);
	const target = targetForRange(letterText, mapped);
	const range = { start: converter.toUtf16(target.start) ?? mapped.start, end: converter.toUtf16(target.end) ?? mapped.end };
	const samePlace = target.start === stored.start && target.end === stored.end && target.exact === stored.exact;
	const method = samePlace && candidate.method === 'exact' ? 'position' : candidate.method;
	return { status: samePlace ? 'unchanged' : 'moved', method, score: winner.evidence, range, target };
}

/** Re-anchors every annotation of one letter, preparing the letter once. Results are in the annotations' order. */
export function reanchorAnnotations(letterText: string, annotations: readonly Annotation[]): ReanchorResult[] {
	const index = prepareLetterForAnchoring(letterText);
	return annotations.map((annotation) => reanchorAnnotation(index, annotation));
}

/**
 * The annotation as it should be stored after re-anchoring: found → the new target and no orphaned mark;
 * orphaned → marked, with its last known target kept.
 */
export function annotationAfterReanchor(annotation: Annotation, result: ReanchorResult): Annotation {
	const { status: _status, ...attached } = annotation;
	if (result.target === undefined) {
		return { ...attached, status: 'orphaned' };
	}
	return { ...attached, target: result.target };
}
