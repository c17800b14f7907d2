// The stored form of the persistent index's entries (`server/src/node/storedForm.ts`): what is read back deep-equals
// what was written — keys in the same order, undefined values kept, objects shared between entries shared again — on
// the entries of the real letters and of the benchmark record, on property-generated plain data, and anything that
// is not plain data is refused rather than stored wrongly; tables that do not hold together are refused when read.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import type { LetterSummary } from '../../../server/src/engine/workspace/letterSummary';
import { summarizeLetter } from '../../../server/src/engine/workspace/letterSummary';
import { SymbolTable } from '../../../server/src/engine/workspace/symbolTable';
import { CorruptStoredForm, decodeStoredForm, encodeStoredForm, releaseBuffers } from '../../../server/src/node/storedForm';
import { generateRecord } from '../../../scripts/bench/record';
import { referenceData } from '../helpers/fixtures';

const REAL_DIR = join(__dirname, '..', '..', 'fixtures', 'real');
const scratch = mkdtempSync(join(tmpdir(), 'dl-stored-form-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function summariesOf(paths: readonly string[]): LetterSummary[] {
	// Through a symbol table, as the index holds them: symbols shared between the entries.
	const symbols = new SymbolTable();
	return paths.map((path) => symbols.internSummary(summarizeLetter(parseLetter(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), referenceData), referenceData)));
}

function roundTrip(values: readonly unknown[]): unknown[] {
	return decodeStoredForm(encodeStoredForm(values));
}

describe('the stored form of the entries', () => {
	it('gives back the entries of the real letters exactly, keys in order and shared symbols shared', () => {
		const entries = summariesOf(readdirSync(REAL_DIR).filter((name) => name.endsWith('.txt')).map((name) => join(REAL_DIR, name)));
		assert.ok(entries.length > 50);
		const back = roundTrip(entries) as LetterSummary[];
		assert.deepStrictEqual(back, entries);
		assert.equal(JSON.stringify(back), JSON.stringify(entries), 'the keys in the same order');
		const cited = new Map<string, unknown>();
		let shared = 0;
		for (const entry of back) {
			for (const citation of entry.citations) {
				const first = cited.get(citation.symbol.text);
				shared += first === citation.symbol ? 1 : 0;
				cited.set(citation.symbol.text, first ?? citation.symbol);
			}
		}
		assert.ok(shared > 0, 'a symbol cited by two letters is one object again');
	});

	it('gives back the entries of the benchmark record exactly', () => {
		const record = generateRecord(join(scratch, 'record'), 400);
		const entries = summariesOf(record.paths);
		const back = roundTrip(entries);
		assert.deepStrictEqual(back, entries);
		assert.equal(JSON.stringify(back), JSON.stringify(entries));
	});

	it('gives back any plain data exactly (property-generated)', () => {
		const plain = fc.letrec((tie) => ({
			value: fc.oneof({ depthSize: 'small' }, fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constant(-0), fc.string(), tie('array'), tie('object')),
			array: fc.array(tie('value'), { maxLength: 5 }),
			object: fc.dictionary(fc.string().filter((key) => key !== '__proto__'), tie('value'), { maxKeys: 5, noNullPrototype: true }),
		})).value;
		fc.assert(fc.property(fc.array(plain, { maxLength: 8 }), (values) => {
			const back = roundTrip(values);
			assert.deepStrictEqual(back, values);
			assert.deepEqual(back.map((value) => JSON.stringify(value)), values.map((value) => JSON.stringify(value)));
		}), { numRuns: 300 });
	});

	it('gives back a tape longer than the chunks it is written in', () => {
		const values = [Array.from({ length: 300_000 }, (_, index) => ({ at: index, text: `s${index % 977}` }))];
		assert.deepStrictEqual(roundTrip(values), values);
	});

	it('keeps apart shapes whose keys join to the same text', () => {
		const values = [{}, { '': 0 }, { 'a\0': 1, b: 2 }, { a: 3, '\0b': 4 }];
		assert.deepStrictEqual(roundTrip(values), values);
	});

	it('keeps an object met twice as one object', () => {
		const symbol = { text: 'S/2020/1' };
		const [a, b] = roundTrip([{ symbol }, { symbol, again: symbol }]) as { symbol: unknown; again?: unknown }[];
		assert.equal(a.symbol, b.symbol);
		assert.equal(b.again, b.symbol);
	});

	it('looks up again only the objects said to be shareable: the others held twice read back as two equal objects', () => {
		const symbol = { text: 'S/2020/1', parts: [] };
		const range = { start: 1, end: 2 };
		const values = [{ symbol, range }, { symbol, range, again: symbol }];
		const [a, b] = decodeStoredForm(encodeStoredForm(values, { shareable: (value) => 'parts' in value })) as { symbol: unknown; range: unknown; again?: unknown }[];
		assert.deepStrictEqual([a, b], values);
		assert.equal(a.symbol, b.symbol);
		assert.equal(b.again, b.symbol);
		assert.notEqual(a.range, b.range);
	});

	it('gives back at once the memory of a buffer it no longer needs, not of one a view shares with others', () => {
		const whole = new Int32Array(1024);
		const shared = new Uint8Array(new ArrayBuffer(64), 8, 16);
		releaseBuffers([whole, shared, new Uint8Array(0)]);
		assert.equal(whole.buffer.byteLength, 0, 'the buffer is detached (its memory freed)');
		assert.equal(shared.buffer.byteLength, 64, 'a view on part of a buffer is left alone');
	});

	it('refuses what is not plain data', () => {
		for (const value of [new Map([[1, 2]]), new Date(0), () => 1, 10n, Symbol('x'), JSON.parse('{"__proto__": {"polluted": true}}') as unknown]) {
			assert.throws(() => encodeStoredForm([{ value }]), TypeError);
		}
	});

	it('refuses tables that do not hold together', () => {
		const form = encodeStoredForm([{ a: 'text', b: [1, 2.5, { c: true }] }]);
		const broken = [
			{ ...form, tape: form.tape.slice(0, form.tape.length - 1) },
			{ ...form, tape: Int32Array.from([...form.tape, 0]) },
			{ ...form, strings: [] },
			{ ...form, shapes: [['__proto__']] },
			{ ...form, tape: Int32Array.from(form.tape, (value, at) => (at === 0 ? 99 : value)) },
			{ ...form, numbers: [] as unknown as Float64Array },
		];
		for (const tables of broken) {
			assert.throws(() => decodeStoredForm(tables), CorruptStoredForm);
		}
	});

	it('writes an object of small integers bare, and refuses such a record that does not hold together', () => {
		const range = { start: 3, end: 9, startLine: 0, startCharacter: 3, endLine: 0, endCharacter: 9 };
		const values = [{ range, other: { start: 1, end: 2.5 }, negative: { a: -0 }, wide: { a: 2 ** 31 }, empty: {} }, [range]];
		const form = encodeStoredForm(values, { shareable: () => false });
		assert.deepStrictEqual(decodeStoredForm(form), values);
		// The tag of an object of integers (10), its shape, then its six values bare: twice.
		assert.equal(form.tape.filter((value) => value === 10).length, 2);
		const at = form.tape.indexOf(10);
		assert.deepEqual([...form.tape.subarray(at + 2, at + 8)], [3, 9, 0, 3, 0, 9]);
		const broken = [
			{ ...form, tape: Int32Array.from([10, form.tape[at + 1], 3, 9]), count: 1 },
			{ ...form, tape: Int32Array.from([10, 99, 1]), count: 1 },
			{ ...form, tape: Int32Array.from([10, -1, 1]), count: 1 },
			{ ...form, tape: Int32Array.from([10, form.shapes.findIndex((keys) => keys.length === 0)]), count: 1 },
		];
		for (const tables of broken) {
			assert.throws(() => decodeStoredForm(tables), CorruptStoredForm);
		}
	});
});
