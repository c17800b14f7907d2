import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnnotation, createSidecarText, letterAnnotationFindings, orphansOf, parseSidecar, placeAnnotations, sidecarFileFindings, sidecarWithoutLetterFinding } from '../../../server/src/engine/annotations';

const letter = '😀 The indiscriminate attacks have resulted in the killing of 43 civilians, including women and children.';
const at = letter.indexOf('killing');
const annotation = createAnnotation(letter, at, at + 23, { tags: ['casualty-figure'], randomId: () => 'abc12345', now: new Date(0) });

describe('annotation diagnostics (one source for the command line and the server)', () => {
	it('reports an orphan on the letter at its last known place, in UTF-16, with its tags and quote', () => {
		assert.ok(annotation);
		const parsed = parseSidecar(createSidecarText('letter.txt', [annotation]));
		assert.ok(parsed.ok);
		const edited = letter.replace('killing of 43 civilians', 'deaths');
		const findings = letterAnnotationFindings('letter.txt.annotations.yaml', { kind: 'valid', orphans: orphansOf(placeAnnotations(edited, parsed.sidecar.annotations)) });
		assert.equal(findings.length, 1);
		assert.equal(findings[0]?.code, 'annotation-orphaned');
		assert.equal(findings[0]?.range.start, Math.min(at, edited.length));
		assert.match(findings[0]?.message ?? '', /^Annotation abc12345 \(casualty-figure\) “killing of 43 civilians” can no longer be found in this letter\. It is kept in letter\.txt\.annotations\.yaml.*Attach Orphan to Selection/);
		assert.deepEqual(letterAnnotationFindings('x', { kind: 'valid', orphans: orphansOf(placeAnnotations(letter, parsed.sidecar.annotations)) }), []);
	});

	it('reports an invalid sidecar on the letter and at each problem in the sidecar', () => {
		const text = 'version: 1\ndocument: {file: letter.txt}\nannotations:\n  - id: abc\n    target: {exact: x, start: -1, end: 2}\n';
		const parsed = parseSidecar(text);
		assert.equal(parsed.ok, false);
		const condition = { kind: 'invalid' as const, problems: parsed.ok ? [] : parsed.problems };
		const onLetter = letterAnnotationFindings('letter.txt.annotations.yaml', condition);
		assert.equal(onLetter[0]?.code, 'sidecar-invalid');
		assert.match(onLetter[0]?.message ?? '', /letter\.txt\.annotations\.yaml is not valid.*`target\.start` must be a non-negative integer \(line 5\).*nothing is lost/);
		const onSidecar = sidecarFileFindings('letter.txt.annotations.yaml', condition);
		assert.equal(onSidecar.length, 1);
		assert.equal(text.slice(onSidecar[0]?.range.start, onSidecar[0]?.range.end), '-1');
	});

	it('reports a sidecar that cannot be read, by its reason, on the letter and on the sidecar', () => {
		const condition = { kind: 'unreadable' as const, reason: 'is not valid UTF-8 text' };
		assert.match(letterAnnotationFindings('a.txt.annotations.yaml', condition)[0]?.message ?? '', /^The annotation sidecar a\.txt\.annotations\.yaml is not valid UTF-8 text, so this letter's annotations are not shown\. It is left exactly as it is\.$/);
		assert.deepEqual(sidecarFileFindings('a.txt.annotations.yaml', condition).map((finding) => [finding.code, finding.range.start]), [['sidecar-invalid', 0]]);
		assert.deepEqual(letterAnnotationFindings('a', { kind: 'none' }), []);
	});

	it('says where the letter of a letterless sidecar is now, or what to do', () => {
		const found = sidecarWithoutLetterFinding('old.txt', 'renamed/new.txt');
		assert.equal(found.code, 'sidecar-without-letter');
		assert.match(found.message, /^The letter old\.txt of this sidecar is gone .*Its annotations are in renamed\/new\.txt: use the quick fix/);
		assert.match(sidecarWithoutLetterFinding('old.txt').message, /No letter of the workspace holds its annotations/);
	});
});
