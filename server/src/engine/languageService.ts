/**
 * The language service of diplomatic letters: every editor feature over the workspace index, with no editor or LSP
 * runtime. The host keeps the index current (files on disk, open documents over them) and passes the reference data and
 * a settings lookup; each `provideX` answers from the index in line/character positions (UTF-16), as LSP does.
 */
import type { TextPosition } from './text/lineIndex';
import { prepareCallHierarchy, provideIncomingCalls, provideOutgoingCalls } from './languageFeatures/callHierarchy';
import type { LetterHierarchyCall, LetterHierarchyItem } from './languageFeatures/callHierarchy';
import { provideCitations, provideSymbolAt } from './languageFeatures/citations';
import type { CitationsView, SymbolAtView } from './languageFeatures/citations';
import { provideCodeActions } from './languageFeatures/codeActions';
import type { LetterCodeAction } from './languageFeatures/codeActions';
import { provideCodeLenses } from './languageFeatures/codeLens';
import type { CitedByLens } from './languageFeatures/codeLens';
import { provideCompletions } from './languageFeatures/completion';
import type { LetterCompletionList } from './languageFeatures/completion';
import type { CancellationSignal, LanguageServiceInit, TextLocation, TextRange } from './languageFeatures/context';
import { provideDefinitions } from './languageFeatures/definitions';
import type { DefinitionLink } from './languageFeatures/definitions';
import { provideDiagnostics } from './languageFeatures/diagnostics';
import type { PlacedDiagnostic } from './languageFeatures/diagnostics';
import { provideDocumentLinks } from './languageFeatures/documentLinks';
import type { LetterDocumentLink } from './languageFeatures/documentLinks';
import { provideDocumentOutline } from './languageFeatures/documentOutline';
import type { OutlineEntry } from './languageFeatures/documentOutline';
import { provideFoldingRanges } from './languageFeatures/folding';
import type { LetterFoldingRange } from './languageFeatures/folding';
import { provideHover } from './languageFeatures/hover';
import type { LetterHover } from './languageFeatures/hover';
import { provideReferences } from './languageFeatures/references';
import { provideWorkspaceSymbols } from './languageFeatures/workspaceSymbols';
import type { LetterSymbol } from './languageFeatures/workspaceSymbols';
import type { LetterRecord } from './workspace/catalogue';
import { catalogue } from './workspace/catalogue';
import type { CitationGraph } from './workspace/citationGraph';
import { citationGraph } from './workspace/citationGraph';
import { checkLetterSymbol } from './languageFeatures/letterIdentityEdit';
import type { LetterSymbolCheck } from './languageFeatures/letterIdentityEdit';
import { provideAgendaItemLetters, provideExchangesView, provideLetterRef, provideLetterRows, provideThreadView } from './languageFeatures/letterViews';
import type { ExchangeLinkView, LetterRef, LetterRowView, ThreadView } from './languageFeatures/letterViews';

export type { CancellationSignal, LanguageServiceInit, LetterSettings, TextLocation, TextRange } from './languageFeatures/context';

/** Every feature of the language service. Positions are zero-based lines and UTF-16 characters. */
export interface LetterLanguageService {
	provideDiagnostics(uri: string): PlacedDiagnostic[];
	provideHover(uri: string, position: TextPosition): LetterHover | undefined;
	provideDefinitions(uri: string, position: TextPosition): DefinitionLink[];
	provideReferences(uri: string, position: TextPosition, includeDeclaration: boolean, token?: CancellationSignal): TextLocation[];
	provideDocumentLinks(uri: string): LetterDocumentLink[];
	provideDocumentOutline(uri: string): OutlineEntry[];
	provideWorkspaceSymbols(query: string, token?: CancellationSignal): LetterSymbol[];
	provideCompletions(uri: string, position: TextPosition, token?: CancellationSignal): LetterCompletionList;
	provideFoldingRanges(uri: string): LetterFoldingRange[];
	provideCodeLenses(uri: string, token?: CancellationSignal): CitedByLens[];
	provideCodeActions(uri: string, range: TextRange): LetterCodeAction[];
	provideCitations(uri: string): CitationsView;
	provideSymbolAt(uri: string, position: TextPosition): SymbolAtView | undefined;
	prepareCallHierarchy(uri: string): LetterHierarchyItem[];
	provideIncomingCalls(uri: string, token?: CancellationSignal): LetterHierarchyCall[];
	provideOutgoingCalls(uri: string, token?: CancellationSignal): LetterHierarchyCall[];
	/** Every letter of the workspace as a catalogue record, in URI order. */
	provideCatalogue(): LetterRecord[];
	/** The Letters view's rows: the catalogue, every letter named and with where to open it, in URI order. */
	provideLetterRows(): LetterRowView[];
	/** One workspace letter as the views name it; undefined for a file that is not a letter. */
	provideLetterRef(uri: string): LetterRef | undefined;
	/** What a letter answers and what answers it, in date order. */
	provideThread(uri: string): ThreadView | undefined;
	/** The links between the letters of two senders, in date order. */
	provideExchanges(senderA: string, senderB: string): ExchangeLinkView[];
	/** The letters whose header lists an agenda item of a GA session, in date order. */
	provideLettersUnderAgendaItem(session: number, item: number): LetterRef[];
	provideCitationGraph(token?: CancellationSignal): CitationGraph;
	/** Whether a symbol typed by the user can be stored as the identity of the letter at `uri` (Set Document Symbol). */
	checkLetterSymbol(uri: string, symbol: string): LetterSymbolCheck;
}

/** Wires the language features over the host's index, data and settings. */
export function createLetterLanguageService(init: LanguageServiceInit): LetterLanguageService {
	const { index, data, settings } = init;
	return Object.freeze({
		provideDiagnostics: (uri: string) => provideDiagnostics(index, data, uri, settings(uri).diagnostics),
		provideHover: (uri: string, position: TextPosition) => provideHover(index, data, uri, position),
		provideDefinitions: (uri: string, position: TextPosition) => provideDefinitions(index, uri, position),
		provideReferences: (uri: string, position: TextPosition, includeDeclaration: boolean, token?: CancellationSignal) => provideReferences(index, uri, position, includeDeclaration, token),
		provideDocumentLinks: (uri: string) => provideDocumentLinks(index.model(uri)),
		provideDocumentOutline: (uri: string) => provideDocumentOutline(index.model(uri)),
		provideWorkspaceSymbols: (query: string, token?: CancellationSignal) => provideWorkspaceSymbols(index, query, token),
		provideCompletions: (uri: string, position: TextPosition, token?: CancellationSignal) => provideCompletions(index, uri, position, token),
		provideFoldingRanges: (uri: string) => provideFoldingRanges(index.model(uri)),
		provideCodeLenses: (uri: string, token?: CancellationSignal) => provideCodeLenses(index, uri, token),
		provideCodeActions: (uri: string, range: TextRange) => provideCodeActions(index, data, uri, range, settings(uri).diagnostics),
		provideCitations: (uri: string) => provideCitations(index, uri),
		provideSymbolAt: (uri: string, position: TextPosition) => provideSymbolAt(index, uri, position),
		prepareCallHierarchy: (uri: string) => prepareCallHierarchy(index, uri),
		provideIncomingCalls: (uri: string, token?: CancellationSignal) => provideIncomingCalls(index, uri, token),
		provideOutgoingCalls: (uri: string, token?: CancellationSignal) => provideOutgoingCalls(index, uri, token),
		provideCatalogue: () => catalogue(index),
		provideLetterRows: () => provideLetterRows(index),
		provideLetterRef: (uri: string) => provideLetterRef(index, uri),
		provideThread: (uri: string) => provideThreadView(index, uri),
		provideExchanges: (senderA: string, senderB: string) => provideExchangesView(index, senderA, senderB),
		provideLettersUnderAgendaItem: (session: number, item: number) => provideAgendaItemLetters(index, session, item),
		provideCitationGraph: (token?: CancellationSignal) => citationGraph(index, token),
		checkLetterSymbol: (uri: string, symbol: string) => checkLetterSymbol(index, uri, symbol),
	});
}
