// The language server's bundle, `dist/serverMain.js`: run by `dist/server.js` (`loader.ts`) from its V8 code cache.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { logEscapedErrors } from './requestGuards';
import type { ServerStartup } from './server';
import { startServer } from './server';

/** Starts the server on the connection the command line names (`--stdio`, `--node-ipc`, `--socket=…`). */
export function main(startup: ServerStartup = {}): void {
	const connection = createConnection(ProposedFeatures.all);
	logEscapedErrors((message) => connection.console.error(message));
	startServer(connection, undefined, startup);
}
