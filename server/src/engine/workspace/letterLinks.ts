/**
 * Who answers whom in the folder: the links from a letter to the workspace letters it cites by symbol or refers to
 * (`further to my letter dated …`, `in reply to the letter dated … from the Permanent Representative of X`), and the
 * links into it. The call hierarchy, the Thread view, the timelines and the citation graph are all drawn from these.
 */
import { compareDates, fromIsoDate, toIsoDate } from '../calendar/dates';
import type { LetterReference } from '../letter/model';
import type { PlacedRange } from '../text/placedRange';
import { referencedSender, sameSender } from './identity';
import type { IndexedLetter, LetterIndex } from './letterIndex';
import type { SummaryReference } from './letterSummary';

/**
 * How one letter points at another, most specific first: `further-to` (the writer's own earlier letter), `refers-to`
 * (another sender's letter, named by date and sender), `cites` (its document symbol).
 */
export type LinkKind = 'further-to' | 'refers-to' | 'cites';

/** A link from one workspace letter to another, with the ranges (in `from`) of every citation or reference making it. */
export interface LetterLink {
	readonly from: string;
	readonly to: string;
	readonly kind: LinkKind;
	readonly ranges: readonly PlacedRange[];
}

/** What finding the letter a reference names reads of it: its date and who it is from. */
export type ReferenceTarget = Pick<SummaryReference, 'date' | 'own' | 'senderCountry' | 'senderText'>;

/** The target of a reference of a full model (the element under the cursor). */
export function referenceTarget(reference: LetterReference): ReferenceTarget {
	return { date: reference.date?.date && toIsoDate(reference.date.date), own: reference.own, senderCountry: reference.sender?.country, senderText: reference.sender?.text };
}

const KIND_ORDER: Readonly<Record<LinkKind, number>> = { 'further-to': 0, 'refers-to': 1, cites: 2 };

/** The workspace letters a letter reference points at: same letter date, and the same sender (the writer's own for `my letter`). */
export function resolveLetterReference(self: IndexedLetter, reference: ReferenceTarget, index: LetterIndex): IndexedLetter[] {
	const date = reference.date;
	if (date === undefined) {
		return [];
	}
	const sender = referencedSender(self.summary, reference);
	return index.lettersWrittenOn(date).filter((entry) => entry.uri !== self.uri && (sender === undefined || sameSender(entry.summary.facts.sender, sender)));
}

/** The letters a reference points at: by the symbol given with it when there is one, else by date and sender. */
function referenceTargets(index: LetterIndex, self: IndexedLetter, reference: SummaryReference): IndexedLetter[] {
	return reference.nearbySymbol ? index.resolve(reference.nearbySymbol) : resolveLetterReference(self, reference, index);
}

/** Every link from a workspace letter to the other workspace letters, one per target (its most specific kind), in URI order. */
export function outgoingLinks(index: LetterIndex, uri: string): LetterLink[] {
	const self = index.get(uri);
	if (!self?.summary.isLetter) {
		return [];
	}
	const links = new Map<string, { kind: LinkKind; ranges: PlacedRange[] }>();
	const add = (to: string, kind: LinkKind, range: PlacedRange) => {
		if (to === uri) {
			return;
		}
		const link = links.get(to);
		if (!link) {
			links.set(to, { kind, ranges: [range] });
			return;
		}
		link.ranges.push(range);
		if (KIND_ORDER[kind] < KIND_ORDER[link.kind]) {
			link.kind = kind;
		}
	};
	for (const citation of self.summary.citations) {
		for (const target of index.resolve(citation.symbol)) {
			add(target.uri, 'cites', citation.range);
		}
	}
	for (const reference of self.summary.references) {
		if (!reference.unCorrespondence) {
			continue;
		}
		for (const target of referenceTargets(index, self, reference)) {
			add(target.uri, reference.own ? 'further-to' : 'refers-to', reference.range);
		}
	}
	return [...links.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([to, link]) => ({ from: uri, to, kind: link.kind, ranges: link.ranges.sort((a, b) => a.start - b.start) }));
}

/** Every link into a workspace letter from the other workspace letters (citations of its identity, references to its date and sender), in URI order. */
export function incomingLinks(index: LetterIndex, uri: string): LetterLink[] {
	const self = index.get(uri);
	if (!self?.summary.isLetter) {
		return [];
	}
	const candidates = new Set(index.citerUrisOf(uri));
	const written = self.summary.titleDate;
	if (written) {
		for (const { uri: citer } of index.referencesDated(written)) {
			candidates.add(citer);
		}
	}
	candidates.delete(uri);
	return [...candidates].sort().flatMap((from) => outgoingLinks(index, from).filter((link) => link.to === uri));
}

/** A letter's place in time: its title date, else its distribution date. */
export function letterDate(entry: IndexedLetter): { readonly year: number; readonly month: number; readonly day: number } | undefined {
	return entry.summary.timelineDate === undefined ? undefined : fromIsoDate(entry.summary.timelineDate);
}

/** Orders workspace letters by date (undated ones last), then by URI. */
export function byLetterDate(index: LetterIndex): (a: string, b: string) => number {
	return (a, b) => {
		const dateA = index.get(a) && letterDate(index.get(a)!);
		const dateB = index.get(b) && letterDate(index.get(b)!);
		if (dateA && dateB) {
			const order = compareDates(dateA, dateB);
			if (order !== 0) {
				return order;
			}
		} else if (dateA || dateB) {
			return dateA ? -1 : 1;
		}
		return a < b ? -1 : a > b ? 1 : 0;
	};
}
