// Faults of time: changes that overlap (in the server, between the server and the command line, between two
// processes) and writers killed with SIGKILL in the middle of writing. Nothing acknowledged may be lost, and a sidecar
// is always either the old or the new file, never half of one.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DidChangeTextDocumentNotification, DidSaveTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { parseSidecar } from '../../server/src/engine/annotations';
import type { AnnotationEditResult } from '../../server/src/protocol';
import { RemoveAnnotationRequest, RenameTagRequest, UpdateAnnotationRequest } from '../../server/src/protocol';
import { ROOT, startServer, uriOf } from '../protocol/serverHarness';
import type { FaultCategory } from './harness';
import { assertAnswers, assertCleanEnd, assertNoLeftovers, cli, create, idsOnDisk, L000, L001, onFreshServer, PHRASES, sidecarOf, withServerOn, workspace } from './harness';

const WRITER = join(ROOT, 'test', 'faults', 'writerProcess.ts');

function okIds(results: readonly AnnotationEditResult[]): string[] {
	assert.ok(results.every((result) => result.ok), `every change answered ok: ${JSON.stringify(results.filter((result) => !result.ok))}`);
	return results.map((result) => (result.ok ? result.annotation?.id ?? '' : '')).filter((id) => id !== '').sort();
}

/** Starts the writer process; resolves with the ids it acknowledged once it is killed after `killAfterMs` (or ends). */
function writeThenKill(letterPath: string, count: number, prefix: string, killAfterMs: number): Promise<string[]> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', WRITER, letterPath, String(count), prefix], { cwd: ROOT });
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
		const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
		child.on('close', () => {
			clearTimeout(timer);
			resolve([...out.matchAll(/^ack (\S+)$/gm)].map((match) => match[1]));
		});
	});
}

export const concurrency: FaultCategory = {
	name: 'concurrent writers',
	async run(trial) {
		for (const count of [10, 25]) {
			await trial(`${count} creates sent at once to one letter all land`, async () => {
				await onFreshServer(async (server, folder) => {
				const phrases = Array.from({ length: count }, (_, i) => PHRASES[i % PHRASES.length]);
				const ids = okIds(await Promise.all(phrases.map((phrase) => create(server, folder.file(L000), phrase))));
				assert.deepEqual(idsOnDisk(sidecarOf(folder, L000)), ids);
				await assertAnswers(server, folder);
				});
			});
		}
		await trial('creates in two letters at once all land, each in its own sidecar', async () => {
			await onFreshServer(async (server, folder) => {
			await server.open(folder.file(L001));
			const [in000, in001] = await Promise.all([
				Promise.all(PHRASES.slice(0, 5).map((phrase) => create(server, folder.file(L000), phrase))),
				Promise.all(['Barda', 'Tartar', 'Ganja'].map((phrase) => create(server, folder.file(L001), phrase))),
			]);
			assert.deepEqual(idsOnDisk(sidecarOf(folder, L000)), okIds(in000));
			assert.deepEqual(idsOnDisk(sidecarOf(folder, L001)), okIds(in001));
			});
		});
		await trial('an update, a remove, a create, typing and a save, overlapping, all land', async () => {
			await onFreshServer(async (server, folder) => {
				const path = folder.file(L000);
			const [first, second] = okIds(await Promise.all([create(server, path, PHRASES[0]), create(server, path, PHRASES[1])]));
			const uri = uriOf(path);
			const [updated, removed, added] = await Promise.all([
				server.connection.sendRequest<AnnotationEditResult>(UpdateAnnotationRequest.method, { textDocument: { uri }, id: first, note: 'kept' }),
				server.connection.sendRequest<AnnotationEditResult>(RemoveAnnotationRequest.method, { textDocument: { uri }, id: second }),
				create(server, path, PHRASES[2]),
				server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }] }),
				server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } }),
			]);
			assert.ok(updated.ok && removed.ok && added.ok && added.annotation);
			assert.deepEqual(idsOnDisk(sidecarOf(folder, L000)), [first, added.annotation.id].sort());
			assert.match(readFileSync(sidecarOf(folder, L000), 'utf8'), /note: kept/);
			});
		});
		await trial('two updates of one annotation at once: the tags of one and the note of the other both stay', async () => {
			await onFreshServer(async (server, folder) => {
				const path = folder.file(L000);
			const [id] = okIds([await create(server, path, PHRASES[0])]);
			const uri = uriOf(path);
			okIds(await Promise.all([
				server.connection.sendRequest<AnnotationEditResult>(UpdateAnnotationRequest.method, { textDocument: { uri }, id, tags: ['one', 'two'] }),
				server.connection.sendRequest<AnnotationEditResult>(UpdateAnnotationRequest.method, { textDocument: { uri }, id, note: 'from the other' }),
			]));
			const parsed = parseSidecar(readFileSync(sidecarOf(folder, L000), 'utf8'));
			assert.ok(parsed.ok);
			assert.deepEqual([parsed.sidecar.annotations[0]?.tags, parsed.sidecar.annotations[0]?.note], [['one', 'two'], 'from the other']);
			});
		});
		await trial('a tag renamed across the workspace while annotations are created: every one lands, renamed', async () => {
			await onFreshServer(async (server, folder) => {
				const path = folder.file(L000);
			okIds([await create(server, path, PHRASES[0], ['old'])]);
			const [created, renamed] = await Promise.all([
				Promise.all(PHRASES.slice(1, 6).map((phrase) => create(server, path, phrase, ['old']))),
				server.connection.sendRequest<{ failed: unknown[] }>(RenameTagRequest.method, { from: 'old', to: 'new' }),
			]);
			assert.deepEqual(renamed.failed, []);
			assert.equal(idsOnDisk(sidecarOf(folder, L000)).length, 1 + okIds(created).length);
			});
		});
		await trial('another program adds an annotation on disk while the server creates: both are kept', async () => {
			await onFreshServer(async (server, folder) => {
				const path = folder.file(L000);
			const [first] = okIds([await create(server, path, PHRASES[0])]);
			const sidecar = sidecarOf(folder, L000);
			const pulled = readFileSync(sidecar, 'utf8').replace('annotations:\n', 'annotations:\n  - id: frompull\n    tags: [git]\n    target:\n      exact: Armenia\n      start: 5000\n      end: 5007\n\n');
			writeFileSync(sidecar, pulled);
			const [second] = okIds([await create(server, path, PHRASES[1])]);
			await server.fileEvents([{ path: sidecar, type: FileChangeType.Changed }]);
			assert.deepEqual(idsOnDisk(sidecar), [first, second, 'frompull'].sort());
			});
		});
		for (let round = 1; round <= 3; round++) {
			await trial(`annotations reanchor --write while the server creates (round ${round}): both kept`, async () => {
				await onFreshServer(async (server, folder) => {
					const path = folder.file(L000);
				okIds([await create(server, path, PHRASES[0])]);
				// The letter is open in the editor with its old text; the file on disk gets a new paragraph.
				const opened = readFileSync(path, 'utf8');
				writeFileSync(path, `A paragraph added on disk.\n\n${opened}`);
				const [created, run] = await Promise.all([
					Promise.all(PHRASES.slice(1, 8).map((phrase) => create(server, path, phrase, ['fault'], opened))),
					cli(folder.path, ['annotations', 'reanchor', '.', '--write']),
				]);
				assertCleanEnd(run);
				assert.equal(idsOnDisk(sidecarOf(folder, L000)).length, 1 + okIds(created).length);
				});
			});
		}
		await trial('two servers on one folder create at once: every annotation of both lands', async () => {
			const folder = workspace();
			const second = await startServer({ folder });
			try {
				await withServerOn(folder, async (first) => {
					await Promise.all([first.ready(), second.ready()]);
					const path = folder.file(L000);
					await first.open(path);
					await second.open(path);
					const results = await Promise.all([...PHRASES.slice(0, 5).map((phrase) => create(first, path, phrase)), ...PHRASES.slice(5).map((phrase) => create(second, path, phrase))]);
					assert.deepEqual(idsOnDisk(sidecarOf(folder, L000)), okIds(results));
				});
			} finally {
				await second.stop();
				folder.dispose();
			}
		});
		await trial('two writer processes on one sidecar: every acknowledged annotation of both lands', async () => {
			const folder = workspace();
			try {
				const path = folder.file(L000);
				const acked = (await Promise.all([writeThenKill(path, 15, 'left', 120_000), writeThenKill(path, 15, 'right', 120_000)])).flat();
				assert.equal(acked.length, 30);
				assert.deepEqual(idsOnDisk(`${path}.annotations.yaml`), acked.sort());
				assertNoLeftovers(folder.path);
			} finally {
				folder.dispose();
			}
		});
	},
};

export const crashes: FaultCategory = {
	name: 'kill -9 during writes',
	async run(trial) {
		for (const [round, killAfterMs] of [[1, 700], [2, 900], [3, 1100], [4, 1300], [5, 1600], [6, 2000]] as const) {
			await trial(`a writer killed after ${killAfterMs} ms (round ${round}): the sidecar is whole, every acknowledged annotation in it`, async () => {
				const folder = workspace();
				try {
					const path = folder.file(L000);
					const acked = await writeThenKill(path, 400, 'w', killAfterMs);
					const sidecar = `${path}.annotations.yaml`;
					const onDisk = acked.length === 0 ? [] : idsOnDisk(sidecar);
					for (const id of acked) {
						assert.ok(onDisk.includes(id), `${id} was acknowledged and is on disk`);
					}
					// The next writer cleans up what the killed one left and writes.
					const after = await writeThenKill(path, 1, 'next', 60_000);
					assert.deepEqual(after, ['next0000']);
					assertNoLeftovers(folder.path);
				} finally {
					folder.dispose();
				}
			});
		}
		for (const round of [1, 2, 3, 4]) {
			await trial(`the server killed while creates are in flight (round ${round}): what it acknowledged is on disk, and a new server writes`, async () => {
				const folder = workspace();
				try {
					const server = await startServer({ folder });
					await server.ready();
					const path = folder.file(L000);
					await server.open(path);
					const acked: string[] = [];
					const pending = Array.from({ length: 40 }, (_, i) => create(server, path, PHRASES[i % PHRASES.length]).then((result) => {
						if (result.ok && result.annotation) {
							acked.push(result.annotation.id);
						}
					}, () => undefined));
					await server.waitFor('some acknowledgements', () => (acked.length >= round * 3 ? true : undefined), 60_000);
					server.process.kill('SIGKILL');
					await new Promise((resolve) => server.process.once('exit', resolve));
					// The requests still pending are answered by no one: the connection gives them up.
					server.connection.dispose();
					await Promise.allSettled(pending);
					const onDisk = idsOnDisk(sidecarOf(folder, L000));
					for (const id of acked) {
						assert.ok(onDisk.includes(id), `${id} was acknowledged and is on disk`);
					}
					await withServerOn(folder, async (next) => {
						await next.ready();
						await next.open(path);
						okIds([await create(next, path, PHRASES[0])]);
						assertNoLeftovers(folder.path);
					});
				} finally {
					folder.dispose();
				}
			});
		}
		await trial('annotations reanchor --write killed mid-run: every sidecar still parses and keeps its annotations', async () => {
			const folder = workspace();
			try {
				const path = folder.file(L000);
				await writeThenKill(path, 30, 'r', 120_000);
				const before = idsOnDisk(`${path}.annotations.yaml`);
				writeFileSync(path, `A paragraph added on disk.\n\n${readFileSync(path, 'utf8')}`);
				const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'annotations', 'reanchor', '.', '--write'], { cwd: folder.path });
				await new Promise((resolve) => setTimeout(resolve, 150));
				child.kill('SIGKILL');
				await new Promise((resolve) => child.on('close', resolve));
				assert.deepEqual(idsOnDisk(`${path}.annotations.yaml`), before);
				const again = await cli(folder.path, ['annotations', 'reanchor', '.', '--write']);
				assertCleanEnd(again);
				assertNoLeftovers(folder.path);
			} finally {
				folder.dispose();
			}
		});
	},
};
