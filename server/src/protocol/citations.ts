import { defineRequest } from './messageTypes';
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';

/** How a cited symbol was matched to a workspace letter. */
export type CitationStatus = 'resolved' | 'inferred' | 'unresolved';

/** Where a letter's identity (its document symbol) comes from (SPEC "Identity of a letter in the workspace"). */
export type IdentitySourceName = 'masthead' | 'sidecar' | 'file-name' | 'inferred';

/** The identity of a workspace letter. */
export interface LetterIdentityInfo {
	/** The document symbol, normalised (`A/75/660-S/2020/1267`). */
	readonly symbol: string;
	readonly source: IdentitySourceName;
	/** For an inferred identity: the citation in another letter that points at this letter, and its ISO date. */
	readonly inferredFrom?: { readonly uri: string; readonly range: Range; readonly date: string };
}

/** A workspace letter a citation resolves to. */
export interface CitationTarget {
	readonly uri: string;
	readonly fileName: string;
	/** The masthead or title range of the target letter (the start of the file when it has neither). */
	readonly range: Range;
	/** The letter's title line, collapsed to one line. */
	readonly title?: string;
	/** How the target is identified: `inferred` when no masthead, sidecar or file name says so. */
	readonly identity: LetterIdentityInfo;
}

/** One citation in the document, with what it resolves to. */
export interface OutgoingCitation {
	/** The cited symbol, normalised. */
	readonly symbol: string;
	readonly range: Range;
	/** The date given with the citation, ISO `YYYY-MM-DD`. */
	readonly citedDate?: string;
	readonly status: CitationStatus;
	/** Empty when unresolved; more than one when several workspace letters carry the symbol. */
	readonly targets: readonly CitationTarget[];
	/** `https://undocs.org/<part>`, one per part of a joint symbol. */
	readonly undocsUrls: readonly string[];
	/** The label of the footnote the citation stands in, if any. */
	readonly footnote?: string;
}

/** A workspace letter that cites the document. */
export interface IncomingCitation {
	readonly uri: string;
	readonly fileName: string;
	readonly title?: string;
	/** The symbol as that letter cites it (normalised). */
	readonly symbol: string;
	/** Ranges of the citations in the citing letter. */
	readonly ranges: readonly Range[];
}

/** Parameters of {@link CitationsRequest}. */
export interface CitationsParams {
	readonly textDocument: TextDocumentIdentifier;
}

/** What a document cites and what cites it. */
export interface CitationsResult {
	readonly uri: string;
	/** False for a file that is not UN correspondence (then every list is empty). */
	readonly isLetter: boolean;
	readonly identity?: LetterIdentityInfo;
	readonly title?: string;
	/** Citations in text order. */
	readonly cites: readonly OutgoingCitation[];
	/** The workspace letters citing this one, by file name. */
	readonly citedBy: readonly IncomingCitation[];
}

/**
 * Client → server: the citations of a document (resolved, inferred, unresolved) and the letters that cite it.
 * Feeds the Citations view. Answers for documents the server has indexed or opened; a file it does not know gives
 * `isLetter: false`.
 */
export const CitationsRequest = defineRequest<CitationsParams, CitationsResult>('diplomaticLetters/citations');

/** Parameters of {@link SymbolAtRequest}. */
export interface SymbolAtParams {
	readonly textDocument: TextDocumentIdentifier;
	readonly position: Position;
}

/** The document symbol (or resolution) under the cursor. */
export interface SymbolAtResult {
	readonly symbol: string;
	readonly range: Range;
	readonly undocsUrls: readonly string[];
	/** Workspace letters with that symbol (empty when none, or for a resolution). */
	readonly targets: readonly CitationTarget[];
}

/**
 * Client → server: the symbol under the cursor, for the commands "Open Cited Document" and "Open on undocs.org".
 * `null` when the cursor is on no symbol or resolution. The masthead symbol counts.
 */
export const SymbolAtRequest = defineRequest<SymbolAtParams, SymbolAtResult | null>('diplomaticLetters/symbolAt');
