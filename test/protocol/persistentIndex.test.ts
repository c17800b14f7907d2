// The persistent index of the built server: stored in the storage folder the client gives (else the user's cache
// folder), never in the letters' folder; a restart reads again only what changed; a corrupt index, an index of another
// engine version and a cache folder that cannot be written are each logged and never change an answer.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { HAND_WRITTEN } from './letters';
import type { FixtureFolder, ServerOptions } from './serverHarness';
import { createFixtureFolder, startServer, uriOf } from './serverHarness';

const scratch = mkdtempSync(join(tmpdir(), 'dl-protocol-index-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let caches = 0;

/** What a server answers on the folder: the open letter's diagnostics, the problem counts, the index log line. */
async function answers(options: ServerOptions): Promise<{ diagnostics: Diagnostic[]; problems: unknown; logs: string[] }> {
	const server = await startServer(options);
	try {
		const citing = options.folder.file('hand-written.txt');
		await server.open(citing);
		const ready = await server.ready();
		const counted = await server.waitFor('the indexing log line', () => server.logMessages.find((line) => line.startsWith('Indexed ')));
		const diagnostics = await server.waitFor('the diagnostics after indexing', () => {
			const published = server.published.get(uriOf(citing))?.diagnostics;
			return published?.some((diagnostic) => diagnostic.code === 'citation-unresolved') ? published : undefined;
		});
		const final = server.statuses.filter((status) => status.state === 'ready').at(-1) ?? ready;
		return { diagnostics, problems: final.problems, logs: [...server.logMessages, counted] };
	} finally {
		await server.stop();
	}
}

function indexFiles(folder: string): string[] {
	try {
		return readdirSync(join(folder, 'diplomatic-letters')).filter((name) => name.endsWith('.index')).map((name) => join(folder, 'diplomatic-letters', name));
	} catch {
		return [];
	}
}

function freshCache(): string {
	return mkdtempSync(join(scratch, `cache-${caches++}-`));
}

function withFolder(body: (folder: FixtureFolder) => Promise<void>): Promise<void> {
	const folder = createFixtureFolder({ 'hand-written.txt': HAND_WRITTEN });
	return body(folder).finally(() => folder.dispose());
}

/** How many files the indexing log line says were read, and how many came unchanged from the stored index. */
function counts(logs: readonly string[]): { read: number; unchanged: number } {
	const match = /: (\d+) read, (\d+) unchanged since the stored index/.exec(logs.find((line) => line.startsWith('Indexed ')) ?? '');
	assert.ok(match, `the indexing log line: ${logs.join('\n')}`);
	return { read: Number(match[1]), unchanged: Number(match[2]) };
}

test('the index is kept in the user cache folder, not the letters folder; a restart reads nothing again and answers the same', () => withFolder(async (folder) => {
	const cacheHome = freshCache();
	const first = await answers({ folder, cacheHome });
	const [file] = indexFiles(cacheHome);
	assert.ok(file, 'an index file in the cache folder');
	assert.deepEqual(readdirSync(folder.path).filter((name) => !/\.(txt|md)$/.test(name)), [], 'nothing written among the letters');
	assert.equal(counts(first.logs).unchanged, 0);
	const second = await answers({ folder, cacheHome });
	assert.deepEqual(counts(second.logs), { read: 0, unchanged: counts(first.logs).read }, 'every file came from the stored index');
	assert.deepEqual(second.diagnostics, first.diagnostics);
	assert.deepEqual(second.problems, first.problems);
}));

test('the storage folder the client gives is used instead of the cache folder', () => withFolder(async (folder) => {
	const cacheHome = freshCache();
	const storage = mkdtempSync(join(scratch, 'storage-'));
	await answers({ folder, cacheHome, initializationOptions: { storagePath: storage } });
	assert.equal(readdirSync(storage).filter((name) => name.endsWith('.index')).length, 1);
	assert.deepEqual(indexFiles(cacheHome), []);
}));

test('a corrupt index and an index of another engine version are discarded with a log line, and the answers stay the same', () => withFolder(async (folder) => {
	const cacheHome = freshCache();
	const reference = await answers({ folder, cacheHome });
	const [file] = indexFiles(cacheHome);
	const bytes = readFileSync(file);

	const corrupt = Buffer.from(bytes);
	corrupt[corrupt.length - 20] ^= 0xff;
	writeFileSync(file, corrupt);
	const afterCorrupt = await answers({ folder, cacheHome });
	assert.ok(afterCorrupt.logs.some((line) => /is corrupt .* discarded and the letters are read again/.test(line)), afterCorrupt.logs.join('\n'));
	assert.equal(counts(afterCorrupt.logs).unchanged, 0);
	assert.deepEqual(afterCorrupt.diagnostics, reference.diagnostics);
	assert.deepEqual(afterCorrupt.problems, reference.problems);

	const headerEnd = bytes.indexOf(10, bytes.indexOf(10) + 1);
	const header = JSON.parse(bytes.subarray(bytes.indexOf(10) + 1, headerEnd).toString('utf8')) as Record<string, unknown>;
	writeFileSync(file, Buffer.concat([bytes.subarray(0, bytes.indexOf(10) + 1), Buffer.from(JSON.stringify({ ...header, engine: 'another-version' })), bytes.subarray(headerEnd)]));
	const afterOther = await answers({ folder, cacheHome });
	assert.ok(afterOther.logs.some((line) => /made by another version of Diplomatic Letters/.test(line)), afterOther.logs.join('\n'));
	assert.equal(counts(afterOther.logs).unchanged, 0);
	assert.deepEqual(afterOther.diagnostics, reference.diagnostics);
	assert.deepEqual(afterOther.problems, reference.problems);
}));

test('a cache folder that cannot be written is logged once and the server answers as without one', () => withFolder(async (folder) => {
	const reference = await answers({ folder, cacheHome: freshCache() });
	const blocked = join(scratch, 'a-file');
	writeFileSync(blocked, 'a file where the cache folder would be');
	const result = await answers({ folder, cacheHome: blocked });
	assert.equal(result.logs.filter((line) => /cannot be stored in .*a-file/.test(line)).length, 1, result.logs.join('\n'));
	assert.deepEqual(result.diagnostics, reference.diagnostics);
	assert.deepEqual(result.problems, reference.problems);
}));
