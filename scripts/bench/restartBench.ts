// The restart figure alone (issue 10: every letter indexed ≤ 1 s at 10,000 letters, ≤ 5 s at 100,000): a server on
// the benchmark record with its stored index in place — made by one cold run first when the cache folder holds none —
// is started RESTART_RUNS times (default 3); each run prints the time from spawning the server to the `ready` status,
// the server's CPU time by then (and its main thread's: the restart's critical path on a quiet machine), its resident
// memory half a second later and its indexing log line.
//   BENCH_SIZES=100000 RESTART_RUNS=2 node --import tsx scripts/bench/restartBench.ts   (after `npm run build`)
// Memory is read 0.5 s after "ready" and again 10 s later (RESTART_SETTLE_MS), when the work left for after it has settled.
// RESTART_CACHE names the cache folder to keep between invocations (default /tmp/dl-restart-cache-<size>), so that
// the cold run, long at 100,000 letters, is made once.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FixtureFolder } from '../../test/protocol/serverHarness';
import { startServer, uriOf } from '../../test/protocol/serverHarness';
import { benchSizes, recordCorpus } from './corpora';
import { mib, ms } from './stats';

const [size] = benchSizes({ BENCH_SIZES: process.env.BENCH_SIZES ?? '10000' });
const runs = Number(process.env.RESTART_RUNS ?? 3);
const cacheHome = process.env.RESTART_CACHE ?? join(tmpdir(), `dl-restart-cache-${size}`);
const LONG_TIMEOUT_MS = 3_600_000;
/** How long after "ready" the settled memory is read. */
const SETTLE_MS = Number(process.env.RESTART_SETTLE_MS ?? 10_000);

function folderOf(dir: string): FixtureFolder {
	return { path: dir, uri: uriOf(dir), file: (name) => join(dir, name), write: () => '', dispose: () => undefined };
}

/** User and system CPU time (ms; Linux) of a process, worker threads included, or of its main thread alone (`thread`). */
function cpuTime(pid: number, thread?: number): number {
	const fields = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

function residentMemory(pid: number): number {
	return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) * 1024;
}

async function main(): Promise<void> {
	const corpus = recordCorpus(size);
	mkdirSync(cacheHome, { recursive: true });
	const stored = join(cacheHome, 'diplomatic-letters');
	const first = existsSync(stored) && readdirSync(stored).some((name) => name.endsWith('.index')) ? 0 : -1;
	for (let run = first; run < runs; run++) {
		const started = performance.now();
		const server = await startServer({ folder: folderOf(corpus.dir), cacheHome });
		const status = await server.waitFor('the full index', () => server.statuses.find((item) => item.state === 'ready'), LONG_TIMEOUT_MS);
		const took = performance.now() - started;
		const pid = server.process.pid ?? 0;
		const cpu = cpuTime(pid);
		const mainThread = cpuTime(pid, pid);
		await new Promise((resolve) => setTimeout(resolve, 500));
		const log = server.logMessages.filter((line) => line.startsWith('Indexed ') || line.includes('stored index')).join(' | ');
		const atReady = residentMemory(pid);
		// Work the restart leaves for after "ready" (the tables entered in the background, the problem count) settles.
		await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
		console.log(`${run < 0 ? 'cold index' : 'restart'}: ${status.letters.toLocaleString('en')} letters indexed in ${ms(took)} (server CPU ${ms(cpu)}, of it the main thread ${ms(mainThread)}), ${mib(atReady)} resident, ${mib(residentMemory(pid))} ${SETTLE_MS / 1000} s later; ${log}`);
		await server.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	// The server child and the connection would keep the process alive.
	process.exit(2);
});
