/**
 * "Set Document Symbol": gives a letter without an identity its UN document symbol, stored as `document.symbol` in its
 * sidecar by the server (its one sidecar writer). Offered in the Command Palette while the active letter has no
 * symbol (context key `diplomaticLetters.activeLetterHasNoSymbol`, from the server's answer), and on letters of the
 * Letters view. The input box checks the symbol with the engine's symbol grammar as it is typed; the server checks
 * it again before writing.
 */
import * as vscode from 'vscode';
import { checkSymbolText } from '../../../server/src/engine/languageFeatures/letterIdentityEdit';
import type { LetterReference } from '../../../server/src/protocol';
import { LetterRequest, LettersChangedNotification, SetDocumentSymbolRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { isLetterTextDocument } from '../languageSwitching';
import { isLetterNode } from './lettersView';

/** The context key true while the active editor shows a letter that has no document symbol. */
export const NO_SYMBOL_CONTEXT_KEY = 'diplomaticLetters.activeLetterHasNoSymbol';

/** Keeps {@link NO_SYMBOL_CONTEXT_KEY} true while the active letter has no symbol, as the server says. */
export class ActiveLetterIdentity {
	private generation = 0;
	private lastValue: boolean | undefined;

	constructor(private readonly ctx: Ctx) {
		ctx.pushCleanup(
			vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
			ctx.onDidChangeServerState((state) => {
				if (state === 'running') {
					void this.update();
				}
			}),
		);
		ctx.onNotification(LettersChangedNotification, ({ uris }) => {
			const active = vscode.window.activeTextEditor?.document.uri.toString();
			if (uris.length === 0 || (active !== undefined && uris.some((uri) => vscode.Uri.parse(uri).toString() === active))) {
				void this.update();
			}
		});
		void this.update();
	}

	private async update(): Promise<void> {
		const generation = ++this.generation;
		const document = vscode.window.activeTextEditor?.document;
		let noSymbol = false;
		if (document !== undefined && isLetterTextDocument(document)) {
			const letter = await this.ctx.request(LetterRequest, { textDocument: { uri: document.uri.toString() } }).catch(() => undefined);
			noSymbol = letter !== undefined && letter !== null && letter.symbol === null;
		}
		if (generation === this.generation && noSymbol !== this.lastValue) {
			this.lastValue = noSymbol;
			await vscode.commands.executeCommand('setContext', NO_SYMBOL_CONTEXT_KEY, noSymbol);
		}
	}
}

/** The letter the command acts on: a Letters view row, a URI (string or `Uri`), or the active editor's letter. */
function targetUri(argument: unknown): string | undefined {
	if (isLetterNode(argument)) {
		return argument.row.uri;
	}
	if (argument instanceof vscode.Uri) {
		return argument.toString();
	}
	if (typeof argument === 'string') {
		return argument;
	}
	const document = vscode.window.activeTextEditor?.document;
	return document !== undefined && isLetterTextDocument(document) ? document.uri.toString() : undefined;
}

/** Registers Set Document Symbol. */
export function registerSetDocumentSymbol(ctx: Ctx): void {
	ctx.registerCommand('diplomaticLetters.setDocumentSymbol', async (argument?: unknown) => {
		const uri = targetUri(argument);
		if (uri === undefined) {
			void vscode.window.showInformationMessage('Open a letter, or pick one in the Letters view, to set its document symbol.');
			return;
		}
		const letter: LetterReference | null | undefined = await ctx.request(LetterRequest, { textDocument: { uri } });
		if (letter === undefined) {
			void vscode.window.showErrorMessage('The Diplomatic Letters server is not running; nothing was changed.');
			return;
		}
		if (letter === null) {
			void vscode.window.showInformationMessage('This file is not a letter of the folder: only letters have a document symbol.');
			return;
		}
		const typed = await vscode.window.showInputBox({
			title: `Set Document Symbol of ${letter.name}`,
			prompt: letter.symbol === null
				? `${letter.fileName} has no document symbol. Type it as printed on the document; it is stored in ${letter.fileName}.annotations.yaml.`
				: `${letter.fileName} is now ${letter.symbol} (${letter.identity === 'inferred' ? 'inferred' : letter.identity ?? ''}). Type the symbol to store in its annotation file.`,
			placeHolder: 'A/75/660-S/2020/1267',
			value: letter.symbol ?? '',
			ignoreFocusOut: true,
			validateInput: (value) => {
				if (value.trim() === '') {
					return undefined;
				}
				const checked = checkSymbolText(value);
				return checked.ok ? undefined : { message: checked.message, severity: vscode.InputBoxValidationSeverity.Error };
			},
		});
		if (typed === undefined || typed.trim() === '') {
			return;
		}
		const result = await ctx.request(SetDocumentSymbolRequest, { textDocument: { uri }, symbol: typed });
		if (result === undefined) {
			void vscode.window.showErrorMessage('The Diplomatic Letters server is not running; nothing was changed.');
			return;
		}
		if (!result.ok) {
			void vscode.window.showErrorMessage(result.message);
			return;
		}
		if (result.alsoClaimedBy.length > 0) {
			void vscode.window.showWarningMessage(`${letter.fileName} is now ${result.symbol}; ${result.alsoClaimedBy.map((other) => `${other.name} (${other.fileName})`).join(', ')} claims the same symbol, and both are reported until one is changed.`);
			return;
		}
		void vscode.window.showInformationMessage(`${letter.fileName} is now ${result.symbol}, stored in its annotation file.`);
	});
}
