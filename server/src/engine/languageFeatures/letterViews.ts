/**
 * The folder-wide views as data: the Letters view's rows (the `letters` catalogue, lists of cited symbols counted),
 * a letter's correspondence thread, the exchanges between two senders, the letters under one agenda item. Every
 * letter is named as people name it (`letterName`) and carries where to land in it, so a client only maps these.
 */
import type { AgendaItemFact, OrganFact } from '../letter/letterFacts';
import type { LetterKind } from '../letter/model';
import type { LetterRecord } from '../workspace/catalogue';
import { catalogue, catalogueRecord, letterName, usualSenderNames } from '../workspace/catalogue';
import type { IdentitySource } from '../workspace/identity';
import type { LetterIndex } from '../workspace/letterIndex';
import type { LinkKind } from '../workspace/letterLinks';
import { correspondenceThread, exchangesBetween, lettersUnderAgendaItem } from '../workspace/threads';
import { textRangeOf } from '../text/placedRange';
import type { TextRange } from './context';
import { landingRange } from './context';

/** A workspace letter as the views name it, with where to open it. */
export interface LetterRef {
	readonly uri: string;
	readonly fileName: string;
	/** `A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020` (the file name when nothing is known). */
	readonly name: string;
	readonly symbol: string | null;
	readonly identity: IdentitySource | null;
	readonly sender: string | null;
	/** The title date (ISO), else the distribution date, else null. */
	readonly date: string | null;
	/** Its masthead, else its title, else its start. */
	readonly range: TextRange;
}

/** One row of the Letters view: the catalogue record, cited symbols and citing letters counted. */
export interface LetterRowView extends LetterRef {
	readonly kind: LetterKind;
	readonly distributed: string | null;
	readonly dated: string | null;
	readonly addressees: readonly string[];
	readonly organs: readonly OrganFact[];
	readonly agendaItems: readonly AgendaItemFact[];
	/** How many symbols the letter cites. */
	readonly cites: number;
	/** How many workspace letters cite it. */
	readonly citedBy: number;
	/** The sender as the folder usually spells it (`Azerbaijan` for a `Republic of Azerbaijan`): what views group by. */
	readonly senderGroup: string | null;
}

/** A letter of a thread or timeline, with how the link runs. */
export interface LinkedLetterView {
	readonly letter: LetterRef;
	readonly kind: LinkKind;
}

/** The thread of one letter: what it answers and what answers it, each in date order. */
export interface ThreadView {
	readonly letter: LetterRef;
	readonly answers: readonly LinkedLetterView[];
	readonly answeredBy: readonly LinkedLetterView[];
	/** Every letter reached through links either way (the letter itself included), in date order. */
	readonly exchange: readonly LetterRef[];
	readonly truncated: boolean;
}

/** One link of the exchanges between two senders: `from` answers, cites or refers to `to`. */
export interface ExchangeLinkView {
	readonly from: LetterRef;
	readonly to: LetterRef;
	readonly kind: LinkKind;
}

/** The reference to a catalogued letter. */
export function letterRef(index: LetterIndex, record: LetterRecord): LetterRef {
	const entry = index.get(record.uri);
	return {
		uri: record.uri, fileName: record.fileName, name: letterName(record),
		symbol: record.symbol, identity: record.identity, sender: record.sender,
		date: record.dated ?? record.distributed,
		range: entry ? textRangeOf(landingRange(entry)) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
	};
}

/** The Letters view's rows: every letter of the workspace, in URI order (the view sorts and groups). */
export function provideLetterRows(index: LetterIndex): LetterRowView[] {
	const records = catalogue(index);
	const usual = usualSenderNames(records.map((record) => record.sender));
	return records.map((record) => ({
		...letterRef(index, record),
		kind: record.kind, distributed: record.distributed, dated: record.dated,
		addressees: record.addressees, organs: record.organs, agendaItems: record.agendaItems,
		cites: record.cites.length, citedBy: record.citedBy.length,
		senderGroup: record.sender === null ? null : usual.get(record.sender) ?? record.sender,
	}));
}

/** The thread of a workspace letter; undefined for a file that is not a letter. */
export function provideThreadView(index: LetterIndex, uri: string): ThreadView | undefined {
	const thread = correspondenceThread(index, uri);
	if (!thread) {
		return undefined;
	}
	const linked = (entry: { record: LetterRecord; kind: LinkKind }): LinkedLetterView => ({ letter: letterRef(index, entry.record), kind: entry.kind });
	return {
		letter: letterRef(index, thread.letter),
		answers: thread.answers.map(linked),
		answeredBy: thread.answeredBy.map(linked),
		exchange: thread.exchange.map((record) => letterRef(index, record)),
		truncated: thread.truncated,
	};
}

/** The exchanges between two senders, in the date order of the letter that makes each link. */
export function provideExchangesView(index: LetterIndex, senderA: string, senderB: string): ExchangeLinkView[] {
	return exchangesBetween(index, senderA, senderB).map((link) => ({ from: letterRef(index, link.from), to: letterRef(index, link.to), kind: link.kind }));
}

/** The letters under one agenda item of a GA session, in date order. */
export function provideAgendaItemLetters(index: LetterIndex, session: number, item: number): LetterRef[] {
	return lettersUnderAgendaItem(index, session, item).map((record) => letterRef(index, record));
}

/** The reference to one workspace letter; undefined for a file that is not a letter. */
export function provideLetterRef(index: LetterIndex, uri: string): LetterRef | undefined {
	const record = catalogueRecord(index, uri);
	return record && letterRef(index, record);
}
