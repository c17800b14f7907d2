/**
 * The extension's one context object (as in rust-analyzer's `editors/code`): it owns the language client, the output
 * channel and every registration, each pushed to its disposal list. Views and commands get it and ask it for the
 * server; nothing else holds the client.
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { LanguageClient, RequestParam } from 'vscode-languageclient/node';
import type { NotificationDefinition, RequestDefinition, RequestDefinition0 } from '../../server/src/protocol';
import { createLanguageClient } from './languageClient';
import { RestartPolicy, plainErrorMessage } from './restartPolicy';
import type { ServerState } from './statusText';

/** What a command that writes says in Restricted Mode. */
export const RESTRICTED_MODE_MESSAGE = 'This workspace is in Restricted Mode: annotations are shown but not changed. Trust the workspace to annotate.';

/** Owns the language client and the extension's disposables. */
export class Ctx implements vscode.Disposable {
	readonly outputChannel: vscode.LogOutputChannel;
	readonly client: LanguageClient;
	private readonly restartPolicy = new RestartPolicy();
	private readonly shownErrors = new Set<string>();
	private readonly notificationEmitters = new Map<string, vscode.EventEmitter<unknown>>();
	private readonly serverStateEmitter = new vscode.EventEmitter<ServerState>();
	private currentServerState: ServerState = 'stopped';
	private gaveUp = false;

	/** Fires when the server starts, stops or fails; `running` is the moment to ask it for data again. */
	readonly onDidChangeServerState = this.serverStateEmitter.event;

	constructor(readonly extensionContext: vscode.ExtensionContext) {
		this.outputChannel = vscode.window.createOutputChannel('Diplomatic Letters', { log: true });
		this.pushCleanup(this.outputChannel, this.serverStateEmitter);
		this.client = createLanguageClient(extensionContext, this.outputChannel, this.restartPolicy, {
			showError: (message) => this.showErrorOnce(message),
			gaveUp: () => {
				this.gaveUp = true;
			},
		});
		this.pushCleanup(this.client.onDidChangeState(({ newState }) => this.setServerState(this.serverStateOf(newState))));
		// The server was started read-only in Restricted Mode: once the user trusts the workspace it may write.
		this.pushCleanup(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.restart()));
	}

	/** The server's state as last reported by the client. */
	get serverState(): ServerState {
		return this.currentServerState;
	}

	/** Adds disposables to the extension's disposal list (disposed on deactivation, in reverse order by VS Code). */
	pushCleanup(...disposables: vscode.Disposable[]): void {
		this.extensionContext.subscriptions.push(...disposables);
	}

	/** Starts the server; a failure is reported once by the client's handlers. */
	async start(): Promise<void> {
		this.setServerState('starting');
		try {
			await this.client.start();
		} catch (error) {
			this.outputChannel.error(`The server did not start: ${plainErrorMessage(error)}`);
			this.setServerState('failed');
		}
	}

	/** Restarts the server by the user's request: past crashes and shown messages are forgotten. */
	async restart(): Promise<void> {
		this.restartPolicy.reset();
		this.shownErrors.clear();
		this.gaveUp = false;
		if (this.client.isRunning()) {
			await this.client.restart();
		} else {
			await this.start();
		}
	}

	/**
	 * Sends a custom request. `undefined` when the server is not running (views then show nothing until it runs
	 * again); a failure of the request itself is thrown for the caller to report.
	 */
	async request<P, R>(definition: RequestDefinition<P, R>, params: RequestParam<P>, token?: vscode.CancellationToken): Promise<R | undefined> {
		if (!this.isServerUsable()) {
			return undefined;
		}
		return this.client.sendRequest(definition.type, params, token);
	}

	/** Sends a custom request without parameters; as {@link request}. */
	async request0<R>(definition: RequestDefinition0<R>): Promise<R | undefined> {
		if (!this.isServerUsable()) {
			return undefined;
		}
		return this.client.sendRequest(definition.type);
	}

	private isServerUsable(): boolean {
		return this.currentServerState === 'running' || this.currentServerState === 'starting';
	}

	/**
	 * Listens to a custom notification of the server; the handler survives restarts of the server. The client keeps
	 * one handler per method (a second registration would replace the first), so the context fans each out.
	 */
	onNotification<P>(definition: NotificationDefinition<P>, handler: (params: P) => void): void {
		let emitter = this.notificationEmitters.get(definition.method) as vscode.EventEmitter<P> | undefined;
		if (emitter === undefined) {
			const created = new vscode.EventEmitter<P>();
			this.notificationEmitters.set(definition.method, created);
			this.pushCleanup(created, this.client.onNotification(definition.type, (params) => created.fire(params)));
			emitter = created;
		}
		this.pushCleanup(emitter.event(handler));
	}

	/** Shows an error message once (the same text is not shown again until the user restarts the server). */
	showErrorOnce(message: string): void {
		this.outputChannel.error(message);
		if (this.shownErrors.has(message)) {
			return;
		}
		this.shownErrors.add(message);
		void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
			if (choice === 'Show Output') {
				this.outputChannel.show(true);
			}
		});
	}

	/**
	 * Registers a command whose failures are reported plainly (the first line of the message, never a stack trace).
	 * A command that `writes` (annotations, tags, settings) only says why it does nothing in Restricted Mode; its menu
	 * entries are hidden there by `isWorkspaceTrusted` in package.json.
	 */
	registerCommand(id: string, handler: (...args: unknown[]) => unknown, options: { readonly writes?: boolean } = {}): void {
		this.pushCleanup(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
			if (options.writes === true && !vscode.workspace.isTrusted) {
				void vscode.window.showInformationMessage(RESTRICTED_MODE_MESSAGE);
				return;
			}
			try {
				await handler(...args);
			} catch (error) {
				this.outputChannel.error(`${id} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
				void vscode.window.showErrorMessage(plainErrorMessage(error));
			}
		}));
	}

	/** Converts between VS Code's and the protocol's positions, ranges and URIs. */
	get code2Protocol(): LanguageClient['code2ProtocolConverter'] {
		return this.client.code2ProtocolConverter;
	}

	/** Converts the protocol's positions, ranges and URIs to VS Code's. */
	get protocol2Code(): LanguageClient['protocol2CodeConverter'] {
		return this.client.protocol2CodeConverter;
	}

	/** Stops the server (on deactivation). */
	async dispose(): Promise<void> {
		if (this.client.needsStop()) {
			await this.client.stop();
		}
	}

	private serverStateOf(state: State): ServerState {
		switch (state) {
			case State.Running:
				return 'running';
			case State.Starting:
				return 'starting';
			case State.StartFailed:
				return 'failed';
			case State.Stopped:
				return this.gaveUp ? 'failed' : 'stopped';
		}
	}

	private setServerState(state: ServerState): void {
		if (state !== this.currentServerState) {
			this.currentServerState = state;
			this.serverStateEmitter.fire(state);
		}
	}
}
