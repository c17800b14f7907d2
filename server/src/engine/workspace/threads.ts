/**
 * Correspondence threads: which letter answers which, from the links between workspace letters (`further to my
 * letter dated …`, `in reply to the letter dated … from …`, cited symbols). A letter's thread, the exchanges between
 * two States, the letters under one agenda item, and the whole citation graph, each in date order.
 */
import type { LetterRecord } from './catalogue';
import { catalogueRecord } from './catalogue';
import { sameSender } from './identity';
import type { LetterIndex } from './letterIndex';
import type { LetterLink, LinkKind } from './letterLinks';
import { byLetterDate, incomingLinks, outgoingLinks } from './letterLinks';

/** A letter of a thread, with how it is linked to the letter the thread is about. */
export interface ThreadLetter {
	readonly record: LetterRecord;
	readonly kind: LinkKind;
}

/** The thread of one letter. */
export interface CorrespondenceThread {
	readonly letter: LetterRecord;
	/** The earlier letters it answers, cites or refers to, in date order. */
	readonly answers: readonly ThreadLetter[];
	/** The letters that answer, cite or refer to it, in date order. */
	readonly answeredBy: readonly ThreadLetter[];
	/** Every letter reached from it through links either way (itself included), in date order, at most {@link MAX_THREAD_LETTERS}. */
	readonly exchange: readonly LetterRecord[];
	/** True when the exchange was cut at {@link MAX_THREAD_LETTERS}. */
	readonly truncated: boolean;
}

/** The most letters a thread's exchange lists. */
export const MAX_THREAD_LETTERS = 200;

function records(index: LetterIndex, uris: Iterable<string>): LetterRecord[] {
	return [...uris].sort(byLetterDate(index)).flatMap((uri) => catalogueRecord(index, uri) ?? []);
}

function threadLetters(index: LetterIndex, links: readonly LetterLink[], end: 'from' | 'to'): ThreadLetter[] {
	const kinds = new Map(links.map((link) => [link[end], link.kind]));
	return records(index, kinds.keys()).map((record) => ({ record, kind: kinds.get(record.uri) ?? 'cites' }));
}

/** The thread of a workspace letter; undefined for a file that is not a letter. */
export function correspondenceThread(index: LetterIndex, uri: string): CorrespondenceThread | undefined {
	const letter = catalogueRecord(index, uri);
	if (!letter) {
		return undefined;
	}
	const reached = new Set<string>([uri]);
	const queue = [uri];
	let truncated = false;
	while (queue.length > 0 && !truncated) {
		const next = queue.shift()!;
		for (const link of [...outgoingLinks(index, next), ...incomingLinks(index, next)]) {
			const other = link.from === next ? link.to : link.from;
			if (reached.has(other)) {
				continue;
			}
			if (reached.size >= MAX_THREAD_LETTERS) {
				truncated = true;
				break;
			}
			reached.add(other);
			queue.push(other);
		}
	}
	return {
		letter,
		answers: threadLetters(index, outgoingLinks(index, uri), 'to'),
		answeredBy: threadLetters(index, incomingLinks(index, uri), 'from'),
		exchange: records(index, reached),
		truncated,
	};
}

/** A link of an exchange, between two catalogued letters. */
export interface ExchangeLink {
	readonly from: LetterRecord;
	readonly to: LetterRecord;
	readonly kind: LinkKind;
}

/**
 * The exchanges between two senders: every link from a letter of one to a letter of the other, in the date order of
 * the letter that makes it (`Armenia` answering `Azerbaijan`, and back).
 */
export function exchangesBetween(index: LetterIndex, senderA: string, senderB: string): ExchangeLink[] {
	const senderOf = (uri: string) => {
		const entry = index.get(uri);
		return entry ? entry.summary.facts.sender : null;
	};
	const links: ExchangeLink[] = [];
	const fromEither = index.letters().filter((entry) => sameSender(entry.summary.facts.sender, senderA) || sameSender(entry.summary.facts.sender, senderB));
	for (const uri of fromEither.map((entry) => entry.uri).sort(byLetterDate(index))) {
		const mine = senderOf(uri);
		const other = sameSender(mine, senderA) ? senderB : senderA;
		for (const link of outgoingLinks(index, uri)) {
			if (sameSender(senderOf(link.to), other)) {
				const from = catalogueRecord(index, uri);
				const to = catalogueRecord(index, link.to);
				if (from && to) {
					links.push({ from, to, kind: link.kind });
				}
			}
		}
	}
	return links;
}

/** The letters whose header lists an agenda item of a GA session, in date order. */
export function lettersUnderAgendaItem(index: LetterIndex, session: number, item: number): LetterRecord[] {
	const uris = index.letters().filter((entry) => {
		const facts = entry.summary.facts;
		const inSession = facts.organs.some((organ) => organ.organ === 'GA' && 'session' in organ && organ.session === session) || entry.summary.agenda?.session === session;
		return inSession && facts.agendaItems.some((agendaItem) => agendaItem.number === item);
	}).map((entry) => entry.uri);
	return records(index, uris);
}
