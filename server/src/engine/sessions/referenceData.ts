/**
 * Facts about General Assembly sessions and agenda items (data/ga-sessions.yaml) and resolution numbers
 * (data/resolutions.yaml), read by the host and passed in as text, and the session arithmetic built on them:
 * session windows, which session a date falls in, and the date windows the diagnostics check citations and headers
 * against.
 */
import { parse as parseYaml } from 'yaml';
import type { CalendarDate } from '../calendar/calendarDate';
import { addDays, addMonths, compareDates, formatDate } from '../calendar/calendarDate';
import type { SymbolPart } from '../symbols/symbolTypes';
import { numberToOrdinal } from './ordinals';
import type { ResolutionNumbering } from './resolutionNumbers';
import { NO_RESOLUTION_NUMBERING, parseResolutionNumbering } from './resolutionNumbers';
import type { SpecialSessionFact } from './specialSessions';
import { parseSpecialSessions, yamlDate } from './specialSessions';

export { numberToOrdinal, ordinalToNumber } from './ordinals';
export type { SpecialSessionFact } from './specialSessions';

/** One known agenda item title and how sure the source is. */
export interface AgendaTitleFact {
	readonly title: string;
	readonly confidence: string;
}

/** When a regular session opened (and, where a source says, closed), and how sure the source is. */
export interface GaSessionFact {
	readonly opened: CalendarDate;
	readonly closed?: CalendarDate;
	readonly confidence: string;
}

/** Facts loaded from the data files. */
export interface ReferenceData {
	readonly sessions: ReadonlyMap<number, GaSessionFact>;
	readonly emergencySpecialSessions: ReadonlyMap<number, SpecialSessionFact>;
	readonly specialSessions: ReadonlyMap<number, SpecialSessionFact>;
	readonly agenda: ReadonlyMap<number, ReadonlyMap<number, AgendaTitleFact>>;
	readonly resolutions: ResolutionNumbering;
	/** What could not be read from the data files (the rest is still used). */
	readonly problems: readonly string[];
}

/** Data that knows nothing: every check falls back to its widest bounds. */
export function emptyReferenceData(problems: readonly string[] = []): ReferenceData {
	return { sessions: new Map(), emergencySpecialSessions: new Map(), specialSessions: new Map(), agenda: new Map(), resolutions: NO_RESOLUTION_NUMBERING, problems };
}

/** The value as a plain mapping, or undefined when it is a scalar, a list or nothing. */
function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The `confidence` of a fact: its text, or "unknown" when missing or not text. */
function confidenceOf(fact: unknown): string {
	const confidence = asRecord(fact)?.confidence;
	return typeof confidence === 'string' && confidence.trim() !== '' ? confidence : 'unknown';
}

/** The YAML text parsed, or undefined with a problem pushed when it is not valid YAML. */
function parseYamlText(yamlText: string, name: string, problems: string[]): unknown {
	try {
		return parseYaml(yamlText);
	} catch (error) {
		problems.push(`${name} is not valid YAML: ${(error as Error).message}`);
		return undefined;
	}
}

/**
 * Reads the data files' text: data/ga-sessions.yaml and, when given, data/resolutions.yaml. Tolerant: entries that
 * cannot be read are listed in `problems`; never throws.
 */
export function parseReferenceData(yamlText: string, resolutionsYamlText?: string): ReferenceData {
	const problems: string[] = [];
	const sessionsRoot = parseYamlText(yamlText, 'the data file', problems);
	const resolutionsRoot = resolutionsYamlText === undefined ? undefined : parseYamlText(resolutionsYamlText, 'the resolutions data file', problems) ?? null;
	return readReferenceData(sessionsRoot, resolutionsRoot, problems);
}

/**
 * Reads the data files already parsed into plain values (as JSON or YAML gives them); `resolutionsRoot` undefined
 * when there is no resolutions file. Entries that cannot be read are listed in `problems` (appended to `earlier`).
 */
export function readReferenceData(sessionsRoot: unknown, resolutionsRoot?: unknown, earlier: readonly string[] = []): ReferenceData {
	const problems = [...earlier];
	const sessions = new Map<number, GaSessionFact>();
	const agenda = new Map<number, Map<number, AgendaTitleFact>>();
	const root = asRecord(sessionsRoot);
	for (const [key, value] of Object.entries(asRecord(root?.sessions) ?? {})) {
		const opened = yamlDate(asRecord(value)?.opened);
		if (!/^\d+$/.test(key) || !opened) {
			problems.push(`session ${key}: needs a number and an "opened" date`);
			continue;
		}
		const closedValue = asRecord(value)?.closed;
		const closed = closedValue === undefined ? undefined : yamlDate(closedValue);
		if (closedValue !== undefined && (!closed || compareDates(closed, opened) < 0)) {
			problems.push(`session ${key}: "closed" must be a date after the opening`);
		}
		const unexpected = Object.keys(asRecord(value) ?? {}).filter((name) => !['opened', 'closed', 'confidence'].includes(name));
		if (unexpected.length > 0) {
			problems.push(`session ${key}: unexpected ${unexpected.map((name) => `"${name}"`).join(', ')}`);
		}
		sessions.set(Number(key), closed && compareDates(closed, opened) >= 0 ? { opened, closed, confidence: confidenceOf(value) } : { opened, confidence: confidenceOf(value) });
	}
	const ordered = [...sessions.entries()].sort((a, b) => a[0] - b[0]);
	for (let i = 1; i < ordered.length; i++) {
		if (compareDates(ordered[i][1].opened, ordered[i - 1][1].opened) <= 0) {
			problems.push(`session ${ordered[i][0]}: opens before session ${ordered[i - 1][0]}`);
		}
	}
	for (const [sessionKey, items] of Object.entries(asRecord(root?.agenda) ?? {})) {
		const titles = new Map<number, AgendaTitleFact>();
		for (const [itemKey, fact] of Object.entries(asRecord(items) ?? {})) {
			const title = asRecord(fact)?.title;
			if (!/^\d+$/.test(itemKey) || typeof title !== 'string') {
				problems.push(`agenda ${sessionKey}/${itemKey}: needs a number and a title`);
				continue;
			}
			const unexpected = Object.keys(asRecord(fact) ?? {}).filter((key) => !['title', 'confidence', 'source'].includes(key));
			if (unexpected.length > 0) {
				problems.push(`agenda ${sessionKey}/${itemKey}: unexpected ${unexpected.map((key) => `"${key}"`).join(', ')} (quote a title that contains a comma)`);
			}
			titles.set(Number(itemKey), { title, confidence: confidenceOf(fact) });
		}
		if (/^\d+$/.test(sessionKey)) {
			agenda.set(Number(sessionKey), titles);
		}
	}
	const emergencySpecialSessions = parseSpecialSessions('emergency special session', root?.emergencySpecialSessions, problems);
	const specialSessions = parseSpecialSessions('special session', root?.specialSessions, problems);
	const resolutions = resolutionsRoot === undefined ? NO_RESOLUTION_NUMBERING : parseResolutionNumbering(resolutionsRoot, problems);
	return { sessions, emergencySpecialSessions, specialSessions, agenda, resolutions, problems };
}

/** When a GA session opened and closed; outside the table, the widest plausible bounds (estimated). */
export interface SessionWindow {
	readonly earliestOpening: CalendarDate;
	readonly latestOpening: CalendarDate;
	readonly earliestClosing: CalendarDate;
	readonly latestClosing: CalendarDate;
	readonly estimated: boolean;
}

/** How far an `inferred` opening (the day the rule then in force gives, checked against no source) may be off. */
export const INFERRED_OPENING_TOLERANCE_DAYS = 14;

/**
 * The opening day of a session: the table's day; two weeks either side of an `inferred` one; any day of September
 * of year 1945 + n when the table does not know it (every session from the 1st to the 80th is in the table).
 */
function openingBounds(data: ReferenceData, session: number): { earliest: CalendarDate; latest: CalendarDate; estimated: boolean } {
	const known = data.sessions.get(session);
	if (known && known.confidence === 'inferred') {
		return { earliest: addDays(known.opened, -INFERRED_OPENING_TOLERANCE_DAYS), latest: addDays(known.opened, INFERRED_OPENING_TOLERANCE_DAYS), estimated: true };
	}
	if (known) {
		return { earliest: known.opened, latest: known.opened, estimated: false };
	}
	const year = 1945 + session;
	return { earliest: { year, month: 9, day: 1 }, latest: { year, month: 9, day: 30 }, estimated: true };
}

/**
 * The window of GA session `session`: it opens on its opening day and closes on the day the next one opens (or on
 * its recorded closing day, if later).
 */
export function gaSessionWindow(data: ReferenceData, session: number): SessionWindow {
	const opening = openingBounds(data, session);
	const closing = openingBounds(data, session + 1);
	const closed = data.sessions.get(session)?.closed;
	const later = (a: CalendarDate, b: CalendarDate | undefined): CalendarDate => (b && compareDates(b, a) > 0 ? b : a);
	return {
		earliestOpening: opening.earliest, latestOpening: opening.latest,
		earliestClosing: later(closing.earliest, closed), latestClosing: later(closing.latest, closed),
		estimated: opening.estimated || closing.estimated,
	};
}

/** The GA sessions a date can belong to: one, or two on a changeover day (or in an estimated changeover month). */
export function gaSessionsForDate(data: ReferenceData, date: CalendarDate): number[] {
	const guess = date.year - 1945;
	return [guess - 1, guess].filter((session) => {
		const window = gaSessionWindow(data, session);
		return compareDates(date, window.earliestOpening) >= 0 && compareDates(date, window.latestClosing) <= 0;
	});
}

/** The Security Council year ordinal of a date: 2020 → 75 (year N = 1945 + N). */
export function scYearOrdinal(date: CalendarDate): number {
	return date.year - 1945;
}

/**
 * The first session whose agenda is organized under headings corresponding to the priorities of the Organization
 * ("For the first time, the provisional agenda is organized under headings ...": press release GA/10251, 10 September
 * 2004, on the agenda of the fifty-ninth session). From it on, items keep their relative order from session to session;
 * before it they need not (the 51st session's agenda numbers "The situation in the Middle East" 33 and "Question of
 * Palestine" 35; the 52nd session's provisional agenda numbers them 37 and 36, as letters of 1997 on UNISPAL print).
 */
export const FIRST_SESSION_WITH_PRIORITY_HEADINGS = 59;

/** The title of an agenda item of a session, when the data file knows it. */
export function agendaItemTitle(data: ReferenceData, session: number, item: number): AgendaTitleFact | undefined {
	return data.agenda.get(session)?.get(item);
}

/** A title reduced for comparison: lower case, no Markdown emphasis, quotes or punctuation, single spaces. */
export function normaliseTitle(title: string): string {
	return title.toLowerCase().replace(/[*_“”"'’‘:.,;]/g, '').replace(/\s+/g, ' ').trim();
}

/** The item numbers a title has in every session's known agenda (case, spacing, emphasis and punctuation do not matter). */
export function findAgendaTitle(data: ReferenceData, title: string): { session: number; item: number; title: string }[] {
	return titleIndexOf(data).get(normaliseTitle(title)) ?? [];
}

const titleIndexes = new WeakMap<ReferenceData, Map<string, { session: number; item: number; title: string }[]>>();

/** Every known title by its normalised form, built once per data set. */
function titleIndexOf(data: ReferenceData): Map<string, { session: number; item: number; title: string }[]> {
	let index = titleIndexes.get(data);
	if (!index) {
		index = new Map();
		for (const [session, items] of data.agenda) {
			for (const [item, fact] of items) {
				const key = normaliseTitle(fact.title);
				index.set(key, [...(index.get(key) ?? []), { session, item, title: fact.title }]);
			}
		}
		titleIndexes.set(data, index);
	}
	return index;
}

/** A Main Committee of the Assembly ("C.1" … "C.6"): its documents belong to the Assembly's session. */
function isMainCommittee(body: string): boolean {
	return /^C\.[1-6]$/.test(body);
}

/** GA symbols carry the session number from the 31st session (1976) on. */
const FIRST_SESSION_IN_SYMBOLS = 31;

/**
 * The distribution dates a document with this symbol part can have (SPEC `citation-date-mismatch`): `S/YYYY/…` from
 * 1 January YYYY to 31 January YYYY+1 (a symbol given in late December may be issued in early January: S/2016/1140 is
 * dated 6 January 2017); `A/N/…` and Main Committee `A/C.3/N/…` (N ≥ 31) from 1 January of the year the session opens
 * to one year after it closed
 * ("long after"); other series that carry a year (`E/2020/…`, `E/CN.4/2005/…`, `ST/SGB/2003/…`) from 1 January of the
 * year before (pre-session documents) to 31 December of the year after. Undefined when the part carries no session
 * or year (old `S/24493`, `CCPR/C/GC/36`) and for resolutions, whose date is their adoption.
 */
export function citationDateWindow(data: ReferenceData, part: SymbolPart): { earliest: CalendarDate; latest: CalendarDate; reason: string } | undefined {
	if (part.special?.kind === 'RES') {
		return undefined;
	}
	if (part.series === 'S' && part.year !== undefined) {
		return {
			earliest: { year: part.year, month: 1, day: 1 },
			latest: { year: part.year + 1, month: 1, day: 31 },
			reason: `Security Council documents numbered in ${part.year} are issued in ${part.year} (or, for the last ones, early in January ${part.year + 1})`,
		};
	}
	if (part.series === 'A' && part.session !== undefined && part.session >= FIRST_SESSION_IN_SYMBOLS && part.bodies.every(isMainCommittee)) {
		const window = gaSessionWindow(data, part.session);
		const closing = window.estimated ? `in September ${window.latestClosing.year}` : `on ${formatDate(window.latestClosing)}`;
		return {
			earliest: { year: 1945 + part.session, month: 1, day: 1 },
			latest: addMonths(window.latestClosing, 12),
			reason: `documents of the General Assembly's ${numberToOrdinal(part.session)} session appear from early ${1945 + part.session}, and the session closed ${closing}`,
		};
	}
	if (part.series !== 'A' && part.series !== 'S' && part.year !== undefined) {
		return {
			earliest: { year: part.year - 1, month: 1, day: 1 },
			latest: { year: part.year + 1, month: 12, day: 31 },
			reason: `documents numbered under ${part.year} are issued between the year before (for the coming session) and the year after`,
		};
	}
	return undefined;
}

/** How long before a session opens letters may already name it (its provisional agenda exists; letters cite it in the weeks before). */
export const PROVISIONAL_AGENDA_LEAD_MONTHS = 3;

/**
 * The dates a letter whose header names GA session `session` can be distributed on (SPEC `session-date-mismatch`): from
 * three months before the session opens (the provisional agenda is out) to the day the next session opens inclusive
 * (the changeover day belongs to either session).
 */
export function gaHeaderDateWindow(data: ReferenceData, session: number): { earliest: CalendarDate; latest: CalendarDate } {
	const window = gaSessionWindow(data, session);
	return { earliest: addMonths(window.earliestOpening, -PROVISIONAL_AGENDA_LEAD_MONTHS), latest: window.latestClosing };
}
