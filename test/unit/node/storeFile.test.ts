// The payload of the persistent index, layout 4 (`server/src/node/storeFile.ts`): what is read back equals what was
// written — the paths' columns, the hashes, the stored form's tables — whether its bytes lie aligned in memory (the
// large tables read in place) or not (copied); the entries decode as they were; and a payload that does not hold
// together (a count changed, cut short, a path pointing past the entries) is refused, never read wrongly.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { summarizeLetter } from '../../../server/src/engine/workspace/letterSummary';
import { SymbolTable } from '../../../server/src/engine/workspace/symbolTable';
import type { StoredPayload } from '../../../server/src/node/storeFile';
import { CorruptPayload, decodePayload, encodePayload, PayloadChecksum, readIndexFile } from '../../../server/src/node/storeFile';
import { decodeStoredForm, encodeStoredForm } from '../../../server/src/node/storedForm';
import { referenceData } from '../helpers/fixtures';

/** Plain values as entries hold them: numbers of every kind (so the numbers' table is used), strings, nesting. */
const plain = fc.letrec((tie) => ({
	value: fc.oneof({ depthSize: 'small' },
		fc.integer(), fc.double(), fc.string({ unit: 'grapheme' }), fc.boolean(), fc.constant(null), fc.constant(undefined),
		fc.array(tie('value'), { maxLength: 4 }),
		fc.dictionary(fc.string({ maxLength: 6 }).filter((key) => key !== '__proto__'), tie('value'), { maxKeys: 4, noNullPrototype: true })),
})).value;

/** A payload: `count` paths over the given entries, each path with a stamp or none. */
const payloads = fc.array(plain, { maxLength: 12 }).chain((values) => fc.record({
	values: fc.constant(values),
	rows: fc.array(fc.record({
		path: fc.string({ unit: 'grapheme', minLength: 1 }),
		entry: fc.nat(Math.max(values.length - 1, 0)),
		stamp: fc.option(fc.tuple(fc.nat(), fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.nat()), { nil: undefined }),
	}), { maxLength: values.length === 0 ? 0 : 12 }),
}));

function payloadOf({ values, rows }: { values: unknown[]; rows: { path: string; entry: number; stamp?: [number, number, number, number] }[] }): StoredPayload {
	const stamps = new Float64Array(rows.length * 4);
	rows.forEach((row, at) => stamps.set(row.stamp ?? [Number.NaN, 0, 0, 0], at * 4));
	return {
		paths: rows.map((row) => row.path),
		entryOf: Int32Array.from(rows, (row) => row.entry),
		stamps,
		hashes: values.map((_, at) => `hash-${at}`),
		entries: encodeStoredForm(values),
	};
}

/** The payload's bytes at `shift` bytes past an 8-aligned address (0: read in place; else copied where unaligned). */
function placed(bytes: Buffer, shift: number): Uint8Array {
	const memory = new Uint8Array(new ArrayBuffer(bytes.length + 8), shift, bytes.length);
	memory.set(bytes);
	return memory;
}

describe('the payload of the persistent index', () => {
	it('gives back what was written, aligned in memory or not (property)', () => {
		fc.assert(fc.property(payloads, fc.integer({ min: 0, max: 7 }), (generated, shift) => {
			const payload = payloadOf(generated);
			const back = decodePayload(placed(encodePayload(payload), shift));
			assert.deepStrictEqual(back.paths, payload.paths);
			assert.deepStrictEqual(back.hashes, payload.hashes);
			assert.deepStrictEqual([...back.entryOf], [...payload.entryOf]);
			assert.deepStrictEqual([...back.stamps], [...payload.stamps]);
			assert.deepStrictEqual(decodeStoredForm(back.entries), generated.values);
		}), { numRuns: 300 });
	});

	it('reads the large tables in place when the payload lies aligned, and keeps no view on its bytes for the paths', () => {
		const symbols = new SymbolTable();
		const real = join(__dirname, '..', '..', 'fixtures', 'real');
		const texts = readdirSync(real).filter((name) => name.endsWith('.txt')).slice(0, 40).map((name) => readFileSync(join(real, name), 'utf8').replace(/^\uFEFF/, ''));
		const entries = texts.map((text) => symbols.internSummary(summarizeLetter(parseLetter(text, referenceData), referenceData)));
		const payload: StoredPayload = { paths: entries.map((_, at) => `/letters/${at}.txt`), entryOf: Int32Array.from(entries, (_, at) => at), stamps: new Float64Array(entries.length * 4).fill(7), hashes: entries.map((_, at) => `h${at}`), entries: encodeStoredForm(entries) };
		const bytes = placed(encodePayload(payload), 0);
		const back = decodePayload(bytes);
		assert.equal(back.entries.tape.buffer, bytes.buffer, 'the tape is a view on the bytes');
		assert.notEqual(back.stamps.buffer, bytes.buffer, 'the stamps are kept, so they are copied');
		assert.notEqual(back.entryOf.buffer, bytes.buffer);
		assert.deepStrictEqual(decodeStoredForm(back.entries), entries);
		assert.notEqual(decodePayload(placed(encodePayload(payload), 4)).entries.numbers.buffer, bytes.buffer);
	});

	it('refuses a payload that does not hold together: cut short, a count changed, a path past the entries', () => {
		const payload = payloadOf({ values: [{ a: 1.5, b: 'x' }, [2, 'y']], rows: [{ path: '/a.txt', entry: 0, stamp: [1, 2.5, 3.5, 4] }, { path: '/b.txt', entry: 1 }] });
		const bytes = encodePayload(payload);
		const changed = (at: number, value: number) => {
			const copy = Buffer.from(bytes);
			copy.writeUInt32LE(value, at);
			return copy;
		};
		const cases: [string, Uint8Array][] = [
			['empty', new Uint8Array(0)],
			['cut short', bytes.subarray(0, bytes.length - 1)],
			['a byte more', Buffer.concat([bytes, Buffer.from([0])])],
			['the string tables longer', changed(0, bytes.readUInt32LE(0) + 8)],
			['more numbers', changed(4, bytes.readUInt32LE(4) + 1)],
			['a longer tape', changed(8, bytes.readUInt32LE(8) + 2)],
			['another count of paths', changed(12, 3)],
			['a path past the entries', (() => {
				const copy = Buffer.from(bytes);
				copy.writeInt32LE(2, copy.length - 4);
				return copy;
			})()],
		];
		for (const [what, corrupt] of cases) {
			assert.throws(() => decodePayload(corrupt), CorruptPayload, what);
		}
		assert.throws(() => encodePayload({ ...payload, entryOf: new Int32Array(1) }), RangeError);
	});

	it('reads a file piece by piece with the checksum of what follows its header line, of the kind the header names', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'dl-store-file-'));
		after(() => rmSync(folder, { recursive: true, force: true }));
		// Larger than a piece (8 MiB), so that the checksum is computed over several.
		const payload = randomBytes(20 * 1024 * 1024 + 13);
		for (const kind of ['crc32', 'sha256'] as const) {
			const named = PayloadChecksum.of(payload, `${kind}:`)!;
			const file = join(folder, `${kind}.index`);
			writeFileSync(file, Buffer.concat([Buffer.from(`magic\n${JSON.stringify({ checksum: named })}\n`), payload]));
			const read = await readIndexFile(file, 'magic\n'.length);
			assert.deepEqual(read.bytes, readFileSync(file));
			assert.equal(read.checksum, named, kind);
		}
		const unnamed = join(folder, 'unnamed.index');
		writeFileSync(unnamed, Buffer.concat([Buffer.from('magic\n{"checksum": "md5:x"}\n'), payload.subarray(0, 100)]));
		assert.equal((await readIndexFile(unnamed, 6)).checksum, undefined, 'a kind it does not know');
		writeFileSync(unnamed, 'magic\nno header line');
		assert.deepEqual(await readIndexFile(unnamed, 6), { bytes: readFileSync(unnamed) });
		writeFileSync(unnamed, '');
		assert.equal((await readIndexFile(unnamed, 6)).bytes.length, 0);
	});
});
