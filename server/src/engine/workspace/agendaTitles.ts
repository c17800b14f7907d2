/**
 * Agenda titles learned from the folder itself: when letters of a session print the titles of their agenda items
 * under the agenda line, every letter of that session can show the title of the same item, saying which letter it
 * came from. Fed incrementally by the LetterIndex as files are set and deleted; what it answers never depends on
 * the order the files came in (ties are broken by URI).
 */
import type { AgendaTitleSource, Letter } from '../letter/model';
import type { LetterSummary, SummaryAgenda } from './letterSummary';
import type { ReferenceData } from '../sessions/referenceData';
import { agendaItemTitle, normaliseTitle } from '../sessions/referenceData';

/** Which list the item numbers of an agenda line belong to: they differ between the three. */
export type AgendaListKind = 'agenda' | 'provisional' | 'preliminary';

/** How a letter paired a printed title with its number, best first. */
const PAIRING_RANK: Readonly<Record<string, number>> = { single: 0, 'agenda-data': 1, 'other-sessions-order': 2, 'letter-order': 3 };

/** A title one letter prints for one item of one session's list. */
export interface LearnedAgendaTitle {
	readonly session: number;
	readonly list: AgendaListKind;
	readonly item: number;
	readonly title: string;
	/** The letter that prints it. */
	readonly uri: string;
	readonly fileName: string;
	/** How the letter's title was paired with the number: `single` when the letter has one item and one title. */
	readonly pairing: 'single' | AgendaTitleSource;
}

/** The list an agenda line names: `Item 30 of the provisional agenda*`, `Items … of the preliminary list`, or the agenda. */
export function agendaListKind(letter: Letter): AgendaListKind | undefined {
	const agenda = letter.agenda;
	if (!agenda) {
		return undefined;
	}
	if (!agenda.provisional) {
		return 'agenda';
	}
	return /\bpreliminary\s+list\b/i.test(letter.text.slice(agenda.range.start, agenda.range.end)) ? 'preliminary' : 'provisional';
}

/** The titles a letter teaches: those it prints under its agenda line, each with the number it was paired with. */
export function titlesTaughtBy(uri: string, fileName: string, letter: LetterSummary): LearnedAgendaTitle[] {
	const agenda = letter.agenda;
	const list = agenda?.list;
	if (!letter.isLetter || !agenda || agenda.session === undefined || !list) {
		return [];
	}
	const single = agenda.items.length === 1 && agenda.printedTitles === 1;
	const taught: LearnedAgendaTitle[] = [];
	for (const item of agenda.items) {
		if (!item.title?.printed) {
			continue;
		}
		taught.push({ session: agenda.session, list, item: item.number, title: item.title.text, uri, fileName, pairing: single ? 'single' : item.title.source });
	}
	return taught;
}

function keyOf(session: number, list: AgendaListKind, item: number): string {
	return `${session}/${list}/${item}`;
}

/** Deterministic order of two candidate titles: better pairing, then URI. */
function compareTaught(a: LearnedAgendaTitle, b: LearnedAgendaTitle): number {
	return (PAIRING_RANK[a.pairing] ?? 9) - (PAIRING_RANK[b.pairing] ?? 9) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

/** Titles learned from the letters of a workspace, per session, list and item number. */
export class LearnedAgendaTitles {
	private readonly byUri = new Map<string, LearnedAgendaTitle[]>();
	private readonly byKey = new Map<string, Map<string, LearnedAgendaTitle>>();

	/** Learns what a letter prints, replacing what it taught before. */
	set(uri: string, fileName: string, letter: LetterSummary): void {
		this.delete(uri);
		const taught = titlesTaughtBy(uri, fileName, letter);
		if (taught.length === 0) {
			return;
		}
		this.byUri.set(uri, taught);
		for (const title of taught) {
			const key = keyOf(title.session, title.list, title.item);
			let byLetter = this.byKey.get(key);
			if (!byLetter) {
				byLetter = new Map();
				this.byKey.set(key, byLetter);
			}
			byLetter.set(uri, title);
		}
	}

	/** Forgets what a letter taught. */
	delete(uri: string): void {
		for (const title of this.byUri.get(uri) ?? []) {
			const key = keyOf(title.session, title.list, title.item);
			const byLetter = this.byKey.get(key);
			byLetter?.delete(uri);
			if (byLetter?.size === 0) {
				this.byKey.delete(key);
			}
		}
		this.byUri.delete(uri);
	}

	/**
	 * The title of an item as the workspace's letters print it. When letters disagree, the title printed by more
	 * letters wins; among equals, the one paired most surely (a letter with one item and one title first), then the
	 * letter whose URI sorts first. The title returned is as that letter prints it.
	 */
	lookup(session: number, list: AgendaListKind, item: number): LearnedAgendaTitle | undefined {
		const candidates = [...(this.byKey.get(keyOf(session, list, item))?.values() ?? [])];
		if (candidates.length === 0) {
			return undefined;
		}
		const groups = new Map<string, LearnedAgendaTitle[]>();
		for (const candidate of candidates) {
			const key = normaliseTitle(candidate.title);
			groups.set(key, [...(groups.get(key) ?? []), candidate]);
		}
		const best = [...groups.values()].map((group) => group.sort(compareTaught)).sort((a, b) => b.length - a.length || compareTaught(a[0], b[0]));
		return best[0][0];
	}

	/** Every learned title, in a stable order (for tests and diagnostics of the index). */
	all(): LearnedAgendaTitle[] {
		return [...this.byKey.keys()].sort().flatMap((key) => {
			const [session, list, item] = key.split('/');
			const found = this.lookup(Number(session), list as AgendaListKind, Number(item));
			return found ? [found] : [];
		});
	}
}

/** Where the title of an agenda item of a letter comes from. */
export type ResolvedAgendaTitleSource = AgendaTitleSource | 'workspace-letter';

/** The title of one agenda item of a letter, and where it came from. */
export interface ResolvedAgendaTitle {
	readonly text: string;
	readonly source: ResolvedAgendaTitleSource;
	/** For `workspace-letter`: the letter that prints it. */
	readonly learnedFrom?: { readonly uri: string; readonly fileName: string };
}

/**
 * The title of agenda item `number` of a letter: the one its header gives (printed, or paired from the agenda data
 * by the parser); else the session's agenda data (adopted agenda only: the numbers of the provisional agenda and
 * preliminary list differ); else the title another letter of the workspace prints for the same item of the same list
 * (`workspace-letter`).
 */
export function resolveAgendaTitle(learned: LearnedAgendaTitles, data: ReferenceData, agenda: SummaryAgenda | undefined, number: number): ResolvedAgendaTitle | undefined {
	const own = agenda?.items.find((item) => item.number === number)?.title;
	if (own) {
		return { text: own.text, source: own.source };
	}
	const session = agenda?.session;
	const list = agenda?.list;
	if (session === undefined || list === undefined) {
		return undefined;
	}
	const fact = list === 'agenda' ? agendaItemTitle(data, session, number) : undefined;
	if (fact) {
		return { text: fact.title, source: 'agenda-data' };
	}
	const taught = learned.lookup(session, list, number);
	return taught && { text: taught.title, source: 'workspace-letter', learnedFrom: { uri: taught.uri, fileName: taught.fileName } };
}

/** The header's agenda items of a letter with their titles (`null` when unknown), for the catalogue and the outline. */
export function agendaItemsWithTitles(learned: LearnedAgendaTitles, data: ReferenceData, agenda: SummaryAgenda | undefined): { number: number; title: ResolvedAgendaTitle | null }[] {
	return (agenda?.items ?? []).map((item) => ({ number: item.number, title: resolveAgendaTitle(learned, data, agenda, item.number) ?? null }));
}
