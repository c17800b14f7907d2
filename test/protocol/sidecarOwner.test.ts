// The server as the one owner of sidecars, over stdio: overlapping changes all land, its own writes are not read back
// as changes, nothing is written outside the workspace, for a missing letter, after shutdown or in Restricted Mode,
// and malformed requests get plain answers.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol/node';
import { DidChangeTextDocumentNotification, DidSaveTextDocumentNotification, FileChangeType, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import type { AnnotationEditResult, DocumentAnnotationsResult } from '../../server/src/protocol';
import { CreateAnnotationRequest, DocumentAnnotationsRequest, RemoveAnnotationRequest, StoreIdentityCommand, UpdateAnnotationRequest } from '../../server/src/protocol';
import type { FixtureFolder, ServerSession } from './serverHarness';
import { createFixtureFolder, messageOf, positionOf, uriOf, withServer } from './serverHarness';

const L000 = '000_c1c47ee4ee510e2c.txt';
const L001 = '001_fcfde71c67116c43.txt';
/** Ten phrases of letter 000, one annotation each. */
const PHRASES = ['Prevention of armed conflict', 'Right of peoples', 'Measures to eliminate', 'responsibility to protect', 'Original: English', 'Distr.: General', 'Agenda items', 'Seventy-fifth session', 'Seventy-fifth year', 'Permanent Representative of Armenia'];

function rangeOf(text: string, phrase: string) {
	return { start: positionOf(text, phrase), end: positionOf(text, phrase, phrase.length) };
}

function sidecarIds(folder: FixtureFolder, name: string): string[] {
	const parsed = parse(readFileSync(`${folder.file(name)}.annotations.yaml`, 'utf8')) as { annotations?: { id: string }[] } | null;
	return (parsed?.annotations ?? []).map((annotation) => annotation.id).sort();
}

async function create(server: ServerSession, path: string, text: string, phrase: string, tags: string[] = ['t']): Promise<AnnotationEditResult> {
	return server.connection.sendRequest<AnnotationEditResult>(CreateAnnotationRequest.method, { textDocument: { uri: uriOf(path) }, range: rangeOf(text, phrase), tags });
}

test('ten creates sent at once all land, each answered with the letter as it then is', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		const path = folder.file(L000);
		const text = readFileSync(path, 'utf8');
		await server.open(path);
		const results = await Promise.all(PHRASES.map((phrase) => create(server, path, text, phrase)));
		assert.ok(results.every((result) => result.ok), JSON.stringify(results.filter((result) => !result.ok)));
		const ids = results.map((result) => (result.ok ? result.annotation?.id ?? '' : '')).sort();
		assert.deepEqual(sidecarIds(folder, L000), ids);
		const last = results.reduce((newest, result) => (result.ok && newest.ok && result.letter.revision > newest.letter.revision ? result : newest));
		assert.ok(last.ok);
		assert.deepEqual(last.letter.annotations.map((annotation) => annotation.id).sort(), ids, 'the newest answer holds every annotation');
	});
});

test('overlapping update, remove and create of one sidecar, with typing and a save in between, all land', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		const path = folder.file(L000);
		const text = readFileSync(path, 'utf8');
		await server.open(path);
		const [first, second] = await Promise.all([create(server, path, text, PHRASES[0]), create(server, path, text, PHRASES[1])]);
		assert.ok(first.ok && second.ok && first.annotation && second.annotation);
		const uri = uriOf(path);
		const [updated, removed, added] = await Promise.all([
			server.connection.sendRequest<AnnotationEditResult>(UpdateAnnotationRequest.method, { textDocument: { uri }, id: first.annotation.id, note: 'kept' }),
			server.connection.sendRequest<AnnotationEditResult>(RemoveAnnotationRequest.method, { textDocument: { uri }, id: second.annotation.id }),
			create(server, path, text, PHRASES[2]),
			server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }] }),
			server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } }),
		]);
		assert.ok(updated.ok && removed.ok && added.ok && added.annotation);
		const listed = await server.connection.sendRequest<DocumentAnnotationsResult>(DocumentAnnotationsRequest.method, { textDocument: { uri } });
		assert.deepEqual(listed.annotations.map((annotation) => [annotation.id, annotation.note]).sort(), [[first.annotation.id, 'kept'], [added.annotation.id, undefined]].sort());
		assert.deepEqual(sidecarIds(folder, L000), [first.annotation.id, added.annotation.id].sort());
	});
});

test('its own write is recognised when the watcher reports it; a change by another program is read again', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		const path = folder.file(L000);
		const text = readFileSync(path, 'utf8');
		await server.open(path);
		assert.ok((await create(server, path, text, PHRASES[0])).ok);
		const sidecar = `${path}.annotations.yaml`;
		const readAgain = () => server.logMessages.filter((message) => message.includes('changed on disk')).length;
		await server.fileEvents([{ path: sidecar, type: FileChangeType.Changed }]);
		// Another program replaces the file (as git does), so that the server reads either the old or the new file.
		writeFileSync(`${sidecar}.git-tmp`, readFileSync(sidecar, 'utf8').replace('tags: [t]', 'tags: [t, from-git]'));
		renameSync(`${sidecar}.git-tmp`, sidecar);
		await server.fileEvents([{ path: sidecar, type: FileChangeType.Changed }]);
		let tags: readonly string[] | undefined;
		for (let attempt = 0; attempt < 200 && tags?.join() !== 't,from-git'; attempt++) {
			const listed = await server.connection.sendRequest<DocumentAnnotationsResult>(DocumentAnnotationsRequest.method, { textDocument: { uri: uriOf(path) } });
			tags = listed.annotations[0]?.tags;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		assert.deepEqual(tags, ['t', 'from-git'], 'the change by another program is read');
		// Whichever event read the new file, only that one was a change: the event for the server's own write was not.
		assert.equal(readAgain(), 1);
	});
});

test('nothing is written for a letter outside the workspace folders, for /etc/passwd, or for a letter that does not exist', async () => {
	const folder = createFixtureFolder();
	const elsewhere = mkdtempSync(join(tmpdir(), 'dl-outside-'));
	try {
		await withServer({ folder }, async (server) => {
			await server.ready();
			const outside = join(elsewhere, L000);
			writeFileSync(outside, readFileSync(folder.file(L000), 'utf8'));
			for (const path of [outside, '/etc/passwd']) {
				const text = readFileSync(path, 'utf8');
				await server.open(path, 'plaintext', text);
				const phrase = path === '/etc/passwd' ? text.split('\n')[0].slice(0, 4) : PHRASES[0];
				const refused = await create(server, path, text, phrase);
				assert.equal(refused.ok, false, path);
				assert.match(refused.ok ? '' : refused.message, /outside the workspace folders/);
				assert.equal(existsSync(`${path}.annotations.yaml`), false, `${path}: no sidecar`);
			}
			const missing = folder.file('never-saved.txt');
			const answer = await server.connection.sendRequest('workspace/executeCommand', { command: StoreIdentityCommand.id, arguments: [uriOf(missing), 'A/75/1'] }).then(() => 'ok', (error: Error) => error.message);
			assert.match(answer, /not a letter of the workspace/);
			assert.equal(existsSync(`${missing}.annotations.yaml`), false);
		});
	} finally {
		rmSync(elsewhere, { recursive: true, force: true });
	}
});

test('after shutdown a create is refused and nothing is written; a write asked before shutdown is on disk first', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		const path = folder.file(L000);
		const text = readFileSync(path, 'utf8');
		await server.open(path);
		const before = create(server, path, text, PHRASES[0]);
		await server.connection.sendRequest(ShutdownRequest.type);
		const created = await before;
		assert.ok(created.ok, JSON.stringify(created));
		assert.equal(sidecarIds(folder, L000).length, 1);
		const after = await create(server, path, text, PHRASES[1]).then(() => 'answered ok', (error: Error) => error.message);
		assert.match(after, /refused: the server is shutting down/);
		assert.equal(sidecarIds(folder, L000).length, 1);
	});
});

test('in Restricted Mode reading, hover and diagnostics work, and nothing is written', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder, initializationOptions: { workspaceTrusted: false } }, async (server) => {
		await server.ready();
		const path = folder.file(L001);
		const text = readFileSync(path, 'utf8');
		await server.open(path);
		const diagnostics = await server.diagnosticsOf(path);
		assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'date-invalid'));
		const citing = folder.file('004_7b45a96a4a663e52.txt');
		await server.open(citing);
		const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(citing) }, position: positionOf(readFileSync(citing, 'utf8'), 'A/75/660-S/2020/1267', 4) });
		assert.match(JSON.stringify(hover?.contents), /A\/75\/660-S\/2020\/1267/);
		const refused = await create(server, path, text, 'Barda');
		assert.equal(refused.ok, false);
		assert.match(refused.ok ? '' : refused.message, /Restricted Mode/);
		assert.equal(existsSync(`${path}.annotations.yaml`), false);
		const at = positionOf(text, 'Letter dated 18 December', 3);
		const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(path) }, range: { start: at, end: at }, context: { diagnostics: [] } });
		assert.equal(actions.some((action) => action.command?.command === StoreIdentityCommand.id), false, 'no action that writes');
	});
});

test('malformed requests are answered with a plain error naming the field, and the server goes on', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		const path = folder.file(L000);
		await server.open(path);
		const uri = uriOf(path);
		const malformed: [string, unknown][] = [
			[CreateAnnotationRequest.method, { textDocument: { uri }, range: null, tags: [] }],
			[CreateAnnotationRequest.method, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, tags: 'x' }],
			[UpdateAnnotationRequest.method, { textDocument: {}, id: 'x' }],
			[DocumentAnnotationsRequest.method, null],
			['textDocument/hover', { textDocument: { uri } }],
			['textDocument/definition', { position: { line: -1, character: 0 } }],
		];
		for (const [method, params] of malformed) {
			const message = await server.connection.sendRequest(method, params).then(() => 'answered', (error: Error) => error.message);
			assert.match(message, new RegExp(`^${method.replace(/\//g, '\\/')}: \`[\\w.]+\` must be`), `${method} ${JSON.stringify(params)}`);
			assert.doesNotMatch(message, /TypeError|Cannot read|undefined|\bat \S+:\d+/);
		}
		const listed = await server.connection.sendRequest<DocumentAnnotationsResult>(DocumentAnnotationsRequest.method, { textDocument: { uri } });
		assert.equal(listed.sidecarState, 'none');
	});
});

test('a sidecar that is a folder, named in a file event, is reported and the server goes on', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		const path = folder.file(L000);
		await server.open(path);
		mkdirSync(`${path}.annotations.yaml`);
		await server.fileEvents([{ path: `${path}.annotations.yaml`, type: FileChangeType.Created }]);
		const reported = await server.waitFor('sidecar-invalid on the letter', () => server.published.get(uriOf(path))?.diagnostics.find((diagnostic) => diagnostic.code === 'sidecar-invalid'));
		assert.match(messageOf(reported), /is a folder, not a file/);
		const listed = await server.connection.sendRequest<DocumentAnnotationsResult>(DocumentAnnotationsRequest.method, { textDocument: { uri: uriOf(path) } });
		assert.equal(listed.sidecarState, 'unreadable');
		assert.equal(server.process.exitCode, null);
	});
});
