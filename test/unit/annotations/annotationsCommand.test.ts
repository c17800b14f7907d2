import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { anchorLetters, findLettersWithSidecars } from '../../../server/src/cli/annotatedLetters';
import { runAnnotationsCommand, storeReanchoredPositions } from '../../../server/src/cli/annotationsCommand';
import { createAnnotation, createSidecarText, parseSidecar } from '../../../server/src/engine/annotations';

/** Every temp folder a test made, removed when the file's tests end. */
const temporaryFolders: string[] = [];
after(() => {
	for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

const fixtures = join(__dirname, '..', '..', 'fixtures', 'letters');
const letterName = '000_c1c47ee4ee510e2c.txt';

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

async function run(cwd: string, ...argv: string[]): Promise<Run> {
	let stdout = '';
	let stderr = '';
	const code = await runAnnotationsCommand(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
	return { code, stdout, stderr };
}

/** A temp folder with letter 000, a sidecar with two annotations, and an unannotated letter 001. */
function workspace(): { folder: string; letter: string; sidecar: string; original: string } {
	const folder = mkdtempSync(join(tmpdir(), 'annotations-cli-'));
	temporaryFolders.push(folder);
	const letter = join(folder, letterName);
	copyFileSync(join(fixtures, letterName), letter);
	copyFileSync(join(fixtures, '001_fcfde71c67116c43.txt'), join(folder, '001_fcfde71c67116c43.txt'));
	const original = readFileSync(letter, 'utf8');
	const make = (phrase: string, id: string, note?: string): NonNullable<ReturnType<typeof createAnnotation>> => {
		const at = original.indexOf(phrase);
		const annotation = createAnnotation(original, at, at + phrase.length, { tags: ['casualty-figure', 'allegation'], randomId: () => id, now: new Date('2026-11-23T10:00:00Z'), ...(note === undefined ? {} : { note }) });
		assert.ok(annotation);
		return annotation;
	};
	const sidecar = `${letter}.annotations.yaml`;
	writeFileSync(sidecar, createSidecarText(letterName, [make('killing of 43 civilians', 'aaaa1111', 'Figures, "disputed"'), make('banned cluster munitions', 'bbbb2222')]));
	return { folder, letter, sidecar, original };
}

describe('annotations reanchor', () => {
	it('reports every annotation unchanged on an untouched letter, exit 0', async () => {
		const { folder } = workspace();
		const result = await run(folder, 'reanchor', '.', '--format', 'json');
		assert.equal(result.code, 0);
		const rows = JSON.parse(result.stdout) as { sidecar: string; id: string; status: string; start: number; end: number }[];
		assert.deepEqual(rows.map((row) => [row.sidecar, row.id, row.status]), [
			[`${letterName}.annotations.yaml`, 'aaaa1111', 'unchanged'],
			[`${letterName}.annotations.yaml`, 'bbbb2222', 'unchanged'],
		]);
	});

	it('finds moved annotations after an external edit, reports orphans with exit 1, and writes with --write', async () => {
		const { folder, letter, sidecar, original } = workspace();
		writeFileSync(letter, `A paragraph added by a colleague.\n\n${original.replace('banned cluster munitions', 'weapons')}`);
		const before = readFileSync(sidecar, 'utf8');
		const dry = await run(folder, 'reanchor', letterName);
		assert.equal(dry.code, 1);
		assert.match(dry.stdout, /aaaa1111 moved to \d+-\d+ \(was \d+-\d+\)/);
		assert.match(dry.stdout, /bbbb2222 orphaned/);
		assert.equal(readFileSync(sidecar, 'utf8'), before, 'nothing written without --write');

		const written = await run(folder, 'reanchor', '.', '--write', '--format', 'json');
		assert.equal(written.code, 1);
		const parsed = parseSidecar(readFileSync(sidecar, 'utf8'));
		assert.ok(parsed.ok);
		const [moved, orphan] = parsed.sidecar.annotations;
		const edited = readFileSync(letter, 'utf8');
		assert.equal(moved?.target.start, edited.indexOf('killing of 43 civilians'));
		assert.equal(moved?.status, undefined);
		assert.equal(orphan?.status, 'orphaned');
		assert.equal(orphan?.target.start, original.indexOf('banned cluster munitions'), 'an orphan keeps its last known position');
		assert.ok(readFileSync(sidecar, 'utf8').startsWith('# Annotations of 000_c1c47ee4ee510e2c.txt.'));

		const again = await run(folder, 'reanchor', '.', '--format', 'json');
		const rows = JSON.parse(again.stdout) as { id: string; status: string }[];
		assert.deepEqual(rows.map((row) => row.status), ['unchanged', 'orphaned']);
	});

	it('says so for a letter named explicitly that has no sidecar, without failing', async () => {
		const { folder } = workspace();
		const result = await run(folder, 'reanchor', '001_fcfde71c67116c43.txt');
		assert.equal(result.code, 0);
		assert.match(result.stderr, /^001_fcfde71c67116c43\.txt: no annotations \(no sidecar 001_fcfde71c67116c43\.txt\.annotations\.yaml\)\n$/);
		assert.match(result.stdout, /^0 annotation\(s\)/);
	});

	it('reports an invalid sidecar on stderr with its line and does not touch it', async () => {
		const { folder, sidecar } = workspace();
		const broken = readFileSync(sidecar, 'utf8').replace('start:', 'start: [');
		writeFileSync(sidecar, broken);
		const result = await run(folder, 'reanchor', '.', '--write');
		assert.equal(result.code, 1);
		assert.match(result.stderr, /000_c1c47ee4ee510e2c\.txt\.annotations\.yaml:\d+:\d+: sidecar-invalid: YAML syntax error/);
		assert.equal(readFileSync(sidecar, 'utf8'), broken);
	});

	it('exits 2 with a message, never a stack trace, on bad usage', async () => {
		const { folder } = workspace();
		for (const argv of [['reanchor'], ['reanchor', 'missing-folder'], ['reanchor', '.', '--format', 'xml'], ['export', '.'], ['export', '.', '--format', 'pdf'], ['frobnicate'], [], ['reanchor', '.', '--bogus']]) {
			const result = await run(folder, ...argv);
			assert.equal(result.code, 2, argv.join(' '));
			assert.match(result.stderr, /^diplomatic-letters annotations: /);
			assert.doesNotMatch(result.stderr, /\n\s+at /);
		}
	});
});

describe('annotations export', () => {
	it('exports W3C Web Annotation JSON-LD with quote and position selectors', async () => {
		const { folder, original } = workspace();
		const result = await run(folder, 'export', '.', '--format', 'w3c');
		assert.equal(result.code, 0);
		const collection = JSON.parse(result.stdout) as { '@context': string; total: number; first: { items: { target: { source: string; selector: { type: string; start?: number; exact?: string }[] }; body: { purpose: string; value: string }[] }[] } };
		assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
		assert.equal(collection.total, 2);
		const first = collection.first.items[0];
		assert.equal(first?.target.source, letterName);
		assert.deepEqual(first?.target.selector.map((selector) => selector.type), ['TextQuoteSelector', 'TextPositionSelector']);
		assert.equal(first?.target.selector[1]?.start, original.indexOf('killing of 43 civilians'));
		assert.deepEqual(first?.body.map((body) => [body.purpose, body.value]), [['commenting', 'Figures, "disputed"'], ['tagging', 'casualty-figure'], ['tagging', 'allegation']]);
	});

	it('exports CSV with one row per annotation and tag, RFC 4180 quoting, to --out', async () => {
		const { folder } = workspace();
		const result = await run(folder, 'export', letterName, '--format=csv', '--out', 'out.csv');
		assert.equal(result.code, 0);
		const csv = readFileSync(join(folder, 'out.csv'), 'utf8');
		const lines = csv.split('\r\n');
		assert.equal(lines[0], 'symbol,sender,dated,file,line,column,tag,note,author,created,status,exact,id,start,end');
		assert.equal(lines.length, 6, 'header, 2 annotations × 2 tags, final empty line');
		const text = readFileSync(join(folder, letterName), 'utf8');
		const before = text.slice(0, text.indexOf('killing of 43 civilians')).split('\n');
		const [line, column] = [before.length, before[before.length - 1].length + 1];
		const expected = new RegExp(`^,Armenia,2020-10-31,000_c1c47ee4ee510e2c\\.txt,${line},${column},casualty-figure,"Figures, ""disputed""",,2026-11-23T10:00:00Z,attached,killing of 43 civilians,aaaa1111,\\d+,\\d+$`);
		assert.match(lines[1] ?? '', expected, 'no symbol (000 prints none), the sender, the title date, 1-based line and column');
	});

	it('exports brat standoff with code point offsets matching the letter text', async () => {
		const { folder, letter } = workspace();
		const result = await run(folder, 'export', letterName, '--format', 'brat');
		assert.equal(result.code, 0);
		const lines = result.stdout.trimEnd().split('\n');
		assert.match(lines[0] ?? '', /^T1\tcasualty-figure \d+ \d+\tkilling of 43 civilians$/);
		assert.equal(lines[1], '#1\tAnnotatorNotes T1\tFigures, "disputed"');
		const [, start, end] = /^T\d+\t\S+ (\d+) (\d+)\t/.exec(lines[0] ?? '') ?? [];
		assert.equal([...readFileSync(letter, 'utf8')].slice(Number(start), Number(end)).join(''), 'killing of 43 civilians');
	});

	it('needs --out <folder> for a brat export of several letters, and writes one .ann per letter', async () => {
		const { folder } = workspace();
		mkdirSync(join(folder, 'sub'));
		copyFileSync(join(folder, letterName), join(folder, 'sub', letterName));
		copyFileSync(join(folder, `${letterName}.annotations.yaml`), join(folder, 'sub', `${letterName}.annotations.yaml`));
		assert.equal((await run(folder, 'export', '.', '--format', 'brat')).code, 2);
		const result = await run(folder, 'export', '.', '--format', 'brat', '--out', 'brat');
		assert.equal(result.code, 0);
		assert.match(readFileSync(join(folder, 'brat', '000_c1c47ee4ee510e2c.ann'), 'utf8'), /^T1\t/);
		assert.match(readFileSync(join(folder, 'brat', 'sub', '000_c1c47ee4ee510e2c.ann'), 'utf8'), /^T1\t/);
	});
});

describe('annotations reanchor --write: merge or refuse, never overwrite', () => {
	it('merges with a sidecar changed after it was read: a tag added meanwhile and a new annotation are kept', async () => {
		const { folder, letter, sidecar, original } = workspace();
		writeFileSync(letter, `A paragraph added by a colleague.\n\n${original}`);
		const { anchored } = await anchorLetters(findLettersWithSidecars(['.'], folder), { stdout: () => undefined, stderr: () => undefined, cwd: folder });
		const meanwhile = readFileSync(sidecar, 'utf8').replace('tags: [casualty-figure, allegation]', 'tags: [casualty-figure, allegation, added-meanwhile]');
		writeFileSync(sidecar, meanwhile);
		const stored = await storeReanchoredPositions(anchored[0]);
		assert.deepEqual(stored, { ok: true, written: 2, keptNewer: 0 });
		const parsed = parseSidecar(readFileSync(sidecar, 'utf8'));
		assert.ok(parsed.ok);
		assert.deepEqual(parsed.sidecar.annotations[0]?.tags, ['casualty-figure', 'allegation', 'added-meanwhile']);
		assert.equal(parsed.sidecar.annotations[0]?.target.start, readFileSync(letter, 'utf8').indexOf('killing of 43 civilians'));
	});

	it('keeps a position changed in the sidecar meanwhile (attached elsewhere in the editor) instead of its own', async () => {
		const { folder, letter, sidecar, original } = workspace();
		writeFileSync(letter, `A paragraph added by a colleague.\n\n${original}`);
		const { anchored } = await anchorLetters(findLettersWithSidecars(['.'], folder), { stdout: () => undefined, stderr: () => undefined, cwd: folder });
		const attachedElsewhere = readFileSync(sidecar, 'utf8').replace(/start: \d+/, 'start: 3').replace(/end: \d+/, 'end: 12');
		writeFileSync(sidecar, attachedElsewhere);
		const stored = await storeReanchoredPositions(anchored[0]);
		assert.deepEqual(stored, { ok: true, written: 1, keptNewer: 1 });
		const parsed = parseSidecar(readFileSync(sidecar, 'utf8'));
		assert.deepEqual(parsed.ok ? [parsed.sidecar.annotations[0]?.target.start, parsed.sidecar.annotations[0]?.target.end] : [], [3, 12]);
	});

	it('says "positions written" only when positions were written', async () => {
		const { folder, letter, original } = workspace();
		const untouched = await run(folder, 'reanchor', '.', '--write');
		assert.match(untouched.stdout, /; no position needed writing$/m);
		writeFileSync(letter, `A paragraph added by a colleague.\n\n${original}`);
		const moved = await run(folder, 'reanchor', '.', '--write');
		assert.match(moved.stdout, /; 2 position\(s\) written to 1 sidecar\(s\)$/m);
	});

	it('refuses to write a read-only sidecar, says so and exits 1, the file unchanged', async () => {
		const { folder, letter, sidecar, original } = workspace();
		writeFileSync(letter, `A paragraph added by a colleague.\n\n${original}`);
		const before = readFileSync(sidecar, 'utf8');
		chmodSync(sidecar, 0o444);
		const result = await run(folder, 'reanchor', '.', '--write');
		assert.equal(result.code, 1);
		assert.match(result.stderr, /is read-only, so it was not changed/);
		assert.equal(readFileSync(sidecar, 'utf8'), before);
	});
});

describe('annotations commands on sidecars that cannot be read', () => {
	it('reports a sidecar that is not UTF-8 and goes on with the others, leaving it byte for byte', async () => {
		const { folder } = workspace();
		copyFileSync(join(fixtures, '002_f4ff0849ef0a721f.txt'), join(folder, '002.txt'));
		const latin1 = Buffer.from('version: 1\ndocument:\n  file: 002.txt\nannotations: []\n# Fran\u00e7ais\n', 'latin1');
		writeFileSync(join(folder, '002.txt.annotations.yaml'), latin1);
		const result = await run(folder, 'reanchor', '.', '--write', '--format', 'json');
		assert.equal(result.code, 1);
		assert.match(result.stderr, /002\.txt\.annotations\.yaml:1:1: sidecar-invalid: 002\.txt\.annotations\.yaml is not valid UTF-8 text; it was left exactly as it is/);
		assert.equal((JSON.parse(result.stdout) as unknown[]).length, 2, 'the other letter is still re-anchored');
		assert.deepEqual(readFileSync(join(folder, '002.txt.annotations.yaml')), latin1);
	});

	it('reports a loop of symbolic links and exits 1, not 0', async () => {
		const { folder } = workspace();
		copyFileSync(join(fixtures, '002_f4ff0849ef0a721f.txt'), join(folder, '002.txt'));
		symlinkSync('002.txt.annotations.yaml', join(folder, '002.txt.annotations.yaml'));
		const result = await run(folder, 'export', '002.txt', '--format', 'csv');
		assert.equal(result.code, 1);
		assert.match(result.stderr, /002\.txt\.annotations\.yaml is a loop of symbolic links/);
	});

	it('never waits on a named pipe named like a sidecar', { timeout: 20_000 }, async () => {
		const { folder } = workspace();
		copyFileSync(join(fixtures, '002_f4ff0849ef0a721f.txt'), join(folder, '002.txt'));
		assert.equal(spawnSync('mkfifo', [join(folder, '002.txt.annotations.yaml')]).status, 0);
		for (const argv of [['reanchor', '.', '--write'], ['export', '.', '--format', 'w3c']]) {
			const result = await run(folder, ...argv);
			assert.equal(result.code, 1, argv.join(' '));
			assert.match(result.stderr, /002\.txt\.annotations\.yaml is a named pipe, not a file/);
		}
	});
});

describe('annotations export: CSV cells a spreadsheet would run as formulas', () => {
	it('prefixes =, +, -, @, tab and carriage return with a quote, as OWASP advises', async () => {
		const { folder, letter } = workspace();
		const text = readFileSync(letter, 'utf8');
		const at = text.indexOf('killing of 43 civilians');
		const hostile = ['=HYPERLINK("http://x","y")', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'];
		const annotations = hostile.map((note, i) => createAnnotation(text, at, at + 23, { tags: [note], note, randomId: () => `f${i}ffffff`, now: new Date('2026-11-23T10:00:00Z') })!);
		writeFileSync(`${letter}.annotations.yaml`, createSidecarText(letterName, annotations));
		const result = await run(folder, 'export', letterName, '--format', 'csv');
		assert.equal(result.code, 0);
		const cells = result.stdout.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
		for (const value of hostile) {
			const quoted = `"'${value.replace(/"/g, '""')}"`;
			assert.ok(cells.filter((cell) => cell.split('\r\n').includes(quoted) || cell === quoted).length >= 1, `${JSON.stringify(value)} is written as ${quoted}`);
		}
		assert.doesNotMatch(result.stdout, /(^|,)[=+\-@]/m);
	});
});

describe('annotations relink', () => {
	it('finds where a letter renamed outside the editor is now, and --write moves its sidecar there', async () => {
		const { folder, letter, sidecar } = workspace();
		mkdirSync(join(folder, 'moved'));
		renameSync(letter, join(folder, 'moved', 'renamed.txt'));
		const dry = await run(folder, 'relink', '.');
		assert.equal(dry.code, 0);
		assert.match(dry.stdout, /000_c1c47ee4ee510e2c\.txt\.annotations\.yaml: its letter 000_c1c47ee4ee510e2c\.txt is gone; it is now moved\/renamed\.txt \(2 of 2 annotation\(s\) found there\)/);
		assert.ok(existsSync(sidecar), 'nothing moved without --write');
		const written = await run(folder, 'relink', '.', '--write', '--format', 'json');
		assert.equal(written.code, 0);
		assert.deepEqual((JSON.parse(written.stdout) as { status: string; candidates: string[]; moved: boolean }[]).map((row) => [row.status, row.candidates, row.moved]), [['found', ['moved/renamed.txt'], true]]);
		assert.equal(existsSync(sidecar), false);
		const moved = parseSidecar(readFileSync(join(folder, 'moved', 'renamed.txt.annotations.yaml'), 'utf8'));
		assert.ok(moved.ok);
		assert.equal(moved.sidecar.document.file, 'renamed.txt');
		assert.equal(moved.sidecar.annotations.length, 2);
	});

	it('does not guess between two copies of the letter, and skips a letter whose own symbol is another', async () => {
		const { folder, letter, sidecar } = workspace();
		const text = readFileSync(letter, 'utf8');
		writeFileSync(join(folder, 'copy-a.txt'), text);
		writeFileSync(join(folder, 'copy-b.txt'), text);
		rmSync(letter);
		const ambiguous = await run(folder, 'relink', '.', '--write');
		assert.equal(ambiguous.code, 1);
		assert.match(ambiguous.stdout, /its annotations are in 2 letters equally \(copy-a\.txt, copy-b\.txt\), so it was not moved/);
		assert.ok(existsSync(sidecar));
		writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace(`  file: ${letterName}`, `  file: ${letterName}\n  symbol: A/75/556`));
		renameSync(join(folder, 'copy-b.txt'), join(folder, 'A_75_999.txt'));
		const bySymbol = await run(folder, 'relink', '.', '--format', 'json');
		assert.deepEqual((JSON.parse(bySymbol.stdout) as { status: string; candidates: string[] }[]).map((row) => [row.status, row.candidates]), [['found', ['copy-a.txt']]]);
	});

	it('says so when no letter holds the annotations, and keeps the sidecar', async () => {
		const { folder, letter, sidecar } = workspace();
		rmSync(letter);
		const before = readFileSync(sidecar, 'utf8');
		const result = await run(folder, 'relink', '.', '--write');
		assert.equal(result.code, 1);
		assert.match(result.stdout, /no letter under the paths holds its annotations; it is kept as it is/);
		assert.equal(readFileSync(sidecar, 'utf8'), before);
	});
});
