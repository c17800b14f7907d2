/**
 * `resolution-year-mismatch`: a resolution cited with a year, a session or a date it cannot have, judged against the
 * shipped resolution numbering (data/resolutions.yaml) and session dates (data/ga-sessions.yaml).
 *
 * Only forms read in full are judged: a Security Council resolution with its year (`822 (1994)`, `S/RES/822 (1994)`)
 * or its adoption date (`resolution 1325 of 31 October 2001`), an old General Assembly resolution with its Roman
 * session (`2758 (XXV)`), a session-numbered one with its date (`resolution 75/1 of 3 March 2019`, `A/RES/75/1 (3
 * March 2019)`) and an emergency special session one with its date (`ES-10/19 of …`). A resolution of another body
 * (`UNESCO resolution 22 (1999)`) or one the data cannot place is never reported.
 */
import type { CalendarDate } from '../calendar/calendarDate';
import { compareDates, formatDate } from '../calendar/calendarDate';
import type { DateMention, Letter } from '../letter/model';
import { romanToNumber } from '../sessions/ordinals';
import type { ReferenceData } from '../sessions/referenceData';
import { gaSessionWindow, numberToOrdinal } from '../sessions/referenceData';
import type { NumberedPeriod, PeriodBounds } from '../sessions/resolutionNumbers';
import { generalAssemblyResolutionSessions, outsideBounds, securityCouncilResolutionYears } from '../sessions/resolutionNumbers';
import { emergencySessionEarliestLetter } from '../sessions/specialSessions';
import type { OffsetRange } from '../text/offsetRange';
import type { Finding } from './codes';

/** One resolution as a citation gives it, whichever scanner found it. */
interface CitedResolution {
	readonly organ: 'Security Council' | 'General Assembly';
	readonly number: number;
	/** How it is written, for messages: `822`, `75/1`, `ES-10/19`. */
	readonly label: string;
	readonly range: OffsetRange;
	readonly year?: number;
	/** Session of `75/1` or of `2758 (XXVI)`. */
	readonly session?: number;
	readonly roman?: string;
	readonly emergencySession?: number;
	readonly date?: DateMention;
	/** Where the prose scanner found it: such a resolution is judged only when no other body is named before it. */
	readonly proseStart?: number;
}

/** After a resolution: `of 30 April 1993`, `adopted on …`, `dated …`, past a closing link or parenthesis. */
const DATE_LEAD = /^(?:\\?\)|\]|\([^()\r\n]*\))*[ \t\u00a0]*,?[ \t\u00a0]*(?:of|adopted[ \t\u00a0]+on|dated)[ \t\u00a0]+$/i;

/** The date written right after `end` (`… of 3 March 2019`), if any. */
function dateAfter(letter: Letter, end: number): DateMention | undefined {
	// The first date, in the letter's order, that starts within 24 characters after `end` behind a lead: the candidates
	// are found by binary search over the dates sorted by start (a long letter has thousands of dates and resolutions).
	const sorted = datesByStart(letter.dates);
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (sorted[middle].mention.range.start <= end) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	let best: { mention: DateMention; order: number } | undefined;
	for (let at = low; at < sorted.length && sorted[at].mention.range.start - end <= 24; at++) {
		const { mention, order } = sorted[at];
		if (mention.date && (best === undefined || order < best.order) && DATE_LEAD.test(letter.text.slice(end, mention.range.start))) {
			best = sorted[at];
		}
	}
	return best?.mention;
}

/** A letter's dates sorted by where they start, each with its place in the letter's list; computed once per list. */
const sortedDates = new WeakMap<readonly DateMention[], readonly { mention: DateMention; order: number }[]>();

function datesByStart(dates: readonly DateMention[]): readonly { mention: DateMention; order: number }[] {
	let sorted = sortedDates.get(dates);
	if (sorted === undefined) {
		sorted = dates.map((mention, order) => ({ mention, order })).sort((a, b) => a.mention.range.start - b.mention.range.start || a.order - b.order);
		sortedDates.set(dates, sorted);
	}
	return sorted;
}

/** Words that may stand before `resolution` without naming another body (`Security Council resolution`, `in its resolution`). */
const PLAIN_CAPITALISED = new Set(['security', 'council', 'general', 'assembly', 'un', 'united', 'nations', 'the', 'its', 'in', 'by', 'under', 'pursuant', 'recalling', 'reaffirming', 'further', 'also', 'and', 'as', 'with', 'to', 'of', 'all', 'council’s', "council's"]);
const OTHER_COUNCILS = /Economic and Social Council|ECOSOC|Trusteeship Council|Human Rights Council|Commission on|Conference|Board of|Executive Board/i;

/**
 * True when the sentence gives the resolution to a body the scanner does not know: the capitalised words right
 * before the `resolution` that introduces it name another body (`UNESCO resolution 22 (1999)`, `WHO Executive Board
 * resolution …`), or the sentence names another council or a conference before it (`the Economic and Social Council,
 * in its resolution 9 (II)`). `Security Council resolution`, `in its resolution` and `of resolution` are the Council's.
 */
function namedByAnotherBody(text: string, start: number): boolean {
	const before = text.slice(Math.max(0, start - 400), start);
	const trigger = [...before.matchAll(/resolutions?\b/gi)].pop();
	if (!trigger) {
		return false;
	}
	const sentence = before.slice(0, trigger.index).split(/[.;:!?](?=\s)|\n\s*\n/).pop() ?? '';
	if (OTHER_COUNCILS.test(sentence.slice(-200))) {
		return true;
	}
	const name: string[] = [];
	for (const word of sentence.trim().split(/\s+/).reverse()) {
		if (!/^\p{Lu}/u.test(word)) {
			break;
		}
		name.push(word.toLowerCase().replace(/[^\p{L}’']/gu, ''));
	}
	return name.some((word) => word !== '' && !PLAIN_CAPITALISED.has(word));
}

/** Every resolution of the letter in a form this rule reads, from the prose scanner and from cited S/RES and A/RES symbols. */
function citedResolutions(letter: Letter): CitedResolution[] {
	const found: CitedResolution[] = [];
	for (const match of letter.resolutions) {
		if (match.body !== undefined || match.organ === 'unknown') {
			continue;
		}
		const number = Number(match.number);
		const range = { start: match.start, end: match.end };
		const date = dateAfter(letter, match.end);
		const proseStart = match.start;
		if (match.organ === 'Security Council') {
			found.push({ organ: 'Security Council', number, label: match.number, range, year: match.year, date, proseStart });
		} else if (typeof match.session === 'string') {
			const emergency = /^ES-(\d{1,2})$/.exec(match.session);
			if (emergency) {
				found.push({ organ: 'General Assembly', number, label: match.raw, range, emergencySession: Number(emergency[1]), date, proseStart });
			}
		} else if (match.session !== undefined) {
			const roman = /\(([IVXLC]+)\)$/.exec(match.symbol)?.[1];
			found.push({ organ: 'General Assembly', number, label: roman ? match.number : `${match.session}/${match.number}`, range, session: match.session, roman, date, proseStart });
		}
	}
	for (const citation of letter.citations) {
		for (const part of citation.symbol.parts) {
			if (part.special?.kind !== 'RES' || part.bodies.length > (part.bodies[0]?.startsWith('ES-') ? 1 : 0) || !/^\d+$/.test(part.number ?? '')) {
				continue;
			}
			const number = Number(part.number);
			const date = citation.date ?? dateAfter(letter, citation.range.end);
			const emergency = /^ES-(\d{1,2})$/.exec(part.bodies[0] ?? '');
			const roman = /\(([IVXLC]+)\)$/.exec(part.text)?.[1];
			if (part.series === 'S') {
				found.push({ organ: 'Security Council', number, label: part.text, range: citation.range, year: part.year, date });
			} else if (part.series === 'A' && emergency) {
				found.push({ organ: 'General Assembly', number, label: part.text, range: citation.range, emergencySession: Number(emergency[1]), date });
			} else if (part.series === 'A' && part.session !== undefined) {
				found.push({ organ: 'General Assembly', number, label: part.text, range: citation.range, session: part.session, roman, date });
			}
		}
	}
	return found;
}

/**
 * How far above the highest number the data knows a Security Council resolution can be cited: the Council adopts
 * fewer than 100 a year, so a number further on (`resolution No. 7988 of 10 January 2016`, a resolution of the League of
 * Arab States) is another body's numbering, not a wrong date of one of the Council's.
 */
const BEYOND_THE_DATA = 500;

const highestKnown = new WeakMap<ReadonlyMap<number, NumberedPeriod>, number>();

/** The highest resolution number the data places in a period (computed once per data set). */
function highestKnownNumber(periods: ReadonlyMap<number, NumberedPeriod>): number {
	let highest = highestKnown.get(periods);
	if (highest === undefined) {
		highest = 0;
		for (const period of periods.values()) {
			highest = Math.max(highest, period.last ?? 0, period.first ?? 0, ...period.includes);
		}
		highestKnown.set(periods, highest);
	}
	return highest;
}

/** "in 1993", "between 2021 and 2022", "in or after 2025". */
function describeYears(bounds: PeriodBounds): string {
	if (bounds.earliest !== undefined && bounds.earliest === bounds.latest) {
		return `in ${bounds.earliest}`;
	}
	if (bounds.earliest !== undefined && bounds.latest !== undefined) {
		return `between ${bounds.earliest} and ${bounds.latest}`;
	}
	return bounds.earliest !== undefined ? `in or after ${bounds.earliest}` : `in or before ${bounds.latest}`;
}

/** "the twenty-sixth session", "the twenty-fifth to twenty-seventh sessions". */
function describeSessions(bounds: PeriodBounds): string {
	if (bounds.earliest !== undefined && bounds.earliest === bounds.latest) {
		return `the ${numberToOrdinal(bounds.earliest)} session`;
	}
	if (bounds.earliest !== undefined && bounds.latest !== undefined) {
		return `the ${numberToOrdinal(bounds.earliest)} to ${numberToOrdinal(bounds.latest)} sessions`;
	}
	return bounds.earliest !== undefined ? `the ${numberToOrdinal(bounds.earliest)} session or a later one` : `the ${numberToOrdinal(bounds.latest ?? 1)} session or an earlier one`;
}

function outsideDates(date: CalendarDate, earliest: CalendarDate, latest?: CalendarDate): boolean {
	return compareDates(date, earliest) < 0 || (latest !== undefined && compareDates(date, latest) > 0);
}

const yearsOfNumbers = new WeakMap<ReferenceData['resolutions'], Map<number, PeriodBounds>>();

/**
 * The years a Security Council resolution number can have been adopted in, once per number and data set (a long
 * letter cites the same resolutions again and again, and each keystroke checks them all again).
 */
function securityCouncilYearsOf(data: ReferenceData, number: number): PeriodBounds {
	let years = yearsOfNumbers.get(data.resolutions);
	if (years === undefined) {
		years = new Map();
		yearsOfNumbers.set(data.resolutions, years);
	}
	let bounds = years.get(number);
	if (bounds === undefined) {
		bounds = securityCouncilResolutionYears(data.resolutions, number);
		years.set(number, bounds);
	}
	return bounds;
}

function securityCouncilFindings(data: ReferenceData, cited: CitedResolution): Finding[] {
	if (cited.number > highestKnownNumber(data.resolutions.securityCouncilYears) + BEYOND_THE_DATA) {
		return [];
	}
	const bounds = securityCouncilYearsOf(data, cited.number);
	if (cited.year !== undefined && outsideBounds(bounds, cited.year)) {
		return [{
			code: 'resolution-year-mismatch',
			range: cited.range,
			message: `Security Council resolution ${cited.number} was adopted ${describeYears(bounds)}, so it cannot be cited as ${cited.number} (${cited.year}). Correct the year or the number.`,
		}];
	}
	const date = cited.date?.date;
	if (date && cited.date && outsideBounds(bounds, date.year)) {
		return [{
			code: 'resolution-year-mismatch',
			range: cited.date.range,
			message: `Security Council resolution ${cited.number} was adopted ${describeYears(bounds)}; it cannot be dated ${formatDate(date)}. Check the number and the date.`,
		}];
	}
	return [];
}

function generalAssemblyFindings(data: ReferenceData, cited: CitedResolution): Finding[] {
	if (cited.roman !== undefined && cited.session !== undefined && romanToNumber(cited.roman) === cited.session && cited.session <= 30) {
		const bounds = generalAssemblyResolutionSessions(data.resolutions, cited.number);
		if (outsideBounds(bounds, cited.session)) {
			return [{
				code: 'resolution-year-mismatch',
				range: cited.range,
				message: `General Assembly resolution ${cited.number} belongs to ${describeSessions(bounds)}, so it cannot be cited as ${cited.number} (${cited.roman}) of the ${numberToOrdinal(cited.session)} session. Correct the session or the number.`,
			}];
		}
		return [];
	}
	const date = cited.date?.date;
	if (!date || !cited.date) {
		return [];
	}
	if (cited.emergencySession !== undefined) {
		const session = data.emergencySpecialSessions.get(cited.emergencySession);
		if (session && outsideDates(date, emergencySessionEarliestLetter(session))) {
			return [{
				code: 'resolution-year-mismatch',
				range: cited.date.range,
				message: `Resolution ${cited.label} belongs to the ${numberToOrdinal(cited.emergencySession)} emergency special session, which opened on ${formatDate(session.opened)}; it cannot be dated ${formatDate(date)}. Check the number and the date.`,
			}];
		}
		return [];
	}
	if (cited.session !== undefined && cited.session >= 31 && data.sessions.has(cited.session)) {
		const window = gaSessionWindow(data, cited.session);
		if (outsideDates(date, window.earliestOpening, window.latestClosing)) {
			return [{
				code: 'resolution-year-mismatch',
				range: cited.date.range,
				message: `Resolution ${cited.label} is a resolution of the General Assembly's ${numberToOrdinal(cited.session)} session (${formatDate(window.earliestOpening)} to ${formatDate(window.latestClosing)}); it cannot be dated ${formatDate(date)}. Check the number and the date.`,
			}];
		}
	}
	return [];
}

/** `resolution-year-mismatch`: every resolution of the letter cited with a year, session or date it cannot have. */
export function checkResolutionYears(letter: Letter, data: ReferenceData): Finding[] {
	const findings: Finding[] = [];
	const seen = new Set<number>();
	for (const cited of citedResolutions(letter)) {
		const found = cited.organ === 'Security Council' ? securityCouncilFindings(data, cited) : generalAssemblyFindings(data, cited);
		// Whether another body is named before it is asked last, of the few that would be reported (it reads the sentence).
		if (found.length === 0 || (cited.proseStart !== undefined && namedByAnotherBody(letter.text, cited.proseStart))) {
			continue;
		}
		for (const finding of found) {
			if (!seen.has(finding.range.start)) {
				seen.add(finding.range.start);
				findings.push(finding);
			}
		}
	}
	return findings;
}
