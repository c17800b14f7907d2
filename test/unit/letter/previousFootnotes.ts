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
