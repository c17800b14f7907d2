/**
 * Commands that follow citations: Open Cited Document, Show Citing Letters, Open on undocs.org; and the server's
 * housekeeping: Re-index Workspace, Restart Language Server, and the quick fix that ignores a symbol. What is under
 * the cursor and where it leads is the server's answer (`diplomaticLetters/symbolAt`, `…/citations`, references).
 */
import * as vscode from 'vscode';
import type { CitationTarget, ShowCitingLettersCommandArguments, SymbolAtResult } from '../../../server/src/protocol';
import { CitationsRequest, IgnoreSymbolCommand, ReindexRequest, ShowCitingLettersCommand, SymbolAtRequest } from '../../../server/src/protocol';
import { isCitationNode } from '../citationsView';
import type { Ctx } from '../ctx';

/** The symbol under the active editor's cursor, as the server reads it; `undefined` (user told) when none. */
async function symbolAtCursor(ctx: Ctx): Promise<SymbolAtResult | undefined> {
	const editor = vscode.window.activeTextEditor;
	if (editor === undefined) {
		void vscode.window.showInformationMessage('Open a letter and put the cursor on a document symbol (such as A/75/495).');
		return undefined;
	}
	const result = await ctx.request(SymbolAtRequest, {
		textDocument: ctx.code2Protocol.asTextDocumentIdentifier(editor.document),
		position: ctx.code2Protocol.asPosition(editor.selection.active),
	});
	if (result === undefined || result === null) {
		void vscode.window.showInformationMessage('Put the cursor on a document symbol (such as A/75/495) or a resolution first.');
		return undefined;
	}
	return result;
}

/** What the command was given (a Citations view node) or what is under the cursor. */
async function citedSymbol(ctx: Ctx, argument: unknown): Promise<Pick<SymbolAtResult, 'symbol' | 'undocsUrls' | 'targets'> | undefined> {
	if (isCitationNode(argument)) {
		const first = argument.cited.occurrences[0];
		return { symbol: argument.cited.symbol, undocsUrls: first.undocsUrls, targets: first.targets };
	}
	return symbolAtCursor(ctx);
}

async function openTarget(ctx: Ctx, target: CitationTarget): Promise<void> {
	await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { selection: ctx.protocol2Code.asRange(target.range) });
}

async function openOnUndocs(urls: readonly string[]): Promise<void> {
	const url = urls.length <= 1
		? urls[0]
		: (await vscode.window.showQuickPick(urls.map((candidate) => ({ label: candidate.replace(/^https:\/\/undocs\.org\//, ''), url: candidate })), { title: 'Open which part on undocs.org?' }))?.url;
	if (url !== undefined) {
		await vscode.env.openExternal(vscode.Uri.parse(url, true));
	}
}

/** Shows locations in the references peek at a position of a document. */
async function peekLocations(uri: vscode.Uri, position: vscode.Position, locations: readonly vscode.Location[]): Promise<void> {
	await vscode.commands.executeCommand('editor.action.showReferences', uri, position, [...locations]);
}

/**
 * Lists the letters citing a letter, named as people name them (the file name second), and opens the citation picked;
 * the last entry shows every citation in the references peek instead.
 */
async function pickCitingLetter(ctx: Ctx, uri: vscode.Uri, position: vscode.Position, known?: readonly vscode.Location[]): Promise<void> {
	const citations = await ctx.request(CitationsRequest, { textDocument: { uri: uri.toString() } });
	const citedBy = citations?.citedBy ?? [];
	const locations = known ?? citedBy.flatMap((incoming) => incoming.ranges.map((range) => new vscode.Location(vscode.Uri.parse(incoming.uri), ctx.protocol2Code.asRange(range))));
	if (citedBy.length === 0 && locations.length === 0) {
		void vscode.window.showInformationMessage('No letter of the workspace cites this letter.');
		return;
	}
	type Choice = vscode.QuickPickItem & { readonly location?: vscode.Location };
	const choices: Choice[] = citedBy.map((incoming) => ({
		label: incoming.name,
		description: incoming.fileName,
		detail: `cites ${incoming.symbol} ${incoming.ranges.length === 1 ? 'once' : `${incoming.ranges.length} times`}`,
		location: new vscode.Location(vscode.Uri.parse(incoming.uri), ctx.protocol2Code.asRange(incoming.ranges[0])),
	}));
	choices.push({ label: '$(references) Show every citation in a peek', alwaysShow: true });
	const picked = await vscode.window.showQuickPick(choices, { title: `Letters citing ${citations?.name ?? 'this letter'}`, matchOnDescription: true });
	if (picked === undefined) {
		return;
	}
	if (picked.location === undefined) {
		await peekLocations(uri, position, locations);
		return;
	}
	await vscode.window.showTextDocument(picked.location.uri, { selection: picked.location.range });
}

function isCodeLensArguments(args: readonly unknown[]): args is ShowCitingLettersCommandArguments {
	return args.length === 3 && typeof args[0] === 'string' && typeof args[1] === 'object' && Array.isArray(args[2]);
}

/** Registers the navigation and server commands. */
export function registerNavigationCommands(ctx: Ctx): void {
	ctx.registerCommand('diplomaticLetters.openCitedDocument', async (argument?: unknown) => {
		const cited = await citedSymbol(ctx, argument);
		if (cited === undefined) {
			return;
		}
		if (cited.targets.length === 0) {
			const choice = await vscode.window.showInformationMessage(`${cited.symbol} is not a letter of this workspace.`, ...(cited.undocsUrls.length > 0 ? ['Open on undocs.org'] : []));
			if (choice !== undefined) {
				await openOnUndocs(cited.undocsUrls);
			}
			return;
		}
		const target = cited.targets.length === 1
			? cited.targets[0]
			: (await vscode.window.showQuickPick(cited.targets.map((candidate) => ({ label: candidate.name, description: candidate.fileName, detail: candidate.title, target: candidate })), { title: `Several letters are ${cited.symbol}`, matchOnDescription: true }))?.target;
		if (target !== undefined) {
			await openTarget(ctx, target);
		}
	});

	ctx.registerCommand(ShowCitingLettersCommand.id, async (...args: unknown[]) => {
		if (isCodeLensArguments(args)) {
			const [uri, position, locations] = args;
			await pickCitingLetter(ctx, vscode.Uri.parse(uri), ctx.protocol2Code.asPosition(position), locations.map((location) => ctx.protocol2Code.asLocation(location)));
			return;
		}
		if (isCitationNode(args[0])) {
			const node = args[0];
			const uri = vscode.Uri.parse(node.documentUri);
			const position = ctx.protocol2Code.asPosition(node.cited.occurrences[0].range.start);
			const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position);
			await peekLocations(uri, position, references);
			return;
		}
		const editor = vscode.window.activeTextEditor;
		if (editor === undefined) {
			void vscode.window.showInformationMessage('Open a letter first.');
			return;
		}
		const position = editor.selection.active;
		const onSymbol = await ctx.request(SymbolAtRequest, { textDocument: ctx.code2Protocol.asTextDocumentIdentifier(editor.document), position: ctx.code2Protocol.asPosition(position) });
		if (onSymbol !== undefined && onSymbol !== null) {
			const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, position);
			await peekLocations(editor.document.uri, position, references);
			return;
		}
		await pickCitingLetter(ctx, editor.document.uri, position);
	});

	ctx.registerCommand('diplomaticLetters.openOnUndocs', async (argument?: unknown) => {
		const cited = await citedSymbol(ctx, argument);
		if (cited !== undefined) {
			await openOnUndocs(cited.undocsUrls);
		}
	});

	ctx.registerCommand('diplomaticLetters.reindexWorkspace', async () => {
		const status = await vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Window, title: 'Re-indexing letters' },
			() => ctx.request0(ReindexRequest),
		);
		if (status === undefined) {
			void vscode.window.showErrorMessage('The Diplomatic Letters server is not running; run "Restart Language Server".');
			return;
		}
		vscode.window.setStatusBarMessage(`Re-indexed: ${status.letters === 1 ? '1 letter' : `${status.letters} letters`}.`, 5000);
	});

	ctx.registerCommand('diplomaticLetters.restartServer', () => ctx.restart());

	ctx.registerCommand(IgnoreSymbolCommand.id, async (symbol?: unknown, uri?: unknown) => {
		if (typeof symbol !== 'string') {
			return;
		}
		const scope = typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
		const configuration = vscode.workspace.getConfiguration('diplomaticLetters', scope);
		const ignored = configuration.get<string[]>('ignoredSymbols', []);
		if (ignored.includes(symbol)) {
			return;
		}
		const folder = scope === undefined ? undefined : vscode.workspace.getWorkspaceFolder(scope);
		const target = folder !== undefined && (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
		await configuration.update('ignoredSymbols', [...ignored, symbol], vscode.workspace.workspaceFolders === undefined ? vscode.ConfigurationTarget.Global : target);
		vscode.window.setStatusBarMessage(`${symbol} is no longer reported as unresolved.`, 5000);
	}, { writes: true });
}
