// The built command-line checker, run as users and CI run it: `node dist/cli.js check …` on copies of the real letters.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_LETTER_NAMES, FIXTURE_LETTERS_DIR, readFixtureLetter } from '../helpers/fixtures';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const FIELDS = ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity'];
const NAME_001 = FIXTURE_LETTER_NAMES.find((name) => name.startsWith('001'))!;

interface Run {
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

let root = '';

function check(args: readonly string[], cwd = root): Run {
	const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder under the temporary root holding copies of the given real letters and any extra files. */
function folder(name: string, prefixes: readonly string[], extra: Record<string, string | Uint8Array> = {}): string {
	const dir = join(root, name);
	mkdirSync(dir, { recursive: true });
	for (const prefix of prefixes) {
		const letter = FIXTURE_LETTER_NAMES.find((candidate) => candidate.startsWith(prefix))!;
		copyFileSync(join(FIXTURE_LETTERS_DIR, letter), join(dir, letter));
	}
	for (const [file, content] of Object.entries(extra)) {
		mkdirSync(join(dir, file, '..'), { recursive: true });
		writeFileSync(join(dir, file), content);
	}
	return dir;
}

/** The 1-based line and column of the first occurrence of `needle`, counted independently of the tool. */
function positionOf(text: string, needle: string): { line: number; column: number } {
	const offset = text.indexOf(needle);
	const before = text.slice(0, offset).split(/\r\n|\r|\n/);
	return { line: before.length, column: before[before.length - 1].length + 1 };
}

function assertCleanFailure(run: Run, message: RegExp): void {
	assert.equal(run.status, 2, run.stderr);
	assert.match(run.stderr, message);
	assert.ok(!run.stderr.includes('    at '), `no stack trace: ${run.stderr}`);
}

const NOTES = 'Meeting notes, 12 November\n\nRead S/2020/1104 again before Tuesday and compare with the statement.\n';
const BINARY = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const INVALID_UTF8 = Uint8Array.from([...Buffer.from('United Nations\nDistr.: General\n3 November 2020\nLetter dated 1 November 2020 caf'), 0xe9, 0x20, 0xff, 0x0a]);

describe('diplomatic-letters check (built CLI)', () => {
	before(() => {
		assert.ok(existsSync(CLI), `${CLI} is missing: run \`npm run build\` before these tests`);
		root = mkdtempSync(join(tmpdir(), 'dl-check-'));
		chmodSync(root, 0o755);
		writeFileSync(join(root, 'only-annotations.yaml'), 'diagnostics:\n  citation-unresolved: off\n');
	});
	after(() => {
		if (root) {
			rmSync(root, { recursive: true, force: true });
		}
	});

	describe('text output', () => {
		it('prints file:line:col: severity code: message for each diagnostic, then a summary line', () => {
			const dir = folder('all-text', ['000', '001', '002', '003', '004']);
			const run = check([dir]);
			assert.equal(run.status, 1, run.stderr);
			const lines = run.stdout.trimEnd().split('\n');
			const summary = lines.pop();
			assert.equal(summary, '5 letters checked: 1 error, 0 warnings, 0 information, 71 hints');
			assert.equal(lines.length, 72);
			for (const line of lines) {
				assert.match(line, /^\d{3}_[0-9a-f]+\.txt:\d+:\d+: (?:error|warning|information|hint) [a-z-]+: \S.*$/, line);
			}
			const { line, column } = positionOf(readFixtureLetter('001').text, '016 October 2020');
			assert.ok(lines.includes(`${NAME_001}:${line}:${column}: error date-invalid: “016 October 2020” has a three-digit day; a day is written 1–31 without leading zeros. Did you mean “16 October 2020”?`), lines.filter((text) => text.includes('error')).join('\n'));
			assert.equal(run.stderr, '');
		});

		it('reports a letter reached twice (a folder and a file in it) once', () => {
			const dir = folder('twice', ['001']);
			const run = check([dir, join(dir, NAME_001), `${dir}/`]);
			assert.equal(run.stdout.split('\n').filter((line) => line.includes('date-invalid')).length, 1);
			assert.match(run.stdout, /^1 letter checked: 1 error, 0 warnings, 0 information, 46 hints$/m);
		});
	});

	describe('--format json', () => {
		it('prints one JSON array with exactly the SPEC fields, files relative to the folder', () => {
			const dir = folder('all-json', ['000', '001', '002', '003', '004'], { [`sub/${NAME_001.replace('001', '101')}`]: readFixtureLetter('001').text });
			const run = check([dir, '--format', 'json']);
			assert.equal(run.status, 1, run.stderr);
			const results = JSON.parse(run.stdout) as Record<string, unknown>[];
			assert.ok(Array.isArray(results));
			for (const result of results) {
				assert.deepEqual(Object.keys(result).sort(), FIELDS);
				assert.ok(Number.isInteger(result.line) && (result.line as number) >= 1);
				assert.ok(Number.isInteger(result.column) && (result.column as number) >= 1);
				assert.ok((result.endLine as number) > (result.line as number) || ((result.endLine as number) === result.line && (result.endColumn as number) > (result.column as number)));
			}
			const invalid = results.filter((result) => result.code === 'date-invalid');
			const { line, column } = positionOf(readFixtureLetter('001').text, '016 October 2020');
			assert.deepEqual(invalid.map((result) => result.file).sort(), [NAME_001, `sub/${NAME_001.replace('001', '101')}`]);
			assert.deepEqual(invalid.map(({ line: l, column: c, endLine, endColumn, severity }) => ({ l, c, endLine, endColumn, severity })), [
				{ l: line, c: column, endLine: line, endColumn: column + '016 October 2020'.length, severity: 'error' },
				{ l: line, c: column, endLine: line, endColumn: column + '016 October 2020'.length, severity: 'error' },
			]);
		});

		it('keeps the path as given for a file named on the command line, with --format=json too', () => {
			folder('explicit', ['001']);
			const run = check([`explicit/${NAME_001}`, '--format=json']);
			assert.equal(run.status, 1, run.stderr);
			const results = JSON.parse(run.stdout) as { file: string; code: string }[];
			assert.ok(results.length > 0);
			assert.ok(results.every((result) => result.file === `explicit/${NAME_001}`));
		});

		it('counts lines and columns the same in a CRLF file with a byte-order mark', () => {
			const text = readFixtureLetter('001').text;
			const dir = folder('crlf', [], { 'windows.txt': `\ufeff${text.replace(/\n/g, '\r\n')}` });
			const results = JSON.parse(check([dir, '--format', 'json']).stdout) as { code: string; line: number; column: number; endLine: number; endColumn: number }[];
			const { line, column } = positionOf(text, '016 October 2020');
			assert.deepEqual(results.filter((result) => result.code === 'date-invalid').map(({ line: l, column: c, endLine, endColumn }) => [l, c, endLine, endColumn]), [[line, column, line, column + 16]]);
		});

		it('prints an empty array for a folder without letters', () => {
			const dir = folder('no-letters', [], { 'notes.txt': NOTES });
			const run = check([dir, '--format', 'json']);
			assert.equal(run.status, 0, run.stderr);
			assert.deepEqual(JSON.parse(run.stdout), []);
		});
	});

	describe('exit codes', () => {
		it('exits 0 for a folder without errors', () => {
			const run = check([folder('clean', ['000', '002', '003', '004'])]);
			assert.equal(run.status, 0, run.stderr);
			// Without 001 in the folder, 004's citation of it (A/75/660-S/2020/1267) is unresolved too: 1 + 10 + 15.
			assert.match(run.stdout, /^4 letters checked: 0 errors, 0 warnings, 0 information, 26 hints$/m);
		});

		it('exits 1 with the error of 001', () => {
			assert.equal(check([folder('with-error', ['001'])]).status, 1);
		});

		it('exits 2 without arguments, with an unknown option, with a bad --format and with --config without a file', () => {
			const dir = folder('usage', ['000']);
			assertCleanFailure(check([]), /at least one folder or file/);
			assertCleanFailure(check([dir, '--verbose']), /unknown option --verbose/);
			assertCleanFailure(check([dir, '--format', 'xml']), /--format takes "text" or "json", not "xml"/);
			assertCleanFailure(check([dir, '--format']), /--format takes "text" or "json"/);
			assertCleanFailure(check([dir, '--config']), /--config needs a file/);
		});

		it('exits 2 for a path that does not exist, saying which', () => {
			assertCleanFailure(check([join(root, 'no-such-folder')]), /no-such-folder: no such file or folder/);
		});

		it('exits 2 for a binary file named on the command line, and prints no results', () => {
			const dir = folder('explicit-binary', ['001'], { 'scan.txt': BINARY });
			const run = check([join(dir, NAME_001), join(dir, 'scan.txt')]);
			assertCleanFailure(run, /scan\.txt is a binary file/);
			assert.equal(run.stdout, '');
		});

		it('exits 2 for an invalid UTF-8 file named on the command line', () => {
			const dir = folder('explicit-latin1', [], { 'latin1.txt': INVALID_UTF8 });
			assertCleanFailure(check([join(dir, 'latin1.txt')]), /latin1\.txt is not valid UTF-8/);
		});

		it('exits 2 for a file named on the command line that cannot be read', () => {
			const dir = folder('explicit-unreadable', ['000'], { 'locked.txt': NOTES });
			chmodSync(dir, 0o755);
			chmodSync(join(dir, 'locked.txt'), 0o000);
			// Root reads any file: as root, run the tool as nobody, for whom the file is locked.
			const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
			const result = spawnSync(process.execPath, [CLI, 'check', join(dir, 'locked.txt'), join(dir, FIXTURE_LETTER_NAMES[0])], { encoding: 'utf8', timeout: 60_000, ...asNobody });
			assertCleanFailure({ status: result.status, stdout: result.stdout, stderr: result.stderr }, /locked\.txt cannot be read: permission denied/);
		});
	});

	describe('files in a folder', () => {
		it('skips a binary and an invalid UTF-8 .txt with a message, and checks the rest', () => {
			const dir = folder('mixed', ['000', '001'], { 'scan.txt': BINARY, 'latin1.txt': INVALID_UTF8 });
			const run = check([dir]);
			assert.equal(run.status, 1);
			assert.match(run.stderr, /skipped scan\.txt: it is a binary file/);
			assert.match(run.stderr, /skipped latin1\.txt: it is not valid UTF-8/);
			assert.ok(!run.stderr.includes('    at '), run.stderr);
			assert.match(run.stdout, /^2 letters checked: 1 error, 0 warnings, 0 information, 47 hints$/m);
		});

		it('gives a .txt that is not a letter no diagnostics, in a folder or named', () => {
			const dir = folder('notes', [], { 'notes.txt': NOTES, 'todo.md': '# To do\n\n- S/2020/ draft\n- 31 September 2022 deadline?\n' });
			for (const args of [[dir], [join(dir, 'notes.txt'), join(dir, 'todo.md')]]) {
				const run = check(args);
				assert.equal(run.status, 0, run.stderr);
				assert.equal(run.stdout, '0 letters checked: 0 errors, 0 warnings, 0 information, 0 hints\n');
			}
		});

		it('leaves out files outside include and inside exclude', () => {
			const dir = folder('globs', [], { 'node_modules/pkg/001.txt': readFixtureLetter('001').text, 'letter.pdf.txt.bak': readFixtureLetter('001').text });
			const run = check([dir]);
			assert.equal(run.status, 0, run.stderr);
			assert.match(run.stdout, /^0 letters checked/m);
		});
	});

	describe('annotation sidecars', () => {
		const NAME_000 = FIXTURE_LETTER_NAMES[0];
		const VALID = ['version: 1', 'document:', `  file: ${NAME_000}`, 'annotations:', '  - id: 7f3a9c', '    tags: [casualty-figure]', '    created: 2026-11-23T10:00:00Z', '    target:', '      exact: killing of 43 civilians', '      prefix: "attacks have resulted in the "', '      suffix: ", including women and children"', '      start: 1893', '      end: 1916'];
		const ORPHAN = ['  - id: 8a1b2c', '    tags: [allegation]', '    created: 2026-11-23T10:00:00Z', '    target:', '      exact: shelling of the maternity hospital in Stepanakert on 28 October', '      prefix: "the "', '      suffix: " was"', '      start: 2100', '      end: 2162'];

		it('reports an orphaned annotation on the letter', () => {
			const dir = folder('sidecar-orphan', ['000'], { [`${NAME_000}.annotations.yaml`]: [...VALID, ...ORPHAN, ''].join('\n') });
			const run = check([dir, '--format', 'json']);
			assert.equal(run.status, 0, run.stderr);
			const orphans = (JSON.parse(run.stdout) as { file: string; code: string; severity: string; message: string }[]).filter((result) => result.code === 'annotation-orphaned');
			assert.deepEqual(orphans.map((result) => [result.file, result.severity]), [[NAME_000, 'warning']]);
			assert.match(orphans[0].message, /8a1b2c/);
		});

		it('reports an invalid sidecar on the sidecar and on the letter, and exits 1', () => {
			const dir = folder('sidecar-invalid', ['000'], { [`${NAME_000}.annotations.yaml`]: [...VALID.slice(0, 6), ''].join('\n') });
			const run = check([dir]);
			assert.equal(run.status, 1, run.stderr);
			assert.match(run.stdout, new RegExp(`^${NAME_000}:1:1: error sidecar-invalid: The annotation sidecar ${NAME_000}\\.annotations\\.yaml is not valid`, 'm'));
			assert.match(run.stdout, new RegExp(`^${NAME_000}\\.annotations\\.yaml:5:5: error sidecar-invalid: annotation 7f3a9c: `, 'm'));
		});

		it('takes a letter’s identity from document.symbol in its sidecar', () => {
			const sidecar = ['version: 1', 'document:', `  file: ${NAME_000}`, '  symbol: S/2020/1104', 'annotations: []', ''].join('\n');
			const dir = folder('sidecar-identity', ['000', '001'], { [`${NAME_000}.annotations.yaml`]: sidecar });
			const results = JSON.parse(check([dir, '--format', 'json']).stdout) as { file: string; code: string; message: string }[];
			assert.ok(!results.some((result) => result.code === 'citation-unresolved' && result.message.startsWith('S/2020/1104 ')));
			const conflicts = results.filter((result) => result.code === 'citation-date-conflict');
			assert.deepEqual(conflicts.map((result) => result.file), [NAME_001]);
			assert.match(conflicts[0].message, /S\/2020\/1104 is cited as dated 11 November 2020, but the workspace letter 000_c1c47ee4ee510e2c\.txt with that symbol is distributed on 3 November 2020/);
		});

		it('says nothing of a sidecar whose annotations are all found', () => {
			const dir = folder('sidecar-valid', ['000'], { [`${NAME_000}.annotations.yaml`]: [...VALID, ''].join('\n') });
			const run = check([dir, '--config', join(root, 'only-annotations.yaml')]);
			assert.equal(run.status, 0, run.stderr);
			assert.equal(run.stdout, '1 letter checked: 0 errors, 0 warnings, 0 information, 0 hints\n');
		});
	});

	describe('--config', () => {
		it('turns a code off and changes a severity (YAML, nested settings)', () => {
			const dir = folder('config-yaml', ['001'], { '../dl-config.yaml': 'diagnostics:\n  citation-unresolved: off\n  date-invalid: warning\n' });
			const run = check([dir, '--config', join(root, 'dl-config.yaml')]);
			assert.equal(run.status, 0, run.stderr);
			assert.match(run.stdout, /: warning date-invalid: /);
			assert.doesNotMatch(run.stdout, /citation-unresolved/);
			assert.match(run.stdout, /^1 letter checked: 0 errors, 1 warning, 0 information, 0 hints$/m);
		});

		it('accepts the editor’s setting names in JSON, and ignoredSymbols', () => {
			writeFileSync(join(root, 'dl-config.json'), JSON.stringify({ 'diplomaticLetters.diagnostics.date-invalid': 'hint', 'diplomaticLetters.ignoredSymbols': ['S/2020/1104'] }));
			const dir = folder('config-json', ['001']);
			const run = check([dir, '--config', join(root, 'dl-config.json'), '--format', 'json']);
			assert.equal(run.status, 0, run.stderr);
			const results = JSON.parse(run.stdout) as { code: string; severity: string; message: string }[];
			assert.deepEqual(results.filter((result) => result.code === 'date-invalid').map((result) => result.severity), ['hint']);
			assert.ok(!results.some((result) => result.message.startsWith('S/2020/1104 ')));
			assert.equal(results.filter((result) => result.code === 'citation-unresolved').length, 45);
		});

		it('takes include, exclude and maxFileSizeKB as the editor settings do', () => {
			const dir = folder('config-files', ['000'], { [`drafts/${NAME_001}`]: readFixtureLetter('001').text });
			writeFileSync(join(root, 'exclude-drafts.yaml'), 'exclude:\n  - "drafts/**"\n');
			const excluded = check([dir, '--config', join(root, 'exclude-drafts.yaml')]);
			assert.equal(excluded.status, 0, excluded.stderr);
			assert.match(excluded.stdout, /^1 letter checked: 0 errors/m);
			writeFileSync(join(root, 'tiny.json'), JSON.stringify({ maxFileSizeKB: 1 }));
			const tiny = check([dir, '--config', join(root, 'tiny.json')]);
			assert.equal(tiny.status, 0, tiny.stderr);
			assert.match(tiny.stderr, /skipped 000_c1c47ee4ee510e2c\.txt: it is larger than 1 KB .*maxFileSizeKB/);
			assert.match(tiny.stdout, /^0 letters checked/m);
		});

		it('exits 2 for a missing config, an unknown code, a bad severity or a file that is not YAML', () => {
			const dir = folder('config-bad', ['000']);
			writeFileSync(join(root, 'unknown-code.yaml'), 'diagnostics:\n  no-such-code: off\n');
			writeFileSync(join(root, 'bad-severity.yaml'), 'diagnostics:\n  date-invalid: loud\n');
			writeFileSync(join(root, 'broken.yaml'), 'diagnostics: [unclosed\n');
			assertCleanFailure(check([dir, '--config', join(root, 'missing.yaml')]), /missing\.yaml: no such file/);
			assertCleanFailure(check([dir, '--config', join(root, 'unknown-code.yaml')]), /unknown diagnostic code "no-such-code"/);
			assertCleanFailure(check([dir, '--config', join(root, 'bad-severity.yaml')]), /date-invalid must be one of error, warning, information, hint, off/);
			assertCleanFailure(check([dir, '--config', join(root, 'broken.yaml')]), /broken\.yaml: not valid YAML or JSON/);
			assertCleanFailure(check([dir, '--config', dir]), /config-bad: is a folder, not a file/);
		});
	});
});
