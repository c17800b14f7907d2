/**
 * Page furniture run into the text (a job number or barcode, with the page numbers and running-header symbols next to
 * it): the reading stage cuts it onto lines of its own, so that the layout sets it aside.
 */
import type { SymbolMatch } from '../symbols/documentSymbols';
import { isWhiteSpaceCode } from './textLayout';

/**
 * A job number (`20-12655 (E) 011020 *2012655*`), a barcode (`*2012655*`), `Please recycle`, or the language and page
 * that follow an older running header (`S/1996/796 English Page 2`): page furniture.
 */
const FURNITURE_ANCHOR = /\d{2}-\d{5}(?![\d-])(?:[ \t]*\([A-Z]\)(?:[ \t]+\d{6}){0,2})?(?:[ \t]*\*\d{7}\*)?|\*\d{7}\*(?!\w)|Please\s+recycle\b\s*♲?|(?:English|French|Spanish|Russian|Arabic|Chinese)\s+Page\s+\d{1,3}\b/y;
/** A page number next to other furniture: `2/4`, `English Page 2` (older documents), `/...` (the page goes on). */
const PAGE_NUMBER_AT = /\d{1,3}\/\d{1,3}(?![\d/])|(?:(?:English|French|Spanish|Russian|Arabic|Chinese)\s+)?Page\s+\d{1,3}\b|\/\s?\.{3,}/y;


/** The languages whose names stand before `Page` in an older running header (`English Page 2`). */
const PAGE_LANGUAGES = ['English', 'French', 'Spanish', 'Russian', 'Arabic', 'Chinese'];

/**
 * Where furniture may start, in order, each found by plain search for its literal: the dash of a job number and five
 * digits (`-12655`), a barcode (`*2012655*`), `Please recycle`, and the language before `Page` and a digit (`English
 * Page 2`). Cues do not overlap: one that starts inside the one before is skipped, as a global pattern's next match
 * starts after the last.
 */
export function furnitureCues(text: string): { start: number; end: number }[] {
	const found: { start: number; end: number }[] = [];
	for (let at = text.indexOf('-'); at >= 0; at = text.indexOf('-', at + 1)) {
		if (digitsAt(text, at + 1, 5)) {
			found.push({ start: at, end: at + 6 });
		}
	}
	for (let at = text.indexOf('*'); at >= 0; at = text.indexOf('*', at + 1)) {
		if (digitsAt(text, at + 1, 7) && text[at + 8] === '*') {
			found.push({ start: at, end: at + 9 });
		}
	}
	// `Please` and `Page` are found by their capital, a plain search faster than one for either word.
	for (let at = text.indexOf('P'); at >= 0; at = text.indexOf('P', at + 1)) {
		if (text.startsWith('Please', at)) {
			const word = skipWhite(text, at + 6);
			if (word > at + 6 && text.startsWith('recycle', word)) {
				found.push({ start: at, end: word + 7 });
			}
			continue;
		}
		if (!text.startsWith('Page', at)) {
			continue;
		}
		const digit = skipWhite(text, at + 4);
		let languageEnd = at;
		while (languageEnd > 0 && isWhiteSpaceCode(text.charCodeAt(languageEnd - 1))) {
			languageEnd--;
		}
		const language = PAGE_LANGUAGES.find((name) => text.endsWith(name, languageEnd));
		if (digit > at + 4 && isDigit(text[digit]) && languageEnd < at && language) {
			found.push({ start: languageEnd - language.length, end: digit + 1 });
		}
	}
	found.sort((a, b) => a.start - b.start);
	const cues: { start: number; end: number }[] = [];
	for (const cue of found) {
		if (cues.length === 0 || cue.start >= cues[cues.length - 1].end) {
			cues.push(cue);
		}
	}
	return cues;
}

/** True when `count` ASCII digits start at `position`. */
function digitsAt(text: string, position: number, count: number): boolean {
	for (let i = position; i < position + count; i++) {
		if (!isDigit(text[i])) {
			return false;
		}
	}
	return true;
}

function isDigit(ch: string | undefined): boolean {
	return ch !== undefined && ch >= '0' && ch <= '9';
}


/** The first position at or after `position` that is not white space. */
function skipWhite(text: string, position: number): number {
	let p = position;
	while (p < text.length && isWhiteSpaceCode(text.charCodeAt(p))) {
		p++;
	}
	return p;
}

/**
 * Breaks around page furniture run into the text: a job number or barcode, with the page numbers and running-header
 * symbols right next to it, each on a line of its own so that the layout sets them aside.
 */
export function addFurnitureBreaks(text: string, symbols: readonly SymbolMatch[], breaks: number[]): void {
	const cues = furnitureCues(text);
	if (cues.length === 0) {
		return;
	}
	const symbolStarts = new Map<number, number>();
	const symbolEnds = new Map<number, number>();
	for (const match of symbols) {
		if (match.symbol) {
			symbolStarts.set(match.start, match.end);
			symbolEnds.set(match.end, match.start);
		}
	}
	let covered = 0;
	for (const cue of cues) {
		const anchorStart = text[cue.start] === '-' ? cue.start - 2 : cue.start;
		if (anchorStart < covered) {
			continue;
		}
		FURNITURE_ANCHOR.lastIndex = Math.max(0, anchorStart);
		const anchor = anchorStart >= 0 ? FURNITURE_ANCHOR.exec(text) : null;
		if (!anchor || /[\w*-]/.test(text[anchor.index - 1] ?? ' ')) {
			continue;
		}
		covered = anchor.index + anchor[0].length;
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
			const token = furnitureTokenBefore(text, start, symbolEnds);
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
function furnitureTokenBefore(text: string, position: number, symbolEnds: ReadonlyMap<number, number>): { start: number; end: number } | undefined {
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
	const symbolStart = symbolEnds.get(p);
	return symbolStart === undefined ? undefined : { start: symbolStart, end: p };
}
