import { superscriptToDigits } from '../../../server/src/engine/letter/footnotes';
import type { FootnoteMarker } from '../../../server/src/engine/letter/model';
import type { OffsetRange } from '../../../server/src/engine/text/offsetRange';

/** The inline-marker scan as it was before it became an exec loop (commit aafbcaf): the oracle of footnotesOracle.test.ts. */

/** Inline markers: superscript runs, `<sup>…</sup>`, `^{3,4,5}`. */
const INLINE_MARKER = /([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>([\d,\s]{1,20})<\/sup>|\^\{([\d,\s]{1,20})\}/g;

/**
 * Every inline marker of a text, scanned once for the reading stage and the footnote readers: superscript runs (group
 * 1), `<sup>` lists (group 2) and `^{…}` lists (group 3), in order.
 */
export function previousScanInlineMarkers(text: string): RegExpMatchArray[] {
	return [...text.matchAll(INLINE_MARKER)];
}

/** Units whose superscripts are exponents, not footnote markers (`km²`, `m³`). */
const UNIT_BEFORE = /(?:^|[^A-Za-z])(?:k?m|cm|mm|ft|sq)$/;

/**
 * The footnote-marker reader as it was before the header's `*` was found from each `*` of the text and the excluded
 * ranges looked up by binary search (commit 3dc1f41): the oracle of footnotesOracle.test.ts.
 */
export function previousFindFootnoteMarkers(text: string, footnoteLabels: readonly OffsetRange[], furniture: readonly OffsetRange[], inlineMarkers: readonly RegExpMatchArray[]): FootnoteMarker[] {
	const markers: FootnoteMarker[] = [];
	const isExcluded = (offset: number) => footnoteLabels.some((range) => offset >= range.start && offset < range.end) || furniture.some((range) => offset >= range.start && offset < range.end);
	for (const match of inlineMarkers) {
		const index = match.index ?? 0;
		if (isExcluded(index)) {
			continue;
		}
		if (match[1] !== undefined) {
			if (UNIT_BEFORE.test(text.slice(Math.max(0, index - 4), index))) {
				continue;
			}
			markers.push({ label: superscriptToDigits(match[1]), range: { start: index, end: index + match[1].length } });
			continue;
		}
		const list = match[2] ?? match[3];
		const listOffset = index + match[0].indexOf(list);
		for (const number of list.matchAll(/\d{1,3}/g)) {
			markers.push({ label: number[0], range: { start: listOffset + number.index, end: listOffset + number.index + number[0].length } });
		}
	}
	for (const match of /provisional|preliminary/i.test(text) ? text.matchAll(/\b(?:provisional\s+agenda|preliminary\s+list)(\\?\*)/gi) : []) {
		const start = match.index + match[0].length - 1;
		markers.push({ label: '*', range: { start, end: start + 1 } });
	}
	return markers.sort((a, b) => a.range.start - b.range.start);
}
