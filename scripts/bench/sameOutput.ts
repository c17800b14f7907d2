// `npm run same-output`: the comparison harness of the performance work. Every optimisation must leave the output
// of the command line byte for byte as it was, so this runs `check --format json`, `check` (text) and
// `letters --format json` over the benchmark record, the one-day stress case, the real letters of
// test/fixtures/real, the five fixture letters and a folder with sidecars (valid, with an identity, broken,
// orphaned, left behind by a rename), with the build of a reference commit (default `main`, built once in a
// detached worktree and kept in .cache/same-output/) and with this worktree's build — in every variant: the
// worker pool forced to 0 (main thread), 1 and 2 workers, and the persistent cache cold then warm — and compares
// stdout, stderr and the exit code. Exit 0 when everything is the same; 1 with the first differences.
//   node --import tsx scripts/bench/sameOutput.ts [--against <git ref>] [--letters N] [--quick]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { oneDayCorpus, recordCorpus } from './corpora';

const root = resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const option = (name: string) => {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
};
const against = option('--against') ?? 'main';
const letters = Number(option('--letters') ?? process.env.BENCH_LETTERS ?? 10000);
const quick = args.includes('--quick');
const work = join(root, '.cache', 'same-output');

function run(command: string, argv: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(command, argv, { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 2 * 1024 * 1024 * 1024 });
	if (result.error) {
		throw result.error;
	}
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Builds the reference commit once (a detached worktree sharing this worktree's node_modules) and returns its cli.js. */
function referenceBuild(): { commit: string; cli: string } {
	const commit = run('git', ['rev-parse', against]).stdout.trim();
	const tree = join(work, `build-${commit.slice(0, 12)}`);
	const cli = join(tree, 'dist', 'cli.js');
	if (!existsSync(cli)) {
		rmSync(tree, { recursive: true, force: true });
		run('git', ['worktree', 'prune']);
		const added = run('git', ['worktree', 'add', '--detach', tree, commit]);
		if (added.status !== 0) {
			throw new Error(`git worktree add failed: ${added.stderr}`);
		}
		symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
		const built = run(process.execPath, ['scripts/build.mjs'], { cwd: tree });
		if (built.status !== 0) {
			throw new Error(`the build of ${commit} failed: ${built.stderr}`);
		}
	}
	return { commit, cli };
}

/** A folder of letters with sidecars in every condition the check reports. */
function annotatedFolder(dir: string): string {
	rmSync(dir, { recursive: true, force: true });
	cpSync(join(root, 'test', 'fixtures', 'letters'), dir, { recursive: true });
	const text = readFileSync(join(dir, '000_c1c47ee4ee510e2c.txt'), 'utf8');
	const quote = text.slice(2000, 2040);
	const sidecar = (file: string, body: string) => writeFileSync(join(dir, `${file}.annotations.yaml`), `version: 1\ndocument:\n  file: ${file}\n${body}`);
	sidecar('000_c1c47ee4ee510e2c.txt', `annotations:\n  - id: a1\n    tags: [found]\n    created: 2026-01-01T00:00:00Z\n    target:\n      exact: ${JSON.stringify(quote)}\n      start: 2000\n      end: 2040\n  - id: a2\n    tags: [gone]\n    created: 2026-01-01T00:00:00Z\n    target:\n      exact: "a passage that is not in the letter at all"\n      start: 10\n      end: 52\n`);
	sidecar('002_f4ff0849ef0a721f.txt', '  symbol: A/74/807-S/2020/303\nannotations: []\n');
	writeFileSync(join(dir, '003_f2b05f08a456e9bf.txt.annotations.yaml'), 'version: 1\ndocument: [broken\n');
	renameSync(join(dir, '004_7b45a96a4a663e52.txt'), join(dir, '004-renamed.txt'));
	sidecar('004_7b45a96a4a663e52.txt', `annotations:\n  - id: b1\n    tags: [moved]\n    created: 2026-01-01T00:00:00Z\n    target:\n      exact: ${JSON.stringify(readFileSync(join(dir, '004-renamed.txt'), 'utf8').slice(3000, 3060))}\n      start: 3000\n      end: 3060\n`);
	return dir;
}

/**
 * A stamp of what a folder holds (every file's path, size and modification time): the reference's output kept for a
 * corpus is used again only while the corpus is as it was, so a real letter added since is read by both builds.
 */
function folderStamp(folder: string): string {
	const hash = createHash('sha256');
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				walk(path);
			} else {
				const stat = statSync(path);
				hash.update(`${relative(folder, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
			}
		}
	};
	walk(folder);
	return hash.digest('hex').slice(0, 12);
}

function corpora(): { name: string; path: string }[] {
	const record = recordCorpus(letters).dir;
	const oneDay = oneDayCorpus(300).dir;
	return [
		{ name: 'real', path: join(root, 'test', 'fixtures', 'real') },
		{ name: 'fixtures', path: join(root, 'test', 'fixtures', 'letters') },
		{ name: 'annotated', path: annotatedFolder(join(work, 'annotated')) },
		{ name: 'one-day', path: oneDay },
		{ name: `record-${letters}`, path: record },
	];
}

interface Variant {
	readonly name: string;
	readonly env: NodeJS.ProcessEnv;
	readonly extra: readonly string[];
}

function variants(cacheDir: string): Variant[] {
	const all: Variant[] = [
		{ name: 'default', env: {}, extra: [] },
		{ name: 'main thread', env: { DIPLOMATIC_LETTERS_WORKERS: '0' }, extra: [] },
		{ name: '1 worker', env: { DIPLOMATIC_LETTERS_WORKERS: '1' }, extra: [] },
		{ name: '2 workers', env: { DIPLOMATIC_LETTERS_WORKERS: '2' }, extra: [] },
		{ name: 'cache cold', env: { XDG_CACHE_HOME: cacheDir }, extra: ['--cache'] },
		{ name: 'cache warm', env: { XDG_CACHE_HOME: cacheDir }, extra: ['--cache'] },
	];
	return quick ? all.filter((variant) => variant.name === 'default' || variant.name.startsWith('cache')) : all;
}

const COMMANDS: readonly { readonly name: string; readonly argv: (path: string) => string[] }[] = [
	{ name: 'check-json', argv: (path) => ['check', path, '--format', 'json'] },
	{ name: 'check-text', argv: (path) => ['check', path] },
	{ name: 'letters-json', argv: (path) => ['letters', path, '--format', 'json'] },
];

function main(): void {
	mkdirSync(work, { recursive: true });
	const reference = referenceBuild();
	const candidate = join(root, 'dist', 'cli.js');
	const supportsCache = run(process.execPath, [candidate, '--help']).stdout.includes('--cache');
	console.log(`Comparing ${candidate} with ${against} (${reference.commit.slice(0, 12)})`);
	let differences = 0;
	for (const corpus of corpora()) {
		const cacheDir = join(work, 'cache', corpus.name);
		const stamp = folderStamp(corpus.path);
		for (const command of COMMANDS) {
			const expectedFile = join(work, `${reference.commit.slice(0, 12)}-${corpus.name}-${stamp}-${command.name}.json`);
			if (!existsSync(expectedFile) || corpus.name === 'annotated') {
				const result = run(process.execPath, [reference.cli, ...command.argv(corpus.path)]);
				writeFileSync(expectedFile, JSON.stringify(result));
			}
			const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as ReturnType<typeof run>;
			for (const variant of variants(cacheDir)) {
				if (variant.extra.includes('--cache') && !supportsCache) {
					continue;
				}
				if (variant.name === 'cache cold') {
					rmSync(cacheDir, { recursive: true, force: true });
				}
				const started = Date.now();
				const actual = run(process.execPath, [candidate, ...command.argv(corpus.path), ...variant.extra], { env: variant.env });
				const same = actual.status === expected.status && actual.stdout === expected.stdout && actual.stderr === expected.stderr;
				console.log(`${same ? 'same' : 'DIFFERENT'}  ${corpus.name} ${command.name} [${variant.name}] (${Date.now() - started} ms)`);
				if (!same) {
					differences++;
					report(expected, actual, join(work, `diff-${corpus.name}-${command.name}-${variant.name.replace(/\s+/g, '-')}`));
				}
			}
		}
	}
	console.log(differences === 0 ? 'Every output is the same.' : `${differences} outputs differ.`);
	process.exitCode = differences === 0 ? 0 : 1;
}

function report(expected: ReturnType<typeof run>, actual: ReturnType<typeof run>, prefix: string): void {
	if (actual.status !== expected.status) {
		console.log(`    exit ${actual.status}, expected ${expected.status}`);
	}
	for (const stream of ['stdout', 'stderr'] as const) {
		if (actual[stream] !== expected[stream]) {
			const a = expected[stream].split('\n');
			const b = actual[stream].split('\n');
			const line = a.findIndex((text, i) => text !== b[i]);
			console.log(`    ${stream} differs from line ${line + 1}: expected ${JSON.stringify(a[line])}, got ${JSON.stringify(b[line])}`);
			writeFileSync(`${prefix}.${stream}.expected`, expected[stream]);
			writeFileSync(`${prefix}.${stream}.actual`, actual[stream]);
		}
	}
}

main();
