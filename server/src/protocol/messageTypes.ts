import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** A custom request: its method name and the typed message for `sendRequest` / `onRequest`. */
export interface RequestDefinition<P, R> {
	readonly method: string;
	readonly type: RequestType<P, R, void>;
}

/** A custom request without parameters. */
export interface RequestDefinition0<R> {
	readonly method: string;
	readonly type: RequestType0<R, void>;
}

/** A custom notification: its method name and the typed message for `sendNotification` / `onNotification`. */
export interface NotificationDefinition<P> {
	readonly method: string;
	readonly type: NotificationType<P>;
}

/** Defines a request once for client and server. */
export function defineRequest<P, R>(method: string): RequestDefinition<P, R> {
	return Object.freeze({ method, type: new RequestType<P, R, void>(method) });
}

/** Defines a request without parameters once for client and server. */
export function defineRequest0<R>(method: string): RequestDefinition0<R> {
	return Object.freeze({ method, type: new RequestType0<R, void>(method) });
}

/** Defines a notification once for client and server. */
export function defineNotification<P>(method: string): NotificationDefinition<P> {
	return Object.freeze({ method, type: new NotificationType<P>(method) });
}
