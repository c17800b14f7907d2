/**
 * Parts of a text where citations must not be looked for: web addresses (bare, "www.…", domain paths,
 * "<https://…>" autolinks) and the "(…)" targets of Markdown links. Slashes and numbers inside them look
 * like symbols and dates ("www.hrw.org/news/2020/12/11/…") but are not.
 */
import type { OffsetRange } from '../text/offsetRange';

const AUTOLINK = /<(?:[a-z][a-z0-9+.-]*:|www\.)[^>\s]*>?/gi;
const SCHEME_OR_WWW = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"“”]*/gi;
const DOMAIN_PATH = /(?<![\p{L}\p{N}@./\\-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}\/[^\s<>"“”]*/gu;
const LINK_TARGET_OPEN = /\]\(/g;

/** The end of a Markdown link target opened at `open` (the "(" position): the matching ")", or the line's end. */
function linkTargetEnd(text: string, open: number, limit: number): number {
	let depth = 0;
	for (let i = open; i < limit; i++) {
		const ch = text[i];
		if (ch === '\n' || ch === '\r') {
			return i;
		}
		if (ch === '\\') {
			i++;
		} else if (ch === '(') {
			depth++;
		} else if (ch === ')') {
			depth--;
			if (depth === 0) {
				return i;
			}
		}
	}
	return limit;
}

/** Every URL zone that overlaps text[from, to), sorted by start and merged. */
export function findUrlZones(text: string, from: number, to: number): OffsetRange[] {
	const zones: { start: number; end: number }[] = [];
	const collect = (pattern: RegExp): void => {
		pattern.lastIndex = from;
		for (let match = pattern.exec(text); match && match.index < to; match = pattern.exec(text)) {
			zones.push({ start: match.index, end: match.index + match[0].length });
			if (match[0].length === 0) {
				pattern.lastIndex++;
			}
		}
	};
	collect(AUTOLINK);
	collect(SCHEME_OR_WWW);
	collect(DOMAIN_PATH);
	LINK_TARGET_OPEN.lastIndex = from;
	for (let match = LINK_TARGET_OPEN.exec(text); match && match.index < to; match = LINK_TARGET_OPEN.exec(text)) {
		const open = match.index + 1;
		zones.push({ start: open, end: linkTargetEnd(text, open, text.length) + 1 });
	}
	zones.sort((a, b) => a.start - b.start);
	const merged: { start: number; end: number }[] = [];
	for (const zone of zones) {
		const last = merged.at(-1);
		if (last && zone.start <= last.end) {
			last.end = Math.max(last.end, zone.end);
		} else {
			merged.push({ ...zone });
		}
	}
	return merged;
}

/** True when `offset` lies inside one of the sorted zones. */
export function insideZones(zones: readonly OffsetRange[], offset: number): boolean {
	let low = 0;
	let high = zones.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		if (zones[mid].end <= offset) {
			low = mid + 1;
		} else if (zones[mid].start > offset) {
			high = mid - 1;
		} else {
			return true;
		}
	}
	return false;
}

/** The start of the line holding `offset` (zones are computed from there so a URL that began earlier is seen whole). */
export function lineStartBefore(text: string, offset: number): number {
	const newline = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1));
	return newline + 1;
}
