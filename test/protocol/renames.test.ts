// Renames over LSP (SPEC "Annotation sidecar"): a letter renamed or moved in the editor takes its sidecar with it
// (`workspace/willRenameFiles`, or `didRenameFiles` alone), a folder of letters too; a letter renamed outside the
// editor leaves a sidecar reported as `sidecar-without-letter`, whose quick fix moves it next to its letter.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import type { AnnotationEditResult, DocumentAnnotationsResult } from '../../server/src/protocol';
import { CreateAnnotationRequest, DocumentAnnotationsRequest, RelinkSidecarCommand } from '../../server/src/protocol';
import type { FixtureFolder, ServerSession } from './serverHarness';
import { createFixtureFolder, messageOf, positionOf, uriOf, withServer } from './serverHarness';

const L000 = '000_c1c47ee4ee510e2c.txt';
const PHRASES = ['Prevention of armed conflict', 'Right of peoples', 'Measures to eliminate'];

interface SidecarOnDisk {
	readonly document: { readonly file: string };
	readonly annotations: readonly { readonly id: string; readonly tags: readonly string[] }[];
}

function readSidecar(path: string): SidecarOnDisk {
	return parse(readFileSync(`${path}.annotations.yaml`, 'utf8')) as SidecarOnDisk;
}

/** Opens letter 000 and annotates three phrases; returns the ids. */
async function annotate(server: ServerSession, folder: FixtureFolder): Promise<string[]> {
	const path = folder.file(L000);
	const text = readFileSync(path, 'utf8');
	await server.open(path);
	const ids: string[] = [];
	for (const phrase of PHRASES) {
		const result = await server.connection.sendRequest<AnnotationEditResult>(CreateAnnotationRequest.method, {
			textDocument: { uri: uriOf(path) }, range: { start: positionOf(text, phrase), end: positionOf(text, phrase, phrase.length) }, tags: ['kept'],
		});
		assert.ok(result.ok && result.annotation);
		ids.push(result.annotation.id);
	}
	return ids.sort();
}

function list(server: ServerSession, path: string): Promise<DocumentAnnotationsResult> {
	return server.connection.sendRequest<DocumentAnnotationsResult>(DocumentAnnotationsRequest.method, { textDocument: { uri: uriOf(path) } });
}

test('the server asks to hear of renames of letters and folders', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, (server) => {
		const operations = server.serverCapabilities.workspace?.fileOperations;
		for (const registration of [operations?.willRename, operations?.didRename]) {
			assert.deepEqual(registration?.filters.map((filter) => [filter.scheme, filter.pattern.glob, filter.pattern.matches]), [['file', '**/*.{txt,md}', 'file'], ['file', '**/*', 'folder']]);
		}
		return Promise.resolve();
	});
});

test('willRenameFiles moves the sidecar with its letter, records the new name, and every annotation comes along', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		const ids = await annotate(server, folder);
		const from = folder.file(L000);
		mkdirSync(folder.file('sent'));
		const to = folder.file('sent/letter from Armenia.txt');
		const edit = await server.connection.sendRequest('workspace/willRenameFiles', { files: [{ oldUri: uriOf(from), newUri: uriOf(to) }] });
		assert.equal(edit, null, 'the server moved the sidecar itself');
		renameSync(from, to);
		await server.connection.sendNotification('workspace/didRenameFiles', { files: [{ oldUri: uriOf(from), newUri: uriOf(to) }] });
		assert.equal(existsSync(`${from}.annotations.yaml`), false);
		const moved = readSidecar(to);
		assert.equal(moved.document.file, 'letter from Armenia.txt');
		assert.deepEqual(moved.annotations.map((annotation) => annotation.id).sort(), ids);
		await server.open(to);
		const listed = await list(server, to);
		assert.deepEqual(listed.annotations.map((annotation) => [annotation.id, annotation.status]).sort(), ids.map((id) => [id, 'attached']));
	});
});

test('didRenameFiles alone (the letter already moved) moves the sidecar after it', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		const ids = await annotate(server, folder);
		const from = folder.file(L000);
		const to = folder.file('renamed.md');
		renameSync(from, to);
		await server.connection.sendNotification('workspace/didRenameFiles', { files: [{ oldUri: uriOf(from), newUri: uriOf(to) }] });
		// didRenameFiles is a notification: the move is seen on disk once it is done.
		await server.waitFor('the sidecar next to the renamed letter, with its new name', () => (existsSync(`${to}.annotations.yaml`) && readSidecar(to).document.file === 'renamed.md' ? true : undefined));
		assert.equal(existsSync(`${from}.annotations.yaml`), false);
		assert.deepEqual(readSidecar(to).annotations.map((annotation) => annotation.id).sort(), ids);
	});
});

test('a folder of letters renamed in the editor keeps every sidecar and annotation', async () => {
	const folder = createFixtureFolder();
	mkdirSync(folder.file('inbox'));
	const inside = folder.file(`inbox/${L000}`);
	renameSync(folder.file(L000), inside);
	await withServer({ folder }, async (server) => {
		await server.ready();
		const text = readFileSync(inside, 'utf8');
		await server.open(inside);
		const created = await server.connection.sendRequest<AnnotationEditResult>(CreateAnnotationRequest.method, { textDocument: { uri: uriOf(inside) }, range: { start: positionOf(text, PHRASES[0]), end: positionOf(text, PHRASES[0], PHRASES[0].length) }, tags: ['kept'] });
		assert.ok(created.ok && created.annotation);
		const renamedFolder = folder.file('archive');
		assert.equal(await server.connection.sendRequest('workspace/willRenameFiles', { files: [{ oldUri: uriOf(folder.file('inbox')), newUri: uriOf(renamedFolder) }] }), null);
		renameSync(folder.file('inbox'), renamedFolder);
		await server.connection.sendNotification('workspace/didRenameFiles', { files: [{ oldUri: uriOf(folder.file('inbox')), newUri: uriOf(renamedFolder) }] });
		const now = folder.file(`archive/${L000}`);
		assert.equal(readSidecar(now).document.file, L000);
		await server.open(now);
		const listed = await list(server, now);
		assert.deepEqual(listed.annotations.map((annotation) => annotation.id), [created.annotation.id]);
	});
});

test('a rename onto a letter that has a sidecar already moves nothing, keeps both files and says so', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		await annotate(server, folder);
		const from = folder.file(L000);
		const to = folder.file('other.txt');
		writeFileSync(`${to}.annotations.yaml`, 'version: 1\ndocument:\n  file: other.txt\nannotations: []\n');
		const before = readFileSync(`${from}.annotations.yaml`, 'utf8');
		await server.connection.sendRequest('workspace/willRenameFiles', { files: [{ oldUri: uriOf(from), newUri: uriOf(to) }] });
		await server.waitFor('a warning', () => server.shownMessages.find((message) => message.includes('exists already')));
		assert.equal(readFileSync(`${from}.annotations.yaml`, 'utf8'), before);
		assert.equal(readFileSync(`${to}.annotations.yaml`, 'utf8'), 'version: 1\ndocument:\n  file: other.txt\nannotations: []\n');
	});
});

test('renamed outside the editor (git mv): sidecar-without-letter names where the letter is, and its quick fix moves the sidecar', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		const ids = await annotate(server, folder);
		const from = folder.file(L000);
		const to = folder.file('A-75-556.txt');
		const sidecar = `${from}.annotations.yaml`;
		renameSync(from, to);
		await server.fileEvents([{ path: from, type: FileChangeType.Deleted }, { path: to, type: FileChangeType.Created }]);
		// The delete is applied first (no letter holds the annotations yet), then the create (the renamed letter does).
		const reported = await server.waitFor('sidecar-without-letter naming the renamed letter', () => server.published.get(uriOf(sidecar))?.diagnostics.find((diagnostic) => diagnostic.code === 'sidecar-without-letter' && messageOf(diagnostic).includes('A-75-556')));
		assert.equal(reported.severity, 2);
		assert.match(messageOf(reported), /The letter 000_c1c47ee4ee510e2c\.txt of this sidecar is gone.*Its annotations are in A-75-556\.txt/);
		const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(sidecar) }, range: reported.range, context: { diagnostics: [reported] } });
		const relink = actions.find((action) => action.command?.command === RelinkSidecarCommand.id);
		assert.deepEqual(relink?.command?.arguments, [uriOf(sidecar), uriOf(to)]);
		await server.connection.sendRequest('workspace/executeCommand', { command: RelinkSidecarCommand.id, arguments: relink?.command?.arguments });
		assert.equal(existsSync(sidecar), false);
		assert.equal(readSidecar(to).document.file, 'A-75-556.txt');
		assert.deepEqual(readSidecar(to).annotations.map((annotation) => annotation.id).sort(), ids);
		await server.waitFor('the warning cleared', () => (server.published.get(uriOf(sidecar))?.diagnostics.length === 0 ? true : undefined));
	});
});

test('a letter deleted in the editor leaves its sidecar, reported as sidecar-without-letter', async () => {
	const folder = createFixtureFolder();
	await withServer({ folder }, async (server) => {
		await server.ready();
		await annotate(server, folder);
		const path = folder.file(L000);
		const before = readFileSync(`${path}.annotations.yaml`, 'utf8');
		unlinkSync(path);
		await server.fileEvents([{ path, type: FileChangeType.Deleted }]);
		const reported = await server.waitFor('sidecar-without-letter', () => server.published.get(uriOf(`${path}.annotations.yaml`))?.diagnostics.find((diagnostic) => diagnostic.code === 'sidecar-without-letter'));
		assert.match(messageOf(reported), /No letter of the workspace holds its annotations/);
		assert.equal(readFileSync(`${path}.annotations.yaml`, 'utf8'), before);
	});
});
