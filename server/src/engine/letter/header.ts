import type { DateMatch } from '../calendar/dates';
import type { DocumentSymbolRef, SymbolMatch } from '../symbols/documentSymbols';
import { ordinalToNumber } from '../sessions/ordinals';
import type { OffsetRange } from '../text/offsetRange';
import type { DateMention, LetterKind, LetterTitle, OrganHeader } from './model';
import type { Block } from './textLayout';

/** Turns a date found by the calendar scanner into the letter model's date mention. */
export function toDateMention(match: DateMatch): DateMention {
	return { range: { start: match.start, end: match.end }, raw: match.raw, date: match.date, invalid: match.invalid };
}

/** The first date that starts inside [from, to). */
export function firstDateIn(dates: readonly DateMatch[], from: number, to: number): DateMatch | undefined {
	return dates.find((date) => date.start >= from && date.start < to);
}

const TITLE_START = /^\s*(identical\s+letters|letter|identical\s+notes?\s+verbales?|note\s+verbale)\s+dated\b/i;

/** Finds the title block (`Letter dated … addressed to …`, `Note verbale dated …`) among the first blocks of a letter. */
export function findTitleBlock(blocks: readonly Block[], masked: string): Block | undefined {
	for (const block of blocks) {
		const blockText = masked.slice(block.start, block.end);
		if (TITLE_START.test(blockText) && /\baddressed\s+to\b/i.test(blockText) && blockText.length < 1200) {
			return block;
		}
	}
	return undefined;
}

/** Parses the title: kind, date, sender (with the country it represents) and addressee. */
export function parseTitle(block: Block, masked: string, dates: readonly DateMatch[]): LetterTitle {
	const blockText = masked.slice(block.start, block.end);
	const kindWord = TITLE_START.exec(blockText)?.[1].toLowerCase() ?? 'letter';
	const kind: LetterKind = kindWord.startsWith('identical') ? 'identical-letters' : kindWord.startsWith('note') ? 'note-verbale' : 'letter';
	const date = firstDateIn(dates, block.start, block.start + Math.min(blockText.length, 80));
	const range = trimRange(masked, block.start, block.end);
	const fromMatch = /\bfrom\s+(?:the\s+)?/i.exec(blockText);
	const addressedMatch = /\baddressed\s+to\s+(?:the\s+)?/i.exec(blockText);
	let sender: LetterTitle['sender'];
	if (fromMatch) {
		const senderStart = block.start + fromMatch.index + fromMatch[0].length;
		const senderEnd = addressedMatch && addressedMatch.index > fromMatch.index ? block.start + addressedMatch.index : block.end;
		const senderRange = trimRange(masked, senderStart, senderEnd);
		const senderText = collapseDetached(masked.slice(senderRange.start, senderRange.end));
		sender = { text: senderText, range: senderRange, country: countryOf(senderText) };
	}
	let addressee: LetterTitle['addressee'];
	if (addressedMatch) {
		const addresseeStart = block.start + addressedMatch.index + addressedMatch[0].length;
		const addresseeEnd = fromMatch && fromMatch.index > addressedMatch.index ? block.start + fromMatch.index : block.end;
		const addresseeRange = trimRange(masked, addresseeStart, addresseeEnd);
		addressee = { text: collapseDetached(masked.slice(addresseeRange.start, addresseeRange.end)), range: addresseeRange };
	}
	return { range, kind, date: date && { range: { start: date.start, end: date.end }, raw: date.raw, date: date.date, invalid: date.invalid }, sender, addressee };
}

/** The State a sender represents: "the Permanent Representative of Armenia to the United Nations" → "Armenia". */
export function countryOf(sender: string): string | undefined {
	const match = /\b(?:Representative|Mission|Chargé\s+d[’']affaires(?:\s+a\.\s*i\.)?|Minister\s+for\s+Foreign\s+Affairs|Minister\s+of\s+Foreign\s+Affairs|President|Prime\s+Minister|Observer|Government)\s+of\s+(?:the\s+)?(.+?)(?:\s+to\s+the\s+(?:United\s+Nations|UN)\b|\s+addressed\b|\s*[,(.]|$)/i.exec(sender);
	return match ? countryOf(match[1]) ?? collapseDetached(match[1]) : undefined;
}

const ORGAN_HEADER = /\b(?:(General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council)\s+)?([A-Za-z]+(?:-[A-Za-z]+)?)\s+((?:emergency\s+)?special\s+)?(session|year)\b/gi;

const ORGAN_NAMES: Readonly<Record<string, OrganHeader['organ']>> = {
	'general assembly': 'General Assembly', 'security council': 'Security Council', 'economic and social council': 'Economic and Social Council',
};

/** The unit an organ header names: `session`, `year`, `special session`, `emergency special session`. */
function unitOf(kind: string | undefined, unit: string): OrganHeader['unit'] {
	if (unit.toLowerCase() === 'year') {
		return 'year';
	}
	return kind === undefined ? 'session' : /emergency/i.test(kind) ? 'emergency-special-session' : 'special-session';
}

/**
 * Finds the organs with their session or year in the header region: `General Assembly Seventy-fifth session`,
 * `GENERAL ASSEMBLY Forty-seventh session`, `General Assembly Tenth emergency special session`, `Security Council
 * Seventy-fifth year`.
 */
export function findOrganHeaders(masked: string, headerEnd: number): OrganHeader[] {
	const headers: OrganHeader[] = [];
	for (const match of masked.slice(0, headerEnd).matchAll(ORGAN_HEADER)) {
		const ordinal = ordinalToNumber(match[2]);
		const unit = unitOf(match[3], match[4]);
		// An emergency special session may stand alone under two columns of organ names: only the Assembly holds them.
		const organ = match[1] === undefined ? (unit === 'emergency-special-session' ? 'General Assembly' : undefined) : ORGAN_NAMES[collapse(match[1]).toLowerCase()];
		if (ordinal === undefined || organ === undefined) {
			continue;
		}
		const ordinalStart = match.index + match[0].lastIndexOf(match[2], match[0].length - match[4].length - (match[3]?.length ?? 0) - 1);
		headers.push({
			// Only the Assembly holds emergency special sessions, and the Council no special sessions: a two-column header
			// read as one line (`General Assembly Security Council Tenth emergency special session`) names the Assembly's.
			organ: unit === 'emergency-special-session' || (unit === 'special-session' && organ === 'Security Council') ? 'General Assembly' : organ,
			range: { start: match.index, end: match.index + match[0].length },
			ordinalRange: { start: ordinalStart, end: match.index + match[0].length },
			ordinal,
			unit,
		});
	}
	return headers;
}

/** The distribution line (`Distr.: General 28 September 2020`), with its date on the same or the next line. */
export function findDistribution(masked: string, headerEnd: number, dates: readonly DateMatch[]): { range: OffsetRange; date?: DateMention; kind?: string } | undefined {
	const match = /\bDistr\.\s*:\s*(General|Limited|Restricted)?/i.exec(masked.slice(0, Math.max(headerEnd, 400)));
	if (!match) {
		return undefined;
	}
	const start = match.index;
	const date = firstDateIn(dates, start, start + match[0].length + 60);
	const end = date ? date.end : start + match[0].length;
	return { range: { start, end }, date: date && toDateMention(date), kind: match[1] };
}

/** The original language line: `Original: English`. */
export function findOriginalLanguage(masked: string, headerEnd: number): { range: OffsetRange; language: string } | undefined {
	const match = /\bOriginal\s*:\s*([A-Z][a-z]+)/.exec(masked.slice(0, Math.max(headerEnd, 400)));
	return match ? { range: { start: match.index, end: match.index + match[0].length }, language: match[1] } : undefined;
}

const MASTHEAD_WORDS = /United\s+Nations|General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Distr\.\s*:\s*\w*/g;

/**
 * The masthead symbol: well-formed symbols before the distribution line (or the title) that stand on lines holding
 * nothing but masthead words. Two single symbols on consecutive lines (`A/75/356` then `S/2020/947`) form one joint symbol.
 */
export function findMasthead(masked: string, symbols: readonly SymbolMatch[], limit: number): { symbol: DocumentSymbolRef; range: OffsetRange } | undefined {
	const candidates = symbols.filter((match) => match.symbol && match.end <= limit && standsAlone(masked, match));
	if (candidates.length === 0) {
		return undefined;
	}
	const first = candidates[0];
	const second = candidates[1];
	if (second?.symbol && first.symbol && second.start - first.end < 40 && first.symbol.parts.every((part) => part.series !== second.symbol?.parts[0].series)) {
		const parts = [...first.symbol.parts, ...second.symbol.parts];
		return { symbol: { text: parts.map((part) => part.text).join('-'), parts }, range: { start: first.start, end: second.end } };
	}
	return first.symbol && { symbol: first.symbol, range: { start: first.start, end: first.end } };
}

function standsAlone(masked: string, match: SymbolMatch): boolean {
	const lineStart = masked.lastIndexOf('\n', match.start - 1) + 1;
	let lineEnd = masked.indexOf('\n', match.end);
	if (lineEnd < 0) {
		lineEnd = masked.length;
	}
	const rest = (masked.slice(lineStart, match.start) + ' ' + masked.slice(match.end, lineEnd)).replace(MASTHEAD_WORDS, ' ');
	return /^[\s\-–|]*$/.test(rest);
}

/** Trims whitespace (and masked markup) from both ends of a range. */
export function trimRange(masked: string, start: number, end: number): OffsetRange {
	let s = start;
	let e = end;
	while (s < e && /\s/.test(masked[s])) {
		s++;
	}
	while (e > s && /\s/.test(masked[e - 1])) {
		e--;
	}
	return { start: s, end: e };
}

/** Collapses runs of whitespace to one space and trims. */
export function collapse(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * {@link collapse}, returning a copy: a string taken from the masked text must not stay a slice of it, or it would
 * keep the whole masked copy of the letter alive for as long as the model lives.
 */
export function collapseDetached(text: string): string {
	return `${collapse(text)} `.slice(0, -1);
}
