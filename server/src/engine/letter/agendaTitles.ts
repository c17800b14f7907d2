/**
 * The agenda titles printed under the agenda line of the header. Usually each stands in a paragraph of its own; a
 * header may also print them on consecutive lines (web pages, two-column headers) or, when the text lost its line
 * breaks, one after the other in a single run of words. The number of items on the agenda line says how many titles
 * to look for.
 */
import type { ReferenceData } from '../sessions/referenceData';
import { normaliseTitle } from '../sessions/referenceData';
import type { OffsetRange } from '../text/offsetRange';
import { collapseDetached, trimRange } from './header';
import type { OrganHeader } from './model';
import type { Block } from './textLayout';

/** A title as printed: its words on one line and its range. */
export interface PrintedTitle {
	readonly text: string;
	readonly range: OffsetRange;
}

/** A line ending with these continues on the next line (`The responsibility to protect and the prevention of` / `genocide, …`). */
const DANGLING_END = /(?:\b(?:of|and|the|in|for|to|on|a|an|with|at|by|from|against|between|among|into|its|their|or|including|towards?|within|under)|[,\-–—:;/])$/i;
/** Words that do not start a title although capitalised after a lower-case word: names inside titles. */
const SMALL_WORDS = new Set(['of', 'and', 'the', 'in', 'for', 'to', 'on', 'a', 'an', 'with', 'at', 'by', 'from', 'against', 'between', 'among', 'into', 'its', 'their', 'or', 'including', 'towards', 'toward', 'within', 'under', 'over', 'through', 'upon', 'without', 'across', 'about', 'after', 'before', 'during', 'beyond', 'as']);

/** Words that open a title and are never capitalised inside one (`… Middle East Report of the Special Committee …`). */
const ALWAYS_OPENS = /^(?:Report|Question)$/;

/** True when a text can be an agenda title: starts with a capital or a quote, and is not a date, a symbol or a header line. */
function looksLikeTitle(text: string): boolean {
	return text.length >= 3 && text.length <= 400 && /^[A-Z“"‘']/.test(text) && !/^(?:Distr\.|Original\s*:|\d)/.test(text) && !/^[A-Z]{1,6}\/\S/.test(text);
}

/** The piece of each block that lies between the agenda line and the title, cut before an organ header inside it. */
function headerPieces(blocks: readonly Block[], agendaEnd: number, headerEnd: number, organs: readonly OrganHeader[]): { start: number; end: number; block: Block }[] {
	const pieces: { start: number; end: number; block: Block }[] = [];
	for (const block of blocks) {
		if (block.end <= agendaEnd || block.start >= headerEnd) {
			continue;
		}
		const start = Math.max(block.start, agendaEnd);
		let end = Math.min(block.end, headerEnd);
		for (const organ of organs) {
			for (const range of [organ.range, organ.ordinalRange]) {
				if (range.start >= start && range.start < end) {
					end = range.start;
				}
			}
		}
		pieces.push({ start, end, block });
	}
	return pieces;
}

function printed(masked: string, start: number, end: number): PrintedTitle {
	const range = trimRange(masked, start, end);
	return { text: collapseDetached(masked.slice(range.start, range.end)), range };
}

/**
 * The piece cut into titles at its lines: a line starting with a capital begins a new title unless the line before it
 * dangles. Between two lines in capitals (`QUESTION OF PALESTINE` / `THE SITUATION IN THE MIDDLE EAST`, but also a
 * title centred over two lines) only when `splitCapitals` is set.
 */
function splitAtLines(masked: string, piece: { start: number; end: number; block: Block }, splitCapitals: boolean): PrintedTitle[] {
	const lines = piece.block.lines
		.map((line) => trimRange(masked, Math.max(line.start, piece.start), Math.min(line.end, piece.end)))
		.filter((range) => range.end > range.start);
	const titles: PrintedTitle[] = [];
	let current: OffsetRange | undefined;
	for (const line of lines) {
		const lineText = masked.slice(line.start, line.end);
		const previous = current && masked.slice(current.start, current.end);
		const continues = previous !== undefined && (DANGLING_END.test(previous) || !/^[A-Z“"‘']/.test(lineText) || (!splitCapitals && isCapitals(previous) && isCapitals(lineText)));
		if (current && continues) {
			current = { start: current.start, end: line.end };
		} else {
			if (current) {
				titles.push(printed(masked, current.start, current.end));
			}
			current = line;
		}
	}
	if (current) {
		titles.push(printed(masked, current.start, current.end));
	}
	return titles;
}

/**
 * Paragraphs of one title: a paragraph that dangles (`Illegal Israeli actions in Occupied East Jerusalem and`) goes on
 * in the next when that one starts in lower case (`the rest of the Occupied Palestinian Territory`), as a PDF's text
 * gives a title broken over two lines with a blank line between them. A title never starts in lower case.
 */
function joinDangling(masked: string, titles: readonly PrintedTitle[]): PrintedTitle[] {
	const joined: PrintedTitle[] = [];
	for (const title of titles) {
		const previous = joined.at(-1);
		if (previous && DANGLING_END.test(previous.text) && /^\p{Ll}/u.test(title.text)) {
			joined[joined.length - 1] = printed(masked, previous.range.start, title.range.end);
		} else {
			joined.push(title);
		}
	}
	return joined;
}

function isCapitals(text: string): boolean {
	return !/\p{Ll}/u.test(text) && /\p{Lu}{2}/u.test(text);
}

/** Words of a text with their ranges, and their form for comparison with known titles. */
function wordsOf(masked: string, range: OffsetRange): { start: number; end: number; key: string; raw: string }[] {
	return [...masked.slice(range.start, range.end).matchAll(/\S+/g)].map((match) => ({
		start: range.start + match.index,
		end: range.start + match.index + match[0].length,
		raw: match[0],
		key: normaliseTitle(match[0]),
	}));
}

/**
 * A run of words holding `count` titles (a header whose line breaks were lost) cut into titles. Where a new title
 * starts, from the surest sign to the weakest: a known agenda title begins or ends; a capitalised article (`… war-
 * stricken Afghanistan The situation in Afghanistan …`); a word that opens known titles (`Report`, `Question`); a
 * capitalised word after a lower-case one, or before one, that is not part of a name (`… armed conflict Right of
 * peoples …`, `… Territories Permanent sovereignty …`). A weaker sign is used only when the stronger ones do not
 * give enough cuts, and only when all its places fit.
 */
function splitRunTogether(masked: string, title: PrintedTitle, count: number, known: KnownTitles): PrintedTitle[] {
	const words = wordsOf(masked, title.range);
	const cuts = new Set<number>();
	for (const rank of cutCandidates(words, known)) {
		const fresh = [...new Set(rank)].filter((index) => !cuts.has(index));
		if (cuts.size + fresh.length <= count - 1) {
			fresh.forEach((index) => cuts.add(index));
		}
		if (cuts.size === count - 1) {
			break;
		}
	}
	if (cuts.size === 0) {
		return [title];
	}
	const starts = [0, ...[...cuts].sort((a, b) => a - b)];
	return starts.map((first, i) => printed(masked, words[first].start, words[(starts[i + 1] ?? words.length) - 1].end));
}

/** The words that may start a title, by rank: each rank lists word indices (a new title starts there). */
function cutCandidates(words: readonly { key: string; raw: string }[], known: KnownTitles): number[][] {
	const knownEdges: number[] = [];
	for (const title of known.titles) {
		for (let first = 0; first + title.length <= words.length; first++) {
			if (title.every((key, i) => words[first + i].key === key)) {
				knownEdges.push(first, first + title.length);
			}
		}
	}
	const articles: number[] = [];
	const openings: number[] = [];
	const capitals: number[] = [];
	for (let i = 1; i < words.length; i++) {
		const word = words[i].raw;
		const before = words[i - 1].raw;
		const after = words[i + 1]?.raw;
		if (!/^[A-Z“"‘]/.test(word) || SMALL_WORDS.has(before.toLowerCase()) || DANGLING_END.test(before)) {
			continue;
		}
		if (word === 'The' || word === 'A' || word === 'An') {
			articles.push(i);
		} else if (known.openings.has(words[i].key) && (/^\p{Ll}/u.test(before) || ALWAYS_OPENS.test(word))) {
			openings.push(i);
		} else if ((/^\p{Ll}/u.test(before) && after !== undefined && !/^\p{Lu}/u.test(after)) || (after !== undefined && /^\p{Ll}/u.test(after) && !SMALL_WORDS.has(after.toLowerCase()))) {
			capitals.push(i);
		}
	}
	return [knownEdges.filter((index) => index > 0 && index < words.length), articles, openings, capitals];
}

/** The agenda titles of the data as word keys, and the words they open with. */
interface KnownTitles {
	readonly titles: readonly (readonly string[])[];
	readonly openings: ReadonlySet<string>;
}

const knownTitles = new WeakMap<ReferenceData, Map<number | undefined, KnownTitles>>();

/** Every title of the data, as word keys (the session's own first), and their first words: built once per data set and session. */
function knownTitleWords(data: ReferenceData, session: number | undefined): KnownTitles {
	let bySession = knownTitles.get(data);
	if (!bySession) {
		bySession = new Map();
		knownTitles.set(data, bySession);
	}
	let known = bySession.get(session);
	if (!known) {
		known = readKnownTitleWords(data, session);
		bySession.set(session, known);
	}
	return known;
}

function readKnownTitleWords(data: ReferenceData, session: number | undefined): KnownTitles {
	const own = session === undefined ? [] : [...(data.agenda.get(session)?.values() ?? [])];
	const others = [...data.agenda.entries()].filter(([number]) => number !== session).flatMap(([, items]) => [...items.values()]);
	const titles = [...own, ...others].map((fact) => normaliseTitle(fact.title).split(' ').filter(Boolean));
	return { titles, openings: new Set(titles.map((words) => words[0]).filter((word) => word !== undefined && !SMALL_WORDS.has(word))) };
}

/**
 * Collects the agenda titles written under the agenda line: each paragraph between the agenda line and the title is
 * one title, except organ headers and what is not a title (dates, symbols, footnote texts). When that gives fewer
 * titles than the `itemCount` items of the agenda line, titles printed on consecutive lines are told apart, then titles
 * run together on one line.
 */
export function collectAgendaTitles(blocks: readonly Block[], masked: string, agendaEnd: number, headerEnd: number, organs: readonly OrganHeader[], itemCount: number, data: ReferenceData, session: number | undefined): PrintedTitle[] {
	const pieces = headerPieces(blocks, agendaEnd, headerEnd, organs);
	let titles = joinDangling(masked, pieces.map((piece) => printed(masked, piece.start, piece.end))).filter((title) => looksLikeTitle(title.text));
	if (titles.length >= itemCount) {
		return titles;
	}
	for (const splitCapitals of [false, true]) {
		const byLines = pieces.flatMap((piece) => splitAtLines(masked, piece, splitCapitals)).filter((title) => looksLikeTitle(title.text));
		if (byLines.length > titles.length && byLines.length <= itemCount) {
			titles = byLines;
		}
	}
	if (titles.length > 0 && titles.length < itemCount) {
		const known = knownTitleWords(data, session);
		const longest = titles.reduce((best, title, i) => (title.text.length > titles[best].text.length ? i : best), 0);
		const runTogether = titles.flatMap((title, i) => (i === longest ? splitRunTogether(masked, title, itemCount - titles.length + 1, known) : [title])).filter((title) => looksLikeTitle(title.text));
		if (runTogether.length > titles.length && runTogether.length <= itemCount) {
			titles = runTogether;
		}
	}
	return titles;
}
