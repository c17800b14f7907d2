/**
 * Indexing files over the cores: a fixed pool of worker threads (`dist/indexWorker.js`), each reading, hashing and
 * parsing files and sending back compact entries only (no text, no full model, so what crosses threads is small).
 * Files go out in batches, two per worker in flight, and results come back batch by batch in the order they are
 * ready; the caller indexes them as they come (the index never depends on the order). Without workers (a small
 * folder, a single core, `DIPLOMATIC_LETTERS_WORKERS=0`, or no worker script beside the bundle) the same work runs on
 * the calling thread, in slices that leave the event loop free between them.
 *
 * A pool of our own rather than piscina or tinypool: both start their workers from a script inside their own package
 * folder, which the bundled extension does not ship; what is needed here is a queue of batches over a few threads.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReferenceData } from '../engine/sessions/referenceData';
import type { LetterReadRequest, LetterReadResult } from './letterReader';
import { readLetterForIndex } from './letterReader';

/** One result, with the position of its request. */
export interface IndexedResult {
	readonly at: number;
	readonly result: LetterReadResult;
}

/** A batch sent to a worker, and its answer. */
export interface WorkerBatch {
	readonly id: number;
	readonly requests: readonly LetterReadRequest[];
}

/** A worker's answer to a batch. */
export interface WorkerAnswer {
	readonly id: number;
	readonly results: readonly LetterReadResult[];
}

/** Files per batch: enough that a message carries real work, few enough that results arrive steadily. */
const BATCH = 24;
/** Below this many files, starting threads costs more than it saves. */
const POOL_THRESHOLD = 200;
/** How long one slice of work on the calling thread may run before yielding (ms). */
const SLICE_MS = 8;

/** The worker script beside the bundle (absent when running from the sources). */
export const WORKER_SCRIPT = join(__dirname, 'indexWorker.js');

/**
 * How many worker threads to use for `files` files: `DIPLOMATIC_LETTERS_WORKERS` when set (0 = the calling thread),
 * else none for a small folder and one per core otherwise (at most 4).
 */
export function workerCount(files: number, configured = process.env.DIPLOMATIC_LETTERS_WORKERS): number {
	const forced = configured === undefined || configured === '' ? Number.NaN : Number(configured);
	if (Number.isInteger(forced) && forced >= 0) {
		return Math.min(forced, 16);
	}
	return files < POOL_THRESHOLD ? 0 : Math.max(1, Math.min(4, availableParallelism()));
}

function yieldToEventLoop(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** Reads files with worker threads, or on the calling thread. */
export class ReaderPool {
	private readonly workers: Worker[] = [];

	/**
	 * @param threads how many worker threads to start (0: the calling thread does the work)
	 * @param data the reference data (for work on the calling thread; workers load their own)
	 */
	constructor(threads: number, private readonly data: ReferenceData, script = WORKER_SCRIPT) {
		if (threads > 0 && existsSync(script)) {
			for (let i = 0; i < threads; i++) {
				const worker = new Worker(script);
				worker.unref();
				this.workers.push(worker);
			}
		}
	}

	/** The worker threads in use (0 when the calling thread does the work). */
	get threads(): number {
		return this.workers.length;
	}

	/**
	 * Reads every request; `onResults` gets each batch of results as it is ready (in no fixed order). Resolves when all
	 * are read; `cancelled` stops early (what was sent is still answered, nothing more is sent).
	 */
	async read(requests: readonly LetterReadRequest[], onResults: (results: readonly IndexedResult[]) => void, cancelled: () => boolean = () => false): Promise<void> {
		if (this.workers.length === 0) {
			await this.readHere(requests, onResults, cancelled);
			return;
		}
		const batches: { start: number; requests: readonly LetterReadRequest[] }[] = [];
		for (let start = 0; start < requests.length; start += BATCH) {
			batches.push({ start, requests: requests.slice(start, start + BATCH) });
		}
		let next = 0;
		let pending = 0;
		let failure: unknown;
		await new Promise<void>((resolve) => {
			const inFlight = new Map<number, number>();
			const send = (worker: Worker) => {
				if (next >= batches.length || cancelled() || failure !== undefined) {
					if (pending === 0) {
						resolve();
					}
					return;
				}
				const id = next++;
				inFlight.set(id, batches[id].start);
				pending++;
				worker.postMessage({ id, requests: batches[id].requests } satisfies WorkerBatch);
			};
			for (const worker of this.workers) {
				const onMessage = (answer: WorkerAnswer) => {
					const start = inFlight.get(answer.id) ?? 0;
					inFlight.delete(answer.id);
					pending--;
					try {
						onResults(answer.results.map((result, i) => ({ at: start + i, result })));
					} catch (error) {
						failure ??= error;
					}
					send(worker);
				};
				const onError = (error: unknown) => {
					failure ??= error;
					pending = 0;
					resolve();
				};
				worker.on('message', onMessage);
				worker.on('error', onError);
				worker.ref();
				send(worker);
				send(worker);
			}
		}).finally(() => {
			for (const worker of this.workers) {
				worker.removeAllListeners('message');
				worker.removeAllListeners('error');
				worker.unref();
			}
		});
		if (failure !== undefined) {
			throw failure instanceof Error ? failure : new Error('a worker thread of the reader pool failed');
		}
	}

	/** Stops the worker threads. */
	async close(): Promise<void> {
		await Promise.all(this.workers.map((worker) => worker.terminate()));
		this.workers.length = 0;
	}

	private async readHere(requests: readonly LetterReadRequest[], onResults: (results: readonly IndexedResult[]) => void, cancelled: () => boolean): Promise<void> {
		let sliceStart = Date.now();
		let batch: IndexedResult[] = [];
		for (let at = 0; at < requests.length; at++) {
			if (Date.now() - sliceStart >= SLICE_MS) {
				onResults(batch);
				batch = [];
				await yieldToEventLoop();
				if (cancelled()) {
					return;
				}
				sliceStart = Date.now();
			}
			batch.push({ at, result: readLetterForIndex(requests[at], this.data) });
		}
		onResults(batch);
	}
}
