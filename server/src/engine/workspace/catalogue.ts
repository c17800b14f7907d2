/**
 * The catalogue of the workspace's letters (SPEC "Command line", `letters`): for each letter, who it is in the folder
 * and what a documents officer reads off it. One record feeds the command line, hover, outline and workspace symbols,
 * so the editor and the command line say the same thing.
 */
import { formatDate, fromIsoDate } from '../calendar/dates';
import type { LetterFacts } from '../letter/letterFacts';
import { collapse } from '../letter/header';
import type { IdentitySource } from './identity';
import { stateKey } from './identity';
import type { LetterIndex } from './letterIndex';

/** One letter of the catalogue. Agenda items carry the title the letter gives, else one learned from another letter of the folder (`null` when unknown). `citedBy` holds the host's identifiers (URIs or paths) of the citing letters, sorted. */
export interface LetterRecord extends LetterFacts {
	readonly uri: string;
	readonly fileName: string;
	/** The letter's document symbol in the workspace, or null when it has none. */
	readonly symbol: string | null;
	/** Where the symbol came from, or null. */
	readonly identity: IdentitySource | null;
	readonly citedBy: readonly string[];
}

/** The catalogue record of a workspace letter; undefined for a file that is not held or not a letter. */
export function catalogueRecord(index: LetterIndex, uri: string): LetterRecord | undefined {
	const entry = index.get(uri);
	if (!entry?.summary.isLetter) {
		return undefined;
	}
	const identity = index.identity(uri);
	const citedBy = index.citerUrisOf(uri);
	return {
		uri, fileName: entry.fileName,
		symbol: identity?.symbol.text ?? null,
		identity: identity?.source ?? null,
		...entry.summary.facts,
		agendaItems: index.agendaItemsOf(uri).map((item) => ({ number: item.number, title: item.title ? collapse(item.title.text) : null })),
		citedBy,
	};
}

/** Every letter of the workspace, in the order of their identifiers (URIs or paths). */
export function catalogue(index: LetterIndex): LetterRecord[] {
	return index.letters()
		.map((entry) => entry.uri)
		.sort()
		.flatMap((uri) => catalogueRecord(index, uri) ?? []);
}

/**
 * How people name a letter: `A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020`, with what is known of symbol,
 * sender and date; the file name when none of them is.
 */
export function letterName(record: Pick<LetterRecord, 'symbol' | 'sender' | 'dated' | 'distributed' | 'fileName'>): string {
	const iso = record.dated ?? record.distributed;
	const date = iso ? fromIsoDate(iso) : undefined;
	const parts = [record.symbol, record.sender, date ? formatDate(date) : null].filter((part): part is string => part !== null && part !== '');
	return parts.length > 0 ? parts.join(' · ') : record.fileName;
}

/**
 * The name the folder uses for each sender: spellings of one State (`Republic of Azerbaijan`, `Azerbaijan`; see
 * `sameSender`) map to the spelling most of its letters use (the shorter one on a tie), so that views group and
 * colour them as one.
 */
export function usualSenderNames(senders: Iterable<string | null>): Map<string, string> {
	const spellings = new Map<string, Map<string, number>>();
	for (const sender of senders) {
		if (sender === null) {
			continue;
		}
		const key = stateKey(sender);
		const counts = spellings.get(key) ?? new Map<string, number>();
		counts.set(sender, (counts.get(sender) ?? 0) + 1);
		spellings.set(key, counts);
	}
	const usual = new Map<string, string>();
	for (const counts of spellings.values()) {
		const [best] = [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.length - b.length || a.localeCompare(b));
		for (const spelling of counts.keys()) {
			usual.set(spelling, best[0]);
		}
	}
	return usual;
}

/** Who a workspace letter is, for an export of its annotations (symbol, sender, title date); undefined for a non-letter. */
export function exportIdentityOf(index: LetterIndex, uri: string): { readonly symbol: string | null; readonly sender: string | null; readonly dated: string | null } | undefined {
	const record = catalogueRecord(index, uri);
	return record && { symbol: record.symbol, sender: record.sender, dated: record.dated };
}
