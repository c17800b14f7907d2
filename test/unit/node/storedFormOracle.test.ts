// The stored form's writer (`server/src/node/storedForm.ts`) against its previous version (previousStoredForm.ts):
// the same tables, value for value, on property-generated plain data and on the entries of the benchmark record,
// whether the values are written all at once or one at a time — once each object of integers the writer now writes
// bare (an INTEGERS record) is made the OBJECT of tagged INTEGERs the previous writer wrote (`integerRecords.ts`).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { summarizeLetter } from '../../../server/src/engine/workspace/letterSummary';
import { SymbolTable } from '../../../server/src/engine/workspace/symbolTable';
import { encodeStoredForm, StoredFormWriter } from '../../../server/src/node/storedForm';
import { generateRecord } from '../../../scripts/bench/record';
import { referenceData } from '../helpers/fixtures';
import { TAGS, withoutIntegerRecords } from './integerRecords';
import { previousEncodeStoredForm } from './previousStoredForm';

const scratch = mkdtempSync(join(tmpdir(), 'dl-stored-form-oracle-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function oneAtATime(values: readonly unknown[]) {
	const writer = new StoredFormWriter();
	values.forEach((value) => writer.add(value));
	return withoutIntegerRecords(writer.finish());
}

function atOnce(values: readonly unknown[]) {
	return withoutIntegerRecords(encodeStoredForm(values));
}

describe('the stored form written as before', () => {
	it('gives the tables of the previous writer for any plain data (property-generated)', () => {
		const key = fc.oneof(fc.constantFrom('a', 'b', '0', '1', '10', '', 'text', 'parts'), fc.string()).filter((name) => name !== '__proto__');
		const plain = fc.letrec((tie) => ({
			value: fc.oneof({ depthSize: 'small' }, fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constant(-0), fc.string(), tie('array'), tie('object')),
			array: fc.array(tie('value'), { maxLength: 5 }),
			object: fc.dictionary(key, tie('value'), { maxKeys: 5, noNullPrototype: true }),
		})).value;
		fc.assert(fc.property(fc.array(plain, { maxLength: 8 }), fc.boolean(), (values, share) => {
			// Some values held twice, so that references are written too.
			const held = share && values.length > 1 ? [...values, values[0], { again: values[1] }] : values;
			const expected = previousEncodeStoredForm(held);
			assert.deepStrictEqual(atOnce(held), expected);
			assert.deepStrictEqual(oneAtATime(held), expected);
		}), { numRuns: 400 });
	});

	it('gives the tables of the previous writer for the entries of the benchmark record', () => {
		const symbols = new SymbolTable();
		const record = generateRecord(join(scratch, 'record'), 300);
		const entries = record.paths.map((path) => symbols.internSummary(summarizeLetter(parseLetter(readFileSync(path, 'utf8'), referenceData), referenceData)));
		const expected = previousEncodeStoredForm(entries);
		assert.deepStrictEqual(atOnce(entries), expected);
		assert.deepStrictEqual(oneAtATime(entries), expected);
		const tape = encodeStoredForm(entries).tape;
		assert.ok(tape.includes(TAGS.INTEGERS) && tape.length < expected.tape.length * 0.85, `the placed ranges are written bare (${tape.length} values against ${expected.tape.length})`);
	});
});
