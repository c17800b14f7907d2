/**
 * The markup mask of the reading stage: Markdown markup and table cell borders blanked to spaces, so that structural
 * patterns can ignore them while every offset stays the text's.
 */

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
