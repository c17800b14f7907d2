/**
 * Calendar dates (proleptic Gregorian) as plain values, with arithmetic done on day numbers rather than on the
 * host's Date so that time zones never shift a day.
 */

/** A calendar date; month 1–12. */
export interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

/** English month names, index 0 = January. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** True for leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year; 0 for a month outside 1–12. */
export function daysInMonth(year: number, month: number): number {
	if (!Number.isInteger(month) || month < 1 || month > 12) {
		return 0;
	}
	return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True when the value is a real calendar date (integers, month 1–12, day within the month). */
export function isCalendarDate(d: CalendarDate): boolean {
	return Number.isInteger(d.year) && Number.isInteger(d.day) && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
	return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** "22 December 2020", the form UN documents use. */
export function formatDate(d: CalendarDate): string {
	return `${d.day} ${MONTH_NAMES[d.month - 1] ?? `month ${d.month}`} ${d.year}`;
}

/** "2020-12-22". */
export function toIsoDate(d: CalendarDate): string {
	const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');
	return `${d.year < 0 ? '-' : ''}${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Parses "2020-12-22" (the ISO form YAML data uses); undefined unless it is a real calendar date. */
export function fromIsoDate(iso: string): CalendarDate | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
	if (!match) {
		return undefined;
	}
	const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
	return isCalendarDate(date) ? date : undefined;
}

/** An ISO date (`2020-12-16`) as a letter writes it (`16 December 2020`); text that is not one, as it is. */
export function formatIsoDate(iso: string): string {
	const date = fromIsoDate(iso);
	return date ? formatDate(date) : iso;
}

/** Days since 1970-01-01 of a date (Howard Hinnant's days_from_civil). */
export function toDayNumber(d: CalendarDate): number {
	const y = d.month <= 2 ? d.year - 1 : d.year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const monthFromMarch = (d.month + 9) % 12;
	const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + d.day - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146097 + dayOfEra - 719468;
}

/** The date of a day number (inverse of toDayNumber). */
export function fromDayNumber(dayNumber: number): CalendarDate {
	const z = Math.trunc(dayNumber) + 719468;
	const era = Math.floor(z / 146097);
	const dayOfEra = z - era * 146097;
	const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
	const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
	return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The date `days` days later (earlier when negative). */
export function addDays(d: CalendarDate, days: number): CalendarDate {
	return fromDayNumber(toDayNumber(d) + Math.trunc(days));
}

/** The same day `months` months later (earlier when negative), clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
	const index = d.year * 12 + (d.month - 1) + Math.trunc(months);
	const year = Math.floor(index / 12);
	const month = index - year * 12 + 1;
	return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: CalendarDate): number {
	return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}
