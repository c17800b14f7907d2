/**
 * The Diplomatic Letters language server: wires the connection to the letter store (index), the language service,
 * diagnostics, status and the custom protocol. Each handler finds the document, syncs the index, and delegates.
 */
import type { ClientCapabilities, Connection, InitializeParams, InitializeResult, ServerCapabilities, WorkspaceFolder } from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind } from 'vscode-languageserver';
import { createLetterLanguageService } from '../engine/languageService';
import type { LetterLanguageService } from '../engine/languageService';
import type { ReferenceData } from '../engine/sessions/referenceData';
import { loadReferenceData } from '../node/referenceDataFile';
import { StoreIdentityCommand } from '../protocol';
import { registerCustomRequests } from './customRequests';
import { DiagnosticsPublisher, EDIT_DEBOUNCE_MS, whileIndexing } from './diagnosticsPublisher';
import { registerFeatureHandlers } from './featureHandlers';
import { toLspDiagnostic } from './convert';
import { LetterStore, normaliseUri } from './letterStore';
import { SettingsCache } from './settings';
import { StatusReporter } from './statusReporter';
import { storeIdentityInSidecar } from './sidecarWriter';

/** What the handlers share. */
export interface ServerContext {
	readonly connection: Connection;
	readonly store: LetterStore;
	readonly service: LetterLanguageService;
	readonly settings: SettingsCache;
	readonly diagnostics: DiagnosticsPublisher;
	readonly status: StatusReporter;
	/** Syncs open documents into the index, then returns the normalised URI. */
	readonly prepare: (uri: string) => string;
}

function capabilitiesFor(): ServerCapabilities {
	return {
		textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
		hoverProvider: true,
		definitionProvider: true,
		referencesProvider: true,
		documentLinkProvider: { resolveProvider: false },
		documentSymbolProvider: { label: 'Letter' },
		workspaceSymbolProvider: true,
		completionProvider: { triggerCharacters: ['/', ' ', ','], resolveProvider: false },
		foldingRangeProvider: true,
		codeLensProvider: { resolveProvider: false },
		codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: false },
		executeCommandProvider: { commands: [StoreIdentityCommand.id] },
		workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
	};
}

function workspaceFolders(params: InitializeParams): WorkspaceFolder[] {
	if (params.workspaceFolders && params.workspaceFolders.length > 0) {
		return params.workspaceFolders;
	}
	const root = params.rootUri ?? undefined;
	return root ? [{ uri: root, name: root }] : [];
}

/** Starts the server on a connection: registers every handler and listens. */
export function startServer(connection: Connection, referenceData?: ReferenceData): void {
	let data: ReferenceData;
	try {
		data = referenceData ?? loadReferenceData();
	} catch (error) {
		connection.console.error(error instanceof Error ? error.message : String(error));
		data = { sessions: new Map(), agenda: new Map(), problems: [] };
	}
	let folders: WorkspaceFolder[] = [];
	let capabilities: ClientCapabilities = {};
	let context: ServerContext | undefined;

	connection.onInitialize((params): InitializeResult => {
		capabilities = params.capabilities;
		folders = workspaceFolders(params);
		const pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
		const result: ServerCapabilities = capabilitiesFor();
		if (pullDiagnostics) {
			result.diagnosticProvider = { interFileDependencies: true, workspaceDiagnostics: false };
		}
		context = createContext(connection, data, capabilities);
		registerFeatureHandlers(context);
		registerCustomRequests(context, () => reindex());
		return { capabilities: result, serverInfo: { name: 'diplomatic-letters' } };
	});

	const reindex = async () => {
		if (!context) {
			return;
		}
		const ctx = context;
		const withOptions = await Promise.all(folders.map(async (folder) => ({ uri: folder.uri, options: (await ctx.settings.get(folder.uri)).files })));
		await ctx.status.indexingStarted();
		await ctx.store.indexFolders(withOptions);
		ctx.status.indexingFinished();
		return ctx.status.status();
	};

	connection.onInitialized(() => {
		if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
			void connection.client.register(DidChangeWatchedFilesNotification.type, {
				watchers: [{ globPattern: '**/*.{txt,md,markdown}' }, { globPattern: '**/*.annotations.yaml' }],
			}).catch(() => undefined);
		}
		if (capabilities.workspace?.workspaceFolders) {
			connection.workspace.onDidChangeWorkspaceFolders((event) => {
				const removed = new Set(event.removed.map((folder) => folder.uri));
				folders = [...folders.filter((folder) => !removed.has(folder.uri)), ...event.added];
				void reindex();
			});
		}
		void reindex();
	});

	connection.onDidChangeConfiguration((change) => {
		const settings: unknown = change.settings;
		const section = settings !== null && typeof settings === 'object' && 'diplomaticLetters' in settings ? settings.diplomaticLetters : undefined;
		context?.settings.clear(section);
		if (context) {
			context.diagnostics.refresh(context.store.openUris());
			context.status.scheduleCount();
		}
	});

	connection.onDidChangeWatchedFiles((params) => {
		const store = context?.store;
		for (const change of params.changes) {
			if (change.type === FileChangeType.Deleted) {
				store?.fileDeleted(change.uri);
			} else {
				store?.fileChanged(change.uri);
			}
		}
	});

	connection.onExecuteCommand(async (params) => {
		if (params.command === StoreIdentityCommand.id && context) {
			const [uri, symbol] = (params.arguments ?? []) as unknown[];
			if (typeof uri === 'string' && typeof symbol === 'string') {
				const outcome = await storeIdentityInSidecar(normaliseUri(uri), symbol);
				if (outcome.ok) {
					context.store.sidecarChanged(normaliseUri(uri));
				} else {
					void connection.window.showErrorMessage(outcome.message);
				}
			}
		}
	});

	connection.listen();
}

function createContext(connection: Connection, data: ReferenceData, capabilities: ClientCapabilities): ServerContext {
	const settings = new SettingsCache(connection, capabilities.workspace?.configuration === true);
	const listeners: { changed?: (uris: readonly string[]) => void; progress?: (indexed: number, total: number) => void } = {};
	const store: LetterStore = new LetterStore(data, {
		onIndexChanged: (uris) => listeners.changed?.(uris),
		onProgress: (progress) => listeners.progress?.(progress.indexed, progress.total),
	});
	const effectiveSettings = (uri: string) => {
		const own = settings.peek(uri);
		return store.isIndexed ? own : { ...own, diagnostics: whileIndexing(own.diagnostics) };
	};
	const service = createLetterLanguageService({ index: store.index, data, settings: effectiveSettings });
	const prepare = (uri: string) => {
		store.sync();
		return normaliseUri(uri);
	};
	const diagnostics = new DiagnosticsPublisher(connection, capabilities.textDocument?.diagnostic !== undefined, async (uri) => {
		await settings.get(uri);
		const key = prepare(uri);
		return service.provideDiagnostics(key).map(toLspDiagnostic);
	});
	const status = new StatusReporter(
		connection,
		capabilities.window?.workDoneProgress === true,
		() => ({ state: store.isIndexed ? 'ready' : 'indexing', ...store.indexingProgress, letters: store.index.letters().length }),
		() => store.index.letters().map((entry) => entry.uri),
		(uri) => service.provideDiagnostics(uri).map((placed) => placed.diagnostic.severity),
	);
	listeners.progress = (indexed, total) => status.indexingProgress(indexed, total);
	listeners.changed = (uris) => {
		if (store.isIndexed) {
			const others = store.openUris().filter((uri) => !uris.includes(uri));
			if (others.length > 0) {
				diagnostics.refresh(others);
			}
			status.scheduleCount();
		}
	};
	const context: ServerContext = { connection, store, service, settings, diagnostics, status, prepare };
	registerDocumentSync(context);
	return context;
}

function registerDocumentSync(context: ServerContext): void {
	const { connection, store, diagnostics } = context;
	connection.onDidOpenTextDocument((params) => {
		const uri = store.open(params.textDocument.uri, params.textDocument.languageId, params.textDocument.version, params.textDocument.text);
		diagnostics.schedule(uri, 0, params.textDocument.version);
	});
	connection.onDidChangeTextDocument((params) => {
		const uri = store.change(params.textDocument.uri, params.textDocument.version, params.contentChanges);
		if (uri) {
			diagnostics.schedule(uri, EDIT_DEBOUNCE_MS, params.textDocument.version);
		}
	});
	connection.onDidCloseTextDocument((params) => {
		const uri = store.close(params.textDocument.uri);
		diagnostics.clear(uri);
	});
}
