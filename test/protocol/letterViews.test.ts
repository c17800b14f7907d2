// The folder-wide views' custom requests over stdio on the five sample letters: the Letters view's rows with their
// counts, `lettersChanged` after a change on disk, a thread, the packed citation graph, and Set Document Symbol
// (refused with the grammar's reason, then stored in the sidecar by the server and shown in the rows).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import type { CitationGraphResult, LettersChangedParams, LettersResult, SetDocumentSymbolResult, ThreadResult } from '../../server/src/protocol';
import { CitationGraphRequest, LettersChangedNotification, LettersRequest, SetDocumentSymbolRequest, ThreadRequest } from '../../server/src/protocol';
import { createFixtureFolder, TIMEOUT_MS, uriOf, withServer } from './serverHarness';

/** Asks again until `accept` holds for the answer (the server counts problems and reads sidecars in the background). */
async function askUntil<T>(what: string, ask: () => Promise<T>, accept: (answer: T) => boolean): Promise<T> {
	const deadline = Date.now() + TIMEOUT_MS;
	for (;;) {
		const answer = await ask();
		if (accept(answer)) {
			return answer;
		}
		if (Date.now() > deadline) {
			throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(answer).slice(0, 300)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

const L000 = '000_c1c47ee4ee510e2c.txt';
const L001 = '001_fcfde71c67116c43.txt';
const L004 = '004_7b45a96a4a663e52.txt';

test('the Letters view gets every letter named, with identity, annotation and problem counts; lettersChanged follows a change on disk', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		const changes: LettersChangedParams[] = [];
		server.connection.onNotification(LettersChangedNotification.method, (params: LettersChangedParams) => {
			changes.push(params);
		});
		await server.ready();
		const request = () => server.connection.sendRequest<LettersResult>(LettersRequest.method);
		const result = await askUntil('rows with counted problems', request, (answer) => answer.letters.every((row) => row.problems !== null));
		assert.equal(result.indexing, false);
		assert.deepEqual(result.letters.map((row) => row.fileName), [L000, L001, '002_f4ff0849ef0a721f.txt', '003_f2b05f08a456e9bf.txt', L004]);
		const row001 = result.letters[1];
		assert.equal(row001.name, 'A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020');
		assert.equal(row001.identity, 'inferred');
		assert.equal(row001.problems?.error, 1, 'the invalid date 016 October 2020');
		assert.equal(row001.annotations, 0);
		assert.equal(row001.citedBy, 1);
		assert.equal(result.letters[3].senderGroup, 'Azerbaijan', 'the Republic of Azerbaijan is Azerbaijan');
		assert.equal(result.letters[0].symbol, null);

		const before = changes.length;
		folder.write(`${L000}.annotations.yaml`, `version: 1\ndocument:\n  file: ${L000}\nannotations:\n  - id: a1\n    tags: [claim]\n    target:\n      exact: "large-scale military aggression"\n      start: 0\n      end: 31\n`);
		await server.fileEvents([{ path: folder.file(`${L000}.annotations.yaml`), type: FileChangeType.Created }]);
		
		// Changes are gathered for half a second: 000 is named, or the notification says many letters changed.
		await askUntil('lettersChanged after 000\'s sidecar appeared', () => Promise.resolve(changes.slice(before)), (later) => later.some((change) => change.uris.length === 0 || change.uris.includes(uriOf(folder.file(L000)))));
		const after = await request();
		assert.equal(after.letters[0].annotations, 1);
	});
});

test('a thread names what 004 cites, in date order; the graph packs every letter and link', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		const thread = await server.connection.sendRequest<ThreadResult | null>(ThreadRequest.method, { textDocument: { uri: uriOf(folder.file(L004)) } });
		assert.deepEqual(thread?.answers.map((entry) => [entry.letter.name, entry.kind]), [
			['A/74/807-S/2020/303 · Azerbaijan · 14 April 2020', 'cites'], ['A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020', 'cites'],
		]);
		assert.equal(await server.connection.sendRequest(ThreadRequest.method, { textDocument: { uri: uriOf(folder.file('none.txt')) } }), null);
		const graph = await server.connection.sendRequest<CitationGraphResult>(CitationGraphRequest.method);
		assert.equal(graph.nodes.length, 5);
		const edges: string[] = [];
		for (let i = 0; i < graph.edges.length; i += 3) {
			edges.push(`${graph.nodes[graph.edges[i]].fileName.slice(0, 3)}→${graph.nodes[graph.edges[i + 1]].fileName.slice(0, 3)}`);
		}
		assert.deepEqual(edges.sort(), ['004→001', '004→002']);
		assert.deepEqual(graph.senders, ['Azerbaijan', 'Armenia']);
	});
});

test('Set Document Symbol refuses a malformed symbol, then stores a good one in the sidecar and the letter is named by it', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		const textDocument = { uri: uriOf(folder.file(L000)) };
		const bad = await server.connection.sendRequest<SetDocumentSymbolResult>(SetDocumentSymbolRequest.method, { textDocument, symbol: 'A/75/495-S/2020' });
		assert.equal(bad.ok, false);
		assert.match(!bad.ok ? bad.message : '', /^Not a document symbol: .*ends without a document number/);
		assert.equal(existsSync(folder.file(`${L000}.annotations.yaml`)), false, 'nothing written');
		const good = await server.connection.sendRequest<SetDocumentSymbolResult>(SetDocumentSymbolRequest.method, { textDocument, symbol: 'A/75/999 – S/2020/1099' });
		assert.deepEqual(good, { ok: true, symbol: 'A/75/999-S/2020/1099', alsoClaimedBy: [] });
		const sidecar = parse(readFileSync(folder.file(`${L000}.annotations.yaml`), 'utf8')) as { document: { file: string; symbol: string } };
		assert.deepEqual(sidecar.document, { file: L000, symbol: 'A/75/999-S/2020/1099' });
		const rows = await server.connection.sendRequest<LettersResult>(LettersRequest.method);
		assert.equal(rows.letters[0].name, 'A/75/999-S/2020/1099 · Armenia · 31 October 2020');
		assert.equal(rows.letters[0].identity, 'sidecar');
		const masthead = await server.connection.sendRequest<SetDocumentSymbolResult>(SetDocumentSymbolRequest.method, { textDocument: { uri: uriOf(folder.file(L001)) }, symbol: 'S/RES/822 (1993)' });
		assert.deepEqual(masthead, { ok: false, message: 'S/RES/822(1993) is the symbol of a resolution, not of a letter.' });
	});
});
