import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationHoverMarkdown, annotationRefFrom, escapeMarkdown, excerpt, formatCreated } from '../../../client/src/annotations/annotationText';
import { annotation } from './annotationFixtures';

void describe('annotationRefFrom', () => {
	void it('reads a { uri, id } from a hover link or a tree node holding an annotation', () => {
		const entry = annotation('7f3a9c', ['x'], 0, 0, 1);
		assert.deepEqual(annotationRefFrom({ uri: 'file:///a.txt', id: '7f3a9c' }), { uri: 'file:///a.txt', id: '7f3a9c' });
		assert.deepEqual(annotationRefFrom({ kind: 'annotation', annotation: entry, tag: 'x' }), { uri: entry.uri, id: '7f3a9c' });
	});

	void it('gives nothing for other arguments (the command then uses the cursor)', () => {
		for (const argument of [undefined, null, 'x', 3, { uri: 'file:///a.txt' }, { kind: 'tag', node: {} }, { annotation: { id: 1 } }]) {
			assert.equal(annotationRefFrom(argument), undefined);
		}
	});
});

void describe('annotation words', () => {
	void it('collapses and cuts excerpts', () => {
		assert.equal(excerpt('killing of\n  43 civilians'), 'killing of 43 civilians');
		const long = excerpt('a'.repeat(100), 10);
		assert.equal(long.length, 10);
		assert.ok(long.endsWith('…'));
	});

	void it('formats creation times in UTC and keeps what is not a time', () => {
		assert.equal(formatCreated('2026-11-23T10:00:00Z'), '2026-11-23 10:00 UTC');
		assert.equal(formatCreated('yesterday'), 'yesterday');
	});

	void it('escapes Markdown so that notes show as written', () => {
		assert.equal(escapeMarkdown('*not bold* [link](x)'), '\\*not bold\\* \\[link\\]\\(x\\)');
	});
});

void describe('annotationHoverMarkdown', () => {
	const entry = annotation('7f3a9c', ['allegation', 'casualty-figure'], 4, 0, 9, {
		uri: 'file:///letters/a b.txt',
		note: 'Figures *differ*',
		author: 'jdoe',
		created: '2026-11-23T10:00:00Z',
	});

	void it('shows tags with their colours, the note escaped, author and date', () => {
		const markdown = annotationHoverMarkdown(entry, new Map([['allegation', '#dd1144']]));
		assert.ok(markdown.includes('color:#dd1144;'));
		assert.ok(markdown.includes('`casualty-figure`'));
		assert.ok(markdown.includes('Figures \\*differ\\*'));
		assert.ok(markdown.includes('_jdoe, 2026\\-11\\-23 10:00 UTC_'));
	});

	void it('links to edit and remove the annotation with its uri and id as the argument', () => {
		const markdown = annotationHoverMarkdown(entry, new Map());
		const links = [...markdown.matchAll(/\(command:(diplomaticLetters\.\w+)\?([^ )]+)/g)];
		assert.deepEqual(links.map((link) => link[1]), ['diplomaticLetters.editTags', 'diplomaticLetters.editNote', 'diplomaticLetters.removeAnnotation']);
		for (const link of links) {
			assert.deepEqual(JSON.parse(decodeURIComponent(link[2])), [{ uri: 'file:///letters/a b.txt', id: '7f3a9c' }]);
		}
	});

	void it('leaves out what the annotation does not have', () => {
		const markdown = annotationHoverMarkdown(annotation('b', ['x'], 0, 0, 1), new Map());
		assert.ok(!markdown.includes('UTC'));
		assert.equal(markdown.split('\n').filter((line) => line.startsWith('_')).length, 0);
	});
});
