import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runAnnotationsCommand } from '../../../server/src/cli/annotationsCommand';
import { createAnnotation, createSidecarText, parseSidecar } from '../../../server/src/engine/annotations';

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
		assert.equal(lines[0], 'file,id,tag,start,end,exact,note,author,created,status');
		assert.equal(lines.length, 6, 'header, 2 annotations × 2 tags, final empty line');
		assert.match(lines[1] ?? '', /^000_c1c47ee4ee510e2c\.txt,aaaa1111,casualty-figure,\d+,\d+,killing of 43 civilians,"Figures, ""disputed""",,2026-11-23T10:00:00Z,attached$/);
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
