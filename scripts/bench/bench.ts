// `npm run bench`: the engine's figures. Builds a deterministic corpus of letters mixing the real shapes, then prints the
// cold `check` time over it, per-letter parse times for a 15 KB and a 200 KB letter, peak memory, and the time ripgrep
// takes to list every symbol-shaped match in the same files, with the ratio. Set BENCH_LETTERS to change the count.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseLetter } from '../../server/src/engine/letter/parseLetter';
import { loadReferenceData } from '../../server/src/node/referenceDataFile';
import { buildLongLetter, generateCorpus } from './corpus';
import { mib, ms, percentile } from './stats';

const root = join(__dirname, '..', '..');
const corpusDir = join(root, 'bench-corpus');
const count = Number(process.env.BENCH_LETTERS ?? 10000);

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

function main(): void {
	if (!existsSync(join(root, 'dist', 'cli.js'))) {
		console.error('dist/cli.js is missing: run `npm run build` first (npm run bench does).');
		process.exitCode = 2;
		return;
	}
	console.log(`Generating ${count.toLocaleString('en')} letters in bench-corpus/ …`);
	const generationStart = performance.now();
	generateCorpus(corpusDir, count);
	console.log(`  generated in ${ms(performance.now() - generationStart)}`);

	const memoryFile = join(tmpdir(), `dl-bench-memory-${process.pid}`);
	const checkStart = performance.now();
	const check = spawnSync(process.execPath, ['--require', join(__dirname, 'peakMemory.cjs'), join(root, 'dist', 'cli.js'), 'check', corpusDir, '--format', 'json'], {
		env: { ...process.env, BENCH_PEAK_MEMORY_FILE: memoryFile }, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8',
	});
	const checkTime = performance.now() - checkStart;
	if (check.status !== 0 && check.status !== 1) {
		console.error(`check failed (exit ${check.status}): ${check.stderr}`);
		process.exitCode = 1;
		return;
	}
	const diagnostics = (JSON.parse(check.stdout) as unknown[]).length;
	const peak = Number(readFileSync(memoryFile, 'utf8'));
	rmSync(memoryFile, { force: true });

	const rgStart = performance.now();
	const rg = spawnSync('rg', ['--only-matching', '--no-filename', '--no-line-number', '-e', String.raw`\b(?:A|S|E|ST)/[A-Za-z0-9.()/\-–]+`, corpusDir], { maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
	const rgTime = performance.now() - rgStart;
	const rgMatches = rg.error ? undefined : rg.stdout.split('\n').filter(Boolean).length;

	const small = buildLongLetter(15 * 1024);
	const large = buildLongLetter(200 * 1024);
	const smallTimes = timeParse(small, 300);
	const largeTimes = timeParse(large, 40);

	console.log('');
	console.log(`| figure | value |`);
	console.log(`| --- | --- |`);
	console.log(`| letters checked | ${count.toLocaleString('en')} (${diagnostics.toLocaleString('en')} diagnostics) |`);
	console.log(`| cold \`check\` over the corpus | ${ms(checkTime)} |`);
	console.log(`| peak memory of \`check\` | ${mib(peak)} |`);
	console.log(`| parse, ${Math.round(Buffer.byteLength(small) / 1024)} KB letter | median ${ms(smallTimes.median)}, p95 ${ms(smallTimes.p95)} |`);
	console.log(`| parse, ${Math.round(Buffer.byteLength(large) / 1024)} KB letter | median ${ms(largeTimes.median)}, p95 ${ms(largeTimes.p95)} |`);
	if (rgMatches === undefined) {
		console.log('| ripgrep | not installed (apt-get install ripgrep) |');
	} else {
		console.log(`| \`rg\` listing symbol-shaped matches | ${ms(rgTime)} (${rgMatches.toLocaleString('en')} matches) |`);
		console.log(`| check / rg | ${(checkTime / rgTime).toFixed(1)}× (aim: within 5×) |`);
	}
}

main();
