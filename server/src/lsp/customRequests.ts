/** The custom protocol of the server (see `server/src/protocol`): citations, symbol at cursor, re-index. */
import { CitationsRequest, ReindexRequest, SymbolAtRequest } from '../protocol';
import type { StatusParams } from '../protocol';
import { onCustomRequest, onCustomRequest0 } from './customMessages';
import type { ServerContext } from './server';

/** Registers the citation and index requests. */
export function registerCustomRequests(context: ServerContext, reindex: () => Promise<StatusParams | undefined>): void {
	const { connection, service, prepare } = context;
	onCustomRequest(connection, CitationsRequest, (params) => service.provideCitations(prepare(params.textDocument.uri)));
	onCustomRequest(connection, SymbolAtRequest, (params) => service.provideSymbolAt(prepare(params.textDocument.uri), params.position) ?? null);
	onCustomRequest0(connection, ReindexRequest, async () => (await reindex()) ?? context.status.status());
}
