/**
 * The standard LSP features: each handler checks its parameters (in the guard), re-parses edited documents, checks
 * the document is known, and delegates to the service.
 */
import type { CancellationToken, DocumentDiagnosticReport } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { SIDECAR_SUFFIX } from '../node/sidecarFiles';
import { IgnoreSymbolCommand, StoreIdentityCommand } from '../protocol';
import { markdown, toCallHierarchyItem, toCodeActions, toCodeLenses, toCompletionItems, toDocumentLinks, toDocumentSymbols, toFoldingRanges, toIncomingCalls, toLocationLinks, toOutgoingCalls, toWorkspaceSymbols } from './convert';
import { check } from './requestGuards';
import type { ServerContext } from './serverContext';

/**
 * Runs a workspace-wide computation so that cancellation is honoured: the connection handles one queued message per
 * event-loop turn, so waiting two turns lets a `$/cancelRequest` sent right after the request be seen; a cancelled
 * request is answered with `RequestCancelled` before and after the work.
 */
async function cancellable<T>(token: CancellationToken, compute: () => T): Promise<T | ResponseError<never>> {
	await new Promise<void>((resolve) => setImmediate(resolve));
	await new Promise<void>((resolve) => setImmediate(resolve));
	const cancelled = () => new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
	if (token.isCancellationRequested) {
		return cancelled();
	}
	const result = compute();
	return token.isCancellationRequested ? cancelled() : result;
}

const atPosition = check.all(check.document, check.position);
const inRange = check.all(check.document, check.range);

/** Registers hover, definition, references, links, symbols, completion, folding, code lens, code actions, call hierarchy and pull diagnostics. */
export function registerFeatureHandlers(context: ServerContext): void {
	const { connection, service, store, reparseEdited, guard } = context;
	const known = (uri: string) => store.index.get(uri) !== undefined;

	connection.onHover(guard.request('textDocument/hover', atPosition, (params) => {
		const uri = reparseEdited(params.textDocument.uri);
		const hover = known(uri) ? service.provideHover(uri, params.position) : undefined;
		return hover ? { contents: markdown(hover.markdown), range: hover.range } : null;
	}));
	connection.onDefinition(guard.request('textDocument/definition', atPosition, (params) => {
		const uri = reparseEdited(params.textDocument.uri);
		return known(uri) ? toLocationLinks(service.provideDefinitions(uri, params.position)) : null;
	}));
	connection.onReferences(guard.request('textDocument/references', atPosition, (params, token) => cancellable(token, () => {
		const uri = reparseEdited(params.textDocument.uri);
		return known(uri) ? service.provideReferences(uri, params.position, params.context?.includeDeclaration === true, token) : null;
	})));
	connection.onDocumentLinks(guard.request('textDocument/documentLink', check.document, (params) => toDocumentLinks(service.provideDocumentLinks(reparseEdited(params.textDocument.uri)))));
	connection.onDocumentSymbol(guard.request('textDocument/documentSymbol', check.document, (params) => toDocumentSymbols(service.provideDocumentOutline(reparseEdited(params.textDocument.uri)))));
	connection.onWorkspaceSymbol(guard.request('workspace/symbol', check.string('query'), (params, token) => cancellable(token, () => {
		reparseEdited('');
		return toWorkspaceSymbols(service.provideWorkspaceSymbols(params.query, token));
	})));
	connection.onCompletion(guard.request('textDocument/completion', atPosition, (params, token) => cancellable(token, () => {
		const uri = reparseEdited(params.textDocument.uri);
		const list = service.provideCompletions(uri, params.position, token);
		return { isIncomplete: list.isIncomplete, items: toCompletionItems(list.items) };
	})));
	connection.onFoldingRanges(guard.request('textDocument/foldingRange', check.document, (params) => toFoldingRanges(service.provideFoldingRanges(reparseEdited(params.textDocument.uri)))));
	connection.onCodeLens(guard.request('textDocument/codeLens', check.document, (params, token) => cancellable(token, () => {
		const uri = reparseEdited(params.textDocument.uri);
		return toCodeLenses(uri, service.provideCodeLenses(uri, token));
	})));
	connection.onCodeAction(guard.request('textDocument/codeAction', inRange, async (params) => {
		await context.settings.get(params.textDocument.uri);
		const uri = reparseEdited(params.textDocument.uri);
		const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
		if (uri.endsWith(SIDECAR_SUFFIX)) {
			return context.sidecarReports.codeActions(uri, diagnostics);
		}
		const actions = toCodeActions(uri, service.provideCodeActions(uri, params.range), diagnostics);
		// In Restricted Mode nothing is written: the actions that store an identity or change a setting are not offered.
		const writing = new Set<string>([StoreIdentityCommand.id, IgnoreSymbolCommand.id]);
		return context.owner.acceptsWrites ? actions : actions.filter((action) => action.command === undefined || !writing.has(action.command.command));
	}));
	const hierarchyItem = (params: unknown) => {
		const item = (params as { item?: { uri?: unknown } } | null)?.item;
		return typeof item?.uri === 'string' ? undefined : '`item.uri` must be a document URI';
	};
	connection.languages.callHierarchy.onPrepare(guard.request('textDocument/prepareCallHierarchy', atPosition, (params) => {
		const uri = reparseEdited(params.textDocument.uri);
		return known(uri) ? service.prepareCallHierarchy(uri).map(toCallHierarchyItem) : null;
	}));
	connection.languages.callHierarchy.onIncomingCalls(guard.request('callHierarchy/incomingCalls', hierarchyItem, (params, token) => cancellable(token, () => {
		const uri = reparseEdited(params.item.uri);
		return known(uri) ? toIncomingCalls(service.provideIncomingCalls(uri, token)) : null;
	})));
	connection.languages.callHierarchy.onOutgoingCalls(guard.request('callHierarchy/outgoingCalls', hierarchyItem, (params, token) => cancellable(token, () => {
		const uri = reparseEdited(params.item.uri);
		return known(uri) ? toOutgoingCalls(service.provideOutgoingCalls(uri, token)) : null;
	})));
	connection.languages.diagnostics.on(guard.request('textDocument/diagnostic', check.document, async (params): Promise<DocumentDiagnosticReport> => {
		await context.settings.get(params.textDocument.uri);
		const uri = reparseEdited(params.textDocument.uri);
		return { kind: DocumentDiagnosticReportKind.Full, items: await context.diagnostics.diagnosticsOf(uri) };
	}));
}
