import type { OffsetRange } from '../text/offsetRange';

/** One line of the text, without its terminator. */
export interface Line {
	readonly start: number;
	readonly end: number;
}

/** A paragraph: consecutive non-blank lines that are not page furniture. */
export interface Block {
	readonly start: number;
	readonly end: number;
	readonly lines: readonly Line[];
}

/** The text cut into lines and paragraphs, with Markdown markup masked out and page furniture set aside. */
export interface TextLayout {
	/** The reading stage's view: the text with Markdown markup (emphasis, heading hashes, link brackets and targets, escapes) and the byte-order mark replaced by spaces, and recovered line breaks; same length, same offsets. */
	readonly masked: string;
	readonly lines: readonly Line[];
	readonly blocks: readonly Block[];
	readonly furniture: readonly OffsetRange[];
}

const LINK = /\[([^\]\n]{1,600})\]\(([^)\s]{0,2000})\)/g;
const ESCAPE = /\\([()[\]\-.*_#!`])/g;
const HEADING_HASHES = /^[ \t]{0,3}(#{1,6})[ \t]/gm;
/** The cell borders of a table (`| General Assembly | Security Council |`, a web page's two-column header). */
const TABLE_PIPE = /(?<=^|[ \t])\|(?=[ \t]|$)/gm;

/** Replaces Markdown markup (and table cell borders) by spaces so that structural patterns can ignore it; offsets are unchanged. */
export function maskMarkup(text: string): string {
	let masked = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
	if (masked.includes('](')) {
		masked = masked.replace(LINK, (whole: string, inner: string) => ` ${inner}${' '.repeat(whole.length - inner.length - 1)}`);
	}
	if (masked.includes('\\')) {
		masked = masked.replace(ESCAPE, ' $1');
	}
	if (masked.includes('#')) {
		masked = masked.replace(HEADING_HASHES, (whole: string) => whole.replace(/#/g, ' '));
	}
	if (masked.includes('|')) {
		masked = masked.replace(TABLE_PIPE, ' ');
	}
	return BLANKED.some((ch) => masked.includes(ch)) ? masked.replace(/[*\t\f\u00a0]/g, ' ') : masked;
}

/** Characters blanked wherever they stand: emphasis stars, tabs, form feeds, no-break spaces. */
const BLANKED = ['*', '\t', '\f', '\u00a0'];

/** Splits a text into lines at `\n`, `\r\n` and `\r`. */
export function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	if (!text.includes('\r')) {
		for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
			lines.push({ start, end });
			start = end + 1;
		}
		lines.push({ start, end: text.length });
		return lines;
	}
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 10 || ch === 13) {
			lines.push({ start, end: i });
			if (ch === 13 && text.charCodeAt(i + 1) === 10) {
				i++;
			}
			start = i + 1;
		}
	}
	lines.push({ start, end: text.length });
	return lines;
}

const JOB_NUMBER = /^\s*\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}\s*(?:\*\d{7}\*)?\s*(?:\d{1,3}\/\d{1,3})?\s*$/;
const BARCODE = /^\s*\*\d{7}\*\s*$/;
const PAGE_NUMBER = /^\s*(?:\d{1,3}\/\d{1,3}|(?:(?:English|French|Spanish|Russian|Arabic|Chinese)\s+)?page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-|\/\s?\.{3,})\s*$/i;
const RECYCLE = /^\s*please\s+recycle\b.{0,3}$/i;
const THEMATIC_BREAK = /^\s*(?:-{3,}|_{3,}|\*{3,})\s*$/;
const SYMBOL_ONLY = /^\s*(?:[A-Z]{1,6}(?:\/[A-Za-z0-9.()]+)+(?:\s*[-–]\s*|\s+)?)+\s*(?:\d{1,3}\/\d{1,3})?\s*$/;

/** True when a line is page furniture whatever else the letter holds: job numbers, barcodes, page numbers, page breaks. */
export function isFixedFurniture(line: string): boolean {
	return JOB_NUMBER.test(line) || BARCODE.test(line) || PAGE_NUMBER.test(line) || RECYCLE.test(line) || THEMATIC_BREAK.test(line);
}

/** True when a line holds nothing but document symbols (and perhaps a page number): a running header or a masthead line. */
export function isSymbolOnlyLine(line: string): boolean {
	return line.length < 120 && SYMBOL_ONLY.test(line);
}

/** What {@link layoutText} cuts: the reading stage's view of the text, its lines and the lines that start a paragraph. */
export interface ReadLines {
	readonly view: string;
	readonly lines: readonly Line[];
	readonly blockStarts: ReadonlySet<number>;
	/** Lines that go on with the paragraph before them across a blank line. */
	readonly joins: ReadonlySet<number>;
}

/**
 * Cuts the text into paragraphs: at blank lines, at page furniture and where the reading stage found that a line
 * starts a paragraph. `isRunningHeader` decides, for a line holding only symbols, whether it is a running header
 * between pages (the parser knows the masthead); such lines and fixed furniture separate paragraphs.
 */
export function layoutText(text: string, read: ReadLines, isRunningHeader: (line: Line, lineText: string) => boolean): TextLayout {
	const { view: masked, lines, blockStarts, joins } = read;
	const blocks: Block[] = [];
	const furniture: OffsetRange[] = [];
	let current: Line[] = [];
	let afterBlank = false;
	const flush = () => {
		if (current.length > 0) {
			blocks.push({ start: current[0].start, end: current[current.length - 1].end, lines: current });
			current = [];
		}
	};
	for (const line of lines) {
		const raw = text.slice(line.start, line.end);
		const maskedLine = masked.slice(line.start, line.end);
		if (maskedLine.trim() === '') {
			afterBlank = true;
			if (raw.includes('\f')) {
				flush();
				furniture.push({ start: line.start, end: line.end });
			}
			continue;
		}
		if (afterBlank && !joins.has(line.start)) {
			flush();
		}
		afterBlank = false;
		if (isFixedFurniture(raw) || (isSymbolOnlyLine(maskedLine) && isRunningHeader(line, maskedLine))) {
			flush();
			furniture.push({ start: line.start, end: line.end });
			continue;
		}
		if (blockStarts.has(line.start)) {
			flush();
		}
		current.push(line);
	}
	flush();
	return { masked, lines, blocks, furniture };
}
