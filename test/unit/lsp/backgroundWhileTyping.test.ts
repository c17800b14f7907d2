// Background work yields to typing: the diagnostics publisher says the user is typing from an edit until 30 ms after
// its diagnostics were written out (or pulled), and the problem count takes at most one 1 ms slice per 50 ms meanwhile (the count
// of every letter after "ready" ran between the writes of a long letter's publications, in every keystroke's window).
// A real server connection over in-memory streams, read by a real client connection.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
	createProtocolConnection, PublishDiagnosticsNotification, StreamMessageReader as ClientReader, StreamMessageWriter as ClientWriter,
} from 'vscode-languageserver-protocol/node';
import type { Severity } from '../../../server/src/engine/diagnostics/codes';
import type { StatusParams } from '../../../server/src/protocol';
import { StatusNotification } from '../../../server/src/protocol';
import { DiagnosticsPublisher, REFRESH_DELAY_MS } from '../../../server/src/lsp/diagnosticsPublisher';
import { StatusReporter } from '../../../server/src/lsp/statusReporter';

/** A server connection and a client connection joined by two in-memory streams. */
function connected(): { server: Connection; client: ProtocolConnection; close: () => void } {
	const toServer = new PassThrough();
	const toClient = new PassThrough();
	const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
	const client = createProtocolConnection(new ClientReader(toClient), new ClientWriter(toServer));
	server.listen();
	client.listen();
	return { server, client, close: () => {
		client.dispose();
		server.dispose();
		toServer.destroy();
		toClient.destroy();
	} };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Works for about `ms` milliseconds without yielding (what counting one letter costs). */
function busy(ms: number): void {
	const until = performance.now() + ms;
	while (performance.now() < until) {
		// A letter's diagnostics being counted.
	}
}

describe('background work while the user types', () => {
	it('the publisher says the user is typing from an edit until 30 ms after its diagnostics were written out', async () => {
		const { server, client, close } = connected();
		try {
			const many: Diagnostic[] = Array.from({ length: 2000 }, (_, i) => ({ range: { start: { line: i, character: 0 }, end: { line: i, character: 5 } }, message: `finding ${i} `.repeat(10) }));
			const publisher = new DiagnosticsPublisher(server, false, () => Promise.resolve(many));
			const received = new Promise<PublishDiagnosticsParams>((resolve) => client.onNotification(PublishDiagnosticsNotification.type, resolve));
			assert.equal(publisher.editing, false, 'no edit yet');
			publisher.edited('file:///letter.txt', 7);
			assert.equal(publisher.editing, true, 'an edit came in');
			const published = await received;
			assert.equal(published.version, 7);
			assert.equal(published.diagnostics.length, 2000);
			assert.equal(publisher.editing, true, 'its diagnostics were written out just now');
			await sleep(REFRESH_DELAY_MS + 20);
			assert.equal(publisher.editing, false, 'no edit for longer than the refresh delay');
		} finally {
			close();
		}
	});

	it('a client that pulls diagnostics is typing too: from an edit until 30 ms after its pull was answered', async () => {
		const { server, close } = connected();
		try {
			const publisher = new DiagnosticsPublisher(server, true, () => Promise.resolve([]));
			publisher.edited('file:///letter.txt', 3);
			assert.equal(publisher.editing, true, 'an edit came in');
			await sleep(REFRESH_DELAY_MS + 20);
			assert.equal(publisher.editing, false, 'no edit for longer than the refresh delay');
			const pulled = publisher.diagnosticsOf('file:///letter.txt');
			assert.equal(publisher.editing, true, 'a pull is being answered');
			assert.deepEqual(await pulled, []);
			assert.equal(publisher.editing, true, 'a pull was answered just now');
			await sleep(REFRESH_DELAY_MS + 20);
			assert.equal(publisher.editing, false);
		} finally {
			close();
		}
	});

	it('the problem count takes at most a slice now and then while the user types, then counts every letter', async () => {
		const { server, client, close } = connected();
		try {
			const letters = Array.from({ length: 20_000 }, (_, i) => `file:///letter-${i}.txt`);
			let typing = true;
			let countedWhileTyping = 0;
			let timeWhileTyping = 0;
			const statuses: StatusParams[] = [];
			client.onNotification(StatusNotification.method, (params: unknown) => {
				statuses.push(params as StatusParams);
			});
			const reporter = new StatusReporter(
				server,
				false,
				() => ({ state: 'ready', indexed: letters.length, total: letters.length, letters: letters.length }),
				{
					letters: () => letters,
					severitiesOf: (): readonly Severity[] => {
						const start = performance.now();
						busy(0.005);
						if (typing) {
							countedWhileTyping++;
							timeWhileTyping += performance.now() - start;
						}
						return ['warning'];
					},
					refreshInferred: () => true,
					takeAffected: () => [],
					clearAffected: () => undefined,
				},
				() => Number.NEGATIVE_INFINITY,
				() => undefined,
				() => typing,
			);
			reporter.scheduleCount();
			// The count starts 300 ms after it is asked for; the user types for the 600 ms after that.
			await sleep(900);
			typing = false;
			// One slice of about a millisecond every 50 ms at most (about 12 ms in 600 ms), where the whole count is 100 ms of
			// work: the bound leaves room for a loaded machine and still fails if the count ignores the typing.
			assert.ok(timeWhileTyping < 70, `the count worked ${timeWhileTyping.toFixed(1)} ms while the user typed`);
			assert.ok(countedWhileTyping < letters.length / 2, `${countedWhileTyping} of ${letters.length} letters counted while the user typed`);
			const deadline = performance.now() + 20_000;
			while (reporter.status().problems.warning !== letters.length && performance.now() < deadline) {
				await sleep(20);
			}
			assert.equal(reporter.status().problems.warning, letters.length, 'every letter is counted once the user stops');
			await sleep(20);
			assert.equal(statuses.at(-1)?.problems.warning, letters.length, 'and the client is told');
		} finally {
			close();
		}
	});
});
