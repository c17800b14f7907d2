import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanDates } from '../../../server/src/engine/calendar/dates';
import { scanDocumentSymbols } from '../../../server/src/engine/symbols/documentSymbols';

const lettersFolder = join(import.meta.dirname, '..', '..', 'fixtures', 'letters');
const letters = readdirSync(lettersFolder).filter((name) => name.endsWith('.txt')).sort();

void describe('the five real letters', () => {
	void it('are all present', () => {
		assert.equal(letters.length, 5);
	});

	for (const name of letters) {
		const text = readFileSync(join(lettersFolder, name), 'utf8');

		void it(`${name}: no malformed symbol`, () => {
			const malformed = scanDocumentSymbols(text).filter((m) => m.malformed !== undefined);
			assert.deepEqual(malformed.map((m) => m.raw), []);
		});

		void it(`${name}: no invalid date except the seeded “016 October 2020” in 001`, () => {
			const invalid = scanDates(text).filter((m) => m.invalid !== undefined).map((m) => m.raw);
			assert.deepEqual(invalid, name.startsWith('001_') ? ['016 October 2020'] : []);
		});
	}

	void it('001: finds every cited symbol, with the footnote list read one by one', () => {
		const text = readFileSync(join(lettersFolder, letters[1]), 'utf8');
		const symbols = scanDocumentSymbols(text).map((m) => m.symbol?.text);
		assert.equal(symbols.length, 46);
		assert.deepEqual(symbols.slice(0, 4), ['S/23904', 'S/24493', 'S/24721', 'A/74/676-S/2020/90']);
		assert.ok(symbols.includes('A/71/740-S/2016/1140'));
		assert.equal(symbols.at(-1), 'S/2020/1104');
	});

	void it('000 and 003: nothing is taken from the web addresses of the footnotes', () => {
		const first = readFileSync(join(lettersFolder, letters[0]), 'utf8');
		assert.deepEqual(scanDocumentSymbols(first).map((m) => m.symbol?.text), ['A/75/495-S/2020/981']);
		const noteVerbale = readFileSync(join(lettersFolder, letters[3]), 'utf8');
		assert.deepEqual(scanDocumentSymbols(noteVerbale), []);
	});

	void it('004: reads the en-dash joint symbol and the list split by a blank line', () => {
		const text = readFileSync(join(lettersFolder, letters[4]), 'utf8');
		const symbols = scanDocumentSymbols(text).map((m) => m.symbol?.text);
		assert.equal(symbols.length, 16);
		assert.ok(symbols.includes('A/75/660-S/2020/1267'));
		assert.ok(symbols.includes('A/75/745-S/2021/156'));
	});
});
