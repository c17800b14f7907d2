import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createAnnotation, reanchorAnnotation } from '../../../server/src/engine/annotations';
import { runSurvivalCase, survivalCases } from '../../fixtures/annotations/survivalScenarios';

describe('edit survival on the five fixture letters', () => {
	const cases = survivalCases();
	for (const testCase of cases) {
		it(`${testCase.letter}: ${testCase.name}`, () => {
			const { outcome, expected, found } = runSurvivalCase(testCase);
			const wanted = expected === undefined ? 'orphaned correctly' : 'found correctly';
			assert.equal(outcome, wanted, `expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`);
		});
	}

	it('has no wrong attachment at all, and covers both outcomes', () => {
		const outcomes = cases.map((testCase) => runSurvivalCase(testCase).outcome);
		assert.equal(outcomes.filter((outcome) => outcome === 'wrong attachment').length, 0);
		assert.ok(outcomes.filter((outcome) => outcome === 'found correctly').length >= 40);
		assert.ok(outcomes.filter((outcome) => outcome === 'orphaned correctly').length >= 10);
	});
});

describe('random edits away from a span never lose it or move it wrong (property)', () => {
	const folder = join(__dirname, '..', '..', 'fixtures', 'letters');
	const letters = ['000_c1c47ee4ee510e2c.txt', '001_fcfde71c67116c43.txt', '002_f4ff0849ef0a721f.txt', '003_f2b05f08a456e9bf.txt', '004_7b45a96a4a663e52.txt'].map((file) => readFileSync(join(folder, file), 'utf8'));
	/** Edits stay this far from the span, so they touch neither the quote nor its 32 characters of context. */
	const margin = 40;

	it('finds the span exactly where it went', () => {
		const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 200 }), text: fc.string({ unit: 'grapheme', maxLength: 40 }) });
		fc.assert(
			fc.property(fc.nat({ max: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 8, max: 80 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (letterIndex, where, length, edits) => {
				const original = letters[letterIndex] ?? '';
				const start = Math.floor(where * (original.length - length));
				const quote = original.slice(start, start + length);
				const context = original.slice(Math.max(0, start - 32), start + length + 32);
				// Only spans that mean something and whose quote with its context is unique (otherwise any copy is as right).
				fc.pre(quote.trim().length >= 8 && original.indexOf(context) === original.lastIndexOf(context));
				const annotation = createAnnotation(original, start, start + length, { randomId: () => 'abcdef12', now: new Date(0) });
				fc.pre(annotation !== undefined);
				let text = original;
				let spanStart = start;
				for (const { at, length: deleted, text: inserted } of edits) {
					const spanEnd = spanStart + length;
					const room = [
						[0, spanStart - margin],
						[spanEnd + margin, text.length],
					].filter(([low, high]) => (high ?? 0) > (low ?? 0));
					const [low, high] = room[Math.floor(at * room.length) % Math.max(1, room.length)] ?? [0, 0];
					if (low === undefined || high === undefined || high <= low) {
						continue;
					}
					const editStart = low + Math.floor(at * (high - low));
					const editEnd = Math.min(high, editStart + deleted);
					text = text.slice(0, editStart) + inserted + text.slice(editEnd);
					if (editStart < spanStart) {
						spanStart += inserted.length - (editEnd - editStart);
					}
				}
				// A random insertion may, rarely, create a copy of the quote with its context: the original is still right.
				const result = reanchorAnnotation(text, annotation);
				assert.equal(result.status === 'orphaned', false, 'lost');
				assert.deepEqual(result.range, { start: spanStart, end: spanStart + length }, 'moved wrong');
				assert.equal(result.target?.start, [...text.slice(0, spanStart)].length, 'stored in code points');
			}),
			{ numRuns: 150 },
		);
	});
});
