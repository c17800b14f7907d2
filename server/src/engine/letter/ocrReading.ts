/**
 * Reading through the slips that OCR and PDF extraction leave in the fixed words of a letter: digits read as letters
 * in a date (`20 October L982`, `i July 1965`), a word split by a stray space (`Securit y Council`), an office name
 * with one letter misread (`Secretarv-General`). Each repair is limited to a slot where only one reading makes sense
 * (the distribution date, the title's date, the sender, the addressee), so prose is never rewritten.
 */
import type { DateMatch } from '../calendar/dates';
import { scanDates } from '../calendar/dates';
import type { SymbolMatch } from '../symbols/documentSymbols';

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

/** Joins two words of a collapsed name that together spell a word of {@link SPLIT_VOCABULARY} (`Securit y` → `Security`). */
function joinSplitWords(text: string): string {
	const words = text.split(' ');
	let changed = false;
	for (let i = 0; i + 1 < words.length; i++) {
		const first = words[i];
		const second = words[i + 1];
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
export function repairTitleWords(text: string): string {
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
 * letter in eight, else the name unchanged.
 */
export function readOfficeName(name: string): string {
	const lower = name.toLowerCase();
	for (const office of OFFICES) {
		const limit = Math.floor(office.length / 8);
		const distance = editDistance(lower, office.toLowerCase(), limit);
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
	if (!/\d/.test(text[slash + 1] ?? '')) {
		return undefined;
	}
	let start = slash - 1;
	while (start >= 0 && slash - start <= 4 && /\d/.test(text[start])) {
		start--;
	}
	const series = text[start] ?? '';
	const digits = slash - start - 1;
	const fits = digits === 0 ? series === 'a' || series === 's' : (series === 'A' && digits <= 2) || (series === 'S' && digits === 4);
	return fits && !/[\w/.-]/.test(text[start - 1] ?? ' ') ? start : undefined;
}
/** Symbol shapes the scanner does not see (each where no word, slash or point comes before it), with the reason each breaks the grammar. */
const LOST_SHAPES: readonly [RegExp, string][] = [
	[/[as]\/\d[\da-z]*(?:\/[\da-z.]+)*(?<![.])/y, 'the series must be written in capitals'],
	[/(?:A\d{1,2}|S(?:19|20)\d\d)\/\d{2,5}(?![\w/])/y, 'a slash is missing after the series'],
];
