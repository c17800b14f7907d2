import type { DateMatch } from '../calendar/dates';
import type { DocumentSymbolRef, SymbolMatch } from '../symbols/documentSymbols';
import type { OffsetRange } from '../text/offsetRange';
import { placesIgnoringAsciiCase } from './asciiCase';
import { collapseDetached, countryOf, toDateMention } from './header';
import type { AnnexReference, Citation, FootnoteMarker, FootnoteText, LetterReference } from './model';
import { firstAtOrAfter } from './rangeIndex';

/** What may stand between a symbol and the parenthesised date that follows it: a Markdown link target, spaces, an escape. */
const BEFORE_CITED_DATE = /^(?:\]\([^)\s]{0,200}\))?[*_]{0,2}[ \t]*(?:\r?\n[ \t]*)?\\?\([ \t]*$/;

/** Attaches to each well-formed symbol the date in parentheses right after it (`A/75/660-S/2020/1267 (22 December 2020)`), and the footnote it stands in. */
export function buildCitations(text: string, symbols: readonly SymbolMatch[], dates: readonly DateMatch[], footnotes: readonly FootnoteText[], excluded: readonly OffsetRange[]): Citation[] {
	const citations: Citation[] = [];
	let dateIndex = 0;
	for (const match of symbols) {
		if (!match.symbol || excluded.some((range) => match.start < range.end && range.start < match.end)) {
			continue;
		}
		while (dateIndex < dates.length && dates[dateIndex].start < match.end) {
			dateIndex++;
		}
		const next = dates[dateIndex];
		let date: Citation['date'];
		if (next && next.start - match.end < 220 && BEFORE_CITED_DATE.test(text.slice(match.end, next.start)) && /^[ \t]*\\?\)/.test(text.slice(next.end, next.end + 4))) {
			date = toDateMention(next);
		} else {
			const dated = /^,?\s+dated\s+$/.exec(next ? text.slice(match.end, next.start) : '');
			if (next && dated) {
				date = toDateMention(next);
			}
		}
		const footnote = footnotes.find((note) => match.start >= note.range.start && match.start < note.range.end)?.label;
		citations.push({ range: { start: match.start, end: match.end }, raw: match.raw, symbol: match.symbol, date, footnote });
	}
	return citations;
}

/** `letter dated` / `note verbale of`: found first, because a pattern starting with the determiner would start at every "the". */
const LETTER_WORDS = /\b(?:letters?|notes?\s+verbales?)\s+(?:dated|of)\s+/gi;
/** The determiner before the letter words: `my`/`our` (own letters) or `the`, `a`, `its`… with an optional `above-mentioned`. */
const DETERMINER_BEFORE = /\b(?:(my|our)|the|a|an|his|her|its|their|that|this)(?:\s+(?:above-mentioned|aforementioned|previous|earlier|identical))?\s+(?:identical\s+)?$/i;

/** The letter references of a text: the start of each (its determiner), the end of its words, and whether it is the writer's own. */
function findReferenceWords(masked: string): { index: number; end: number; own: boolean }[] {
	const found: { index: number; end: number; own: boolean }[] = [];
	for (const match of masked.matchAll(LETTER_WORDS)) {
		const before = DETERMINER_BEFORE.exec(masked.slice(Math.max(0, match.index - 40), match.index));
		if (before) {
			found.push({ index: match.index - before[0].length, end: match.index + match[0].length, own: before[1] !== undefined });
		}
	}
	return found;
}
const UN_SENDER = /\b(?:Permanent\s+Representative|Deputy\s+Permanent\s+Representative|Permanent\s+Mission|Chargé\s+d[’']affaires|Permanent\s+Observer|Minister\s+(?:for|of)\s+Foreign\s+Affairs|President\s+of\s+the\s+Security\s+Council|Secretary-General|Prime\s+Minister|President)\b/i;
const UN_ADDRESSEE = /\b(?:Secretary-General|President\s+of\s+the\s+(?:Security\s+Council|General\s+Assembly)|Chair|United\s+Nations|High\s+Commissioner)\b/i;

/**
 * Finds references to other letters: `my letter dated 24 February 2020`, `the letter dated 27 March 2020 from the
 * Permanent Representative of Armenia`. Each says whether it is UN correspondence (own letters, letters of a State's
 * representatives or to UN officials) and which symbol the text gives for it nearby: later in the same sentence, or in
 * the footnote whose marker follows it.
 */
export function findLetterReferences(masked: string, dates: readonly DateMatch[], symbols: readonly SymbolMatch[], markers: readonly FootnoteMarker[], footnotes: readonly FootnoteText[], excluded: readonly OffsetRange[]): LetterReference[] {
	const references: LetterReference[] = [];
	const matches = findReferenceWords(masked);
	// Linear in the text: dates are walked once in order, and the sentence end found for one reference serves the
	// next ones in the same sentence (a text that is one long sentence is not scanned again for each).
	const byStart = [...dates].sort((a, b) => a.start - b.start);
	let dateIndex = 0;
	let sentence: { readonly from: number; readonly matchIndex: number; readonly end: number } | undefined;
	for (const [i, match] of matches.entries()) {
		const afterWords = match.end;
		if (excluded.some((range) => match.index >= range.start && match.index < range.end)) {
			continue;
		}
		while (dateIndex < byStart.length && byStart[dateIndex].start < afterWords) {
			dateIndex++;
		}
		const date = byStart[dateIndex] !== undefined && byStart[dateIndex].start - afterWords <= 2 ? byStart[dateIndex] : undefined;
		if (!date) {
			continue;
		}
		if (sentence === undefined || sentence.from > date.end || sentence.matchIndex < date.end) {
			const end = findSentenceEnd(masked, date.end);
			sentence = { from: date.end, matchIndex: end === masked.length ? Infinity : end - 1, end };
		}
		const sentenceEnd = Math.min(sentence.end, matches[i + 1]?.index ?? masked.length);
		const tail = masked.slice(date.end, sentenceEnd);
		const fromMatch = /^\s*,?\s*from\s+(?:the\s+)?([^,;()]{3,200}?)(?=\s+addressed\b|\s*[,;(]|\s*\.(?:\s|$)|$)/i.exec(tail);
		const addressedMatch = /^[^.;]*?\baddressed\s+to\s+(?:the\s+)?([^,;()]{3,160}?)(?=\s*[,;(]|\s*\.(?:\s|$)|$)/i.exec(tail);
		const own = match.own;
		const senderText = fromMatch ? collapseDetached(fromMatch[1]) : undefined;
		const addressee = addressedMatch ? collapseDetached(addressedMatch[1]) : undefined;
		const unCorrespondence = own || (senderText !== undefined && UN_SENDER.test(senderText) && (addressee === undefined || UN_ADDRESSEE.test(addressee))) || (senderText === undefined && (addressee === undefined || UN_ADDRESSEE.test(addressee)));
		const end = fromMatch ? date.end + fromMatch[0].length : date.end;
		references.push({
			range: { start: match.index, end },
			own,
			date: toDateMention(date),
			sender: senderText ? { text: senderText, country: countryOf(senderText) } : undefined,
			unCorrespondence,
			nearbySymbol: nearbySymbol(date.end, sentenceEnd, symbols, markers, footnotes),
		});
	}
	return references;
}

/** The index of the first item starting at or after `offset`, in items sorted by start (binary search). */
function firstStartingAt<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
	let low = 0;
	let high = items.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (startOf(items[middle]) < offset) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	return low;
}

/** The first well-formed symbol starting in `from..to` (symbols are in text order). */
function symbolBetween(symbols: readonly SymbolMatch[], from: number, to: number): DocumentSymbolRef | undefined {
	for (let index = firstStartingAt(symbols, from, (match) => match.start); index < symbols.length && symbols[index].start < to; index++) {
		if (symbols[index].symbol) {
			return symbols[index].symbol;
		}
	}
	return undefined;
}

function nearbySymbol(from: number, sentenceEnd: number, symbols: readonly SymbolMatch[], markers: readonly FootnoteMarker[], footnotes: readonly FootnoteText[]): DocumentSymbolRef | undefined {
	const inSentence = symbolBetween(symbols, from, sentenceEnd);
	if (inSentence) {
		return inSentence;
	}
	const marker = markers[firstStartingAt(markers, from, (candidate) => candidate.range.start)];
	const footnote = marker && marker.range.start <= sentenceEnd + 4 ? footnotes.find((note) => note.label === marker.label) : undefined;
	if (!footnote) {
		return undefined;
	}
	return symbolBetween(symbols, footnote.labelRange.end, footnote.range.end);
}

/** The end of the sentence that contains `offset`: a full stop followed by a space and a capital, or a paragraph end. */
export function findSentenceEnd(masked: string, offset: number): number {
	const pattern = /[.!?](?=[”’"»)]?\s+[A-Z“"]|[”’"»)]?\s*$)|\n\s*\n/gm;
	pattern.lastIndex = offset;
	const match = pattern.exec(masked);
	return match ? match.index + 1 : masked.length;
}

const ANNEX_REFERENCE = /\b(?:(?:see|in|at|contained\s+in|reproduced\s+in)\s+(?:the\s+)?annex(?:es)?(?:\s+([IVXLC]+|\d{1,2})\b((?:\s*(?:,\s*and|,|and)\s*(?:[IVXLC]+|\d{1,2})\b)*))?|\(\s*annex\s+([IVXLC]+|\d{1,2})\s*\)|annex\s+([IVXLC]+|\d{1,2})\s+(?:to|of)\s+the\s+present\s+(?:letter|note))/gi;

/** How far before its word `annex` a reference may start (`contained in the annex`). */
const ANNEX_REFERENCE_LEAD = 200;
const ANNEX_REFERENCE_AT = new RegExp(ANNEX_REFERENCE.source, 'iy');

/** `\s` of a pattern without the `u` flag, for one UTF-16 unit. */
function isPatternSpace(code: number): boolean {
	return code < 128 ? code === 32 || (code >= 9 && code <= 13) : /\s/.test(String.fromCharCode(code));
}

/** The start of the run of `\s` (of a pattern without the `u` flag) that ends at `end`. */
export function spaceRunStart(text: string, end: number): number {
	let start = end;
	while (start > 0 && isPatternSpace(text.charCodeAt(start - 1))) {
		start--;
	}
	return start;
}

/** Whether text[start, start + word.length) is `word` in any ASCII case (`word` in lower case). */
function wordAt(text: string, start: number, word: string): boolean {
	return start >= 0 && text.slice(start, start + word.length).toLowerCase() === word;
}

/**
 * Where an {@link ANNEX_REFERENCE} whose first word `annex` is at `annex` may start, in order: before a lead (`see`,
 * `in`, `at`, `contained in`, `reproduced in`, then white space and perhaps `the`), at a `(` before it, or at the word.
 * Every start of a match is among them (the pattern itself then decides).
 */
function annexReferenceStarts(text: string, annex: number): number[] {
	const starts = [annex];
	const beforeAnnex = spaceRunStart(text, annex);
	if (text.charCodeAt(beforeAnnex - 1) === 40 /* ( */) {
		starts.push(beforeAnnex - 1);
	}
	if (beforeAnnex < annex) {
		const leadEnds = [beforeAnnex];
		const beforeThe = spaceRunStart(text, beforeAnnex - 3);
		if (wordAt(text, beforeAnnex - 3, 'the') && beforeThe < beforeAnnex - 3) {
			leadEnds.push(beforeThe);
		}
		for (const end of leadEnds) {
			if (wordAt(text, end - 3, 'see')) {
				starts.push(end - 3);
			}
			if (wordAt(text, end - 2, 'at')) {
				starts.push(end - 2);
			}
			if (wordAt(text, end - 2, 'in')) {
				starts.push(end - 2);
				const beforeIn = spaceRunStart(text, end - 2);
				if (beforeIn < end - 2 && (wordAt(text, beforeIn - 9, 'contained') || wordAt(text, beforeIn - 10, 'reproduced'))) {
					starts.push(wordAt(text, beforeIn - 9, 'contained') ? beforeIn - 9 : beforeIn - 10);
				}
			}
		}
	}
	return starts.sort((x, y) => x - y);
}

/**
 * The matches of {@link ANNEX_REFERENCE} in order, as a global scan would give them when each scan starts at most
 * {@link ANNEX_REFERENCE_LEAD} characters before the next word `annex` (every reference holds one): the pattern is
 * tried only where a reference of each word `annex` may start, from the first such word on.
 */
function annexReferenceMatches(masked: string): RegExpExecArray[] {
	const matches: RegExpExecArray[] = [];
	// Each word `annex` in any case, found by its rarer `x` (the word cannot overlap itself, so these are what a global
	// scan for it finds from any place on).
	const words = placesIgnoringAsciiCase(masked, 'annex', 4);
	let from = 0;
	for (;;) {
		let word = firstAtOrAfter(words, from);
		if (word >= words.length) {
			return matches;
		}
		const lowest = Math.max(from, words[word] - ANNEX_REFERENCE_LEAD);
		let match: RegExpExecArray | null = null;
		for (; word < words.length && !match; word++) {
			for (const start of annexReferenceStarts(masked, words[word])) {
				if (start >= lowest) {
					ANNEX_REFERENCE_AT.lastIndex = start;
					match = ANNEX_REFERENCE_AT.exec(masked);
					if (match) {
						break;
					}
				}
			}
		}
		if (!match) {
			return matches;
		}
		matches.push(match);
		from = match.index + match[0].length;
	}
}

/** Finds references to this letter's own annexes: `see annex II`, `(annex I)`, `annex I to the present letter`, `see annex`. */
export function findAnnexReferences(masked: string, excluded: readonly OffsetRange[]): AnnexReference[] {
	const references: AnnexReference[] = [];
	for (const match of annexReferenceMatches(masked)) {
		if (excluded.some((range) => match.index >= range.start && match.index < range.end)) {
			continue;
		}
		const label = (match[1] ?? match[3] ?? match[4] ?? '').toUpperCase();
		if (label === '' && !/^(?:see)\s+annex\b/i.test(match[0])) {
			continue;
		}
		references.push({ range: { start: match.index, end: match.index + match[0].length }, label });
		if (match[2]) {
			const listStart = match.index + match[0].length - match[2].length;
			for (const more of match[2].matchAll(/[IVXLC]+|\d{1,2}/g)) {
				const start = listStart + more.index;
				references.push({ range: { start, end: start + more[0].length }, label: more[0].toUpperCase() });
			}
		}
	}
	return references;
}
