import type { DateMatch } from '../calendar/dates';
import type { DocumentSymbolRef, SymbolMatch } from '../symbols/documentSymbols';
import { ordinalToNumber } from '../sessions/ordinals';
import type { OffsetRange } from '../text/offsetRange';
import { DISTRIBUTION_BLOCK_WITHOUT_DISTR } from './detection';
import type { DateMention, LetterKind, LetterTitle, OrganHeader } from './model';
import type { Block } from './textLayout';
import type { TitleExtent } from './titleLine';
import { readOcrDate, repairTitleWords } from './ocrReading';
import { memoizeText } from './textMemo';
import { ADDRESSED_TO, addresseeEnd, opensBodyAt, TITLE_START, WRITER_AFTER } from './titleLine';

/** Turns a date found by the calendar scanner into the letter model's date mention. */
export function toDateMention(match: DateMatch): DateMention {
	return { range: { start: match.start, end: match.end }, raw: match.raw, date: match.date, invalid: match.invalid };
}

/** The first date that starts inside [from, to). */
export function firstDateIn(dates: readonly DateMatch[], from: number, to: number): DateMatch | undefined {
	return dates.find((date) => date.start >= from && date.start < to);
}

/**
 * Finds the title block (`Letter dated … addressed to …`, `Note verbale dated …`): the block where the reading stage
 * found the title, or else the first block that starts like a title and names an addressee.
 */
export function findTitleBlock(blocks: readonly Block[], masked: string, title?: TitleExtent): Block | undefined {
	if (title) {
		const block = blocks.find((candidate) => candidate.start <= title.start && title.start < candidate.end);
		if (block && (title.end !== undefined || block.end - block.start < MAX_TITLE_LENGTH)) {
			return block;
		}
	}
	for (const block of blocks) {
		const blockText = masked.slice(block.start, block.end);
		if (TITLE_START.test(blockText) && ADDRESSED_TO.test(blockText) && blockText.length < MAX_TITLE_LENGTH) {
			return block;
		}
	}
	return undefined;
}

/** A title block longer than this without a readable addressee is a paragraph that happens to start like a title. */
const MAX_TITLE_LENGTH = 1200;

/** Parses the title: kind, date, sender (with the country it represents) and addressee. */
export function parseTitle(block: Block, masked: string, dates: readonly DateMatch[]): LetterTitle {
	const blockText = masked.slice(block.start, block.end);
	const start = TITLE_START.exec(blockText);
	const kindWord = (start?.[1] ?? start?.[2] ?? 'letter').toLowerCase();
	const kind: LetterKind = kindWord.startsWith('identical') && !/notes?\s+verbales?/.test(kindWord) ? 'identical-letters' : /note/.test(kindWord) ? 'note-verbale' : 'letter';
	const dateEnd = block.start + Math.min(blockText.length, 80);
	const date = firstDateIn(dates, block.start, dateEnd) ?? readOcrDate(masked, block.start, dateEnd);
	const range = trimRange(masked, block.start, block.end);
	const fromMatch = /\bfrom\s+(?:the\s+)?/i.exec(blockText);
	const addressedMatch = ADDRESSED_TO.exec(blockText);
	let sender: LetterTitle['sender'];
	if (fromMatch) {
		const senderStart = block.start + fromMatch.index + fromMatch[0].length;
		const senderEnd = addressedMatch && addressedMatch.index > fromMatch.index ? block.start + addressedMatch.index : block.end;
		const senderRange = trimRange(masked, senderStart, senderEnd);
		const senderText = repairTitleWords(collapseDetached(masked.slice(senderRange.start, senderRange.end)));
		sender = { text: senderText, range: senderRange, country: countryOf(senderText) };
	} else if (date && addressedMatch && block.start + addressedMatch.index > date.end) {
		// OCR lost the word `from` (`~~OM`, `frorn`): the post between the date and the addressee still names the State.
		const senderRange = trimRange(masked, date.end, block.start + addressedMatch.index);
		const senderText = repairTitleWords(collapseDetached(masked.slice(senderRange.start, senderRange.end)));
		const country = countryOf(senderText);
		sender = country === undefined ? undefined : { text: senderText, range: senderRange, country };
	}
	if (!fromMatch && addressedMatch) {
		// The writer named after the addressee (`… addressed to the President of the Security Council by the Permanent Representative of France …`).
		const addresseeAt = block.start + addressedMatch.index + addressedMatch[0].length;
		const end = addresseeEnd(masked, addresseeAt);
		const writer = end === undefined ? null : WRITER_AFTER.exec(masked.slice(end, block.end));
		if (end !== undefined && writer) {
			const senderStart = end + writer[0].indexOf(writer[1]);
			const senderRange = trimRange(masked, senderStart, senderStart + writer[1].length);
			const senderText = repairTitleWords(collapseDetached(masked.slice(senderRange.start, senderRange.end)));
			sender = { text: senderText, range: senderRange, country: countryOf(senderText) };
		}
	}
	let addressee: LetterTitle['addressee'];
	const addresseeStart = addressedMatch ? block.start + addressedMatch.index + addressedMatch[0].length : 0;
	if (addressedMatch && !opensBodyAt(masked, addresseeStart)) {
		const addresseeStop = fromMatch && fromMatch.index > addressedMatch.index ? block.start + fromMatch.index : block.end;
		const addresseeRange = trimRange(masked, addresseeStart, Math.min(addresseeStop, addresseeEnd(masked, addresseeStart) ?? addresseeStop));
		addressee = { text: repairTitleWords(collapseDetached(masked.slice(addresseeRange.start, addresseeRange.end))), range: addresseeRange };
	}
	return { range, kind, date: date && { range: { start: date.start, end: date.end }, raw: date.raw, date: date.date, invalid: date.invalid }, sender, addressee };
}

/** The State a sender represents: "the Permanent Representative of Armenia to the United Nations" → "Armenia". */
export const countryOf: (sender: string) => string | undefined = memoizeText(countryOfUncached);

function countryOfUncached(sender: string): string | undefined {
	// `the Permanent Mission to Cuba to the United Nations` (a transcription slip for `of`): the State stands between.
	const missionTo = MISSION_TO_STATE.exec(sender);
	if (missionTo) {
		return collapseDetached(missionTo[1]);
	}
	// `from the of Kuwait to the United Nations`: OCR lost the writer's post, and the State still follows its `of`.
	const postLost = POST_LOST.exec(sender);
	if (postLost) {
		return UN_ORGAN.test(postLost[1]) ? undefined : collapseDetached(postLost[1]);
	}
	const plural = /\bRepresentatives\s+of\s+(?!(?:the\s+)?to\s+the\b)(?:the\s+)?(.+?)(?:\s+to\s+the\s+(?:United\s+Nations|UN|U\.N\.)(?![\w.])|\s+addressed\b|\s*[(]|$)/i.exec(sender);
	const match = plural ?? SENDER_OF.exec(sender);
	if (!match || UN_ORGAN.test(match[1])) {
		return undefined;
	}
	const country = plural ? undefined : countryOf(match[1]);
	return country ?? collapseDetached(match[1]).replace(/^State\s+of\s+(?=\S)/i, '');
}

/** The post of a State's representative and the State after it (`Permanent Observer for the League of Arab States`; `to TBB United Nations` is `the` as OCR read it). */
const SENDER_OF = /\b(?:Representative|Mission|Charg[ée]\s+d[’']affaire?s(?:\s+a\.\s*i\.|\s+ad\s+interim)?|Minister\s+for\s+Foreign\s+Affairs|Minister\s+of\s+Foreign\s+Affairs|President|Prime\s+Minister|Observer|Government)\s+(?:of|for)\s+(?!(?:the\s+)?to\s+the\b)(?:the\s+)?(.+?)(?:\s+(?:to|at)\s+(?:the|t\w\w)\s+(?:United\s+Nations|UN|U\.N\.)(?![\w.])|\s+addressed\b|\s*[,(.]|$)/i;

/**
 * A sender whose post was lost before its `of` (`of Kuwait to the United Nations`, from `from the of Kuwait …`): the
 * capitalised name after the `of` up to `to the United Nations` (or the end); a lost State (`of the to the …`) is none.
 */
const POST_LOST = /^(?:the\s+)?(?:of|for)\s+(?:the\s+)?(\p{Lu}[^\n,(]{1,60}?)(?:\s+(?:to|at)\s+the\s+(?:United\s+Nations|UN|U\.N\.)(?![\w.])|\s+addressed\b|\s*$)/u;

/** `Mission to <State> to the United Nations`: the State of a mission whose `of` was written `to`. */
const MISSION_TO_STATE = /\bMission\s+to\s+(?!(?:the\s+)?(?:United\s+Nations|UN)\b)(?:the\s+)?([^\n]{2,60}?)\s+(?:to|at)\s+the\s+United\s+Nations\b/i;

/** An organ of the United Nations: the sender `President of the Security Council` represents no State. */
const UN_ORGAN = /^(?:Security\s+Council|General\s+Assembly|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council|United\s+Nations)\b/i;

const ORGAN_NAME = /\b(General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council|Commission\s+on\s+Human\s+Rights)\b/gi;
/** `Seventy-fifth session`, `Seventy-fifth year`, `Tenth emergency special session`, `Twentieth special session`. */
const SESSION_OR_YEAR = /\b([A-Za-z]+(?:-[A-Za-z]+)?)\s+((?:emergency\s+)?special\s+)?(session|year)\b/gi;
/**
 * What may stand between an organ and its session or year: the rest of the masthead (the other column's organ and
 * session, `Distr.`, the symbols, the date, the original language) and the agenda line beside it.
 */
const MASTHEAD_VOCABULARY = new RegExp([
	ORGAN_NAME.source, SESSION_OR_YEAR.source, String.raw`\bUnited\s+Nations\b`, String.raw`\bDistr\.\s*:?`, String.raw`\b(?:General|Limited|Restricted)\b`,
	String.raw`\bOriginal\s*:\s*[A-Za-z]+`, String.raw`\b(?:English|French|Spanish|Russian|Arabic|Chinese)\b`, String.raw`\b\d{1,2}\s+[A-Za-z]+\s+\d{4}\b`,
	String.raw`\b[A-Z]{1,6}(?:\/[A-Za-z0-9.()-]+)+`, String.raw`[–—-]`, String.raw`\b(?:Agenda\s+[il1]te(?:m|rn|n)s?|Items?)\s+\d[\d\s,()a-z]*(?:\s+of\s+the\s+(?:provisional\s+agenda|preliminary\s+list))?`,
].join('|'), 'gi');
/** Cardinal words written where the ordinal belongs (`Sixty-eight year`): read as the ordinal. */
const CARDINAL_ENDINGS: Readonly<Record<string, string>> = { one: 'first', two: 'second', three: 'third', four: 'fourth', five: 'fifth', six: 'sixth', seven: 'seventh', eight: 'eighth', nine: 'ninth' };

/** The number of an ordinal as a header writes it, forgiving a cardinal last word (`Sixty-eight year` is the sixty-eighth). */
const headerOrdinal: (words: string) => number | undefined = memoizeText(readHeaderOrdinal);

/** {@link headerOrdinal}, read. */
function readHeaderOrdinal(words: string): number | undefined {
	return ordinalToNumber(words) ?? ordinalToNumber(words.replace(/(one|two|three|four|five|six|seven|eight|nine)$/i, (cardinal: string) => CARDINAL_ENDINGS[cardinal.toLowerCase()]));
}

const ORGANS: readonly OrganHeader['organ'][] = ['General Assembly', 'Security Council', 'Economic and Social Council', 'Human Rights Council', 'Commission on Human Rights'];

/** The organ's name as the model spells it, whatever the capitals and spacing of the header (`GENERAL ASSEMBLY`). */
function canonicalOrgan(name: string): OrganHeader['organ'] {
	const key = collapse(name).toLowerCase();
	return ORGANS.find((organ) => organ.toLowerCase() === key) ?? 'General Assembly';
}

/** The unit a session phrase names: `session`, `year`, `special session`, `emergency special session`. */
function unitOf(special: string | undefined, unit: string): OrganHeader['unit'] {
	if (unit.toLowerCase() === 'year') {
		return 'year';
	}
	return special === undefined ? 'session' : /emergency/i.test(special) ? 'emergency-special-session' : 'special-session';
}

/**
 * Finds the organs with their session or year in the header region. Each `<ordinal> session` or `<ordinal> year` is
 * paired with the nearest organ before it that can have it (a year is the Security Council's; a session the General
 * Assembly's or the Economic and Social Council's), when nothing but the rest of the masthead stands between them (other
 * organ names and sessions or years, the distribution line, symbols, dates, the agenda line): so a two-column header (`General Assembly    Security Council` over `Seventy-fifth
 * session    Seventy-fifth year`) pairs each organ with its own column. A session standing without any organ name is
 * the General Assembly's when `ownSymbol` (the document's symbol) is an `A/` symbol of that session.
 */
export function findOrganHeaders(masked: string, headerEnd: number, ownSymbol?: DocumentSymbolRef): OrganHeader[] {
	const head = masked.slice(0, headerEnd);
	const names = [...head.matchAll(ORGAN_NAME)].map((match) => ({ organ: canonicalOrgan(match[1]), start: match.index, end: match.index + match[0].length, paired: false }));
	const headers: OrganHeader[] = [];
	for (const phrase of head.matchAll(SESSION_OR_YEAR)) {
		const ordinal = headerOrdinal(phrase[1]);
		if (ordinal === undefined) {
			continue;
		}
		const unit = unitOf(phrase[2], phrase[3]);
		const fits = (organ: OrganHeader['organ']) => (unit === 'year' ? organ === 'Security Council' : organ !== 'Security Council' && (unit === 'session' || organ === 'General Assembly' || (unit === 'special-session' && organ === 'Human Rights Council')));
		const phraseEnd = phrase.index + phrase[0].length;
		if (unit === 'emergency-special-session' && !names.some((name) => name.start < phrase.index && name.organ === 'General Assembly' && !name.paired)) {
			// Only the Assembly holds emergency special sessions: one that stands without its organ's name is the Assembly's.
			headers.push({ organ: 'General Assembly', range: { start: phrase.index, end: phraseEnd }, ordinalRange: { start: phrase.index, end: phraseEnd }, ordinal, unit });
			continue;
		}
		let paired = false;
		for (let i = names.length - 1; i >= 0; i--) {
			const name = names[i];
			if (name.start >= phrase.index || name.paired || !fits(name.organ)) {
				continue;
			}
			const between = head.slice(name.end, phrase.index);
			if (between.replace(MASTHEAD_VOCABULARY, ' ').trim() !== '') {
				break;
			}
			name.paired = true;
			paired = true;
			headers.push({
				organ: name.organ,
				range: { start: name.start, end: between.trim() === '' ? phraseEnd : name.end },
				ordinalRange: { start: phrase.index, end: phraseEnd },
				ordinal,
				unit,
			});
			break;
		}
		// A session whose organ's name was lost (OCR, a page that kept part of the masthead) is the Assembly's when the
		// document's own symbol is of that very session (`A/37/553` under `Thirty-seventh session`).
		// So it is when the letter itself names that session of the Assembly (`… presents its compliments to the President
		// of the sixtieth session of the General Assembly` under `Sixtieth session Agenda item 112 (e)`).
		if (!paired && unit === 'session' && ((names.length === 0 && ownSymbol?.parts.some((part) => part.series === 'A' && part.bodies.length === 0 && part.session === ordinal))
			|| (!names.some((name) => name.start < phrase.index) && namesAssemblySession(masked, headerEnd, ordinal)))) {
			headers.push({ organ: 'General Assembly', range: { start: phrase.index, end: phraseEnd }, ordinalRange: { start: phrase.index, end: phraseEnd }, ordinal, unit });
		}
	}
	return headers.sort((a, b) => a.range.start - b.range.start);
}

/** How far after the header the letter's own words are searched for the Assembly session it names. */
const SESSION_NAMED_WINDOW = 2000;
/** `the sixtieth session of the General Assembly`: the ordinal's words in group 1. */
const ASSEMBLY_SESSION_NAMED = /\b([A-Za-z]+(?:-[A-Za-z]+)?)\s+session\s+of\s+the\s+General\s+Assembly\b/gi;

/** Whether the first words after the header name the `ordinal` session of the General Assembly. */
function namesAssemblySession(masked: string, headerEnd: number, ordinal: number): boolean {
	for (const match of masked.slice(headerEnd, headerEnd + SESSION_NAMED_WINDOW).matchAll(ASSEMBLY_SESSION_NAMED)) {
		if (headerOrdinal(match[1]) === ordinal) {
			return true;
		}
	}
	return false;
}

/** How far after `Distr.` its date may stand: on a later line, after the kind (`GENERAL`), the symbol or the other column. */
const DISTRIBUTION_DATE_WINDOW = 250;

/**
 * The distribution line (`Distr.: General 28 September 2020`; in older documents `Distr.` / `GENERAL`, with the
 * symbols and the date on later lines; `Distr GENERAL` when OCR lost the full stop), with the first date after it in
 * the header, read through OCR slips (`20 October L982`) when no date is written cleanly.
 */
export function findDistribution(masked: string, headerEnd: number, dates: readonly DateMatch[]): { range: OffsetRange; date?: DateMention; kind?: string } | undefined {
	const match = /\bDistr(?:\.|(?=\s+(?:GENERAL|General|LIMITED|Limited|RESTRICTED|Restricted)\b))(?:\s*:?\s*(General|Limited|Restricted)\b)?/i.exec(masked.slice(0, Math.max(headerEnd, 400)));
	if (!match) {
		return mastheadDateLine(masked, headerEnd, dates) ?? blockWithoutDistr(masked, headerEnd, dates);
	}
	const start = match.index;
	const limit = start + match[0].length + DISTRIBUTION_DATE_WINDOW;
	const dateEnd = headerEnd > start ? Math.min(headerEnd, limit) : limit;
	const date = firstDateIn(dates, start, dateEnd) ?? readOcrDate(masked, start, Math.min(dateEnd, masked.length));
	const end = date ? date.end : start + match[0].length;
	const kind = match[1] && match[1].charAt(0).toUpperCase() + match[1].slice(1).toLowerCase();
	return { range: { start, end }, date: date && toDateMention(date), kind };
}

/**
 * Without a distribution line (pages that kept only `General Assembly` / `Security Council` / `1 May 1987` of the
 * masthead): the date that stands on a line of its own under the organ names (and the symbol line), before the title.
 */
function mastheadDateLine(masked: string, headerEnd: number, dates: readonly DateMatch[]): { range: OffsetRange; date?: DateMention } | undefined {
	const nextNewline = newlineFinder(masked);
	for (const date of dates) {
		if (date.start >= headerEnd) {
			break;
		}
		const lineStart = masked.lastIndexOf('\n', date.start - 1) + 1;
		const lineEnd = nextNewline(date.end);
		const rest = masked.slice(date.end, lineEnd < 0 ? masked.length : lineEnd);
		if (masked.slice(lineStart, date.start).trim() !== '' || !/^\s*(?:;.*)?$/.test(rest)) {
			continue;
		}
		const before = masked.slice(Math.max(0, lineStart - 200), lineStart);
		const organ = ORGAN_LINE_BEFORE.exec(before);
		// The organ line that ends an officer's letterhead (`The President` / `of the` / `Economic and Social Council`)
		// is not a masthead: the date under it is the date of a letter as sent, not a distribution date.
		if (organ && !OFFICER_BEFORE_ORGAN.test(before.slice(0, organ.index))) {
			return { range: { start: date.start, end: date.end }, date: toDateMention(date) };
		}
		return undefined;
	}
	return undefined;
}

/** The distribution block whose word `Distr.` OCR lost (`GENERAL S/24577 • 21 September 1992 ORIGINAL: ENGLISH`), with its date. */
function blockWithoutDistr(masked: string, headerEnd: number, dates: readonly DateMatch[]): { range: OffsetRange; date?: DateMention } | undefined {
	const match = DISTRIBUTION_BLOCK_WITHOUT_DISTR.exec(masked.slice(0, Math.max(headerEnd, 400)));
	if (!match) {
		return undefined;
	}
	const dateStart = match.index + match[0].indexOf(match[1]);
	const date = firstDateIn(dates, dateStart, dateStart + match[1].length);
	return { range: { start: match.index, end: dateStart + match[1].length }, date: date && toDateMention(date) };
}

/** The words of an officer's letterhead right before the organ's name (`The President` / `of the` / `Economic and Social Council`). */
const OFFICER_BEFORE_ORGAN = /\b(?:President|PRESIDENT|Chair|CHAIR|Chairman|CHAIRMAN|Chairperson|CHAIRPERSON)\s+(?:of\s+the|OF\s+THE)\s*$/;

/** The organ names of a masthead on the lines right before a date line, or before the symbol line above it (`A/10133 - S/11749`). */
const ORGAN_LINE_BEFORE = /(?:^|\n)[ \t]*(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|GENERAL\s+ASSEMBLY|SECURITY\s+COUNCIL)[ \t]*(?:\r?\n[ \t]*)+(?:[A-Z]{1,6}\/[\w./]+(?:[ \t]*[-–][ \t]*[A-Z]{1,6}\/[\w./]+)?[ \t]*(?:\r?\n[ \t]*)+)?$/;

/** The original language line: `Original: English`, `ORIGINAL: ENGLISH`. */
export function findOriginalLanguage(masked: string, headerEnd: number): { range: OffsetRange; language: string } | undefined {
	const match = /\b(?:Original|ORIGINAL)\s*:\s*([A-Z][a-z]+|[A-Z]{3,}\b)/.exec(masked.slice(0, Math.max(headerEnd, 400)));
	return match ? { range: { start: match.index, end: match.index + match[0].length }, language: match[1].charAt(0) + match[1].slice(1).toLowerCase() } : undefined;
}

const MASTHEAD_WORDS = /\b(?:Original|ORIGINAL)\s*:\s*\S+|United\s+Nations|General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Distr\.\s*:?\s*(?:General|Limited|Restricted)?|\b\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b|\b(?:GENERAL|LIMITED|RESTRICTED)\b/gi;

/**
 * The masthead symbol: well-formed symbols in text[from, limit) — before the distribution line (or the title), or in
 * older documents between `Distr.` and its date — that stand on lines holding nothing but masthead words. Two single
 * symbols on consecutive lines (`A/75/356` then `S/2020/947`) form one joint symbol.
 */
export function findMasthead(masked: string, symbols: readonly SymbolMatch[], limit: number, from = 0): { symbol: DocumentSymbolRef; range: OffsetRange } | undefined {
	const nextNewline = newlineFinder(masked);
	const candidates = symbols.filter((match) => match.symbol && match.start >= from && match.end <= limit && standsAlone(masked, match, nextNewline));
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

function standsAlone(masked: string, match: SymbolMatch, nextNewline: (from: number) => number): boolean {
	const lineStart = masked.lastIndexOf('\n', match.start - 1) + 1;
	let lineEnd = nextNewline(match.end);
	if (lineEnd < 0) {
		lineEnd = masked.length;
	}
	const rest = (masked.slice(lineStart, match.start) + ' ' + masked.slice(match.end, lineEnd)).replace(MASTHEAD_WORDS, ' ');
	return /^[\s\-–|•]*$/.test(rest);
}

/**
 * `text.indexOf('\n', from)`, remembering its last answer: asked in the order of the text (the dates or symbols of a
 * header), a text without line breaks is searched once, not once per question.
 */
function newlineFinder(text: string): (from: number) => number {
	let lastFrom = Infinity;
	let last = -1;
	return (from: number) => {
		if (from < lastFrom || (last >= 0 && last < from)) {
			last = text.indexOf('\n', from);
			lastFrom = from;
		}
		return last;
	};
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
