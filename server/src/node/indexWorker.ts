/**
 * The worker thread of the reader pool (`dist/indexWorker.js`): answers each batch of files with their results
 * (`letterReader.ts`), loading the reference data once.
 */
import { parentPort } from 'node:worker_threads';
import { readLetterForIndex } from './letterReader';
import type { WorkerAnswer, WorkerBatch } from './readerPool';
import { loadReferenceData } from './referenceDataFile';

const data = loadReferenceData();

parentPort?.on('message', (batch: WorkerBatch) => {
	const results = batch.requests.map((request) => readLetterForIndex(request, data));
	parentPort?.postMessage({ id: batch.id, results } satisfies WorkerAnswer);
});
