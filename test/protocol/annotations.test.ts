// Annotations through the server: create, list, follow edits, store on save, update, tags, rename, export, remove;
// orphans and invalid sidecars as diagnostics; the inferred identity stored in the sidecar by a code action.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { DidChangeTextDocumentNotification, DidSaveTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import type { AnnotationEditResult, AnnotationsChangedParams, DocumentAnnotationsResult, ExportAnnotationsResult, RenameTagResult, WorkspaceTagsResult } from '../../server/src/protocol';
import {
	AnnotationsChangedNotification, AttachAnnotationRequest, CreateAnnotationRequest, DocumentAnnotationsRequest, ExportAnnotationsRequest,
	RemoveAnnotationRequest, RenameTagRequest, StoreIdentityCommand, UpdateAnnotationRequest, WorkspaceTagsRequest,
} from '../../server/src/protocol';
import type { FixtureFolder, ServerSession } from './serverHarness';
import { createFixtureFolder, positionOf, startServer, uriOf } from './serverHarness';

const L000 = '000_c1c47ee4ee510e2c.txt';
const L001 = '001_fcfde71c67116c43.txt';
const L002 = '002_f4ff0849ef0a721f.txt';

describe('annotations over stdio', () => {
	let folder: FixtureFolder;
	let server: ServerSession;
	let text000: string;
	const changed: string[] = [];
	const doc = (name: string) => ({ uri: uriOf(folder.file(name)) });
	const request = <R>(method: string, params: unknown) => server.connection.sendRequest<R>(method, params);
	const list = (name: string) => request<DocumentAnnotationsResult>(DocumentAnnotationsRequest.method, { textDocument: doc(name) });

	before(async () => {
		folder = createFixtureFolder();
		server = await startServer({ folder });
		server.connection.onNotification(AnnotationsChangedNotification.method, (params: AnnotationsChangedParams) => {
			changed.push(...params.uris);
		});
		text000 = readFileSync(folder.file(L000), 'utf8');
		await server.ready();
		await server.open(folder.file(L000));
	});

	after(async () => {
		await server.stop();
		folder.dispose();
	});

	test('create writes the sidecar; list returns the annotation at its range; the client is told', async () => {
		const start = positionOf(text000, 'Holy Saviour Ghazanchetsots Cathedral');
		const end = positionOf(text000, 'Holy Saviour Ghazanchetsots Cathedral', 'Holy Saviour Ghazanchetsots Cathedral'.length);
		const created = await request<AnnotationEditResult>(CreateAnnotationRequest.method, { textDocument: doc(L000), range: { start, end }, tags: ['cultural-heritage'], note: 'Shelled twice.' });
		assert.ok(created.ok && created.annotation);
		const sidecar = readFileSync(`${folder.file(L000)}.annotations.yaml`, 'utf8');
		assert.match(sidecar, /exact: Holy Saviour Ghazanchetsots Cathedral/);
		assert.match(sidecar, /cultural-heritage/);
		const listed = await list(L000);
		assert.equal(listed.sidecarState, 'valid');
		assert.deepEqual(listed.annotations.map((item) => [item.status, item.range.start]), [['attached', start]]);
		await server.waitFor('annotationsChanged for 000', () => changed.includes(uriOf(folder.file(L000))) || undefined);
	});

	test('the annotation follows an edit of the open letter, and its position is stored on save', async () => {
		const start = positionOf(text000, 'Holy Saviour Ghazanchetsots Cathedral');
		await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { ...doc(L000), version: 2 },
			contentChanges: [{ range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } }, text: 'NEW ' }],
		});
		const moved = await list(L000);
		assert.deepEqual(moved.annotations[0].range.start, { line: start.line, character: start.character + 4 });
		writeFileSync(folder.file(L000), `${text000.slice(0, text000.indexOf('The ancient Armenian'))}NEW ${text000.slice(text000.indexOf('The ancient Armenian'))}`);
		const before = readFileSync(`${folder.file(L000)}.annotations.yaml`, 'utf8');
		await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: doc(L000) });
		await server.waitFor('the new position in the sidecar', () => readFileSync(`${folder.file(L000)}.annotations.yaml`, 'utf8') !== before || undefined);
		const startOf = (yaml: string) => Number(/start: (\d+)/.exec(yaml)?.[1]);
		assert.equal(startOf(readFileSync(`${folder.file(L000)}.annotations.yaml`, 'utf8')), startOf(before) + 4);
	});

	test('update, workspace tags, rename tag, export and remove', async () => {
		const [annotation] = (await list(L000)).annotations;
		const updated = await request<AnnotationEditResult>(UpdateAnnotationRequest.method, { textDocument: doc(L000), id: annotation.id, tags: ['cultural-heritage', 'attack'] });
		assert.ok(updated.ok);
		const tags = await request<WorkspaceTagsResult>(WorkspaceTagsRequest.method, undefined);
		assert.deepEqual(tags.tags.map((tag) => [tag.tag, tag.count]), [['attack', 1], ['cultural-heritage', 1]]);
		const renamed = await request<RenameTagResult>(RenameTagRequest.method, { from: 'attack', to: 'shelling' });
		assert.deepEqual(renamed.changed, [uriOf(folder.file(L000))]);
		assert.match(readFileSync(`${folder.file(L000)}.annotations.yaml`, 'utf8'), /shelling/);
		const csv = await request<ExportAnnotationsResult>(ExportAnnotationsRequest.method, { format: 'csv' });
		assert.match(csv.files[0].content, /000_c1c47ee4ee510e2c\.txt,.*,shelling,/);
		const w3c = await request<ExportAnnotationsResult>(ExportAnnotationsRequest.method, { format: 'w3c' });
		assert.match(w3c.files[0].content, /TextQuoteSelector/);
		const removed = await request<AnnotationEditResult>(RemoveAnnotationRequest.method, { textDocument: doc(L000), id: annotation.id });
		assert.ok(removed.ok);
		assert.deepEqual((await list(L000)).annotations, []);
	});

	test('an orphaned annotation is a warning at its last place, and can be attached again', async () => {
		const sidecarPath = `${folder.file(L002)}.annotations.yaml`;
		writeFileSync(sidecarPath, [
			'version: 1', 'document:', `  file: ${L002}`, 'annotations:', '  - id: gone01', '    tags: [lost]',
			'    target:', '      exact: a sentence that was never in this letter at all', '      prefix: ""', '      suffix: ""', '      start: 10', '      end: 20', '',
		].join('\n'));
		await server.fileEvents([{ path: sidecarPath, type: FileChangeType.Created }]);
		await server.open(folder.file(L002));
		const orphaned = await server.waitFor('annotation-orphaned', () => server.published.get(uriOf(folder.file(L002)))?.diagnostics.find((item) => item.code === 'annotation-orphaned'));
		assert.equal(orphaned.severity, 2);
		assert.match(typeof orphaned.message === 'string' ? orphaned.message : orphaned.message.value, /gone01 \(lost\)/);
		const text = readFileSync(folder.file(L002), 'utf8');
		const attached = await request<AnnotationEditResult>(AttachAnnotationRequest.method, { textDocument: doc(L002), id: 'gone01', range: { start: positionOf(text, 'Armenia'), end: positionOf(text, 'Armenia', 7) } });
		assert.ok(attached.ok && attached.annotation?.status === 'attached');
		await server.waitFor('the orphan warning cleared', () => server.published.get(uriOf(folder.file(L002)))?.diagnostics.every((item) => item.code !== 'annotation-orphaned') || undefined);
	});

	test('an invalid sidecar is reported on the letter and on the sidecar, and is never written', async () => {
		const sidecarPath = `${folder.file(L001)}.annotations.yaml`;
		const broken = 'version: 1\nannotations: [\n';
		writeFileSync(sidecarPath, broken);
		await server.open(folder.file(L001));
		await server.fileEvents([{ path: sidecarPath, type: FileChangeType.Changed }]);
		const onLetter = await server.waitFor('sidecar-invalid on the letter', () => server.published.get(uriOf(folder.file(L001)))?.diagnostics.find((item) => item.code === 'sidecar-invalid'));
		assert.deepEqual(onLetter.range.start, { line: 0, character: 0 });
		await server.waitFor('sidecar-invalid on the sidecar', () => server.published.get(uriOf(sidecarPath))?.diagnostics.find((item) => item.code === 'sidecar-invalid'));
		const text = readFileSync(folder.file(L001), 'utf8');
		const refused = await request<AnnotationEditResult>(CreateAnnotationRequest.method, { textDocument: doc(L001), range: { start: positionOf(text, 'Armenia'), end: positionOf(text, 'Armenia', 7) }, tags: ['x'] });
		assert.equal(refused.ok, false);
		assert.equal(readFileSync(sidecarPath, 'utf8'), broken);
	});

	test('the inferred identity of 001 is stored in its sidecar by a code action', async () => {
		writeFileSync(`${folder.file(L001)}.annotations.yaml`, `version: 1\ndocument:\n  file: ${L001}\nannotations: []\n`);
		await server.fileEvents([{ path: `${folder.file(L001)}.annotations.yaml`, type: FileChangeType.Changed }]);
		const text = readFileSync(folder.file(L001), 'utf8');
		const at = positionOf(text, 'Letter dated 18 December', 3);
		const actions = await request<CodeAction[]>('textDocument/codeAction', { textDocument: doc(L001), range: { start: at, end: at }, context: { diagnostics: [] } });
		const store = actions.find((action) => action.command?.command === StoreIdentityCommand.id);
		assert.deepEqual(store?.command?.arguments, [uriOf(folder.file(L001)), 'A/75/660-S/2020/1267']);
		await request('workspace/executeCommand', { command: StoreIdentityCommand.id, arguments: store?.command?.arguments });
		const sidecar = readFileSync(`${folder.file(L001)}.annotations.yaml`, 'utf8');
		assert.match(sidecar, /symbol: A\/75\/660-S\/2020\/1267/);
		assert.ok(existsSync(`${folder.file(L001)}.annotations.yaml`));
	});
});
