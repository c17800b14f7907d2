/** Workspace symbols: the letters of the workspace, found by symbol, title, sender or date. */
import type { LetterIndex } from '../workspace/letterIndex';
import type { CancellationSignal, TextLocation } from './context';
import { landingRange, locationIn, NEVER_CANCELLED, oneLine } from './context';

/** A letter offered by workspace symbol search. */
export interface LetterSymbol {
	/** The letter's symbol, or its file name when it has none. */
	readonly name: string;
	/** Title (sender, date) and file name. */
	readonly detail: string;
	readonly location: TextLocation;
}

/** At most this many results are returned (clients show a list, not the whole corpus). */
export const MAX_WORKSPACE_SYMBOLS = 500;

/**
 * The letters matching a query: every word of the query must appear (case-insensitively) in the letter's symbol,
 * title (sender and date included), distribution date or file name. An empty query lists letters up to the limit.
 */
export function provideWorkspaceSymbols(index: LetterIndex, query: string, token: CancellationSignal = NEVER_CANCELLED): LetterSymbol[] {
	const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
	const results: LetterSymbol[] = [];
	for (const entry of index.letters()) {
		if (token.isCancellationRequested || results.length >= MAX_WORKSPACE_SYMBOLS) {
			break;
		}
		const letter = entry.letter;
		const symbol = index.identity(entry.uri)?.symbol.text;
		const title = letter.title ? oneLine(letter.text.slice(letter.title.range.start, letter.title.range.end)) : '';
		const distributed = letter.distribution?.date?.raw ?? '';
		const haystack = `${symbol ?? ''} ${title} ${distributed} ${entry.fileName}`.toLowerCase();
		if (words.every((word) => haystack.includes(word))) {
			results.push({
				name: symbol ?? entry.fileName,
				detail: [title, distributed && `distributed ${oneLine(distributed)}`, entry.fileName].filter((part) => part !== '').join(' · '),
				location: locationIn(entry, landingRange(entry)),
			});
		}
	}
	return results;
}
