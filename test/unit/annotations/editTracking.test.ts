import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyTextEditsToAnnotations, shiftRangeThroughEdit } from '../../../server/src/engine/annotations';
import type { TextRange, TextReplacement } from '../../../server/src/engine/annotations';

const span: TextRange = { start: 10, end: 20 };

describe('shiftRangeThroughEdit', () => {
	it('shifts for an edit before the span and for an insertion at its start', () => {
		assert.deepEqual(shiftRangeThroughEdit(span, { start: 2, end: 4, newText: 'abcde' }), { start: 13, end: 23 });
		assert.deepEqual(shiftRangeThroughEdit(span, { start: 10, end: 10, newText: 'xy' }), { start: 12, end: 22 });
	});

	it('does not move for an edit after the span or an insertion at its end', () => {
		assert.deepEqual(shiftRangeThroughEdit(span, { start: 25, end: 30, newText: '' }), span);
		assert.deepEqual(shiftRangeThroughEdit(span, { start: 20, end: 20, newText: 'xy' }), span);
	});

	it('adjusts the end for an edit inside the span, including a replaced first word', () => {
		assert.deepEqual(shiftRangeThroughEdit(span, { start: 12, end: 15, newText: 'a' }), { start: 10, end: 18 });
		assert.deepEqual(shiftRangeThroughEdit(span, { start: 10, end: 13, newText: 'abcdef' }), { start: 10, end: 23 });
	});

	it('trims the span to what is left when an edit overlaps one edge', () => {
		assert.deepEqual(shiftRangeThroughEdit(span, { start: 5, end: 12, newText: 'ab' }), { start: 7, end: 15 });
		assert.deepEqual(shiftRangeThroughEdit(span, { start: 18, end: 25, newText: 'ab' }), { start: 10, end: 18 });
	});

	it('orphans the span when an edit covers all of it', () => {
		assert.equal(shiftRangeThroughEdit(span, { start: 10, end: 20, newText: '' }), undefined);
		assert.equal(shiftRangeThroughEdit(span, { start: 0, end: 30, newText: 'replacement' }), undefined);
	});
});

describe('applyTextEditsToAnnotations', () => {
	it('applies LSP-style changes in order and keeps orphans orphaned', () => {
		const items = [{ id: 'a', range: span as TextRange | undefined }, { id: 'b', range: { start: 40, end: 45 } as TextRange | undefined }];
		const edits: TextReplacement[] = [{ start: 0, end: 0, newText: '12345' }, { start: 15, end: 25, newText: '' }, { start: 0, end: 0, newText: 'x' }];
		const result = applyTextEditsToAnnotations(items, edits);
		assert.deepEqual(result, [{ id: 'a', range: undefined }, { id: 'b', range: { start: 36, end: 41 } }]);
	});

	it('keeps the span on exactly the same text through random edits (property)', () => {
		const base = 'The indiscriminate attacks have resulted in the killing of 43 civilians, including women and children.';
		const spanStart = base.indexOf('killing');
		const spanEnd = spanStart + 'killing of 43 civilians'.length;
		const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 6 }), text: fc.string({ maxLength: 6 }) });
		fc.assert(
			fc.property(fc.array(edit, { maxLength: 10 }), (raw) => {
				// Track every original character of the span by a marker: the text between the markers is the span.
				let text = base;
				let range: TextRange | undefined = { start: spanStart, end: spanEnd };
				let surviving: string = base.slice(spanStart, spanEnd);
				for (const { at, length, text: inserted } of raw) {
					const start = at % (text.length + 1);
					const end = Math.min(text.length, start + length);
					const clean = inserted.replace(/[\u0000-\u001f]/g, '');
					const replacement = { start, end, newText: clean };
					if (range !== undefined) {
						const covering = start <= range.start && end >= range.end;
						const inside = !covering && start >= range.start && end <= range.end && !(start === range.start && end === range.start) && !(start === range.end && end === range.end);
						const outside = end <= range.start || start >= range.end;
						if (inside) {
							surviving = surviving.slice(0, start - range.start) + clean + surviving.slice(end - range.start);
						} else if (!outside) {
							return; // an edit across an edge: covered by the unit tests above
						}
					}
					text = text.slice(0, start) + clean + text.slice(end);
					range = range === undefined ? undefined : shiftRangeThroughEdit(range, replacement);
				}
				assert.ok(range !== undefined);
				assert.equal(text.slice(range.start, range.end), surviving);
			}),
		);
	});
});
