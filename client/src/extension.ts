/**
 * Entry point of the Diplomatic Letters extension: builds the context object, wires the features to it, and starts
 * the language server. Everything registered is owned (and disposed) by the context.
 */
import type * as vscode from 'vscode';
import { registerAnnotationCommands } from './annotations/commands';
import { AnnotationDecorations } from './annotations/decorations';
import { registerAnnotationHover } from './annotations/annotationHover';
import { AnnotationStore } from './annotations/annotationStore';
import { registerExportCommand } from './annotations/exportCommand';
import { registerTagCommands } from './annotations/tagCommands';
import { TagsTree } from './annotations/tagsTree';
import { ThisLetterTree } from './annotations/thisLetterTree';
import { CitationsView } from './citationsView';
import { registerNavigationCommands } from './commands/navigationCommands';
import { Ctx } from './ctx';
import { registerCitationGraphCommand } from './graph/graphPanel';
import { ExchangesView, registerExchangesCommands } from './letters/exchangesView';
import { LettersStore } from './letters/lettersStore';
import { LettersView, registerLettersViewCommands } from './letters/lettersView';
import { ActiveLetterIdentity, registerSetDocumentSymbol } from './letters/setDocumentSymbol';
import { ThreadView } from './letters/threadView';
import { LanguageSwitching } from './languageSwitching';
import { StatusBar } from './statusBar';

let ctx: Ctx | undefined;

/** Activates the extension (on a plain text, Markdown or letter document, or a workspace with annotations). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
	ctx = new Ctx(context);
	new LanguageSwitching(ctx);
	new StatusBar(ctx);
	const letters = new LettersStore(ctx);
	registerLettersViewCommands(ctx, new LettersView(ctx, letters));
	new ThreadView(ctx);
	registerExchangesCommands(ctx, letters, new ExchangesView(ctx));
	new ActiveLetterIdentity(ctx);
	registerSetDocumentSymbol(ctx);
	registerCitationGraphCommand(ctx);
	new CitationsView(ctx);
	const store = new AnnotationStore(ctx);
	new TagsTree(ctx, store, letters);
	new ThisLetterTree(ctx, store, letters);
	new AnnotationDecorations(ctx, store);
	registerAnnotationHover(ctx, store);
	registerAnnotationCommands(ctx, store);
	registerTagCommands(ctx, store);
	registerExportCommand(ctx, store);
	registerNavigationCommands(ctx);
	await ctx.start();
}

/** Stops the language server; VS Code disposes the rest through the context's subscriptions. */
export async function deactivate(): Promise<void> {
	await ctx?.dispose();
	ctx = undefined;
}
