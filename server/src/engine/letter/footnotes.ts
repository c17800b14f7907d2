import type { OffsetRange } from '../text/offsetRange';
import { matchesIgnoringAsciiCase } from './asciiCase';
import { collapse } from './header';
import type { FootnoteMarker, FootnoteText } from './model';
import { RangeIndex } from './rangeIndex';
import { spaceRunStart } from './references';
import type { Block, Line } from './textLayout';
import { GLUED_MARKER } from './titleLine';

const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** Converts Unicode superscript digits (`¹⁴`) to ASCII digits (`14`). */
export function superscriptToDigits(text: string): string {
	return [...text].map((ch) => SUPERSCRIPT_DIGITS[ch] ?? ch).join('');
}

/** A footnote text's label at the start of a paragraph: `¹ `, `<sup>1</sup> `, `^{1} `, `^1 `, or `* ` before a symbol. */
const FOOTNOTE_LABEL = /^[ \t]*(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>\s*(\d{1,3})\s*<\/sup>|\^\{(\d{1,3})\}|\^(\d{1,3})|(\\?\*)(?=[ \t]+[A-Z]{1,4}\/))[ \t]*/;

/** Inline markers: superscript runs, `<sup>…</sup>`, `^{3,4,5}`. */
const INLINE_MARKER = /([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>([\d,\s]{1,20})<\/sup>|\^\{([\d,\s]{1,20})\}/g;

/**
 * Every inline marker of a text, scanned once for the reading stage and the footnote readers: superscript runs (group
 * 1), `<sup>` lists (group 2) and `^{…}` lists (group 3), in order. With `from` and `to`, the markers a scan started at
 * `from` finds starting before `to` (an editor's re-scan of the stretch around an edit).
 */
export function scanInlineMarkers(text: string, from = 0, to = text.length): RegExpMatchArray[] {
	const markers: RegExpMatchArray[] = [];
	INLINE_MARKER.lastIndex = from;
	for (let match = INLINE_MARKER.exec(text); match && match.index < to; match = INLINE_MARKER.exec(text)) {
		markers.push(match);
	}
	return markers;
}

/** Units whose superscripts are exponents, not footnote markers (`km²`, `m³`). */
const UNIT_BEFORE = /(?:^|[^A-Za-z])(?:k?m|cm|mm|ft|sq)$/;

/** The first characters of a footnote text's line: a number, a superscript, `<sup>`, `^`, `*`. */
const LABEL_LEADS = /[\d⁰¹²³⁴⁵⁶⁷⁸⁹<^*\\]/;

/** A line that may be a footnote text labelled by a plain number: `1 See A/75/100.`, `12 Ibid.` (not `12 May 2020 …`). */
const PLAIN_LABEL_LINE = /^[ \t]*(\d{1,3})[ \t]+(?=[\p{Lu}“"‘(]|[A-Z]{1,6}\/)(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/u;

/**
 * A plain number glued to the word or punctuation before it, as PDF text writes a superscript marker: `Khojaly.2`,
 * `mercenaries,3`. Not a decimal (`1.5 million`), a year or symbol part (`2020`, `A/75/100`), or a unit (`km2`).
 */
const GLUED_NUMBER = /(?<=[\p{Ll}.,;:)”’"»\]])(?<!(?:^|[^\p{L}])(?:k?m|cm|mm|ft|sq|No|no|para|p|pp)\.?)(\d{1,3})(?![\p{L}\p{N}/.,]\d|[\p{L}\p{N}/])/gu;

/** True when a glued number is a footnote marker: after a decimal point only when a new sentence follows (`in 2020.3 The …`). */
function isGluedMarker(text: string, start: number, end: number): boolean {
	if (/\d[.,]$/.test(text.slice(Math.max(0, start - 2), start))) {
		return /^(?:\s+[\p{Lu}“"]|\s*$)/u.test(text.slice(end, end + 3));
	}
	return true;
}

/**
 * Footnote texts labelled by a plain number, as PDF text prints them (`1 See A/75/100.` on a line of its own): a line
 * from `from` on whose number a footnote marker (a superscript, `<sup>`, or a number glued to a word) points earlier in
 * the text. Each number is taken once. Returns the start of each such line with its label.
 */
export function findPlainFootnoteLabels(text: string, lines: readonly Line[], from: number, inlineMarkers: readonly RegExpMatchArray[]): Map<number, string> {
	const labels = new Map<number, string>();
	const candidates: { start: number; label: string }[] = [];
	const marked = new Set<string>();
	for (const line of lines) {
		if (line.start < from || line.end === line.start) {
			continue;
		}
		let first = line.start;
		while (first < line.end && (text[first] === ' ' || text[first] === '\t')) {
			first++;
		}
		if (first === line.end || !LABEL_LEADS.test(text[first])) {
			continue;
		}
		const head = text.slice(line.start, Math.min(line.end, line.start + 40));
		const match = PLAIN_LABEL_LINE.exec(head);
		if (match) {
			candidates.push({ start: line.start, label: String(Number(match[1])) });
			continue;
		}
		const labelled = FOOTNOTE_LABEL.exec(head);
		if (labelled) {
			marked.add(labelled[1] ? superscriptToDigits(labelled[1]) : labelled[2] ?? labelled[3] ?? labelled[4] ?? '*');
		}
	}
	if (candidates.length === 0) {
		return labels;
	}
	const firstMarker = new Map<string, number>();
	const note = (label: string, offset: number) => {
		if (!firstMarker.has(label)) {
			firstMarker.set(label, offset);
		}
	};
	for (const match of inlineMarkers) {
		const index = match.index ?? 0;
		const list = match[1] !== undefined ? superscriptToDigits(match[1]) : match[2] ?? match[3];
		for (const number of list.matchAll(/\d{1,3}/g)) {
			note(String(Number(number[0])), index);
		}
	}
	for (const match of text.matchAll(GLUED_NUMBER)) {
		if (isGluedMarker(text, match.index, match.index + match[0].length)) {
			note(String(Number(match[1])), match.index);
		}
	}
	const taken = new Set<string>();
	for (const candidate of candidates) {
		const marker = firstMarker.get(candidate.label);
		if (!taken.has(candidate.label) && !marked.has(candidate.label) && marker !== undefined && marker < candidate.start) {
			labels.set(candidate.start, candidate.label);
			taken.add(candidate.label);
		}
	}
	return labels;
}

/**
 * Finds the footnote texts: paragraphs that begin with a footnote label, or that the reading stage found to begin with
 * a plain-number label (`plainLabels`, by paragraph start). A text that does not end a sentence continues in the next
 * paragraph (a footnote carried over a page break).
 */
export function findFootnoteTexts(text: string, blocks: readonly Block[], plainLabels: ReadonlyMap<number, string> = new Map()): FootnoteText[] {
	const footnotes: FootnoteText[] = [];
	const isLabelled = (block: Block) => plainLabels.has(block.start) || FOOTNOTE_LABEL.test(text.slice(block.start, block.end));
	for (let i = 0; i < blocks.length; i++) {
		const block = blocks[i];
		const blockText = text.slice(block.start, block.end);
		const plain = plainLabels.get(block.start);
		const match = plain === undefined ? FOOTNOTE_LABEL.exec(blockText) : /^[ \t]*(\d{1,3})[ \t]*/.exec(blockText);
		if (!match) {
			continue;
		}
		const rawLabel = plain ?? match[1] ?? match[2] ?? match[3] ?? match[4] ?? '*';
		const label = plain ?? (match[1] ? superscriptToDigits(rawLabel) : rawLabel.replace('\\', ''));
		const labelStart = block.start + blockText.indexOf(match[0].trim().charAt(0));
		const labelRange = { start: labelStart, end: block.start + match[0].trimEnd().length };
		let end = block.end;
		const next = blocks[i + 1];
		if (next && !/[.!?”")\]]\s*$/.test(blockText) && !isLabelled(next) && /^\s*(?:[a-z\d[(]|[A-Z]{1,6}\/)/.test(text.slice(next.start, next.end))) {
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
export function findFootnoteMarkers(text: string, footnoteLabels: readonly OffsetRange[], furniture: readonly OffsetRange[], inlineMarkers: readonly RegExpMatchArray[] = scanInlineMarkers(text)): FootnoteMarker[] {
	const markers: FootnoteMarker[] = [];
	const excluded = inlineMarkers.length === 0 ? undefined : new RangeIndex([...footnoteLabels, ...furniture]);
	for (const match of inlineMarkers) {
		const index = match.index ?? 0;
		if (excluded?.holds(index)) {
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
	for (const start of agendaStars(text)) {
		markers.push({ label: '*', range: { start, end: start + 1 } });
	}
	return markers.sort((a, b) => a.range.start - b.range.start);
}

/** The header's `*` after `provisional agenda` or `preliminary list` (any case, `\*` in Markdown), at a position. */
const AGENDA_STAR_AT = /\b(?:provisional\s+agenda|preliminary\s+list)\\?\*/iy;

/**
 * Where each `*` of {@link AGENDA_STAR_AT} stands, in order. Found from each `*` of the text (rare in a letter) and
 * read back, rather than by a scan of the pattern over the whole text: a match holds one `*`, at its end, and its start
 * is the one place before it where the words can stand, so the pattern is tried there alone.
 */
function agendaStars(text: string): number[] {
	const stars: number[] = [];
	for (let star = text.indexOf('*'); star >= 0; star = text.indexOf('*', star + 1)) {
		const wordEnd = text.charCodeAt(star - 1) === 92 /* \ */ ? star - 1 : star;
		const lastWord = matchesIgnoringAsciiCase(text, wordEnd - 6, 'agenda') ? wordEnd - 6 : matchesIgnoringAsciiCase(text, wordEnd - 4, 'list') ? wordEnd - 4 : -1;
		const space = lastWord < 0 ? -1 : spaceRunStart(text, lastWord);
		if (space < 0 || space === lastWord || space < 11) {
			continue;
		}
		AGENDA_STAR_AT.lastIndex = space - 11;
		if (AGENDA_STAR_AT.test(text) && AGENDA_STAR_AT.lastIndex === star + 1) {
			stars.push(star);
		}
	}
	return stars;
}

/**
 * Markers of footnotes labelled by a plain number: the numbers glued to a word (`Khojaly.2`) between `from` and the
 * footnote text with that number, outside `excluded` (footnote texts, furniture). Only numbers that label a plain
 * footnote text are markers: elsewhere a glued number is a number.
 */
export function findPlainFootnoteMarkers(text: string, plainFootnotes: readonly FootnoteText[], excluded: readonly OffsetRange[], from: number): FootnoteMarker[] {
	if (plainFootnotes.length === 0) {
		return [];
	}
	const textStart = new Map(plainFootnotes.map((note) => [note.label, note.range.start]));
	const markers: FootnoteMarker[] = [];
	const pattern = new RegExp(GLUED_NUMBER.source, GLUED_NUMBER.flags);
	pattern.lastIndex = from;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		const label = String(Number(match[1]));
		const before = textStart.get(label);
		const end = match.index + match[0].length;
		if (before !== undefined && match.index < before && isGluedMarker(text, match.index, end) && !excluded.some((range) => match.index >= range.start && match.index < range.end)) {
			markers.push({ label, range: { start: match.index, end } });
		}
	}
	return markers;
}

/**
 * A number glued to the last word of a title or an annex heading (`… addressed to the Secretary-General1`): PDF text of
 * the superscript marker of the note on its language of submission. Headings never end in a number, so it is a marker
 * even when the note was not kept.
 */
export function findHeadingEndMarkers(text: string, headings: readonly OffsetRange[]): FootnoteMarker[] {
	const markers: FootnoteMarker[] = [];
	for (const heading of headings) {
		const glued = GLUED_MARKER.exec(text.slice(Math.max(heading.start, heading.end - 30), heading.end));
		if (glued) {
			markers.push({ label: superscriptToDigits(glued[0]).replace(/^0+(?=\d)/, ''), range: { start: heading.end - glued[0].length, end: heading.end } });
		}
	}
	return markers;
}

/** A number glued to a sentence-ending full stop at the end of a paragraph (`… before the Security Council.39`); group 1 is the number. */
const PARAGRAPH_END_MARKER = /[.!?][”"’]?(\d{1,3})(?=[ \t]*(?:\r?\n[ \t]*\r?\n|$))/g;

/**
 * A number glued to the full stop that ends a paragraph: PDF and web text of a superscript marker (a decimal or a
 * figure never stands glued there), a marker even when its note was not kept.
 */
export function findParagraphEndMarkers(text: string, excluded: readonly OffsetRange[]): FootnoteMarker[] {
	const markers: FootnoteMarker[] = [];
	for (const match of text.includes('.') ? text.matchAll(PARAGRAPH_END_MARKER) : []) {
		const start = match.index + match[0].length - match[1].length;
		if (/\p{Ll}/u.test(text[match.index - 1] ?? '') && !excluded.some((range) => start >= range.start && start < range.end)) {
			markers.push({ label: String(Number(match[1])), range: { start, end: start + match[1].length } });
		}
	}
	return markers;
}

/**
 * Asterisk markers in the body: a `*` right after a word or a closing parenthesis and before punctuation or a space
 * (`a visa application (enclosed herewith)*, dated …`). Not a run of asterisks, not Markdown emphasis (a line with
 * another `*` before it), not an asterisk that opens a word (`*TO THE UNITED NATIONS`), and none in a text with a line
 * that starts with `*` after the title.
 */
export function findStarMarkers(text: string, from: number, excluded: readonly OffsetRange[]): FootnoteMarker[] {
	const markers: FootnoteMarker[] = [];
	let lineStart = from > 0 ? text.lastIndexOf('\n', from - 1) + 1 : 0;
	let nextNewline = text.indexOf('\n', from);
	let starOnLine = false;
	for (let at = text.indexOf('*', from); at >= 0; at = text.indexOf('*', at + 1)) {
		while (nextNewline >= 0 && nextNewline < at) {
			lineStart = nextNewline + 1;
			nextNewline = text.indexOf('\n', lineStart);
			starOnLine = false;
		}
		// A line that starts with `*` after the title may be the note in a form the footnote readers do not take (`*
		// Circulated in the language of submission only.`) or a list: no marker is then reported as lacking its text.
		if (at - lineStart <= 8 && /^[ \t]*\\?$/.test(text.slice(lineStart, at)) && /^[ \t]+\S/.test(text.slice(at + 1, at + 3))) {
			return [];
		}
		const before = text[at - 1] ?? '';
		const after = text[at + 1] ?? '';
		const emphasis = starOnLine;
		starOnLine = true;
		if (emphasis || !/[\p{Ll})\]”’"]/u.test(before) || !/^(?:[\s,.;:]|)$/.test(after)) {
			continue;
		}
		if (!excluded.some((range) => at >= range.start && at < range.end)) {
			markers.push({ label: '*', range: { start: at, end: at + 1 } });
		}
	}
	return markers;
}
