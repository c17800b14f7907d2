/**
 * Switches `.txt` letters to the `diplomatic-letter` language when they open (Markdown letters keep `markdown`), and
 * keeps the context key `diplomaticLetters.isLetter` true while the active editor shows a letter (menus and
 * keybindings use it). The decision is the engine's `detectLetter`, the same code the server runs.
 */
import * as vscode from 'vscode';
import { DETECTION_WINDOW } from '../../server/src/engine/letter/detection';
import type { Ctx } from './ctx';
import type { OpenDocumentFacts } from './letterDocuments';
import { LETTER_LANGUAGE_ID, isLetterDocument, shouldSwitchToLetterLanguage } from './letterDocuments';

/** The context key true while the active editor shows a letter. */
export const IS_LETTER_CONTEXT_KEY = 'diplomaticLetters.isLetter';

/** How long typing in a plain text buffer pauses before it is looked at again. */
const RECHECK_DELAY_MS = 400;

/** What `letterDocuments` needs to know of a VS Code document. */
export function documentFacts(document: vscode.TextDocument): OpenDocumentFacts {
	const head = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(DETECTION_WINDOW)));
	return { languageId: document.languageId, scheme: document.uri.scheme, path: document.uri.path, text: head };
}

/** Whether a VS Code document is a letter (by language or content). */
export function isLetterTextDocument(document: vscode.TextDocument): boolean {
	return isLetterDocument(documentFacts(document));
}

/** Switches letters' language and tracks the `isLetter` context key. */
export class LanguageSwitching {
	/** Documents switched once: if the user sets them back to plain text, that choice is kept. */
	private readonly switched = new Set<string>();
	private recheckTimer: ReturnType<typeof setTimeout> | undefined;
	private lastContextValue: boolean | undefined;

	constructor(ctx: Ctx) {
		ctx.pushCleanup(
			vscode.workspace.onDidOpenTextDocument((document) => this.switchIfLetter(document)),
			vscode.workspace.onDidChangeTextDocument((event) => this.scheduleRecheck(event.document)),
			vscode.window.onDidChangeActiveTextEditor(() => this.updateContextKey()),
			{ dispose: () => clearTimeout(this.recheckTimer) },
		);
		vscode.workspace.textDocuments.forEach((document) => this.switchIfLetter(document));
		this.updateContextKey();
	}

	private switchIfLetter(document: vscode.TextDocument): void {
		const key = document.uri.toString();
		if (this.switched.has(key) || !shouldSwitchToLetterLanguage(documentFacts(document))) {
			this.updateContextKey();
			return;
		}
		this.switched.add(key);
		void vscode.languages.setTextDocumentLanguage(document, LETTER_LANGUAGE_ID).then(
			() => this.updateContextKey(),
			() => this.switched.delete(key),
		);
	}

	/** A plain text buffer being typed or pasted into may become a letter; the active one may stop being one. */
	private scheduleRecheck(document: vscode.TextDocument): void {
		if (document !== vscode.window.activeTextEditor?.document && document.languageId !== 'plaintext') {
			return;
		}
		clearTimeout(this.recheckTimer);
		this.recheckTimer = setTimeout(() => {
			if (!document.isClosed) {
				this.switchIfLetter(document);
			}
		}, RECHECK_DELAY_MS);
	}

	private updateContextKey(): void {
		const document = vscode.window.activeTextEditor?.document;
		const isLetter = document !== undefined && isLetterTextDocument(document);
		if (isLetter !== this.lastContextValue) {
			this.lastContextValue = isLetter;
			void vscode.commands.executeCommand('setContext', IS_LETTER_CONTEXT_KEY, isLetter);
		}
	}
}
