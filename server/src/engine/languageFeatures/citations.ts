/** The citations of a letter for the Citations view: what it cites (resolved, inferred, unresolved) and what cites it. */
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import { undocsUrl } from '../symbols/documentSymbols';
import type { TextPosition } from '../text/lineIndex';
import { catalogueRecord, letterName } from '../workspace/catalogue';
import type { LetterIdentity } from '../workspace/identity';
import type { IndexedLetter, LetterIndex } from '../workspace/letterIndex';
import { byLetterDate } from '../workspace/letterLinks';
import type { TextRange } from './context';
import { landingRange, readLetter, titleOf, toOffset, toTextRange } from './context';
import { textRangeOf } from '../text/placedRange';
import { elementAt } from './elementAt';
import { lettersWithSymbol } from './workspaceLookups';

/** A letter's identity with line/character ranges. */
export interface IdentityView {
	readonly symbol: string;
	readonly source: LetterIdentity['source'];
	readonly inferredFrom?: { readonly uri: string; readonly range: TextRange; readonly date: string };
}

/** A workspace letter a citation resolves to. */
export interface CitationTargetView {
	readonly uri: string;
	readonly fileName: string;
	/** The letter as people name it: `A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020`. */
	readonly name: string;
	readonly range: TextRange;
	readonly title?: string;
	readonly identity: IdentityView;
}

/** One citation of the letter. */
export interface OutgoingCitationView {
	readonly symbol: string;
	readonly range: TextRange;
	readonly citedDate?: string;
	readonly status: 'resolved' | 'inferred' | 'unresolved';
	readonly targets: readonly CitationTargetView[];
	readonly undocsUrls: readonly string[];
	readonly footnote?: string;
}

/** A letter citing this one. */
export interface IncomingCitationView {
	readonly uri: string;
	readonly fileName: string;
	/** The letter as people name it. */
	readonly name: string;
	readonly title?: string;
	readonly symbol: string;
	readonly ranges: readonly TextRange[];
}

/** What a letter cites and what cites it (the shape of the `diplomaticLetters/citations` answer). */
export interface CitationsView {
	readonly uri: string;
	readonly isLetter: boolean;
	readonly identity?: IdentityView;
	/** The letter as people name it (absent for a file that is not a letter). */
	readonly name?: string;
	readonly title?: string;
	readonly cites: readonly OutgoingCitationView[];
	readonly citedBy: readonly IncomingCitationView[];
}

function identityView(index: LetterIndex, identity: LetterIdentity): IdentityView {
	const from = identity.inferredFrom;
	const citer = from && index.get(from.uri);
	return {
		symbol: identity.symbol.text,
		source: identity.source,
		inferredFrom: from && citer ? { uri: from.uri, range: textRangeOf(from.range), date: from.date } : undefined,
	};
}

/** How people name a workspace letter (its file name when nothing else is known). */
function nameOf(index: LetterIndex, entry: IndexedLetter): string {
	const record = catalogueRecord(index, entry.uri);
	return record ? letterName(record) : entry.fileName;
}

function targetView(index: LetterIndex, entry: IndexedLetter): CitationTargetView | undefined {
	const identity = index.identity(entry.uri);
	return identity && { uri: entry.uri, fileName: entry.fileName, name: nameOf(index, entry), range: textRangeOf(landingRange(entry)), title: titleOf(entry), identity: identityView(index, identity) };
}

/** The targets of a symbol in the workspace, as views. */
export function targetViews(index: LetterIndex, symbol: DocumentSymbolRef, selfUri: string): CitationTargetView[] {
	return lettersWithSymbol(index, symbol, selfUri).map((entry) => targetView(index, entry)).filter((view): view is CitationTargetView => view !== undefined);
}

/** The citations view of a document; `isLetter: false` for a file that is not a letter or not known. */
export function provideCitations(index: LetterIndex, uri: string): CitationsView {
	const self = index.get(uri);
	if (!self?.summary.isLetter) {
		return { uri, isLetter: false, cites: [], citedBy: [] };
	}
	const cites = self.summary.citations.map((citation): OutgoingCitationView => {
		const targets = targetViews(index, citation.symbol, uri);
		const status = targets.length === 0 ? 'unresolved' : targets.every((target) => target.identity.source === 'inferred') ? 'inferred' : 'resolved';
		return {
			symbol: citation.symbol.text,
			range: textRangeOf(citation.range),
			citedDate: citation.date,
			status, targets,
			undocsUrls: citation.symbol.parts.map((part) => undocsUrl(part)),
			footnote: citation.footnote,
		};
	});
	const byDate = byLetterDate(index);
	const citedBy = index.citersOf(uri).flatMap((citer): IncomingCitationView[] => {
		const entry = index.get(citer.uri);
		return entry ? [{
			uri: entry.uri, fileName: entry.fileName, name: nameOf(index, entry), title: titleOf(entry),
			symbol: citer.citations[0]?.symbol.text ?? '',
			ranges: citer.citations.map((citation) => textRangeOf(citation.range)),
		}] : [];
	}).sort((a, b) => byDate(a.uri, b.uri));
	const identity = index.identity(uri);
	return { uri, isLetter: true, identity: identity && identityView(index, identity), name: nameOf(index, self), title: titleOf(self), cites, citedBy };
}

/** The symbol (citation, masthead or resolution) at a position, with its links and workspace letters. */
export interface SymbolAtView {
	readonly symbol: string;
	readonly range: TextRange;
	readonly undocsUrls: readonly string[];
	readonly targets: readonly CitationTargetView[];
}

/** The symbol under the cursor, or undefined. */
export function provideSymbolAt(index: LetterIndex, uri: string, position: TextPosition): SymbolAtView | undefined {
	const self = readLetter(index, uri);
	if (!self) {
		return undefined;
	}
	const element = elementAt(self.letter, toOffset(self.letter, position));
	const range = element && toTextRange(self.letter, element.range);
	if (element?.kind === 'citation' || element?.kind === 'masthead') {
		const symbol = element.kind === 'citation' ? element.citation.symbol : element.symbol;
		return { symbol: symbol.text, range: range ?? toTextRange(self.letter, element.range), undocsUrls: symbol.parts.map((part) => undocsUrl(part)), targets: element.kind === 'citation' ? targetViews(index, symbol, uri) : [] };
	}
	if (element?.kind === 'resolution') {
		return { symbol: element.resolution.symbol, range: toTextRange(self.letter, element.range), undocsUrls: [element.resolution.url], targets: [] };
	}
	return undefined;
}
