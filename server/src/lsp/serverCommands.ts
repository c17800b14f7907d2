/**
 * The server's own commands (`workspace/executeCommand`), both writes through the sidecar owner: store an inferred
 * identity in a letter's sidecar, and move a letterless sidecar next to its letter (the quick fix of
 * `sidecar-without-letter`). A refusal is shown to the user and answered with its message.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { letterPathForSidecar, sidecarPathFor } from '../node/sidecarFiles';
import { RelinkSidecarCommand, StoreIdentityCommand } from '../protocol';
import { pathOfUri } from './letterStore';
import type { ServerContext } from './serverContext';

/** The commands the server runs, for `executeCommandProvider`. */
export const SERVER_COMMANDS: readonly string[] = [StoreIdentityCommand.id, RelinkSidecarCommand.id];

const commandParams = (params: unknown): string | undefined => {
	const value = params as { command?: unknown; arguments?: unknown } | null;
	return typeof value?.command === 'string' && (value.arguments === undefined || Array.isArray(value.arguments)) ? undefined : '`command` must be a string and `arguments` a list';
};

/** Registers `workspace/executeCommand`. */
export function registerServerCommands(context: ServerContext): void {
	const { connection, guard, owner, store, annotations, sidecarReports } = context;
	const refuse = (message: string) => {
		void connection.window.showErrorMessage(message);
		return new ResponseError<never>(ErrorCodes.InvalidRequest, message);
	};
	connection.onExecuteCommand(guard.request('workspace/executeCommand', commandParams, async (params) => {
		const args = (params.arguments ?? []) as unknown[];
		if (params.command === StoreIdentityCommand.id) {
			const [uri, symbol] = args;
			const path = typeof uri === 'string' ? pathOfUri(uri) : undefined;
			if (path === undefined || typeof symbol !== 'string' || symbol.trim() === '') {
				return refuse('Store identity needs the URI of a letter saved as a file and a document symbol.');
			}
			const letterUri = URI.file(path).toString();
			if (store.index.get(letterUri) === undefined) {
				return refuse(`${path} is not a letter of the workspace, so no identity was stored for it.`);
			}
			const outcome = await owner.storeIdentity(path, symbol.trim());
			if (!outcome.ok) {
				return refuse(outcome.message);
			}
			store.sidecarChanged(letterUri);
			await annotations.reload(letterUri, 'sidecar-changed');
			return null;
		}
		if (params.command === RelinkSidecarCommand.id) {
			const [sidecarUri, letterUri] = args;
			const sidecarPath = typeof sidecarUri === 'string' ? pathOfUri(sidecarUri) : undefined;
			const fromLetter = sidecarPath === undefined ? undefined : letterPathForSidecar(sidecarPath);
			const toLetter = typeof letterUri === 'string' ? pathOfUri(letterUri) : undefined;
			if (sidecarPath === undefined || fromLetter === undefined || toLetter === undefined) {
				return refuse('Moving a sidecar needs the URI of the sidecar and of its letter.');
			}
			const moved = await owner.move(fromLetter, toLetter);
			if (!moved.ok) {
				return refuse(moved.message);
			}
			const toUri = URI.file(toLetter).toString();
			store.sidecarChanged(toUri);
			await annotations.reload(toUri, 'sidecar-changed');
			sidecarReports.lettersChanged();
			await sidecarReports.refresh([sidecarPath, sidecarPathFor(toLetter)]);
			return null;
		}
		return refuse(`Unknown command ${params.command}.`);
	}));
}
