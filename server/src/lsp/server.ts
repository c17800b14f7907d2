/**
 * The Diplomatic Letters language server: wires the connection to the letter store (index), the language service,
 * diagnostics, status and the custom protocol. Each handler finds the document, syncs the index, and delegates.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ClientCapabilities, Connection, InitializeParams, InitializeResult, ServerCapabilities, WorkspaceFolder } from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind } from 'vscode-languageserver';
import type { DiagnosticSettings, Severity } from '../engine/diagnostics/codes';
import { computeLetterDiagnostics } from '../engine/diagnostics/letterDiagnostics';
import { createLetterLanguageService } from '../engine/languageService';
import type { LetterLanguageService } from '../engine/languageService';
import type { ReferenceData } from '../engine/sessions/referenceData';
import { emptyReferenceData } from '../engine/sessions/referenceData';
import { loadReferenceData } from '../node/referenceDataFile';
import { StoreIdentityCommand } from '../protocol';
import { letterAnnotationDiagnostics, notifyAnnotationsChanged, registerAnnotationRequests, sidecarFileDiagnostics } from './annotationRequests';
import { AnnotationStore } from './annotationStore';
import { toLspDiagnostic } from './convert';
import { registerCustomRequests } from './customRequests';
import { DiagnosticsPublisher, EDIT_DEBOUNCE_MS, whileIndexing } from './diagnosticsPublisher';
import { watchFolders } from './folderWatcher';
import { registerFeatureHandlers } from './featureHandlers';
import { LetterStore, normaliseUri, pathOfUri, SIDECAR_SUFFIX } from './letterStore';
import { LettersChangedNotifier, registerLetterViewRequests } from './letterViewRequests';
import { SettingsCache } from './settings';
import { storeIdentityInSidecar } from './sidecarWriter';
import { StatusReporter } from './statusReporter';

/** What the handlers share. */
export interface ServerContext {
	readonly connection: Connection;
	readonly store: LetterStore;
	readonly service: LetterLanguageService;
	readonly settings: SettingsCache;
	readonly diagnostics: DiagnosticsPublisher;
	readonly status: StatusReporter;
	readonly annotations: AnnotationStore;
	/** Tells the client, debounced, that the letters catalogue changed. */
	readonly lettersChanged: LettersChangedNotifier;
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
		callHierarchyProvider: true,
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
		data = emptyReferenceData();
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
		registerAnnotationRequests(context, context.annotations, () => folders.flatMap((folder) => pathOfUri(folder.uri) ?? []));
		registerLetterViewRequests(context, context.lettersChanged);
		return { capabilities: result, serverInfo: { name: 'diplomatic-letters' } };
	});

	let indexedWith = '';
	const folderOptions = (ctx: ServerContext) => Promise.all(folders.map(async (folder) => ({ uri: folder.uri, options: (await ctx.settings.get(folder.uri)).files })));
	const reindex = async () => {
		if (!context) {
			return;
		}
		const ctx = context;
		const withOptions = await folderOptions(ctx);
		indexedWith = JSON.stringify(withOptions);
		await ctx.status.indexingStarted();
		if (await ctx.store.indexFolders(withOptions)) {
			ctx.status.indexingFinished();
		}
		return ctx.status.status();
	};

	connection.onInitialized(() => {
		if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
			void connection.client.register(DidChangeWatchedFilesNotification.type, {
				watchers: [{ globPattern: '**/*.{txt,md,markdown}' }, { globPattern: '**/*.annotations.yaml' }],
			}).catch(() => undefined);
		} else {
			const stop = watchFolders(folders.flatMap((folder) => pathOfUri(folder.uri) ?? []), {
				changed: (uri) => fileChanged(uri, false),
				deleted: (uri) => fileChanged(uri, true),
			});
			connection.onShutdown(stop);
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
			const ctx = context;
			ctx.diagnostics.refresh(ctx.store.openUris());
			ctx.status.scheduleCount();
			void folderOptions(ctx).then((options) => {
				if (JSON.stringify(options) !== indexedWith) {
					void reindex();
				}
			});
		}
	});

	const fileChanged = (fileUri: string, deleted: boolean) => {
		if (!context) {
			return;
		}
		const { store, annotations } = context;
		if (deleted) {
			store.fileDeleted(fileUri);
		} else {
			store.fileChanged(fileUri);
		}
		const uri = normaliseUri(fileUri);
		const letterUri = uri.endsWith(SIDECAR_SUFFIX) ? uri.slice(0, -SIDECAR_SUFFIX.length) : uri;
		if (uri.endsWith(SIDECAR_SUFFIX) || !store.openDocument(uri)) {
			store.sync();
			void annotations.reload(letterUri);
		}
		if (uri.endsWith(SIDECAR_SUFFIX)) {
			// Its annotation count may have changed even when its annotations were never loaded.
			context.lettersChanged.schedule([letterUri]);
		}
	};
	connection.onDidChangeWatchedFiles((params) => {
		for (const change of params.changes) {
			fileChanged(change.uri, change.type === FileChangeType.Deleted);
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
	const listeners: { changed?: (uris: readonly string[]) => void; progress?: (indexed: number, total: number) => void; annotations?: (uris: readonly string[]) => void; counted?: (uri: string, severities: readonly Severity[]) => void } = {};
	const store: LetterStore = new LetterStore(data, {
		onIndexChanged: (uris) => listeners.changed?.(uris),
		onProgress: (progress) => listeners.progress?.(progress.indexed, progress.total),
		onSkipped: (path, reason) => connection.console.info(`Not read as a letter: ${path} ${reason}.`),
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
	const annotations = new AnnotationStore((uri) => store.index.get(uri)?.letter.text, (uris) => listeners.annotations?.(uris));
	const diagnostics = new DiagnosticsPublisher(connection, capabilities.textDocument?.diagnostic !== undefined, async (uri) => {
		const own = (await settings.get(uri)).diagnostics;
		const key = prepare(uri);
		if (key.endsWith(SIDECAR_SUFFIX)) {
			const letterUri = key.slice(0, -SIDECAR_SUFFIX.length);
			return sidecarFileDiagnostics(await annotations.get(letterUri), store.openDocument(key)?.getText(), own);
		}
		const held = await annotations.get(key);
		prepare(key);
		const entry = store.index.get(key);
		const annotationDiagnostics = entry?.letter.detection.isLetter ? letterAnnotationDiagnostics(held, entry.letter.text, entry.fileName, own) : [];
		const placed = service.provideDiagnostics(key);
		if (store.isIndexed) {
			listeners.counted?.(key, placed.map((item) => item.diagnostic.severity));
		}
		return [...placed.map(toLspDiagnostic), ...annotationDiagnostics];
	});
	const lettersChanged = new LettersChangedNotifier(connection);
	connection.onShutdown(() => lettersChanged.dispose());
	const status = new StatusReporter(
		connection,
		capabilities.window?.workDoneProgress === true,
		() => ({ state: store.isIndexed ? 'ready' : 'indexing', ...store.indexingProgress, letters: store.index.letters().length }),
		() => store.index.letters().map((entry) => entry.uri),
		(uri) => {
			const entry = store.index.get(uri);
			return entry ? computeLetterDiagnostics(entry, store.index, data, effectiveSettings(uri).diagnostics).map((diagnostic) => diagnostic.severity) : [];
		},
		() => lettersChanged.schedule(),
	);
	listeners.progress = (indexed, total) => status.indexingProgress(indexed, total);
	listeners.counted = (uri, severities) => status.letterCounted(uri, severities);
	listeners.changed = (uris) => {
		lettersChanged.schedule(uris);
		if (store.isIndexed) {
			const others = store.openUris().filter((uri) => !uris.includes(uri));
			if (others.length > 0) {
				diagnostics.refresh(others);
			}
			if (uris.some((uri) => store.openDocument(uri) === undefined) || uris.length === 0) {
				status.scheduleCount();
			}
		}
	};
	const publishedSidecars = new Set<string>();
	listeners.annotations = (uris) => {
		notifyAnnotationsChanged(connection, uris);
		lettersChanged.schedule(uris);
		diagnostics.refresh(uris.filter((uri) => store.openDocument(uri) !== undefined));
		for (const uri of uris) {
			// A client that pulls diagnostics pulls those of an open sidecar; a closed sidecar's are always pushed.
			const pulled = diagnostics.pullMode && store.openDocument(`${uri}${SIDECAR_SUFFIX}`) !== undefined;
			publishSidecarDiagnostics(connection, uri, annotations, settings.peek(uri).diagnostics, publishedSidecars, pulled);
		}
	};
	const context: ServerContext = { connection, store, service, settings, diagnostics, status, annotations, lettersChanged, prepare };
	registerDocumentSync(context);
	return context;
}

function registerDocumentSync(context: ServerContext): void {
	const { connection, store, diagnostics, prepare } = context;
	connection.onDidOpenTextDocument((params) => {
		const uri = store.open(params.textDocument.uri, params.textDocument.languageId, params.textDocument.version, params.textDocument.text);
		diagnostics.schedule(uri, 0, params.textDocument.version);
		if (!uri.endsWith(SIDECAR_SUFFIX)) {
			store.sync();
			void context.annotations.get(uri).then((held) => {
				if (held.state !== 'none') {
					diagnostics.schedule(uri, 0);
					notifyAnnotationsChanged(connection, [uri]);
				}
			});
		}
	});
	connection.onDidChangeTextDocument((params) => {
		const changed = store.change(params.textDocument.uri, params.textDocument.version, params.contentChanges);
		if (changed) {
			context.annotations.applyEdits(changed.uri, changed.replacements);
			diagnostics.schedule(changed.uri, EDIT_DEBOUNCE_MS, params.textDocument.version);
		}
	});
	connection.onDidSaveTextDocument((params) => {
		const uri = prepare(params.textDocument.uri);
		void context.annotations.storePositions(uri);
	});
	connection.onDidCloseTextDocument((params) => {
		const uri = store.close(params.textDocument.uri);
		diagnostics.clear(uri);
	});
}

/**
 * Pushes `sidecar-invalid` on the sidecar file itself (and clears it once the sidecar is valid again), unless the
 * client pulls the sidecar's diagnostics (`pulled`: it is open and the client pulls).
 */
function publishSidecarDiagnostics(connection: Connection, letterUri: string, annotations: AnnotationStore, settings: DiagnosticSettings, published: Set<string>, pulled: boolean): void {
	const held = annotations.peek(letterUri);
	const sidecarUri = `${letterUri}${SIDECAR_SUFFIX}`;
	const path = pathOfUri(sidecarUri);
	if (pulled || path === undefined || (held?.state !== 'invalid' && !published.has(sidecarUri))) {
		return;
	}
	const text = held?.state === 'invalid' && existsSync(path) ? readFileSync(path, 'utf8') : undefined;
	const items = sidecarFileDiagnostics(held, text, settings);
	if (items.length > 0) {
		published.add(sidecarUri);
	} else {
		published.delete(sidecarUri);
	}
	void connection.sendDiagnostics({ uri: sidecarUri, diagnostics: items });
}
