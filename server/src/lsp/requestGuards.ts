/**
 * What keeps the server alive and its answers plain whatever a client sends: every handler runs inside a guard that
 * checks the parameters first (a malformed request is answered `InvalidParams` with a sentence naming the field), answers
 * any error of the handler with `InternalError` and a sentence naming the request (the stack goes to the log, never
 * into the answer), and refuses requests after `shutdown`. Notifications are guarded the same way (errors logged).
 */
import { performance } from 'node:perf_hooks';
import type { CancellationToken } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/** Checks a request's parameters: `undefined` when they are usable, else what is wrong ("`range` must be …"). */
export type ParamsCheck = (params: unknown) => string | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isNatural(value: unknown): boolean {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** True for an LSP position. */
export function isPosition(value: unknown): boolean {
	return isObject(value) && isNatural(value.line) && isNatural(value.character);
}

/** True for an LSP range. */
export function isRange(value: unknown): boolean {
	return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

/** Parameter checks, composable: each names the field it checks. */
export const check = {
	/** `textDocument.uri` is a string. */
	document: ((params) => (isObject(params) && isObject(params.textDocument) && typeof params.textDocument.uri === 'string' ? undefined : '`textDocument.uri` must be a document URI')) as ParamsCheck,
	/** `position` is a position. */
	position: ((params) => (isObject(params) && isPosition(params.position) ? undefined : '`position` must be { line, character } with non-negative integers')) as ParamsCheck,
	/** `range` is a range. */
	range: ((params) => (isObject(params) && isRange(params.range) ? undefined : '`range` must be { start, end } positions')) as ParamsCheck,
	/** `field` is a string (`optional`: or absent). */
	string: (field: string, optional = false): ParamsCheck => (params) => (isObject(params) && (typeof params[field] === 'string' || (optional && params[field] === undefined)) ? undefined : `\`${field}\` must be a string`),
	/** `field` is a list of strings (`optional`: or absent). */
	strings: (field: string, optional = false): ParamsCheck => (params) => {
		const value = isObject(params) ? params[field] : undefined;
		return (Array.isArray(value) && value.every((item) => typeof item === 'string')) || (optional && value === undefined) ? undefined : `\`${field}\` must be a list of strings`;
	},
	/** The parameters are an object (or absent, for requests without any). */
	objectOrNothing: ((params) => (params === undefined || params === null || isObject(params) ? undefined : 'the parameters must be an object')) as ParamsCheck,
	/** Every check, in order; the first problem wins. */
	all: (...checks: readonly ParamsCheck[]): ParamsCheck => (params) => {
		for (const one of checks) {
			const problem = one(params);
			if (problem !== undefined) {
				return problem;
			}
		}
		return undefined;
	},
};

/** Guards the handlers of one connection. */
export class RequestGuard {
	private shutdown = false;
	/** Requests accepted before `shutdown` and not answered yet (a create may still be reading its sidecar). */
	private readonly inFlight = new Set<Promise<unknown>>();
	private lastMessage = Number.NEGATIVE_INFINITY;

	/** @param log where errors of handlers are written (the server log), with their stack */
	constructor(private readonly log: (message: string) => void) {}

	/** From now on every request is refused (after `shutdown`, only `exit` is expected). */
	shutDown(): void {
		this.shutdown = true;
	}

	/** When the last request or notification came in (`performance.now()`): background work waits while messages keep coming. */
	get lastMessageAt(): number {
		return this.lastMessage;
	}

	/** True after `shutdown`. */
	get isShutDown(): boolean {
		return this.shutdown;
	}

	/**
	 * Resolves when every request accepted before now has been answered, or after `limitMs` (a request waiting on a
	 * long index never holds shutdown longer than that): the writes asked for before `shutdown` reach the sidecar owner
	 * before it closes.
	 */
	async settled(limitMs: number): Promise<void> {
		let timer: NodeJS.Timeout | undefined;
		const limit = new Promise<void>((resolve) => {
			timer = setTimeout(resolve, limitMs);
		});
		await Promise.race([Promise.allSettled([...this.inFlight]), limit]);
		clearTimeout(timer);
	}

	/** A guarded request handler (see the module comment). */
	request<P, R>(method: string, paramsCheck: ParamsCheck, handler: (params: P, token: CancellationToken) => R | Promise<R>): (params: P, token: CancellationToken) => Promise<R | ResponseError<never>> {
		const answer = this.answer(method, paramsCheck, handler);
		return (params, token) => {
			this.lastMessage = performance.now();
			const answering = answer(params, token);
			if (!this.shutdown) {
				this.inFlight.add(answering);
				void answering.finally(() => this.inFlight.delete(answering));
			}
			return answering;
		};
	}

	private answer<P, R>(method: string, paramsCheck: ParamsCheck, handler: (params: P, token: CancellationToken) => R | Promise<R>): (params: P, token: CancellationToken) => Promise<R | ResponseError<never>> {
		return async (params, token) => {
			if (this.shutdown) {
				return new ResponseError<never>(ErrorCodes.InvalidRequest, `${method} was refused: the server is shutting down.`);
			}
			const problem = paramsCheck(params);
			if (problem !== undefined) {
				return new ResponseError<never>(ErrorCodes.InvalidParams, `${method}: ${problem}.`);
			}
			try {
				return await handler(params, token);
			} catch (error) {
				if (error instanceof ResponseError) {
					return error as ResponseError<never>;
				}
				if (token.isCancellationRequested) {
					return new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
				}
				this.log(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
				return new ResponseError<never>(ErrorCodes.InternalError, `The Diplomatic Letters server could not answer ${method} because of an internal error; the details are in its log. Nothing was changed.`);
			}
		};
	}

	/** A guarded notification handler: malformed notifications are logged and ignored, errors logged. */
	notification<P>(method: string, paramsCheck: ParamsCheck, handler: (params: P) => void | Promise<void>): (params: P) => void {
		return (params) => {
			this.lastMessage = performance.now();
			const problem = paramsCheck(params);
			if (problem !== undefined) {
				this.log(`${method} ignored: ${problem}.`);
				return;
			}
			const failed = (error: unknown) => this.log(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			try {
				const done = handler(params);
				if (done instanceof Promise) {
					done.catch(failed);
				}
			} catch (error) {
				failed(error);
			}
		};
	}
}

/**
 * Logs errors that escape every handler (a rejected promise nobody awaited, an exception in a timer) instead of
 * letting Node end the process: the server keeps answering.
 */
export function logEscapedErrors(log: (message: string) => void): void {
	process.on('uncaughtException', (error) => log(`Unexpected error (the server goes on): ${error.stack ?? error.message}`));
	process.on('unhandledRejection', (reason) => log(`Unexpected rejected promise (the server goes on): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
}
