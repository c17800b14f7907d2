/** The standard LSP features: each handler syncs the index, checks the document is known, and delegates to the service. */
import type { CancellationToken, DocumentDiagnosticReport } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { markdown, toCallHierarchyItem, toCodeActions, toCodeLenses, toCompletionItems, toDocumentLinks, toDocumentSymbols, toFoldingRanges, toIncomingCalls, toLocationLinks, toOutgoingCalls, toWorkspaceSymbols } from './convert';
import type { ServerContext } from './server';

/**
 * Runs a workspace-wide computation so that cancellation is honoured: the connection handles one queued message per
 * event-loop turn, so waiting two turns lets a `$/cancelRequest` sent right after the request be seen; a cancelled
 * request is answered with `RequestCancelled` before and after the work.
 */
async function cancellable<T>(token: CancellationToken, compute: () => T): Promise<T | ResponseError<void>> {
	await new Promise<void>((resolve) => setImmediate(resolve));
	await new Promise<void>((resolve) => setImmediate(resolve));
	const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
	if (token.isCancellationRequested) {
		return cancelled();
	}
	const result = compute();
	return token.isCancellationRequested ? cancelled() : result;
}

/** Registers hover, definition, references, links, symbols, completion, folding, code lens, code actions, call hierarchy and pull diagnostics. */
export function registerFeatureHandlers(context: ServerContext): void {
	const { connection, service, store, prepare } = context;
	const known = (uri: string) => store.index.get(uri) !== undefined;

	connection.onHover((params) => {
		const uri = prepare(params.textDocument.uri);
		const hover = known(uri) ? service.provideHover(uri, params.position) : undefined;
		return hover ? { contents: markdown(hover.markdown), range: hover.range } : null;
	});
	connection.onDefinition((params) => {
		const uri = prepare(params.textDocument.uri);
		return known(uri) ? toLocationLinks(service.provideDefinitions(uri, params.position)) : null;
	});
	connection.onReferences((params, token) => cancellable(token, () => {
		const uri = prepare(params.textDocument.uri);
		return known(uri) ? service.provideReferences(uri, params.position, params.context.includeDeclaration, token) : null;
	}));
	connection.onDocumentLinks((params) => {
		const uri = prepare(params.textDocument.uri);
		return toDocumentLinks(service.provideDocumentLinks(uri));
	});
	connection.onDocumentSymbol((params) => {
		const uri = prepare(params.textDocument.uri);
		return toDocumentSymbols(service.provideDocumentOutline(uri));
	});
	connection.onWorkspaceSymbol((params, token) => cancellable(token, () => {
		prepare('');
		return toWorkspaceSymbols(service.provideWorkspaceSymbols(params.query, token));
	}));
	connection.onCompletion((params, token) => cancellable(token, () => {
		const uri = prepare(params.textDocument.uri);
		const list = service.provideCompletions(uri, params.position, token);
		return { isIncomplete: list.isIncomplete, items: toCompletionItems(list.items) };
	}));
	connection.onFoldingRanges((params) => {
		const uri = prepare(params.textDocument.uri);
		return toFoldingRanges(service.provideFoldingRanges(uri));
	});
	connection.onCodeLens((params, token) => cancellable(token, () => {
		const uri = prepare(params.textDocument.uri);
		return toCodeLenses(uri, service.provideCodeLenses(uri, token));
	}));
	connection.onCodeAction(async (params) => {
		await context.settings.get(params.textDocument.uri);
		const uri = prepare(params.textDocument.uri);
		return toCodeActions(uri, service.provideCodeActions(uri, params.range), params.context.diagnostics);
	});
	connection.languages.callHierarchy.onPrepare((params) => {
		const uri = prepare(params.textDocument.uri);
		return known(uri) ? service.prepareCallHierarchy(uri).map(toCallHierarchyItem) : null;
	});
	connection.languages.callHierarchy.onIncomingCalls((params, token) => cancellable(token, () => {
		const uri = prepare(params.item.uri);
		return known(uri) ? toIncomingCalls(service.provideIncomingCalls(uri, token)) : null;
	}));
	connection.languages.callHierarchy.onOutgoingCalls((params, token) => cancellable(token, () => {
		const uri = prepare(params.item.uri);
		return known(uri) ? toOutgoingCalls(service.provideOutgoingCalls(uri, token)) : null;
	}));
	connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
		await context.settings.get(params.textDocument.uri);
		const uri = prepare(params.textDocument.uri);
		return { kind: DocumentDiagnosticReportKind.Full, items: await context.diagnostics.diagnosticsOf(uri) };
	});
}
