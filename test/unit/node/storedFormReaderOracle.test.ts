// The stored form's decoder reads each shape as one object literal (`server/src/node/storedForm.ts`); the decoder
// before it set the keys one by one (`previousStoredFormReader.ts`). Both must give the same values — keys in the same
// order, shared objects shared — on the benchmark record's entries and on property-generated plain data, and the same
// outcome on tapes changed at random (both refuse, or both give equal values), except that a value which holds itself
// (which no entry does) is now refused; and where code cannot be made from strings the keys are set one by one, with
// the same values. The previous decoder reads the tape as the previous writer wrote it: each object of integers an
// OBJECT of tagged INTEGERs (`integerRecords.ts`), where the decoder of today reads the bare INTEGERS record too.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { summarizeLetter } from '../../../server/src/engine/workspace/letterSummary';
import { SymbolTable } from '../../../server/src/engine/workspace/symbolTable';
import type { StoredForm } from '../../../server/src/node/storedForm';
import { CorruptStoredForm, decodeStoredForm, encodeStoredForm } from '../../../server/src/node/storedForm';
import { generateRecord } from '../../../scripts/bench/record';
import { referenceData } from '../helpers/fixtures';
import { TAGS, withoutIntegerRecords } from './integerRecords';
import { previousDecodeStoredForm } from './previousStoredFormReader';

const scratch = mkdtempSync(join(tmpdir(), 'dl-stored-form-oracle-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const plain = fc.letrec((tie) => ({
	value: fc.oneof({ depthSize: 'small' }, fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constant(-0), fc.string(), tie('array'), tie('object')),
	array: fc.array(tie('value'), { maxLength: 5 }),
	object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('0', '7', 'constructor', 'toString', '"', '\\', '\u2028', '}; x = 1; ({')).filter((key) => key !== '__proto__'), tie('value'), { maxKeys: 5, noNullPrototype: true }),
})).value;

/** The values, with every object met again shared (a value used twice in the input is one object when read). */
function withShared(values: unknown[]): unknown[] {
	const shared = { text: 'S/2020/1', parts: [{ text: 'S/2020/1' }] };
	return [...values, { symbol: shared }, { symbol: shared, again: [shared] }];
}

function holdsItself(value: unknown, path = new Set<unknown>()): boolean {
	if (value === null || typeof value !== 'object') {
		return false;
	}
	if (path.has(value)) {
		return true;
	}
	path.add(value);
	const found = Object.values(value).some((inner) => holdsItself(inner, path));
	path.delete(value);
	return found;
}

function outcome(decode: (form: StoredForm) => unknown[], form: StoredForm): { readonly values: unknown[] } | 'corrupt' {
	try {
		return { values: decode(form) };
	} catch (error) {
		assert.ok(error instanceof CorruptStoredForm, String(error));
		return 'corrupt';
	}
}

function assertSameValues(actual: unknown[], expected: unknown[]): void {
	assert.deepStrictEqual(actual, expected);
	assert.deepEqual(actual.map((value) => JSON.stringify(value)), expected.map((value) => JSON.stringify(value)), 'the keys in the same order');
}

describe('the stored form read as object literals, against the previous decoder', () => {
	it('gives the previous values on the entries of the benchmark record, shared symbols shared', () => {
		const record = generateRecord(join(scratch, 'record'), 300);
		const symbols = new SymbolTable();
		const entries = record.paths.map((path) => symbols.internSummary(summarizeLetter(parseLetter(readFileSync(path, 'utf8'), referenceData), referenceData)));
		const form = encodeStoredForm(entries);
		const now = decodeStoredForm(form);
		const before = previousDecodeStoredForm(withoutIntegerRecords(form));
		assertSameValues(now, before);
		assertSameValues(decodeStoredForm(withoutIntegerRecords(form)), before);
		// Two citations of one symbol object in the entries are one object once read.
		const seen = new Map<unknown, readonly [number, number]>();
		const symbolAt = (values: unknown[], [entry, citation]: readonly [number, number]) => (values[entry] as { citations: { symbol: unknown }[] }).citations[citation].symbol;
		let shared = 0;
		entries.forEach((entry, at) => entry.citations.forEach((citation, item) => {
			const first = seen.get(citation.symbol);
			if (first === undefined) {
				seen.set(citation.symbol, [at, item]);
			} else if (first[0] !== at) {
				assert.equal(symbolAt(now, [at, item]), symbolAt(now, first));
				shared++;
			}
		}));
		assert.ok(shared > 0, 'some symbol is cited by two letters');
	});

	it('gives the previous values on any plain data (property-generated)', () => {
		fc.assert(fc.property(fc.array(plain, { maxLength: 8 }), (values) => {
			const form = encodeStoredForm(withShared(values));
			assertSameValues(decodeStoredForm(form), previousDecodeStoredForm(withoutIntegerRecords(form)));
		}), { numRuns: 300 });
	});

	it('gives the previous outcome on tapes changed at random, or refuses a value that holds itself', () => {
		// Tapes as the previous writer wrote them, changed to any value but the tag the previous decoder did not know.
		const value = fc.integer({ min: -2, max: 12 }).filter((tag) => tag !== TAGS.INTEGERS);
		fc.assert(fc.property(fc.array(plain, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), value), { minLength: 1, maxLength: 3 }), (values, changes) => {
			const form = withoutIntegerRecords(encodeStoredForm(withShared(values)));
			const tape = Int32Array.from(form.tape);
			for (const [at, value] of changes) {
				tape[at % tape.length] = value;
			}
			const changed = { ...form, tape };
			const before = outcome(previousDecodeStoredForm, changed);
			const now = outcome(decodeStoredForm, changed);
			if (before !== 'corrupt' && holdsItself(before.values)) {
				return;
			}
			if (before === 'corrupt' || now === 'corrupt') {
				assert.equal(now, before);
			} else {
				assertSameValues(now.values, before.values);
			}
		}), { numRuns: 500 });
	});

	it('reads the same where code cannot be made from strings (keys set one by one)', () => {
		const script = [
			"const { decodeStoredForm, encodeStoredForm } = require('./server/src/node/storedForm');",
			"const { previousDecodeStoredForm } = require('./test/unit/node/previousStoredFormReader');",
			"const shared = { text: 'S/2020/1' };",
			"const form = encodeStoredForm([{ a: 1, b: [{ c: 'x', shared }, null], '0': true }, { shared, again: [shared] }]);",
			"const now = decodeStoredForm(form);",
			"let refused = false; try { new Function('return 1'); } catch { refused = true; }",
			"process.stdout.write(JSON.stringify({ refused, same: JSON.stringify(now) === JSON.stringify(previousDecodeStoredForm(form)), shared: now[0].b[0].shared === now[1].again[0] }));",
		].join('\n');
		const output = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '-e', script], { cwd: join(__dirname, '..', '..', '..'), encoding: 'utf8' });
		assert.deepEqual(JSON.parse(output), { refused: true, same: true, shared: true });
	});
});
