// The reader pool answers every request exactly once, with what reading it on the calling thread gives, however the
// work is shared: the calling thread alone, workers alone, or workers with the calling thread helping; and a
// cancellation stops it early without answering a request twice. Uses the built worker script (dist/indexWorker.js).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { LetterReadRequest, LetterReadResult } from '../../../server/src/node/letterReader';
import { readLetterForIndex } from '../../../server/src/node/letterReader';
import type { IndexedResult } from '../../../server/src/node/readerPool';
import { batchSize, ReaderPool, startWorkersEarly, stopWorkersStartedEarly, workerCount } from '../../../server/src/node/readerPool';
import { referenceData } from '../helpers/fixtures';

const ROOT = join(__dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'dist', 'indexWorker.js');
const REAL_DIR = join(ROOT, 'test', 'fixtures', 'real');

/** The real letters, each several times, and a file that is not there: more requests than a few batches. */
function requests(): LetterReadRequest[] {
	const paths = readdirSync(REAL_DIR).filter((name) => name.endsWith('.txt')).map((name) => join(REAL_DIR, name));
	return [...paths, ...paths, ...paths, join(REAL_DIR, 'no-such-letter.txt')].map((path) => ({ path, maxFileSize: 2048 * 1024, hash: true, sidecar: false }));
}

async function readAll(pool: ReaderPool, all: readonly LetterReadRequest[], cancelled?: () => boolean): Promise<(LetterReadResult | undefined)[]> {
	const results = new Array<LetterReadResult | undefined>(all.length);
	const onResults = (batch: readonly IndexedResult[]) => {
		for (const { at, result } of batch) {
			assert.equal(results[at], undefined, `request ${at} answered twice`);
			results[at] = result;
		}
	};
	try {
		await pool.read(all, onResults, cancelled);
	} finally {
		await pool.close();
	}
	return results;
}

describe('ReaderPool', { skip: existsSync(SCRIPT) ? false : 'needs the build (npm run build)' }, () => {
	const all = requests();
	const expected = all.map((request) => readLetterForIndex(request, referenceData));

	for (const [threads, help] of [[0, false], [0, true], [1, false], [2, false], [1, true], [2, true]] as const) {
		it(`answers every request once, as the calling thread does: ${threads} worker(s)${help ? ', the calling thread helping' : ''}`, async () => {
			const pool = new ReaderPool(threads, referenceData, { script: SCRIPT, help });
			assert.equal(pool.threads, threads);
			assert.deepEqual(await readAll(pool, all), expected);
		});
	}

	it('close({ untilEnded: true }) resolves once its worker threads have ended (the server reports "ready" after it)', { skip: existsSync('/proc/self/task') ? false : 'counts the threads of /proc (Linux)' }, async () => {
		// The threads are told apart by their ids: the process may start a thread of its own meanwhile (the runtime's
		// helpers), which must not be taken for one of the pool's.
		const threads = () => new Set(readdirSync('/proc/self/task'));
		await new Promise((resolve) => setTimeout(resolve, 300));
		const before = threads();
		const pool = new ReaderPool(2, referenceData, { script: SCRIPT, help: false });
		await pool.read(all.slice(0, 4), () => undefined);
		const started = [...threads()].filter((thread) => !before.has(thread));
		assert.ok(started.length >= 2, 'two worker threads run while the pool reads');
		await pool.close({ untilEnded: true });
		const after = threads();
		const left = started.filter((thread) => after.has(thread)).length;
		assert.ok(left <= started.length - 2, `${left} of the ${started.length} threads started while the pool read still there after close`);
	});

	for (const [early, threads] of [[2, 1], [1, 2], [1, 0]] as const) {
		it(`answers as the calling thread does with ${early} worker(s) started before the pool, which uses ${threads}`, async () => {
			startWorkersEarly(early, SCRIPT);
			const pool = new ReaderPool(threads, referenceData, { script: SCRIPT, help: true });
			assert.equal(pool.threads, threads);
			assert.deepEqual(await readAll(pool, all), expected);
		});
	}

	it('stops the workers started early that no pool took, and no pool takes them after', async () => {
		startWorkersEarly(2, SCRIPT);
		assert.equal(stopWorkersStartedEarly(), 2);
		assert.equal(stopWorkersStartedEarly(), 0);
		startWorkersEarly(1, SCRIPT);
		new ReaderPool(0, referenceData, { script: SCRIPT });
		assert.equal(stopWorkersStartedEarly(), 0, 'the next pool stopped the thread it did not use');
		// A pool made after starts a thread of its own, and reads as before.
		const pool = new ReaderPool(1, referenceData, { script: SCRIPT });
		assert.deepEqual(await readAll(pool, all), expected);
	});

	it('fails the read, never hangs, when a worker started early cannot run', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'dl-pool-'));
		const broken = join(folder, 'brokenWorker.js');
		writeFileSync(broken, "throw new Error('this worker cannot start');\n");
		try {
			startWorkersEarly(1, broken);
			const pool = new ReaderPool(1, referenceData, { script: broken });
			await assert.rejects(readAll(pool, all), /this worker cannot start/);
		} finally {
			stopWorkersStartedEarly();
			rmSync(folder, { recursive: true, force: true });
		}
	});

	it('stops early when cancelled, answering nothing twice', async () => {
		let answered = 0;
		const pool = new ReaderPool(1, referenceData, { script: SCRIPT, help: true });
		const results = await readAll(pool, all, () => answered++ > 3);
		const count = results.filter((result) => result !== undefined).length;
		assert.ok(count > 0 && count < all.length, `${count} of ${all.length} answered`);
	});

	it('counts one worker fewer when the calling thread helps', () => {
		assert.equal(workerCount(10, '3', true), 3, 'a forced count is kept');
		assert.equal(workerCount(10, undefined, true), 0, 'a small folder is read on the calling thread');
		assert.equal(workerCount(10_000, undefined, true), workerCount(10_000, undefined, false) - 1);
	});

	it('sends batches that shrink as the files run out, so that no thread is left alone with two large batches', () => {
		assert.equal(batchSize(10_000, 2), 24, 'the largest batch while much is left');
		assert.equal(batchSize(1, 3), 1, 'never an empty batch');
		fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 16 }), (remaining, threads) => {
			const size = batchSize(remaining, threads);
			assert.ok(size >= 1 && size <= 24 && size <= remaining);
			// Two batches in flight hold at most half a thread's share of what is left (or one file each).
			assert.ok(size === 1 || 2 * size <= remaining / (2 * threads));
		}));
	});
});
