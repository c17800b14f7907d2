/**
 * The part of a text a scanner looks at: the requested bounds clamped to the text, the text cut at the end bound
 * (so nothing is read past it), and the web-address zones to skip, computed from the start of the first line so
 * that an address which began before the bounds is still seen whole.
 */
import type { OffsetRange } from '../text/offsetRange';
import { findUrlZones } from './urlZones';

/** What a scanner needs to scan text[from, to). */
export interface ScanWindow {
	readonly from: number;
	readonly to: number;
	/** The text cut at `to`; offsets are those of the original text. */
	readonly text: string;
	/** URL and link-target zones overlapping the window, sorted. */
	readonly zones: readonly OffsetRange[];
}

/** Clamps a requested bound to [0, length]; anything that is not a finite number means `fallback`. */
function clampBound(value: number | undefined, fallback: number, length: number): number {
	const bound = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
	return Math.max(0, Math.min(length, bound));
}

/** How far back a web address that began before the window is looked for (addresses are far shorter). */
const MAX_LOOK_BACK = 4096;

/** The start of the line holding `offset`, or MAX_LOOK_BACK before it on a very long line. */
function lineStartBefore(text: string, offset: number): number {
	const limit = Math.max(0, offset - MAX_LOOK_BACK);
	let i = offset;
	while (i > limit && text[i - 1] !== '\n' && text[i - 1] !== '\r') {
		i--;
	}
	return i;
}

/** The last window computed: the parser runs the three scanners over the same text one after the other. */
let lastWindow: ScanWindow | undefined;
let lastWindowText: string | undefined;

/** The window of text[start, end) (defaults: the whole text); a start after the end gives an empty window. */
export function scanWindow(text: string, start: number | undefined, end: number | undefined): ScanWindow {
	const to = clampBound(end, text.length, text.length);
	const from = Math.min(clampBound(start, 0, text.length), to);
	if (lastWindow && lastWindowText === text && lastWindow.from === from && lastWindow.to === to) {
		return lastWindow;
	}
	const cut = to === text.length ? text : text.slice(0, to);
	lastWindowText = text;
	lastWindow = { from, to, text: cut, zones: findUrlZones(cut, lineStartBefore(cut, from), to) };
	return lastWindow;
}
