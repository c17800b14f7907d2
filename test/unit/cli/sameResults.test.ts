// The answers never depend on how the letters were read: `check` and `letters` (the built CLI) print the same bytes on
// the main thread, with one worker thread and with two, without the persistent index, with it cold and warm, with a
// corrupt one and with a cache folder that cannot be written; and the index gives the same diagnostics and catalogue
// whatever order the letters are put in it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { summaryDiagnostics } from '../../../server/src/engine/diagnostics/letterDiagnostics';
import { catalogueRecord } from '../../../server/src/engine/workspace/catalogue';
import { DEFAULT_LETTER_FILE_OPTIONS } from '../../../server/src/node/letterFiles';
import { readLetterWorkspace } from '../../../server/src/node/letterWorkspace';
import { FIXTURE_LETTERS_DIR, referenceData } from '../helpers/fixtures';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const REAL_DIR = join(ROOT, 'test', 'fixtures', 'real');

let work = '';
let letters = '';

interface Run {
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

function cli(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
	const result = spawnSync(process.execPath, [CLI, ...argv], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const COMMANDS: readonly (readonly string[])[] = [['check', '--format', 'json'], ['check'], ['letters', '--format', 'json']];

describe('the same results however the letters are read', () => {
	before(() => {
		work = mkdtempSync(join(tmpdir(), 'dl-same-results-'));
		letters = join(work, 'letters');
		cpSync(REAL_DIR, join(letters, 'real'), { recursive: true, filter: (source) => !source.endsWith('.json') });
		cpSync(FIXTURE_LETTERS_DIR, join(letters, 'fixtures'), { recursive: true });
	});
	after(() => rmSync(work, { recursive: true, force: true }));

	it('prints the same with the pool forced to the main thread, to one worker and to two', () => {
		for (const command of COMMANDS) {
			const [name, ...rest] = command;
			const runs = ['0', '1', '2'].map((workers) => cli([name, letters, ...rest], { DIPLOMATIC_LETTERS_WORKERS: workers }));
			assert.ok(runs[0].stdout.length > 1000, `${command.join(' ')} printed results`);
			assert.notEqual(runs[0].status, 2, runs[0].stderr);
			assert.deepEqual(runs[1], runs[0], `${command.join(' ')}: one worker`);
			assert.deepEqual(runs[2], runs[0], `${command.join(' ')}: two workers`);
		}
	});

	it('prints the same without the cache, with it cold and warm, corrupt, and in a folder that cannot be written', () => {
		const cacheHome = join(work, 'cache');
		const blocked = join(work, 'not-a-folder');
		writeFileSync(blocked, 'a file where the cache folder would be');
		for (const command of COMMANDS) {
			const [name, ...rest] = command;
			const argv = [name, letters, ...rest];
			const plain = cli(argv, { DIPLOMATIC_LETTERS_WORKERS: '2' });
			rmSync(cacheHome, { recursive: true, force: true });
			const cold = cli([...argv, '--cache'], { XDG_CACHE_HOME: cacheHome, DIPLOMATIC_LETTERS_WORKERS: '2' });
			const warm = cli([...argv, '--cache'], { XDG_CACHE_HOME: cacheHome, DIPLOMATIC_LETTERS_WORKERS: '1' });
			assert.deepEqual(cold, plain, `${command.join(' ')}: cache cold`);
			assert.deepEqual(warm, plain, `${command.join(' ')}: cache warm`);

			const folder = join(cacheHome, 'diplomatic-letters');
			const [file] = readdirSync(folder).filter((entry) => entry.endsWith('.index'));
			assert.ok(file, 'the index was stored in the cache folder');
			writeFileSync(join(folder, file), 'diplomatic-letters index\n{"format":1,"engine":"x","bytes":3,"sha256":"0"}\nabc');
			const corrupt = cli([...argv, '--cache'], { XDG_CACHE_HOME: cacheHome });
			assert.equal(corrupt.stdout, plain.stdout, `${command.join(' ')}: corrupt cache`);
			assert.equal(corrupt.status, plain.status);
			assert.match(corrupt.stderr, /stored index .* is discarded and the letters are read again/);
			assert.deepEqual(cli([...argv, '--cache'], { XDG_CACHE_HOME: cacheHome }), plain, `${command.join(' ')}: the cache stored again after the corrupt one`);

			const unwritable = cli([...argv, '--cache'], { XDG_CACHE_HOME: blocked });
			assert.equal(unwritable.stdout, plain.stdout, `${command.join(' ')}: unwritable cache folder`);
			assert.equal(unwritable.status, plain.status);
			assert.match(unwritable.stderr, /cannot be stored in .*not-a-folder/);
			assert.ok(!unwritable.stderr.includes('    at '), 'no stack trace');
		}
	});

	it('gives the same diagnostics and catalogue whatever order the letters enter the index', async () => {
		const answers = async (indexOrder?: (files: number) => readonly number[]) => {
			const workspace = await readLetterWorkspace([letters], DEFAULT_LETTER_FILE_OPTIONS, referenceData, { threads: 0, indexOrder });
			return workspace.files.map((file) => {
				const entry = workspace.index.get(file.uri);
				return {
					file: file.displayPath,
					diagnostics: entry ? summaryDiagnostics(entry, workspace.index, { severities: {}, ignoredSymbols: [] }) : [],
					record: catalogueRecord(workspace.index, file.uri),
				};
			});
		};
		const inOrder = await answers();
		assert.ok(inOrder.some((answer) => answer.diagnostics.length > 0), 'some letters have diagnostics');
		await fc.assert(fc.asyncProperty(fc.integer(), async (seed) => {
			const shuffled = await answers((files) => shuffle(files, seed));
			assert.deepEqual(shuffled, inOrder);
		}), { numRuns: 5 });
	});
});

/** 0 … n-1 in an order drawn from `seed` (Fisher–Yates over a small linear congruential generator). */
function shuffle(n: number, seed: number): number[] {
	const order = Array.from({ length: n }, (_, i) => i);
	let state = seed >>> 0;
	for (let i = n - 1; i > 0; i--) {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		const j = state % (i + 1);
		[order[i], order[j]] = [order[j], order[i]];
	}
	return order;
}
