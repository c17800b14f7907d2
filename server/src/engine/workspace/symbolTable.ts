/**
 * One instance of each document symbol the workspace's entries hold: the same symbol is cited by many letters, and an
 * entry made in a worker or read from the persistent index comes with its own copies. Counted, so that a symbol no
 * letter holds any more is let go.
 *
 * Entries read back from the persistent index already share their symbols (they were written shared), so a restart's
 * fill hands them over with {@link SymbolTable.adoptLater}: they are held as they are and counted later — in the
 * background ({@link SymbolTable.adoptPending}), or all at once before anything else interns, adopts or releases —
 * instead of 1.2 million lookups on the way to "ready" at 100,000 letters. The counts are then what they would have
 * been; what differs is only which of two equal instances an entry keeps when a stored entry brings a copy of a
 * symbol already held (it keeps its own, uncounted, and releasing it leaves the held one alone): equal symbols, the
 * same answers.
 */
import type { DocumentSymbolRef, SymbolPart } from '../symbols/documentSymbols';
import type { LetterSummary, SummaryCitation, SummaryReference } from './letterSummary';

function sameParts(a: readonly SymbolPart[], b: readonly SymbolPart[]): boolean {
	if (a.length !== b.length) {
		return false;
	}
	for (let i = 0; i < a.length; i++) {
		const x = a[i];
		const y = b[i];
		if (x.text !== y.text || x.series !== y.series || x.organ !== y.organ || x.session !== y.session || x.year !== y.year || x.number !== y.number
			|| x.special?.kind !== y.special?.kind || x.special?.value !== y.special?.value || (x.special === undefined) !== (y.special === undefined)
			|| x.bodies.length !== y.bodies.length || x.bodies.some((body, j) => body !== y.bodies[j])
			|| x.suffixes.length !== y.suffixes.length || x.suffixes.some((suffix, j) => suffix.kind !== y.suffixes[j].kind || suffix.number !== y.suffixes[j].number)) {
			return false;
		}
	}
	return true;
}

/** The symbols of the entries of one index. */
export class SymbolTable {
	private readonly held = new Map<string, { readonly symbol: DocumentSymbolRef; count: number }>();
	/** Entries held as they are whose symbols are not counted yet, in the order given, from {@link pendingFrom} on. */
	private pending: LetterSummary[] = [];
	private pendingFrom = 0;

	/** How many entries given to {@link adoptLater} are not counted yet. */
	get pendingCount(): number {
		return this.pending.length - this.pendingFrom;
	}

	/**
	 * Holds an entry as it is, its symbols counted later: for an entry whose symbols are already shared with the other
	 * entries (read back from the persistent index). The caller holds `summary` itself.
	 */
	adoptLater(summary: LetterSummary): void {
		if (summary.isLetter) {
			this.pending.push(summary);
		}
	}

	/**
	 * Counts the symbols of entries given to {@link adoptLater}, until `enough` says to stop (checked every 64 entries);
	 * true when none is left.
	 */
	adoptPending(enough: () => boolean = () => false): boolean {
		const { pending } = this;
		while (this.pendingFrom < pending.length) {
			const end = Math.min(pending.length, this.pendingFrom + 64);
			for (let at = this.pendingFrom; at < end; at++) {
				this.count(pending[at]);
			}
			this.pendingFrom = end;
			if (this.pendingFrom < pending.length && enough()) {
				return false;
			}
		}
		this.pending = [];
		this.pendingFrom = 0;
		return true;
	}

	/** The entry with every symbol replaced by the instance already held for it (counted once more). */
	internSummary(summary: LetterSummary): LetterSummary {
		this.adoptPending();
		if (!summary.isLetter) {
			return summary;
		}
		return {
			...summary,
			masthead: summary.masthead && { ...summary.masthead, symbol: this.intern(summary.masthead.symbol) },
			citations: summary.citations.map((citation) => {
				const symbol = this.intern(citation.symbol);
				return symbol === citation.symbol ? citation : { ...citation, symbol };
			}),
			references: summary.references.map((reference) => {
				const symbol = reference.nearbySymbol && this.intern(reference.nearbySymbol);
				return symbol === reference.nearbySymbol ? reference : { ...reference, nearbySymbol: symbol };
			}),
		};
	}

	/**
	 * The entry with every symbol replaced by the instance already held for it (counted once more), as
	 * {@link internSummary} gives it, but the entry itself (no copy) when each of its symbols already is the instance
	 * held, or becomes it: an entry read back from the persistent index, whose symbols were stored shared.
	 */
	adoptSummary(summary: LetterSummary): LetterSummary {
		this.adoptPending();
		if (!summary.isLetter) {
			return summary;
		}
		const masthead = summary.masthead && this.intern(summary.masthead.symbol);
		let citations = summary.citations;
		for (let i = 0; i < citations.length; i++) {
			const citation = citations[i];
			const symbol = this.intern(citation.symbol);
			if (symbol !== citation.symbol) {
				citations = citations === summary.citations ? [...citations] : citations;
				(citations as SummaryCitation[])[i] = { ...citation, symbol };
			}
		}
		let references = summary.references;
		for (let i = 0; i < references.length; i++) {
			const reference = references[i];
			const symbol = reference.nearbySymbol && this.intern(reference.nearbySymbol);
			if (symbol !== reference.nearbySymbol) {
				references = references === summary.references ? [...references] : references;
				(references as SummaryReference[])[i] = { ...reference, nearbySymbol: symbol };
			}
		}
		if (masthead === summary.masthead?.symbol && citations === summary.citations && references === summary.references) {
			return summary;
		}
		return { ...summary, masthead: summary.masthead && (masthead === summary.masthead.symbol ? summary.masthead : { ...summary.masthead, symbol: masthead! }), citations, references };
	}

	/** Counts the symbols of an entry made by {@link internSummary} or {@link adoptSummary} one less. */
	releaseSummary(summary: LetterSummary): void {
		this.adoptPending();
		if (summary.masthead) {
			this.release(summary.masthead.symbol);
		}
		for (const citation of summary.citations) {
			this.release(citation.symbol);
		}
		for (const reference of summary.references) {
			if (reference.nearbySymbol) {
				this.release(reference.nearbySymbol);
			}
		}
	}

	/**
	 * Counts the symbols of an entry held as it is: each the instance held once more, or held from now on; a copy of a
	 * held one (the same text and parts, another instance) is counted for the instance held, as {@link adoptSummary}
	 * would count it, so that the instance stays held while any entry holds the symbol.
	 */
	private count(summary: LetterSummary): void {
		if (summary.masthead) {
			this.countOne(summary.masthead.symbol);
		}
		const { citations, references } = summary;
		for (let i = 0; i < citations.length; i++) {
			this.countOne(citations[i].symbol);
		}
		for (let i = 0; i < references.length; i++) {
			const symbol = references[i].nearbySymbol;
			if (symbol) {
				this.countOne(symbol);
			}
		}
	}

	private countOne(symbol: DocumentSymbolRef): void {
		const held = this.held.get(symbol.text);
		if (!held) {
			this.held.set(symbol.text, { symbol, count: 1 });
		} else if (held.symbol === symbol || sameParts(held.symbol.parts, symbol.parts)) {
			held.count++;
		}
	}

	private intern(symbol: DocumentSymbolRef): DocumentSymbolRef {
		const held = this.held.get(symbol.text);
		if (!held) {
			this.held.set(symbol.text, { symbol, count: 1 });
			return symbol;
		}
		if (held.symbol === symbol || sameParts(held.symbol.parts, symbol.parts)) {
			held.count++;
			return held.symbol;
		}
		return symbol;
	}

	private release(symbol: DocumentSymbolRef): void {
		const held = this.held.get(symbol.text);
		// A copy of the instance held was counted for it (by intern or count); a symbol of other parts was not.
		if (held !== undefined && (held.symbol === symbol || sameParts(held.symbol.parts, symbol.parts)) && --held.count === 0) {
			this.held.delete(symbol.text);
		}
	}
}
