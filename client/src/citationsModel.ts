/**
 * The Citations view as data: a letter's citations grouped by cited symbol (a symbol cited three times is one
 * entry), and the words shown for each. Pure: no `vscode` import; the view maps these to tree items.
 */
import type { CitationStatus, OutgoingCitation } from '../../server/src/protocol';
import { humanDate } from './letters/lettersModel';

/** Every citation of one symbol in the letter. */
export interface CitedSymbol {
	readonly symbol: string;
	/** The best status among the occurrences (they normally agree). */
	readonly status: CitationStatus;
	/** The first date given with the symbol, ISO. */
	readonly citedDate?: string;
	/** The occurrences, in text order (the first one gives targets and links). */
	readonly occurrences: readonly OutgoingCitation[];
}

const STATUS_RANK: Readonly<Record<CitationStatus, number>> = { resolved: 0, inferred: 1, unresolved: 2 };

/** Groups citations by symbol, keeping the order of first appearance. */
export function groupCitationsBySymbol(cites: readonly OutgoingCitation[]): CitedSymbol[] {
	const groups = new Map<string, OutgoingCitation[]>();
	for (const citation of cites) {
		const group = groups.get(citation.symbol);
		if (group) {
			group.push(citation);
		} else {
			groups.set(citation.symbol, [citation]);
		}
	}
	return [...groups.entries()].map(([symbol, occurrences]) => {
		const status = occurrences.map((occurrence) => occurrence.status).sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b])[0];
		const citedDate = occurrences.find((occurrence) => occurrence.citedDate !== undefined)?.citedDate;
		return { symbol, status, ...(citedDate === undefined ? {} : { citedDate }), occurrences };
	});
}

/** What a status means, in words for a tooltip. */
export function describeCitationStatus(status: CitationStatus): string {
	switch (status) {
		case 'resolved':
			return 'a letter in the workspace';
		case 'inferred':
			return 'inferred: a workspace letter with that distribution date and session, not confirmed by its masthead, sidecar or file name';
		case 'unresolved':
			return 'not in the workspace';
	}
}

/**
 * The description of a cited symbol in the tree: the workspace letter it is (named as people name it), or for a
 * symbol not in the folder the date it is cited with; `inferred` when the letter is only inferred to be it; and, when
 * cited more than once, how often.
 */
export function citedSymbolDescription(cited: CitedSymbol): string {
	const targets = cited.occurrences[0].targets;
	const found = targets.length === 1 ? `→ ${targets[0].name}` : targets.length > 1 ? `→ ${targets.length} letters` : undefined;
	const parts = [
		found ?? (cited.citedDate === undefined ? undefined : `dated ${humanDate(cited.citedDate)}`),
		cited.status === 'inferred' ? 'inferred' : undefined,
		cited.occurrences.length > 1 ? `×${cited.occurrences.length}` : undefined,
	];
	return parts.filter((part): part is string => part !== undefined).join(' · ');
}
