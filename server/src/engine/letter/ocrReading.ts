/**
 * Reading through the slips that OCR and PDF extraction leave in the fixed words of a letter: digits read as letters
 * in a date (`20 October L982`, `i July 1965`), a word split by a stray space (`Securit y Council`), an office name
 * with one letter misread (`Secretarv-General`). Each repair is limited to a slot where only one reading makes sense
 * (the distribution date, the title's date, the sender, the addressee), so prose is never rewritten.
 */
import type { DateMatch } from '../calendar/dates';
import { scanDates } from '../calendar/dates';
import type { SymbolMatch } from '../symbols/documentSymbols';
import { memoizeText } from './textMemo';

/** Characters OCR reads where a digit was printed, with that digit. */
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = { l: '1', I: '1', i: '1', L: '1', '|': '1', O: '0', o: '0', B: '8', S: '5', s: '5' };
/** A token that may be a day (1–2 characters) or a year (4) with digits read as letters. */
const NUMBER_TOKEN = /(?<![\p{L}\p{N}])[\dlIiL|OoBSs]{1,4}(?![\p{L}\p{N}])/gu;
const MONTH_WORD = /(?<![\p{L}])(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![\p{L}])/iu;

/**
 * The first calendar date in text[from, to) read through OCR slips: a day or year written with letters that look like
 * digits (`l9B2`, `L982`, `i July`) next to a month name. Only a valid date is returned, with its range in the text
 * and the characters as written; the text itself is not changed.
 */
export function readOcrDate(text: string, from: number, to: number): DateMatch | undefined {
	const slot = text.slice(from, to);
	if (!MONTH_WORD.test(slot)) {
		return undefined;
	}
	const repaired = slot.replace(NUMBER_TOKEN, (token: string) => {
		const digits = [...token].map((char) => DIGIT_LOOKALIKES[char] ?? char).join('');
		const realDigits = token.replace(/\D/g, '').length;
		if (token.length === 4) {
			return /^(?:1[6-9]|20)\d\d$/.test(digits) && realDigits >= 2 ? digits : token;
		}
		return token.length <= 2 && /^\d+$/.test(digits) && Number(digits) >= 1 && Number(digits) <= 31 && (realDigits > 0 || token !== 's') ? digits : token;
	});
	if (repaired === slot) {
		return undefined;
	}
	const date = scanDates(repaired).find((match) => !match.invalid && match.date !== undefined);
	return date && { ...date, start: from + date.start, end: from + date.end, raw: text.slice(from + date.start, from + date.end) };
}

/** The words of a letter's header and title that PDF extraction splits with a stray space (`Securit y`, `Coun cil`). */
const SPLIT_VOCABULARY = ['Security', 'Council', 'General', 'Assembly', 'Secretary-General', 'President', 'Permanent', 'Representative', 'Nations', 'Economic', 'Social'];
const SPLIT_LOOKUP: ReadonlySet<string> = new Set(SPLIT_VOCABULARY.map((word) => word.toLowerCase()));

/**
 * What a pair of words must have to spell a word of the vocabulary: its length, without the trailing stops, between the
 * shortest and the longest word, and one of the vocabulary's initials (any case) first. Only ASCII letters, the hyphen
 * and the Kelvin sign lower-case to one ASCII character, so a pair without them cannot spell a vocabulary word.
 */
const SPLIT_LENGTHS = { shortest: Math.min(...SPLIT_VOCABULARY.map((word) => word.length)), longest: Math.max(...SPLIT_VOCABULARY.map((word) => word.length)) };
const SPLIT_INITIALS: ReadonlySet<string> = new Set(SPLIT_VOCABULARY.flatMap((word) => [word[0].toLowerCase(), word[0].toUpperCase()]));
const TRAILING_STOPS: ReadonlySet<string> = new Set([',', ';', ':', '.', ')']);

/** True when `first` and `second` may together spell a word of {@link SPLIT_VOCABULARY} (see {@link SPLIT_LENGTHS}). */
function maySpellSplitWord(first: string, second: string): boolean {
	let end = first.length + second.length;
	const charAt = (i: number) => (i < first.length ? first[i] : second[i - first.length]);
	while (end > 0 && TRAILING_STOPS.has(charAt(end - 1))) {
		end--;
	}
	return end >= SPLIT_LENGTHS.shortest && end <= SPLIT_LENGTHS.longest && SPLIT_INITIALS.has(charAt(0));
}

/** Joins two words of a collapsed name that together spell a word of {@link SPLIT_VOCABULARY} (`Securit y` → `Security`). */
export function joinSplitWords(text: string): string {
	const words = text.split(' ');
	let changed = false;
	for (let i = 0; i + 1 < words.length; i++) {
		const first = words[i];
		const second = words[i + 1];
		if (!maySpellSplitWord(first, second)) {
			continue;
		}
		const joined = `${first}${second}`.replace(/[,;:.)]+$/, '').toLowerCase();
		if (SPLIT_LOOKUP.has(joined) && !SPLIT_LOOKUP.has(first.toLowerCase())) {
			words.splice(i, 2, `${first}${second}`);
			changed = true;
		}
	}
	return changed ? words.join(' ') : text;
}

/** Abbreviations of the Organization's organs and officers in web titles (`the President of the UN SC to the UN SG`). */
const ABBREVIATIONS: readonly [RegExp, string][] = [
	[/\bUN\s?SG\b/g, 'Secretary-General'],
	[/\bUN\s?SC\b/g, 'Security Council'],
	[/\bUN\s?GA\b/g, 'General Assembly'],
];

/**
 * The words of a title's sender or addressee as printed before extraction damaged them: the words of
 * {@link SPLIT_VOCABULARY} that a stray space split joined again (`Securit y Council` → `Security Council`), and web
 * abbreviations of organs and officers spelt out (`UN SC` → `Security Council`, `UN SG` → `Secretary-General`).
 */
export const repairTitleWords: (text: string) => string = memoizeText(repairTitleWordsUncached);

function repairTitleWordsUncached(text: string): string {
	let repaired = joinSplitWords(text);
	if (repaired.includes('UN')) {
		for (const [pattern, name] of ABBREVIATIONS) {
			repaired = repaired.replace(pattern, name);
		}
	}
	return repaired;
}

/** The offices a title names as its sender or addressee, in the spelling a catalogue shows. */
const OFFICES = ['Secretary-General', 'President of the Security Council', 'President of the General Assembly', 'President of the Economic and Social Council'];

/**
 * The office a name means when OCR misread a letter of it (`Secretarv-General`): the known office within one misread
 * letter in eight; or, when OCR lost the words before a hyphen (`-General`), the one known office that ends with what is
 * left; else the name unchanged.
 */
export const readOfficeName: (name: string) => string = memoizeText(readOfficeNameUncached);

const OFFICES_LOWER = OFFICES.map((office) => office.toLowerCase());

function readOfficeNameUncached(name: string): string {
	const lower = name.toLowerCase();
	// `the -General`: OCR lost the words before the hyphen of an office; the one known office that ends so is meant.
	if (/^-\p{L}{3,}$/u.test(name)) {
		const ends = OFFICES.filter((_office, i) => OFFICES_LOWER[i].endsWith(lower));
		return ends.length === 1 ? ends[0] : name;
	}
	for (const [i, office] of OFFICES.entries()) {
		const limit = Math.floor(office.length / 8);
		const distance = editDistance(lower, OFFICES_LOWER[i], limit);
		if (distance === 0) {
			return name;
		}
		if (distance <= limit) {
			return office;
		}
	}
	return name;
}

/** Levenshtein distance of two strings, or `limit + 1` as soon as it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
	if (a === b) {
		return 0;
	}
	if (Math.abs(a.length - b.length) > limit) {
		return limit + 1;
	}
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			best = Math.min(best, current[j]);
		}
		if (best > limit) {
			return limit + 1;
		}
		previous = current;
	}
	return previous[b.length];
}

/**
 * Text that OCR or extraction made out of a document symbol, which the symbol grammar does not see as a symbol or
 * reads as a wrong one: a series in lower case (`s/6j597`, `s/1156o`), a series that lost its slash (`A70/623`), and
 * two symbols run together with the `S` of the second read as a digit (`A/78/3358/2023/642` for `A/78/335` and
 * `S/2023/642`). Returns the scanner's matches with those marked malformed (and the lost shapes added), in order.
 */
export function withOcrSymbolSlips(text: string, symbols: readonly SymbolMatch[]): SymbolMatch[] {
	const runTogether = (match: SymbolMatch) => match.symbol !== undefined && match.symbol.parts.some((part) => part.series === 'A' && RUN_TOGETHER_PART.test(part.text));
	const result = !symbols.some(runTogether) ? [...symbols] : symbols.map((match) => (runTogether(match)
		? { start: match.start, end: match.end, raw: match.raw, malformed: 'two symbols run together (the S of the second read as a digit)' }
		: match));
	let added = false;
	for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
		const start = lostShapeStart(text, slash);
		if (start === undefined) {
			continue;
		}
		for (const [pattern, reason] of LOST_SHAPES) {
			pattern.lastIndex = start;
			const shape = pattern.exec(text);
			const end = shape ? start + shape[0].length : start;
			if (shape && (shape[0].match(/\d/g)?.length ?? 0) >= 2 && !symbols.some((match) => match.start < end && start < match.end)) {
				result.push({ start, end, raw: shape[0], malformed: reason });
				added = true;
				break;
			}
		}
	}
	return added ? result.sort((a, b) => a.start - b.start) : result;
}

/** A General Assembly part holding a year after its number: `A/78/3358/2023/642` is `A/78/335` run into `S/2023/642`. */
const RUN_TOGETHER_PART = /^A\/\d{1,2}\/\d+[85]\/(?:19|20)\d\d\/\d+$/;
/**
 * Where a lost symbol shape whose slash is at `slash` starts: a lower-case series before the slash (`s/6j597`), or a
 * series run into its session or year (`A70/623`, `S2019/103`), with a digit after the slash and no word, slash or point
 * before the series. Undefined when the slash starts no such shape.
 */
function lostShapeStart(text: string, slash: number): number | undefined {
	if (!isDigit(text.charCodeAt(slash + 1))) {
		return undefined;
	}
	let start = slash - 1;
	while (start >= 0 && slash - start <= 4 && isDigit(text.charCodeAt(start))) {
		start--;
	}
	const series = text[start] ?? '';
	const digits = slash - start - 1;
	const fits = digits === 0 ? series === 'a' || series === 's' : (series === 'A' && digits <= 2) || (series === 'S' && digits === 4);
	return fits && !isSymbolCharacter(text.charCodeAt(start - 1)) ? start : undefined;
}

/** An ASCII digit (`NaN`, outside the text, is none). */
function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/** A character that may stand in a symbol next to a series: a word character, `/`, `.` or `-`. */
function isSymbolCharacter(code: number): boolean {
	return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 47 || code === 46 || code === 45;
}
/** Symbol shapes the scanner does not see (each where no word, slash or point comes before it), with the reason each breaks the grammar. */
const LOST_SHAPES: readonly [RegExp, string][] = [
	[/[as]\/\d[\da-z]*(?:\/[\da-z.]+)*(?<![.])/y, 'the series must be written in capitals'],
	[/(?:A\d{1,2}|S(?:19|20)\d\d)\/\d{2,5}(?![\w/])/y, 'a slash is missing after the series'],
];
