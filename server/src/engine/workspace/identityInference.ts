/**
 * Identities inferred from other letters (SPEC "Identity of a letter"), kept up to date incrementally. An inferred
 * identity depends only on the letters of two dates — the letter's distribution date (citations dated that day, and
 * the other letters distributed that day) and its title date (references to letters of that date, and the other
 * letters written that day by the same sender) — and on which symbols some letter carries itself. So the tables are
 * keyed by date (and the competitors counted by what inference reads of their header and sender), and a change marks
 * stale only the identities of the letters on the dates it touches; each is computed again when it is asked, or when a
 * lookup needs every inferred identity. The work of a change is that of its dates, never the whole workspace.
 */
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import type { HeaderFacts, LetterIdentity } from './identity';
import { headerAllowsSymbol, headerConsistentWithSymbol, referencedSender, sameSender, stateKey } from './identity';
import type { IndexedLetter } from './letterIndex';
import { datedReferences } from './letterIndex';
import type { LetterSummary } from './letterSummary';
import { addTo, GroupedCounts, removeFrom } from './multiMap';
import { enterPendingLetters } from './pendingLetters';

/** What the inference reads of the index. */
export interface InferenceHost {
	entry(uri: string): IndexedLetter | undefined;
	/** True when some letter carries a symbol with this part itself (masthead, sidecar, file name). */
	hasDirectPart(part: string): boolean;
	/** The letters inferred to carry a symbol with this part changed. */
	partChanged(part: string): void;
	/** The inferred identity of this letter changed (it got one, lost it, or got another). */
	identityChanged(uri: string): void;
}

/** An inferred identity as it is kept: the citation or reference it comes from by its place in the citer's entry. */
interface Inferred {
	readonly symbol: DocumentSymbolRef;
	readonly citer: string;
	readonly item: number;
	readonly date: string;
	readonly by: 'distribution-date' | 'title-date-and-sender';
}

function headerKey(header: HeaderFacts): string {
	return `${header.headerSession ?? ''}|${header.headerYear ?? ''}|${header.datedHeader ? 1 : 0}`;
}

function headerOf(summary: LetterSummary): HeaderFacts {
	return { headerSession: summary.headerSession, headerYear: summary.headerYear, datedHeader: summary.datedHeader };
}

/** True when `outer` names every part of `inner` and more (`A/75/660-S/2020/1267` covers `S/2020/1267`). */
function covers(outer: DocumentSymbolRef, inner: DocumentSymbolRef): boolean {
	return outer.parts.length > inner.parts.length && inner.parts.every((part) => outer.parts.some((other) => other.text === part.text));
}

/** Inferred identities of the letters of one index. */
export class IdentityInference {
	private readonly distributedOn = new Map<string, Set<string>>();
	private readonly writtenOn = new Map<string, Set<string>>();
	/** Letters citing a symbol with the date given, by that date. */
	private readonly citersOn = new Map<string, Set<string>>();
	/** Letters referring to a UN letter of a date, by that date. */
	private readonly referrersOn = new Map<string, Set<string>>();
	/** The letters of `citersOn` and of `referrersOn` of a date in URI order, made when asked. */
	private readonly sortedCiters = new Map<string, string[]>();
	private readonly sortedReferrers = new Map<string, string[]>();
	/** Letters without an identity of their own distributed on a date, counted by header. */
	private readonly undirectedHeaders = new GroupedCounts<string, string, HeaderFacts>();
	/** Letters without an identity of their own written on a date, counted by sender and header. */
	private readonly undirectedWriters = new GroupedCounts<string, string, { readonly sender: string; readonly header: HeaderFacts }>();
	/** For each symbol part, the dates symbols with it are cited with (distribution dates of the letter cited). */
	private readonly citedDatesByPart = new GroupedCounts<string, string, true>();
	/** For each symbol part, the dates of the references symbols with it are given with (title dates of the letter referred to). */
	private readonly referredDatesByPart = new GroupedCounts<string, string, true>();
	private readonly computed = new Map<string, Inferred | null>();
	/** Letters whose inferred identity a change made stale, one by one. */
	private readonly stale = new Set<string>();
	/**
	 * Dates whose letters distributed (or written) that day are all stale: a change marks its dates, not each of their
	 * letters, so that its work does not grow with the letters of a day; a date's letters are marked one by one
	 * ({@link expand}) only when one of them is computed again.
	 */
	private readonly staleDistributed = new Set<string>();
	private readonly staleWritten = new Set<string>();
	private readonly inferredByPart = new Map<string, Set<string>>();
	/**
	 * Letters added in bulk ({@link added} with `defer`) that have not entered the tables yet: they enter them before
	 * anything reads the tables ({@link enterPending}), all at once or, in the background, a few at a time
	 * ({@link refreshSome}). Until then no identity can have been computed from them, so entering them later marks
	 * stale what entering them at once would have.
	 */
	private readonly pending = new Set<string>();

	constructor(private readonly host: InferenceHost) {}

	/** The letters whose title carries a date. */
	lettersWrittenOn(iso: string): ReadonlySet<string> {
		this.enterPending(() => false);
		return this.writtenOn.get(iso) ?? new Set();
	}

	/** The letters referring to a UN letter of a date. */
	referrersOf(iso: string): ReadonlySet<string> {
		this.enterPending(() => false);
		return this.referrersOn.get(iso) ?? new Set();
	}

	/**
	 * A letter was added to the index: it enters the tables, and the identities it can change are marked stale; with
	 * `defer` (a bulk fill) it enters them when they are next read.
	 */
	added(entry: IndexedLetter, defer = false): void {
		if (defer) {
			this.pending.add(entry.uri);
			this.stale.add(entry.uri);
			return;
		}
		this.enter(entry);
	}

	/** Enters the letters added in bulk in the tables, until `enough()` says to stop; true when none is left. */
	private enterPending(enough: () => boolean): boolean {
		return enterPendingLetters(this.pending, (uri) => this.host.entry(uri), (entry) => this.enter(entry), enough);
	}

	/** A letter enters the tables, and the identities it can change are marked stale. */
	private enter(entry: IndexedLetter): void {
		const { uri, summary } = entry;
		const undirected = entry.directIdentity === undefined;
		for (const citation of summary.citations) {
			if (citation.date !== undefined) {
				this.enterDate(this.citersOn, this.sortedCiters, citation.date, uri);
				for (const part of citation.symbol.parts) {
					this.citedDatesByPart.add(part.text, citation.date, true);
				}
			}
		}
		for (const reference of datedReferences(summary)) {
			this.enterDate(this.referrersOn, this.sortedReferrers, reference.date, uri);
			for (const part of reference.nearbySymbol?.parts ?? []) {
				this.referredDatesByPart.add(part.text, reference.date, true);
			}
		}
		if (summary.distribution) {
			addTo(this.distributedOn, summary.distribution.date, uri);
			if (undirected) {
				this.undirectedHeaders.add(summary.distribution.date, headerKey(summary), headerOf(summary));
			}
		}
		if (summary.titleDate !== undefined) {
			addTo(this.writtenOn, summary.titleDate, uri);
			const sender = summary.facts.sender;
			if (undirected && sender !== null) {
				this.undirectedWriters.add(summary.titleDate, `${stateKey(sender)}|${headerKey(summary)}`, { sender: stateKey(sender), header: headerOf(summary) });
			}
		}
		// Only an identity already computed can be made stale: while none is (an empty index filled in bulk, before any
		// lookup), there is nothing to mark but the letter itself.
		if (this.computed.size > 0) {
			this.markAffected(entry);
		}
		this.stale.add(uri);
	}

	/** A letter is leaving the index (to be forgotten, or replaced): the identities it could change are marked stale. */
	removed(entry: IndexedLetter): void {
		const { uri, summary } = entry;
		// A letter that never entered the tables changed no identity: nothing read them since it was added.
		if (this.pending.delete(uri)) {
			return;
		}
		this.markAffected(entry);
		const undirected = entry.directIdentity === undefined;
		for (const citation of summary.citations) {
			if (citation.date !== undefined) {
				this.leave(this.citersOn, this.sortedCiters, citation.date, uri);
				for (const part of citation.symbol.parts) {
					this.citedDatesByPart.remove(part.text, citation.date);
				}
			}
		}
		for (const reference of datedReferences(summary)) {
			this.leave(this.referrersOn, this.sortedReferrers, reference.date, uri);
			for (const part of reference.nearbySymbol?.parts ?? []) {
				this.referredDatesByPart.remove(part.text, reference.date);
			}
		}
		if (summary.distribution) {
			removeFrom(this.distributedOn, summary.distribution.date, uri);
			if (undirected) {
				this.undirectedHeaders.remove(summary.distribution.date, headerKey(summary));
			}
		}
		if (summary.titleDate !== undefined) {
			removeFrom(this.writtenOn, summary.titleDate, uri);
			const sender = summary.facts.sender;
			if (undirected && sender !== null) {
				this.undirectedWriters.remove(summary.titleDate, `${stateKey(sender)}|${headerKey(summary)}`);
			}
		}
	}

	/** A letter was deleted: its identity goes. */
	forget(uri: string): void {
		this.stale.delete(uri);
		this.setInferred(uri, null);
		this.computed.delete(uri);
	}

	/** The inferred identity of a letter without one of its own. */
	identity(entry: IndexedLetter): LetterIdentity | undefined {
		this.enterPending(() => false);
		if (this.isStale(entry) || !this.computed.has(entry.uri)) {
			this.recompute(entry);
		}
		const inferred = this.computed.get(entry.uri);
		if (!inferred) {
			return undefined;
		}
		const citer = this.host.entry(inferred.citer)?.summary;
		const item = inferred.by === 'distribution-date' ? citer?.citations[inferred.item] : citer?.references[inferred.item];
		if (!item) {
			return undefined;
		}
		return { symbol: inferred.symbol, source: 'inferred', inferredFrom: { uri: inferred.citer, range: item.range, date: inferred.date, by: inferred.by } };
	}

	/**
	 * Computes again the stale identities that could have a part — those held with it now, and those of the letters
	 * distributed or written on a date a symbol with it is cited or given with — and no other: a letter is inferred only
	 * from the citations dated with its distribution date and the references dated with its title date, so no other
	 * stale letter can come to carry the part. The work of one lookup is that of the part's dates, never the workspace's.
	 */
	refreshPart(part: string): void {
		this.enterPending(() => false);
		if (!this.anyStale()) {
			return;
		}
		const candidates = new Set(this.inferredByPart.get(part));
		for (const [iso] of this.citedDatesByPart.in(part)) {
			this.distributedOn.get(iso)?.forEach((uri) => candidates.add(uri));
		}
		for (const [iso] of this.referredDatesByPart.in(part)) {
			this.writtenOn.get(iso)?.forEach((uri) => candidates.add(uri));
		}
		for (const uri of candidates) {
			const entry = this.host.entry(uri);
			if (!entry) {
				this.stale.delete(uri);
			} else if (this.isStale(entry)) {
				this.recompute(entry);
			}
		}
	}

	/** Computes stale identities until `enough()` says to stop (checked after each); true when none is left stale. */
	refreshSome(enough: () => boolean): boolean {
		if (!this.enterPending(enough)) {
			return false;
		}
		for (const iso of this.staleDistributed) {
			this.expand(this.staleDistributed, this.distributedOn, iso);
		}
		for (const iso of this.staleWritten) {
			this.expand(this.staleWritten, this.writtenOn, iso);
		}
		for (const uri of this.stale) {
			const entry = this.host.entry(uri);
			if (entry) {
				this.recompute(entry);
			} else {
				this.stale.delete(uri);
			}
			if (enough()) {
				return this.stale.size === 0;
			}
		}
		return true;
	}

	/** The letters whose inferred identity has a part (the stale identities that could have it computed first). */
	inferredWithPart(part: string): ReadonlySet<string> {
		this.refreshPart(part);
		return this.inferredByPart.get(part) ?? new Set();
	}

	/** The parts of the identity inferred for a letter when last computed (stale or not), without computing it. */
	heldParts(uri: string): readonly string[] {
		return this.computed.get(uri)?.symbol.parts.map((part) => part.text) ?? [];
	}

	private enterDate(table: Map<string, Set<string>>, sortedCache: Map<string, string[]>, iso: string, uri: string): void {
		addTo(table, iso, uri);
		sortedCache.delete(iso);
	}

	private leave(table: Map<string, Set<string>>, sortedCache: Map<string, string[]>, iso: string, uri: string): void {
		removeFrom(table, iso, uri);
		sortedCache.delete(iso);
	}

	private sorted(table: Map<string, Set<string>>, sortedCache: Map<string, string[]>, iso: string): readonly string[] {
		let sorted = sortedCache.get(iso);
		if (!sorted) {
			sorted = [...(table.get(iso) ?? [])].sort();
			sortedCache.set(iso, sorted);
		}
		return sorted;
	}

	/** Marks stale the identities a letter can change: those of the letters on the dates it cites, refers to, carries. */
	private markAffected(entry: IndexedLetter): void {
		const distributed = new Set<string>();
		const written = new Set<string>();
		const { summary } = entry;
		for (const citation of summary.citations) {
			if (citation.date !== undefined) {
				distributed.add(citation.date);
			}
		}
		if (summary.distribution) {
			distributed.add(summary.distribution.date);
		}
		for (const reference of datedReferences(summary)) {
			written.add(reference.date);
		}
		if (summary.titleDate !== undefined) {
			written.add(summary.titleDate);
		}
		for (const part of entry.directIdentity?.symbol.parts ?? []) {
			for (const [iso] of this.citedDatesByPart.in(part.text)) {
				distributed.add(iso);
			}
			for (const [iso] of this.referredDatesByPart.in(part.text)) {
				written.add(iso);
			}
		}
		for (const iso of distributed) {
			if (this.distributedOn.has(iso)) {
				this.staleDistributed.add(iso);
			}
		}
		for (const iso of written) {
			if (this.writtenOn.has(iso)) {
				this.staleWritten.add(iso);
			}
		}
	}

	private anyStale(): boolean {
		return this.stale.size > 0 || this.staleDistributed.size > 0 || this.staleWritten.size > 0;
	}

	/** True when the letter's inferred identity is stale: itself, or its distribution or title date. */
	private isStale(entry: IndexedLetter): boolean {
		const { summary } = entry;
		return this.stale.has(entry.uri)
			|| (summary.distribution !== undefined && this.staleDistributed.has(summary.distribution.date))
			|| (summary.titleDate !== undefined && this.staleWritten.has(summary.titleDate));
	}

	/** Marks stale one by one the letters of a date marked stale as a whole (as they are now), and unmarks the date. */
	private expand(dates: Set<string>, table: Map<string, Set<string>>, iso: string): void {
		if (dates.delete(iso)) {
			table.get(iso)?.forEach((uri) => this.stale.add(uri));
		}
	}

	private recompute(entry: IndexedLetter): void {
		const { summary } = entry;
		if (summary.distribution !== undefined) {
			this.expand(this.staleDistributed, this.distributedOn, summary.distribution.date);
		}
		if (summary.titleDate !== undefined) {
			this.expand(this.staleWritten, this.writtenOn, summary.titleDate);
		}
		this.stale.delete(entry.uri);
		this.setInferred(entry.uri, entry.directIdentity ? null : this.infer(entry));
	}

	private setInferred(uri: string, inferred: Inferred | null): void {
		const old = this.computed.get(uri);
		this.computed.set(uri, inferred);
		if (old?.symbol === inferred?.symbol) {
			return;
		}
		this.host.identityChanged(uri);
		for (const part of old?.symbol.parts ?? []) {
			removeFrom(this.inferredByPart, part.text, uri);
			this.host.partChanged(part.text);
		}
		for (const part of inferred?.symbol.parts ?? []) {
			addTo(this.inferredByPart, part.text, uri);
			this.host.partChanged(part.text);
		}
	}

	/**
	 * The symbol that other letters give this letter: every cited symbol dated with its distribution date, and every
	 * symbol given with a reference to a letter of its title date and sender, that no letter carries and that only this
	 * letter could be. A citation of one part (`S/2020/1267`) names the same document as the joint symbol
	 * (`A/75/660-S/2020/1267`), which is kept; any other disagreement leaves the letter unidentified. Citers are read in
	 * URI order, so the result never depends on the order letters were added.
	 */
	private infer(entry: IndexedLetter): Inferred | null {
		const self = entry.summary;
		if (!self.isLetter) {
			return null;
		}
		const candidates = new Map<string, Inferred>();
		const consider = (symbol: DocumentSymbolRef, inferred: Omit<Inferred, 'symbol'>, onlyCandidate: () => boolean) => {
			if (candidates.has(symbol.text) || symbol.parts.some((part) => this.host.hasDirectPart(part.text)) || !onlyCandidate()) {
				return;
			}
			candidates.set(symbol.text, { symbol, ...inferred });
		};
		if (self.distribution) {
			const iso = self.distribution.date;
			for (const citerUri of this.sorted(this.citersOn, this.sortedCiters, iso)) {
				const citer = citerUri === entry.uri ? undefined : this.host.entry(citerUri);
				citer?.summary.citations.forEach((citation, item) => {
					if (citation.date === iso && headerConsistentWithSymbol(self, citation.symbol)) {
						consider(citation.symbol, { citer: citerUri, item, date: iso, by: 'distribution-date' }, () => this.isOnlyCandidate(self, iso, citation.symbol));
					}
				});
			}
		}
		const written = self.titleDate;
		const sender = self.facts.sender;
		if (written && sender) {
			for (const citerUri of this.sorted(this.referrersOn, this.sortedReferrers, written)) {
				const citer = citerUri === entry.uri ? undefined : this.host.entry(citerUri);
				citer?.summary.references.forEach((reference, item) => {
					const symbol = reference.nearbySymbol;
					if (reference.unCorrespondence && reference.date === written && symbol && sameSender(referencedSender(citer.summary, reference), sender) && headerAllowsSymbol(self, symbol)) {
						consider(symbol, { citer: citerUri, item, date: written, by: 'title-date-and-sender' }, () => this.isOnlyWriterCandidate(self, written, sender, symbol));
					}
				});
			}
		}
		const all = [...candidates.values()];
		const fullest = all.filter((candidate) => !all.some((other) => other !== candidate && covers(other.symbol, candidate.symbol)));
		return fullest.length === 1 ? fullest[0] : null;
	}

	/** True when no other letter without an identity of its own distributed that day has a header that could hold the document. */
	private isOnlyCandidate(self: LetterSummary, iso: string, symbol: DocumentSymbolRef): boolean {
		const own = headerKey(self);
		for (const [key, { value, count }] of this.undirectedHeaders.in(iso)) {
			if (count - (key === own ? 1 : 0) > 0 && headerConsistentWithSymbol(value, symbol)) {
				return false;
			}
		}
		return true;
	}

	/** True when no other letter without an identity of its own was written on that date by that sender and could be the document. */
	private isOnlyWriterCandidate(self: LetterSummary, iso: string, sender: string, symbol: DocumentSymbolRef): boolean {
		const senderKey = stateKey(sender);
		const own = `${senderKey}|${headerKey(self)}`;
		for (const [key, { value, count }] of this.undirectedWriters.in(iso)) {
			if (value.sender === senderKey && count - (key === own ? 1 : 0) > 0 && headerAllowsSymbol(value.header, symbol)) {
				return false;
			}
		}
		return true;
	}
}
