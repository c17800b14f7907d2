/**
 * What every part of the server shares, built once per connection: the letter store (the index), the sidecar owner,
 * the annotations, the language service, settings, diagnostics and status, and the request guard. Who tells whom
 * about a change is wired here and nowhere else.
 */
import type { ClientCapabilities, Connection, Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../engine/diagnostics/codes';
import { summaryDiagnostics } from '../engine/diagnostics/letterDiagnostics';
import { createLetterLanguageService } from '../engine/languageService';
import type { LetterLanguageService } from '../engine/languageService';
import type { ReferenceData } from '../engine/sessions/referenceData';
import { SIDECAR_SUFFIX, sidecarPathFor } from '../node/sidecarFiles';
import { basename } from 'node:path';
import { letterAnnotationDiagnostics } from './annotationDiagnostics';
import { notifyAnnotationsChanged } from './annotationRequests';
import { AnnotationStore } from './annotationStore';
import { toLspDiagnostic } from './convert';
import { DiagnosticsPublisher, whileIndexing } from './diagnosticsPublisher';
import { LetterStore, normaliseUri, pathOfUri } from './letterStore';
import { LettersChangedNotifier } from './letterViewRequests';
import { RequestGuard } from './requestGuards';
import { SettingsCache } from './settings';
import { SidecarOwner } from './sidecarOwner';
import { SidecarReports } from './sidecarReports';
import { StatusReporter } from './statusReporter';

/** What the handlers share. */
export interface ServerContext {
	readonly connection: Connection;
	readonly store: LetterStore;
	readonly owner: SidecarOwner;
	readonly service: LetterLanguageService;
	readonly settings: SettingsCache;
	readonly diagnostics: DiagnosticsPublisher;
	readonly status: StatusReporter;
	readonly annotations: AnnotationStore;
	readonly sidecarReports: SidecarReports;
	readonly guard: RequestGuard;
	/** Tells the client, gathered over half a second, that rows of the Letters view changed. */
	readonly lettersChanged: LettersChangedNotifier;
	/** The workspace folder paths. */
	readonly folderPaths: () => readonly string[];
	/**
	 * Re-parses every open document edited since its last parse (see `LetterStore.reparseEditedDocuments`), then
	 * returns the normalised form of `uri`: what a feature calls before it reads the index for `uri`.
	 */
	readonly reparseEdited: (uri: string) => string;
}

/** How the context is set up. */
export interface ServerContextOptions {
	readonly data: ReferenceData;
	readonly capabilities: ClientCapabilities;
	/** The workspace folder paths, as they stand (folders may be added and removed). */
	readonly folderPaths: () => readonly string[];
	/** False in Restricted Mode: nothing is written. */
	readonly trusted: boolean;
	/** The folder the client gives for the persistent index (else the user's cache folder). */
	readonly storage?: string;
}

/** Builds the server's shared state and wires its parts together. */
export function createServerContext(connection: Connection, options: ServerContextOptions): ServerContext {
	const { data, capabilities } = options;
	const settings = new SettingsCache(connection, capabilities.workspace?.configuration === true);
	const listeners: { changed?: (uris: readonly string[]) => void; progress?: (indexed: number, total: number) => void; annotations?: (uris: readonly string[]) => void; counted?: (uri: string, severities: readonly Severity[]) => void } = {};
	const owner = new SidecarOwner({ folders: options.folderPaths, writable: options.trusted });
	const store: LetterStore = new LetterStore(data, {
		onIndexChanged: (uris) => listeners.changed?.(uris),
		onProgress: (progress) => listeners.progress?.(progress.indexed, progress.total),
		onSkipped: (path, reason) => connection.console.info(`Not read as a letter: ${path} ${reason}.`),
		sidecarSymbolOf: (letterPath, unlisted) => owner.symbolOf(letterPath, unlisted),
		log: (line) => connection.console.info(line),
	}, { storage: options.storage });
	const effectiveSettings = (uri: string) => {
		const own = settings.peek(uri);
		return store.isIndexed ? own : { ...own, diagnostics: whileIndexing(own.diagnostics) };
	};
	const service = createLetterLanguageService({ index: store.index, data, settings: effectiveSettings });
	const reparseEdited = (uri: string) => {
		store.reparseEditedDocuments();
		return normaliseUri(uri);
	};
	const annotations = new AnnotationStore(owner, (uri) => store.textOf(uri), (uris) => listeners.annotations?.(uris));
	const pullMode = capabilities.textDocument?.diagnostic !== undefined;
	const sidecarReports = new SidecarReports({
		connection, owner, store, annotations, pullMode, folders: options.folderPaths,
		settings: async (uri) => (await settings.get(uri)).diagnostics,
	});
	const diagnostics = new DiagnosticsPublisher(connection, pullMode, async (uri): Promise<Diagnostic[]> => {
		const own = (await settings.get(uri)).diagnostics;
		const key = reparseEdited(uri);
		if (key.endsWith(SIDECAR_SUFFIX)) {
			return sidecarReports.diagnosticsOf(key, own);
		}
		const held = await annotations.get(key);
		reparseEdited(key);
		const entry = store.index.get(key);
		const letter = entry?.summary.isLetter ? store.index.model(key) : undefined;
		const path = pathOfUri(key);
		const annotationDiagnostics = entry && letter ? letterAnnotationDiagnostics(held, letter.text, basename(sidecarPathFor(path ?? entry.fileName)), own) : [];
		const placed = service.provideDiagnostics(key);
		if (store.isIndexed) {
			listeners.counted?.(key, placed.map((item) => item.diagnostic.severity));
		}
		return [...placed.map(toLspDiagnostic), ...annotationDiagnostics];
	});
	const lettersChanged = new LettersChangedNotifier(connection);
	const guard = new RequestGuard((message) => connection.console.error(message));
	const status = new StatusReporter(
		connection,
		capabilities.window?.workDoneProgress === true,
		() => ({ state: store.isIndexed ? 'ready' : 'indexing', ...store.indexingProgress, letters: store.index.letterCount }),
		{
			letters: () => store.index.letterUris(),
			severitiesOf: (uri) => {
				const entry = store.index.get(uri);
				// Counted from the entries: the same codes and severities as the diagnostics, without reading any letter again.
				return entry ? summaryDiagnostics(entry, store.index, effectiveSettings(uri).diagnostics).map((diagnostic) => diagnostic.severity) : [];
			},
			refreshInferred: (enough) => store.index.refreshInferred(enough),
			takeAffected: () => store.index.takeAffected(),
			clearAffected: () => store.index.clearAffected(),
		},
		() => guard.lastMessageAt,
		() => lettersChanged.schedule(),
		() => diagnostics.editing,
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
			// The index knows which letters a change touches (an edit of an open letter's symbols or dates included).
			status.indexChanged();
		}
	};
	listeners.annotations = (uris) => {
		notifyAnnotationsChanged(connection, uris, (uri) => annotations.peek(uri)?.revision);
		lettersChanged.schedule(uris);
		diagnostics.refresh(uris.filter((uri) => store.openDocument(uri) !== undefined));
		const sidecars = uris.flatMap((uri) => {
			const path = pathOfUri(uri);
			return path === undefined ? [] : [sidecarPathFor(path)];
		});
		void sidecarReports.refresh(sidecars);
	};
	return { connection, store, owner, service, settings, diagnostics, status, annotations, sidecarReports, guard, lettersChanged, folderPaths: options.folderPaths, reparseEdited };
}
