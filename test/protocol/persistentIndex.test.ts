// The persistent index of the built server: stored in the storage folder the client gives (else the user's cache
// folder), never in the letters' folder; a restart reads again only what changed; a corrupt index, an index of another
// engine version and a cache folder that cannot be written are each logged and never change an answer.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Diagnostic, WorkspaceSymbol } from 'vscode-languageserver-protocol/node';
import { SETTLED_MS } from '../../server/src/node/summaryStore';
import { makeLetter } from '../unit/helpers/fixtures';
import { CITED_LETTER, HAND_WRITTEN } from './letters';
import type { FixtureFolder, ServerOptions } from './serverHarness';
import { createFixtureFolder, startServer, uriOf } from './serverHarness';

const scratch = mkdtempSync(join(tmpdir(), 'dl-protocol-index-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let caches = 0;

/**
 * What a server answers on the folder: the open letter's diagnostics, the problem counts, the index log line (and,
 * when `logged` is given, the line it matches: the index is written after "ready", so a line of its write comes later).
 */
async function answers(options: ServerOptions, logged?: RegExp): Promise<{ diagnostics: Diagnostic[]; problems: unknown; logs: string[] }> {
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
		if (logged) {
			await server.waitFor(`a log line matching ${logged}`, () => server.logMessages.find((line) => logged.test(line)));
		}
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

/** Of the files unchanged since the stored index, how many were known by their stamp (not read) and how many by their content (read and hashed). */
function unchangedBy(logs: readonly string[]): { stamp: number; content: number } {
	const match = /\((\d+) by their size and times, (\d+) by their content\)/.exec(logs.find((line) => line.startsWith('Indexed ')) ?? '');
	assert.ok(match, `the indexing log line: ${logs.join('\n')}`);
	return { stamp: Number(match[1]), content: Number(match[2]) };
}

/** Waits until every file of a folder was last changed more than SETTLED_MS ago (the file system's clock, not a fixed sleep). */
async function settled(paths: readonly string[]): Promise<void> {
	const newest = Math.max(...paths.map((path) => Math.max(statSync(path).mtimeMs, statSync(path).ctimeMs)));
	await new Promise((resolve) => setTimeout(resolve, Math.max(0, newest + SETTLED_MS + 50 - Date.now())));
}

/** Starts a server on the folder with the cache, and gives its indexing log line and the symbols a workspace query finds. */
async function restartedSymbols(folder: FixtureFolder, cacheHome: string, query: string): Promise<{ logs: string[]; symbols: string[] }> {
	const server = await startServer({ folder, cacheHome });
	try {
		await server.ready();
		const logs = [await server.waitFor('the indexing log line', () => server.logMessages.find((line) => line.startsWith('Indexed ')))];
		const symbols = await server.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query });
		return { logs, symbols: symbols.map((symbol) => symbol.name.split(' · ')[0]).sort() };
	} finally {
		await server.stop();
	}
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
	const result = await answers({ folder, cacheHome: blocked }, /index of the letters cannot be stored in .*a-file/);
	assert.equal(result.logs.filter((line) => /index of the letters cannot be stored in .*a-file/.test(line)).length, 1, result.logs.join('\n'));
	// The server's code cache (written right after "ready", before the index) cannot be stored either: logged once.
	assert.equal(result.logs.filter((line) => /code cache cannot be stored in .*a-file/.test(line)).length, 1, result.logs.join('\n'));
	assert.deepEqual(result.diagnostics, reference.diagnostics);
	assert.deepEqual(result.problems, reference.problems);
}));

test('a restart reads no file whose size and times are unchanged, and reads a file written in place with its modification time put back', () => withFolder(async (folder) => {
	const cacheHome = freshCache();
	const cited = folder.write('cited.txt', CITED_LETTER);
	const touched = folder.file('001_fcfde71c67116c43.txt');
	const rewritten = folder.file('002_f4ff0849ef0a721f.txt');
	const letters = readdirSync(folder.path).map((name) => folder.file(name));
	// Whole seconds, so that the modification time can be put back exactly.
	const longAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
	for (const path of letters) {
		utimesSync(path, longAgo, longAgo);
	}
	await settled(letters);
	const run = () => restartedSymbols(folder, cacheHome, 'S/2020/999');
	const files = letters.length;
	const first = await run();
	assert.deepEqual(counts(first.logs), { read: files, unchanged: 0 });
	assert.deepEqual(first.symbols, ['S/2020/9999']);
	const second = await run();
	assert.deepEqual(counts(second.logs), { read: 0, unchanged: files });
	assert.deepEqual(unchangedBy(second.logs), { stamp: files, content: 0 }, 'no file read: each one\'s stamp is unchanged');

	// The same size, the modification time put back: only the change time tells, and it is enough.
	const before = statSync(cited);
	writeFileSync(cited, CITED_LETTER.replace('S/2020/9999', 'S/2020/9998'));
	utimesSync(cited, longAgo, longAgo);
	assert.equal(statSync(cited).size, before.size);
	assert.equal(statSync(cited).mtimeMs, before.mtimeMs);
	// Touched without a change, and written again with the same bytes: read and hashed, not parsed again.
	utimesSync(touched, new Date(), new Date());
	writeFileSync(rewritten, readFileSync(rewritten));
	const third = await run();
	assert.deepEqual(counts(third.logs), { read: 1, unchanged: files - 1 }, 'the letter changed in place is parsed again');
	assert.deepEqual(unchangedBy(third.logs), { stamp: files - 3, content: 2 });
	assert.deepEqual(third.symbols, ['S/2020/9998']);

	// A file whose times are not older than the moment it is looked at (here a modification time in the future; as
	// for a file written in the same clock tick as it is read) never has its stamp trusted: it is hashed at every
	// start, though it did not change. (Whether the three files above were settled when the last run looked at them
	// depends on how long it took to start, so the next run only settles them.)
	const future = folder.file('003_f2b05f08a456e9bf.txt');
	utimesSync(future, longAgo, new Date(Date.now() + 3_600_000));
	await settled(letters.filter((path) => path !== future));
	assert.equal(counts((await run()).logs).read, 0);
	const fifth = await run();
	assert.deepEqual(counts(fifth.logs), { read: 0, unchanged: files });
	assert.deepEqual(unchangedBy(fifth.logs), { stamp: files - 1, content: 1 }, 'the file with a time in the future is hashed again');
	assert.deepEqual(fifth.symbols, ['S/2020/9998']);
}));

test('a restart from the stored index keeps the identities sidecars give, and sees the sidecars and letters added or removed since', () => withFolder(async (folder) => {
	const cacheHome = freshCache();
	const unnamed = (day: number, masthead?: string) => makeLetter({ masthead, distributed: `${day} May 2021`, title: `Letter dated ${day - 1} May 2021 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General` });
	const sidecar = (file: string, symbol: string) => ['version: 1', 'document:', `  file: ${file}`, `  symbol: ${symbol}`, 'annotations: []', ''].join('\n');
	folder.write('unnamed.txt', unnamed(5));
	folder.write('unnamed.txt.annotations.yaml', sidecar('unnamed.txt', 'S/2021/4242'));
	folder.write('other.txt', unnamed(6));
	folder.write('removed.txt', unnamed(7, 'S/2021/4545'));
	const longAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
	const all = () => readdirSync(folder.path).map((name) => folder.file(name));
	for (const path of all()) {
		utimesSync(path, longAgo, longAgo);
	}
	await settled(all());
	const run = () => restartedSymbols(folder, cacheHome, 'S/2021/4');
	const first = await run();
	assert.deepEqual(first.symbols, ['S/2021/4242', 'S/2021/4545']);
	const second = await run();
	assert.equal(counts(second.logs).read, 0);
	assert.deepEqual(second.symbols, first.symbols, 'the sidecar identity of a letter taken from the store unread');

	// Between runs: a sidecar added to a letter that did not change, one removed, a letter added and one removed.
	folder.write('other.txt.annotations.yaml', sidecar('other.txt', 'S/2021/4343'));
	rmSync(folder.file('unnamed.txt.annotations.yaml'));
	folder.write('added.txt', unnamed(8, 'S/2021/4444'));
	rmSync(folder.file('removed.txt'));
	const third = await run();
	assert.deepEqual(counts(third.logs).read, 1, 'only the added letter is read');
	assert.deepEqual(third.symbols, ['S/2021/4343', 'S/2021/4444']);
}));

test('the server bundle\'s code cache is made in the cache folder and used at the next start; a corrupt one is discarded with a log line', () => withFolder(async (folder) => {
	const cacheHome = freshCache();
	const codeCaches = () => readdirSync(join(cacheHome, 'diplomatic-letters', 'code-cache')).map((name) => join(cacheHome, 'diplomatic-letters', 'code-cache', name));
	const reference = await answers({ folder, cacheHome });
	const [file] = codeCaches();
	assert.ok(file?.endsWith('.cache'), 'a code cache in the cache folder');
	const made = readFileSync(file);
	const used = await answers({ folder, cacheHome });
	assert.ok(!used.logs.some((line) => /code cache/.test(line)), used.logs.join('\n'));
	assert.deepEqual(readFileSync(file), made, 'a start that used the cache leaves it as it was');
	assert.deepEqual(used.diagnostics, reference.diagnostics);

	const corrupt = Buffer.from(made);
	corrupt[corrupt.length - 20] ^= 0xff;
	writeFileSync(file, corrupt);
	const afterCorrupt = await answers({ folder, cacheHome });
	assert.ok(afterCorrupt.logs.some((line) => /code cache .* is corrupt .*: it is discarded and made again/.test(line)), afterCorrupt.logs.join('\n'));
	assert.deepEqual(afterCorrupt.diagnostics, reference.diagnostics);
	assert.deepEqual(afterCorrupt.problems, reference.problems);
	assert.deepEqual(codeCaches(), [file]);
	assert.notDeepEqual(readFileSync(file), corrupt, 'made again');
}));
