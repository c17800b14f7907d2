/**
 * The Diplomatic Letters language server: answers `initialize` with its capabilities, builds the shared context
 * (`serverContext.ts`) and registers the handlers of each part — features, custom requests, annotations, document
 * sync (`documentSync.ts`), file events (`fileEventPolicy.ts`), renames (`renames.ts`), server commands — then
 * listens. Indexing, configuration changes and shutdown are handled here.
 */
import { isAbsolute } from 'node:path';
import type { ClientCapabilities, Connection, InitializeParams, InitializeResult, ServerCapabilities, WorkspaceFolder } from 'vscode-languageserver';
import { TextDocumentSyncKind } from 'vscode-languageserver';
import type { ReferenceData } from '../engine/sessions/referenceData';
import { emptyReferenceData } from '../engine/sessions/referenceData';
import { loadReferenceData } from '../node/referenceDataFile';
import type { InitializationOptions } from '../protocol';
import { registerAnnotationRequests } from './annotationRequests';
import { registerCustomRequests } from './customRequests';
import { registerDocumentSync } from './documentSync';
import { registerFeatureHandlers } from './featureHandlers';
import { FileEventPolicy } from './fileEventPolicy';
import { registerLetterViewRequests } from './letterViewRequests';
import { pathOfUri } from './letterStore';
import { registerRenames, RENAME_FILTERS } from './renames';
import { registerServerCommands, SERVER_COMMANDS } from './serverCommands';
import type { ServerContext } from './serverContext';
import { createServerContext } from './serverContext';

/** How long `shutdown` waits for the requests accepted before it (the writes among them reach the disk) (ms). */
const SHUTDOWN_WAIT_MS = 5000;

function capabilitiesFor(pullDiagnostics: boolean): ServerCapabilities {
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
		executeCommandProvider: { commands: [...SERVER_COMMANDS] },
		workspace: {
			workspaceFolders: { supported: true, changeNotifications: true },
			fileOperations: { willRename: RENAME_FILTERS, didRename: RENAME_FILTERS },
		},
		...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
	};
}

function workspaceFolders(params: InitializeParams): WorkspaceFolder[] {
	if (params.workspaceFolders && params.workspaceFolders.length > 0) {
		return params.workspaceFolders;
	}
	const root = params.rootUri ?? undefined;
	return root ? [{ uri: root, name: root }] : [];
}

/** False only when the client says the workspace is not trusted (VS Code's Restricted Mode). */
function isTrusted(options: unknown): boolean {
	return !(options !== null && typeof options === 'object' && (options as InitializationOptions).workspaceTrusted === false);
}

/** The storage folder the client gives for the persistent index, when it gives an absolute path. */
function storagePath(options: unknown): string | undefined {
	const path = options !== null && typeof options === 'object' ? (options as InitializationOptions).storagePath : undefined;
	return typeof path === 'string' && isAbsolute(path) ? path : undefined;
}

/** What the process that starts the server gives it (`loader.ts`: the code cache). */
export interface ServerStartup {
	/** Lines for the log, sent once the client is initialised. */
	readonly log?: readonly string[];
	/** Called each time the folders are indexed, with the log. */
	readonly indexed?: (log: (line: string) => void) => void;
}

/** Starts the server on a connection: registers every handler and listens. */
export function startServer(connection: Connection, referenceData?: ReferenceData, startup: ServerStartup = {}): void {
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
	let events: FileEventPolicy | undefined;
	let stopWatching: () => void = () => undefined;
	const folderPaths = () => folders.flatMap((folder) => pathOfUri(folder.uri) ?? []);

	connection.onInitialize((params): InitializeResult => {
		capabilities = params.capabilities ?? {};
		folders = workspaceFolders(params);
		const pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
		context = createServerContext(connection, { data, capabilities, folderPaths, trusted: isTrusted(params.initializationOptions), storage: storagePath(params.initializationOptions) });
		registerFeatureHandlers(context);
		registerCustomRequests(context, () => reindex());
		registerAnnotationRequests(context);
		registerLetterViewRequests(context);
		registerDocumentSync(context);
		registerRenames(context);
		registerServerCommands(context);
		events = new FileEventPolicy(context);
		return { capabilities: capabilitiesFor(pullDiagnostics), serverInfo: { name: 'diplomatic-letters' } };
	});

	// After `shutdown` every request is refused and nothing more is written; the writes already asked for finish first.
	connection.onShutdown(async () => {
		context?.guard.shutDown();
		context?.lettersChanged.dispose();
		stopWatching();
		await context?.guard.settled(SHUTDOWN_WAIT_MS);
		await context?.owner.close();
		await context?.store.flush();
	});

	let indexedWith = '';
	const folderOptions = (ctx: ServerContext) => Promise.all(folders.map(async (folder) => ({ uri: folder.uri, options: (await ctx.settings.get(folder.uri)).files })));
	const reindex = async () => {
		if (!context) {
			return;
		}
		const ctx = context;
		try {
			const withOptions = await folderOptions(ctx);
			indexedWith = JSON.stringify(withOptions);
			await ctx.status.indexingStarted();
			if (await ctx.store.indexFolders(withOptions)) {
				ctx.status.indexingFinished();
				startup.indexed?.((line) => connection.console.info(line));
				// The walk for sidecars yields as it goes: hovers and definitions sent right after "ready" are answered meanwhile.
				await ctx.owner.discover(ctx.store.indexedFolders);
				await ctx.sidecarReports.refreshAll();
			}
		} catch (error) {
			connection.console.error(`Indexing failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		}
		return ctx.status.status();
	};

	connection.onInitialized(() => {
		if (!context || !events) {
			return;
		}
		stopWatching = events.start(capabilities);
		startup.log?.forEach((line) => connection.console.info(line));
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
		const settings: unknown = change?.settings;
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

	connection.listen();
}
