// The measurement behind the choice of the persistent index's store (ARCHITECTURE.md, "The persistent index"): the
// compact entries of the record of N letters (BENCH_LETTERS, default 10,000), as `check --cache` stores them, written
// and read back whole (a restart reads them all) with v8.serialize into one file, with JSON into one file, and — when
// better-sqlite3 can be loaded (it is not a dependency: BENCH_SQLITE=/path/to/node_modules/better-sqlite3) — as rows
// of an embedded SQLite database, one per letter (the entry v8-serialized in a BLOB), in one transaction.
//   node --import tsx scripts/bench/storeBench.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { recordCorpus } from './corpora';
import { mib, ms } from './stats';

const count = Number(process.env.BENCH_LETTERS ?? 10000);
const ROUNDS = 3;

interface Stored {
	readonly paths: readonly (readonly [string, string])[];
	readonly entries: readonly (readonly [string, unknown])[];
}

/** The entries `check --cache` stores for the record, read from the file it writes. */
function storedEntries(scratch: string): Stored {
	const corpus = recordCorpus(count);
	const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
	const run = spawnSync(process.execPath, [cli, 'check', corpus.dir, '--cache'], { env: { ...process.env, XDG_CACHE_HOME: scratch }, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
	if (run.status !== 0 && run.status !== 1) {
		throw new Error(`check --cache failed: ${run.stderr}`);
	}
	const folder = join(scratch, 'diplomatic-letters');
	const [file] = readdirSync(folder);
	const bytes = readFileSync(join(folder, file));
	return deserialize(bytes.subarray(bytes.indexOf(10, 30) + 1)) as Stored;
}

function best(run: () => void): number {
	let fastest = Number.POSITIVE_INFINITY;
	for (let i = 0; i < ROUNDS; i++) {
		const start = performance.now();
		run();
		fastest = Math.min(fastest, performance.now() - start);
	}
	return fastest;
}

interface SqliteDatabase {
	exec(sql: string): void;
	prepare(sql: string): { run(...values: unknown[]): void; all(): { path: string; hash: string; entry: Buffer }[] };
	transaction(body: () => void): () => void;
	close(): void;
}

function main(): void {
	const scratch = mkdtempSync(join(tmpdir(), 'dl-store-bench-'));
	try {
		const stored = storedEntries(scratch);
		console.log(`The compact entries of ${stored.entries.length.toLocaleString('en')} letters (best of ${ROUNDS}):`);
		console.log('| store | file size | write | read back |');
		console.log('| --- | ---: | ---: | ---: |');
		const v8File = join(scratch, 'v8.index');
		const v8Write = best(() => writeFileSync(v8File, serialize(stored)));
		const v8Read = best(() => {
			deserialize(readFileSync(v8File));
		});
		console.log(`| v8.serialize, one file | ${mib(statSync(v8File).size)} | ${ms(v8Write)} | ${ms(v8Read)} |`);
		const jsonFile = join(scratch, 'index.json');
		const jsonWrite = best(() => writeFileSync(jsonFile, JSON.stringify(stored)));
		const jsonRead = best(() => {
			JSON.parse(readFileSync(jsonFile, 'utf8'));
		});
		console.log(`| JSON, one file | ${mib(statSync(jsonFile).size)} | ${ms(jsonWrite)} | ${ms(jsonRead)} |`);
		if (!process.env.BENCH_SQLITE) {
			console.log('| SQLite (better-sqlite3) | set BENCH_SQLITE to its package folder to measure | | |');
			return;
		}
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const Database = require(process.env.BENCH_SQLITE) as new (file: string) => SqliteDatabase;
		const sqliteFile = join(scratch, 'index.sqlite');
		const entries = new Map(stored.entries);
		const sqliteWrite = best(() => {
			rmSync(sqliteFile, { force: true });
			const db = new Database(sqliteFile);
			db.exec('PRAGMA journal_mode = WAL; CREATE TABLE letters (path TEXT PRIMARY KEY, hash TEXT, entry BLOB)');
			const insert = db.prepare('INSERT INTO letters VALUES (?, ?, ?)');
			db.transaction(() => {
				for (const [path, hash] of stored.paths) {
					insert.run(path, hash, serialize(entries.get(hash)));
				}
			})();
			db.close();
		});
		const sqliteRead = best(() => {
			const db = new Database(sqliteFile);
			for (const row of db.prepare('SELECT path, hash, entry FROM letters').all()) {
				deserialize(row.entry);
			}
			db.close();
		});
		console.log(`| SQLite (better-sqlite3), a row per letter | ${mib(statSync(sqliteFile).size)} | ${ms(sqliteWrite)} | ${ms(sqliteRead)} |`);
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

main();
