/**
 * Typed, guarded registration of the custom protocol on the server connection. The LSP server library bundles its
 * own `vscode-jsonrpc`, whose message-type classes differ from the ones the shared protocol module is built with; the
 * method names and the parameter and result types are the same, so the server's own types are made from them.
 */
import type { Connection, RequestHandler, RequestHandler0 } from 'vscode-languageserver';
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver';
import type { NotificationDefinition, RequestDefinition, RequestDefinition0 } from '../protocol';
import type { ParamsCheck, RequestGuard } from './requestGuards';
import { check } from './requestGuards';

/** Handles a custom request with parameters, checked by `paramsCheck` and guarded (see `requestGuards.ts`). */
export function onCustomRequest<P, R>(connection: Connection, guard: RequestGuard, definition: RequestDefinition<P, R>, paramsCheck: ParamsCheck, handler: (params: P) => R | Promise<R>): void {
	// The library's handler type wraps a generic `R` in a conditional type that TypeScript cannot resolve; the guarded
	// handler returns `R` or a `ResponseError`, which is what it accepts.
	connection.onRequest(new RequestType<P, R, never>(definition.method), guard.request(definition.method, paramsCheck, handler) as RequestHandler<P, R, never>);
}

/** Handles a custom request without parameters, guarded. */
export function onCustomRequest0<R>(connection: Connection, guard: RequestGuard, definition: RequestDefinition0<R>, handler: () => R | Promise<R>): void {
	const guarded = guard.request(definition.method, check.objectOrNothing, () => handler());
	connection.onRequest(new RequestType0<R, never>(definition.method), ((token) => guarded(undefined, token)) as RequestHandler0<R, never>);
}

/** Sends a custom notification. */
export function sendCustomNotification<P extends object>(connection: Connection, definition: NotificationDefinition<P>, params: P): void {
	// The library types `params` through a conditional type that a generic `P` cannot satisfy; the value is `P` itself.
	void connection.sendNotification(new NotificationType<P>(definition.method), params as never).catch(() => undefined);
}
