import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnnotation, createSidecarText, letterAnnotationFindings, parseSidecar, reanchorAnnotations, sidecarFileFindings } from '../../../server/src/engine/annotations';

const letter = '😀 The indiscriminate attacks have resulted in the killing of 43 civilians, including women and children.';
const at = letter.indexOf('killing');
const annotation = createAnnotation(letter, at, at + 23, { randomId: () => 'abc12345', now: new Date(0) });

describe('annotation diagnostics', () => {
	it('reports an orphan on the letter at its last known position, in UTF-16', () => {
		assert.ok(annotation);
		const parsed = parseSidecar(createSidecarText('letter.txt', [annotation]));
		assert.ok(parsed.ok);
		const edited = letter.replace('killing of 43 civilians', 'deaths');
		const findings = letterAnnotationFindings(edited, 'letter.txt.annotations.yaml', parsed, reanchorAnnotations(edited, parsed.sidecar.annotations));
		assert.equal(findings.length, 1);
		assert.equal(findings[0]?.code, 'annotation-orphaned');
		assert.deepEqual(findings[0]?.range, { start: at, end: at });
		assert.match(findings[0]?.message ?? '', /Annotation abc12345 \("killing of 43 civilians"\) can no longer be found.*Attach Orphan to Selection/);
		assert.deepEqual(letterAnnotationFindings(letter, 'x', parsed, reanchorAnnotations(letter, parsed.sidecar.annotations)), []);
	});

	it('uses the stored orphan mark when no re-anchoring results are given', () => {
		assert.ok(annotation);
		const parsed = parseSidecar(createSidecarText('letter.txt', [{ ...annotation, status: 'orphaned' }]));
		assert.equal(letterAnnotationFindings(letter, 'x', parsed)[0]?.code, 'annotation-orphaned');
	});

	it('reports an invalid sidecar on the letter and at each problem in the sidecar', () => {
		const text = 'version: 1\ndocument: {file: letter.txt}\nannotations:\n  - id: abc\n    target: {exact: x, start: -1, end: 2}\n';
		const parsed = parseSidecar(text);
		const onLetter = letterAnnotationFindings(letter, 'letter.txt.annotations.yaml', parsed);
		assert.equal(onLetter[0]?.code, 'sidecar-invalid');
		assert.match(onLetter[0]?.message ?? '', /letter\.txt\.annotations\.yaml is not valid.*`target\.start` must be a non-negative integer \(line 5\)/);
		const onSidecar = sidecarFileFindings(parsed);
		assert.equal(onSidecar.length, 1);
		assert.equal(text.slice(onSidecar[0]?.range.start, onSidecar[0]?.range.end), '-1');
	});
});
