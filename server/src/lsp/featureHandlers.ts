/** The standard LSP features: each handler syncs the index, checks the document is known, and delegates to the service. */
import type { DocumentDiagnosticReport } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import { markdown, toCodeActions, toCodeLenses, toCompletionItems, toDocumentLinks, toDocumentSymbols, toFoldingRanges, toLocationLinks, toLspDiagnostic, toWorkspaceSymbols } from './convert';
import type { ServerContext } from './server';

/** Registers hover, definition, references, links, symbols, completion, folding, code lens, code actions and pull diagnostics. */
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
	connection.onReferences((params, token) => {
		const uri = prepare(params.textDocument.uri);
		return known(uri) ? service.provideReferences(uri, params.position, params.context.includeDeclaration, token) : null;
	});
	connection.onDocumentLinks((params) => {
		const uri = prepare(params.textDocument.uri);
		return toDocumentLinks(service.provideDocumentLinks(uri));
	});
	connection.onDocumentSymbol((params) => {
		const uri = prepare(params.textDocument.uri);
		return toDocumentSymbols(service.provideDocumentOutline(uri));
	});
	connection.onWorkspaceSymbol((params, token) => {
		prepare('');
		return toWorkspaceSymbols(service.provideWorkspaceSymbols(params.query, token));
	});
	connection.onCompletion((params, token) => {
		const uri = prepare(params.textDocument.uri);
		const list = service.provideCompletions(uri, params.position, token);
		return { isIncomplete: list.isIncomplete, items: toCompletionItems(list.items) };
	});
	connection.onFoldingRanges((params) => {
		const uri = prepare(params.textDocument.uri);
		return toFoldingRanges(service.provideFoldingRanges(uri));
	});
	connection.onCodeLens((params, token) => {
		const uri = prepare(params.textDocument.uri);
		return toCodeLenses(uri, service.provideCodeLenses(uri, token));
	});
	connection.onCodeAction(async (params) => {
		await context.settings.get(params.textDocument.uri);
		const uri = prepare(params.textDocument.uri);
		return toCodeActions(uri, service.provideCodeActions(uri, params.range), params.context.diagnostics);
	});
	connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
		await context.settings.get(params.textDocument.uri);
		const uri = prepare(params.textDocument.uri);
		return { kind: DocumentDiagnosticReportKind.Full, items: service.provideDiagnostics(uri).map(toLspDiagnostic) };
	});
}
