/** The web-address zone finder as it was before it started from "<" and "/" found with indexOf (commit aafbcaf): the oracle of urlZonesOracle.test.ts. */
import type { OffsetRange } from '../../../server/src/engine/text/offsetRange';

const AUTOLINK = /<(?:[a-z][a-z0-9+.-]{0,15}:|www\.)[^>\s]*>?/gi;
/** Where a bare address shows itself: a scheme separator or "www."; the scheme is then read backwards (a literal search is much faster than a pattern that starts at every word). */
const ADDRESS_MARK = /:\/\/|www\./gi;
const URL_BODY = /[^\s<>"“”]*/y;
/** A top-level domain followed by a path ("….eu/…"): where a domain-and-path address without "www." is looked for. */
const DOMAIN_ENDING = /\.[a-z]{2,}\//g;
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
 * Addresses written as a domain and a path without a scheme or "www." ("ceas.europa.eu/headquarters/…"): found from
 * their ".tld/" and extended back to the host's start and forward to the next white space.
 */
function collectDomainPaths(text: string, from: number, to: number, zones: { start: number; end: number }[]): void {
	DOMAIN_ENDING.lastIndex = from;
	for (let match = DOMAIN_ENDING.exec(text); match && match.index < to; match = DOMAIN_ENDING.exec(text)) {
		let start = match.index;
		while (start > 0 && isHostChar(text[start - 1])) {
			start--;
		}
		const hostStartsWell = start < match.index && /^[A-Za-z0-9]$/.test(text[start]) && !/^[@/\\]$/.test(text[start - 1] ?? '');
		if (!hostStartsWell) {
			continue;
		}
		URL_TAIL.lastIndex = match.index;
		URL_TAIL.exec(text);
		zones.push({ start, end: URL_TAIL.lastIndex });
		DOMAIN_ENDING.lastIndex = Math.max(DOMAIN_ENDING.lastIndex, URL_TAIL.lastIndex);
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
export function previousFindUrlZones(text: string, from: number, to: number): OffsetRange[] {
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
