import type { ReferenceData } from '../sessions/referenceData';
import { agendaItemTitle, findAgendaTitle, FIRST_SESSION_WITH_PRIORITY_HEADINGS, normaliseTitle } from '../sessions/referenceData';
import type { OffsetRange } from '../text/offsetRange';
import type { AgendaHeader, AgendaItem, AgendaTitleSource, OrganHeader } from './model';

/** The agenda line: `Agenda items 34, 71 and 135` (or as OCR reads it, `Agenda iten 135`), `Item 30 of the provisional agenda*` (group 1: a bare `Item(s)`, group 3: the list it belongs to). */
export const AGENDA_LINE = /\b(?:Agenda\s+[il1]te(?:m|rn|n)s?|(Items?))\s+(\d{1,3}(?:\s*\([a-z]\))?(?:\s*(?:,\s*and|,|and)\s*\d{1,3}(?:\s*\([a-z]\))?)*)(\s+of\s+the\s+(?:provisional\s+agenda|preliminary\s+list)\s*(?:\\?\*)?)?/gi;

/** The item numbers in a list such as `34, 71, 114 and 135`, with their ranges. */
export function parseItemNumbers(masked: string, start: number, end: number): { number: number; range: OffsetRange }[] {
	const items: { number: number; range: OffsetRange }[] = [];
	for (const match of masked.slice(start, end).matchAll(/\d{1,3}/g)) {
		items.push({ number: Number(match[0]), range: { start: start + match.index, end: start + match.index + match[0].length } });
	}
	return items;
}

/** Finds the agenda line of the header (the adopted agenda, the provisional agenda or the preliminary list). */
export function findAgendaLine(masked: string, headerEnd: number): { range: OffsetRange; listRange: OffsetRange; provisional: boolean } | undefined {
	for (const match of masked.slice(0, headerEnd).matchAll(AGENDA_LINE)) {
		const bareItems = match[1] !== undefined;
		if (bareItems && !match[3]) {
			continue;
		}
		const listStart = match.index + match[0].indexOf(match[2]);
		return {
			range: { start: match.index, end: match.index + match[0].trimEnd().length },
			listRange: { start: listStart, end: listStart + match[2].length },
			provisional: match[3] !== undefined,
		};
	}
	return undefined;
}

function titlesMatch(a: string, b: string): boolean {
	const x = normaliseTitle(a);
	const y = normaliseTitle(b);
	return x === y || (x.length > 12 && y.length > 12 && (x.startsWith(y) || y.startsWith(x)));
}

/**
 * Pairs item numbers with titles. The session's known agenda (the data file) decides first; the titles left over are
 * ordered by the numbers they carry in other sessions' agendas when all of them are known there (items keep their
 * relative order from session to session); otherwise the letter's order is used. Each title says which rule paired it.
 * The data holds the adopted agenda's numbers, so it never decides for the provisional agenda or the preliminary list
 * (`provisional`), whose numbers can differ.
 */
export function pairAgendaTitles(numbers: readonly { number: number; range: OffsetRange }[], titles: readonly { text: string; range: OffsetRange }[], session: number | undefined, data: ReferenceData, provisional = false): AgendaItem[] {
	const paired = new Map<number, AgendaItem['title']>();
	const usedTitles = new Set<number>();
	if (session !== undefined && !provisional) {
		for (const item of numbers) {
			const known = agendaItemTitle(data, session, item.number);
			if (!known) {
				continue;
			}
			const index = titles.findIndex((title, i) => !usedTitles.has(i) && titlesMatch(title.text, known.title));
			if (index >= 0) {
				usedTitles.add(index);
			}
			paired.set(item.number, { text: index >= 0 ? titles[index].text : known.title, range: index >= 0 ? titles[index].range : undefined, source: 'agenda-data' });
		}
	}
	const leftNumbers = numbers.filter((item) => !paired.has(item.number)).map((item) => item.number).sort((a, b) => a - b);
	const leftTitles = titles.filter((_, i) => !usedTitles.has(i));
	const ordered = orderByOtherSessions(leftTitles, session, data);
	leftNumbers.forEach((number, i) => {
		const title = ordered[i];
		if (title) {
			paired.set(number, { text: title.text, range: title.range, source: title.source });
		}
	});
	return numbers.map((item) => ({ number: item.number, range: item.range, title: paired.get(item.number) }));
}

function orderByOtherSessions(titles: readonly { text: string; range: OffsetRange }[], session: number | undefined, data: ReferenceData): { text: string; range: OffsetRange; source: AgendaTitleSource }[] {
	const ranked = titles.map((title) => ({ ...title, rank: rankInNearestSession(title.text, session, data) }));
	const slots = ranked.map((title, i) => (title.rank === undefined ? -1 : i)).filter((i) => i >= 0);
	if (slots.length < 2) {
		return ranked.map((title) => ({ text: title.text, range: title.range, source: 'letter-order' }));
	}
	const sortedRanked = slots.map((i) => ranked[i]).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
	const result: { text: string; range: OffsetRange; source: AgendaTitleSource }[] = ranked.map((title) => ({ text: title.text, range: title.range, source: 'letter-order' }));
	slots.forEach((slot, i) => {
		result[slot] = { text: sortedRanked[i].text, range: sortedRanked[i].range, source: 'other-sessions-order' };
	});
	return result;
}

/**
 * The number a title has in the known agenda of the session nearest to the letter's, counting only sessions whose
 * agendas follow the priority headings (items keep their order from one such session to the next; older agendas do
 * not), and nothing for a letter of an older session.
 */
function rankInNearestSession(title: string, session: number | undefined, data: ReferenceData): number | undefined {
	if (session !== undefined && session < FIRST_SESSION_WITH_PRIORITY_HEADINGS) {
		return undefined;
	}
	const found = findAgendaTitle(data, title).filter((known) => known.session >= FIRST_SESSION_WITH_PRIORITY_HEADINGS);
	if (found.length === 0) {
		return undefined;
	}
	const target = session ?? 0;
	const nearest = [...found].sort((a, b) => Math.abs(a.session - target) - Math.abs(b.session - target))[0];
	return nearest.item;
}

/** Builds the agenda header from the agenda line, the titles under it and the GA session of the header. */
export function buildAgendaHeader(masked: string, line: { range: OffsetRange; listRange: OffsetRange; provisional: boolean }, titles: { text: string; range: OffsetRange }[], organs: readonly OrganHeader[], data: ReferenceData): AgendaHeader {
	const numbers = parseItemNumbers(masked, line.listRange.start, line.listRange.end);
	const session = organs.find((organ) => organ.organ === 'General Assembly' && organ.unit === 'session')?.ordinal;
	const items = pairAgendaTitles(numbers, titles, session, data, line.provisional);
	return { range: line.range, items, provisional: line.provisional, session, titles };
}
