import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTagPickEntries, isVocabularyTag, mergeTagSelection, parseTypedTags, tagNameProblem, tagRenames } from '../../../client/src/annotations/tagInput';
import { annotation, summaries } from './annotationFixtures';

void describe('tag names', () => {
	void it('accepts names with letters, digits, dashes and / levels', () => {
		for (const name of ['allegation', 'casualty-figure', 'legal/self-defence', 'résolution_75', 'A/75/1']) {
			assert.equal(tagNameProblem(name), undefined, name);
		}
	});

	void it('rejects empty names, forbidden characters and empty levels', () => {
		for (const name of ['', 'two words', 'a,b', '[a]', '{a}', '#a', '"a"', "a'", '/a', 'a/', 'a//b']) {
			assert.ok(tagNameProblem(name), JSON.stringify(name));
		}
	});

	void it('reads several typed tags separated by commas or spaces, each once', () => {
		assert.deepEqual(parseTypedTags(' allegation, legal/self-defence  allegation,,casualty-figure '), {
			tags: ['allegation', 'legal/self-defence', 'casualty-figure'],
			rejected: [],
		});
		const typed = parseTypedTags('ok #bad');
		assert.deepEqual(typed.tags, ['ok']);
		assert.deepEqual(typed.rejected.map((entry) => entry.name), ['#bad']);
	});
});

void describe('buildTagPickEntries', () => {
	const used = [annotation('a1', ['allegation', 'sanctions'], 0, 0, 1), annotation('a2', ['allegation'], 1, 0, 1)];
	const workspace = summaries(used, { ceasefire: { description: 'Truce terms' }, 'legal/self-defence': { colour: '#00f' } });

	void it('offers the vocabulary first, then tags used in the workspace, each by name', () => {
		const entries = buildTagPickEntries({ summaries: workspace, typed: '', chosen: new Set(), created: [] });
		assert.deepEqual(entries.map((entry) => [entry.tag, entry.origin]), [
			['ceasefire', 'vocabulary'],
			['legal/self-defence', 'vocabulary'],
			['allegation', 'used'],
			['sanctions', 'used'],
		]);
		assert.equal(entries[1].colour, '#0000ff');
		assert.equal(entries[0].description, 'Truce terms');
		assert.equal(entries[2].count, 2);
	});

	void it('offers typed unknown names as new tags on top, but not known ones', () => {
		const entries = buildTagPickEntries({ summaries: workspace, typed: 'allegation, new-one', chosen: new Set(), created: [] });
		assert.deepEqual(entries.filter((entry) => entry.origin === 'new').map((entry) => entry.tag), ['new-one']);
		assert.equal(entries[0].tag, 'new-one');
	});

	void it('keeps new tags created earlier and checks the chosen ones', () => {
		const entries = buildTagPickEntries({ summaries: workspace, typed: '', chosen: new Set(['earlier', 'sanctions']), created: ['earlier'] });
		assert.deepEqual(entries.filter((entry) => entry.picked).map((entry) => entry.tag), ['earlier', 'sanctions']);
		assert.equal(entries[0].origin, 'new');
	});

	void it('takes the server\'s word for whether a tag is in the vocabulary, whatever colour it has', () => {
		assert.equal(isVocabularyTag({ tag: 'a', count: 0, annotations: [], inVocabulary: true }), true);
		assert.equal(isVocabularyTag({ tag: 'a', count: 0, annotations: [], colour: '#fff', inVocabulary: false }), false);
	});
});

void describe('tagRenames', () => {
	const tags = ['legal', 'legal/self-defence', 'legal/occupation', 'legality', 'other'];

	void it('renames the tag and every tag below it, not tags that merely share a prefix', () => {
		assert.deepEqual(tagRenames(tags, 'legal', 'law'), [
			{ from: 'legal', to: 'law' },
			{ from: 'legal/self-defence', to: 'law/self-defence' },
			{ from: 'legal/occupation', to: 'law/occupation' },
		]);
	});

	void it('renames a leaf alone, and nothing when the name is unchanged', () => {
		assert.deepEqual(tagRenames(tags, 'legal/occupation', 'legal/annexation'), [{ from: 'legal/occupation', to: 'legal/annexation' }]);
		assert.deepEqual(tagRenames(tags, 'other', 'other'), []);
	});
});

void describe('mergeTagSelection', () => {
	void it('keeps the order of tags already chosen and appends newly checked ones', () => {
		assert.deepEqual(mergeTagSelection(['casualty-figure', 'allegation'], ['ceasefire', 'allegation', 'casualty-figure']), ['casualty-figure', 'allegation', 'ceasefire']);
	});

	void it('drops unchecked tags and starts from the checked order when nothing was chosen', () => {
		assert.deepEqual(mergeTagSelection(['a', 'b', 'c'], ['c', 'a']), ['a', 'c']);
		assert.deepEqual(mergeTagSelection([], ['b', 'a', 'b']), ['b', 'a']);
		assert.deepEqual(mergeTagSelection(['a'], []), []);
	});
});
