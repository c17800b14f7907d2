/**
 * Indexing files over the cores: a fixed pool of worker threads (`dist/indexWorker.js`), each reading, hashing and
 * parsing files and sending back compact entries only (no text, no full model, so what crosses threads is small).
 * Files go out in batches, two per worker in flight, and results come back batch by batch in the order they are
 * ready; the caller indexes them as they come (the index never depends on the order). Without workers (a small
 * folder, a single core, `DIPLOMATIC_LETTERS_WORKERS=0`, or no worker script beside the bundle) the same work runs on
 * the calling thread, in slices that leave the event loop free between them. A caller with nothing else to do (the
 * command line) has the calling thread take batches too ({@link PoolOptions.help}): one core's work then needs no
 * thread of its own, no second copy of the program and the data, and no copying of its entries between threads.
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

/** Files per batch at most: enough that a message carries real work, few enough that results arrive steadily. */
const BATCH = 24;
/** Files the calling thread reads between two looks at the workers' answers, when it helps. */
const HELP_BATCH = 4;
/** Below this many files, starting threads costs more than it saves. */
const POOL_THRESHOLD = 200;
/** How long one slice of work on the calling thread may run before yielding (ms). */
const SLICE_MS = 8;

/**
 * The size of the next batch when `remaining` files are left for `threads` threads: the largest batch while there
 * is much left, then a quarter of each thread's share, so that a worker never holds more than about half its share in
 * its two batches in flight (guided self-scheduling). With fixed batches the last ones kept one thread at work for the
 * length of two batches after the others had run out.
 */
export function batchSize(remaining: number, threads: number): number {
	return Math.max(1, Math.min(BATCH, Math.floor(remaining / (4 * Math.max(1, threads)))));
}

/** The worker script beside the bundle (absent when running from the sources). */
export const WORKER_SCRIPT = join(__dirname, 'indexWorker.js');

/**
 * How many worker threads to use for `files` files: `DIPLOMATIC_LETTERS_WORKERS` when set (0 = the calling thread),
 * else none for a small folder and one per core otherwise (at most 4); `helping`: the calling thread reads too
 * ({@link PoolOptions.help}), so one core fewer needs a worker.
 */
export function workerCount(files: number, configured = process.env.DIPLOMATIC_LETTERS_WORKERS, helping = false): number {
	const forced = configured === undefined || configured === '' ? Number.NaN : Number(configured);
	if (Number.isInteger(forced) && forced >= 0) {
		return Math.min(forced, 16);
	}
	const cores = Math.min(4, availableParallelism());
	return files < POOL_THRESHOLD ? 0 : helping ? cores - 1 : Math.max(1, cores);
}

/** How a {@link ReaderPool} works. */
export interface PoolOptions {
	/** The worker script (default: the one beside the bundle). */
	readonly script?: string;
	/**
	 * The calling thread reads batches too, between its looks at the workers' answers (a few files at a time, so that
	 * no worker waits long for its next batch). For a caller whose event loop has nothing else to answer meanwhile.
	 */
	readonly help?: boolean;
}

/** A worker thread started ahead of its pool, and whether it failed meanwhile (then it is not used). */
interface EarlyWorker {
	readonly worker: Worker;
	failed: boolean;
}

/** The worker threads started by {@link startWorkersEarly}, by script, until a pool takes them. */
const early = new Map<string, EarlyWorker[]>();

/**
 * Starts `count` worker threads now for the next {@link ReaderPool} of the same script: a caller that knows a large
 * read is coming (the command line on a folder) has them load the program and the reference data while it finds the
 * files, instead of after. The next pool takes them (as many as it uses) and stops the others.
 */
export function startWorkersEarly(count: number, script = WORKER_SCRIPT): void {
	if (count <= 0 || !existsSync(script)) {
		return;
	}
	const started = early.get(script) ?? [];
	while (started.length < count) {
		const entry: EarlyWorker = { worker: new Worker(script), failed: false };
		// Until a pool listens, a failure only marks the thread: the pool starts another in its place.
		entry.worker.once('error', () => {
			entry.failed = true;
		});
		entry.worker.unref();
		started.push(entry);
	}
	early.set(script, started);
}

/**
 * Stops the threads {@link startWorkersEarly} started that no pool took (the read they were for did not happen);
 * returns how many it stopped.
 */
export function stopWorkersStartedEarly(): number {
	let stopped = 0;
	for (const started of early.values()) {
		for (const { worker } of started) {
			void worker.terminate();
			stopped++;
		}
	}
	early.clear();
	return stopped;
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
	private readonly help: boolean;

	constructor(threads: number, private readonly data: ReferenceData, options: PoolOptions = {}) {
		const script = options.script ?? WORKER_SCRIPT;
		this.help = options.help === true;
		const started = (early.get(script) ?? []).filter((entry) => !entry.failed);
		early.delete(script);
		if (threads > 0 && existsSync(script)) {
			for (let i = 0; i < threads; i++) {
				const worker = started.shift()?.worker ?? new Worker(script);
				// From here a failure is the pool's, as for a thread it starts itself (see `read`).
				worker.removeAllListeners('error');
				worker.unref();
				this.workers.push(worker);
			}
		}
		for (const { worker } of started) {
			void worker.terminate();
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
		// The workers take batches from the front, smaller as the files run out (so that all threads finish together); a
		// helping calling thread takes a few files at a time from the back.
		const threads = this.workers.length + (this.help ? 1 : 0);
		const starts = new Map<number, number>();
		let nextId = 0;
		let next = 0;
		let end = requests.length;
		let pending = 0;
		let helping = this.help;
		let failure: unknown;
		await new Promise<void>((resolve) => {
			const finishIfDone = () => {
				if (pending === 0 && !helping) {
					resolve();
				}
			};
			const send = (worker: Worker) => {
				if (next >= end || cancelled() || failure !== undefined) {
					finishIfDone();
					return;
				}
				const size = batchSize(end - next, threads);
				const id = nextId++;
				starts.set(id, next);
				pending++;
				worker.postMessage({ id, requests: requests.slice(next, next + size) } satisfies WorkerBatch);
				next += size;
			};
			const helpHere = () => {
				const from = Math.max(next, end - HELP_BATCH);
				if (from >= end || cancelled() || failure !== undefined) {
					helping = false;
					finishIfDone();
					return;
				}
				const results: IndexedResult[] = [];
				for (let at = from; at < end; at++) {
					results.push({ at, result: readLetterForIndex(requests[at], this.data) });
				}
				end = from;
				try {
					onResults(results);
				} catch (error) {
					failure ??= error;
				}
				setImmediate(helpHere);
			};
			for (const worker of this.workers) {
				const onMessage = (answer: WorkerAnswer) => {
					const start = starts.get(answer.id) ?? 0;
					starts.delete(answer.id);
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
					helping = false;
					resolve();
				};
				worker.on('message', onMessage);
				worker.on('error', onError);
				worker.ref();
				send(worker);
				send(worker);
			}
			if (helping) {
				setImmediate(helpHere);
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

	/**
	 * Stops the worker threads. By default resolves as soon as each is told to stop, without waiting for them to end
	 * (a thread tearing down its heap took 0.1-0.2 s of the command line's time); they hold nothing and are not
	 * referenced. With `untilEnded`, resolves once every thread has ended and its heap is given back: the server
	 * waits for that before it reports "ready", so its memory is not counted twice.
	 */
	async close(options: { untilEnded?: boolean } = {}): Promise<void> {
		const ending = this.workers.splice(0).map((worker) => worker.terminate());
		if (options.untilEnded === true) {
			await Promise.all(ending);
		}
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
