import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesAnnotationFilter } from '../../../client/src/annotations/annotationFilter';
import { defaultTagColour } from '../../../client/src/annotations/tagColours';
import type { TagTreeNode } from '../../../client/src/annotations/tagTreeModel';
import { buildTagTree, tagSegments } from '../../../client/src/annotations/tagTreeModel';
import { annotation, summaries } from './annotationFixtures';

function shape(nodes: readonly TagTreeNode[]): unknown[] {
	return nodes.map((node) => [node.name, node.count, node.annotations.map((entry) => entry.id), shape(node.children)]);
}

void describe('buildTagTree', () => {
	const a1 = annotation('a1', ['legal/self-defence', 'allegation'], 3, 0, 10);
	const a2 = annotation('a2', ['legal/self-defence'], 1, 0, 4);
	const a3 = annotation('a3', ['legal/occupation', 'legal'], 7, 2, 9);
	const a4 = annotation('a4', ['allegation'], 9, 0, 3, { uri: 'file:///letters/b.txt', note: 'Figures differ from the report' });

	void it('nests hierarchical tags and counts distinct annotations at and below each tag', () => {
		const tree = buildTagTree(summaries([a1, a2, a3, a4]));
		assert.deepEqual(shape(tree), [
			['allegation', 2, ['a1', 'a4'], []],
			['legal', 3, ['a3'], [
				['occupation', 1, ['a3'], []],
				['self-defence', 2, ['a2', 'a1'], []],
			]],
		]);
	});

	void it('creates a group node for a parent that no annotation carries itself', () => {
		const [legal] = buildTagTree(summaries([a2]));
		assert.equal(legal.name, 'legal');
		assert.equal(legal.isTag, false);
		assert.equal(legal.count, 1);
		assert.equal(legal.children[0].path, 'legal/self-defence');
		assert.equal(legal.children[0].isTag, true);
	});

	void it('orders annotations by letter, then text order', () => {
		const [allegation] = buildTagTree(summaries([a4, a1]));
		assert.deepEqual(allegation.annotations.map((entry) => entry.id), ['a1', 'a4']);
	});

	void it('uses vocabulary colours and descriptions, and the default colour otherwise', () => {
		const tree = buildTagTree(summaries([a1], { allegation: { colour: '#DD1144', description: 'A claim' } }));
		const allegation = tree.find((node) => node.name === 'allegation');
		assert.equal(allegation?.colour, '#dd1144');
		assert.equal(allegation?.description, 'A claim');
		assert.equal(tree.find((node) => node.name === 'legal')?.colour, defaultTagColour('legal'));
	});

	void it('shows vocabulary tags that no annotation uses yet, with a count of 0', () => {
		const tree = buildTagTree(summaries([], { ceasefire: {} }));
		assert.deepEqual(shape(tree), [['ceasefire', 0, [], []]]);
	});

	void it('filters by tag, note or annotated text, and drops empty branches', () => {
		const all = summaries([a1, a2, a3, a4]);
		// a3 matches through its tag legal/occupation, so it is shown under each of its tags.
		assert.deepEqual(shape(buildTagTree(all, 'OCCUP')), [['legal', 1, ['a3'], [['occupation', 1, ['a3'], []]]]]);
		assert.deepEqual(shape(buildTagTree(all, 'figures')), [['allegation', 1, ['a4'], []]]);
		assert.deepEqual(shape(buildTagTree(all, 'text of a2')), [['legal', 1, [], [['self-defence', 1, ['a2'], []]]]]);
		assert.deepEqual(buildTagTree(all, 'nothing like this'), []);
		assert.deepEqual(shape(buildTagTree(all, '   ')), shape(buildTagTree(all)));
	});

	void it('keeps an unused vocabulary tag whose name matches the filter', () => {
		assert.deepEqual(shape(buildTagTree(summaries([a1], { ceasefire: {} }), 'cease')), [['ceasefire', 0, [], []]]);
	});

	void it('splits tags into segments, ignoring empty ones', () => {
		assert.deepEqual(tagSegments('legal/self-defence'), ['legal', 'self-defence']);
		assert.deepEqual(tagSegments('a//b/'), ['a', 'b']);
		assert.deepEqual(tagSegments('/'), ['/']);
	});
});

void describe('matchesAnnotationFilter', () => {
	void it('matches tags, note and text case-insensitively with whitespace collapsed', () => {
		const entry = { tags: ['casualty-figure'], note: 'Differs from\nthe ombudsman', exact: 'killing of 43\n civilians' };
		assert.equal(matchesAnnotationFilter(entry, 'CASUALTY'), true);
		assert.equal(matchesAnnotationFilter(entry, 'from the ombudsman'), true);
		assert.equal(matchesAnnotationFilter(entry, '43 civilians'), true);
		assert.equal(matchesAnnotationFilter(entry, 'ceasefire'), false);
		assert.equal(matchesAnnotationFilter(entry, undefined), true);
		assert.equal(matchesAnnotationFilter({ tags: [], exact: 'x' }, 'note'), false);
	});
});
