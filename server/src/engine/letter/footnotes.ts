import type { OffsetRange } from '../text/offsetRange';
import { collapse } from './header';
import type { FootnoteMarker, FootnoteText } from './model';
import type { Block } from './textLayout';

const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** Converts Unicode superscript digits (`¹⁴`) to ASCII digits (`14`). */
export function superscriptToDigits(text: string): string {
	return [...text].map((ch) => SUPERSCRIPT_DIGITS[ch] ?? ch).join('');
}

/** A footnote text's label at the start of a paragraph: `¹ `, `<sup>1</sup> `, `^{1} `, `^1 `, or `* ` before a symbol. */
const FOOTNOTE_LABEL = /^[ \t]*(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>\s*(\d{1,3})\s*<\/sup>|\^\{(\d{1,3})\}|\^(\d{1,3})|(\\?\*)(?=[ \t]+[A-Z]{1,4}\/))[ \t]*/;

/** Inline markers: superscript runs, `<sup>…</sup>`, `^{3,4,5}`. */
const INLINE_MARKER = /([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>([\d,\s]{1,20})<\/sup>|\^\{([\d,\s]{1,20})\}/g;

/** Units whose superscripts are exponents, not footnote markers (`km²`, `m³`). */
const UNIT_BEFORE = /(?:^|[^A-Za-z])(?:k?m|cm|mm|ft|sq)$/;

/** Finds the footnote texts: paragraphs that begin with a footnote label. A text that does not end a sentence continues in the next paragraph (a footnote carried over a page break). */
export function findFootnoteTexts(text: string, blocks: readonly Block[]): FootnoteText[] {
	const footnotes: FootnoteText[] = [];
	for (let i = 0; i < blocks.length; i++) {
		const block = blocks[i];
		const blockText = text.slice(block.start, block.end);
		const match = FOOTNOTE_LABEL.exec(blockText);
		if (!match) {
			continue;
		}
		const rawLabel = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '*';
		const label = match[1] ? superscriptToDigits(rawLabel) : rawLabel.replace('\\', '');
		const labelStart = block.start + blockText.indexOf(match[0].trim().charAt(0));
		const labelRange = { start: labelStart, end: block.start + match[0].trimEnd().length };
		let end = block.end;
		const next = blocks[i + 1];
		if (next && !/[.!?”")\]]\s*$/.test(blockText) && !FOOTNOTE_LABEL.test(text.slice(next.start, next.end)) && /^\s*(?:[a-z\d[(]|[A-Z]{1,6}\/)/.test(text.slice(next.start, next.end))) {
			end = next.end;
			i++;
		}
		footnotes.push({ label, labelRange, range: { start: block.start, end }, text: collapse(text.slice(labelRange.end, end)) });
	}
	return footnotes;
}

/**
 * Finds footnote markers outside footnote labels. `^{3,4,5}` and `<sup>3,4</sup>` give one marker per number, each with
 * the range of its digits. An asterisk right after `provisional agenda` or `preliminary list` is the header's `*` marker.
 */
export function findFootnoteMarkers(text: string, footnoteLabels: readonly OffsetRange[], furniture: readonly OffsetRange[]): FootnoteMarker[] {
	const markers: FootnoteMarker[] = [];
	const isExcluded = (offset: number) => footnoteLabels.some((range) => offset >= range.start && offset < range.end) || furniture.some((range) => offset >= range.start && offset < range.end);
	for (const match of text.matchAll(INLINE_MARKER)) {
		if (isExcluded(match.index)) {
			continue;
		}
		if (match[1] !== undefined) {
			if (UNIT_BEFORE.test(text.slice(Math.max(0, match.index - 4), match.index))) {
				continue;
			}
			markers.push({ label: superscriptToDigits(match[1]), range: { start: match.index, end: match.index + match[1].length } });
			continue;
		}
		const list = match[2] ?? match[3];
		const listOffset = match.index + match[0].indexOf(list);
		for (const number of list.matchAll(/\d{1,3}/g)) {
			markers.push({ label: number[0], range: { start: listOffset + number.index, end: listOffset + number.index + number[0].length } });
		}
	}
	for (const match of text.matchAll(/\b(?:provisional\s+agenda|preliminary\s+list)(\\?\*)/gi)) {
		const start = match.index + match[0].length - 1;
		markers.push({ label: '*', range: { start, end: start + 1 } });
	}
	return markers.sort((a, b) => a.range.start - b.range.start);
}
