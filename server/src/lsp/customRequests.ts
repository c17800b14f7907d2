/** The custom protocol of the server (see `server/src/protocol`): citations, symbol at cursor, re-index. */
import { CitationsRequest, ReindexRequest, SymbolAtRequest } from '../protocol';
import type { StatusParams } from '../protocol';
import { onCustomRequest, onCustomRequest0 } from './customMessages';
import { check } from './requestGuards';
import type { ServerContext } from './serverContext';

/** Registers the citation and index requests. */
export function registerCustomRequests(context: ServerContext, reindex: () => Promise<StatusParams | undefined>): void {
	const { connection, service, reparseEdited, guard } = context;
	onCustomRequest(connection, guard, CitationsRequest, check.document, (params) => service.provideCitations(reparseEdited(params.textDocument.uri)));
	onCustomRequest(connection, guard, SymbolAtRequest, check.all(check.document, check.position), (params) => service.provideSymbolAt(reparseEdited(params.textDocument.uri), params.position) ?? null);
	onCustomRequest0(connection, guard, ReindexRequest, async () => (await reindex()) ?? context.status.status());
}
