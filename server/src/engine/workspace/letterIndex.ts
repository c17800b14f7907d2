import type { CalendarDate } from '../calendar/dates';
import { toIsoDate } from '../calendar/dates';
import type { Citation, Letter } from '../letter/model';
import { parseLetter } from '../letter/parseLetter';
import type { ReferenceData } from '../sessions/referenceData';
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
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

function countIn(map: Map<string, Map<string, number>>, key: string, inner: string, delta: number): void {
	let counts = map.get(key);
	if (!counts) {
		counts = new Map();
		map.set(key, counts);
	}
	const next = (counts.get(inner) ?? 0) + delta;
	if (next > 0) {
		counts.set(inner, next);
	} else {
		counts.delete(inner);
		if (counts.size === 0) {
			map.delete(key);
		}
	}
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
	private readonly citersByCitedDate = new Map<string, Set<string>>();
	private readonly byTitleDate = new Map<string, Set<string>>();
	/** For each cited part, the dates it is cited with and how many citations give each (so removal is exact). */
	private readonly citedDatesByPart = new Map<string, Map<string, number>>();
	private identityCache = new Map<string, LetterIdentity | null>();
	private resolveCache = new Map<string, IndexedLetter[]>();

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
				addTo(this.citersByCitedDate, iso, uri);
				for (const part of citation.symbol.parts) {
					countIn(this.citedDatesByPart, part.text, iso, 1);
				}
			}
		}
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
		for (const part of entry.directIdentity?.symbol.parts ?? []) {
			removeFrom(this.directByPart, part.text, uri);
		}
		for (const citation of entry.letter.citations) {
			for (const part of citation.symbol.parts) {
				removeFrom(this.citersByPart, part.text, uri);
			}
			if (citation.date?.date) {
				const iso = toIsoDate(citation.date.date);
				removeFrom(this.citersByCitedDate, iso, uri);
				for (const part of citation.symbol.parts) {
					countIn(this.citedDatesByPart, part.text, iso, -1);
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
			for (const uri of this.inferredCandidatesFor(symbol)) {
				const entry = this.entries.get(uri);
				if (entry && this.identity(uri)?.symbol.parts.some((part) => symbol.parts.some((other) => other.text === part.text))) {
					found.set(uri, entry);
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
	}

	/** Letters that some dated citation of this symbol could point at by inference: those distributed on a cited date. */
	private inferredCandidatesFor(symbol: DocumentSymbolRef): Set<string> {
		const candidates = new Set<string>();
		for (const part of symbol.parts) {
			for (const iso of this.citedDatesByPart.get(part.text)?.keys() ?? []) {
				for (const uri of this.byDistributionDate.get(iso) ?? []) {
					candidates.add(uri);
				}
			}
		}
		return candidates;
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
		const citerUris = [...(this.citersByCitedDate.get(iso) ?? [])].filter((uri) => uri !== entry.uri).sort();
		for (const citerUri of citerUris) {
			for (const citation of this.entries.get(citerUri)?.letter.citations ?? []) {
				if (candidates.has(citation.symbol.text) || !citation.date?.date || toIsoDate(citation.date.date) !== iso) {
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
