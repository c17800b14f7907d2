import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanDates } from '../../server/src/engine/calendar/dates';
import { scanDocumentSymbols } from '../../server/src/engine/symbols/documentSymbols';
import { SERIES_ORGANS } from '../../server/src/engine/symbols/seriesNames';
import { scanResolutionCitations } from '../../server/src/engine/symbols/resolutions';
import { loadGrammar, scopedRanges } from './tokenizer';
import type { ScopedRange } from './tokenizer';

const lettersFolder = join(import.meta.dirname, '..', 'fixtures', 'letters');
const letters = readdirSync(lettersFolder)
	.filter((name) => name.endsWith('.txt'))
	.sort()
	.map((name) => ({ name, text: readFileSync(join(lettersFolder, name), 'utf8') }));

const SYMBOL = 'constant.other.symbol.un-document.diplomatic-letter';
const RESOLUTION = 'constant.other.resolution.diplomatic-letter';
const DATE = 'constant.numeric.date.diplomatic-letter';

function labels(ranges: readonly { start: number; raw?: string; text?: string }[]): string[] {
	return ranges.map((range) => `${range.start}:${range.raw ?? range.text ?? ''}`);
}

/**
 * The grammar colours what the language server reads: on the five real letters, in the letter grammar and in Markdown
 * through the injection, the coloured symbols and resolutions are exactly the engine's, and every date the engine
 * reads is coloured (the grammar also colours partial dates such as "27 September", which the engine does not check).
 */
void describe('grammar and engine agree on the fixture letters', () => {
	void it('has the five letters', () => {
		assert.equal(letters.length, 5);
	});

	for (const scopeName of ['text.diplomatic-letter', 'text.html.markdown'] as const) {
		for (const { name, text } of letters) {
			void it(`${scopeName}, ${name}: colours exactly the well-formed symbols the engine finds`, async () => {
				const grammar = await loadGrammar(scopeName);
				const engine = scanDocumentSymbols(text).filter((match) => match.symbol !== undefined);
				assert.deepEqual(labels(scopedRanges(grammar, text, SYMBOL)), labels(engine));
			});

			void it(`${scopeName}, ${name}: colours exactly the resolutions the engine finds`, async () => {
				const grammar = await loadGrammar(scopeName);
				const coloured = scopedRanges(grammar, text, RESOLUTION).filter((range) => !range.text.includes('/RES/'));
				assert.deepEqual(labels(coloured), labels(scanResolutionCitations(text)));
			});
		}
	}

	for (const { name, text } of letters) {
		void it(`${name}: colours every date the engine reads`, async () => {
			const grammar = await loadGrammar('text.diplomatic-letter');
			const coloured: ScopedRange[] = scopedRanges(grammar, text, DATE);
			const uncoloured = scanDates(text).filter(
				(date) => !coloured.some((range) => range.start <= date.start && date.end <= range.end),
			);
			assert.deepEqual(labels(uncoloured), []);
			assert.ok(coloured.length > 0);
		});
	}

	void it('colours a symbol of every series the engine knows, and the engine reads it whole', async () => {
		const grammar = await loadGrammar('text.diplomatic-letter');
		for (const series of SERIES_ORGANS.keys()) {
			const text = `See ${series}/75/1/Rev.1 of 3 May 2021.`;
			const engine = scanDocumentSymbols(text).filter((match) => match.symbol !== undefined);
			assert.deepEqual(labels(scopedRanges(grammar, text, SYMBOL)), labels(engine), series);
			assert.equal(engine.length, 1, series);
		}
	});
});
