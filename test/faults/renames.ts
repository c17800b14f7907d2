// Faults of moving files: letters renamed or moved in the editor (willRenameFiles, didRenameFiles, both, folders, a
// rename that never happens, onto another sidecar, while annotations are being written) and outside it (`git mv`,
// deletion). No annotation is ever left away from its letter without being reported, and none is lost.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { parse } from 'yaml';
import type { DocumentAnnotationsResult } from '../../server/src/protocol';
import { DocumentAnnotationsRequest, RelinkSidecarCommand } from '../../server/src/protocol';
import type { FixtureFolder, ServerSession } from '../protocol/serverHarness';
import { messageOf, uriOf } from '../protocol/serverHarness';
import type { FaultCategory } from './harness';
import { assertCleanEnd, cli, create, idsOnDisk, L000, PHRASES, sidecarOf, within, withServerOn, workspace } from './harness';

/** Letter 000 with three annotations made through the server; the case then runs with the ids. */
async function annotated(body: (server: ServerSession, folder: FixtureFolder, ids: string[]) => Promise<void>): Promise<void> {
	const folder = workspace();
	try {
		await withServerOn(folder, async (server) => {
			await server.ready();
			await server.open(folder.file(L000));
			const ids: string[] = [];
			for (const phrase of PHRASES.slice(0, 3)) {
				const result = await create(server, folder.file(L000), phrase);
				assert.ok(result.ok && result.annotation);
				ids.push(result.annotation.id);
			}
			await body(server, folder, ids.sort());
		});
	} finally {
		folder.dispose();
	}
}

function fileOf(sidecar: string): string {
	return (parse(readFileSync(sidecar, 'utf8')) as { document: { file: string } }).document.file;
}

const rename = (server: ServerSession, method: 'workspace/willRenameFiles' | 'workspace/didRenameFiles', from: string, to: string) => (method === 'workspace/willRenameFiles'
	? server.connection.sendRequest(method, { files: [{ oldUri: uriOf(from), newUri: uriOf(to) }] })
	: server.connection.sendNotification(method, { files: [{ oldUri: uriOf(from), newUri: uriOf(to) }] }));

/** Waits until the sidecar of `letter` holds `ids` and names the letter in `document.file`. */
async function followed(server: ServerSession, letter: string, ids: readonly string[], timeoutMs = 20_000): Promise<void> {
	const sidecar = `${letter}.annotations.yaml`;
	const name = letter.slice(letter.lastIndexOf('/') + 1);
	await server.waitFor(`${sidecar} with every annotation`, () => (existsSync(sidecar) && fileOf(sidecar) === name && idsOnDisk(sidecar).join() === ids.join() ? true : undefined), timeoutMs);
}

export const renames: FaultCategory = {
	name: 'renames and moves',
	async run(trial) {
		for (const [name, methods] of [
			['willRenameFiles alone', ['workspace/willRenameFiles']],
			['didRenameFiles alone', ['workspace/didRenameFiles']],
			['willRenameFiles then didRenameFiles', ['workspace/willRenameFiles', 'workspace/didRenameFiles']],
		] as const) {
			await trial(`a letter moved to another folder (${name}): its sidecar follows, every annotation kept`, () => annotated(async (server, folder, ids) => {
				const from = folder.file(L000);
				mkdirSync(folder.file('sent'));
				const to = folder.file('sent/renamed letter.txt');
				if (methods.includes('workspace/willRenameFiles' as never)) {
					await rename(server, 'workspace/willRenameFiles', from, to);
				}
				renameSync(from, to);
				if (methods.includes('workspace/didRenameFiles' as never)) {
					await rename(server, 'workspace/didRenameFiles', from, to);
				}
				await followed(server, to, ids);
				assert.equal(existsSync(`${from}.annotations.yaml`), false);
			}));
		}
		await trial('a letter renamed and renamed back (undo): the sidecar follows both times', () => annotated(async (server, folder, ids) => {
			const from = folder.file(L000);
			const to = folder.file('other name.txt');
			for (const [a, b] of [[from, to], [to, from]] as const) {
				await rename(server, 'workspace/willRenameFiles', a, b);
				renameSync(a, b);
				await rename(server, 'workspace/didRenameFiles', a, b);
				await followed(server, b, ids);
			}
		}));
		for (const didOnly of [false, true]) {
			await trial(`a folder of letters renamed (${didOnly ? 'didRenameFiles alone' : 'willRenameFiles and didRenameFiles'}): every sidecar stays with its letter`, () => annotated(async (server, folder, ids) => {
				mkdirSync(folder.file('inbox'));
				await rename(server, 'workspace/willRenameFiles', folder.file(L000), folder.file(`inbox/${L000}`));
				renameSync(folder.file(L000), folder.file(`inbox/${L000}`));
				await rename(server, 'workspace/didRenameFiles', folder.file(L000), folder.file(`inbox/${L000}`));
				await followed(server, folder.file(`inbox/${L000}`), ids);
				if (!didOnly) {
					await rename(server, 'workspace/willRenameFiles', folder.file('inbox'), folder.file('archive'));
				}
				renameSync(folder.file('inbox'), folder.file('archive'));
				await rename(server, 'workspace/didRenameFiles', folder.file('inbox'), folder.file('archive'));
				await followed(server, folder.file(`archive/${L000}`), ids);
			}));
		}
		await trial('a letter renamed onto a name whose sidecar exists: nothing moved, both kept, the user told', () => annotated(async (server, folder, ids) => {
			const to = folder.file('taken.txt');
			writeFileSync(`${to}.annotations.yaml`, 'version: 1\ndocument:\n  file: taken.txt\nannotations: []\n');
			await rename(server, 'workspace/willRenameFiles', folder.file(L000), to);
			await server.waitFor('a warning', () => server.shownMessages.find((message) => message.includes('exists already')));
			assert.deepEqual(idsOnDisk(sidecarOf(folder, L000)), ids);
			assert.deepEqual(idsOnDisk(`${to}.annotations.yaml`), []);
		}));
		await trial('a rename announced but never done: the sidecar goes back next to its letter', () => annotated(async (server, folder, ids) => {
			await rename(server, 'workspace/willRenameFiles', folder.file(L000), folder.file('never.txt'));
			// The server moves it back once the rename has not followed for a while (10 s).
			await within(30_000, 'the sidecar back next to its letter', followed(server, folder.file(L000), ids, 30_000));
			assert.equal(existsSync(`${folder.file('never.txt')}.annotations.yaml`), false);
		}));
		await trial('a letter renamed while annotations are being created: every one lands with the letter', () => annotated(async (server, folder, ids) => {
			const from = folder.file(L000);
			const to = folder.file('moving.txt');
			const text = readFileSync(from, 'utf8');
			const [created] = await Promise.all([
				Promise.all(PHRASES.slice(3, 8).map((phrase) => create(server, from, phrase, ['during'], text))),
				rename(server, 'workspace/willRenameFiles', from, to).then(() => renameSync(from, to)).then(() => rename(server, 'workspace/didRenameFiles', from, to)),
			]);
			const landed = created.flatMap((result) => (result.ok && result.annotation ? [result.annotation.id] : []));
			await within(20_000, 'the renamed sidecar', followed(server, to, [...ids, ...landed].sort()));
			assert.equal(existsSync(`${from}.annotations.yaml`), false, 'no sidecar left at the old name');
		}));
		await trial('a letter renamed outside the editor (git mv): reported with where it is, the quick fix moves the sidecar', () => annotated(async (server, folder, ids) => {
			const from = folder.file(L000);
			const to = folder.file('A-75-556.txt');
			renameSync(from, to);
			await server.fileEvents([{ path: from, type: FileChangeType.Deleted }, { path: to, type: FileChangeType.Created }]);
			const sidecar = sidecarOf(folder, L000);
			const reported = await server.waitFor('sidecar-without-letter', () => server.published.get(uriOf(sidecar))?.diagnostics.find((diagnostic) => diagnostic.code === 'sidecar-without-letter' && messageOf(diagnostic).includes('A-75-556.txt')));
			const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(sidecar) }, range: reported.range, context: { diagnostics: [reported] } });
			const relink = actions.find((action) => action.command?.command === RelinkSidecarCommand.id);
			await server.connection.sendRequest('workspace/executeCommand', { command: RelinkSidecarCommand.id, arguments: relink?.command?.arguments });
			await followed(server, to, ids);
		}));
		await trial('a letter renamed outside the editor, relinked with annotations relink --write', () => annotated(async (_server, folder, ids) => {
			mkdirSync(folder.file('moved'));
			renameSync(folder.file(L000), folder.file('moved/letter.txt'));
			const run = await cli(folder.path, ['annotations', 'relink', '.', '--write']);
			assertCleanEnd(run, [0]);
			assert.deepEqual(idsOnDisk(folder.file('moved/letter.txt.annotations.yaml')), ids);
			assert.equal(fileOf(folder.file('moved/letter.txt.annotations.yaml')), 'letter.txt');
		}));
		await trial('a letter deleted: its sidecar is kept, reported as sidecar-without-letter', () => annotated(async (server, folder, ids) => {
			unlinkSync(folder.file(L000));
			await server.fileEvents([{ path: folder.file(L000), type: FileChangeType.Deleted }]);
			await server.waitFor('sidecar-without-letter', () => server.published.get(uriOf(sidecarOf(folder, L000)))?.diagnostics.find((diagnostic) => diagnostic.code === 'sidecar-without-letter'));
			assert.deepEqual(idsOnDisk(sidecarOf(folder, L000)), ids);
		}));
		await trial('a folder with letters and sidecars deleted and restored (git checkout): annotations come back', () => annotated(async (server, folder, ids) => {
			const saved = readFileSync(sidecarOf(folder, L000));
			const letter = readFileSync(folder.file(L000));
			rmSync(folder.file(L000));
			rmSync(sidecarOf(folder, L000));
			await server.fileEvents([{ path: folder.file(L000), type: FileChangeType.Deleted }, { path: sidecarOf(folder, L000), type: FileChangeType.Deleted }]);
			writeFileSync(folder.file(L000), letter);
			writeFileSync(sidecarOf(folder, L000), saved);
			await server.fileEvents([{ path: folder.file(L000), type: FileChangeType.Created }, { path: sidecarOf(folder, L000), type: FileChangeType.Created }]);
			let listed: string[] = [];
			for (let attempt = 0; attempt < 100 && listed.join() !== ids.join(); attempt++) {
				const answer = await server.connection.sendRequest<DocumentAnnotationsResult>(DocumentAnnotationsRequest.method, { textDocument: { uri: uriOf(folder.file(L000)) } });
				listed = answer.annotations.map((annotation) => annotation.id).sort();
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			assert.deepEqual(listed, ids, 'the server shows them again');
			assert.deepEqual(idsOnDisk(sidecarOf(folder, L000)), ids);
		}));
	},
};
