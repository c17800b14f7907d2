/**
 * What a change on disk means (events from the client's file watcher, or from `fs.watch` for clients without one):
 * - a letter created, changed or deleted (not open in the editor): indexed again, its annotations found again;
 * - a sidecar changed: read again by the owner; when it holds what the owner last read or wrote (its own write, a
 *   repeated event) nothing happens, otherwise the letter's identity and annotations follow it;
 * - a letter gone with its sidecar left behind, or a sidecar appearing without its letter: `sidecar-without-letter`.
 * Events are handled one after the other, so that a burst (a `git checkout`) is applied in order.
 */
import type { ClientCapabilities } from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import { letterPathForSidecar, SIDECAR_SUFFIX, sidecarPathFor } from '../node/sidecarFiles';
import { watchFolders } from './folderWatcher';
import { normaliseUri, pathOfUri } from './letterStore';
import { URI } from 'vscode-uri';
import type { ServerContext } from './serverContext';

/** Applies file events to the server's state. */
export class FileEventPolicy {
	private queue: Promise<void> = Promise.resolve();

	constructor(private readonly context: ServerContext) {}

	/**
	 * Starts listening: the client's watcher when it can register one dynamically (letters and sidecars), else
	 * `fs.watch` on the folders. Returns a function that stops listening.
	 */
	start(capabilities: ClientCapabilities): () => void {
		const { connection, guard } = this.context;
		connection.onDidChangeWatchedFiles(guard.notification('workspace/didChangeWatchedFiles', (params) => (Array.isArray((params as { changes?: unknown }).changes) ? undefined : '`changes` must be a list'), (params) => {
			for (const change of params.changes) {
				if (typeof change.uri === 'string') {
					this.enqueue(change.uri, change.type === FileChangeType.Deleted);
				}
			}
		}));
		if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
			void connection.client.register(DidChangeWatchedFilesNotification.type, {
				watchers: [{ globPattern: '**/*.{txt,md,markdown}' }, { globPattern: '**/*.annotations.yaml' }],
			}).catch(() => undefined);
			return () => undefined;
		}
		return watchFolders(this.context.folderPaths(), {
			changed: (uri) => this.enqueue(uri, false),
			deleted: (uri) => this.enqueue(uri, true),
		});
	}

	/** Resolves once every event received so far has been applied. */
	settled(): Promise<void> {
		return this.queue;
	}

	/** Applies one event after those before it; a failure is logged and the next events still apply. */
	enqueue(uri: string, deleted: boolean): void {
		this.queue = this.queue.then(() => (deleted ? this.deleted(uri) : this.changed(uri))).catch((error: unknown) => {
			this.context.connection.console.error(`A file event for ${uri} could not be applied: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		});
	}

	/** A file was created or changed on disk. */
	async changed(fileUri: string): Promise<void> {
		const { store, annotations, owner, sidecarReports, connection } = this.context;
		const uri = normaliseUri(fileUri);
		const path = pathOfUri(uri);
		if (path === undefined) {
			return;
		}
		if (uri.endsWith(SIDECAR_SUFFIX)) {
			const letterPath = letterPathForSidecar(path);
			const { changed } = await owner.fileEvent(path);
			if (!changed || letterPath === undefined) {
				return;
			}
			const letterUri = URI.file(letterPath).toString();
			store.sidecarChanged(letterUri);
			// The letter's annotation count may have changed even when its annotations were never loaded.
			this.context.lettersChanged.schedule([letterUri]);
			connection.console.info(`The sidecar ${path} changed on disk: its annotations are read again.`);
			store.reparseEditedDocuments();
			await annotations.reload(letterUri, 'sidecar-changed');
			await sidecarReports.refresh([path]);
			return;
		}
		store.fileChanged(uri);
		if (!store.openDocument(uri)) {
			store.reparseEditedDocuments();
			await annotations.reload(uri, 'letter-changed');
		}
		sidecarReports.lettersChanged();
		await sidecarReports.refresh([sidecarPathFor(path)]);
		await sidecarReports.refresh();
	}

	/** A file was deleted on disk (a rename outside the editor is a delete and a create). */
	async deleted(fileUri: string): Promise<void> {
		const { store, annotations, owner, sidecarReports } = this.context;
		const uri = normaliseUri(fileUri);
		const path = pathOfUri(uri);
		if (path === undefined) {
			return;
		}
		if (uri.endsWith(SIDECAR_SUFFIX)) {
			owner.forget(path);
			const letterPath = letterPathForSidecar(path);
			if (letterPath !== undefined) {
				const letterUri = URI.file(letterPath).toString();
				store.sidecarChanged(letterUri);
				this.context.lettersChanged.schedule([letterUri]);
				await annotations.reload(letterUri, 'sidecar-changed');
			}
			await sidecarReports.refresh([path]);
			return;
		}
		store.fileDeleted(uri);
		if (!store.openDocument(uri)) {
			annotations.forget(uri);
		}
		sidecarReports.lettersChanged();
		await sidecarReports.refresh([sidecarPathFor(path)]);
		await sidecarReports.refresh();
	}
}
