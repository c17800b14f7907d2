// `npm run bench`, the command line's figures (issue 10): `check --format json` over the benchmark record (about ten
// letters a day over the years, record.ts) of 10,000 and 30,000 letters — and 100,000 with BENCH_100K=1 — cold (no
// cache) and warm (`--cache`), with its time per letter, its peak memory (resident, worker threads included) and the
// time `rg -o '[AS]/[0-9A-Z.]+(/[0-9A-Z.]+)*'` takes over the same files in the same run, with the ratio; then the
// one-day stress case (300 letters on one date) and the parse time of a 15 KB and a 200 KB letter.
// BENCH_SIZES=10000,30000 sets the sizes. The corpora are generated once into bench-corpus/ and reused.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseLetter } from '../../server/src/engine/letter/parseLetter';
import { loadReferenceData } from '../../server/src/node/referenceDataFile';
import { buildLongLetter } from './corpus';
import { benchSizes, oneDayCorpus, recordCorpus } from './corpora';
import { mib, ms, percentile } from './stats';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
/** The pattern of the issue: every symbol-shaped string, the floor of any tool that reads the same files. */
const RG_PATTERN = '[AS]/[0-9A-Z.]+(/[0-9A-Z.]+)*';

interface Timed {
	readonly ms: number;
	readonly peak: number;
	readonly results: number;
	readonly status: number | null;
}

/** Runs `check --format json` over a folder, output to a file (so the bench holds none of it), with its peak memory. */
function timeCheck(dir: string, extra: readonly string[], env: NodeJS.ProcessEnv = {}): Timed {
	const scratch = mkdtempSync(join(tmpdir(), 'dl-bench-'));
	const memoryFile = join(scratch, 'peak');
	const outFile = join(scratch, 'out.json');
	const out = openSync(outFile, 'w');
	const start = performance.now();
	const run = spawnSync(process.execPath, ['--require', join(__dirname, 'peakMemory.cjs'), cli, 'check', dir, '--format', 'json', ...extra], {
		env: { ...process.env, ...env, BENCH_PEAK_MEMORY_FILE: memoryFile }, stdio: ['ignore', out, 'pipe'], encoding: 'utf8',
	});
	const elapsed = performance.now() - start;
	closeSync(out);
	if (run.status !== 0 && run.status !== 1) {
		throw new Error(`check failed (exit ${run.status}): ${run.stderr}`);
	}
	const output = readFileSync(outFile, 'utf8');
	const results = output.split('\n').filter((line) => line.startsWith('    "code": ')).length;
	const peak = Number(readFileSync(memoryFile, 'utf8'));
	rmSync(scratch, { recursive: true, force: true });
	return { ms: elapsed, peak, results, status: run.status };
}

/** `rg -o PATTERN` over a folder, its matches counted; undefined when ripgrep is not installed. */
function timeRipgrep(dir: string): { ms: number; matches: number } | undefined {
	const start = performance.now();
	const run = spawnSync('rg', ['-o', RG_PATTERN, dir], { maxBuffer: 4 * 1024 * 1024 * 1024, encoding: 'utf8' });
	const elapsed = performance.now() - start;
	if (run.error) {
		return undefined;
	}
	let matches = 0;
	for (let at = run.stdout.indexOf('\n'); at >= 0; at = run.stdout.indexOf('\n', at + 1)) {
		matches++;
	}
	return { ms: elapsed, matches };
}

function timeParse(text: string, runs: number): { median: number; p95: number } {
	const data = loadReferenceData();
	for (let i = 0; i < 5; i++) {
		parseLetter(text, data);
	}
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		parseLetter(text, data);
		samples.push(performance.now() - start);
	}
	return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

const perLetter = (total: number, letters: number) => `${((total * 1000) / letters).toFixed(0)} µs`;

function main(): void {
	if (!existsSync(cli)) {
		console.error('dist/cli.js is missing: run `npm run build` first (npm run bench does).');
		process.exitCode = 2;
		return;
	}
	const rows: string[] = [];
	for (const size of benchSizes()) {
		const record = recordCorpus(size);
		console.log(`check over the record of ${size.toLocaleString('en')} letters (${mib(record.bytes)}, ${record.firstDay} to ${record.lastDay}) …`);
		const cold = timeCheck(record.dir, []);
		const cacheHome = mkdtempSync(join(tmpdir(), 'dl-bench-cache-'));
		timeCheck(record.dir, ['--cache'], { XDG_CACHE_HOME: cacheHome });
		const warm = timeCheck(record.dir, ['--cache'], { XDG_CACHE_HOME: cacheHome });
		rmSync(cacheHome, { recursive: true, force: true });
		const rg = timeRipgrep(record.dir);
		const ratio = rg ? `${(cold.ms / rg.ms).toFixed(1)}× (${ms(rg.ms)}, ${rg.matches.toLocaleString('en')} matches)` : 'rg not installed (apt-get install ripgrep)';
		rows.push(`| ${size.toLocaleString('en')} | ${ms(cold.ms)} | ${perLetter(cold.ms, size)} | ${ratio} | ${mib(cold.peak)} | ${ms(warm.ms)} | ${cold.results.toLocaleString('en')} |`);
	}
	const oneDay = oneDayCorpus(300);
	const stress = timeCheck(oneDay.dir, []);

	const small = buildLongLetter(15 * 1024);
	const large = buildLongLetter(200 * 1024);
	const smallTimes = timeParse(small, 300);
	const largeTimes = timeParse(large, 40);

	console.log('');
	console.log('`check --format json`, cold (no cache) and warm (`--cache`, nothing changed); aims at 10,000: ≤ 1.5 s and ≤ 20× rg; time per letter flat; peak ≤ 1.5 GiB at 100,000');
	console.log('');
	console.log('| letters | check, cold | per letter | check / rg | peak memory | check --cache, warm | diagnostics |');
	console.log('| ---: | ---: | ---: | --- | ---: | ---: | ---: |');
	for (const row of rows) {
		console.log(row);
	}
	console.log('');
	console.log(`| figure | value |`);
	console.log(`| --- | --- |`);
	console.log(`| check, one-day stress case (300 letters on one date) | ${ms(stress.ms)} (${stress.results} diagnostics, peak ${mib(stress.peak)}) |`);
	console.log(`| parse, ${Math.round(Buffer.byteLength(small) / 1024)} KB letter | median ${ms(smallTimes.median)}, p95 ${ms(smallTimes.p95)} |`);
	console.log(`| parse, ${Math.round(Buffer.byteLength(large) / 1024)} KB letter | median ${ms(largeTimes.median)}, p95 ${ms(largeTimes.p95)} |`);
}

main();
