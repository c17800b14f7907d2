/**
 * The reading stage: before structure is read, recover the lines and paragraphs of a letter from its content, not
 * only from its line breaks and blank lines. A text whose line breaks were lost (a whole document on one line, as
 * PDF-to-text sites give it), a two-column header (`General Assembly    Security Council`), a title, annex heading or
 * footnote followed directly by text: each is cut where a UN document starts a line.
 *
 * The result is a *view* of the text of the same length: Markdown markup is blanked (see {@link maskMarkup}) and the
 * white space at each recovered line break is replaced by `\n`. Offsets in the view are offsets in the text, so every
 * range the parser reads from the view indexes the file's text exactly; no mapping is needed.
 */
import type { SymbolMatch } from '../symbols/documentSymbols';
import { ANNEX_HEADING } from './bodyParts';
import { AGENDA_LINE } from './agenda';
import { findPlainFootnoteLabels } from './footnotes';
import type { Line } from './textLayout';
import { maskMarkup, splitLines } from './textLayout';
import type { TitleExtent } from './titleLine';
import { findFirstTitle, titleExtent } from './titleLine';

/** The letter as the reading stage recovered it. */
export interface ReadingView {
	/** The text with markup blanked and recovered line breaks: same length and offsets as the text. */
	readonly view: string;
	/** The lines of the view: the text's lines, cut where the reading stage found more. */
	readonly lines: readonly Line[];
	/** Starts of lines that begin a paragraph although no blank line comes before them. */
	readonly blockStarts: ReadonlySet<number>;
	/** Starts of lines that go on with the paragraph before them although a blank line comes between (a title printed line by line). */
	readonly joins: ReadonlySet<number>;
	/** Starts of lines that are footnote texts labelled by a plain number (`1 See A/75/100.`), with the label. */
	readonly plainFootnoteLabels: ReadonlyMap<number, string>;
	/** The title line, when the text has one. */
	readonly title?: TitleExtent;
}

/** How far into the text the title is looked for (a long header lists many agenda titles). */
const TITLE_SEARCH_LIMIT = 8192;
/** Without a title, how much of the text is taken for the header. */
const HEADER_WITHOUT_TITLE = 1500;
/** A header line this long lost its line breaks: it is cut at every header marker. */
const COLLAPSED_HEADER_LINE = 300;

/**
 * Words that start a line in a UN document header. An organ or `United Nations` after `the`/`of`/`and` belongs to an
 * agenda title (`Report of the Security Council`) and does not start a line.
 */
const HEADER_MARKERS = /(?<!\b(?:the|of|and|to)\s+)\bUnited\s+Nations\b|(?<!\b(?:the|THE|of|OF|and|AND|to|TO|on|ON|with|WITH)\s+)\b(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|GENERAL\s+ASSEMBLY|SECURITY\s+COUNCIL|ECONOMIC\s+AND\s+SOCIAL\s+COUNCIL)\b|\bDistr\.|\b(?:Original|ORIGINAL)\s*:|\b(?:English|French|Spanish|Russian|Arabic|Chinese)(?=\s+(?:Original|ORIGINAL)\s*:)|\bAgenda\s+items?\s+\d|\bItems?\s+\d{1,3}\b(?=[^\n]{0,80}?\bof\s+the\s+(?:provisional\s+agenda|preliminary\s+list))/g;

/** A column gap: three or more spaces, or a tab, between two words of a header line (text laid out in columns). */
const COLUMN_GAP = /(?<=\S)(?: {3,}|[ ]*\t[ \t]*)(?=\S)/g;

/** A job number (`20-12655 (E) 011020 *2012655*`), a barcode (`*2012655*`) or `Please recycle`: page furniture. */
const FURNITURE_ANCHOR = /(?<![\d-])\d{2}-\d{5}(?![\d-])(?:[ \t]*\([A-Z]\)(?:[ \t]+\d{6}){0,2})?(?:[ \t]*\*\d{7}\*)?|(?<![\w*])\*\d{7}\*(?!\w)|\bPlease\s+recycle\b\s*♲?/g;
/** A page number next to other furniture: `2/4`, `English Page 2` (older documents), `/...` (the page goes on). */
const PAGE_NUMBER_AT = /\d{1,3}\/\d{1,3}(?![\d/])|(?:(?:English|French|Spanish|Russian|Arabic|Chinese)\s+)?Page\s+\d{1,3}\b|\/\s?\.{3,}/y;

/**
 * Marks that start a line in the body of a letter whose line breaks were lost: `(Signed)`, a superscript footnote label
 * followed by its text, a footnote separator rule, an annex heading.
 */
const BODY_MARKERS = /\(\s*Signed\s*\)|(?<=\s)[⁰¹²³⁴⁵⁶⁷⁸⁹]+[ \t]+(?=[\p{Lu}“"‘(]|[A-Z]{1,6}\/)|_{5,}|(?<=[.!?)”"’]\s+|[\p{Lu}][\p{Ll}]+\s+|[\d*]\s+)(?:Annex|ANNEX)(?:(?:\s+(?:[IVXLC]+|\d{1,2}))?\s+to\s+the\s+(?:letter|note\s+verbale|identical\s+letters)\b|\s+(?:[IVXLC]+|\d{1,2})(?=\s+[\p{Lu}“"]))|(?<=\s)ANNEX(?:\s+(?:[IVXLC]+|\d{1,2}))?(?=\s)/gu;
/** An asterisk footnote label before a symbol (`* A/51/50.`), looked for in the text because the view blanks `*`. */
const ASTERISK_LABEL = /(?<=\s)\\?\*[ \t]+(?=[A-Z]{1,4}\/)/g;

/** Line starts that begin a paragraph of their own. */
const BLOCK_START_LINE = /^[ \t]*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+[ \t]|<sup>\s*\d{1,3}\s*<\/sup>|\^\{\d{1,3}\}|\^\d{1,3}[ \t]|\(\s*Signed\s*\)|_{5,})/;
const ASTERISK_LINE = /^[ \t]*\\?\*[ \t]+[A-Z]{1,4}\//;
/** A line ending a sentence, and a line that opens a paragraph (not a symbol, `Ibid.` or a continuation in lower case): a footnote text followed directly by the body. */
const SENTENCE_END = /[.!?][)”"’]?\s*$/;
const OPENS_PARAGRAPH = /^[ \t]*(?![A-Z]{1,6}\/|Ibid\b|Idem\b|See\b|Available\b|https?:)[A-Z“"‘]/;

/**
 * Reads a text into lines and paragraph starts (see the module comment). `symbols` are the document symbols of the
 * text, used to tell running headers among page furniture. Never throws.
 */
export function readText(text: string, symbols: readonly SymbolMatch[]): ReadingView {
	const masked = maskMarkup(text);
	const title = findFirstTitle(masked, TITLE_SEARCH_LIMIT);
	const headerEnd = title?.start ?? estimateHeaderEnd(masked);
	const breaks: number[] = [];
	const physical = splitLines(masked);
	for (const line of physical) {
		if (line.start >= headerEnd) {
			break;
		}
		addHeaderBreaks(text, masked, line, Math.min(line.end, headerEnd), symbols, breaks);
	}
	if (title) {
		breaks.push(title.start - 1);
		if (title.end !== undefined) {
			breaks.push(title.end, title.end + 1);
		}
	}
	addBodyBreaks(text, masked, headerEnd, breaks);
	addFurnitureBreaks(text, symbols, breaks);
	const view = applyBreaks(masked, physical, breaks);
	const lines = view === masked ? physical : splitLines(view);
	const plainFootnoteLabels = findPlainFootnoteLabels(text, lines, title?.end ?? headerEnd);
	const blockStarts = findBlockStarts(text, view, lines, title, plainFootnoteLabels);
	return { view, lines, blockStarts, joins: findJoins(view, lines, [title, ...annexHeadingExtents(view, lines, blockStarts)]), plainFootnoteLabels, title };
}

/** Without a title: the header ends where the prose of a note verbale or a letter begins. */
function estimateHeaderEnd(masked: string): number {
	const prose = /presents\s+(?:its|his|her)\s+compliments|\bI\s+have\s+the\s+honou?r\b/i.exec(masked.slice(0, TITLE_SEARCH_LIMIT));
	return prose ? Math.max(0, masked.lastIndexOf('\n', prose.index) + 1) : Math.min(masked.length, HEADER_WITHOUT_TITLE);
}

/**
 * Breaks in a header line: at column gaps, and, when the line holds several parts of the header run together (or is
 * very long), before each header marker, around each symbol and after the agenda line.
 */
function addHeaderBreaks(text: string, masked: string, line: Line, end: number, symbols: readonly SymbolMatch[], breaks: number[]): void {
	const segment = masked.slice(line.start, end);
	if (segment.trim() === '') {
		return;
	}
	for (const source of [segment, text.slice(line.start, end)]) {
		for (const gap of source.matchAll(COLUMN_GAP)) {
			breaks.push(line.start + gap.index);
		}
	}
	const markers = [...segment.matchAll(HEADER_MARKERS)];
	const kinds = new Set(markers.map((match) => markerKind(match[0])));
	if (kinds.size < 2 && segment.length < COLLAPSED_HEADER_LINE) {
		return;
	}
	for (const match of markers) {
		breaks.push(line.start + match.index - 1);
	}
	for (const symbol of symbols) {
		if (symbol.start >= line.start && symbol.end <= end) {
			breaks.push(symbol.start - 1, symbol.end);
		}
	}
	const agenda = new RegExp(AGENDA_LINE.source, AGENDA_LINE.flags);
	for (const match of segment.matchAll(agenda)) {
		if (match[1] === undefined || match[3] !== undefined) {
			breaks.push(line.start + match.index + match[0].trimEnd().length);
		}
	}
}

/** The kind of a header marker: organ names are one kind, so that `General Assembly Security Council` is one line. */
function markerKind(marker: string): string {
	return /^(?:General|Security|Economic)/i.test(marker) ? 'organ' : marker.slice(0, 4).toLowerCase();
}

/** Breaks in the body: before `(Signed)`, footnote labels and separators, annex headings, and after annex headings. */
function addBodyBreaks(text: string, masked: string, from: number, breaks: number[]): void {
	const pattern = new RegExp(BODY_MARKERS.source, BODY_MARKERS.flags);
	pattern.lastIndex = from;
	for (let match = pattern.exec(masked); match; match = pattern.exec(masked)) {
		breaks.push(match.index - 1);
		if (match[0].startsWith('_')) {
			breaks.push(match.index + match[0].length);
		} else if (/^annex/i.test(match[0])) {
			const extent = /\bto\s+the\b/.test(match[0]) ? titleExtent(masked, match.index) : undefined;
			breaks.push(extent?.end ?? match.index + match[0].length);
		}
	}
	if (text.includes('*')) {
		const asterisk = new RegExp(ASTERISK_LABEL.source, ASTERISK_LABEL.flags);
		for (const match of text.matchAll(asterisk)) {
			breaks.push(match.index - 1);
		}
	}
}

/**
 * Breaks around page furniture run into the text: a job number or barcode, with the page numbers and running-header
 * symbols right next to it, each on a line of its own so that the layout sets them aside.
 */
function addFurnitureBreaks(text: string, symbols: readonly SymbolMatch[], breaks: number[]): void {
	if (!/\d-\d{5}|\*\d{7}\*|recycle/i.test(text)) {
		return;
	}
	const symbolStarts = new Map(symbols.filter((match) => match.symbol).map((match) => [match.start, match.end]));
	const pattern = new RegExp(FURNITURE_ANCHOR.source, FURNITURE_ANCHOR.flags);
	for (const anchor of text.matchAll(pattern)) {
		const isJobOrBarcode = /\(|\*|recycle/i.test(anchor[0]);
		let start = anchor.index;
		let end = anchor.index + anchor[0].length;
		const tokens: { start: number; end: number }[] = [{ start, end }];
		for (;;) {
			const next = skipSpaces(text, end);
			const token = furnitureTokenAt(text, next, symbolStarts);
			if (!token) {
				break;
			}
			tokens.push({ start: next, end: token });
			end = token;
		}
		for (;;) {
			const token = furnitureTokenBefore(text, start, symbolStarts, symbols);
			if (!token) {
				break;
			}
			tokens.unshift(token);
			start = token.start;
		}
		if (!isJobOrBarcode && tokens.length < 2) {
			continue;
		}
		for (const token of tokens) {
			breaks.push(token.start - 1, token.end);
		}
	}
}

function skipSpaces(text: string, position: number): number {
	let p = position;
	while (p < text.length && (text[p] === ' ' || text[p] === '\t')) {
		p++;
	}
	return p;
}

/** The end of a page number or a running-header symbol starting at `position`. */
function furnitureTokenAt(text: string, position: number, symbolStarts: ReadonlyMap<number, number>): number | undefined {
	const symbolEnd = symbolStarts.get(position);
	if (symbolEnd !== undefined) {
		return symbolEnd;
	}
	PAGE_NUMBER_AT.lastIndex = position;
	return PAGE_NUMBER_AT.test(text) && !/[\p{L}\p{N}]/u.test(text[position - 1] ?? ' ') ? PAGE_NUMBER_AT.lastIndex : undefined;
}

/** A page number or running-header symbol that ends right before `position` (spaces between). */
function furnitureTokenBefore(text: string, position: number, symbolStarts: ReadonlyMap<number, number>, symbols: readonly SymbolMatch[]): { start: number; end: number } | undefined {
	let p = position;
	while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) {
		p--;
	}
	if (p === position) {
		return undefined;
	}
	const page = /(?<![\p{L}\p{N}/])\d{1,3}\/\d{1,3}$/u.exec(text.slice(Math.max(0, p - 8), p));
	if (page) {
		return { start: p - page[0].length, end: p };
	}
	const symbol = symbols.find((match) => match.symbol && match.end === p);
	return symbol && symbolStarts.has(symbol.start) ? { start: symbol.start, end: symbol.end } : undefined;
}

/**
 * Turns the white space at each break into `\n`. A break is kept only where it falls on a space or tab with words on
 * both sides of it on the same line, so that no line of the view is blank where the text's line was not.
 */
function applyBreaks(masked: string, physical: readonly Line[], breaks: readonly number[]): string {
	const sorted = [...new Set(breaks)].filter((position) => position > 0 && position < masked.length && (masked[position] === ' ' || masked[position] === '\t')).sort((a, b) => a - b);
	if (sorted.length === 0) {
		return masked;
	}
	const pieces: string[] = [];
	let copied = 0;
	let lineIndex = 0;
	let previousBreak = -1;
	for (const position of sorted) {
		while (lineIndex < physical.length && physical[lineIndex].end <= position) {
			lineIndex++;
		}
		const line = physical[lineIndex];
		if (!line || position < line.start) {
			continue;
		}
		if (!hasWordBetween(masked, Math.max(line.start, previousBreak + 1), position) || !hasWordBetween(masked, position + 1, line.end)) {
			continue;
		}
		pieces.push(masked.slice(copied, position), '\n');
		copied = position + 1;
		previousBreak = position;
	}
	pieces.push(masked.slice(copied));
	return pieces.join('');
}

/** The extents of the annex headings that start lines of the view (`Annex to the letter dated …`). */
function annexHeadingExtents(view: string, lines: readonly Line[], blockStarts: ReadonlySet<number>): TitleExtent[] {
	return lines.filter((line) => blockStarts.has(line.start) && /^\s*Annex(?:\s+(?:[IVXLC]+|\d{1,2}))?\s+to\s+the\b/i.test(view.slice(line.start, line.end))).map((line) => titleExtent(view, line.start));
}

/** The lines inside a title or heading that a blank line separates from its first line: they are joined to it. */
function findJoins(view: string, lines: readonly Line[], extents: readonly (TitleExtent | undefined)[]): Set<number> {
	const joins = new Set<number>();
	for (const extent of extents) {
		if (extent?.end === undefined) {
			continue;
		}
		let afterBlank = false;
		for (const line of lines) {
			if (line.start <= extent.start) {
				continue;
			}
			if (line.start >= extent.end) {
				break;
			}
			if (view.slice(line.start, line.end).trim() === '') {
				afterBlank = true;
			} else if (afterBlank) {
				joins.add(line.start);
				afterBlank = false;
			}
		}
	}
	return joins;
}

/** True when text[from, to) holds something other than spaces and tabs. */
function hasWordBetween(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		if (text[i] !== ' ' && text[i] !== '\t') {
			return true;
		}
	}
	return false;
}

/** The lines that begin a paragraph: footnote labels, `(Signed)`, annex headings and the line after them, the title and the line after it. */
function findBlockStarts(text: string, view: string, lines: readonly Line[], title: TitleExtent | undefined, plainFootnotes: ReadonlyMap<number, string>): Set<number> {
	const starts = new Set<number>(plainFootnotes.keys());
	const endsAt = (offset: number | undefined) => {
		if (offset === undefined) {
			return;
		}
		const next = lines.find((line) => line.start >= offset);
		if (next) {
			starts.add(next.start);
		}
	};
	if (title) {
		const titleLine = lines.find((line) => line.end >= title.start);
		if (titleLine) {
			starts.add(titleLine.start);
		}
		endsAt(title.end);
	}
	let inFootnote = false;
	let previousText = '';
	for (const line of lines) {
		const lineText = view.slice(line.start, line.end);
		const previous = previousText;
		previousText = lineText;
		if (BLOCK_START_LINE.test(lineText) || ASTERISK_LINE.test(text.slice(line.start, line.end)) || plainFootnotes.has(line.start)) {
			starts.add(line.start);
			inFootnote = !/^\s*(?:\(\s*Signed|_)/.test(lineText);
			continue;
		}
		if (lineText.trim() === '') {
			inFootnote = false;
			continue;
		}
		if (inFootnote && SENTENCE_END.test(previous) && OPENS_PARAGRAPH.test(lineText)) {
			starts.add(line.start);
			inFootnote = false;
			continue;
		}
		const annex = ANNEX_HEADING.exec(lineText);
		if (annex) {
			starts.add(line.start);
			endsAt(/\S/.test(lineText.slice(annex[0].length)) ? titleExtent(view, line.start).end : line.end);
		}
	}
	return starts;
}
