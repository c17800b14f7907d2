// The golden tests: every real letter of test/fixtures/real is read as its hand-written expectations say, with no
// error or warning they do not list. The corpus itself is checked too: every text has its golden file and its
// SOURCES.md row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadReferenceData } from '../../server/src/node/referenceDataFile';
import { evaluateGoldenCorpus, readGolden, REAL_LETTERS_DIR, realLetterNames } from './goldenCorpus';

describe('the real corpus', () => {
	const names = realLetterNames();
	const sources = readFileSync(join(REAL_LETTERS_DIR, 'SOURCES.md'), 'utf8');

	test('every text has a golden file that names its source, and a row in SOURCES.md', () => {
		for (const name of names) {
			const golden = readGolden(name);
			assert.ok(golden.source && golden.source.length > 0, `${name}: the golden file names no source`);
			assert.ok(sources.includes(name), `${name} has no row in SOURCES.md`);
		}
	});
});

describe('golden expectations of the real letters', () => {
	for (const outcome of evaluateGoldenCorpus(loadReferenceData())) {
		test(outcome.name, () => {
			assert.deepEqual(outcome.mismatches, [], `${outcome.name}: fields read wrong`);
			assert.deepEqual(outcome.unexpected.map((d) => `${d.line}:${d.column} ${d.code} “${d.text}”: ${d.message}`), [], `${outcome.name}: false alarms`);
			assert.deepEqual(outcome.missed, [], `${outcome.name}: expected diagnostics not raised`);
		});
	}
});
