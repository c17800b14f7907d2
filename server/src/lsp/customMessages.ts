/**
 * Typed registration of the custom protocol on the server connection. The LSP server library bundles its own
 * `vscode-jsonrpc`, whose message-type classes differ from the ones the shared protocol module is built with; the
 * method names and the parameter and result types are the same, so the server's own types are made from them.
 */
import type { Connection, RequestHandler, RequestHandler0 } from 'vscode-languageserver';
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver';
import type { NotificationDefinition, RequestDefinition, RequestDefinition0 } from '../protocol';

/** Handles a custom request with parameters. */
export function onCustomRequest<P, R>(connection: Connection, definition: RequestDefinition<P, R>, handler: RequestHandler<P, R, void>): void {
	connection.onRequest(new RequestType<P, R, void>(definition.method), handler);
}

/** Handles a custom request without parameters. */
export function onCustomRequest0<R>(connection: Connection, definition: RequestDefinition0<R>, handler: RequestHandler0<R, void>): void {
	connection.onRequest(new RequestType0<R, void>(definition.method), handler);
}

/** Sends a custom notification. */
export function sendCustomNotification<P extends object>(connection: Connection, definition: NotificationDefinition<P>, params: P): void {
	// The library types `params` through a conditional type that a generic `P` cannot satisfy; the value is `P` itself.
	void connection.sendNotification(new NotificationType<P>(definition.method), params as never).catch(() => undefined);
}
