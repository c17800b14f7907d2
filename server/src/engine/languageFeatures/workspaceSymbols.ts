/** Workspace symbols: every letter of the workspace, named as people name it and found by symbol, sender or date. */
import { formatDate, fromIsoDate } from '../calendar/dates';
import type { LetterRecord } from '../workspace/catalogue';
import { catalogueRecord, letterName } from '../workspace/catalogue';
import type { LetterIndex } from '../workspace/letterIndex';
import type { CancellationSignal, TextLocation } from './context';
import { landingRange, locationIn, NEVER_CANCELLED } from './context';

/** A letter offered by workspace symbol search. */
export interface LetterSymbol {
	/** The letter as people name it: `A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020` (the file name when nothing is known). */
	readonly name: string;
	/** Kind, addressees, distribution date and file name. */
	readonly detail: string;
	readonly location: TextLocation;
}

/** At most this many results are returned (clients show a list, not the whole corpus). */
export const MAX_WORKSPACE_SYMBOLS = 500;

/**
 * The letters matching a query: every word of the query must appear (case-insensitively) in the letter's name
 * (symbol, sender, title date), kind, addressees, distribution date or file name. An empty query lists letters up to
 * the limit. Names carry symbol, sender and date, so a client that filters results by name again still finds them.
 */
export function provideWorkspaceSymbols(index: LetterIndex, query: string, token: CancellationSignal = NEVER_CANCELLED): LetterSymbol[] {
	const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
	const results: LetterSymbol[] = [];
	for (const entry of index.letters()) {
		if (token.isCancellationRequested || results.length >= MAX_WORKSPACE_SYMBOLS) {
			break;
		}
		const record = catalogueRecord(index, entry.uri);
		if (!record) {
			continue;
		}
		const name = letterName(record);
		const detail = detailOf(record);
		const haystack = `${name} ${detail} ${record.symbol ?? ''}`.toLowerCase();
		if (words.every((word) => haystack.includes(word))) {
			results.push({ name, detail, location: locationIn(entry, landingRange(entry)) });
		}
	}
	return results;
}

function detailOf(record: LetterRecord): string {
	const distributed = record.distributed ? fromIsoDate(record.distributed) : undefined;
	const kind = record.kind === 'note-verbale' ? 'Note verbale' : record.kind === 'identical-letters' ? 'Identical letters' : 'Letter';
	return [
		`${kind}${record.addressees.length > 0 ? ` to the ${record.addressees.join(' and the ')}` : ''}`,
		distributed ? `distributed ${formatDate(distributed)}` : '',
		record.fileName,
	].filter((part) => part !== '').join(' · ');
}
