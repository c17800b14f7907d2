import type { CalendarDate } from '../calendar/dates';
import { toIsoDate } from '../calendar/dates';
import type { Letter } from '../letter/model';
import { parseLetter } from '../letter/parseLetter';
import type { ReferenceData } from '../sessions/referenceData';
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import type { ResolvedAgendaTitle } from './agendaTitles';
import { agendaItemsWithTitles, LearnedAgendaTitles } from './agendaTitles';
import type { LetterIdentity } from './identity';
import { directIdentity } from './identity';
import { IdentityInference } from './identityInference';
import type { LetterSummary, SummaryCitation, SummaryReference } from './letterSummary';
import { summarizeLetter, summarySignature } from './letterSummary';
import { addTo, removeFrom } from './multiMap';
import { SymbolTable } from './symbolTable';
import { enterPendingLetters } from './pendingLetters';

/** A letter of the workspace as the index holds it: its compact entry, and the identity it carries itself. */
export interface IndexedLetter {
	/** The host's identifier of the file (a URI string or a path). */
	readonly uri: string;
	readonly fileName: string;
	readonly summary: LetterSummary;
	readonly sidecarSymbol?: string;
	/** Identity from the masthead, the sidecar or the file name; inference from other letters is {@link LetterIndex.identity}. */
	readonly directIdentity?: LetterIdentity;
}

/** A letter that cites a symbol, with the citations. */
export interface CitingLetter {
	readonly uri: string;
	readonly citations: readonly SummaryCitation[];
}

/** Where the index finds the text of a closed letter again, when a feature needs its full model. */
export interface LetterTextSource {
	/** The text the letter was indexed from, or undefined when it cannot be had as it was (gone, changed since). */
	textOf(uri: string): string | undefined;
}

/** How a letter is indexed. */
export interface IndexOptions {
	readonly sidecarSymbol?: string;
	/** An open letter: its full model is kept for as long as it is open (until it is set again without `open`). */
	readonly open?: boolean;
}

/**
 * The last path segment of a URI or path. A URI with no query, fragment or escape (every letter's `file:` URI from a
 * walk of plain names) is cut at its last `/` without a regular expression or decoding: 100,000 of them at a restart.
 */
export function fileNameOf(uri: string): string {
	if (!uri.includes('?') && !uri.includes('#') && !uri.includes('%')) {
		return uri.slice(uri.lastIndexOf('/') + 1);
	}
	const withoutQuery = uri.replace(/[?#].*$/, '');
	const segment = withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1);
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** Closed letters whose full model is kept after a feature needed it (hover on a letter just closed, a definition). */
const RECENT_MODELS = 8;

/**
 * The letters of a workspace: who each one is, who cites what, lookups by symbol both ways. Each letter is held as its
 * compact entry ({@link LetterSummary}); the full model only for open letters (and, without a text source, for every
 * letter given as text), re-parsed on demand for a feature that needs it on a closed one ({@link LetterIndex.model}).
 *
 * Incremental and linear: setting or deleting a letter updates the lookup tables keyed by symbol part and by date, and
 * marks stale only the inferred identities that letter can change (those of the letters distributed or written on the
 * dates it cites, refers to or carries, and of the letters cited on those dates with a symbol it carries); they are
 * computed again when asked. Answers never depend on the order letters were added.
 */
export class LetterIndex {
	private readonly entries = new Map<string, IndexedLetter>();
	/** Full models: open letters, or every letter given as text when there is no text source. */
	private readonly models = new Map<string, Letter>();
	private readonly open = new Set<string>();
	/** Closed letters re-parsed for a feature, most recent last. */
	private readonly recent = new Map<string, Letter>();
	private readonly directByPart = new Map<string, Set<string>>();
	private readonly citersByPart = new Map<string, Set<string>>();
	/**
	 * Letters whose citations are not in {@link citersByPart} yet: a bulk fill ({@link LetterIndex.setSummaries})
	 * leaves them out, and they are entered in the background ({@link LetterIndex.refreshInferred}) or as soon as a
	 * lookup needs the table ({@link citers}), so no answer ever sees the table incomplete.
	 */
	private readonly citersPending = new Set<string>();
	private readonly symbols = new SymbolTable();
	private readonly inference: IdentityInference;
	/** URIs of the letters a symbol resolves to, and whether inferred identities gave them. */
	private readonly resolveCache = new Map<string, { readonly uris: readonly string[]; readonly inferred: boolean }>();
	/** The symbols of the resolve cache by part, so that a change of one part drops only them. */
	private readonly resolvedByPart = new Map<string, Set<string>>();
	private sorted: IndexedLetter[] | undefined;
	private sortedLetters: IndexedLetter[] | undefined;
	/** The number of entries that are letters, kept as they come and go. */
	private lettersHeld = 0;
	/** Whether changes are kept for {@link LetterIndex.takeAffected} (a host that counts problems asks for it). */
	private tracking = false;
	/** What changed since {@link LetterIndex.takeAffected} was last called: letters, symbol parts and title dates. */
	private readonly changedLetters = new Set<string>();
	private readonly changedParts = new Set<string>();
	private readonly changedTitleDates = new Set<string>();
	/** The signature ({@link summarySignature}) of the entries `update` made, with the sidecar symbol they were made with. */
	private readonly signatures = new WeakMap<LetterSummary, string>();
	/** Agenda titles the letters print under their agenda lines, for every letter of the same session. */
	readonly agendaTitles = new LearnedAgendaTitles();

	/**
	 * @param data the reference data the letters are read with
	 * @param texts where closed letters are read again; without it every model given is kept
	 */
	constructor(private readonly data: ReferenceData, private readonly texts?: LetterTextSource) {
		this.inference = new IdentityInference({
			entry: (uri) => this.entries.get(uri),
			hasDirectPart: (part) => this.directByPart.has(part),
			partChanged: (part) => this.dropResolved(part),
			identityChanged: (uri) => {
				if (this.tracking) {
					this.changedLetters.add(uri);
				}
			},
		});
	}

	/** Number of files held (letters and non-letters). */
	get size(): number {
		return this.entries.size;
	}

	/** Parses a file's text and indexes it, replacing what was held for that file. */
	set(uri: string, text: string, options: IndexOptions = {}): IndexedLetter {
		return this.setParsed(uri, parseLetter(text, this.data), options);
	}

	/** Indexes an already parsed letter (the host may parse elsewhere). */
	setParsed(uri: string, letter: Letter, options: IndexOptions = {}): IndexedLetter {
		const entry = this.setSummary(uri, summarizeLetter(letter, this.data), options);
		this.keepModel(uri, letter, options.open === true);
		return entry;
	}

	/** Indexes a letter by its compact entry (made in a worker, or stored between runs): a closed letter. */
	setSummary(uri: string, summary: LetterSummary, options: IndexOptions = {}): IndexedLetter {
		const held = this.entries.get(uri);
		if (held) {
			this.remove(held);
		}
		if (!held) {
			this.sorted = undefined;
			this.sortedLetters = undefined;
		} else if (held.summary.isLetter !== summary.isLetter) {
			this.sortedLetters = undefined;
		}
		const fileName = held?.fileName ?? fileNameOf(uri);
		const interned = this.symbols.internSummary(summary);
		const entry: IndexedLetter = { uri, fileName, summary: interned, sidecarSymbol: options.sidecarSymbol, directIdentity: directIdentity(interned, options.sidecarSymbol, fileName) };
		this.entries.set(uri, entry);
		this.add(entry);
		this.forgetModel(uri);
		return entry;
	}

	/**
	 * Indexes closed letters by their compact entries, many at once (a restart, a folder read): the same as
	 * {@link LetterIndex.setSummary} for each in turn, with the work that does not depend on the letter done once —
	 * and an entry whose symbols already are the index's instances is held as it is, not copied. With `shared` (the
	 * entries were read back from the persistent index, which writes each symbol once) every entry is held as it is
	 * and its symbols are counted in the background (`SymbolTable.adoptLater`). Returns the letters as held, in the
	 * order given.
	 */
	setSummaries(items: readonly { readonly uri: string; readonly summary: LetterSummary; readonly options?: IndexOptions }[], shared = false): IndexedLetter[] {
		const held: IndexedLetter[] = [];
		for (const { uri, summary, options } of items) {
			if (this.entries.has(uri)) {
				held.push(this.setSummary(uri, summary, options));
				continue;
			}
			const fileName = fileNameOf(uri);
			let adopted = summary;
			if (shared) {
				this.symbols.adoptLater(summary);
			} else {
				adopted = this.symbols.adoptSummary(summary);
			}
			const sidecarSymbol = options?.sidecarSymbol;
			const entry: IndexedLetter = { uri, fileName, summary: adopted, sidecarSymbol, directIdentity: directIdentity(adopted, sidecarSymbol, fileName) };
			this.entries.set(uri, entry);
			this.add(entry, true);
			this.forgetModel(uri);
			held.push(entry);
		}
		if (items.length > 0) {
			this.sorted = undefined;
			this.sortedLetters = undefined;
		}
		return held;
	}

	/**
	 * Indexes a fresh parse of an open letter being edited. When it indexes the same way as the held entry
	 * ({@link summarySignature}: same identity, cited symbols and dates, dated references, header facts), only the
	 * entry and the model are replaced — every table and computed identity stays, and answers give the fresh
	 * positions (an inferred identity's citation included) — and false is returned; otherwise it is indexed anew, as by
	 * `setParsed`, and true is returned.
	 */
	update(uri: string, letter: Letter, options: IndexOptions = {}): boolean {
		const held = this.entries.get(uri);
		const summary = summarizeLetter(letter, this.data);
		const signature = summarySignature(summary, options.sidecarSymbol);
		if (!held || held.sidecarSymbol !== options.sidecarSymbol || this.signatureOf(held) !== signature) {
			this.setSummary(uri, summary, options);
			this.keepModel(uri, letter, options.open === true);
			this.signatures.set(this.entries.get(uri)!.summary, signature);
			return true;
		}
		this.symbols.releaseSummary(held.summary);
		const interned = this.symbols.internSummary(summary);
		this.signatures.set(interned, signature);
		this.entries.set(uri, { ...held, summary: interned });
		if (this.tracking) {
			this.changedLetters.add(uri);
		}
		this.agendaTitles.set(uri, held.fileName, interned);
		this.forgetModel(uri);
		this.keepModel(uri, letter, options.open === true);
		return false;
	}

	/** Forgets a file. Returns false when it was not held. */
	delete(uri: string): boolean {
		const entry = this.entries.get(uri);
		if (!entry) {
			return false;
		}
		this.remove(entry);
		this.entries.delete(uri);
		this.inference.forget(uri);
		this.forgetModel(uri);
		this.sorted = undefined;
		this.sortedLetters = undefined;
		return true;
	}

	/** The letter is no longer open: its full model is not kept any more (when there is a text source to read it again). */
	release(uri: string): void {
		this.open.delete(uri);
		if (this.texts) {
			this.models.delete(uri);
		}
	}

	/** The file held for a URI. */
	get(uri: string): IndexedLetter | undefined {
		return this.entries.get(uri);
	}

	/**
	 * The full model of a held letter: kept for open letters, else parsed again from the text source (a few recent ones
	 * are kept). Undefined when the letter is not held or its text cannot be had as it was indexed.
	 */
	model(uri: string): Letter | undefined {
		if (!this.entries.has(uri)) {
			return undefined;
		}
		const held = this.models.get(uri);
		if (held) {
			return held;
		}
		const recent = this.recent.get(uri);
		if (recent) {
			this.recent.delete(uri);
			this.recent.set(uri, recent);
			return recent;
		}
		const text = this.texts?.textOf(uri);
		if (text === undefined) {
			return undefined;
		}
		const letter = parseLetter(text, this.data);
		this.recent.set(uri, letter);
		if (this.recent.size > RECENT_MODELS) {
			this.recent.delete(this.recent.keys().next().value as string);
		}
		return letter;
	}

	/** Every file held, letters and non-letters, in URI order (never the order files were read). */
	all(): IndexedLetter[] {
		this.sorted ??= [...this.entries.values()].sort(byUri);
		return this.sorted.map((entry) => this.entries.get(entry.uri) ?? entry);
	}

	/** Every letter held (files detected as UN correspondence), in URI order. */
	letters(): IndexedLetter[] {
		this.sortedLetters ??= this.all().filter((entry) => entry.summary.isLetter);
		return this.sortedLetters.map((entry) => this.entries.get(entry.uri) ?? entry);
	}

	/** The number of letters held (files detected as UN correspondence). */
	get letterCount(): number {
		return this.lettersHeld;
	}

	/** The URIs of every letter held, in no particular order (what a count over all letters needs; no sort). */
	letterUris(): string[] {
		const uris: string[] = [];
		for (const entry of this.entries.values()) {
			if (entry.summary.isLetter) {
				uris.push(entry.uri);
			}
		}
		return uris;
	}

	/**
	 * The letters whose workspace findings (what {@link LetterIndex.resolve}, {@link LetterIndex.identity} and
	 * {@link LetterIndex.lettersWrittenOn} give them) may have changed since the last call, and forgets them: every
	 * letter set, updated or deleted, every letter whose inferred identity changed, the letters citing a symbol part
	 * whose letters changed (by direct or inferred identity, or because a letter with it changed: its distribution date
	 * may have), and the letters referring to a letter of a title date that some letter gained or lost. A deleted letter
	 * is among them although it is no longer held. Inferred identities a change made stale are computed again first, so
	 * that the parts they change are known. Changes are kept from the first call of this or {@link LetterIndex.clearAffected}
	 * on (an index nobody asks keeps nothing).
	 */
	takeAffected(): string[] {
		this.tracking = true;
		this.inference.refreshSome(() => false);
		const affected = new Set(this.changedLetters);
		const citers = this.citers();
		for (const part of this.changedParts) {
			citers.get(part)?.forEach((uri) => affected.add(uri));
		}
		for (const date of this.changedTitleDates) {
			this.inference.referrersOf(date).forEach((uri) => affected.add(uri));
		}
		this.changedLetters.clear();
		this.changedParts.clear();
		this.changedTitleDates.clear();
		return [...affected];
	}

	/** Forgets what changed so far (a host about to count every letter anew), and keeps what changes from now on. */
	clearAffected(): void {
		this.tracking = true;
		this.changedLetters.clear();
		this.changedParts.clear();
		this.changedTitleDates.clear();
	}

	/**
	 * Computes inferred identities a change made stale until `enough()` says to stop; true when none is left. Lookups
	 * compute what they need themselves; this lets a host do the rest in the background, in slices. (It first enters
	 * the citations a bulk fill left out of the citers' table, which lookups also do themselves when they need it.)
	 */
	refreshInferred(enough: () => boolean): boolean {
		return this.symbols.adoptPending(enough) && this.enterPendingCiters(enough) && this.inference.refreshSome(enough);
	}

	/** The identity of a letter: its own (masthead, sidecar, file name), else inferred from another letter's dated citation. */
	identity(uri: string): LetterIdentity | undefined {
		const entry = this.entries.get(uri);
		return entry && (entry.directIdentity ?? this.inference.identity(entry));
	}

	/**
	 * The workspace letters that are the document with this symbol (any part in common), directly identified or
	 * inferred, in URI order: when two letters claim one symbol both are given, and the first is the same on every run.
	 */
	resolve(symbol: DocumentSymbolRef): IndexedLetter[] {
		let cached = this.resolveCache.get(symbol.text);
		if (cached?.inferred) {
			// Inferred identities are computed when asked: bring those of the symbol's parts a change made stale up to date first.
			for (const part of symbol.parts) {
				this.inference.refreshPart(part.text);
			}
			cached = this.resolveCache.get(symbol.text);
		}
		if (!cached) {
			cached = this.lookUp(symbol);
			this.resolveCache.set(symbol.text, cached);
			for (const part of symbol.parts) {
				addTo(this.resolvedByPart, part.text, symbol.text);
			}
		}
		return cached.uris.map((uri) => this.entries.get(uri)).filter((entry): entry is IndexedLetter => entry !== undefined);
	}

	/** The letters whose title carries this letter date (`Letter dated 24 February 2020 …`), in URI order. */
	lettersWrittenOn(date: CalendarDate | string): IndexedLetter[] {
		const iso = typeof date === 'string' ? date : toIsoDate(date);
		return [...this.inference.lettersWrittenOn(iso)].sort().map((uri) => this.entries.get(uri)).filter((entry): entry is IndexedLetter => entry !== undefined);
	}

	/**
	 * The header's agenda items of a letter with their titles: its own (printed, or from the agenda data), else the one
	 * another letter of the workspace prints for the same item of the same session's list; `null` when unknown.
	 */
	agendaItemsOf(uri: string): { readonly number: number; readonly title: ResolvedAgendaTitle | null }[] {
		const entry = this.entries.get(uri);
		return entry ? agendaItemsWithTitles(this.agendaTitles, this.data, entry.summary.agenda) : [];
	}

	/** The references to UN letters dated on this day, with the letter that makes each, in URI order. */
	referencesDated(date: CalendarDate | string): { readonly uri: string; readonly reference: SummaryReference }[] {
		const iso = typeof date === 'string' ? date : toIsoDate(date);
		return [...this.inference.referrersOf(iso)].sort().flatMap((uri) => datedReferences(this.entries.get(uri)?.summary).filter((reference) => reference.date === iso).map((reference) => ({ uri, reference })));
	}

	/** The letters that cite a symbol (any part in common), with their citations of it, in URI order. */
	citing(symbol: DocumentSymbolRef): CitingLetter[] {
		const uris = new Set<string>();
		const citers = this.citers();
		for (const part of symbol.parts) {
			for (const uri of citers.get(part.text) ?? []) {
				uris.add(uri);
			}
		}
		const texts = new Set(symbol.parts.map((part) => part.text));
		const result: CitingLetter[] = [];
		for (const uri of [...uris].sort()) {
			const entry = this.entries.get(uri);
			const citations = entry?.summary.citations.filter((citation) => citation.symbol.parts.some((part) => texts.has(part.text))) ?? [];
			if (citations.length > 0) {
				result.push({ uri, citations });
			}
		}
		return result;
	}

	/** The URIs of the letters that cite a part of the symbol, sorted, without gathering their citations (counts, catalogues). */
	citingUris(symbol: DocumentSymbolRef): string[] {
		const uris = new Set<string>();
		const citers = this.citers();
		for (const part of symbol.parts) {
			for (const uri of citers.get(part.text) ?? []) {
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

	/** The signature of a held entry: made once per entry of an edited letter, not again at each keystroke. */
	private signatureOf(entry: IndexedLetter): string {
		return this.signatures.get(entry.summary) ?? summarySignature(entry.summary, entry.sidecarSymbol);
	}

	private keepModel(uri: string, letter: Letter, open: boolean): void {
		if (open) {
			this.open.add(uri);
		}
		if (open || this.open.has(uri) || !this.texts) {
			this.models.set(uri, letter);
		} else {
			this.recent.set(uri, letter);
			if (this.recent.size > RECENT_MODELS) {
				this.recent.delete(this.recent.keys().next().value as string);
			}
		}
	}

	private forgetModel(uri: string): void {
		this.models.delete(uri);
		this.recent.delete(uri);
	}

	private lookUp(symbol: DocumentSymbolRef): { uris: string[]; inferred: boolean } {
		const found = new Set<string>();
		for (const part of symbol.parts) {
			for (const uri of this.directByPart.get(part.text) ?? []) {
				found.add(uri);
			}
		}
		if (found.size > 0) {
			return { uris: [...found].sort(), inferred: false };
		}
		for (const part of symbol.parts) {
			for (const uri of this.inference.inferredWithPart(part.text)) {
				found.add(uri);
			}
		}
		return { uris: [...found].sort(), inferred: true };
	}

	/** Drops the cached resolutions of every symbol with this part. */
	private dropResolved(part: string): void {
		if (this.tracking) {
			this.changedParts.add(part);
		}
		for (const text of this.resolvedByPart.get(part) ?? []) {
			this.resolveCache.delete(text);
		}
		this.resolvedByPart.delete(part);
	}

	/** The letters citing each symbol part, every letter's citations in it. */
	private citers(): Map<string, Set<string>> {
		this.enterPendingCiters(() => false);
		return this.citersByPart;
	}

	/** Enters the citations of the letters a bulk fill left out of the citers' table, until `enough()`; true when none is left. */
	private enterPendingCiters(enough: () => boolean): boolean {
		return enterPendingLetters(this.citersPending, (uri) => this.entries.get(uri), (entry) => this.enterCiters(entry), enough);
	}

	private enterCiters({ uri, summary }: IndexedLetter): void {
		for (const citation of summary.citations) {
			for (const part of citation.symbol.parts) {
				addTo(this.citersByPart, part.text, uri);
			}
		}
	}

	/**
	 * Enters a letter in the tables; `bulk` (a bulk fill) leaves its citations to {@link enterPendingCiters} and its
	 * part in the identity inference to the inference's next read of its tables.
	 */
	private add(entry: IndexedLetter, bulk = false): void {
		const { uri, summary } = entry;
		this.noteChange(entry);
		this.lettersHeld += summary.isLetter ? 1 : 0;
		for (const part of entry.directIdentity?.symbol.parts ?? []) {
			addTo(this.directByPart, part.text, uri);
			this.dropResolved(part.text);
		}
		if (!bulk) {
			this.enterCiters(entry);
		} else if (summary.citations.length > 0) {
			this.citersPending.add(uri);
		}
		this.agendaTitles.set(uri, entry.fileName, summary);
		this.inference.added(entry, bulk);
	}

	/** A letter enters or leaves the tables: it, and the letters referring to its title date, may count differently. */
	private noteChange(entry: IndexedLetter): void {
		if (!this.tracking) {
			return;
		}
		this.changedLetters.add(entry.uri);
		if (entry.summary.titleDate !== undefined) {
			this.changedTitleDates.add(entry.summary.titleDate);
		}
		for (const part of this.inference.heldParts(entry.uri)) {
			this.changedParts.add(part);
		}
	}

	private remove(entry: IndexedLetter): void {
		const { uri, summary } = entry;
		this.noteChange(entry);
		this.lettersHeld -= summary.isLetter ? 1 : 0;
		this.inference.removed(entry);
		this.agendaTitles.delete(uri);
		for (const part of entry.directIdentity?.symbol.parts ?? []) {
			removeFrom(this.directByPart, part.text, uri);
			this.dropResolved(part.text);
		}
		// A letter whose citations were still to enter has none in the table.
		if (!this.citersPending.delete(uri)) {
			for (const citation of summary.citations) {
				for (const part of citation.symbol.parts) {
					removeFrom(this.citersByPart, part.text, uri);
				}
			}
		}
		this.symbols.releaseSummary(summary);
	}
}

function byUri(a: { readonly uri: string }, b: { readonly uri: string }): number {
	return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

/** A reference to a UN letter with a calendar date. */
export type DatedReference = SummaryReference & { readonly date: string };

/** The references of a letter to UN letters that give a date. */
export function datedReferences(summary: LetterSummary | undefined): DatedReference[] {
	return (summary?.references ?? []).filter((reference): reference is DatedReference => reference.unCorrespondence && reference.date !== undefined);
}
