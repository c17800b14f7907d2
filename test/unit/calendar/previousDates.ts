/**
 * The date scanner as it was before its patterns were tried only at cue positions (commit aafbcaf): the oracle the
 * faster scanner is compared with, result for result, in datesOracle.test.ts.
 */
import type { CalendarDate } from '../../../server/src/engine/calendar/calendarDate';
import { daysInMonth, isLeapYear, MONTH_NAMES } from '../../../server/src/engine/calendar/calendarDate';
import { scanWindow } from '../../../server/src/engine/symbols/scanWindow';
import { insideZones } from '../../../server/src/engine/symbols/urlZones';

interface DateMatch {
	start: number;
	end: number;
	raw: string;
	date?: CalendarDate;
	invalid?: string;
}

const ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTH_NAMES.join('|')}|(?:${ABBREVIATIONS.join('|')})\\.?)`;
const GAP = '(?:[ \\t\\u00a0]+|[ \\t\\u00a0]*(?:\\r\\n|\\n|\\r)[ \\t\\u00a0]*)';
/** Up to three digits, so that "016 October 2020" is found and reported; four digits before a month are a year. */
const DAY = '(\\d{1,3})(?:st|nd|rd|th)?';
/** After the month only a one- or two-digit day: "December 1993, 2000 people" is not a date. */
const SHORT_DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})(?![\\p{N}])';
/**
 * What may not stand right before a date. Checked after a match rather than as a lookbehind in the pattern: a pattern
 * that starts with a lookbehind is tried at every position, one that starts with a digit or a month name is not.
 */
const NOT_BEFORE_DAY = /[\p{L}\p{N}.,/]$/u;
const NOT_BEFORE_MONTH = /\p{L}$/u;

/** "16 October 2020", "27th of September 2020", "1 Sept. 2020". */
const DAY_MONTH_YEAR = new RegExp(`${DAY}${GAP}(?:of${GAP})?${MONTH}${GAP}?,?${GAP}${YEAR}`, 'giu');
/** "October 28, 2020", "October 28 2020". */
const MONTH_DAY_YEAR = new RegExp(`${MONTH}${GAP}${SHORT_DAY}(?![\\p{N}])${GAP}?,?${GAP}${YEAR}`, 'giu');

const ABBREVIATION_MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

/** Month number (1–12) of an English month name (any case) or a capitalised abbreviation ("Sept.", "Oct"). */
function monthNumber(name: string): number | undefined {
	const bare = name.replace(/\.$/, '');
	const lower = bare.toLowerCase();
	const full = MONTH_NAMES.findIndex((m) => m.toLowerCase() === lower);
	if (full >= 0) {
		return full + 1;
	}
	return bare[0] === bare[0].toUpperCase() ? ABBREVIATION_MONTHS[lower] : undefined;
}

/** Judges day, month and year as written: the date, or a message saying why it is not one. */
function judgeDate(raw: string, dayText: string, month: number, yearText: string): Pick<DateMatch, 'date' | 'invalid'> {
	const quoted = `“${raw.replace(/\s+/g, ' ')}”`;
	const year = Number(yearText);
	const day = Number(dayText);
	const monthName = MONTH_NAMES[month - 1];
	if (dayText.length > 2) {
		return { invalid: `${quoted} has a three-digit day; a day is written 1–31 without leading zeros` };
	}
	if (day === 0) {
		return { invalid: `${quoted} has day 0; days of the month start at 1` };
	}
	if (year === 0) {
		return { invalid: `${quoted} has year 0, which no calendar has` };
	}
	const length = daysInMonth(year, month);
	if (day > length) {
		if (month === 2 && day === 29) {
			return { invalid: `${quoted} is not a calendar date: ${year} is not a leap year, so February ${year} has 28 days` };
		}
		if (day > 31) {
			return { invalid: `${quoted} is not a calendar date: no month has ${day} days` };
		}
		return { invalid: `${quoted} is not a calendar date: ${monthName} has ${length} days${month === 2 && isLeapYear(year) ? ` in ${year}` : ''}` };
	}
	return { date: { year, month, day } };
}

/**
 * Finds full dates in text[start, end) — "16 October 2020", "1 September 2020", "October 28, 2020",
 * "27th of September 2020" — in order, and reports impossible ones ("016 October 2020", "31 September 2022",
 * "29 February 2021", "0 May 2020") with `invalid`. Dates inside web addresses and dates without a year are skipped.
 */
export function previousScanDates(text: string, start?: number, end?: number): DateMatch[] {
	if (typeof text !== 'string') {
		return [];
	}
	const { from, text: bounded, zones } = scanWindow(text, start, end);
	const found: DateMatch[] = [];
	const collect = (pattern: RegExp, dayGroup: number, monthGroup: number, notBefore: RegExp): void => {
		const regex = pattern;
		regex.lastIndex = from;
		for (let match = regex.exec(bounded); match; match = regex.exec(bounded)) {
			if (match.index > 0 && notBefore.test(bounded.slice(Math.max(0, match.index - 2), match.index))) {
				regex.lastIndex = match.index + 1;
				continue;
			}
			const month = monthNumber(match[monthGroup]);
			if (month === undefined || insideZones(zones, match.index)) {
				continue;
			}
			const raw = match[0];
			found.push({ start: match.index, end: match.index + raw.length, raw, ...judgeDate(raw, match[dayGroup], month, match[3]) });
		}
	};
	collect(DAY_MONTH_YEAR, 1, 2, NOT_BEFORE_DAY);
	collect(MONTH_DAY_YEAR, 2, 1, NOT_BEFORE_MONTH);
	found.sort((a, b) => a.start - b.start);
	return found.filter((match, i) => i === 0 || match.start >= found[i - 1].end);
}
