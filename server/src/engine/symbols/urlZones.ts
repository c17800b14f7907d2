/**
 * Parts of a text where citations must not be looked for: web addresses (bare, "www.…", domain paths,
 * "<https://…>" autolinks) and the "(…)" targets of Markdown links. Slashes and numbers inside them look
 * like symbols and dates ("www.hrw.org/news/2020/12/11/…") but are not.
 */
import type { OffsetRange } from '../text/offsetRange';

/** An autolink; tried only at each "<" (found with indexOf). */
const AUTOLINK_AT = /<(?:[a-z][a-z0-9+.-]{0,15}:|www\.)[^>\s]*>?/iy;
/** Where a bare address shows itself: a scheme separator or "www."; the scheme is then read backwards (a literal search is much faster than a pattern that starts at every word). */
const ADDRESS_MARK = /:\/\/|www\./gi;
const URL_BODY = /[^\s<>"“”]*/y;
const URL_TAIL = /[^\s<>"“”]*/y;
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

function isHostChar(ch: string): boolean {
	return /^[A-Za-z0-9.-]$/.test(ch);
}

/**
 * Where a top-level domain followed by a path ends at the "/" at `slash` ("….eu/…", `\.[a-z]{2,}\/`): the "." before
 * the two or more lower-case letters before the slash; -1 when there is none.
 */
function domainEndingBefore(text: string, slash: number): number {
	let start = slash;
	while (start > 0 && text.charCodeAt(start - 1) >= 97 && text.charCodeAt(start - 1) <= 122) {
		start--;
	}
	return slash - start >= 2 && text.charCodeAt(start - 1) === 46 /* . */ ? start - 1 : -1;
}

/**
 * Addresses written as a domain and a path without a scheme or "www." ("ceas.europa.eu/headquarters/…"): found from
 * their ".tld/" (read back from each "/") and extended back to the host's start and forward to the next white space.
 */
function collectDomainPaths(text: string, from: number, to: number, zones: { start: number; end: number }[]): void {
	let next = from;
	for (let slash = text.indexOf('/', from); slash >= 0; slash = text.indexOf('/', slash + 1)) {
		const ending = domainEndingBefore(text, slash);
		if (ending < next) {
			continue;
		}
		if (ending >= to) {
			return;
		}
		next = slash + 1;
		let start = ending;
		while (start > 0 && isHostChar(text[start - 1])) {
			start--;
		}
		const hostStartsWell = start < ending && /^[A-Za-z0-9]$/.test(text[start]) && !/^[@/\\]$/.test(text[start - 1] ?? '');
		if (!hostStartsWell) {
			continue;
		}
		URL_TAIL.lastIndex = ending;
		URL_TAIL.exec(text);
		zones.push({ start, end: URL_TAIL.lastIndex });
		next = Math.max(next, URL_TAIL.lastIndex);
	}
}

function isWordChar(ch: string | undefined): boolean {
	return ch !== undefined && /^[\p{L}\p{N}_]$/u.test(ch);
}

/** Bare addresses: `scheme://…` (a scheme of 1–16 characters starting with a letter) and `www.…`, to the next white space. */
function collectBareAddresses(text: string, from: number, to: number, zones: { start: number; end: number }[]): void {
	ADDRESS_MARK.lastIndex = from;
	for (let match = ADDRESS_MARK.exec(text); match && match.index < to; match = ADDRESS_MARK.exec(text)) {
		let start = match.index;
		if (match[0] === '://') {
			while (start > 0 && match.index - start < 16 && /^[A-Za-z0-9+.-]$/.test(text[start - 1])) {
				start--;
			}
			while (start < match.index && !/^[A-Za-z]$/.test(text[start])) {
				start++;
			}
			if (start === match.index || isWordChar(text[start - 1])) {
				continue;
			}
		} else if (isWordChar(text[start - 1])) {
			continue;
		}
		URL_BODY.lastIndex = match.index;
		URL_BODY.exec(text);
		zones.push({ start, end: URL_BODY.lastIndex });
		ADDRESS_MARK.lastIndex = Math.max(ADDRESS_MARK.lastIndex, URL_BODY.lastIndex);
	}
}

/** Every URL zone that overlaps text[from, to), sorted by start and merged. */
export function findUrlZones(text: string, from: number, to: number): OffsetRange[] {
	const zones: { start: number; end: number }[] = [];
	for (let open = text.indexOf('<', from); open >= 0 && open < to; open = text.indexOf('<', open + 1)) {
		AUTOLINK_AT.lastIndex = open;
		const match = AUTOLINK_AT.exec(text);
		if (match) {
			zones.push({ start: open, end: open + match[0].length });
			open += match[0].length - 1;
		}
	}
	collectBareAddresses(text, from, to, zones);
	collectDomainPaths(text, from, to, zones);
	LINK_TARGET_OPEN.lastIndex = from;
	for (let match = LINK_TARGET_OPEN.exec(text); match && match.index < to; match = LINK_TARGET_OPEN.exec(text)) {
		const open = match.index + 1;
		const close = linkTargetEnd(text, open, text.length);
		zones.push({ start: open, end: close + 1 });
		LINK_TARGET_OPEN.lastIndex = Math.max(LINK_TARGET_OPEN.lastIndex, close);
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
