/**
 * Creates the language client for the bundled server (`dist/server.js`): which documents it sees, which files it
 * watches, which settings it receives, and how crashes and start failures are reported (once, plainly) and recovered.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, TransportKind } from 'vscode-languageclient/node';
import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/protocol';
import { LETTER_LANGUAGE_ID } from './letterDocuments';
import type { RestartPolicy } from './restartPolicy';
import { plainErrorMessage } from './restartPolicy';

/** The client's id: also the prefix of its trace setting (`diplomaticLetters.trace.server`). */
export const CLIENT_ID = 'diplomaticLetters';
const CLIENT_NAME = 'Diplomatic Letters';

/** What the client reports to the user, and how the state of a give-up is recorded. */
export interface ClientReporter {
	/** Shows a plain error message (no stack trace); the same message is shown once. */
	showError(message: string): void;
	/** Called when the server crashed too often and is not restarted again. */
	gaveUp(): void;
}

/** Restarts after crashes following the policy, and tells the user once instead of the library's repeated pop-ups. */
class ServerErrorHandler implements ErrorHandler {
	constructor(
		private readonly policy: RestartPolicy,
		private readonly reporter: ClientReporter,
	) {}

	error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
		if (count !== undefined && count <= 3) {
			return { action: ErrorAction.Continue, handled: true };
		}
		return { action: ErrorAction.Shutdown, handled: true };
	}

	closed(): CloseHandlerResult {
		const decision = this.policy.recordCrash(Date.now());
		if (decision.message !== undefined) {
			this.reporter.showError(decision.message);
		}
		if (!decision.restart) {
			this.reporter.gaveUp();
			return { action: CloseAction.DoNotRestart, handled: true };
		}
		return { action: CloseAction.Restart, handled: true };
	}
}

/** Letters may be plain text, Markdown, or already in the letter language; saved or untitled. */
function documentSelector(): LanguageClientOptions['documentSelector'] {
	return [LETTER_LANGUAGE_ID, 'plaintext', 'markdown'].flatMap((language) => [
		{ language, scheme: 'file' },
		{ language, scheme: 'untitled' },
	]);
}

/**
 * The language client, not yet started. The server decides by content which documents are letters, so every plain
 * text and Markdown document is sent. It watches letters and sidecars itself; the client tells it about the tag vocabulary.
 */
export function createLanguageClient(
	context: vscode.ExtensionContext,
	outputChannel: vscode.LogOutputChannel,
	policy: RestartPolicy,
	reporter: ClientReporter,
): LanguageClient {
	const module = context.asAbsolutePath('dist/server.js');
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.stdio },
		debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
	};
	// The server registers its own watchers for letters and sidecars (dynamic registration); the client adds the tag
	// vocabulary, which the server reads but does not watch.
	const vocabularyWatcher = vscode.workspace.createFileSystemWatcher('**/.diplomatic-letters/tags.yaml');
	context.subscriptions.push(vocabularyWatcher);
	const clientOptions: LanguageClientOptions = {
		documentSelector: documentSelector(),
		synchronize: { configurationSection: CLIENT_ID, fileEvents: vocabularyWatcher },
		outputChannel,
		revealOutputChannelOn: RevealOutputChannelOn.Never,
		errorHandler: new ServerErrorHandler(policy, reporter),
		initializationFailedHandler: (error) => {
			reporter.showError(`The Diplomatic Letters server could not start: ${plainErrorMessage(error)}`);
			return false;
		},
		markdown: { isTrusted: false, supportHtml: false },
		// Read at every (re)start: in Restricted Mode the server writes nothing. The workspace storage folder keeps the
		// server's persistent index of the letters (outside the letters' folders).
		initializationOptions: (): InitializationOptions => ({
			workspaceTrusted: vscode.workspace.isTrusted,
			...(context.storageUri?.scheme === 'file' ? { storagePath: context.storageUri.fsPath } : {}),
		}),
	};
	return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
