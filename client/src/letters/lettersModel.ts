/**
 * The Letters view as data: the server's rows filtered by what the user typed, sorted by date, grouped by
 * session/year, sender or agenda item, and the words each row shows. Pure: no `vscode` import; the view maps these to
 * tree items.
 */
import { formatDate, fromIsoDate } from '../../../server/src/engine/calendar/dates';
import type { LetterRow, ProblemCounts } from '../../../server/src/protocol';

/** How the Letters view groups its rows. */
export type LetterGrouping = 'session' | 'sender' | 'agendaItem' | 'none';

/** The groupings the user picks from, in the order offered. */
export const LETTER_GROUPINGS: readonly { readonly grouping: LetterGrouping; readonly label: string; readonly detail: string }[] = [
	{ grouping: 'session', label: 'Session or year', detail: 'General Assembly sessions and Security Council years; a joint letter is under both' },
	{ grouping: 'sender', label: 'Sender', detail: 'The State or office whose representative writes' },
	{ grouping: 'agendaItem', label: 'Agenda item', detail: 'The agenda items of the header, by session; a letter is under each of its items' },
	{ grouping: 'none', label: 'No groups', detail: 'Every letter in one list, by date' },
];

/** Whether a value is one of the groupings (a remembered choice may be stale). */
export function isLetterGrouping(value: unknown): value is LetterGrouping {
	return LETTER_GROUPINGS.some((entry) => entry.grouping === value);
}

/** A group of the Letters view and its rows, in date order. */
export interface LetterGroup {
	/** Unique within the grouping. */
	readonly key: string;
	readonly label: string;
	readonly description?: string;
	readonly rows: readonly LetterRow[];
}

/** A human date for an ISO date: `18 December 2020`; the text itself when it is not one. */
export function humanDate(iso: string | null | undefined): string | undefined {
	if (!iso) {
		return undefined;
	}
	const date = fromIsoDate(iso);
	return date ? formatDate(date) : iso;
}

/** `GA 75`, `SC 2020`, `GA ESS 10`: an organ of the header, short. */
export function organShortLabel(organ: LetterRow['organs'][number]): string {
	if ('emergencySpecialSession' in organ) {
		return `GA ESS ${organ.emergencySpecialSession}`;
	}
	if ('specialSession' in organ) {
		return `GA S-${organ.specialSession}`;
	}
	if ('session' in organ && organ.session !== undefined) {
		return `${organ.organ} ${organ.session}`;
	}
	return `${organ.organ} ${'year' in organ && organ.year !== undefined ? organ.year : ''}`.trim();
}

/** `General Assembly, 75th session`, `Security Council, 2020`: an organ of the header, in words (group labels). */
export function organLongLabel(organ: LetterRow['organs'][number]): string {
	if (organ.organ === 'SC') {
		return `Security Council, ${'year' in organ ? organ.year : ''}`;
	}
	if (organ.organ === 'ECOSOC') {
		return `Economic and Social Council, ${'session' in organ && organ.session !== undefined ? `session ${organ.session}` : 'year' in organ ? organ.year : ''}`;
	}
	if ('emergencySpecialSession' in organ) {
		return `General Assembly, ${ordinal(organ.emergencySpecialSession)} emergency special session`;
	}
	if ('specialSession' in organ) {
		return `General Assembly, ${ordinal(organ.specialSession)} special session`;
	}
	return `General Assembly, ${ordinal(organ.session)} session`;
}

function ordinal(value: number): string {
	const tens = value % 100;
	const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
	return `${value}${suffix}`;
}

/** The GA sessions of a row's header (its agenda items belong to them). */
function gaSessions(row: LetterRow): number[] {
	return row.organs.flatMap((organ) => (organ.organ === 'GA' && 'session' in organ && organ.session !== undefined ? [organ.session] : []));
}

/** An agenda item of a session, as the pickers and groups name it. */
export interface AgendaItemChoice {
	readonly session: number;
	readonly item: number;
	readonly title: string | null;
	/** How many letters list it. */
	readonly letters: number;
}

/** Every agenda item the letters list, by session then number, with the title the letters give. */
export function agendaItemChoices(rows: readonly LetterRow[]): AgendaItemChoice[] {
	const found = new Map<string, { session: number; item: number; title: string | null; letters: number }>();
	for (const row of rows) {
		for (const session of gaSessions(row)) {
			for (const item of row.agendaItems) {
				const key = `${session}/${item.number}`;
				const held = found.get(key);
				if (held) {
					held.letters++;
					held.title ??= item.title;
				} else {
					found.set(key, { session, item: item.number, title: item.title, letters: 1 });
				}
			}
		}
	}
	return [...found.values()].sort((a, b) => a.session - b.session || a.item - b.item);
}

/** Every sender the letters name (spellings of one State as one), with how many letters each wrote; most letters first, then by name. */
export function senderChoices(rows: readonly LetterRow[]): { readonly sender: string; readonly letters: number }[] {
	const counts = new Map<string, number>();
	for (const row of rows) {
		if (row.senderGroup !== null) {
			counts.set(row.senderGroup, (counts.get(row.senderGroup) ?? 0) + 1);
		}
	}
	return [...counts].map(([sender, letters]) => ({ sender, letters })).sort((a, b) => b.letters - a.letters || a.sender.localeCompare(b.sender));
}

/** Orders rows by date (title date, else distribution date; undated last), then by name and file. */
export function compareByDate(a: LetterRow, b: LetterRow): number {
	if (a.date !== b.date) {
		if (a.date === null) {
			return 1;
		}
		if (b.date === null) {
			return -1;
		}
		return a.date < b.date ? -1 : 1;
	}
	return a.name.localeCompare(b.name) || a.uri.localeCompare(b.uri);
}

/** What a row is searched by: its name, file, kind, addressees, sessions and agenda items with their titles. */
function searchText(row: LetterRow): string {
	return [
		row.name, row.fileName, row.symbol ?? '', row.kind.replace('-', ' '), row.addressees.join(' '),
		row.organs.map((organ) => `${organShortLabel(organ)} ${organLongLabel(organ)}`).join(' '),
		row.agendaItems.map((item) => `item ${item.number} ${item.title ?? ''}`).join(' '),
		row.identity === null ? 'no symbol' : '',
	].join(' ').replace(/\s+/g, ' ').toLowerCase();
}

/** The filter's words, lower-cased; none when the filter is empty. */
export function filterWords(filter: string | undefined): string[] {
	return (filter ?? '').toLowerCase().split(/\s+/).filter((word) => word !== '');
}

/** Whether a row passes the filter: every word of it appears in the row (case-insensitive). */
export function matchesLetterFilter(row: LetterRow, filter: string | undefined): boolean {
	const words = filterWords(filter);
	if (words.length === 0) {
		return true;
	}
	const text = searchText(row);
	return words.every((word) => text.includes(word));
}

function push(groups: Map<string, { label: string; description?: string; order: string; rows: LetterRow[] }>, key: string, label: string, order: string, row: LetterRow, description?: string): void {
	const group = groups.get(key);
	if (group) {
		group.rows.push(row);
	} else {
		groups.set(key, { label, order, rows: [row], ...(description === undefined ? {} : { description }) });
	}
}

/** Sort key of an organ group: General Assembly sessions first, then Security Council years, each in order. */
function organOrder(organ: LetterRow['organs'][number]): string {
	const number = 'session' in organ && organ.session !== undefined ? organ.session : 'year' in organ && organ.year !== undefined ? organ.year
		: 'emergencySpecialSession' in organ ? organ.emergencySpecialSession : 'specialSession' in organ ? organ.specialSession : 0;
	const family = organ.organ === 'GA' ? ('session' in organ ? 0 : 'emergencySpecialSession' in organ ? 1 : 2) : organ.organ === 'SC' ? 3 : 4;
	return `${family}:${String(number).padStart(6, '0')}`;
}

/**
 * Filters, sorts by date and groups the rows. A letter appears under each of its sessions/years or agenda items;
 * letters with none are gathered in a last group. Groups are in order (sessions, then years; senders by name; agenda
 * items by session and number); `none` gives one group with every row.
 */
export function groupLetters(rows: readonly LetterRow[], grouping: LetterGrouping, filter?: string): LetterGroup[] {
	const kept = rows.filter((row) => matchesLetterFilter(row, filter)).sort(compareByDate);
	if (grouping === 'none') {
		return kept.length === 0 ? [] : [{ key: 'all', label: 'All letters', rows: kept }];
	}
	const groups = new Map<string, { label: string; description?: string; order: string; rows: LetterRow[] }>();
	const unsorted = '~';
	for (const row of kept) {
		if (grouping === 'sender') {
			push(groups, `sender:${row.senderGroup ?? ''}`, row.senderGroup ?? 'Sender not known', row.senderGroup === null ? unsorted : row.senderGroup.toLowerCase(), row);
		} else if (grouping === 'session') {
			const labels = new Set<string>();
			for (const organ of row.organs) {
				const key = `organ:${organShortLabel(organ)}`;
				if (!labels.has(key)) {
					labels.add(key);
					push(groups, key, organLongLabel(organ), organOrder(organ), row);
				}
			}
			if (labels.size === 0) {
				push(groups, 'organ:', 'No session or year in the header', unsorted, row);
			}
		} else {
			const sessions = gaSessions(row);
			let placed = false;
			for (const session of sessions) {
				for (const item of row.agendaItems) {
					placed = true;
					push(groups, `item:${session}/${item.number}`, `GA ${session} · item ${item.number}`, `${String(session).padStart(4, '0')}/${String(item.number).padStart(4, '0')}`, row, item.title ?? undefined);
				}
			}
			if (!placed) {
				push(groups, 'item:', 'No agenda item', unsorted, row);
			}
		}
	}
	return [...groups.entries()]
		.sort(([, a], [, b]) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.label.localeCompare(b.label)))
		.map(([key, group]) => ({ key, label: group.label, rows: group.rows, ...(group.description === undefined ? {} : { description: group.description }) }));
}

function plural(count: number, singular: string): string {
	return `${count} ${singular}${count === 1 ? '' : 's'}`;
}

/** `1 error, 2 warnings`: the problems worth a row's attention (errors and warnings); undefined when none or not counted. */
export function problemSummary(problems: ProblemCounts | null): string | undefined {
	if (problems === null) {
		return undefined;
	}
	const parts = [problems.error > 0 ? plural(problems.error, 'error') : undefined, problems.warning > 0 ? plural(problems.warning, 'warning') : undefined];
	const shown = parts.filter((part): part is string => part !== undefined);
	return shown.length > 0 ? shown.join(', ') : undefined;
}

/** `items 34, 71, 135`, or the first few and how many more. */
function agendaSummary(row: LetterRow, max = 4): string | undefined {
	if (row.agendaItems.length === 0) {
		return undefined;
	}
	const numbers = row.agendaItems.map((item) => String(item.number));
	const shown = numbers.length > max ? `${numbers.slice(0, max).join(', ')} +${numbers.length - max}` : numbers.join(', ');
	return `${numbers.length === 1 ? 'item' : 'items'} ${shown}`;
}

/** The annotations of a row in words: `2 annotations`, `sidecar invalid`; undefined when none. */
export function annotationSummary(annotations: number | null): string | undefined {
	if (annotations === null) {
		return 'annotation file invalid';
	}
	return annotations > 0 ? plural(annotations, 'annotation') : undefined;
}

/**
 * The description of a row after its name: `no symbol` when it has none, addressees, sessions/years, agenda items,
 * annotations and problems. What the name already says (symbol, sender, date) is not repeated.
 */
export function letterRowDescription(row: LetterRow): string {
	return [
		row.identity === null ? 'no symbol' : row.identity === 'inferred' ? 'symbol inferred' : undefined,
		row.addressees.length > 0 ? `to ${row.addressees.join(', ')}` : undefined,
		row.organs.length > 0 ? row.organs.map(organShortLabel).join(', ') : undefined,
		agendaSummary(row),
		annotationSummary(row.annotations),
		problemSummary(row.problems),
	].filter((part): part is string => part !== undefined).join(' · ');
}

const KIND_NAMES: Readonly<Record<LetterRow['kind'], string>> = { letter: 'Letter', 'identical-letters': 'Identical letters', 'note-verbale': 'Note verbale' };

const IDENTITY_WORDS: Readonly<Record<NonNullable<LetterRow['identity']>, string>> = {
	masthead: 'from its masthead', sidecar: 'stored in its annotation file', 'file-name': 'from its file name',
	inferred: 'inferred from a citation of its date (not confirmed: store it with Set Document Symbol)',
};

/** The lines of a row's tooltip, in full: every field of the record and the file name. */
export function letterRowTooltip(row: LetterRow): string[] {
	const lines = [row.name, ''];
	lines.push(row.symbol === null ? 'No document symbol: give it one with "Set Document Symbol".' : `Symbol ${row.symbol}, ${IDENTITY_WORDS[row.identity ?? 'masthead']}.`);
	lines.push(`${KIND_NAMES[row.kind]}${row.dated ? ` dated ${humanDate(row.dated)}` : ''}${row.sender ? ` from ${row.sender}` : ''}${row.addressees.length > 0 ? ` to the ${row.addressees.join(' and the ')}` : ''}.`);
	if (row.distributed) {
		lines.push(`Distributed ${humanDate(row.distributed)}.`);
	}
	if (row.organs.length > 0) {
		lines.push(row.organs.map(organLongLabel).join('; '));
	}
	for (const item of row.agendaItems) {
		lines.push(`Item ${item.number}${item.title ? `: ${item.title}` : ''}`);
	}
	lines.push(`Cites ${plural(row.cites, 'document')}; cited by ${plural(row.citedBy, 'letter')} of the folder.`);
	const annotations = annotationSummary(row.annotations);
	lines.push(annotations === undefined ? 'No annotations.' : `${annotations[0].toUpperCase()}${annotations.slice(1)}.`);
	if (row.problems !== null) {
		lines.push(`Problems: ${plural(row.problems.error, 'error')}, ${plural(row.problems.warning, 'warning')}, ${row.problems.information} information.`);
	}
	lines.push('', row.fileName);
	return lines;
}
