// The V8 code cache of the server's bundle (`server/src/node/codeCache.ts`): a bundle runs the same with or without
// it, a cache is made once and then used, and every way a cache can be wrong — corrupt, cut short, not a cache, made
// for another bundle or Node, rejected by V8 — is discarded with a log line and made again; a folder that cannot be
// written is logged and the bundle still runs.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { codeCacheFile, loadBundle } from '../../../server/src/node/codeCache';

const root = mkdtempSync(join(tmpdir(), 'dl-code-cache-'));
after(() => rmSync(root, { recursive: true, force: true }));

let made = 0;

/** A CommonJS bundle in its own folder: it requires a built-in, reads its own file name and exports a function. */
function bundle(body = 'return `${path.basename(__filename)}:${n * 2}`;'): { path: string; folder: string } {
	const dir = join(root, `bundle-${made++}`);
	const path = join(dir, 'serverMain.js');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(path, `"use strict";\nconst path = require("node:path");\nmodule.exports = { twice(n) { ${body} }, parentOk: typeof module.exports === "object" };\n`);
	return { path, folder: join(dir, 'cache') };
}

function run(path: string, folder: string | undefined, bundleHash: string | null = 'hash-1') {
	const loaded = loadBundle(path, module, { folder, bundleHash: bundleHash ?? undefined });
	const exports = loaded.exports as { twice(n: number): string };
	return { loaded, answer: exports.twice(21) };
}

describe('the code cache of the server bundle', () => {
	it('runs the bundle without a cache, makes one when asked, and uses it at the next start', () => {
		const { path, folder } = bundle();
		const first = run(path, folder);
		assert.equal(first.answer, 'serverMain.js:42');
		assert.equal(first.loaded.fromCache, false);
		assert.deepEqual(first.loaded.log, []);
		assert.deepEqual(first.loaded.save(), []);
		assert.deepEqual(readdirSync(folder), ['serverMain-hash-1.cache']);
		// Saved once a start.
		assert.deepEqual(first.loaded.save(), []);
		const second = run(path, folder);
		assert.equal(second.answer, 'serverMain.js:42');
		assert.equal(second.loaded.fromCache, true);
		assert.deepEqual(second.loaded.log, []);
		const before = readFileSync(codeCacheFile(folder, path, 'hash-1'));
		assert.deepEqual(second.loaded.save(), [], 'a start that used the cache does not write it again');
		assert.deepEqual(readFileSync(codeCacheFile(folder, path, 'hash-1')), before);
	});

	it('runs without a cache when there is no folder or no bundle identity', () => {
		const { path, folder } = bundle();
		for (const [cacheFolder, hash] of [[undefined, 'hash-1'], [folder, null]] as const) {
			const { loaded, answer } = run(path, cacheFolder, hash);
			assert.equal(answer, 'serverMain.js:42');
			assert.equal(loaded.fromCache, false);
			assert.deepEqual(loaded.save(), []);
		}
		assert.throws(() => readdirSync(folder), /ENOENT/);
	});

	it('discards a corrupt cache (a byte changed, cut short, not a cache, a broken header) with a log line, and makes it again', () => {
		const corruptions: [string, (bytes: Buffer) => Buffer, RegExp][] = [
			['a byte changed', (bytes) => {
				const copy = Buffer.from(bytes);
				copy[copy.length - 40] ^= 0xff;
				return copy;
			}, /is corrupt/],
			['cut short', (bytes) => bytes.subarray(0, bytes.length - 100), /is corrupt/],
			['not a cache', () => Buffer.from('just some bytes\n'), /is not a code cache/],
			['a broken header', (bytes) => Buffer.concat([Buffer.from('diplomatic-letters code cache\n{broken\n'), bytes.subarray(bytes.indexOf(10, 30) + 1)]), /has a broken header/],
		];
		for (const [name, corrupt, why] of corruptions) {
			const { path, folder } = bundle();
			run(path, folder).loaded.save();
			const file = codeCacheFile(folder, path, 'hash-1');
			writeFileSync(file, corrupt(readFileSync(file)));
			const { loaded, answer } = run(path, folder);
			assert.equal(answer, 'serverMain.js:42', name);
			assert.equal(loaded.fromCache, false, name);
			assert.equal(loaded.log.length, 1, name);
			assert.match(loaded.log[0], why, name);
			assert.match(loaded.log[0], /discarded and made again/, name);
			assert.deepEqual(loaded.save(), [], name);
			assert.equal(run(path, folder).loaded.fromCache, true, `${name}: made again`);
		}
	});

	it('discards a cache made for another Node, and one V8 rejects, with a log line', () => {
		const { path, folder } = bundle();
		run(path, folder).loaded.save();
		const file = codeCacheFile(folder, path, 'hash-1');
		const bytes = readFileSync(file);
		const headerEnd = bytes.indexOf(10, 30);
		const header = JSON.parse(bytes.subarray(30, headerEnd).toString('utf8')) as Record<string, unknown>;
		const data = bytes.subarray(headerEnd + 1);
		const rewritten = (fields: Record<string, unknown>, payload: Buffer) => Buffer.concat([Buffer.from(`diplomatic-letters code cache\n${JSON.stringify({ ...header, ...fields })}\n`), payload]);
		writeFileSync(file, rewritten({ node: 'v0.0.1' }, data));
		const foreign = run(path, folder);
		assert.equal(foreign.answer, 'serverMain.js:42');
		assert.equal(foreign.loaded.fromCache, false);
		assert.match(foreign.loaded.log[0], /made for another build or another Node: it is discarded/);
		// V8 checks what it can itself: a cache of another source (the bundle changed under the same identity), and data
		// with a right checksum that is no code cache. (Each source is new to this process: V8 does not look at the cached
		// data of a source it has compiled already.)
		const cases: [string, () => void][] = [
			['another source', () => {
				writeFileSync(file, bytes);
				writeFileSync(path, readFileSync(path, 'utf8').replace('n * 2', '(n + n) * 1'));
			}],
			['not a code cache', () => {
				const garbage = Buffer.alloc(data.length, 7);
				writeFileSync(file, rewritten({ sha256: createHash('sha256').update(garbage).digest('hex') }, garbage));
				writeFileSync(path, readFileSync(path, 'utf8').replace('(n + n) * 1', '(n + n) * 1 * 1'));
			}],
		];
		for (const [name, make] of cases) {
			make();
			const rejected = run(path, folder);
			assert.equal(rejected.answer, 'serverMain.js:42', name);
			assert.equal(rejected.loaded.fromCache, false, name);
			assert.equal(rejected.loaded.log.length, 1, name);
			assert.match(rejected.loaded.log[0], /was rejected by this Node's V8 .*: it is discarded and made again/, name);
			assert.throws(() => readFileSync(file), /ENOENT/, `${name}: removed`);
			assert.deepEqual(rejected.loaded.save(), [], name);
			assert.ok(readFileSync(file).length > 0, `${name}: made again`);
		}
	});

	it('keeps one cache per bundle: another build gets its own file, and the older one is removed when it is written', () => {
		const { path, folder } = bundle();
		run(path, folder, 'hash-1').loaded.save();
		writeFileSync(path, readFileSync(path, 'utf8').replace('n * 2', 'n * 2 + 0'));
		const other = run(path, folder, 'hash-2');
		assert.equal(other.answer, 'serverMain.js:42');
		assert.equal(other.loaded.fromCache, false);
		assert.deepEqual(other.loaded.log, []);
		other.loaded.save();
		assert.deepEqual(readdirSync(folder), ['serverMain-hash-2.cache']);
	});

	it('logs a cache folder that cannot be written, and the bundle runs as without a cache', () => {
		const { path, folder } = bundle();
		writeFileSync(folder, 'a file where the folder would be');
		const { loaded, answer } = run(path, folder);
		assert.equal(answer, 'serverMain.js:42');
		assert.equal(loaded.fromCache, false);
		const logged = loaded.save();
		assert.equal(logged.length, 1);
		assert.match(logged[0], /The code cache cannot be stored in .*; the server is compiled again at each start\./);
		assert.equal(readFileSync(folder, 'utf8'), 'a file where the folder would be');
	});
});
