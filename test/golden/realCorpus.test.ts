// The golden tests: every real letter of test/fixtures/real and test/fixtures/real-holdout is read as its hand-written
// expectations say, with no error or warning they do not list; a field a golden declares a known miss must still be
// wrong (so that a fix updates the golden). The corpus itself is checked too: every text has its golden file and its
// SOURCES.md row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadReferenceData } from '../../server/src/node/referenceDataFile';
import { evaluateGoldenCorpus, GOLDEN_SETS, readGolden, realLetterNames } from './goldenCorpus';

const data = loadReferenceData();

for (const set of GOLDEN_SETS) {
	describe(`the ${set.name} corpus`, () => {
		const names = realLetterNames(set.dir);
		const sources = readFileSync(join(set.dir, 'SOURCES.md'), 'utf8');

		test('every text has a golden file that names its source, and a row in SOURCES.md', () => {
			assert.ok(names.length > 0, `${set.dir} holds no real texts`);
			for (const name of names) {
				const golden = readGolden(name, set.dir);
				assert.ok(golden.source && golden.source.length > 0, `${name}: the golden file names no source`);
				assert.ok(sources.includes(name), `${name} has no row in SOURCES.md`);
			}
		});
	});

	describe(`golden expectations of the ${set.name} letters`, () => {
		for (const outcome of evaluateGoldenCorpus(data, set.dir)) {
			test(outcome.name, () => {
				const known = new Set((outcome.golden.knownMisses ?? []).map((miss) => miss.field));
				assert.deepEqual(outcome.mismatches.filter((mismatch) => !known.has(mismatch.field)), [], `${outcome.name}: fields read wrong`);
				assert.deepEqual([...known].filter((field) => !outcome.mismatches.some((mismatch) => mismatch.field === field)), [], `${outcome.name}: a known miss is now read right; remove it from knownMisses`);
				assert.deepEqual(outcome.unexpected.map((d) => `${d.line}:${d.column} ${d.code} “${d.text}”: ${d.message}`), [], `${outcome.name}: false alarms`);
				assert.deepEqual(outcome.missed, [], `${outcome.name}: expected diagnostics not raised`);
			});
		}
	});
}
