import type { OffsetRange } from '../text/offsetRange';
import { matchesIgnoringAsciiCase } from './asciiCase';

export { maskMarkup } from './markupMask';

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

/** Splits a text into lines at `\n`, `\r\n` and `\r`. */
export function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	let newline = text.indexOf('\n');
	let carriage = text.indexOf('\r');
	while (newline >= 0 || carriage >= 0) {
		const end = carriage >= 0 && (newline < 0 || carriage < newline) ? carriage : newline;
		lines.push({ start, end });
		start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
		if (newline >= 0 && newline < start) {
			newline = text.indexOf('\n', start);
		}
		if (carriage >= 0 && carriage < start) {
			carriage = text.indexOf('\r', start);
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
	return mayBeFixedFurniture(line, firstNonWhite(line, 0, line.length))
		&& (JOB_NUMBER.test(line) || BARCODE.test(line) || PAGE_NUMBER.test(line) || RECYCLE.test(line) || THEMATIC_BREAK.test(line));
}

/** True when a line holds nothing but document symbols (and perhaps a page number): a running header or a masthead line. */
export function isSymbolOnlyLine(line: string): boolean {
	return line.length < 120 && isCapital(line[firstNonWhite(line, 0, line.length)]) && SYMBOL_ONLY.test(line);
}

/** The words a furniture line may start with (in any case): the page-number patterns' `Page` and languages, `Please recycle`. */
const FURNITURE_WORDS = ['page', 'please', 'english', 'french', 'spanish', 'russian', 'arabic', 'chinese'];

/** {@link FURNITURE_WORDS} by their first letter: a line is compared only with the words that start like it. */
const FURNITURE_WORDS_BY_LETTER: ReadonlyMap<number, readonly string[]> = new Map(
	[...new Set(FURNITURE_WORDS.map((word) => word.charCodeAt(0)))].map((letter) => [letter, FURNITURE_WORDS.filter((word) => word.charCodeAt(0) === letter)]),
);

/**
 * What the first character of fixed furniture (at `first`, after white space) must be, as the furniture patterns read
 * it: a digit, `*`, `-`, `_`, `/`, or the first letter of one of {@link FURNITURE_WORDS} (the patterns that ignore
 * case match ASCII letters only). A line failing this is not furniture; one passing it is tested by the patterns.
 * Runs for every line of a letter, so a line is compared only with the words of its first letter.
 */
function mayBeFixedFurniture(line: string, first: number): boolean {
	if (first >= line.length) {
		return false;
	}
	const code = line.charCodeAt(first);
	if ((code >= 48 && code <= 57) || code === 42 /* * */ || code === 45 /* - */ || code === 95 /* _ */ || code === 47 /* / */) {
		return true;
	}
	const words = FURNITURE_WORDS_BY_LETTER.get(code >= 65 && code <= 90 ? code + 32 : code);
	return words !== undefined && words.some((word) => matchesIgnoringAsciiCase(line, first, word));
}

function isCapital(ch: string | undefined): boolean {
	return ch !== undefined && ch >= 'A' && ch <= 'Z';
}

/** True for the characters a pattern's `\s` and `String.prototype.trim` take for white space. */
export function isWhiteSpaceCode(code: number): boolean {
	if (code <= 32) {
		return code === 32 || (code >= 9 && code <= 13);
	}
	if (code < 0xa0) {
		return false;
	}
	return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The first position in text[from, to) that is not white space, or `to`. */
export function firstNonWhite(text: string, from: number, to: number): number {
	let i = from;
	while (i < to && isWhiteSpaceCode(text.charCodeAt(i))) {
		i++;
	}
	return i;
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
		// Lines are sliced only when a furniture test needs their text: most lines fail the tests on their first character.
		const first = firstNonWhite(masked, line.start, line.end);
		if (first === line.end) {
			afterBlank = true;
			if (hasFormFeed(text, line.start, line.end)) {
				flush();
				furniture.push({ start: line.start, end: line.end });
			}
			continue;
		}
		if (afterBlank && !joins.has(line.start)) {
			flush();
		}
		afterBlank = false;
		if (isFixedFurnitureLine(text, line) || (isSymbolOnlyLineOf(masked, line, first) && isRunningHeader(line, masked.slice(line.start, line.end)))) {
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

/** True when text[start, end) holds a form feed. */
function hasFormFeed(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		if (text.charCodeAt(i) === 12) {
			return true;
		}
	}
	return false;
}

/** {@link isFixedFurniture} of a line of the text, sliced only when its first character allows it. */
function isFixedFurnitureLine(text: string, line: Line): boolean {
	const first = firstNonWhite(text, line.start, line.end);
	return first < line.end && mayBeFixedFurniture(text, first) && isFixedFurniture(text.slice(line.start, line.end));
}

/** {@link isSymbolOnlyLine} of a line of the view whose first word starts at `first`, sliced only when that word can start a symbol. */
function isSymbolOnlyLineOf(view: string, line: Line, first: number): boolean {
	return line.end - line.start < 120 && isCapital(view[first]) && isSymbolOnlyLine(view.slice(line.start, line.end));
}
