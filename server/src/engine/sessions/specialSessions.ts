/**
 * Emergency special sessions and special sessions of the General Assembly (data/ga-sessions.yaml,
 * `emergencySpecialSessions:` and `specialSessions:`): when they opened, were resumed and closed.
 */
import type { CalendarDate } from '../calendar/calendarDate';
import { addDays, compareDates, fromIsoDate } from '../calendar/calendarDate';

/** One emergency special session or special session. */
export interface SpecialSessionFact {
	readonly opened: CalendarDate;
	/** The last meeting, when the session is known to be over. */
	readonly closed?: CalendarDate;
	/** Later meetings (resumptions) that letters name. */
	readonly resumed: readonly CalendarDate[];
	readonly topic?: string;
	readonly confidence: string;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A YAML date ("2020-09-15" as text, or a Date under the YAML 1.1 schema) as a calendar date. */
export function yamlDate(value: unknown): CalendarDate | undefined {
	if (value instanceof Date) {
		return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
	}
	return typeof value === 'string' ? fromIsoDate(value) : undefined;
}

const KEYS = new Set(['opened', 'closed', 'resumed', 'topic', 'confidence']);

/** Reads a section of special sessions keyed by number; entries that cannot be used are listed in `problems`. */
export function parseSpecialSessions(where: string, section: unknown, problems: string[]): Map<number, SpecialSessionFact> {
	const sessions = new Map<number, SpecialSessionFact>();
	for (const [key, value] of Object.entries(asRecord(section) ?? {})) {
		const entry = asRecord(value);
		const opened = yamlDate(entry?.opened);
		if (!/^\d+$/.test(key) || !entry || !opened) {
			problems.push(`${where} ${key}: needs a number and an "opened" date`);
			continue;
		}
		const unexpected = Object.keys(entry).filter((name) => !KEYS.has(name));
		if (unexpected.length > 0) {
			problems.push(`${where} ${key}: unexpected ${unexpected.map((name) => `"${name}"`).join(', ')}`);
		}
		const closed = entry.closed === undefined ? undefined : yamlDate(entry.closed);
		if (entry.closed !== undefined && !closed) {
			problems.push(`${where} ${key}: "closed" is not a date`);
		}
		const resumed: CalendarDate[] = [];
		for (const item of Array.isArray(entry.resumed) ? entry.resumed : []) {
			const date = yamlDate(item);
			if (date) {
				resumed.push(date);
			} else {
				problems.push(`${where} ${key}: resumed ${JSON.stringify(item)} is not a date`);
			}
		}
		if ((closed && compareDates(closed, opened) < 0) || resumed.some((date) => compareDates(date, opened) < 0)) {
			problems.push(`${where} ${key}: a date before its opening`);
		}
		const confidence = typeof entry.confidence === 'string' && entry.confidence.trim() !== '' ? entry.confidence : 'unknown';
		sessions.set(Number(key), { opened, closed, resumed, topic: typeof entry.topic === 'string' ? entry.topic : undefined, confidence });
	}
	return sessions;
}

/** How long before its opening a letter can already name an emergency special session (the request comes first). */
export const EMERGENCY_SESSION_LEAD_DAYS = 7;

/**
 * The earliest distribution date of a letter whose header names an emergency special session: a week before it
 * opened. There is no latest: such sessions are adjourned, not closed, and resumed years later (the tenth since 1997).
 */
export function emergencySessionEarliestLetter(session: SpecialSessionFact): CalendarDate {
	return addDays(session.opened, -EMERGENCY_SESSION_LEAD_DAYS);
}
