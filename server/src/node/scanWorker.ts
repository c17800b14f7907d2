/**
 * The scan worker (`dist/scanWorker.js`, `folderScan.ts`): walks the folders it is given, looks at each candidate
 * file's stamp and answers once with the flat form of each folder's scan, then ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FolderToScan } from './folderScan';
import { packScan, scanHere } from './folderScan';

const scans = (workerData as readonly FolderToScan[]).map((folder) => packScan(scanHere(folder)));
parentPort?.postMessage(scans, scans.flatMap((scan) => [scan.flags.buffer as ArrayBuffer, scan.stamps.buffer as ArrayBuffer]));
