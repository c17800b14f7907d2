import type { ExchangeLinkView, LetterRef, LetterRowView, LinkedLetterView, ThreadView } from '../engine/languageFeatures/letterViews';
import type { PackedCitationGraph, PackedGraphNode } from '../engine/workspace/packedGraph';
import type { LinkKind } from '../engine/workspace/letterLinks';
import { defineNotification, defineRequest, defineRequest0 } from './messageTypes';
import type { ProblemCounts } from './status';
import type { TextDocumentIdentifier } from 'vscode-languageserver-protocol';

/*
 * The folder-wide views: the Letters view, the Thread and Exchanges views, the citation graph, and Set Document Symbol.
 * The shapes are the engine's (server/src/engine/languageFeatures/letterViews.ts, workspace/citationGraph.ts), named
 * here for the protocol: one definition for the engine, the server and the client.
 */

/** A workspace letter as people name it (`A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020`), with where to open it. */
export type LetterReference = LetterRef;
/** How one letter points at another: `further-to` (the writer's own earlier letter), `refers-to` (another sender's letter), `cites` (its symbol). */
export type LetterLinkKind = LinkKind;
/** A letter of a thread, with how the link runs. */
export type LinkedLetter = LinkedLetterView;

/** One row of the Letters view: the `letters` catalogue record, with the counts the server knows. */
export interface LetterRow extends LetterRowView {
	/** Annotations in the letter's sidecar; null when the sidecar does not parse. */
	readonly annotations: number | null;
	/** The letter's diagnostics by severity; null until the server has counted them (after indexing). */
	readonly problems: ProblemCounts | null;
}

/** The answer to {@link LettersRequest}. */
export interface LettersResult {
	/** Every letter of the workspace folders, in URI order. */
	readonly letters: readonly LetterRow[];
	/** True while the folders are still being read (the list grows). */
	readonly indexing: boolean;
}

/** Client → server: every letter of the workspace with its catalogue fields and counts (the Letters view). */
export const LettersRequest = defineRequest0<LettersResult>('diplomaticLetters/letters');

/** Parameters of {@link LettersChangedNotification}. */
export interface LettersChangedParams {
	/** Letters whose row changed; empty when many did (after indexing). */
	readonly uris: readonly string[];
}

/**
 * Server → client: the catalogue changed (letters added, removed or re-read, identities, annotation or problem
 * counts), sent at most twice a second. The client asks again with {@link LettersRequest}; the Thread view asks again too.
 */
export const LettersChangedNotification = defineNotification<LettersChangedParams>('diplomaticLetters/lettersChanged');

/** Parameters of {@link LetterRequest}. */
export interface LetterParams {
	readonly textDocument: TextDocumentIdentifier;
}

/**
 * Client → server: one letter as the views name it, with its identity (the context key that offers "Set Document
 * Symbol" for the active letter); `null` for a file that is not a letter.
 */
export const LetterRequest = defineRequest<LetterParams, LetterReference | null>('diplomaticLetters/letter');

/** Parameters of {@link ThreadRequest}. */
export interface ThreadParams {
	readonly textDocument: TextDocumentIdentifier;
}

/** The answer to {@link ThreadRequest}: what a letter answers and what answers it, in date order. */
export type ThreadResult = ThreadView;

/** Client → server: the correspondence thread of a letter (the Thread view); `null` for a file that is not a letter. */
export const ThreadRequest = defineRequest<ThreadParams, ThreadResult | null>('diplomaticLetters/thread');

/** Parameters of {@link ExchangesRequest}: two senders as the catalogue names them (`Armenia`, `Azerbaijan`). */
export interface ExchangesParams {
	readonly senderA: string;
	readonly senderB: string;
}

/** One link between the letters of the two senders. */
export type ExchangeLink = ExchangeLinkView;

/** The answer to {@link ExchangesRequest}. */
export interface ExchangesResult {
	/** In the date order of the letter that makes each link. */
	readonly links: readonly ExchangeLink[];
}

/** Client → server: the exchanges between two senders (the Exchanges view's timeline). */
export const ExchangesRequest = defineRequest<ExchangesParams, ExchangesResult>('diplomaticLetters/exchanges');

/** Parameters of {@link AgendaItemLettersRequest}: an agenda item of a General Assembly session. */
export interface AgendaItemLettersParams {
	readonly session: number;
	readonly item: number;
}

/** The answer to {@link AgendaItemLettersRequest}. */
export interface AgendaItemLettersResult {
	/** In date order. */
	readonly letters: readonly LetterReference[];
}

/** Client → server: the letters whose header lists an agenda item (the Exchanges view's timeline). */
export const AgendaItemLettersRequest = defineRequest<AgendaItemLettersParams, AgendaItemLettersResult>('diplomaticLetters/agendaItemLetters');

/** A letter of the citation graph. */
export type CitationGraphNode = PackedGraphNode;
/**
 * The citation graph of the workspace, packed: nodes refer to tables of senders, sessions/years and agenda items, and
 * every link is three numbers (citing node, cited node, kind: 0 further to, 1 in reply to, 2 cites).
 */
export type CitationGraphResult = PackedCitationGraph;

/** Client → server: every letter and every link between two workspace letters (the citation graph webview). */
export const CitationGraphRequest = defineRequest0<CitationGraphResult>('diplomaticLetters/citationGraph');

/** Parameters of {@link SetDocumentSymbolRequest}. */
export interface SetDocumentSymbolParams {
	readonly textDocument: TextDocumentIdentifier;
	/** As typed by the user; the server checks it with the symbol grammar. */
	readonly symbol: string;
}

/** The outcome of Set Document Symbol: the stored symbol (and the other letters claiming it), or why nothing was written. */
export type SetDocumentSymbolResult =
	| { readonly ok: true; readonly symbol: string; readonly alsoClaimedBy: readonly LetterReference[] }
	| { readonly ok: false; readonly message: string };

/**
 * Client → server: store a letter's document symbol as `document.symbol` in its sidecar (command "Set Document
 * Symbol"). The server checks the symbol, writes the sidecar through its one writer, and re-indexes the letter.
 */
export const SetDocumentSymbolRequest = defineRequest<SetDocumentSymbolParams, SetDocumentSymbolResult>('diplomaticLetters/setDocumentSymbol');
