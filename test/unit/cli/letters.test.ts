// The built `letters` catalogue, run as users run it: `node dist/cli.js letters …` on copies of the real letters.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { FIXTURE_LETTER_NAMES, FIXTURE_LETTERS_DIR } from '../helpers/fixtures';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const name = (prefix: string) => FIXTURE_LETTER_NAMES.find((candidate) => candidate.startsWith(prefix))!;

let root = '';

function letters(args: readonly string[]) {
	const result = spawnSync(process.execPath, [CLI, 'letters', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('letters', () => {
	before(() => {
		root = mkdtempSync(join(tmpdir(), 'dl-letters-'));
		mkdirSync(join(root, 'work', 'letters'), { recursive: true });
		for (const file of FIXTURE_LETTER_NAMES) {
			copyFileSync(join(FIXTURE_LETTERS_DIR, file), join(root, 'work', 'letters', file));
		}
		writeFileSync(join(root, 'work', 'letters', 'notes.txt'), 'My notes on A/75/660-S/2020/1267: Distr. lists it.\n');
		writeFileSync(join(root, 'work', 'letters', `${name('000')}.annotations.yaml`), [
			'version: 1', 'document:', `  file: ${name('000')}`, 'annotations:',
			'  - id: a1', '    tags: [casualty-figure]', '    created: 2026-11-23T10:00:00Z', '    target:', '      exact: killing of 43 civilians', '      start: 1893', '      end: 1916',
			'  - id: a2', '    tags: [x]', '    created: 2026-11-23T10:00:00Z', '    target:', '      exact: Artsakh', '      start: 0', '      end: 7', '',
		].join('\n'));
	});
	after(() => rmSync(root, { recursive: true, force: true }));

	it('prints one JSON record per letter in path order, with the fields of the SPEC (files relative to the folder given)', () => {
		const run = letters(['work', '--format', 'json']);
		assert.equal(run.status, 0, run.stderr);
		const records = JSON.parse(run.stdout) as Record<string, unknown>[];
		assert.deepEqual(records.map((record) => record.file), FIXTURE_LETTER_NAMES.map((file) => `letters/${file}`), 'letters only, in path order (notes.txt is not a letter)');
		const r001 = records[1];
		assert.deepEqual(Object.keys(r001), ['file', 'symbol', 'identity', 'kind', 'distributed', 'dated', 'sender', 'addressees', 'organs', 'agendaItems', 'cites', 'citedBy', 'annotations']);
		assert.equal(r001.symbol, 'A/75/660-S/2020/1267');
		assert.equal(r001.identity, 'inferred');
		assert.equal(r001.distributed, '2020-12-22');
		assert.equal(r001.dated, '2020-12-18');
		assert.equal(r001.sender, 'Azerbaijan');
		assert.deepEqual(r001.organs, [{ organ: 'GA', session: 75 }, { organ: 'SC', year: 2020 }]);
		assert.deepEqual(r001.citedBy, [`letters/${name('004')}`]);
		assert.deepEqual((r001.cites as string[]).slice(0, 1), ['S/23904']);
		assert.equal(records[0].annotations, 2, 'counted from the sidecar');
		assert.equal(records[2].annotations, 0);
		assert.equal(records[3].kind, 'note-verbale');
	});

	it('prints CSV with a header row, one row per letter, lists joined with "; "', () => {
		const run = letters(['work', '--format=csv']);
		assert.equal(run.status, 0, run.stderr);
		const rows = run.stdout.trimEnd().split('\n');
		assert.equal(rows[0], 'file,symbol,identity,kind,distributed,dated,sender,addressees,organs,agendaItems,cites,citedBy,annotations');
		assert.equal(rows.length, 1 + FIXTURE_LETTER_NAMES.length);
		assert.ok(rows[2].startsWith(`letters/${name('001')},A/75/660-S/2020/1267,inferred,letter,2020-12-22,2020-12-18,Azerbaijan,Secretary-General,GA 75; SC 2020,"34 Prevention of armed conflict; 35 Protracted conflicts`), rows[2]);
	});

	it('prints one line per letter in text, naming each letter by symbol, sender and date', () => {
		const run = letters(['work']);
		assert.equal(run.status, 0, run.stderr);
		const out = run.stdout.trimEnd().split('\n');
		assert.equal(out.length, FIXTURE_LETTER_NAMES.length);
		assert.match(out[1], /^letters\/001_\w+\.txt: A\/75\/660-S\/2020\/1267 · Azerbaijan · 18 December 2020 — letter to Secretary-General; symbol inferred; GA 75, SC 2020;/);
	});

	it('prints an empty JSON array for a folder without letters', () => {
		mkdirSync(join(root, 'empty'), { recursive: true });
		const run = letters(['empty', '--format', 'json']);
		assert.equal(run.status, 0, run.stderr);
		assert.deepEqual(JSON.parse(run.stdout), []);
	});

	it('gives null annotations for a sidecar that does not parse, and still lists the letter', () => {
		mkdirSync(join(root, 'broken'), { recursive: true });
		copyFileSync(join(FIXTURE_LETTERS_DIR, name('002')), join(root, 'broken', name('002')));
		writeFileSync(join(root, 'broken', `${name('002')}.annotations.yaml`), 'version: 1\nannotations: [\n');
		const run = letters(['broken', '--format', 'json']);
		assert.equal(run.status, 0, run.stderr);
		assert.equal((JSON.parse(run.stdout) as { annotations: unknown }[])[0].annotations, null);
	});

	it('exits 2 with a message for bad usage and bad paths, never a stack trace', () => {
		for (const args of [['letters', '--format', 'xml'], [], ['letters', '--frmat', 'json'], ['no-such-folder']]) {
			const run = letters(args);
			assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}`);
			assert.match(run.stderr, /^diplomatic-letters: /);
			assert.doesNotMatch(run.stderr, /\n\s+at /);
		}
	});

	it('keeps the sidecar untouched', () => {
		const sidecar = parseYaml(readFileSync(join(root, 'work', 'letters', `${name('000')}.annotations.yaml`), 'utf8')) as { annotations: unknown[] };
		assert.equal(sidecar.annotations.length, 2);
	});
});
