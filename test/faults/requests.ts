// Faults of what a client sends: malformed requests and notifications, garbage on the wire, paths outside the
// workspace, requests after shutdown, and every write asked in Restricted Mode. The server answers each with a plain
// message (no JavaScript internals), writes nothing it should not, and goes on answering.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DidSaveTextDocumentNotification, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import type { AnnotationEditResult, RenameTagResult } from '../../server/src/protocol';
import {
	AttachAnnotationRequest, CitationsRequest, CreateAnnotationRequest, DocumentAnnotationsRequest, ExportAnnotationsRequest, RelinkSidecarCommand,
	RemoveAnnotationRequest, RenameTagRequest, StoreIdentityCommand, SymbolAtRequest, UpdateAnnotationRequest, WorkspaceTagsRequest,
} from '../../server/src/protocol';
import type { FixtureFolder, ServerSession } from '../protocol/serverHarness';
import { positionOf, uriOf } from '../protocol/serverHarness';
import type { FaultCategory } from './harness';
import { assertAnswers, assertUnchanged, create, idsOnDisk, L000, L001, onFreshServer, PHRASES, sidecarOf, snapshot, validSidecarOf000, within } from './harness';

/** What an answer to a malformed request must never show. */
const INTERNALS = /TypeError|ReferenceError|Cannot read|is not a function|is not iterable|undefined|null \(reading|\n\s+at \S/;

/** Sends a request that must fail; resolves with the error's message. */
async function refusal(server: ServerSession, method: string, params: unknown): Promise<string> {
	const answer = await within(20_000, method, server.connection.sendRequest(method, params).then(() => undefined, (error: Error) => error.message));
	assert.ok(answer !== undefined, `${method} ${JSON.stringify(params)} was answered as if it were well formed`);
	return answer;
}

/** Frames a message of the base protocol by hand (for bytes a well-behaved client would never send). */
function frame(body: string): Buffer {
	const bytes = Buffer.from(body, 'utf8');
	return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

/** Runs `body` on one server on a fresh workspace (prepared by `setup`), trusted unless said otherwise. */
function withOneServer(body: (server: ServerSession, folder: FixtureFolder) => Promise<void>, options: { trusted?: boolean; setup?: (folder: FixtureFolder) => void } = {}): Promise<void> {
	return onFreshServer(body, { ...(options.setup === undefined ? {} : { setup: options.setup }), ...(options.trusted === false ? { initializationOptions: { workspaceTrusted: false } } : {}) });
}

export const malformedRequests: FaultCategory = {
	name: 'malformed requests',
	async run(trial) {
		await withOneServer(async (server, folder) => {
			const uri = uriOf(folder.file(L000));
			const doc = { uri };
			const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
			const requests: [string, unknown][] = [
				[DocumentAnnotationsRequest.method, undefined], [DocumentAnnotationsRequest.method, null], [DocumentAnnotationsRequest.method, {}],
				[DocumentAnnotationsRequest.method, { textDocument: 1 }], [DocumentAnnotationsRequest.method, { textDocument: { uri: 5 } }],
				[CreateAnnotationRequest.method, {}], [CreateAnnotationRequest.method, { textDocument: doc, tags: [] }], [CreateAnnotationRequest.method, { textDocument: doc, range: null, tags: [] }],
				[CreateAnnotationRequest.method, { textDocument: doc, range: { start: { line: 'a', character: 0 }, end: range.end }, tags: [] }],
				[CreateAnnotationRequest.method, { textDocument: doc, range, tags: 'x' }], [CreateAnnotationRequest.method, { textDocument: doc, range, tags: [1] }],
				[CreateAnnotationRequest.method, { textDocument: doc, range, tags: [], note: 5 }], [CreateAnnotationRequest.method, { textDocument: doc, range: { start: { line: -1, character: 0 }, end: range.end }, tags: [] }],
				[UpdateAnnotationRequest.method, { textDocument: doc }], [UpdateAnnotationRequest.method, { textDocument: doc, id: 5 }], [UpdateAnnotationRequest.method, { textDocument: doc, id: 'x', tags: 'a' }],
				[RemoveAnnotationRequest.method, { textDocument: doc }], [RemoveAnnotationRequest.method, { id: 'x' }],
				[AttachAnnotationRequest.method, { textDocument: doc, id: 'x' }], [AttachAnnotationRequest.method, { textDocument: doc, id: 'x', range: [] }],
				[RenameTagRequest.method, {}], [RenameTagRequest.method, { from: 'a', to: 5 }],
				[ExportAnnotationsRequest.method, { format: 'pdf' }], [ExportAnnotationsRequest.method, { format: 'csv', uris: 'x' }], [ExportAnnotationsRequest.method, { format: 'csv', tags: [1] }],
				[CitationsRequest.method, {}], [SymbolAtRequest.method, { textDocument: doc, position: null }],
				['textDocument/hover', { textDocument: doc }], ['textDocument/hover', { textDocument: doc, position: { line: -1, character: 0 } }], ['textDocument/hover', { position: { line: 0, character: 0 } }],
				['textDocument/definition', { textDocument: doc, position: 'top' }], ['textDocument/references', { textDocument: doc }], ['textDocument/completion', { textDocument: {} }],
				['textDocument/documentSymbol', {}], ['textDocument/codeAction', { textDocument: doc }], ['textDocument/foldingRange', { textDocument: 7 }],
				['textDocument/codeLens', {}], ['textDocument/documentLink', null], ['workspace/symbol', { query: 5 }],
				['workspace/executeCommand', { command: 5 }], ['workspace/executeCommand', { command: 'nope' }], ['workspace/executeCommand', { command: StoreIdentityCommand.id, arguments: [5] }],
				['workspace/executeCommand', { command: RelinkSidecarCommand.id, arguments: [] }], ['workspace/willRenameFiles', { files: 'x' }], ['workspace/willRenameFiles', { files: [{ oldUri: 1 }] }],
				['diplomaticLetters/no-such-request', {}],
			];
			for (const [method, params] of requests) {
				await trial(`${method} with ${JSON.stringify(params) ?? 'no parameters'}: a plain error`, async () => {
					const message = await refusal(server, method, params);
					assert.doesNotMatch(message, INTERNALS);
				});
			}
			await trial(`${WorkspaceTagsRequest.method} with parameters by position: answered`, async () => {
				const tags = await within(20_000, 'tags', server.connection.sendRequest<{ tags: unknown[] }>(WorkspaceTagsRequest.method, [1, 2]));
				assert.ok(Array.isArray(tags.tags));
			});
			const notifications: [string, unknown][] = [
				['textDocument/didOpen', {}], ['textDocument/didOpen', { textDocument: { uri: 'file:///x.txt' } }], ['textDocument/didChange', { textDocument: doc, contentChanges: 'x' }],
				['textDocument/didChange', { textDocument: { uri: uriOf(folder.file('never-opened.txt')), version: 2 }, contentChanges: [{ text: 'x' }] }],
				['textDocument/didChange', { textDocument: { ...doc, version: 9 }, contentChanges: [{ range: { start: { line: 99999, character: 0 }, end: { line: 99999, character: 5 } }, text: 'far' }] }],
				['textDocument/didSave', {}], ['textDocument/didClose', {}], ['workspace/didChangeWatchedFiles', { changes: 5 }], ['workspace/didChangeWatchedFiles', { changes: [{ uri: 5, type: 1 }] }],
				['workspace/didChangeConfiguration', null], ['workspace/didRenameFiles', { files: [{}] }], ['$/cancelRequest', { id: {} }],
			];
			for (const [method, params] of notifications) {
				await trial(`${method} notification with ${JSON.stringify(params)}: ignored, the server goes on`, async () => {
					await server.connection.sendNotification(method, params);
					await assertAnswers(server, folder);
				});
			}
			for (const [name, bytes] of [
				['a body that is not JSON', frame('{"jsonrpc":"2.0","id":1,"method":')],
				['a body that is a number', frame('42')],
				['a message without a method or id', frame('{"jsonrpc":"2.0"}')],
			] as const) {
				await trial(`${name} on the wire: the server goes on`, async () => {
					server.process.stdin.write(bytes);
					await assertAnswers(server, folder);
				});
			}
		});
	},
};

export const pathsAndLifecycle: FaultCategory = {
	name: 'outside the workspace, after shutdown',
	async run(trial) {
		await withOneServer(async (server, folder) => {
			const elsewhere = mkdtempSync(join(tmpdir(), 'dl-outside-'));
			try {
				const outside = join(elsewhere, L000);
				writeFileSync(outside, readFileSync(folder.file(L000), 'utf8'));
				for (const [name, path, phrase] of [['a letter outside the workspace folders', outside, PHRASES[0]], ['/etc/passwd opened as a document', '/etc/passwd', 'root']] as const) {
					await trial(`${name}: annotating it is refused, no sidecar is written`, async () => {
						const text = readFileSync(path, 'utf8');
						await server.open(path, 'plaintext', text);
						const refused = await create(server, path, phrase, ['x'], text);
						assert.match(refused.ok ? '' : refused.message, /outside the workspace folders/);
						assert.equal(existsSync(`${path}.annotations.yaml`), false);
					});
				}
				await trial('a URI that climbs out of the workspace with ..: refused', async () => {
					const climbing = `${uriOf(folder.path)}/../${join(elsewhere, L000).split('/').slice(2).join('/')}`;
					const text = readFileSync(outside, 'utf8');
					const refused = await server.connection.sendRequest<AnnotationEditResult>(CreateAnnotationRequest.method, { textDocument: { uri: climbing }, range: { start: positionOf(text, PHRASES[0]), end: positionOf(text, PHRASES[0], 5) }, tags: [] });
					assert.equal(refused.ok, false);
					assert.equal(existsSync(`${outside}.annotations.yaml`), false);
				});
				await trial('a document that is not a file (untitled:): annotating it is refused', async () => {
					const text = readFileSync(folder.file(L000), 'utf8');
					await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'plaintext', version: 1, text } });
					const refused = await server.connection.sendRequest<AnnotationEditResult>(CreateAnnotationRequest.method, { textDocument: { uri: 'untitled:Untitled-1' }, range: { start: positionOf(text, PHRASES[0]), end: positionOf(text, PHRASES[0], 5) }, tags: [] });
					assert.match(refused.ok ? '' : refused.message, /saved as files/);
				});
				await trial('storing an identity for a letter that does not exist: refused, no sidecar', async () => {
					const missing = folder.file('not-there.txt');
					const message = await refusal(server, 'workspace/executeCommand', { command: StoreIdentityCommand.id, arguments: [uriOf(missing), 'A/75/1'] });
					assert.match(message, /not a letter of the workspace/);
					assert.equal(existsSync(`${missing}.annotations.yaml`), false);
				});
				await trial('storing an identity for a file outside the workspace: refused', async () => {
					const message = await refusal(server, 'workspace/executeCommand', { command: StoreIdentityCommand.id, arguments: [uriOf(outside), 'A/75/1'] });
					assert.doesNotMatch(message, INTERNALS);
					assert.equal(existsSync(`${outside}.annotations.yaml`), false);
				});
			} finally {
				rmSync(elsewhere, { recursive: true, force: true });
			}
		});
		await trial('a create after shutdown: refused, nothing written; a request after shutdown: refused', () => withOneServer(async (server, folder) => {
			await server.connection.sendRequest(ShutdownRequest.type);
			const message = await refusal(server, CreateAnnotationRequest.method, { textDocument: { uri: uriOf(folder.file(L000)) }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, tags: [] });
			assert.match(message, /refused: the server is shutting down/);
			assert.equal(existsSync(sidecarOf(folder, L000)), false);
			assert.match(await refusal(server, 'textDocument/hover', { textDocument: { uri: uriOf(folder.file(L000)) }, position: { line: 0, character: 0 } }), /shutting down/);
		}));
		await trial('a write asked just before shutdown is on disk when shutdown is answered', () => withOneServer(async (server, folder) => {
			const pending = create(server, folder.file(L000), PHRASES[0]);
			await server.connection.sendRequest(ShutdownRequest.type);
			const created = await pending;
			assert.ok(created.ok && created.annotation);
			assert.ok(idsOnDisk(sidecarOf(folder, L000)).includes(created.annotation.id), 'the acknowledged annotation is on disk');
		}));
	},
};

export const restrictedMode: FaultCategory = {
	name: 'Restricted Mode',
	async run(trial) {
		await withOneServer(async (server, folder) => {
			const uri = uriOf(folder.file(L000));
			const before = snapshot(folder.path);
			const range = { start: positionOf(readFileSync(folder.file(L000), 'utf8'), PHRASES[1]), end: positionOf(readFileSync(folder.file(L000), 'utf8'), PHRASES[1], 8) };
			const changes: [string, string, unknown][] = [
				['create', CreateAnnotationRequest.method, { textDocument: { uri }, range, tags: ['x'] }],
				['update', UpdateAnnotationRequest.method, { textDocument: { uri }, id: 'kept01', note: 'x' }],
				['remove', RemoveAnnotationRequest.method, { textDocument: { uri }, id: 'kept01' }],
				['attach', AttachAnnotationRequest.method, { textDocument: { uri }, id: 'kept01', range }],
			];
			for (const [name, method, params] of changes) {
				await trial(`${name} in Restricted Mode: refused with the reason, nothing written`, async () => {
					const result = await server.connection.sendRequest<AnnotationEditResult>(method, params);
					assert.match(result.ok ? '' : result.message, /Restricted Mode/);
					assertUnchanged(before);
				});
			}
			await trial('a tag renamed in Restricted Mode: every sidecar listed as not changed, none written', async () => {
				const result = await server.connection.sendRequest<RenameTagResult>(RenameTagRequest.method, { from: 'fault', to: 'other' });
				assert.deepEqual(result.changed, []);
				assert.match(result.failed[0]?.message ?? '', /Restricted Mode/);
				assertUnchanged(before);
			});
			for (const [name, params] of [
				['storing an identity', { command: StoreIdentityCommand.id, arguments: [uriOf(folder.file(L001)), 'A/75/660-S/2020/1267'] }],
				['relinking a sidecar', { command: RelinkSidecarCommand.id, arguments: [uriOf(sidecarOf(folder, L000)), uriOf(folder.file(L001))] }],
			] as const) {
				await trial(`${name} in Restricted Mode: refused, nothing written`, async () => {
					assert.match(await refusal(server, 'workspace/executeCommand', params), /Restricted Mode/);
					assertUnchanged(before);
					assert.equal(existsSync(sidecarOf(folder, L001)), false);
				});
			}
			await trial('a letter saved in Restricted Mode: its annotations\' positions are not written', async () => {
				await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Typed.\n' }] });
				await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
				await assertAnswers(server, folder);
				assertUnchanged(before);
			});
			await trial('a letter renamed in Restricted Mode: its sidecar stays, the user is told', async () => {
				await server.connection.sendRequest('workspace/willRenameFiles', { files: [{ oldUri: uri, newUri: uriOf(folder.file('renamed.txt')) }] });
				await server.waitFor('a message', () => server.shownMessages.find((message) => message.includes('Restricted Mode')));
				assertUnchanged(before);
			});
			await trial('hover, diagnostics and the annotations list work in Restricted Mode', async () => {
				await assertAnswers(server, folder);
				const listed = await server.connection.sendRequest<{ annotations: unknown[] }>(DocumentAnnotationsRequest.method, { textDocument: { uri } });
				assert.equal(listed.annotations.length, 1);
				await server.open(folder.file(L001));
				assert.ok((await server.diagnosticsOf(folder.file(L001))).some((diagnostic) => diagnostic.code === 'date-invalid'));
			});
		}, { trusted: false, setup: (folder) => writeFileSync(sidecarOf(folder, L000), validSidecarOf000(folder)) });
	},
};
