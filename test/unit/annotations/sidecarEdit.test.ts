import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addAnnotation, annotationAtRange, createSidecarText, parseSidecar, removeAnnotation, renameTag, setLetterSymbol, storePositions, updateAnnotation } from '../../../server/src/engine/annotations';
import type { Annotation, SidecarEditResult } from '../../../server/src/engine/annotations';

function annotationAt(id: string, start: number, extra: Partial<Annotation> = {}): Annotation {
	return {
		id,
		tags: ['allegation'],
		created: '2026-11-23T10:00:00Z',
		target: { exact: 'killing of 43 civilians', prefix: 'attacks have resulted in the ', suffix: ', including women', start, end: start + 23 },
		...extra,
	};
}

function textOf(result: SidecarEditResult): string {
	assert.ok(result.ok, result.ok ? '' : result.problems.map((problem) => problem.message).join('; '));
	return result.text;
}

/** A hand-edited sidecar: aligned comments, a folded note, a comment block above an annotation, a flow target. */
const handEdited = [
	'# Annotations of 000.txt. Hand edits and comments are kept.',
	'version: 1        # format',
	'document:',
	'  file: 000.txt',
	'annotations:',
	'  - id: aaaaaa    # first',
	'    tags: [allegation]',
	'    note: >-',
	'      A long note folded',
	'      over two lines.',
	'    target:',
	'      exact: killing of 43 civilians',
	'      prefix: "attacks have resulted in the "',
	'      suffix: ", including women"',
	'      start: 100',
	'      end: 123',
	'',
	'  # My comment about the second one.',
	'  - id: cccccc',
	'    tags: [casualty-figure]',
	'    target:',
	'      exact: killing of 43 civilians',
	'      start: 5000',
	'      end: 5023',
	'',
].join('\n');

describe('sidecar edits keep everything else', () => {
	it('createSidecarText writes the SPEC layout, sorted by position, and parses back', () => {
		const text = createSidecarText('000.txt', [annotationAt('bbbbbb', 900), annotationAt('aaaaaa', 100)], { symbol: 'A/75/495-S/2020/981' });
		assert.match(text, /^# Annotations of 000\.txt\. Hand edits and comments are kept\.\nversion: 1\ndocument:\n {2}file: 000\.txt\n {2}symbol: A\/75\/495-S\/2020\/981\nannotations:\n {2}- id: aaaaaa\n {4}tags: \[allegation\]\n/);
		const parsed = parseSidecar(text);
		assert.ok(parsed.ok);
		assert.deepEqual(parsed.sidecar.annotations.map((annotation) => annotation.id), ['aaaaaa', 'bbbbbb']);
	});

	it('adds an annotation between the others by position, touching no other line', () => {
		const text = textOf(addAnnotation(handEdited, annotationAt('bbbbbb', 1000, { note: 'two\nlines' })));
		const added = text.slice(handEdited.indexOf('  # My comment'), text.indexOf('  # My comment'));
		assert.match(added, /^ {2}- id: bbbbbb\n {4}tags: \[allegation\]\n {4}note: \|-\n {6}two\n {6}lines\n/);
		assert.equal(text.replace(added, ''), handEdited);
	});

	it('appends an annotation after the last one and into an empty list', () => {
		const text = textOf(addAnnotation(handEdited, annotationAt('dddddd', 9000)));
		assert.ok(text.startsWith(handEdited));
		assert.match(text.slice(handEdited.length), /^\n {2}- id: dddddd\n/);
		const empty = textOf(addAnnotation(createSidecarText('x.txt', []), annotationAt('eeeeee', 5)));
		assert.match(empty, /\nannotations:\n {2}- id: eeeeee\n/);
	});

	it('updates a target and marks an orphan without touching comments or the folded note', () => {
		const text = textOf(updateAnnotation(handEdited, 'aaaaaa', { status: 'orphaned', target: { exact: 'killing of 43 civilians', prefix: 'attacks have resulted in the ', suffix: ', including women', start: 140, end: 163 } }));
		assert.equal(text, handEdited.replace('      A long note folded\n      over two lines.\n', '      A long note folded\n      over two lines.\n    status: orphaned\n').replace('start: 100', 'start: 140').replace('end: 123', 'end: 163'));
		const reattached = textOf(updateAnnotation(text, 'aaaaaa', { status: undefined }));
		assert.equal(reattached.includes('status:'), false);
	});

	it('adds a missing prefix to a target that had none', () => {
		const text = textOf(updateAnnotation(handEdited, 'cccccc', { target: { exact: 'killing of 43 civilians', prefix: 'the ', suffix: '', start: 5000, end: 5023 } }));
		const parsed = parseSidecar(text);
		assert.ok(parsed.ok);
		assert.equal(parsed.sidecar.annotations[1]?.target.prefix, 'the ');
		assert.ok(text.includes('  # My comment about the second one.\n'));
	});

	it('removes an annotation with its own comment, and the last one leaves an empty list', () => {
		const text = textOf(removeAnnotation(handEdited, 'cccccc'));
		assert.equal(text, handEdited.slice(0, handEdited.indexOf('\n  # My comment') + 1).replace(/\n\n$/, '\n'));
		const none = textOf(removeAnnotation(text, 'aaaaaa'));
		assert.match(none, /\nannotations: \[\]\n$/);
		assert.ok(none.startsWith('# Annotations of 000.txt.'));
	});

	it('renames a tag everywhere without duplicating it', () => {
		const withBoth = textOf(updateAnnotation(handEdited, 'cccccc', { tags: ['casualty-figure', 'claim'] }));
		const text = textOf(renameTag(withBoth, 'casualty-figure', 'claim'));
		const parsed = parseSidecar(text);
		assert.ok(parsed.ok);
		assert.deepEqual(parsed.sidecar.annotations[1]?.tags, ['claim']);
		assert.ok(text.includes('version: 1        # format\n'));
	});

	it('records the letter symbol in the document block', () => {
		const text = textOf(setLetterSymbol(handEdited, 'A/75/495-S/2020/981'));
		assert.ok(text.includes('  file: 000.txt\n  symbol: A/75/495-S/2020/981\n'));
	});

	it('falls back to the document API for a flow-style target, keeping comments and key order', () => {
		const flow = 'version: 1 # v\ndocument: {file: a.txt}\nannotations:\n  - id: abc123\n    target: {exact: x, start: 1, end: 2} # flow\n    tags: [b]\n';
		const text = textOf(updateAnnotation(flow, 'abc123', { target: { exact: 'x', prefix: 'p', suffix: 's', start: 4, end: 5 } }));
		assert.ok(text.includes('# v'));
		assert.ok(text.indexOf('target') < text.indexOf('tags'), 'key order kept');
		const parsed = parseSidecar(text);
		assert.ok(parsed.ok);
		assert.deepEqual(parsed.sidecar.annotations[0]?.target, { exact: 'x', prefix: 'p', suffix: 's', start: 4, end: 5 });
	});

	it('refuses to edit an invalid sidecar or an unknown id, and refuses a duplicate id', () => {
		const broken = handEdited.replace('start: 100', 'start: [');
		const result = addAnnotation(broken, annotationAt('ffffff', 1));
		assert.equal(result.ok, false);
		assert.equal(updateAnnotation(handEdited, 'nope', { tags: [] }).ok, false);
		const duplicate = addAnnotation(handEdited, annotationAt('aaaaaa', 1));
		assert.equal(duplicate.ok, false);
		assert.match(duplicate.ok ? '' : (duplicate.problems[0]?.message ?? ''), /already used/);
	});
	it('stores positions tracked in the editor on save: moved targets, orphan marks, nothing else touched', () => {
		const letter = 'xx attacks have resulted in the killing of 43 civilians, including women and children';
		const parsed = parseSidecar(handEdited);
		assert.ok(parsed.ok);
		const [first, second] = parsed.sidecar.annotations;
		assert.ok(first && second);
		const start = letter.indexOf('killing');
		const moved = annotationAtRange(letter, first, { start, end: start + 23 });
		const result = storePositions(handEdited, [{ id: first.id, from: first.target, to: moved.target }, { id: second.id, from: second.target, to: undefined }]);
		assert.ok(result.ok);
		assert.deepEqual(result.applied, [first.id, second.id]);
		const after = parseSidecar(result.text);
		assert.ok(after.ok);
		assert.equal(after.sidecar.annotations[0]?.target.start, start);
		assert.equal(after.sidecar.annotations[0]?.target.prefix, 'xx attacks have resulted in the ');
		assert.equal(after.sidecar.annotations[1]?.status, 'orphaned');
		assert.equal(after.sidecar.annotations[1]?.target.start, 5000);
		assert.ok(result.text.includes('    note: >-\n      A long note folded\n      over two lines.\n'));
	});
	it('merges stored positions with what changed meanwhile: a newer target, a deletion, a new tag are kept', () => {
		const parsed = parseSidecar(handEdited);
		assert.ok(parsed.ok);
		const [first, second] = parsed.sidecar.annotations;
		assert.ok(first && second);
		const elsewhere = { ...second.target, start: 7000, end: 7010 };
		const meanwhile = textOf(updateAnnotation(textOf(updateAnnotation(handEdited, second.id, { target: elsewhere })), first.id, { tags: ['added-meanwhile'] }));
		const result = storePositions(meanwhile, [
			{ id: first.id, from: first.target, to: { ...first.target, start: 1, end: 24 } },
			{ id: second.id, from: second.target, to: undefined },
			{ id: 'gone00', from: first.target, to: first.target },
		]);
		assert.ok(result.ok);
		assert.deepEqual(result.applied, [first.id]);
		const after = parseSidecar(result.text);
		assert.ok(after.ok);
		assert.deepEqual(after.sidecar.annotations.map((annotation) => [annotation.id, annotation.target.start, annotation.tags, annotation.status]), [
			[first.id, 1, ['added-meanwhile'], undefined],
			[second.id, 7000, second.tags, undefined],
		]);
	});
	it('keeps CRLF line ends in a Windows sidecar', () => {
		const crlf = handEdited.replace(/\n/g, '\r\n');
		const added = textOf(addAnnotation(crlf, annotationAt('bbbbbb', 1000)));
		const updated = textOf(updateAnnotation(added, 'aaaaaa', { status: 'orphaned' }));
		assert.equal(/[^\r]\n/.test(updated), false, 'no bare LF');
		const parsed = parseSidecar(updated);
		assert.ok(parsed.ok);
		assert.deepEqual(parsed.sidecar.annotations.map((annotation) => [annotation.id, annotation.status]), [['aaaaaa', 'orphaned'], ['bbbbbb', undefined], ['cccccc', undefined]]);
		assert.ok(updated.startsWith(crlf.slice(0, crlf.indexOf('  - id: aaaaaa'))));
		assert.ok(updated.includes('  # My comment about the second one.\r\n'));
	});
});
