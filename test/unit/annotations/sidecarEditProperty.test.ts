import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addAnnotation, compareAnnotationsByPosition, createSidecarText, parseSidecar, removeAnnotation, renameTag, updateAnnotation } from '../../../server/src/engine/annotations';
import type { Annotation, SidecarEditResult } from '../../../server/src/engine/annotations';

const tagNames = fc.constantFrom('allegation', 'casualty-figure', 'date', 'claim: disputed', '#hash');
const texts = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '"', "'", ':', '#', '-', 'é', '😀', '\t'), minLength: 1, maxLength: 20 });

const operation = fc.oneof(
	fc.record({ kind: fc.constant('add' as const), start: fc.nat({ max: 5000 }), exact: texts.filter((text) => text.length > 0), note: fc.option(texts, { nil: undefined }), tags: fc.array(tagNames, { maxLength: 3 }) }),
	fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), note: fc.option(texts, { nil: undefined }), orphan: fc.boolean(), shift: fc.integer({ min: -50, max: 50 }) }),
	fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('rename' as const), from: tagNames, to: tagNames }),
);

describe('sidecar edits (property)', () => {
	it('any sequence of edits keeps the file valid, equal to the model, in position order for additions, with its comments', () => {
		fc.assert(
			fc.property(fc.array(operation, { maxLength: 12 }), (operations) => {
				let text = createSidecarText('letter.txt', []).replace('version: 1', 'version: 1   # kept comment');
				let model: Annotation[] = [];
				let counter = 0;
				for (const operation of operations) {
					let result: SidecarEditResult;
					if (operation.kind === 'add') {
						const start = operation.start;
						const annotation: Annotation = { id: `id${(counter++).toString(16).padStart(6, '0')}`, tags: [...new Set(operation.tags)], ...(operation.note === undefined ? {} : { note: operation.note }), target: { exact: operation.exact, prefix: 'p ', suffix: '\n s', start, end: start + operation.exact.length } };
						result = addAnnotation(text, annotation);
						const index = model.findIndex((other) => compareAnnotationsByPosition(annotation, other) < 0);
						model.splice(index === -1 ? model.length : index, 0, annotation);
					} else if (model.length === 0) {
						continue;
					} else if (operation.kind === 'update') {
						const chosen = model[operation.pick % model.length];
						const start = Math.max(0, chosen.target.start + operation.shift);
						const target = { ...chosen.target, start, end: start + chosen.target.exact.length };
						result = updateAnnotation(text, chosen.id, { note: operation.note, status: operation.orphan ? 'orphaned' : undefined, target });
						const { note: _note, status: _status, ...rest } = chosen;
						const updated: Annotation = { ...rest, ...(operation.note === undefined ? {} : { note: operation.note }), ...(operation.orphan ? { status: 'orphaned' as const } : {}), target };
						model = model.map((annotation) => (annotation.id === chosen.id ? updated : annotation));
					} else if (operation.kind === 'remove') {
						const chosen = model[operation.pick % model.length];
						result = removeAnnotation(text, chosen.id);
						model = model.filter((annotation) => annotation.id !== chosen.id);
					} else {
						result = renameTag(text, operation.from, operation.to);
						model = model.map((annotation) => (annotation.tags.includes(operation.from) ? { ...annotation, tags: [...new Set(annotation.tags.map((tag) => (tag === operation.from ? operation.to : tag)))] } : annotation));
					}
					assert.ok(result.ok, result.ok ? '' : result.problems.map((problem) => problem.message).join('; '));
					text = result.text;
					const parsed = parseSidecar(text);
					assert.ok(parsed.ok);
					assert.deepEqual(parsed.sidecar.annotations, model);
					assert.ok(text.includes('version: 1   # kept comment\n'));
					assert.ok(text.startsWith('# Annotations of letter.txt.'));
				}
			}),
			{ numRuns: 150 },
		);
	});
});
