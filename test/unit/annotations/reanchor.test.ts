import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationAfterReanchor, createAnnotation, reanchorAnnotation, reanchorAnnotations, retargetAnnotation, targetForRange } from '../../../server/src/engine/annotations';
import type { Annotation } from '../../../server/src/engine/annotations';

const letter = [
	'It has been over a month since Azerbaijan unleashed a pre-planned large-scale war.',
	'The indiscriminate attacks have resulted in the killing of 43 civilians, including women and children and other vulnerable persons.',
	'Hundreds of cluster bomblets are causing a serious security risk to civilians, in particular children.',
].join('\n');

function annotate(text: string, phrase: string, occurrence = 0): Annotation {
	let at = text.indexOf(phrase);
	for (let count = 0; count < occurrence; count++) {
		at = text.indexOf(phrase, at + 1);
	}
	const annotation = createAnnotation(text, at, at + phrase.length, { tags: ['casualty-figure'], randomId: () => 'abc123', now: new Date('2026-11-23T10:00:00.123Z') });
	assert.ok(annotation);
	return annotation;
}

describe('createAnnotation and targets', () => {
	it('builds quote, 32 characters of context and code point positions', () => {
		const annotation = annotate(letter, 'killing of 43 civilians');
		assert.equal(annotation.id, 'abc123');
		assert.equal(annotation.created, '2026-11-23T10:00:00Z');
		assert.equal(annotation.target.exact, 'killing of 43 civilians');
		assert.equal(annotation.target.prefix, 'criminate attacks have resulted in the '.slice(-32));
		assert.equal(annotation.target.suffix, ', including women and children a');
		assert.equal(annotation.target.prefix.length, 32);
		assert.equal(annotation.target.start, letter.indexOf('killing'));
	});

	it('counts positions in code points after astral characters', () => {
		const text = '😀😀 flagged words here';
		const target = targetForRange(text, { start: 5, end: 12 });
		assert.deepEqual([target.exact, target.start, target.end, target.prefix], ['flagged', 3, 10, '😀😀 ']);
	});

	it('refuses empty, whitespace-only and out-of-range spans, and avoids existing ids', () => {
		assert.equal(createAnnotation(letter, 5, 5), undefined);
		assert.equal(createAnnotation('a   b', 1, 4), undefined);
		assert.equal(createAnnotation(letter, 0, letter.length + 1), undefined);
		const ids = ['aaaaaa', 'bbbbbb'];
		const annotation = createAnnotation(letter, 0, 5, { randomId: () => ids.shift() ?? 'cccccc', existingIds: new Set(['aaaaaa']) });
		assert.equal(annotation?.id, 'bbbbbb');
		assert.match(createAnnotation(letter, 0, 5)?.id ?? '', /^[0-9a-f]{8}$/);
	});

	it('re-targets an orphan to a new selection ("Attach to Selection")', () => {
		const orphan: Annotation = { ...annotate(letter, 'killing of 43 civilians'), status: 'orphaned' };
		const at = letter.indexOf('cluster bomblets');
		const moved = retargetAnnotation(letter, orphan, { start: at, end: at + 16 });
		assert.equal(moved?.status, undefined);
		assert.equal(moved?.target.exact, 'cluster bomblets');
		assert.equal(moved?.tags[0], 'casualty-figure');
	});
});

describe('reanchorAnnotation', () => {
	const annotation = annotate(letter, 'killing of 43 civilians');

	it('keeps an annotation whose text is still at its position', () => {
		const result = reanchorAnnotation(letter, annotation);
		assert.deepEqual([result.status, result.method], ['unchanged', 'position']);
	});

	it('finds the quote after text was inserted before it', () => {
		const edited = `A new first line.\n${letter}`;
		const result = reanchorAnnotation(edited, annotation);
		assert.deepEqual([result.status, result.method, result.range?.start], ['moved', 'exact', edited.indexOf('killing')]);
	});

	it('finds re-wrapped text and returns the real span with its line break', () => {
		const edited = letter.replace('killing of 43 civilians', 'killing of\n43  civilians');
		const result = reanchorAnnotation(edited, annotation);
		assert.equal(edited.slice(result.range?.start, result.range?.end), 'killing of\n43  civilians');
		assert.equal(result.status, 'moved');
	});

	it('finds a quote with a changed word by fuzzy matching', () => {
		const edited = letter.replace('43', '45');
		const result = reanchorAnnotation(edited, annotation);
		assert.deepEqual([result.method, edited.slice(result.range?.start, result.range?.end)], ['fuzzy', 'killing of 45 civilians']);
		assert.equal(result.target?.exact, 'killing of 45 civilians');
	});

	it('orphans an annotation whose text was deleted', () => {
		const result = reanchorAnnotation(letter.replace('killing of 43 civilians', ''), annotation);
		assert.deepEqual([result.status, result.method, result.range], ['orphaned', 'none', undefined]);
	});

	it('lets the context decide between repeats, and never captures a repeat in another context', () => {
		const text = `${letter}\nThe report also mentions the killing of 43 civilians in another town, which is a different event.`;
		const second = annotate(text, 'killing of 43 civilians', 1);
		const shifted = `Preamble.\n${text}`;
		assert.equal(reanchorAnnotation(shifted, second).range?.start, shifted.lastIndexOf('killing of 43 civilians'));
		const first = annotate(text, 'killing of 43 civilians', 0);
		const withoutFirstSentence = text.replace('The indiscriminate attacks have resulted in the killing of 43 civilians, including women and children and other vulnerable persons.', '');
		assert.equal(reanchorAnnotation(withoutFirstSentence, first).status, 'orphaned');
	});

	it('marks orphans and clears the mark when found again (annotationAfterReanchor)', () => {
		const orphaned = annotationAfterReanchor(annotation, reanchorAnnotation('nothing here', annotation));
		assert.equal(orphaned.status, 'orphaned');
		assert.deepEqual(orphaned.target, annotation.target);
		const found = annotationAfterReanchor(orphaned, reanchorAnnotation(`x${letter}`, orphaned));
		assert.equal(found.status, undefined);
		assert.equal(found.target.start, annotation.target.start + 1);
	});

	it('re-anchors several annotations of one letter in order', () => {
		const other = annotate(letter, 'cluster bomblets');
		const results = reanchorAnnotations(letter, [other, annotation]);
		assert.deepEqual(results.map((result) => result.status), ['unchanged', 'unchanged']);
	});

	it('orphans an annotation with an empty quote instead of throwing', () => {
		const empty: Annotation = { ...annotation, target: { ...annotation.target, exact: '   ' } };
		assert.equal(reanchorAnnotation(letter, empty).status, 'orphaned');
	});
});
