import type { CalendarDate } from '../calendar/dates';
import { toIsoDate } from '../calendar/dates';
import { factsOf } from '../letter/letterFacts';
import type { Citation, Letter, LetterReference } from '../letter/model';
import { parseLetter } from '../letter/parseLetter';
import type { ReferenceData } from '../sessions/referenceData';
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import type { ResolvedAgendaTitle } from './agendaTitles';
import { agendaItemsWithTitles, LearnedAgendaTitles } from './agendaTitles';
import type { LetterIdentity } from './identity';
import { directIdentity, headerAllowsSymbol, headerConsistentWithSymbol, referencedSender, sameSender } from './identity';
import { indexSignature } from './indexSignature';

/** A letter of the workspace as the index holds it. */
export interface IndexedLetter {
	/** The host's identifier of the file (a URI string or a path). */
	readonly uri: string;
	readonly fileName: string;
	readonly letter: Letter;
	readonly sidecarSymbol?: string;
	/** Identity from the masthead, the sidecar or the file name; inference from other letters is {@link LetterIndex.identity}. */
	readonly directIdentity?: LetterIdentity;
}

/** A letter that cites a symbol, with the citations. */
export interface CitingLetter {
	readonly uri: string;
	readonly citations: readonly Citation[];
}

/** The last path segment of a URI or path. */
export function fileNameOf(uri: string): string {
	const withoutQuery = uri.replace(/[?#].*$/, '');
	const segment = withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1);
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function addTo(map: Map<string, Set<string>>, key: string, uri: string): void {
	let set = map.get(key);
	if (!set) {
		set = new Set();
		map.set(key, set);
	}
	set.add(uri);
}

function removeFrom(map: Map<string, Set<string>>, key: string, uri: string): void {
	const set = map.get(key);
	if (set) {
		set.delete(uri);
		if (set.size === 0) {
			map.delete(key);
		}
	}
}

/** True when `outer` names every part of `inner` and more (`A/75/660-S/2020/1267` covers `S/2020/1267`). */
function covers(outer: DocumentSymbolRef, inner: DocumentSymbolRef): boolean {
	return outer.parts.length > inner.parts.length && inner.parts.every((part) => outer.parts.some((other) => other.text === part.text));
}

/**
 * The letters of a workspace: who each one is, who cites what, lookups by symbol both ways. Incremental: setting or
 * deleting one file parses only that file and updates the lookup tables; identities inferred from other letters'
 * citations are computed on demand and cached until the next change. An edit that leaves what the index derives
 * from a letter alone (`update`) only replaces the letter: the tables and cached identities stay, and every answer
 * gives the ranges of the fresh parse — an inferred identity's range included, in the letter it was inferred from.
 */
export class LetterIndex {
	private readonly entries = new Map<string, IndexedLetter>();
	private readonly directByPart = new Map<string, Set<string>>();
	private readonly citersByPart = new Map<string, Set<string>>();
	private readonly byDistributionDate = new Map<string, Set<string>>();
	/** Dated citations by the date they give, then by citing letter. */
	private readonly citationsByCitedDate = new Map<string, Map<string, Citation[]>>();
	private readonly byTitleDate = new Map<string, Set<string>>();
	/** References to UN letters that give a date (`the letter dated 29 July 1993 from …`, `my letter dated …`), by that date, then by citing letter. */
	private readonly referencesByDate = new Map<string, Map<string, LetterReference[]>>();
	private identityCache = new Map<string, LetterIdentity | null>();
	/** URIs of the letters a symbol resolves to (entries are looked up at each answer, so they are the current parses). */
	private resolveCache = new Map<string, string[]>();
	/** Parts of every inferred identity, built on demand and dropped with the caches. */
	private inferredByPart: Map<string, Set<string>> | undefined;
	/** Agenda titles the letters print under their agenda lines, for every letter of the same session. */
	readonly agendaTitles = new LearnedAgendaTitles();

	constructor(private readonly data: ReferenceData) {}

	/** Number of files held (letters and non-letters). */
	get size(): number {
		return this.entries.size;
	}

	/** Parses a file's text and indexes it, replacing what was held for that file. */
	set(uri: string, text: string, options: { sidecarSymbol?: string } = {}): IndexedLetter {
		return this.setParsed(uri, parseLetter(text, this.data), options);
	}

	/** Indexes an already parsed letter (the host may parse elsewhere). */
	setParsed(uri: string, letter: Letter, options: { sidecarSymbol?: string } = {}): IndexedLetter {
		this.delete(uri);
		const fileName = fileNameOf(uri);
		const entry: IndexedLetter = {
			uri, fileName, letter, sidecarSymbol: options.sidecarSymbol,
			directIdentity: letter.detection.isLetter ? directIdentity(letter, options.sidecarSymbol, fileName) : undefined,
		};
		this.entries.set(uri, entry);
		for (const part of entry.directIdentity?.symbol.parts ?? []) {
			addTo(this.directByPart, part.text, uri);
		}
		for (const citation of letter.citations) {
			for (const part of citation.symbol.parts) {
				addTo(this.citersByPart, part.text, uri);
			}
			if (citation.date?.date) {
				const iso = toIsoDate(citation.date.date);
				let byCiter = this.citationsByCitedDate.get(iso);
				if (!byCiter) {
					byCiter = new Map();
					this.citationsByCitedDate.set(iso, byCiter);
				}
				byCiter.set(uri, [...(byCiter.get(uri) ?? []), citation]);
			}
		}
		for (const reference of datedReferences(letter)) {
			const iso = toIsoDate(reference.date.date);
			let byCiter = this.referencesByDate.get(iso);
			if (!byCiter) {
				byCiter = new Map();
				this.referencesByDate.set(iso, byCiter);
			}
			byCiter.set(uri, [...(byCiter.get(uri) ?? []), reference]);
		}
		this.agendaTitles.set(uri, fileName, letter);
		const distributed = letter.distribution?.date?.date;
		if (distributed) {
			addTo(this.byDistributionDate, toIsoDate(distributed), uri);
		}
		const written = letter.title?.date?.date;
		if (written) {
			addTo(this.byTitleDate, toIsoDate(written), uri);
		}
		this.invalidate();
		return entry;
	}

	/**
	 * Indexes a fresh parse of a file that the host parses again and again (an open letter being edited). When it
	 * indexes the same way as the held entry ({@link indexSignature}: same identity, cited symbols and dates, dated
	 * references, header facts), it replaces the held letter and its citations and references in the tables, keeps
	 * every cached identity (an inferred identity taken from this letter moves to the fresh range of its citation),
	 * and returns false; otherwise it is indexed anew, as by `setParsed`, and true is returned.
	 */
	update(uri: string, letter: Letter, options: { sidecarSymbol?: string } = {}): boolean {
		const held = this.entries.get(uri);
		if (!held || held.sidecarSymbol !== options.sidecarSymbol || indexSignature(held.letter, options.sidecarSymbol) !== indexSignature(letter, options.sidecarSymbol)) {
			this.setParsed(uri, letter, options);
			return true;
		}
		this.entries.set(uri, { ...held, letter });
		const citedDate = (citation: Citation) => (citation.date?.date ? toIsoDate(citation.date.date) : undefined);
		for (const iso of new Set(letter.citations.map(citedDate))) {
			if (iso !== undefined) {
				this.citationsByCitedDate.get(iso)?.set(uri, letter.citations.filter((citation) => citedDate(citation) === iso));
			}
		}
		const references = datedReferences(letter);
		for (const iso of new Set(references.map((reference) => toIsoDate(reference.date.date)))) {
			this.referencesByDate.get(iso)?.set(uri, references.filter((reference) => toIsoDate(reference.date.date) === iso));
		}
		this.agendaTitles.set(uri, held.fileName, letter);
		for (const [of, identity] of this.identityCache) {
			const from = identity?.inferredFrom;
			if (identity && from?.uri === uri) {
				this.identityCache.set(of, { ...identity, inferredFrom: { ...from, range: movedRange(held.letter, letter, from) } });
			}
		}
		return false;
	}

	/** Forgets a file. Returns false when it was not held. */
	delete(uri: string): boolean {
		const entry = this.entries.get(uri);
		if (!entry) {
			return false;
		}
		this.entries.delete(uri);
		this.agendaTitles.delete(uri);
		for (const part of entry.directIdentity?.symbol.parts ?? []) {
			removeFrom(this.directByPart, part.text, uri);
		}
		for (const citation of entry.letter.citations) {
			for (const part of citation.symbol.parts) {
				removeFrom(this.citersByPart, part.text, uri);
			}
			if (citation.date?.date) {
				const iso = toIsoDate(citation.date.date);
				const byCiter = this.citationsByCitedDate.get(iso);
				byCiter?.delete(uri);
				if (byCiter?.size === 0) {
					this.citationsByCitedDate.delete(iso);
				}
			}
		}
		for (const reference of datedReferences(entry.letter)) {
			const iso = toIsoDate(reference.date.date);
			const byCiter = this.referencesByDate.get(iso);
			byCiter?.delete(uri);
			if (byCiter?.size === 0) {
				this.referencesByDate.delete(iso);
			}
		}
		const distributed = entry.letter.distribution?.date?.date;
		if (distributed) {
			removeFrom(this.byDistributionDate, toIsoDate(distributed), uri);
		}
		const written = entry.letter.title?.date?.date;
		if (written) {
			removeFrom(this.byTitleDate, toIsoDate(written), uri);
		}
		this.invalidate();
		return true;
	}

	/** The file held for a URI. */
	get(uri: string): IndexedLetter | undefined {
		return this.entries.get(uri);
	}

	/** Every file held, letters and non-letters, in URI order (never the order files were read). */
	all(): IndexedLetter[] {
		return [...this.entries.values()].sort(byUri);
	}

	/** Every letter held (files detected as UN correspondence). */
	letters(): IndexedLetter[] {
		return this.all().filter((entry) => entry.letter.detection.isLetter);
	}

	/** The identity of a letter: its own (masthead, sidecar, file name), else inferred from another letter's dated citation. */
	identity(uri: string): LetterIdentity | undefined {
		const cached = this.identityCache.get(uri);
		if (cached !== undefined) {
			return cached ?? undefined;
		}
		const entry = this.entries.get(uri);
		const identity = entry && (entry.directIdentity ?? this.inferIdentity(entry));
		this.identityCache.set(uri, identity ?? null);
		return identity;
	}

	/**
	 * The workspace letters that are the document with this symbol (any part in common), directly identified or
	 * inferred, in URI order: when two letters claim one symbol both are given, and the first is the same on every run.
	 */
	resolve(symbol: DocumentSymbolRef): IndexedLetter[] {
		const cached = this.resolveCache.get(symbol.text);
		if (cached) {
			return cached.map((uri) => this.entries.get(uri)).filter((entry): entry is IndexedLetter => entry !== undefined);
		}
		const found = new Map<string, IndexedLetter>();
		for (const part of symbol.parts) {
			for (const uri of this.directByPart.get(part.text) ?? []) {
				const entry = this.entries.get(uri);
				if (entry) {
					found.set(uri, entry);
				}
			}
		}
		if (found.size === 0) {
			const inferred = this.inferredIdentityParts();
			for (const part of symbol.parts) {
				for (const uri of inferred.get(part.text) ?? []) {
					const entry = this.entries.get(uri);
					if (entry) {
						found.set(uri, entry);
					}
				}
			}
		}
		const result = [...found.values()].sort(byUri);
		this.resolveCache.set(symbol.text, result.map((entry) => entry.uri));
		return result;
	}

	/** The letters whose title carries this letter date (`Letter dated 24 February 2020 …`), in URI order. */
	lettersWrittenOn(date: CalendarDate): IndexedLetter[] {
		return [...(this.byTitleDate.get(toIsoDate(date)) ?? [])].map((uri) => this.entries.get(uri)).filter((entry): entry is IndexedLetter => entry !== undefined).sort(byUri);
	}

	/**
	 * The header's agenda items of a letter with their titles: its own (printed, or from the agenda data), else the one
	 * another letter of the workspace prints for the same item of the same session's list; `null` when unknown.
	 */
	agendaItemsOf(uri: string): { readonly number: number; readonly title: ResolvedAgendaTitle | null }[] {
		const entry = this.entries.get(uri);
		return entry ? agendaItemsWithTitles(this.agendaTitles, this.data, entry.letter) : [];
	}

	/** The references to UN letters dated on this day, with the letter that makes each, in URI order. */
	referencesDated(date: CalendarDate): { readonly uri: string; readonly reference: LetterReference }[] {
		const byCiter = this.referencesByDate.get(toIsoDate(date));
		return [...(byCiter?.keys() ?? [])].sort().flatMap((uri) => (byCiter?.get(uri) ?? []).map((reference) => ({ uri, reference })));
	}

	/** The letters that cite a symbol (any part in common), with their citations of it, in URI order. */
	citing(symbol: DocumentSymbolRef): CitingLetter[] {
		const uris = new Set<string>();
		for (const part of symbol.parts) {
			for (const uri of this.citersByPart.get(part.text) ?? []) {
				uris.add(uri);
			}
		}
		const texts = new Set(symbol.parts.map((part) => part.text));
		const result: CitingLetter[] = [];
		for (const uri of [...uris].sort()) {
			const entry = this.entries.get(uri);
			const citations = entry?.letter.citations.filter((citation) => citation.symbol.parts.some((part) => texts.has(part.text))) ?? [];
			if (citations.length > 0) {
				result.push({ uri, citations });
			}
		}
		return result;
	}

	/** The URIs of the letters that cite a part of the symbol, sorted, without gathering their citations (counts, catalogues). */
	citingUris(symbol: DocumentSymbolRef): string[] {
		const uris = new Set<string>();
		for (const part of symbol.parts) {
			for (const uri of this.citersByPart.get(part.text) ?? []) {
				uris.add(uri);
			}
		}
		return [...uris].sort();
	}

	/** The URIs of the letters that cite the given workspace letter (through its identity), sorted. */
	citerUrisOf(uri: string): string[] {
		const identity = this.identity(uri);
		return identity ? this.citingUris(identity.symbol).filter((citer) => citer !== uri) : [];
	}

	/** The letters that cite the given workspace letter (through its identity). */
	citersOf(uri: string): CitingLetter[] {
		const identity = this.identity(uri);
		return identity ? this.citing(identity.symbol).filter((citer) => citer.uri !== uri) : [];
	}

	private invalidate(): void {
		this.identityCache = new Map();
		this.resolveCache = new Map();
		this.inferredByPart = undefined;
	}

	/**
	 * The parts of every inferred identity, with the letters that carry them. Only letters distributed on a date that
	 * some citation gives, or written on a date that some letter reference gives, can be inferred, so only those are
	 * looked at.
	 */
	private inferredIdentityParts(): Map<string, Set<string>> {
		if (this.inferredByPart) {
			return this.inferredByPart;
		}
		const byPart = new Map<string, Set<string>>();
		const candidates = new Set<string>();
		for (const [iso, uris] of this.byDistributionDate) {
			if (this.citationsByCitedDate.has(iso)) {
				uris.forEach((uri) => candidates.add(uri));
			}
		}
		for (const [iso, uris] of this.byTitleDate) {
			if (this.referencesByDate.has(iso)) {
				uris.forEach((uri) => candidates.add(uri));
			}
		}
		for (const uri of candidates) {
			const identity = this.entries.get(uri)?.directIdentity ? undefined : this.identity(uri);
			for (const part of identity?.symbol.parts ?? []) {
				addTo(byPart, part.text, uri);
			}
		}
		this.inferredByPart = byPart;
		return byPart;
	}

	/**
	 * The symbol that other letters give this letter: every cited symbol dated with its distribution date, and every
	 * symbol given with a reference to a letter of its title date and sender, that no letter carries and that only this
	 * letter could be. A citation of one part (`S/2020/1267`) names the same document as the joint symbol
	 * (`A/75/660-S/2020/1267`), which is kept; any other disagreement leaves the letter unidentified. Citers are read in
	 * URI order, so the result never depends on the order letters were added.
	 */
	private inferIdentity(entry: IndexedLetter): LetterIdentity | undefined {
		if (!entry.letter.detection.isLetter) {
			return undefined;
		}
		const candidates = new Map<string, LetterIdentity>();
		const consider = (symbol: DocumentSymbolRef, inferredFrom: NonNullable<LetterIdentity['inferredFrom']>, onlyCandidate: () => boolean) => {
			if (candidates.has(symbol.text) || symbol.parts.some((part) => this.directByPart.has(part.text)) || !onlyCandidate()) {
				return;
			}
			candidates.set(symbol.text, { symbol, source: 'inferred', inferredFrom });
		};
		const distributed = entry.letter.distribution?.date?.date;
		if (distributed) {
			const iso = toIsoDate(distributed);
			const byCiter = this.citationsByCitedDate.get(iso);
			for (const citerUri of [...(byCiter?.keys() ?? [])].filter((uri) => uri !== entry.uri).sort()) {
				for (const citation of byCiter?.get(citerUri) ?? []) {
					if (headerConsistentWithSymbol(entry.letter, citation.symbol)) {
						consider(citation.symbol, { uri: citerUri, range: citation.range, date: iso, by: 'distribution-date' }, () => this.isOnlyCandidate(entry.uri, iso, citation.symbol));
					}
				}
			}
		}
		const written = entry.letter.title?.date?.date;
		const sender = factsOf(entry.letter).sender;
		if (written && sender) {
			const iso = toIsoDate(written);
			const byCiter = this.referencesByDate.get(iso);
			for (const citerUri of [...(byCiter?.keys() ?? [])].filter((uri) => uri !== entry.uri).sort()) {
				const citer = this.entries.get(citerUri);
				for (const reference of byCiter?.get(citerUri) ?? []) {
					const symbol = reference.nearbySymbol;
					if (citer && symbol && sameSender(referencedSender(citer.letter, reference), sender) && headerAllowsSymbol(entry.letter, symbol)) {
						consider(symbol, { uri: citerUri, range: reference.range, date: iso, by: 'title-date-and-sender' }, () => this.isOnlyWriterCandidate(entry.uri, iso, sender, symbol));
					}
				}
			}
		}
		const all = [...candidates.values()];
		const fullest = all.filter((candidate) => !all.some((other) => other !== candidate && covers(other.symbol, candidate.symbol)));
		return fullest.length === 1 ? fullest[0] : undefined;
	}

	private isOnlyCandidate(uri: string, iso: string, symbol: DocumentSymbolRef): boolean {
		for (const other of this.byDistributionDate.get(iso) ?? []) {
			const entry = this.entries.get(other);
			if (other !== uri && entry && !entry.directIdentity && headerConsistentWithSymbol(entry.letter, symbol)) {
				return false;
			}
		}
		return true;
	}

	/** True when no other letter without an identity of its own was written on that date by that sender and could be the document. */
	private isOnlyWriterCandidate(uri: string, iso: string, sender: string, symbol: DocumentSymbolRef): boolean {
		for (const other of this.byTitleDate.get(iso) ?? []) {
			const entry = this.entries.get(other);
			if (other !== uri && entry && !entry.directIdentity && sameSender(factsOf(entry.letter).sender, sender) && headerAllowsSymbol(entry.letter, symbol)) {
				return false;
			}
		}
		return true;
	}
}

/**
 * Where the citation (or reference) an identity was inferred from stands in a fresh parse of its letter with the same
 * signature: the same one in order, so at the same index of the same list.
 */
function movedRange(before: Letter, after: Letter, from: NonNullable<LetterIdentity['inferredFrom']>): NonNullable<LetterIdentity['inferredFrom']>['range'] {
	const list = (letter: Letter) => (from.by === 'distribution-date' ? letter.citations : letter.letterReferences);
	const at = list(before).findIndex((item) => item.range.start === from.range.start && item.range.end === from.range.end);
	return list(after)[at]?.range ?? from.range;
}

function byUri(a: { readonly uri: string }, b: { readonly uri: string }): number {
	return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

/** A reference to a UN letter with a calendar date. */
type DatedReference = LetterReference & { readonly date: { readonly date: CalendarDate } };

/** The references of a letter to UN letters that give a date. */
function datedReferences(letter: Letter): DatedReference[] {
	return letter.letterReferences.filter((reference): reference is DatedReference => reference.unCorrespondence && reference.date?.date !== undefined);
}
