/**
 * Renames in the editor (SPEC "Annotation sidecar"): a letter renamed or moved takes its sidecar with it, and
 * `document.file` is updated. `workspace/willRenameFiles` moves the sidecar before the letter moves (so a client that
 * sends only that is served); `workspace/didRenameFiles` moves it for clients that send only that, and confirms a
 * move made before. A folder holding letters is renamed with its sidecars inside: what the server holds moves with it.
 * A move the letter did not follow (the rename failed, no `didRenameFiles` came and the letter is still there) is
 * undone after a while, so a sidecar is never left away from its letter by the server.
 */
import { lstat } from 'node:fs/promises';
import { sep } from 'node:path';
import type { FileOperationRegistrationOptions, RenameFilesParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { sidecarPathFor } from '../node/sidecarFiles';
import { pathOfUri } from './letterStore';
import type { ServerContext } from './serverContext';

/** Which renames the server is told about: letters (`.txt`, `.md`) and folders, on disk. */
export const RENAME_FILTERS: FileOperationRegistrationOptions = {
	filters: [
		{ scheme: 'file', pattern: { glob: '**/*.{txt,md}', matches: 'file', options: { ignoreCase: true } } },
		{ scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } },
	],
};

/** How long a move made at `willRenameFiles` waits for the letter to follow before it is undone (ms). */
const UNDO_UNFOLLOWED_MOVE_MS = 10_000;

const renameParams = (params: unknown): string | undefined => {
	const files = (params as { files?: unknown } | null)?.files;
	return Array.isArray(files) && files.every((file: unknown) => file !== null && typeof file === 'object' && typeof (file as { oldUri?: unknown }).oldUri === 'string' && typeof (file as { newUri?: unknown }).newUri === 'string')
		? undefined : '`files` must be a list of { oldUri, newUri }';
};

async function kindOf(path: string): Promise<'file' | 'folder' | undefined> {
	const stats = await lstat(path).catch(() => undefined);
	return stats === undefined ? undefined : stats.isDirectory() ? 'folder' : 'file';
}

async function exists(path: string): Promise<boolean> {
	return (await kindOf(path)) !== undefined;
}

/** Registers `workspace/willRenameFiles` and `workspace/didRenameFiles`. */
export function registerRenames(context: ServerContext): void {
	const { connection, guard } = context;
	/** Moves made at willRename, by old letter path: confirmed by didRename, else checked and undone. */
	const pending = new Map<string, { readonly to: string; readonly timer: NodeJS.Timeout }>();

	const moveLetter = async (from: string, to: string): Promise<boolean> => {
		const result = await context.owner.move(from, to);
		if (!result.ok) {
			void connection.window.showWarningMessage(result.message);
			return false;
		}
		if (result.moved) {
			context.annotations.renamed(URI.file(from).toString(), URI.file(to).toString());
		}
		return result.moved;
	};

	const afterRename = async (from: string, to: string, kind: 'file' | 'folder' | undefined): Promise<void> => {
		const { store, sidecarReports } = context;
		if (kind === 'folder') {
			context.owner.folderRenamed(from, to);
			context.annotations.folderRenamed(URI.file(from).toString(), URI.file(to).toString());
			store.folderRenamed(from, to);
		} else {
			store.fileDeleted(URI.file(from).toString());
			store.fileChanged(URI.file(to).toString());
		}
		sidecarReports.lettersChanged();
		await sidecarReports.refresh([sidecarPathFor(from), sidecarPathFor(to)]);
		await sidecarReports.refresh();
	};

	const undoUnfollowed = async (from: string, to: string): Promise<void> => {
		pending.delete(from);
		if ((await exists(from)) && !(await exists(to)) && !(await exists(sidecarPathFor(from)))) {
			await moveLetter(to, from);
		}
	};

	connection.workspace.onWillRenameFiles(guard.request('workspace/willRenameFiles', renameParams, async (params: RenameFilesParams) => {
		for (const file of params.files) {
			const from = pathOfUri(file.oldUri);
			const to = pathOfUri(file.newUri);
			if (from === undefined || to === undefined) {
				continue;
			}
			const kind = await kindOf(from);
			if (kind === 'folder') {
				await context.owner.flush(context.owner.knownSidecars().filter((path) => path.startsWith(`${from}${sep}`)));
			} else if (kind === 'file' && (await moveLetter(from, to))) {
				const timer = setTimeout(() => void undoUnfollowed(from, to), UNDO_UNFOLLOWED_MOVE_MS);
				timer.unref();
				pending.set(from, { to, timer });
			}
		}
		return null;
	}));

	connection.workspace.onDidRenameFiles(guard.notification('workspace/didRenameFiles', renameParams, async (params: RenameFilesParams) => {
		for (const file of params.files) {
			const from = pathOfUri(file.oldUri);
			const to = pathOfUri(file.newUri);
			if (from === undefined || to === undefined) {
				continue;
			}
			const kind = await kindOf(to);
			const moved = pending.get(from);
			if (moved !== undefined) {
				clearTimeout(moved.timer);
				pending.delete(from);
			} else if (kind === 'file') {
				await moveLetter(from, to);
			}
			await afterRename(from, to, kind);
		}
	}));
}
