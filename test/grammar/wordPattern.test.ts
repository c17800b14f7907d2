import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SERIES_ORGANS } from '../../server/src/engine/symbols/seriesNames';

const configurationPath = join(import.meta.dirname, '..', '..', 'language-configuration.json');
const configuration = JSON.parse(readFileSync(configurationPath, 'utf8')) as { wordPattern: string };

/** The word VS Code takes at `offset` (double-click, Find with the cursor in a word): the match that covers it. */
function wordAt(line: string, offset: number): string | undefined {
	for (const match of line.matchAll(new RegExp(configuration.wordPattern, 'g'))) {
		if (match.index <= offset && offset <= match.index + match[0].length) {
			return match[0];
		}
	}
	return undefined;
}

/** Every word the pattern finds in `line`, in order. */
function words(line: string): string[] {
	return [...line.matchAll(new RegExp(configuration.wordPattern, 'g'))].map((match) => match[0]);
}

function assertWholeWordEverywhere(line: string, symbol: string): void {
	const start = line.indexOf(symbol);
	for (let offset = start; offset <= start + symbol.length; offset++) {
		assert.equal(wordAt(line, offset), symbol, `offset ${offset} of ${JSON.stringify(line)}`);
	}
}

void describe('language-configuration wordPattern', () => {
	const symbols = [
		'A/75/495-S/2020/981',
		'A/75/660–S/2020/1267',
		'S/RES/822',
		'E/CN.4/2005/L.10/Add.1',
		'A/C.3/75/L.1/Rev.1',
		'A/HRC/45/1',
		'S/2020/1104',
		'S/24493',
		'ST/SGB/2019/8',
		'CRC/C/GC/25',
	];
	for (const symbol of symbols) {
		void it(`keeps ${symbol} as one word wherever the cursor is in it`, () => {
			assertWholeWordEverywhere(`⁷ See ${symbol}, (${symbol}) and “${symbol}”.`, symbol);
		});
	}

	for (const series of SERIES_ORGANS.keys()) {
		void it(`keeps symbols of the ${series} series whole, as the engine reads them`, () => {
			assertWholeWordEverywhere(`See ${series}/2020/1/Add.1—S/2020/2.`, `${series}/2020/1/Add.1—S/2020/2`);
		});
	}

	void it('leaves the punctuation around a symbol out of the word', () => {
		assert.deepEqual(words('([A/74/771-S/2020/242](#)), then S/RES/822 (1993).'), [
			'A/74/771-S/2020/242',
			'then',
			'S/RES/822',
			'1993',
		]);
	});

	void it('keeps ordinary words, hyphenated words and possessives whole', () => {
		assert.deepEqual(words('Azerbaijan’s Secretary-General of Nagorno-Karabakh, at 1.30 pm'), [
			'Azerbaijan’s',
			'Secretary-General',
			'of',
			'Nagorno-Karabakh',
			'at',
			'1.30',
			'pm',
		]);
	});

	void it('splits words joined by a slash that are not a symbol', () => {
		assert.deepEqual(words('Armenia/Azerbaijan and/or Human Rights Watch/Helsinki'), [
			'Armenia',
			'Azerbaijan',
			'and',
			'or',
			'Human',
			'Rights',
			'Watch',
			'Helsinki',
		]);
	});

	void it('never matches the empty string (VS Code would loop on it)', () => {
		assert.equal(new RegExp(configuration.wordPattern).exec(''), null);
		assert.equal(wordAt('  ', 1), undefined);
	});

	void it('keeps any well-formed single or joint symbol whole (property)', () => {
		const component = fc.oneof(
			fc.integer({ min: 1, max: 2030 }).map(String),
			fc.constantFrom('RES', 'PRST', 'HRC', 'CN.4', 'C.3', 'L.10', 'Rev.1', 'Add.2', 'Corr.1', 'INF'),
		);
		const single = fc
			.tuple(fc.constantFrom('A', 'S', 'E', 'ST', 'CRC', 'CEDAW', 'CCPR'), fc.array(component, { minLength: 1, maxLength: 5 }))
			.map(([organ, parts]) => [organ, ...parts].join('/'));
		const symbol = fc
			.tuple(single, fc.option(fc.tuple(fc.constantFrom('-', '–'), single), { nil: undefined }))
			.map(([first, joint]) => (joint === undefined ? first : `${first}${joint[0]}${joint[1]}`));
		fc.assert(
			fc.property(symbol, fc.constantFrom(' ', '(', '“', '['), (generated, before) => {
				assertWholeWordEverywhere(`See${before}${generated}. Then`, generated);
			}),
		);
	});
});
