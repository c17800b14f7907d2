import type { CalendarDate } from '../calendar/dates';
import { toIsoDate } from '../calendar/dates';
import type { Citation, Letter } from '../letter/model';
import { parseLetter } from '../letter/parseLetter';
import type { ReferenceData } from '../sessions/referenceData';
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import { LearnedAgendaTitles } from './agendaTitles';
import type { LetterIdentity } from './identity';
import { directIdentity, headerConsistentWithSymbol } from './identity';

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
 * citations are computed on demand and cached until the next change.
 */
export class LetterIndex {
	private readonly entries = new Map<string, IndexedLetter>();
	private readonly directByPart = new Map<string, Set<string>>();
	private readonly citersByPart = new Map<string, Set<string>>();
	private readonly byDistributionDate = new Map<string, Set<string>>();
	/** Dated citations by the date they give, then by citing letter. */
	private readonly citationsByCitedDate = new Map<string, Map<string, Citation[]>>();
	private readonly byTitleDate = new Map<string, Set<string>>();
	private identityCache = new Map<string, LetterIdentity | null>();
	private resolveCache = new Map<string, IndexedLetter[]>();
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

	/** Every file held, letters and non-letters, in insertion order. */
	all(): IndexedLetter[] {
		return [...this.entries.values()];
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

	/** The workspace letters that are the document with this symbol (any part in common), directly identified or inferred. */
	resolve(symbol: DocumentSymbolRef): IndexedLetter[] {
		const cached = this.resolveCache.get(symbol.text);
		if (cached) {
			return cached;
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
		const result = [...found.values()];
		this.resolveCache.set(symbol.text, result);
		return result;
	}

	/** The letters whose title carries this letter date (`Letter dated 24 February 2020 …`). */
	lettersWrittenOn(date: CalendarDate): IndexedLetter[] {
		return [...(this.byTitleDate.get(toIsoDate(date)) ?? [])].map((uri) => this.entries.get(uri)).filter((entry): entry is IndexedLetter => entry !== undefined);
	}

	/** The letters that cite a symbol (any part in common), with their citations of it. */
	citing(symbol: DocumentSymbolRef): CitingLetter[] {
		const uris = new Set<string>();
		for (const part of symbol.parts) {
			for (const uri of this.citersByPart.get(part.text) ?? []) {
				uris.add(uri);
			}
		}
		const texts = new Set(symbol.parts.map((part) => part.text));
		const result: CitingLetter[] = [];
		for (const uri of uris) {
			const entry = this.entries.get(uri);
			const citations = entry?.letter.citations.filter((citation) => citation.symbol.parts.some((part) => texts.has(part.text))) ?? [];
			if (citations.length > 0) {
				result.push({ uri, citations });
			}
		}
		return result;
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
	 * some citation gives can be inferred, so only those are looked at.
	 */
	private inferredIdentityParts(): Map<string, Set<string>> {
		if (this.inferredByPart) {
			return this.inferredByPart;
		}
		const byPart = new Map<string, Set<string>>();
		for (const [iso, uris] of this.byDistributionDate) {
			if (!this.citationsByCitedDate.has(iso)) {
				continue;
			}
			for (const uri of uris) {
				const identity = this.entries.get(uri)?.directIdentity ? undefined : this.identity(uri);
				for (const part of identity?.symbol.parts ?? []) {
					addTo(byPart, part.text, uri);
				}
			}
		}
		this.inferredByPart = byPart;
		return byPart;
	}

	/**
	 * The symbol that dated citations elsewhere give this letter: every cited symbol dated with its distribution date
	 * that no letter carries and that only this letter could be. A citation of one part (`S/2020/1267`) names the same
	 * document as the joint symbol (`A/75/660-S/2020/1267`), which is kept; any other disagreement leaves the letter
	 * unidentified. Citers are read in URI order, so the result never depends on the order letters were added.
	 */
	private inferIdentity(entry: IndexedLetter): LetterIdentity | undefined {
		const distributed = entry.letter.distribution?.date?.date;
		if (!distributed || !entry.letter.detection.isLetter) {
			return undefined;
		}
		const iso = toIsoDate(distributed);
		const candidates = new Map<string, LetterIdentity>();
		const byCiter = this.citationsByCitedDate.get(iso);
		const citerUris = [...(byCiter?.keys() ?? [])].filter((uri) => uri !== entry.uri).sort();
		for (const citerUri of citerUris) {
			for (const citation of byCiter?.get(citerUri) ?? []) {
				if (candidates.has(citation.symbol.text)) {
					continue;
				}
				if (citation.symbol.parts.some((part) => this.directByPart.has(part.text))) {
					continue;
				}
				if (!headerConsistentWithSymbol(entry.letter, citation.symbol) || !this.isOnlyCandidate(entry.uri, iso, citation.symbol)) {
					continue;
				}
				candidates.set(citation.symbol.text, { symbol: citation.symbol, source: 'inferred', inferredFrom: { uri: citerUri, range: citation.range, date: iso } });
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
}
