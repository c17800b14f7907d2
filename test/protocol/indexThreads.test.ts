// The server's full index never depends on how the letters were read: on the main thread
// (DIPLOMATIC_LETTERS_WORKERS=0), with one worker thread and with two, the Letters view's rows (every catalogue field,
// the identity, the citing count and the problem counts, which resolve every citation against the index) and the
// workspace symbols are the same.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { WorkspaceSymbol } from 'vscode-languageserver-protocol/node';
import type { LettersResult } from '../../server/src/protocol';
import { LettersRequest } from '../../server/src/protocol';
import { createFixtureFolder, ROOT, TIMEOUT_MS, withServer } from './serverHarness';

const scratch = mkdtempSync(join(tmpdir(), 'dl-protocol-threads-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** What the server answers about the whole folder once it is indexed and every letter is counted. */
async function folderAnswers(workers: string): Promise<{ log: string; rows: unknown; symbols: unknown }> {
	const folder = createFixtureFolder();
	cpSync(join(ROOT, 'test', 'fixtures', 'real'), folder.file('real'), { recursive: true, filter: (source) => !source.endsWith('.json') });
	const previous = process.env.DIPLOMATIC_LETTERS_WORKERS;
	process.env.DIPLOMATIC_LETTERS_WORKERS = workers;
	let answers: { log: string; rows: unknown; symbols: unknown } | undefined;
	try {
		await withServer({ folder, cacheHome: mkdtempSync(join(scratch, `cache-${workers}-`)) }, async (server) => {
			await server.ready();
			const log = await server.waitFor('the indexing log line', () => server.logMessages.find((line) => line.startsWith('Indexed ')));
			const deadline = Date.now() + TIMEOUT_MS;
			let rows = await server.connection.sendRequest<LettersResult>(LettersRequest.method);
			while (rows.letters.some((row) => row.problems === null)) {
				assert.ok(Date.now() < deadline, 'every letter is counted');
				await new Promise((resolve) => setTimeout(resolve, 50));
				rows = await server.connection.sendRequest<LettersResult>(LettersRequest.method);
			}
			const symbols = await server.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'S/' });
			// Each run reads its own temporary folder: its URI is taken out of the answers.
			const relative = (answer: unknown): unknown => JSON.parse(JSON.stringify(answer).replaceAll(folder.uri, '<folder>')) as unknown;
			answers = { log, rows: relative(rows), symbols: relative(symbols) };
		});
	} finally {
		if (previous === undefined) {
			delete process.env.DIPLOMATIC_LETTERS_WORKERS;
		} else {
			process.env.DIPLOMATIC_LETTERS_WORKERS = previous;
		}
	}
	assert.ok(answers);
	return answers;
}

test('the full index gives the same rows, counts and symbols on the main thread, with one worker thread and with two', async () => {
	const [here, one, two] = [await folderAnswers('0'), await folderAnswers('1'), await folderAnswers('2')];
	assert.doesNotMatch(here.log, /worker threads/, here.log);
	assert.match(one.log, /\(1 worker threads\)/, one.log);
	assert.match(two.log, /\(2 worker threads\)/, two.log);
	const letters = (here.rows as LettersResult).letters;
	assert.ok(letters.length > 40, `the folder's letters are listed (${letters.length})`);
	assert.ok(letters.some((row) => (row.problems?.error ?? 0) + (row.problems?.warning ?? 0) > 0), 'some letter has problems');
	assert.ok((here.symbols as unknown[]).length > 10, `workspace symbols are found (${(here.symbols as unknown[]).length})`);
	assert.deepEqual(one.rows, here.rows, 'one worker: the Letters view');
	assert.deepEqual(two.rows, here.rows, 'two workers: the Letters view');
	assert.deepEqual(one.symbols, here.symbols, 'one worker: the workspace symbols');
	assert.deepEqual(two.symbols, here.symbols, 'two workers: the workspace symbols');
});
