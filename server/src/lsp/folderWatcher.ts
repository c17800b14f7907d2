/**
 * Watches the workspace folders with Node's recursive `fs.watch` for clients that cannot register file watchers
 * (`workspace/didChangeWatchedFiles` without dynamic registration, as Neovim on Linux). Events are coalesced briefly and
 * reported as created-or-changed or deleted, like the client's own watcher would.
 */
import type { FSWatcher } from 'node:fs';
import { existsSync, watch } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'vscode-uri';

/** Delay that coalesces bursts of events for one file (ms). */
const COALESCE_MS = 50;

/** Receives the URIs of files that changed on disk. */
export interface FolderWatcherEvents {
	changed(uri: string): void;
	deleted(uri: string): void;
}

/** Starts watching the folder paths; returns a function that stops every watcher. */
export function watchFolders(paths: readonly string[], events: FolderWatcherEvents): () => void {
	const watchers: FSWatcher[] = [];
	const pending = new Map<string, NodeJS.Timeout>();
	for (const folder of paths) {
		try {
			const watcher = watch(folder, { recursive: true }, (_event, fileName) => {
				if (typeof fileName !== 'string' || !/\.(?:txt|md|markdown|annotations\.yaml)$/i.test(fileName)) {
					return;
				}
				const path = join(folder, fileName);
				clearTimeout(pending.get(path));
				pending.set(path, setTimeout(() => {
					pending.delete(path);
					const uri = URI.file(path).toString();
					if (existsSync(path)) {
						events.changed(uri);
					} else {
						events.deleted(uri);
					}
				}, COALESCE_MS));
			});
			watcher.on('error', () => watcher.close());
			watchers.push(watcher);
		} catch {
			// A folder that cannot be watched is still indexed; changes show after a re-index.
		}
	}
	return () => {
		for (const watcher of watchers) {
			watcher.close();
		}
		for (const timer of pending.values()) {
			clearTimeout(timer);
		}
	};
}
