// Entry point of `dist/server.js`: `node dist/server.js --stdio` (or --node-ipc, --socket=…) for any LSP client.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { logEscapedErrors } from './requestGuards';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
logEscapedErrors((message) => connection.console.error(message));
startServer(connection);
