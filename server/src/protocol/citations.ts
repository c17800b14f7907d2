import type { CitationTargetView, CitationsView, IdentityView, IncomingCitationView, OutgoingCitationView } from '../engine/languageFeatures/citations';
import { defineRequest } from './messageTypes';
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';

/*
 * The answer shapes are the engine's own (server/src/engine/languageFeatures/citations.ts), named here for the
 * protocol: one definition for the engine, the server and the client.
 */

/** How a cited symbol stands in the workspace. */
export type CitationStatus = OutgoingCitationView['status'];
/** Where a letter's identity comes from. */
export type IdentitySourceName = IdentityView['source'];
/** The identity of a workspace letter: its symbol, where it comes from, and for an inferred one the citation it was inferred from. */
export type LetterIdentityInfo = IdentityView;
/** A workspace letter a cited symbol resolves to. */
export type CitationTarget = CitationTargetView;
/** A citation in the letter: the symbol, its range, the date given with it, and what it resolves to. */
export type OutgoingCitation = OutgoingCitationView;
/** A workspace letter that cites the document. */
export type IncomingCitation = IncomingCitationView;

/** Parameters of {@link CitationsRequest}. */
export interface CitationsParams {
	readonly textDocument: TextDocumentIdentifier;
}

/** The answer to `diplomaticLetters/citations`: what a letter cites and what cites it. */
export type CitationsResult = CitationsView;

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
