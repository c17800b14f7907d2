// The range lookups of the parser (rangeIndex.ts) against the walks over every range they replace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { firstAtOrAfter, RangedItems, RangeIndex } from '../../../server/src/engine/letter/rangeIndex';

const range = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 15 })).map(([start, length]) => ({ start, end: start + length }));

describe('range lookups', () => {
	it('overlaps and holds answer as a walk over every range does, ranges in any order and overlapping', () => {
		fc.assert(fc.property(fc.array(range, { maxLength: 30 }), range, (ranges, query) => {
			const index = new RangeIndex(ranges);
			assert.equal(index.overlaps(query.start, query.end), ranges.some((item) => query.start < item.end && item.start < query.end));
			assert.equal(index.holds(query.start), ranges.some((item) => query.start >= item.start && query.start < item.end));
		}), { numRuns: 3000 });
	});
	it('inside gives the items a filter gives, in the order of their starts', () => {
		fc.assert(fc.property(fc.array(range, { maxLength: 30 }), range, (items, query) => {
			const expected = items.filter((item) => item.start >= query.start && item.end <= query.end);
			const found = new RangedItems(items).inside(query.start, query.end);
			assert.deepEqual(new Set(found), new Set(expected));
			assert.equal(found.length, expected.length);
			assert.ok(found.every((item, i) => i === 0 || found[i - 1].start <= item.start));
		}), { numRuns: 3000 });
	});
	it('firstAtOrAfter finds the first value not below the bound', () => {
		fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 55 }), (values, min) => {
			const sorted = [...values].sort((a, b) => a - b);
			const index = sorted.findIndex((value) => value >= min);
			assert.equal(firstAtOrAfter(sorted, min), index < 0 ? sorted.length : index);
		}), { numRuns: 2000 });
	});
});
