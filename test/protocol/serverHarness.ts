// Starts the built language server (`node dist/server.js --stdio`) as a child process and talks to it with a real
// JSON-RPC client. Every wait resolves on a message or a polled state, with a timeout; none sleeps a fixed time.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, Diagnostic, ProtocolConnection, PublishDiagnosticsParams, ServerCapabilities } from 'vscode-languageserver-protocol/node';
import {
	ConfigurationRequest, createProtocolConnection, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, ExitNotification,
	InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest, StreamMessageReader,
	StreamMessageWriter, WorkDoneProgress, WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import type { FileChangeType } from 'vscode-languageserver-protocol/node';
import type { StatusParams } from '../../server/src/protocol';
import { StatusNotification } from '../../server/src/protocol';

/** Root of the repository. */
export const ROOT = join(__dirname, '..', '..');
/** The built server. */
export const SERVER_JS = join(ROOT, 'dist', 'server.js');
/** How long a wait lasts before the test fails (override: PROTOCOL_TIMEOUT_MS). */
export const TIMEOUT_MS = Number(process.env.PROTOCOL_TIMEOUT_MS ?? 15_000);

/** The `file:` URI of a path. */
export function uriOf(path: string): string {
	return pathToFileURL(path).href;
}

/** A temporary folder with the five real letters, hand-written letters added by the test, removed by `dispose`. */
export interface FixtureFolder {
	readonly path: string;
	readonly uri: string;
	file(name: string): string;
	write(name: string, text: string): string;
	dispose(): void;
}

/** Copies `test/fixtures/letters` into a fresh temporary folder (inside `parent`, by default the system's). */
export function createFixtureFolder(extra: Record<string, string> = {}, parent = tmpdir()): FixtureFolder {
	const path = mkdtempSync(join(parent, 'dl-protocol-'));
	cpSync(join(ROOT, 'test', 'fixtures', 'letters'), path, { recursive: true });
	const folder: FixtureFolder = {
		path,
		uri: uriOf(path),
		file: (name) => join(path, name),
		write: (name, text) => {
			writeFileSync(join(path, name), text);
			return join(path, name);
		},
		dispose: () => rmSync(path, { recursive: true, force: true }),
	};
	for (const [name, text] of Object.entries(extra)) {
		folder.write(name, text);
	}
	return folder;
}

/** Options of {@link startServer}. */
export interface ServerOptions {
	readonly folder: FixtureFolder;
	/** Announce pull diagnostics (`textDocument.diagnostic`); default false (push only). */
	readonly pullDiagnostics?: boolean;
	/** Answer `workspace/configuration` with this `diplomaticLetters` section; without it the capability is not announced. */
	readonly configuration?: Record<string, unknown>;
	/** Announce dynamic registration of file watchers (default true). */
	readonly watchFiles?: boolean;
	/** Sent as `initializationOptions` (e.g. `{ workspaceTrusted: false }` for VS Code's Restricted Mode). */
	readonly initializationOptions?: Record<string, unknown>;
	/** Run the server as this user and group (root only), for files the server may not read or write. */
	readonly user?: { readonly uid: number; readonly gid: number };
	/**
	 * The server's user cache folder (`XDG_CACHE_HOME`, where it keeps the persistent index when the client gives no
	 * storage folder); default: one temporary folder for every server this test process starts, removed at its exit.
	 */
	readonly cacheHome?: string;
}

let harnessCache: string | undefined;

/** The temporary cache folder of the servers of this test process. */
export function harnessCacheHome(): string {
	if (harnessCache === undefined) {
		const folder = mkdtempSync(join(tmpdir(), 'dl-protocol-cache-'));
		chmodSync(folder, 0o777);
		process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
		harnessCache = folder;
	}
	return harnessCache;
}

/** A running server and what it has sent. */
export interface ServerSession {
	readonly connection: ProtocolConnection;
	readonly process: ChildProcessWithoutNullStreams;
	/** The latest published diagnostics per URI, with the number of publications. */
	readonly published: Map<string, { diagnostics: Diagnostic[]; count: number }>;
	readonly statuses: StatusParams[];
	readonly progressMessages: string[];
	readonly registrations: string[];
	/** Messages of `window/logMessage`. */
	readonly logMessages: string[];
	/** Messages of `window/showMessage` (what the user is shown). */
	readonly shownMessages: string[];
	/** What the server wrote on stderr. */
	readonly stderr: { text: string };
	/** The capabilities the server answered `initialize` with. */
	readonly serverCapabilities: ServerCapabilities;
	/** Counts of `workspace/diagnostic/refresh` requests. */
	readonly refreshes: { count: number };
	/** Resolves when `check` holds, re-checked on every message from the server; rejects after the timeout. */
	waitFor<T>(what: string, check: () => T | undefined, timeoutMs?: number): Promise<T>;
	/** Opens a document with the given languageId (default `plaintext`). */
	open(path: string, languageId?: string, text?: string): Promise<void>;
	/** The diagnostics published for a path, once a publication exists. */
	diagnosticsOf(path: string): Promise<Diagnostic[]>;
	/** Sends file events. */
	fileEvents(changes: { path: string; type: FileChangeType }[]): Promise<void>;
	/** Waits for the index to be ready (status `ready`). */
	ready(): Promise<StatusParams>;
	stop(): Promise<void>;
}

/** Runs `body` with a server started on `options.folder`, then stops the server and removes the folder, whatever happens. */
export async function withServer(options: ServerOptions, body: (server: ServerSession) => Promise<void>): Promise<void> {
	try {
		const server = await startServer(options);
		try {
			await body(server);
		} finally {
			await server.stop();
		}
	} finally {
		options.folder.dispose();
	}
}

/** Starts `dist/server.js --stdio`, initialises it on the folder and returns the session. */
export async function startServer(options: ServerOptions): Promise<ServerSession> {
	if (!existsSync(SERVER_JS)) {
		throw new Error('dist/server.js is missing: run `npm run build` first');
	}
	const env = { ...process.env, XDG_CACHE_HOME: options.cacheHome ?? harnessCacheHome() };
	const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: 'pipe', env, ...(options.user ?? {}) });
	const stderr = { text: '' };
	child.stderr.on('data', (chunk: Buffer) => {
		stderr.text += chunk.toString('utf8');
	});
	const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
	const listeners = new Set<() => void>();
	const notify = () => {
		for (const listener of [...listeners]) {
			listener();
		}
	};
	const published = new Map<string, { diagnostics: Diagnostic[]; count: number }>();
	const statuses: StatusParams[] = [];
	const progressMessages: string[] = [];
	const registrations: string[] = [];
	const logMessages: string[] = [];
	const shownMessages: string[] = [];
	const refreshes = { count: 0 };
	connection.onNotification('window/showMessage', (params: { message: string }) => {
		shownMessages.push(params.message);
		notify();
	});
	connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
		shownMessages.push(params.message);
		notify();
		return null;
	});
	connection.onNotification('window/logMessage', (params: { message: string }) => {
		logMessages.push(params.message);
		notify();
	});
	connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
		published.set(params.uri, { diagnostics: params.diagnostics, count: (published.get(params.uri)?.count ?? 0) + 1 });
		notify();
	});
	connection.onNotification(StatusNotification.method, (params: StatusParams) => {
		statuses.push(params);
		notify();
	});
	connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.configuration ?? {}));
	connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
		connection.onProgress(WorkDoneProgress.type, params.token, (value) => {
			if ('message' in value && value.message) {
				progressMessages.push(value.message);
			}
			notify();
		});
	});
	connection.onRequest(RegistrationRequest.type, (params) => {
		registrations.push(...params.registrations.map((registration) => registration.method));
		notify();
	});
	connection.onRequest('workspace/diagnostic/refresh', () => {
		refreshes.count++;
		notify();
		return null;
	});
	connection.onRequest('workspace/codeLens/refresh', () => null);
	connection.listen();

	const capabilities: ClientCapabilities = {
		workspace: {
			configuration: options.configuration !== undefined,
			didChangeWatchedFiles: { dynamicRegistration: options.watchFiles ?? true },
			workspaceFolders: true,
		},
		window: { workDoneProgress: true },
		textDocument: {
			hover: { contentFormat: ['markdown', 'plaintext'] },
			definition: { linkSupport: true },
			publishDiagnostics: { relatedInformation: true },
			...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
		},
	};
	const initialized = await connection.sendRequest(InitializeRequest.type, {
		processId: process.pid, rootUri: options.folder.uri, capabilities,
		workspaceFolders: [{ uri: options.folder.uri, name: 'letters' }],
		...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions }),
	});
	await connection.sendNotification(InitializedNotification.type, {});

	// Checks on every message from the server, and every 50 ms for states that show on disk, not in a message.
	const waitFor = <T>(what: string, check: () => T | undefined, timeoutMs = TIMEOUT_MS): Promise<T> => new Promise((resolve, reject) => {
		const attempt = () => {
			const value = check();
			if (value !== undefined) {
				listeners.delete(attempt);
				clearTimeout(timer);
				clearInterval(poller);
				resolve(value);
			}
		};
		const timer = setTimeout(() => {
			listeners.delete(attempt);
			clearInterval(poller);
			reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
		}, timeoutMs);
		const poller = setInterval(attempt, 50);
		listeners.add(attempt);
		attempt();
	});

	return {
		connection, process: child, published, statuses, progressMessages, registrations, logMessages, shownMessages, stderr, refreshes, waitFor, serverCapabilities: initialized.capabilities,
		open: async (path, languageId = 'plaintext', text) => {
			const { readFileSync } = await import('node:fs');
			await connection.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: { uri: uriOf(path), languageId, version: 1, text: text ?? readFileSync(path, 'utf8') },
			});
		},
		diagnosticsOf: (path) => waitFor(`diagnostics of ${path}`, () => published.get(uriOf(path))?.diagnostics),
		fileEvents: async (changes) => {
			await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map((change) => ({ uri: uriOf(change.path), type: change.type })) });
		},
		ready: () => waitFor('the index to be ready', () => statuses.find((status) => status.state === 'ready')),
		stop: async () => {
			try {
				await connection.sendRequest(ShutdownRequest.type);
				await connection.sendNotification(ExitNotification.type);
			} catch {
				child.kill();
			}
			await new Promise<void>((resolve) => {
				if (child.exitCode !== null) {
					resolve();
				} else {
					child.once('exit', () => resolve());
				}
			});
			connection.dispose();
		},
	};
}

/** The zero-based position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
	const at = text.indexOf(needle);
	if (at < 0) {
		throw new Error(`"${needle}" is not in the text`);
	}
	const before = text.slice(0, at + delta).split(/\r\n|\r|\n/);
	return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The text of a diagnostic's message (LSP 3.18 allows Markdown there). */
export function messageOf(diagnostic: Diagnostic): string {
	return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
