import { addMonths, compareDates, formatDate } from '../calendar/dates';
import type { Letter } from '../letter/model';
import type { ReferenceData } from '../sessions/referenceData';
import { gaHeaderDateWindow, numberToOrdinal } from '../sessions/referenceData';
import { emergencySessionEarliestLetter } from '../sessions/specialSessions';
import type { Finding } from './codes';

/** Formats item numbers as a letter writes them: `34, 71, 114 and 135`. */
export function formatItemList(numbers: readonly number[]): string {
	if (numbers.length <= 1) {
		return numbers.join('');
	}
	return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** `agenda-mismatch`: the closing request lists other agenda items than the header. */
export function checkAgendaMismatch(letter: Letter): Finding[] {
	const header = letter.agenda?.items.map((item) => item.number) ?? [];
	const closing = letter.closingRequest?.agendaItems ?? [];
	if (header.length === 0 || closing.length === 0 || !letter.agenda) {
		return [];
	}
	const headerSet = new Set(header);
	const closingSet = new Set(closing.map((item) => item.number));
	if (header.length === closing.length && header.every((number) => closingSet.has(number)) && closing.every((item) => headerSet.has(item.number))) {
		return [];
	}
	const missing = header.filter((number) => !closingSet.has(number));
	const extra = [...closingSet].filter((number) => !headerSet.has(number));
	const details = [missing.length > 0 ? `${formatItemList(missing)} missing` : '', extra.length > 0 ? `${formatItemList(extra)} not in the header` : ''].filter(Boolean).join('; ');
	return [{
		code: 'agenda-mismatch',
		range: { start: closing[0].range.start, end: closing[closing.length - 1].range.end },
		message: `The closing request lists agenda items ${formatItemList(closing.map((item) => item.number))}, but the header lists ${formatItemList(header)} (${details}). Make the two lists the same.`,
		fix: { replacement: formatItemList([...header].sort((a, b) => a - b)) },
		related: [{ range: letter.agenda.range, message: 'Agenda items of the header' }],
	}];
}

/** A special session's letters start with its preparations, up to a year before it opens, and end a year after it. */
const SPECIAL_SESSION_LEAD_MONTHS = 12;
const SPECIAL_SESSION_TAIL_MONTHS = 12;

/**
 * `session-date-mismatch`: the header's session or year cannot hold the distribution date. An emergency special
 * session has no end (they are adjourned and resumed), so only a letter distributed before it opened is reported.
 */
export function checkSessionDates(letter: Letter, data: ReferenceData): Finding[] {
	const date = letter.distribution?.date?.date;
	if (!date) {
		return [];
	}
	const findings: Finding[] = [];
	for (const organ of letter.organs) {
		if (organ.organ === 'Security Council' && organ.unit === 'year') {
			const year = 1945 + organ.ordinal;
			if (year !== date.year) {
				findings.push({
					code: 'session-date-mismatch',
					range: organ.ordinalRange,
					message: `The Security Council's ${numberToOrdinal(organ.ordinal)} year is ${year}, but the letter is distributed on ${formatDate(date)}. Correct the year (${numberToOrdinal(date.year - 1945)} year) or the date.`,
				});
			}
		} else if (organ.organ === 'General Assembly' && organ.unit === 'emergency-special-session') {
			const session = data.emergencySpecialSessions.get(organ.ordinal);
			if (session && compareDates(date, emergencySessionEarliestLetter(session)) < 0) {
				findings.push({
					code: 'session-date-mismatch',
					range: organ.ordinalRange,
					message: `The General Assembly's ${numberToOrdinal(organ.ordinal)} emergency special session opened on ${formatDate(session.opened)}; a letter of that session cannot be distributed on ${formatDate(date)}. Correct the session or the date.`,
				});
			}
		} else if (organ.organ === 'General Assembly' && organ.unit === 'special-session') {
			const session = data.specialSessions.get(organ.ordinal);
			const earliest = session && addMonths(session.opened, -SPECIAL_SESSION_LEAD_MONTHS);
			const latest = session && addMonths(session.closed ?? session.opened, SPECIAL_SESSION_TAIL_MONTHS);
			if (earliest && latest && (compareDates(date, earliest) < 0 || compareDates(date, latest) > 0)) {
				findings.push({
					code: 'session-date-mismatch',
					range: organ.ordinalRange,
					message: `A letter of the General Assembly's ${numberToOrdinal(organ.ordinal)} special session (opened ${formatDate(session.opened)}) cannot be distributed on ${formatDate(date)}: its letters run from ${formatDate(earliest)} to ${formatDate(latest)}. Correct the session or the date.`,
				});
			}
		} else if (organ.organ === 'General Assembly' && organ.unit === 'session') {
			const window = gaHeaderDateWindow(data, organ.ordinal);
			// Items of the preliminary list (issued in February) are cited under the coming session from early in the year it opens.
			const preliminary = letter.agenda !== undefined && /\bpreliminary\s+list\b/i.test(letter.text.slice(letter.agenda.range.start, letter.agenda.range.end));
			const earliest = preliminary ? { year: 1945 + organ.ordinal, month: 1, day: 1 } : window.earliest;
			if (compareDates(date, earliest) < 0 || compareDates(date, window.latest) > 0) {
				findings.push({
					code: 'session-date-mismatch',
					range: organ.ordinalRange,
					message: `A letter of the General Assembly's ${numberToOrdinal(organ.ordinal)} session cannot be distributed on ${formatDate(date)}: that session's letters run from ${formatDate(earliest)}${preliminary ? ' (items of its preliminary list)' : ''} to ${formatDate(window.latest)}. Correct the session or the date.`,
				});
			}
		}
	}
	return findings;
}

/** `letter-date-after-distribution`: the title's letter date is later than the distribution date. */
export function checkLetterDate(letter: Letter): Finding[] {
	const written = letter.title?.date;
	const distributed = letter.distribution?.date?.date;
	if (!written?.date || !distributed || compareDates(written.date, distributed) <= 0) {
		return [];
	}
	return [{
		code: 'letter-date-after-distribution',
		range: written.range,
		message: `The letter is dated ${formatDate(written.date)}, after its distribution on ${formatDate(distributed)}. Correct the letter date or the distribution date.`,
	}];
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** The number of an annex label: `II` → 2, `3` → 3, `` → 1 (a single unnumbered annex). */
export function annexNumber(label: string): number {
	if (label === '') {
		return 1;
	}
	if (/^\d+$/.test(label)) {
		return Number(label);
	}
	let total = 0;
	for (let i = 0; i < label.length; i++) {
		const value = ROMAN[label[i]] ?? 0;
		const next = ROMAN[label[i + 1]] ?? 0;
		total += value < next ? -value : value;
	}
	return total;
}

/** After `annex II`: `to resolution 2231 (2015)`, `of the report of …` — the annex of another document, not of this letter. */
const ANOTHER_DOCUMENTS_ANNEX = /^\s*(?:to|of)\s+(?!(?:the\s+)?(?:present|this)\s+(?:letter|note|communication)\b)\S/i;

/**
 * `annex-missing`: `see annex II` with no Annex II in the letter (`in annex II to resolution 2231 (2015)` is another
 * document's).
 */
export function checkAnnexReferences(letter: Letter): Finding[] {
	// A numbered reference made inside an unnumbered annex (`referred to in annex I` in an annexed report) names an annex
	// of the annexed document, which that annex itself is not.
	const answers = (reference: { range: { start: number } }, annex: Letter['annexes'][number]) =>
		!(annex.label === '' && reference.range.start >= annex.range.start && reference.range.start < annex.range.end);
	return letter.annexReferences
		.filter((reference) => !ANOTHER_DOCUMENTS_ANNEX.test(letter.text.slice(reference.range.end, reference.range.end + 80)))
		.filter((reference) => (reference.label === '' ? letter.annexes.length === 0 : !letter.annexes.some((annex) => annexNumber(annex.label) === annexNumber(reference.label) && answers(reference, annex))))
		.map((reference) => ({
			code: 'annex-missing' as const,
			range: reference.range,
			message: reference.label === ''
				? 'The text refers to an annex, but the letter has none. Add the annex, or remove the reference.'
				: `The text refers to annex ${reference.label}, but the letter has no Annex ${reference.label}${letter.annexes.length > 0 ? ` (it has ${letter.annexes.map((annex) => `Annex ${annex.label}`.trim()).join(', ')})` : ''}. Add the annex, or correct the reference.`,
		}));
}
