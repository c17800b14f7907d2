/**
 * Full dates written in English prose ("16 October 2020", "October 28, 2020", "27th of September 2020"): finding
 * them, and telling which are not calendar dates ("016 October 2020", "31 September 2022"). Dates without a year
 * ("11 and 17 October") are not reported.
 */
import { scanWindow } from '../symbols/scanWindow';
import { insideZones } from '../symbols/urlZones';
import type { CalendarDate } from './calendarDate';
import { daysInMonth, isLeapYear, MONTH_NAMES } from './calendarDate';

export type { CalendarDate } from './calendarDate';
export { addDays, addMonths, compareDates, daysInMonth, formatDate, fromIsoDate, isCalendarDate, toIsoDate } from './calendarDate';

/** A date found in a text. */
export interface DateMatch {
	start: number;
	end: number;
	/** text[start, end) as written. */
	raw: string;
	/** Present when the date is a calendar date. */
	date?: CalendarDate;
	/** Present when it is not: a message naming what is wrong. */
	invalid?: string;
}

const ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTH_NAMES.join('|')}|(?:${ABBREVIATIONS.join('|')})\\.?)`;
const GAP = '(?:[ \\t\\u00a0]+|[ \\t\\u00a0]*(?:\\r\\n|\\n|\\r)[ \\t\\u00a0]*)';
/** Up to three digits, so that "016 October 2020" is found and reported; four digits before a month are a year. */
const DAY = '(\\d{1,3})(?:st|nd|rd|th)?';
/** After the month only a one- or two-digit day: "December 1993, 2000 people" is not a date. */
const SHORT_DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
/** What may not stand right before a date (checked on the code point before a match). */
const NOT_BEFORE_DAY = /[\p{L}\p{N}.,/]$/u;
const NOT_BEFORE_MONTH = /\p{L}$/u;

/**
 * The two orders up to the month ("16 October", "27th of September") or the day ("October 28"), where what follows
 * must be white space or a comma; the rest, `GAP?,?GAP` and the year, is read by {@link yearStart} (as a pattern, two
 * white-space runs in a row backtrack quadratically on a long run of spaces that ends in no year). Each pattern is tried
 * only where {@link DAY_CUE} found its day. A match of either is unique where it is followed by white space or a comma
 * (no month name is a prefix of another followed by one), so the pattern and the year reader together find exactly
 * what the whole pattern, `…GAP?,?GAP(\d{4})(?![\p{N}])`, finds.
 */
const DAY_MONTH = new RegExp(`${DAY}${GAP}(?:of${GAP})?${MONTH}(?=[ \\t\\u00a0\\r\\n,])`, 'iuy');
const MONTH_DAY = new RegExp(`${MONTH}${GAP}${SHORT_DAY}(?![\\p{N}])(?=[ \\t\\u00a0\\r\\n,])`, 'iuy');

/** The white space of a gap, line breaks included. */
const SPACE = '[ \\t\\u00a0\\r\\n]';
/**
 * The first three letters of a month as the case-insensitive Unicode patterns match them: ASCII letters of either
 * case, and "ſ" (U+017F), which Unicode case folding makes an "s". No other character folds to a letter of a month name.
 */
const MONTH_LEAD = '(?:jan|feb|mar|apr|may|jun|jul|aug|[s\\u017f]ep|oct|nov|dec)';
/**
 * Where a date's day may stand: a digit after a word that starts like a month and white space (the day of "October 28,
 * 2020"), or a run of up to three digits before white space, perhaps "of", and the start of a month (the day of "16
 * October 2020"). Every day of a date is found by this cue; it starts with a digit, has no `u` flag and looks behind only
 * at digits, so the text is scanned natively and fast, and the date patterns are tried only at its few matches.
 */
const DAY_CUE = new RegExp(`[0-9](?:(?<=${MONTH_LEAD}[a-z\\u017f]*\\.?${SPACE}+[0-9])|(?<![0-9][0-9])(?=[0-9]{0,2}(?:[s\\u017f]t|nd|rd|th)?${SPACE}+(?:of${SPACE}+)?${MONTH_LEAD}))`, 'gi');

function isAsciiLetter(code: number): boolean {
	return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** [\p{L}\p{N}.,/] among ASCII characters. */
function isAsciiNotBeforeDay(code: number): boolean {
	return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 46 || code === 44 || code === 47;
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/** A space, tab, NBSP, CR or LF. */
function isGapSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 160 || code === 10 || code === 13;
}

/** Whether `pattern` (a test of the last code point) matches the code point that ends right before `index`; ASCII answered without a slice. */
function endsBefore(text: string, index: number, pattern: RegExp, asciiTest: (code: number) => boolean): boolean {
	if (index === 0) {
		return false;
	}
	const code = text.charCodeAt(index - 1);
	return code < 128 ? asciiTest(code) : pattern.test(text.slice(Math.max(0, index - 2), index));
}

/** The end of the run of spaces, tabs, NBSPs and line breaks at `pos`, and how many line breaks it holds (CRLF is one). */
function spaceRun(text: string, pos: number): { end: number; breaks: number } {
	let end = pos;
	let breaks = 0;
	for (;;) {
		const code = text.charCodeAt(end);
		if (code === 32 || code === 9 || code === 160) {
			end++;
		} else if (code === 10 || code === 13) {
			end += code === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
			breaks++;
		} else {
			return { end, breaks };
		}
	}
}

/**
 * Where the year starts when `GAP?,?GAP(\d{4})(?![\p{N}])` matches at `pos`, else -1. A gap is a run of spaces with at
 * most one line break, so without a comma the run is not empty and holds at most two; with one, the run before it
 * holds at most one break and the run after it is not empty and holds at most one.
 */
function yearStart(text: string, pos: number): number {
	const first = spaceRun(text, pos);
	let year = first.end;
	if (text.charCodeAt(first.end) === 44 /* , */) {
		const second = spaceRun(text, first.end + 1);
		if (first.breaks > 1 || second.end === first.end + 1 || second.breaks > 1) {
			return -1;
		}
		year = second.end;
	} else if (first.end === pos || first.breaks > 2) {
		return -1;
	}
	// Reads stay inside the text: a `charCodeAt` past the end would throw the optimized scan away once per thread.
	if (year + 4 > text.length) {
		return -1;
	}
	for (let i = year; i < year + 4; i++) {
		if (!isDigit(text.charCodeAt(i))) {
			return -1;
		}
	}
	if (year + 4 === text.length) {
		return year;
	}
	const next = text.charCodeAt(year + 4);
	const numberFollows = next < 128 ? isDigit(next) : /^\p{N}/u.test(text.slice(year + 4, year + 6));
	return numberFollows ? -1 : year;
}

/** Where the month of "October 28" starts when a day starts at `day` after white space: the start of the word before it, when it is short enough to be a month. */
function monthWordBefore(text: string, day: number): number {
	let end = day;
	while (end > 0 && isGapSpace(text.charCodeAt(end - 1))) {
		end--;
	}
	if (text.charCodeAt(end - 1) === 46 /* . */) {
		end--;
	}
	let start = end;
	while (start > 0 && end - start <= 9 && (isAsciiLetter(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 0x17f)) {
		start--;
	}
	return end - start >= 3 && end - start <= 9 ? start : -1;
}

const ABBREVIATION_MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
const FULL_MONTHS = new Map(MONTH_NAMES.map((name, i) => [name.toLowerCase(), i + 1]));

/** Month number (1–12) of an English month name (any case) or a capitalised abbreviation ("Sept.", "Oct"). */
function monthNumber(name: string): number | undefined {
	const bare = name.endsWith('.') ? name.slice(0, -1) : name;
	const lower = bare.toLowerCase();
	return FULL_MONTHS.get(lower) ?? (bare[0] === bare[0].toUpperCase() ? ABBREVIATION_MONTHS[lower] : undefined);
}

/** Judges day, month and year as written: the date, or a message saying why it is not one. */
function judgeDate(raw: string, dayText: string, month: number, yearText: string): Pick<DateMatch, 'date' | 'invalid'> {
	const quoted = (): string => `“${raw.replace(/\s+/g, ' ')}”`;
	const year = Number(yearText);
	const day = Number(dayText);
	const monthName = MONTH_NAMES[month - 1];
	if (dayText.length > 2) {
		return { invalid: `${quoted()} has a three-digit day; a day is written 1–31 without leading zeros` };
	}
	if (day === 0) {
		return { invalid: `${quoted()} has day 0; days of the month start at 1` };
	}
	if (year === 0) {
		return { invalid: `${quoted()} has year 0, which no calendar has` };
	}
	const length = daysInMonth(year, month);
	if (day > length) {
		if (month === 2 && day === 29) {
			return { invalid: `${quoted()} is not a calendar date: ${year} is not a leap year, so February ${year} has 28 days` };
		}
		if (day > 31) {
			return { invalid: `${quoted()} is not a calendar date: no month has ${day} days` };
		}
		return { invalid: `${quoted()} is not a calendar date: ${monthName} has ${length} days${month === 2 && isLeapYear(year) ? ` in ${year}` : ''}` };
	}
	return { date: { year, month, day } };
}

/**
 * Finds full dates in text[start, end) — "16 October 2020", "1 September 2020", "October 28, 2020",
 * "27th of September 2020" — in order, and reports impossible ones ("016 October 2020", "31 September 2022",
 * "29 February 2021", "0 May 2020") with `invalid`. Dates inside web addresses and dates without a year are skipped.
 */
export function scanDates(text: string, start?: number, end?: number): DateMatch[] {
	if (typeof text !== 'string') {
		return [];
	}
	const { from, text: bounded, zones } = scanWindow(text, start, end);
	const found: DateMatch[] = [];
	// Each order is read as a global scan of its whole pattern would read it: a match right after what may not stand
	// before it is passed over and the scan goes on one character later; any other match is consumed, even one that is
	// then skipped (not a month, inside a web address), and the scan goes on after it.
	let dayFirstFrom = from;
	let monthFirstFrom = from;
	const take = (index: number, head: RegExpExecArray, dayGroup: number, monthGroup: number): number => {
		const year = yearStart(bounded, index + head[0].length);
		if (year < 0) {
			return -1;
		}
		const end = year + 4;
		const month = monthNumber(head[monthGroup]);
		if (month !== undefined && !insideZones(zones, index)) {
			const raw = bounded.slice(index, end);
			const verdict = judgeDate(raw, head[dayGroup], month, bounded.slice(year, end));
			found.push(verdict.date ? { start: index, end, raw, date: verdict.date } : { start: index, end, raw, invalid: verdict.invalid });
		}
		return end;
	};
	DAY_CUE.lastIndex = from;
	for (let cue = DAY_CUE.exec(bounded); cue; cue = DAY_CUE.exec(bounded)) {
		const day = cue.index;
		const monthStart = day > 0 && isGapSpace(bounded.charCodeAt(day - 1)) ? monthWordBefore(bounded, day) : -1;
		if (monthStart >= monthFirstFrom && !endsBefore(bounded, monthStart, NOT_BEFORE_MONTH, isAsciiLetter)) {
			MONTH_DAY.lastIndex = monthStart;
			const head = MONTH_DAY.exec(bounded);
			const end = head ? take(monthStart, head, 2, 1) : -1;
			monthFirstFrom = end < 0 ? monthFirstFrom : end;
		}
		if (day >= dayFirstFrom && !endsBefore(bounded, day, NOT_BEFORE_DAY, isAsciiNotBeforeDay)) {
			DAY_MONTH.lastIndex = day;
			const head = DAY_MONTH.exec(bounded);
			const end = head ? take(day, head, 1, 2) : -1;
			dayFirstFrom = end < 0 ? dayFirstFrom : end;
		}
	}
	found.sort((a, b) => a.start - b.start);
	return found.filter((match, i) => i === 0 || match.start >= found[i - 1].end);
}

/** Parses one date string such as "22 December 2020" (surrounding white space allowed); undefined when it is not a full date. */
export function parseDate(raw: string): DateMatch | undefined {
	if (typeof raw !== 'string') {
		return undefined;
	}
	const leading = raw.length - raw.trimStart().length;
	const trimmedEnd = raw.trimEnd().length;
	const matches = scanDates(raw, leading, trimmedEnd);
	return matches.length === 1 && matches[0].start === leading && matches[0].end === trimmedEnd ? matches[0] : undefined;
}
