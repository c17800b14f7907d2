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

/**
 * Replaces Markdown markup (and table cell borders) by spaces so that structural patterns can ignore it; offsets are
 * unchanged. In this order, each step reading the text as the steps before it left it: the byte-order mark; a link's
 * brackets and target (`[text](target)` keeps its text); the backslash of an escape (`\(`); the hashes of a heading
 * (`## Title`, at most three spaces before them); a table cell border (`|` between white space or at a line's edge);
 * and wherever they stand emphasis stars, tabs, form feeds and no-break spaces. Every step only blanks characters, so
 * the blanks are collected first (each step found by plain search for its character) and the view is built once.
 */
export function maskMarkup(text: string): string {
	const blanks = new Blanks(text);
	if (text.charCodeAt(0) === 0xfeff) {
		blanks.add(0);
	}
	if (text.includes('](')) {
		for (const match of text.matchAll(LINK)) {
			const innerEnd = match.index + 1 + match[1].length;
			blanks.addLink(match.index, innerEnd, match.index + match[0].length);
		}
	}
	// Each step reads the blanks of the steps before it, so its own are added after it looked at the whole text.
	blanks.addAll(escapeBackslashes(text, blanks));
	blanks.addAll(headingHashes(text, blanks));
	blanks.addAll(tableBorders(text, blanks));
	for (const ch of BLANKED) {
		for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) {
			blanks.add(at);
		}
	}
	return blanks.apply();
}

/** Characters blanked wherever they stand: emphasis stars, tabs, form feeds, no-break spaces. */
const BLANKED = ['*', '\t', '\f', '\u00a0'];
/** The characters a backslash escapes in Markdown (the escape's backslash is blanked). */
const ESCAPABLE = new Set(['(', ')', '[', ']', '-', '.', '*', '_', '#', '!', '`']);

/** True for the characters that end a line for a multiline pattern's `^` and `$`. */
function isLineTerminator(ch: string | undefined): boolean {
	return ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029';
}

/** The positions the markup mask blanks, and the text as the steps so far left it. */
class Blanks {
	private readonly singles = new Set<number>();
	/** Link ranges blanked, in order: [start, end) pairs, flat. */
	private readonly links: number[] = [];

	constructor(private readonly text: string) {}

	add(position: number): void {
		this.singles.add(position);
	}

	addAll(positions: readonly number[]): void {
		for (const position of positions) {
			this.singles.add(position);
		}
	}

	/** A link `[inner](target)` from `start` to `end` whose text ends at `innerEnd`: its `[` and its `](target)` are blanked. */
	addLink(start: number, innerEnd: number, end: number): void {
		this.links.push(start, start + 1, innerEnd, end);
	}

	/** The character at `position` as the steps so far left it (undefined outside the text). */
	at(position: number): string | undefined {
		const ch = this.text[position];
		return ch === undefined || (!this.singles.has(position) && !this.inLink(position)) ? ch : ' ';
	}

	private inLink(position: number): boolean {
		const { links } = this;
		let low = 0;
		let high = links.length / 2;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (links[2 * mid + 1] <= position) {
				low = mid + 1;
			} else {
				high = mid;
			}
		}
		return low < links.length / 2 && links[2 * low] <= position;
	}

	/** The text with every blank a space. */
	apply(): string {
		const { text, links } = this;
		if (this.singles.size === 0 && links.length === 0) {
			return text;
		}
		const starts = [...this.singles].sort((a, b) => a - b);
		const pieces: string[] = [];
		let copied = 0;
		let link = 0;
		let single = 0;
		while (single < starts.length || link < links.length) {
			let start: number;
			let end: number;
			if (link < links.length && (single >= starts.length || links[link] <= starts[single])) {
				start = links[link];
				end = links[link + 1];
				link += 2;
			} else {
				start = starts[single];
				end = start + 1;
				single++;
			}
			if (end <= copied) {
				continue;
			}
			start = Math.max(start, copied);
			pieces.push(text.slice(copied, start), ' '.repeat(end - start));
			copied = end;
		}
		pieces.push(text.slice(copied));
		return pieces.join('');
	}
}

/** The backslashes of escapes (`\(`, `\*`): a backslash before a character Markdown lets it escape. */
function escapeBackslashes(text: string, blanks: Blanks): number[] {
	const found: number[] = [];
	for (let at = text.indexOf('\\'); at >= 0; at = text.indexOf('\\', at + 1)) {
		const next = blanks.at(at + 1);
		if (blanks.at(at) === '\\' && next !== undefined && ESCAPABLE.has(next)) {
			found.push(at);
		}
	}
	return found;
}

/** The hashes of headings: one to six `#` at the start of a line (after at most three spaces or tabs) and a space or tab after them. */
function headingHashes(text: string, blanks: Blanks): number[] {
	const found: number[] = [];
	for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
		let lineStart = at;
		while (lineStart > 0 && at - lineStart < 4 && isSpaceOrTab(blanks.at(lineStart - 1))) {
			lineStart--;
		}
		if (at - lineStart > 3 || !(lineStart === 0 || isLineTerminator(text[lineStart - 1])) || blanks.at(at) !== '#') {
			continue;
		}
		let end = at;
		while (end - at <= 6 && blanks.at(end) === '#') {
			end++;
		}
		if (end - at <= 6 && isSpaceOrTab(blanks.at(end))) {
			for (let i = at; i < end; i++) {
				found.push(i);
			}
		}
		at = end - 1;
	}
	return found;
}

/** The cell borders of a table (`| General Assembly | Security Council |`): a `|` with a space, a tab or a line's edge on each side. */
function tableBorders(text: string, blanks: Blanks): number[] {
	const found: number[] = [];
	for (let at = text.indexOf('|'); at >= 0; at = text.indexOf('|', at + 1)) {
		if (blanks.at(at) !== '|') {
			continue;
		}
		const before = at === 0 || isLineTerminator(text[at - 1]) || isSpaceOrTab(blanks.at(at - 1));
		const after = at + 1 === text.length || isLineTerminator(text[at + 1]) || isSpaceOrTab(blanks.at(at + 1));
		if (before && after) {
			found.push(at);
		}
	}
	return found;
}

function isSpaceOrTab(ch: string | undefined): boolean {
	return ch === ' ' || ch === '\t';
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
