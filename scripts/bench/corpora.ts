// The benchmark corpora, generated once into bench-corpus/ and reused while their generator is unchanged: the record
// of N letters (record.ts) and the one-day stress case. Shared by `npm run bench`, the server bench and
// `npm run same-output`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedRecord } from './record';
import { generateOneDay, generateRecord } from './record';

const corpusRoot = join(__dirname, '..', '..', 'bench-corpus');

/** A generated corpus and where it is. */
export interface Corpus extends GeneratedRecord {
	readonly dir: string;
}

function generated(dir: string, generate: (dir: string) => GeneratedRecord): Corpus {
	const marker = join(dir, '.complete');
	if (existsSync(marker)) {
		const made = JSON.parse(readFileSync(marker, 'utf8') || '{}') as Partial<GeneratedRecord>;
		if (Array.isArray(made.paths)) {
			return { dir, ...(made as GeneratedRecord) };
		}
	}
	const started = Date.now();
	const record = generate(dir);
	console.log(`  generated ${record.paths.length.toLocaleString('en')} letters in ${dir} (${Date.now() - started} ms)`);
	writeFileSync(marker, JSON.stringify(record));
	return { dir, ...record };
}

/** The record of `count` letters (bench-corpus/record-N). */
export function recordCorpus(count: number): Corpus {
	return generated(join(corpusRoot, `record-${count}`), (dir) => generateRecord(dir, count));
}

/** The one-day stress case of `count` letters (bench-corpus/one-day-N). */
export function oneDayCorpus(count: number): Corpus {
	return generated(join(corpusRoot, `one-day-${count}`), (dir) => generateOneDay(dir, count));
}

/** The sizes of the record to measure: BENCH_SIZES (comma-separated), else 10,000 and 30,000, and 100,000 with BENCH_100K=1. */
export function benchSizes(env: NodeJS.ProcessEnv = process.env): number[] {
	if (env.BENCH_SIZES) {
		return env.BENCH_SIZES.split(',').map(Number).filter((size) => Number.isInteger(size) && size > 0);
	}
	return env.BENCH_100K === '1' ? [10000, 30000, 100000] : [10000, 30000];
}
