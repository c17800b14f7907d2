/**
 * Resolution citations in prose: "resolution 822 (1993)", "resolutions 822 (1993), 853 (1993) and 884 (1993)",
 * "Resolutions 874 and 884", "resolution 75/1", "resolution 3363 (XXX)", Markdown-wrapped lists
 * ("four resolutions – [822 \(1993\)](#), …"). Each resolution of a list is one match over its number.
 */
import { romanToNumber } from '../sessions/ordinals';
import { scanWindow } from './scanWindow';
import { insideZones } from './urlZones';

/** One resolution cited in prose. */
export interface ResolutionMatch {
	/** Range of the resolution's number as written ("822 (1993)", "75/1"), inside link brackets when wrapped. */
	start: number;
	end: number;
	raw: string;
	/** Document symbol: "S/RES/822 (1993)", "A/RES/75/1", "A/RES/3363 (XXX)". */
	symbol: string;
	/** The adopting organ; 'unknown' for a bare number with no organ nearby, and for other councils (see `body`). */
	organ: 'General Assembly' | 'Security Council' | 'unknown';
	/** When another organ adopted it: "Human Rights Council" (A/HRC/RES/45/1), "Economic and Social Council" (E/RES/2020/1). */
	body?: string;
	/** The resolution number: "822", "1" (of 75/1), "3363". */
	number: string;
	year?: number;
	/** GA (or HRC) session: 75 for 75/1, 30 for "(XXX)"; "ES-10" for an emergency special session. */
	session?: number | string;
	/** https://undocs.org/<symbol> without the space before a parenthesis. */
	url: string;
}

type OrganContext = 'Security Council' | 'General Assembly' | 'Human Rights Council' | 'Economic and Social Council';

/**
 * The word `resolution(s)`; a letter right before it makes it part of another word (checked after the match: a pattern
 * that starts with a lookbehind is tried at every position of the text).
 */
const TRIGGER = /resolutions?(?![\p{L}])/giu;
const LEAD_IN = /(?:[ \t\u00a0]+|[ \t\u00a0]*(?:\r\n|\n|\r)[ \t\u00a0]*)(?:(?:\\?-|–|—)[ \t\u00a0]+)?(?:Nos?\.[ \t\u00a0]*)?/y;
const ITEM = /(\[)?((?:E?S-\d{1,2})\/\d{1,4}|(\d{1,4})\/(\d{1,4})|(\d{1,4})(?:[ \u00a0]?\\?\((\d{4}|[IVXLC]{1,8})\\?\))?)(?:\](?:\([^()\r\n]*\))?)?/y;
const SEPARATOR = /(?:[ \t\u00a0]*,[ \t\u00a0]*(?:and[ \t\u00a0]+|as well as[ \t\u00a0]+|or[ \t\u00a0]+)?|[ \t\u00a0]+(?:and|as well as|or)[ \t\u00a0]+|[ \t\u00a0]*;[ \t\u00a0]*(?:and[ \t\u00a0]+)?)/y;
const AFTER_ITEM_FORBIDDEN = /^[\p{L}\p{N}/\\-]/u;
const MONTH_AFTER = /^[ \u00a0]+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/i;
const SENTENCE_BREAK = /[.!?]["”’)]?[ \t]+(?=[A-Z“"])|\n[ \t]*(?:\r?\n)/g;
/** "conflict resolution 2…", "dispute resolution 3…": the word names a process, the number is something else. */
const PROCESS_WORD_BEFORE = /(?:conflict|dispute)[ \t\u00a0]+$/i;
const ORGAN_AFTER = /^\\?\)?\]?(?:\([^()\r\n]*\))?[ \t\u00a0]*,?[ \t\u00a0]+(?:of|by|adopted by)[ \t\u00a0]+(?:the[ \t\u00a0]+)?(?:UN[ \t\u00a0]+|United Nations[ \t\u00a0]+)?(Security Council|General Assembly|Human Rights Council|Economic and Social Council)/;
const ORGAN_MENTION = /Security Council|General Assembly|Human Rights Council|Economic and Social Council/g;

/** One list item as read, before its organ is decided. */
interface RawItem {
	start: number;
	end: number;
	core: string;
	number: string;
	/** Session of "75/1" or year of ECOSOC "2020/1"; undefined otherwise. */
	slashHead?: string;
	parenthesis?: string;
	specialSession?: string;
}

/** The organ named last before `pos` in the same sentence, and how far before `pos` its mention ends. */
function organBefore(text: string, pos: number): { organ: OrganContext; distance: number } | undefined {
	const windowStart = Math.max(0, pos - 240);
	let slice = text.slice(windowStart, pos);
	let sentenceStart = 0;
	SENTENCE_BREAK.lastIndex = 0;
	for (let found = SENTENCE_BREAK.exec(slice); found; found = SENTENCE_BREAK.exec(slice)) {
		sentenceStart = found.index + found[0].length;
	}
	slice = slice.slice(sentenceStart);
	let last: RegExpExecArray | undefined;
	ORGAN_MENTION.lastIndex = 0;
	for (let match = ORGAN_MENTION.exec(slice); match; match = ORGAN_MENTION.exec(slice)) {
		last = match;
	}
	return last ? { organ: last[0] as OrganContext, distance: slice.length - (last.index + last[0].length) } : undefined;
}

/** The organ named right after a list ("… 874 and 884 of the Security Council"), when the sentence named none before. */
function organAfter(text: string, end: number): { organ: OrganContext; distance: number } | undefined {
	const match = ORGAN_AFTER.exec(text.slice(end, end + 80));
	return match ? { organ: match[1] as OrganContext, distance: 0 } : undefined;
}

/** Reads one list item at `pos`; undefined when none is there or it runs into other text ("8/43-C", "12 May"). */
function readItem(text: string, pos: number): RawItem | undefined {
	ITEM.lastIndex = pos;
	const match = ITEM.exec(text);
	if (!match) {
		return undefined;
	}
	const after = text.slice(ITEM.lastIndex, ITEM.lastIndex + 16);
	const opened = match[1] !== undefined;
	const closed = match[0].includes(']');
	if (opened !== closed || AFTER_ITEM_FORBIDDEN.test(after) || (match[5] !== undefined && match[6] === undefined && MONTH_AFTER.test(after))) {
		return undefined;
	}
	const start = pos + (opened ? 1 : 0);
	const core = match[2];
	const item: RawItem = { start, end: start + core.length, core, number: match[5] ?? match[4] ?? core.replace(/^.*\//, '') };
	if (match[3] !== undefined) {
		item.slashHead = match[3];
	} else if (match[5] === undefined) {
		item.specialSession = core.replace(/\/.*$/, '');
	}
	if (match[6] !== undefined) {
		item.parenthesis = match[6];
	}
	return item;
}

/** Reads the list that follows a trigger word ending at `pos`. */
function readList(text: string, pos: number): RawItem[] {
	LEAD_IN.lastIndex = pos;
	if (!LEAD_IN.exec(text) || LEAD_IN.lastIndex === pos) {
		return [];
	}
	const items: RawItem[] = [];
	let item = readItem(text, LEAD_IN.lastIndex);
	while (item) {
		items.push(item);
		const itemEnd = ITEM.lastIndex;
		SEPARATOR.lastIndex = itemEnd;
		if (!SEPARATOR.exec(text)) {
			break;
		}
		item = readItem(text, SEPARATOR.lastIndex);
	}
	return items;
}

/**
 * Builds the match of one item given the organ named before the list and whether a sibling carries a year. Each match
 * is written out whole, its fields always in the order start, end, raw, number, symbol, organ, body, year or session,
 * url (a spread of a shared base object was the slowest part of the scan).
 */
function resolveItem(text: string, item: RawItem, context: { organ: OrganContext; distance: number } | undefined, siblingHasYear: boolean): ResolutionMatch {
	const { start, end, number } = item;
	const raw = text.slice(start, end);
	const paren = item.parenthesis;
	if (item.specialSession !== undefined) {
		const symbol = `A/RES/${item.core}`;
		return { start, end, raw, number, symbol, organ: 'General Assembly', session: item.specialSession, url: undocsResolutionUrl(symbol) };
	}
	if (item.slashHead !== undefined) {
		const head = Number(item.slashHead);
		if (item.slashHead.length === 4 && head >= 1946) {
			const symbol = `E/RES/${item.core}`;
			return { start, end, raw, number, symbol, organ: 'unknown', body: 'Economic and Social Council', year: head, url: undocsResolutionUrl(symbol) };
		}
		if (context?.organ === 'Human Rights Council') {
			const symbol = `A/HRC/RES/${item.core}`;
			return { start, end, raw, number, symbol, organ: 'unknown', body: 'Human Rights Council', session: head, url: undocsResolutionUrl(symbol) };
		}
		const symbol = `A/RES/${item.core}`;
		return { start, end, raw, number, symbol, organ: 'General Assembly', session: head, url: undocsResolutionUrl(symbol) };
	}
	if (paren !== undefined && /^[IVXLC]+$/.test(paren)) {
		const symbol = `A/RES/${number} (${paren})`;
		return { start, end, raw, number, symbol, organ: 'General Assembly', session: romanToNumber(paren) ?? paren, url: undocsResolutionUrl(symbol) };
	}
	const gaNamedJustBefore = context?.organ === 'General Assembly' && context.distance <= 40;
	if (paren !== undefined) {
		const year = Number(paren);
		if (gaNamedJustBefore) {
			const symbol = `A/RES/${number}`;
			return { start, end, raw, number, symbol, organ: 'General Assembly', year, url: undocsResolutionUrl(symbol) };
		}
		const symbol = `S/RES/${number} (${paren})`;
		return { start, end, raw, number, symbol, organ: 'Security Council', year, url: undocsResolutionUrl(symbol) };
	}
	if (context?.organ === 'General Assembly') {
		const symbol = `A/RES/${number}`;
		return { start, end, raw, number, symbol, organ: 'General Assembly', url: undocsResolutionUrl(symbol) };
	}
	const symbol = `S/RES/${number}`;
	const organ = context?.organ === 'Security Council' || siblingHasYear ? 'Security Council' : 'unknown';
	return { start, end, raw, number, symbol, organ, url: undocsResolutionUrl(symbol) };
}

/** https://undocs.org/<symbol>, with no space before the parenthesis ("S/RES/822(1993)"). */
function undocsResolutionUrl(symbol: string): string {
	return `https://undocs.org/${encodeURI(symbol.replace(/\s+/g, ''))}`;
}

/**
 * Finds resolution citations in text[start, end): after "resolution(s)", each number of the list that follows.
 * Organs: "N (YYYY)" is the Security Council (S/RES/N (YYYY)) unless "General Assembly" comes just before;
 * "N/M" is the General Assembly (A/RES/N/M; A/HRC/RES/N/M after "Human Rights Council"; E/RES/YYYY/N for a year);
 * "N (roman)" is an old GA resolution; a bare "N" is the Security Council when the sentence names it before (or,
 * naming no organ before, right after the list: "… and 884 of the Security Council") or a sibling in the list carries
 * a year, otherwise organ 'unknown' with the SC symbol as the best guess (bare numbers in letters are almost always
 * Security Council resolutions). "conflict resolution 2 …" is not a citation.
 */
export function scanResolutionCitations(text: string, start?: number, end?: number): ResolutionMatch[] {
	if (typeof text !== 'string') {
		return [];
	}
	const { from, text: bounded, zones } = scanWindow(text, start, end);
	const trigger = new RegExp(TRIGGER.source, TRIGGER.flags);
	trigger.lastIndex = from;
	const matches: ResolutionMatch[] = [];
	for (let found = trigger.exec(bounded); found; found = trigger.exec(bounded)) {
		if (found.index > 0 && /\p{L}$/u.test(bounded.slice(Math.max(0, found.index - 2), found.index))) {
			trigger.lastIndex = found.index + 1;
			continue;
		}
		if (insideZones(zones, found.index)) {
			continue;
		}
		const items = readList(bounded, found.index + found[0].length).filter((item) => !insideZones(zones, item.start));
		if (items.length === 0) {
			continue;
		}
		const bare = items.every((item) => item.parenthesis === undefined && item.slashHead === undefined && item.specialSession === undefined);
		if (bare && PROCESS_WORD_BEFORE.test(bounded.slice(Math.max(0, found.index - 12), found.index))) {
			continue;
		}
		const context = organBefore(bounded, found.index) ?? organAfter(bounded, items[items.length - 1].end);
		const siblingHasYear = items.some((item) => item.parenthesis !== undefined && /^\d{4}$/.test(item.parenthesis));
		for (const item of items) {
			matches.push(resolveItem(bounded, item, context, siblingHasYear));
		}
		trigger.lastIndex = Math.max(trigger.lastIndex, items[items.length - 1].end);
	}
	return matches;
}
