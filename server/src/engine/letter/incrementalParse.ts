/**
 * The re-parse of an open letter after an edit: what the scanners found in the previous text is kept outside the
 * edited stretch, and only a window around it is scanned again; the structural steps of {@link parseLetter} then run
 * on the whole text as always. The model is the one a full `parseLetter` of the new text gives (a property test holds
 * it to that after random edits).
 *
 * Why it is exact: each scanner (symbols, dates, resolution citations) reads a position from the characters around it
 * and from where its previous match ended, never from far away, and scans a window `[from, to)` as a scan of the whole
 * text reads it once the two are in step. So the window is scanned with margins on both sides, and its matches in each
 * margin must be the previous text's matches there, shifted by the edit's length on the right side: the window's scan
 * has fallen in step with the whole scan before the edit and is still in step after it. Where a margin disagrees (or a
 * match of the previous text straddles the window's edge, or the window would cover most of the text) the text is
 * scanned whole instead.
 */
import type { ReferenceData } from '../sessions/referenceData';
import { scanDates } from '../calendar/dates';
import { scanDocumentSymbols } from '../symbols/documentSymbols';
import { scanResolutionCitations } from '../symbols/resolutions';
import { scanInlineMarkers } from './footnotes';
import type { Letter } from './model';
import type { LetterScans } from './parseLetter';
import { parseLetter, scanLetterText } from './parseLetter';

/**
 * Characters around a position that a scanner may read to decide a match there (matches are far shorter): the width
 * of each margin where the window's scan must agree with the whole scan, and of the stretch between the edit and each
 * margin.
 */
export const SCAN_CONTEXT = 1024;

/** Past this share of the text the window is not worth it: the whole text is scanned. */
const MAX_WINDOW_SHARE = 0.5;

/** A scanner's match: a range of the text with what was read there. */
interface Ranged {
	readonly start: number;
	readonly end: number;
}

/** The stretch two texts differ in: `[start, oldEnd)` of the old text is `[start, newEnd)` of the new one. */
export interface ChangedStretch {
	readonly start: number;
	readonly oldEnd: number;
	readonly newEnd: number;
}

/** The texts are compared this many characters at a time (a native comparison) before character by character. */
const COMPARED_AT_ONCE = 2048;

/** Where two texts differ (their common start and end set aside); undefined when they are the same. */
export function changedStretch(before: string, after: string): ChangedStretch | undefined {
	if (before === after) {
		return undefined;
	}
	const shorter = Math.min(before.length, after.length);
	let start = 0;
	while (start + COMPARED_AT_ONCE <= shorter && before.slice(start, start + COMPARED_AT_ONCE) === after.slice(start, start + COMPARED_AT_ONCE)) {
		start += COMPARED_AT_ONCE;
	}
	while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) {
		start++;
	}
	const room = shorter - start;
	let tail = 0;
	while (tail + COMPARED_AT_ONCE <= room && before.slice(before.length - tail - COMPARED_AT_ONCE, before.length - tail) === after.slice(after.length - tail - COMPARED_AT_ONCE, after.length - tail)) {
		tail += COMPARED_AT_ONCE;
	}
	while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) {
		tail++;
	}
	return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** Whether two values read from text are the same (plain data: strings, numbers, arrays and records of them). */
function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) {
		return true;
	}
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
		return false;
	}
	const keysA = Object.keys(a);
	if (keysA.length !== Object.keys(b).length) {
		return false;
	}
	return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Whether `b` is `a` moved by `shift` characters (the same reading at the shifted range). */
function sameMatch(a: Ranged, b: Ranged, shift: number): boolean {
	if (a.start + shift !== b.start || a.end + shift !== b.end) {
		return false;
	}
	const keys = Object.keys(a);
	const record = (match: Ranged) => match as unknown as Record<string, unknown>;
	return keys.length === Object.keys(b).length
		&& keys.every((key) => key === 'start' || key === 'end' || (Object.prototype.hasOwnProperty.call(b, key) && sameValue(record(a)[key], record(b)[key])));
}

/** The index of the first match starting at or after `offset` (matches are sorted by start and do not overlap). */
function firstFrom(matches: readonly Ranged[], offset: number): number {
	let low = 0;
	let high = matches.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (matches[middle].start < offset) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	return low;
}

/** The matches that start in `[from, to)`. */
function startingIn<T extends Ranged>(matches: readonly T[], from: number, to: number): T[] {
	const found: T[] = [];
	for (let i = firstFrom(matches, from); i < matches.length && matches[i].start < to; i++) {
		found.push(matches[i]);
	}
	return found;
}

function sameMatches(a: readonly Ranged[], b: readonly Ranged[], shift: number): boolean {
	return a.length === b.length && a.every((match, i) => sameMatch(match, b[i], shift));
}

/** A window of the new text to scan again, and the margins where its scan must agree with the previous scan. */
interface ScanPlan {
	/** The window scanned: `[from, to)` of the new text. */
	readonly from: number;
	readonly to: number;
	/** Matches of the previous scan starting before `keepBefore` are kept as they are. */
	readonly keepBefore: number;
	/** Matches of the window starting in `[keepBefore, takeBefore)` are taken (new text offsets). */
	readonly takeBefore: number;
	/** The new text's length, and how much longer it is than the previous text. */
	readonly newLength: number;
	readonly shift: number;
}

function planWindow(stretch: ChangedStretch, newLength: number): ScanPlan | undefined {
	const shift = stretch.newEnd - stretch.oldEnd;
	const from = Math.max(0, stretch.start - 2 * SCAN_CONTEXT);
	const to = Math.min(newLength, stretch.newEnd + 3 * SCAN_CONTEXT);
	if (to - from > newLength * MAX_WINDOW_SHARE) {
		return undefined;
	}
	// At the text's start (or end) the window's scan is the whole scan's there: no margin is needed on that side.
	const keepBefore = from === 0 ? 0 : stretch.start - SCAN_CONTEXT;
	const takeBefore = to === newLength ? newLength : stretch.newEnd + 2 * SCAN_CONTEXT;
	return { from, to, keepBefore, takeBefore, newLength, shift };
}

/**
 * A copy of a match `shift` characters further on. (Copied whole, then moved: a spread that sets the range as it copies
 * makes a new object shape each time, and a chain of edits made copying the matches after the window 30 times slower.)
 */
function moved<T extends Ranged>(match: T, shift: number): T {
	const copy: { start: number; end: number } = { ...match };
	copy.start += shift;
	copy.end += shift;
	return copy as unknown as T;
}

/**
 * One scanner's matches in the new text from its matches in the previous text and a scan of the window; undefined
 * when the window's scan is not in step with the previous scan in both margins.
 */
function spliceScan<T extends Ranged>(previous: readonly T[], plan: ScanPlan, scanWindow: (from: number, to: number) => T[]): T[] | undefined {
	const { from, to, keepBefore, takeBefore, shift } = plan;
	const oldTakeBefore = takeBefore - shift;
	if (from > 0) {
		// A previous match across the window's start is one the window's scan cannot read whole: no margin to compare.
		const before = previous[firstFrom(previous, from) - 1];
		if (before !== undefined && before.end > from) {
			return undefined;
		}
	}
	const window = scanWindow(from, to);
	if (from > 0 && !sameMatches(startingIn(previous, from, keepBefore), startingIn(window, from, keepBefore), 0)) {
		return undefined;
	}
	if (to < plan.newLength && !sameMatches(startingIn(previous, oldTakeBefore - SCAN_CONTEXT, oldTakeBefore), startingIn(window, takeBefore - SCAN_CONTEXT, takeBefore), shift)) {
		return undefined;
	}
	const result: T[] = startingIn(previous, 0, keepBefore).concat(startingIn(window, keepBefore, takeBefore));
	for (let i = firstFrom(previous, oldTakeBefore); i < previous.length; i++) {
		result.push(shift === 0 ? previous[i] : moved(previous[i], shift));
	}
	return result;
}

/** An inline footnote marker as a ranged match: its text and groups, compared by value where margins are compared. */
interface MarkerMatch extends Ranged {
	readonly raw: string;
	readonly superscripts: string | undefined;
	readonly sup: string | undefined;
	readonly braces: string | undefined;
}

function markerMatches(markers: readonly RegExpMatchArray[]): MarkerMatch[] {
	return markers.map((marker) => {
		const start = marker.index ?? 0;
		return { start, end: start + marker[0].length, raw: marker[0], superscripts: marker[1], sup: marker[2], braces: marker[3] };
	});
}

/** The match `scanInlineMarkers(text)` gives for a marker (its `input` the new text, not the one it was found in). */
function markerOf(match: MarkerMatch, text: string): RegExpMatchArray {
	const marker = [match.raw, match.superscripts, match.sup, match.braces] as unknown as RegExpMatchArray;
	marker.index = match.start;
	marker.input = text;
	marker.groups = undefined;
	return marker;
}

/** The inline markers of the new text, spliced as the other scans are (undefined when the margins disagree). */
function spliceMarkers(previous: readonly RegExpMatchArray[], plan: ScanPlan, text: string): RegExpMatchArray[] | undefined {
	const spliced = spliceScan(markerMatches(previous), plan, (from, to) => markerMatches(scanInlineMarkers(text, from, to)));
	return spliced?.map((match) => markerOf(match, text));
}

/**
 * What the scanners find in `text`, from what they found in `previousText` (`previous`) and a scan of a window around
 * where the two differ; the whole text is scanned when the window cannot be shown to give the same.
 */
export function rescanLetterText(previousText: string, previous: LetterScans, text: string): LetterScans {
	const stretch = changedStretch(previousText, text);
	if (!stretch) {
		return previous;
	}
	const plan = planWindow(stretch, text.length);
	if (!plan) {
		return scanLetterText(text);
	}
	const symbols = spliceScan(previous.symbols, plan, (from, to) => scanDocumentSymbols(text, from, to));
	const dates = symbols && spliceScan(previous.dates, plan, (from, to) => scanDates(text, from, to));
	const resolutions = dates && spliceScan(previous.resolutions, plan, (from, to) => scanResolutionCitations(text, from, to));
	const inlineMarkers = resolutions && spliceMarkers(previous.inlineMarkers, plan, text);
	return symbols && dates && resolutions && inlineMarkers ? { symbols, dates, resolutions, inlineMarkers } : scanLetterText(text);
}

/**
 * Parses the successive versions of one open letter: each version by {@link parseLetter}, its scans found from the
 * previous version's by {@link rescanLetterText}.
 */
export class IncrementalLetterParser {
	private previous: { readonly text: string; readonly scans: LetterScans } | undefined;

	constructor(private readonly data: ReferenceData) {}

	/** The model of a new version of the letter's text: the one `parseLetter(text, data)` gives. */
	parse(text: string): Letter {
		const held = this.previous;
		return parseLetter(text, this.data, (scanned) => {
			const scans = held ? rescanLetterText(held.text, held.scans, scanned) : scanLetterText(scanned);
			this.previous = { text: scanned, scans };
			return scans;
		});
	}
}
