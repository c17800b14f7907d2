import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationsAsTheyStand, createAnnotation, CSV_COLUMNS, csvField, packageExport, placeAnnotations, toBrat, toCsv, toW3C } from '../../../server/src/engine/annotations';
import type { Annotation, CsvRow } from '../../../server/src/engine/annotations';

const letter = 'Intro 😀 line.\nThe killing of 43\ncivilians was reported.';
const at = letter.indexOf('killing');
const multiLine = createAnnotation(letter, at, at + 'killing of 43\ncivilians'.length, { tags: ['casualty figure'], note: 'Two\nlines', author: 'jdoe', randomId: () => 'aaaa1111', now: new Date('2026-11-23T10:00:00Z') }) as Annotation;
const untagged = createAnnotation(letter, 0, 5, { randomId: () => 'bbbb2222', now: new Date('2026-11-23T10:00:00Z') }) as Annotation;
const orphan: Annotation = { ...untagged, id: 'cccc3333', status: 'orphaned' };

describe('exports', () => {
	it('counts positions in code points (an emoji before the span counts one)', () => {
		assert.equal(multiLine.target.start, at - 1);
	});

	it('brat: splits a span at line breaks into fragments and types untagged annotations as Annotation', () => {
		const { ann, skippedOrphans } = toBrat({ source: 'letter.txt', annotations: [untagged, multiLine, orphan] });
		const start = multiLine.target.start;
		assert.equal(ann, [
			'T1\tAnnotation 0 5\tIntro',
			`T2\tcasualty_figure ${start} ${start + 13};${start + 14} ${start + 23}\tkilling of 43 civilians`,
			'#1\tAnnotatorNotes T2\tTwo lines',
			'',
		].join('\n'));
		assert.equal(skippedOrphans, 1);
	});

	it('CSV: quotes fields with commas, quotes and line breaks, one row per tag, CRLF', () => {
		assert.equal(csvField('plain'), 'plain');
		assert.equal(csvField('a, "b"'), '"a, ""b"""');
		assert.equal(csvField('x\ny'), '"x\ny"');
		const csv = toCsv([{ source: 'letter.txt', annotations: [{ ...multiLine, tags: ['a', 'b'] }, orphan] }]);
		const rows = csv.split('\r\n');
		assert.equal(rows.length, 5);
		assert.ok(rows[1]?.startsWith(',,,letter.txt,,,a,"Two\nlines",jdoe,'), 'no identity, no text: those columns stay empty');
		assert.ok(rows[1]?.includes(',attached,"killing of 43\ncivilians",aaaa1111,'));
		assert.ok(rows[2]?.startsWith(',,,letter.txt,,,b,'));
		assert.ok(rows[3]?.includes(',orphaned,'));
	});

	it('W3C: an orphan keeps only its quote selector; creator, tags and note become bodies', () => {
		const collection = toW3C([{ source: 'my letter.txt', annotations: [multiLine, orphan] }]) as { first: { items: Record<string, unknown>[] } };
		const [attached, lost] = collection.first.items;
		assert.equal(attached?.id, 'my%20letter.txt.annotations.yaml#aaaa1111');
		assert.deepEqual(attached?.creator, { type: 'Person', name: 'jdoe' });
		assert.deepEqual((lost?.target as { selector: { type: string }[] }).selector.map((selector) => selector.type), ['TextQuoteSelector']);
		assert.equal(lost?.motivation, 'commenting');
	});
});

describe('CSV cells that a spreadsheet would run', () => {
	it('are prefixed with a quote and quoted, for each character OWASP names; other text is left alone', () => {
		for (const hostile of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
			assert.equal(csvField(hostile), `"'${hostile}"`, JSON.stringify(hostile));
		}
		assert.equal(csvField('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
		assert.equal(csvField('a=b'), 'a=b');
		assert.equal(csvField(-3), '-3', 'numbers are numbers');
	});
});

describe('export packaging (one module for the command line and the editor)', () => {
	const letters = [{ source: 'sub/letter.txt', text: letter, annotations: [multiLine, untagged, orphan] }];

	it('packages W3C and CSV as one file each, brat as a .txt and an .ann per letter with the orphans counted', () => {
		assert.deepEqual(packageExport('w3c', letters).files.map((file) => file.name), ['annotations.jsonld']);
		assert.deepEqual(packageExport('csv', letters).files.map((file) => file.name), ['annotations.csv']);
		const brat = packageExport('brat', letters);
		assert.deepEqual(brat.files.map((file) => file.name), ['sub/letter.txt', 'sub/letter.ann']);
		assert.equal(brat.files[0]?.content, letter);
		assert.deepEqual(brat.skippedOrphans, [{ source: 'sub/letter.txt', count: 1 }]);
	});

	it('takes a new CSV column as one more entry', () => {
		const columns = [...CSV_COLUMNS, { header: 'length', value: (row: CsvRow) => row.annotation.target.end - row.annotation.target.start }];
		const [header, first] = packageExport('csv', letters, { csvColumns: columns }).files[0].content.split('\r\n');
		assert.ok(header?.endsWith(',start,end,length'));
		assert.ok(first?.endsWith(`,${multiLine.target.end - multiLine.target.start}`));
	});

	it('gives analysts who the letter is and where each annotation stands: symbol, sender, title date, file, line, column (1-based)', () => {
		const identity = { symbol: 'A/75/660-S/2020/1267', sender: 'Azerbaijan', dated: '2020-12-18' };
		const [header, first, , untaggedRow] = packageExport('csv', [{ ...letters[0], identity }]).files[0].content.split('\r\n');
		assert.equal(header, 'symbol,sender,dated,file,line,column,tag,note,author,created,status,exact,id,start,end');
		assert.ok(first?.startsWith('A/75/660-S/2020/1267,Azerbaijan,2020-12-18,sub/letter.txt,2,5,casualty figure,'), first);
		assert.ok(untaggedRow?.startsWith('A/75/660-S/2020/1267,Azerbaijan,2020-12-18,sub/letter.txt,1,1,,'), untaggedRow);
		const afterEmoji = letter.indexOf('line.');
		const onEmojiLine = createAnnotation(letter, afterEmoji, afterEmoji + 4, { randomId: () => 'dddd4444', now: new Date('2026-11-23T10:00:00Z') }) as Annotation;
		const [, row] = toCsv([{ source: 'x.txt', text: letter, annotations: [onEmojiLine] }]).split('\r\n');
		assert.ok(row?.startsWith(`,,,x.txt,1,${afterEmoji + 1},`), `columns count UTF-16 code units, as editors show them: ${row}`);
	});

	it('W3C: the source is the letter\'s symbol when it has one, the file its scope; the file otherwise', () => {
		type Items = { first: { items: { target: { source: string; scope?: string } }[] } };
		const identity = { symbol: 'A/75/660-S/2020/1267', sender: 'Azerbaijan', dated: '2020-12-18' };
		const named = (toW3C([{ ...letters[0], identity }]) as Items).first.items[0].target;
		assert.deepEqual([named.source, named.scope], ['A/75/660-S/2020/1267', 'sub/letter.txt']);
		const unnamed = (toW3C([{ ...letters[0], identity: { ...identity, symbol: null } }]) as Items).first.items[0].target;
		assert.deepEqual([unnamed.source, unnamed.scope], ['sub/letter.txt', undefined]);
	});

	it('exports annotations as they stand: found ones with their current target, orphans marked', () => {
		const moved = `Added. ${letter}`;
		const gone: Annotation = { ...orphan, target: { ...orphan.target, exact: 'a passage deleted since' } };
		const placed = placeAnnotations(moved, [multiLine, gone]);
		const [now, lost] = annotationsAsTheyStand(moved, placed);
		assert.equal(now?.target.start, multiLine.target.start + 'Added. '.length);
		assert.equal(lost?.status, 'orphaned');
	});
});
