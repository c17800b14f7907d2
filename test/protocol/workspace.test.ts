// Workspace behaviour of the built server: cross-file effects, file events, push and pull diagnostics, detection by
// content whatever the languageId, settings, indexing progress and cancellation.
import assert from 'node:assert/strict';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { DidChangeConfigurationNotification, DidChangeTextDocumentNotification, FileChangeType, LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { CITED_LETTER, HAND_WRITTEN, NOT_A_LETTER } from './letters';
import type { ServerSession } from './serverHarness';
import { createFixtureFolder, uriOf, withServer } from './serverHarness';

const unresolved = (symbol: string) => (diagnostics: readonly Diagnostic[]) => diagnostics.some((diagnostic) => diagnostic.code === 'citation-unresolved' && typeof diagnostic.message === 'string' && diagnostic.message.startsWith(symbol));

function latest(server: ServerSession, path: string): Diagnostic[] {
	return server.published.get(uriOf(path))?.diagnostics ?? [];
}

test('adding, renaming and deleting the cited letter updates the citing letter without reopening it', async () => {
	const folder = createFixtureFolder({ 'hand-written.txt': HAND_WRITTEN });
	await withServer({ folder }, async (server) => {
		const citing = folder.file('hand-written.txt');
		await server.open(citing);
		await server.ready();
		await server.waitFor('citation-unresolved for S/2020/9999', () => unresolved('S/2020/9999')(latest(server, citing)) || undefined);

		const cited = folder.write('cited.txt', CITED_LETTER);
		await server.fileEvents([{ path: cited, type: FileChangeType.Created }]);
		await server.waitFor('S/2020/9999 resolved after the file was created', () => !unresolved('S/2020/9999')(latest(server, citing)) || undefined);

		const renamed = folder.file('renamed.txt');
		renameSync(cited, renamed);
		const beforeRename = server.published.get(uriOf(citing))?.count ?? 0;
		await server.fileEvents([{ path: cited, type: FileChangeType.Deleted }, { path: renamed, type: FileChangeType.Created }]);
		await server.waitFor('diagnostics after the rename', () => (server.published.get(uriOf(citing))?.count ?? 0) > beforeRename || undefined);
		assert.equal(unresolved('S/2020/9999')(latest(server, citing)), false);

		unlinkSync(renamed);
		await server.fileEvents([{ path: renamed, type: FileChangeType.Deleted }]);
		await server.waitFor('S/2020/9999 unresolved again after the delete', () => unresolved('S/2020/9999')(latest(server, citing)) || undefined);
		assert.ok(server.registrations.includes('workspace/didChangeWatchedFiles'));
	});
});

test('a client with pull diagnostics pulls them, is asked to refresh after a file event, and gets no pushes', async () => {
	const folder = createFixtureFolder({ 'hand-written.txt': HAND_WRITTEN });
	await withServer({ folder, pullDiagnostics: true }, async (server) => {
		const citing = folder.file('hand-written.txt');
		await server.open(citing);
		await server.ready();
		const pull = () => server.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(citing) } });
		const first = await pull();
		assert.equal(first.kind, 'full');
		assert.ok(first.kind === 'full' && unresolved('S/2020/9999')(first.items));
		const refreshesBefore = server.refreshes.count;
		await server.fileEvents([{ path: folder.write('cited.txt', CITED_LETTER), type: FileChangeType.Created }]);
		await server.waitFor('a diagnostic refresh request', () => server.refreshes.count > refreshesBefore || undefined);
		const second = await pull();
		assert.ok(second.kind === 'full' && !unresolved('S/2020/9999')(second.items));
		assert.equal(server.published.has(uriOf(citing)), false);
	});
});

test('detection is by content: a letter opened as Neovim `text` gets diagnostics, a Markdown non-letter an empty list', async () => {
	const folder = createFixtureFolder({ 'hand-written.md': HAND_WRITTEN, 'notes.md': NOT_A_LETTER });
	await withServer({ folder }, async (server) => {
		await server.open(folder.file('notes.md'), 'markdown');
		await server.open(folder.file('hand-written.md'), 'text');
		assert.deepEqual(await server.diagnosticsOf(folder.file('notes.md')), []);
		const diagnostics = await server.diagnosticsOf(folder.file('hand-written.md'));
		assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'date-invalid'));
	});
});

test('settings: severity per code, off, ignored symbols; a configuration change refreshes the diagnostics', async () => {
	const folder = createFixtureFolder({ 'hand-written.txt': HAND_WRITTEN });
	await withServer({ folder, configuration: { diagnostics: { 'date-invalid': 'off', 'citation-unresolved': 'error' }, ignoredSymbols: ['S/2020/9999'] } }, async (server) => {
		const path = folder.file('hand-written.txt');
		await server.open(path);
		await server.ready();
		const diagnostics = await server.waitFor('citation-unresolved as an error', () => {
			const current = latest(server, path);
			return current.some((diagnostic) => diagnostic.code === 'citation-unresolved') ? current : undefined;
		});
		assert.equal(diagnostics.some((diagnostic) => diagnostic.code === 'date-invalid'), false);
		assert.equal(unresolved('S/2020/9999')(diagnostics), false);
		assert.ok(diagnostics.filter((diagnostic) => diagnostic.code === 'citation-unresolved').every((diagnostic) => diagnostic.severity === 1));
	});
});

test('a client without workspace/configuration gets defaults, and settings pushed with didChangeConfiguration', async () => {
	const folder = createFixtureFolder({ 'hand-written.txt': HAND_WRITTEN });
	await withServer({ folder }, async (server) => {
		const path = folder.file('hand-written.txt');
		await server.open(path);
		await server.ready();
		await server.waitFor('date-invalid by default', () => latest(server, path).some((diagnostic) => diagnostic.code === 'date-invalid') || undefined);
		await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { diplomaticLetters: { diagnostics: { 'date-invalid': 'off' } } } });
		await server.waitFor('date-invalid gone after the settings change', () => !latest(server, path).some((diagnostic) => diagnostic.code === 'date-invalid') || undefined);
	});
});

test('indexing reports work-done progress and a status with the number of letters', async () => {
	const folder = createFixtureFolder({ 'hand-written.txt': HAND_WRITTEN, 'notes.md': NOT_A_LETTER });
	await withServer({ folder }, async (server) => {
		const status = await server.ready();
		assert.deepEqual({ indexed: status.indexed, total: status.total, letters: status.letters }, { indexed: 7, total: 7, letters: 6 });
		assert.ok(server.progressMessages.some((message) => /^Indexing letters \d+\/7$/.test(message)));
		const counted = await server.waitFor('problems counted', () => server.statuses.find((item) => item.state === 'ready' && item.problems.error > 0));
		assert.ok(counted.problems.hint > 0, 'citations of documents outside the folder are hints');
	});
});

test('the problem count follows changes on disk and edits that change other letters’ problems, as a fresh count gives it', async () => {
	const edited = CITED_LETTER.replace('S/2020/9999', 'S/2020/9998');
	let fresh: unknown;
	await withServer({ folder: createFixtureFolder({ 'cited.txt': edited, 'notes.md': NOT_A_LETTER }) }, async (server) => {
		await server.ready();
		fresh = (await server.waitFor('problems counted afresh', () => server.statuses.find((item) => item.state === 'ready' && item.problems.error > 0))).problems;
	});
	const folder = createFixtureFolder({ 'hand-written.txt': HAND_WRITTEN, 'notes.md': NOT_A_LETTER });
	await withServer({ folder }, async (server) => {
		await server.ready();
		const counted = (label: string, accept: (problems: { hint: number; error: number }) => boolean) => server.waitFor(label, () => {
			const status = server.statuses.at(-1);
			return status?.state === 'ready' && accept(status.problems) ? status.problems : undefined;
		});
		const first = await counted('problems counted', (problems) => problems.error > 0);
		// S/2020/9999 comes into the folder: the hand-written letter's citation of it is resolved (one hint less).
		const cited = folder.write('cited.txt', CITED_LETTER);
		await server.fileEvents([{ path: cited, type: FileChangeType.Created }]);
		const resolved = await counted('the citation resolved', (problems) => problems.hint < first.hint);
		// An edit of the open cited letter takes its symbol away: the closed hand-written letter counts the hint again.
		await server.open(cited, 'plaintext', CITED_LETTER);
		await server.diagnosticsOf(cited);
		await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(cited), version: 2 }, contentChanges: [{ text: edited }] });
		await counted('the citation unresolved again by the edit', (problems) => problems.hint > resolved.hint);
		// The hand-written letter is deleted: its problems leave the count, which is then the one counted afresh.
		unlinkSync(folder.file('hand-written.txt'));
		await server.fileEvents([{ path: folder.file('hand-written.txt'), type: FileChangeType.Deleted }]);
		await counted('the count of a fresh server on the same letters', (problems) => JSON.stringify(problems) === JSON.stringify(fresh));
	});
});

test('a cancelled request is answered with RequestCancelled', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		// The request and its cancellation reach the server in one write, as when a user types on. The client library
		// writes each message on its own, so these two are written here by hand and the answer read from the stream.
		const frame = (message: object) => {
			const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
			return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
		};
		let output = Buffer.alloc(0);
		const answer = new Promise<{ error?: { code: number } }>((resolve) => {
			server.process.stdout.on('data', (chunk: Buffer) => {
				output = Buffer.concat([output, chunk]);
				for (;;) {
					const headerEnd = output.indexOf('\r\n\r\n');
					const length = Number(/Content-Length: (\d+)/.exec(output.subarray(0, Math.max(0, headerEnd)).toString('ascii'))?.[1]);
					if (headerEnd < 0 || !(output.length >= headerEnd + 4 + length)) {
						return;
					}
					const message = JSON.parse(output.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as { id?: unknown; error?: { code: number } };
					output = output.subarray(headerEnd + 4 + length);
					if (message.id === 'cancel-me') {
						resolve(message);
					}
				}
			});
		});
		server.process.stdin.write(Buffer.concat([
			frame({ id: 'cancel-me', method: 'workspace/symbol', params: { query: 'letter' } }),
			frame({ method: '$/cancelRequest', params: { id: 'cancel-me' } }),
		]));
		assert.equal((await answer).error?.code, LSPErrorCodes.RequestCancelled);
	});
});


test('changing the exclude globs re-indexes the folder', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		assert.equal((await server.ready()).letters, 5);
		const readyBefore = server.statuses.length;
		await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { diplomaticLetters: { exclude: ['**/004_*'] } } });
		const status = await server.waitFor('a new index without 004', () => server.statuses.slice(readyBefore).find((item) => item.state === 'ready' && item.letters === 4));
		assert.equal(status.total, 4);
	});
});

test('after an edit that leaves citations alone, ranges in the edited letter and references into it are current', async () => {
	const folder = createFixtureFolder({ 'hand-written.txt': HAND_WRITTEN, 'cited.txt': CITED_LETTER });
	await withServer({ folder }, async (server) => {
		const path = folder.file('hand-written.txt');
		await server.open(path);
		await server.ready();
		const line = HAND_WRITTEN.split('\n').findIndex((text) => text.startsWith('I refer to'));
		await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { uri: uriOf(path), version: 2 },
			contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'A new first paragraph.\n\n' }],
		});
		const dateInvalid = await server.waitFor('diagnostics of version 2', () => latest(server, path).find((diagnostic) => diagnostic.code === 'date-invalid' && diagnostic.range.start.line === line + 2));
		assert.equal(dateInvalid.range.start.character, HAND_WRITTEN.split('\n')[line].indexOf('016'));
		const references = await server.connection.sendRequest<{ uri: string; range: { start: { line: number } } }[]>('textDocument/references', {
			textDocument: { uri: uriOf(folder.file('cited.txt')) }, position: { line: 0, character: 17 }, context: { includeDeclaration: false },
		});
		assert.deepEqual(references.map((reference) => [reference.uri, reference.range.start.line]), [[uriOf(path), line + 2]]);
	});
});

test('pulled diagnostics include annotation-orphaned', async () => {
	const folder = createFixtureFolder({ 'hand-written.txt': HAND_WRITTEN });
	folder.write('hand-written.txt.annotations.yaml', [
		'version: 1', 'document:', '  file: hand-written.txt', 'annotations:', '  - id: lost01', '    tags: [gone]',
		'    target:', '      exact: words that this letter never contained anywhere', '      prefix: ""', '      suffix: ""', '      start: 5', '      end: 9', '',
	].join('\n'));
	await withServer({ folder, pullDiagnostics: true }, async (server) => {
		const path = folder.file('hand-written.txt');
		await server.open(path);
		await server.ready();
		const report = await server.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(path) } });
		assert.ok(report.kind === 'full' && report.items.some((item) => item.code === 'annotation-orphaned'));
	});
});

test('binary, oversized and non-UTF-8 files are not read, with a message in the log', async () => {
	const folder = createFixtureFolder({ 'big.txt': `${HAND_WRITTEN}\n${'Padding line of the letter.\n'.repeat(1200)}` });
	writeFileSync(folder.file('binary.txt'), Buffer.from([0x55, 0x4e, 0x00, 0x01, 0x02]));
	writeFileSync(folder.file('latin1.txt'), Buffer.from([0x44, 0xe9, 0x63, 0x69, 0x73, 0x69, 0x6f, 0x6e]));
	await withServer({ folder, configuration: { maxFileSizeKB: 30 } }, async (server) => {
		const status = await server.ready();
		assert.equal(status.letters, 5);
		for (const name of ['big.txt', 'binary.txt', 'latin1.txt']) {
			assert.ok(server.logMessages.some((message) => message.includes(name)), `${name} is reported`);
		}
	});
});

test('a client that cannot register file watchers: the server watches the folder itself', async () => {
	const folder = createFixtureFolder({ 'hand-written.txt': HAND_WRITTEN });
	await withServer({ folder, watchFiles: false }, async (server) => {
		const citing = folder.file('hand-written.txt');
		await server.open(citing);
		await server.ready();
		await server.waitFor('citation-unresolved for S/2020/9999', () => unresolved('S/2020/9999')(latest(server, citing)) || undefined);
		const cited = folder.write('cited.txt', CITED_LETTER);
		await server.waitFor('S/2020/9999 resolved without a file event from the client', () => !unresolved('S/2020/9999')(latest(server, citing)) || undefined);
		unlinkSync(cited);
		await server.waitFor('S/2020/9999 unresolved again after the delete', () => unresolved('S/2020/9999')(latest(server, citing)) || undefined);
		assert.equal(server.registrations.includes('workspace/didChangeWatchedFiles'), false);
	});
});
