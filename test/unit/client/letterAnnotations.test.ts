import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { adjacentAnnotation, annotationsAt, comparePositions, orderLetterAnnotations } from '../../../client/src/annotations/letterAnnotations';
import { annotation } from './annotationFixtures';

void describe('orderLetterAnnotations', () => {
	void it('puts attached annotations in text order and orphans last, in their own order', () => {
		const list = [
			annotation('late', ['x'], 9, 0, 5),
			annotation('orphan-b', ['x'], 1, 0, 1, { status: 'orphaned' }),
			annotation('early-long', ['x'], 2, 0, 9),
			annotation('early-short', ['x'], 2, 0, 3),
			annotation('orphan-a', ['x'], 0, 0, 1, { status: 'orphaned' }),
		];
		const { attached, orphans } = orderLetterAnnotations(list);
		assert.deepEqual(attached.map((entry) => entry.id), ['early-short', 'early-long', 'late']);
		assert.deepEqual(orphans.map((entry) => entry.id), ['orphan-b', 'orphan-a']);
		assert.equal(list[0].id, 'late', 'the input is not reordered');
	});
});

void describe('annotationsAt', () => {
	void it('finds the attached annotations under a position, innermost first, ends included', () => {
		const outer = annotation('outer', ['x'], 4, 0, 30);
		const inner = annotation('inner', ['x'], 4, 10, 15);
		const orphan = annotation('orphan', ['x'], 4, 0, 30, { status: 'orphaned' });
		assert.deepEqual(annotationsAt([outer, inner, orphan], { line: 4, character: 12 }).map((entry) => entry.id), ['inner', 'outer']);
		assert.deepEqual(annotationsAt([outer, inner], { line: 4, character: 30 }).map((entry) => entry.id), ['outer']);
		assert.deepEqual(annotationsAt([outer, inner], { line: 5, character: 0 }), []);
	});
});

void describe('adjacentAnnotation', () => {
	const first = annotation('first', ['x'], 2, 4, 8);
	const second = annotation('second', ['x'], 5, 0, 3);
	const third = annotation('third', ['x'], 5, 10, 12);
	const orphan = annotation('orphan', ['x'], 3, 0, 1, { status: 'orphaned' });
	const all = [third, orphan, first, second];

	void it('goes to the next annotation after the cursor and wraps to the first', () => {
		assert.equal(adjacentAnnotation(all, { line: 0, character: 0 }, 'next')?.id, 'first');
		assert.equal(adjacentAnnotation(all, { line: 2, character: 4 }, 'next')?.id, 'second');
		assert.equal(adjacentAnnotation(all, { line: 5, character: 1 }, 'next')?.id, 'third');
		assert.equal(adjacentAnnotation(all, { line: 5, character: 10 }, 'next')?.id, 'first');
	});

	void it('goes to the previous annotation before the cursor and wraps to the last', () => {
		assert.equal(adjacentAnnotation(all, { line: 5, character: 10 }, 'previous')?.id, 'second');
		assert.equal(adjacentAnnotation(all, { line: 5, character: 0 }, 'previous')?.id, 'first');
		assert.equal(adjacentAnnotation(all, { line: 2, character: 4 }, 'previous')?.id, 'third');
		assert.equal(adjacentAnnotation(all, { line: 99, character: 0 }, 'previous')?.id, 'third');
	});

	void it('skips orphans, and has nothing to go to without attached annotations', () => {
		assert.equal(adjacentAnnotation([orphan], { line: 0, character: 0 }, 'next'), undefined);
		assert.equal(adjacentAnnotation([], { line: 0, character: 0 }, 'previous'), undefined);
		assert.equal(adjacentAnnotation([orphan, first], { line: 2, character: 4 }, 'next')?.id, 'first');
	});

	void it('visits every annotation once in a full round of next, from each one\'s start', () => {
		const startArbitrary = fc.record({ line: fc.nat(50), character: fc.nat(80) });
		fc.assert(fc.property(fc.uniqueArray(startArbitrary, { minLength: 1, maxLength: 12, selector: (p) => `${p.line}:${p.character}` }), (starts) => {
			const list = starts.map((start, index) => annotation(`a${index}`, ['x'], start.line, start.character, start.character + 1));
			let cursor = { line: -1, character: 0 };
			const visited: string[] = [];
			for (let step = 0; step < list.length; step++) {
				const next = adjacentAnnotation(list, cursor, 'next');
				assert.ok(next);
				assert.ok(step === 0 || comparePositions(next.range.start, cursor) > 0);
				visited.push(next.id);
				cursor = next.range.start;
			}
			assert.equal(new Set(visited).size, list.length);
			const expectedBack = list.length === 1 ? visited[0] : visited[visited.length - 2];
			assert.equal(adjacentAnnotation(list, cursor, 'previous')?.id, expectedBack);
		}));
	});
});
