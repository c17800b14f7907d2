import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { setTagColourInVocabulary } from '../../../client/src/annotations/tagVocabularyEdit';

const vocabulary = [
	'# Tags of the Armenia–Azerbaijan file.',
	'version: 1',
	'tags:',
	'  allegation:',
	'    colour: "#dd1144"   # red, as in the printed report',
	'    description: A claim made against another State.',
	'  casualty-figure: {}',
	'  legal/self-defence:',
	'',
	'# Keep this list short.',
	'',
].join('\n');

function textOf(result: ReturnType<typeof setTagColourInVocabulary>): string {
	assert.equal(result.ok, true, result.ok ? '' : result.message);
	return result.ok ? result.text : '';
}

void describe('setTagColourInVocabulary', () => {
	void it('replaces an existing colour and changes nothing else, comments included', () => {
		const text = textOf(setTagColourInVocabulary(vocabulary, 'allegation', '#00AA00'));
		assert.equal(text, vocabulary.replace('"#dd1144"', '"#00aa00"'));
	});

	void it('gives a colour to a tag defined with an empty value or {}', () => {
		const empty = textOf(setTagColourInVocabulary(vocabulary, 'legal/self-defence', '#abc'));
		assert.equal(empty, vocabulary.replace('  legal/self-defence:\n', '  legal/self-defence: { colour: "#aabbcc" }\n'));
		const flow = textOf(setTagColourInVocabulary(vocabulary, 'casualty-figure', '#abc'));
		assert.equal(flow, vocabulary.replace('casualty-figure: {}', 'casualty-figure: { colour: "#aabbcc" }'));
	});

	void it('adds a tag that is not defined yet after the others, keeping the trailing comment', () => {
		const text = textOf(setTagColourInVocabulary(vocabulary, 'ceasefire', '#123456'));
		assert.ok(text.startsWith(vocabulary.split('\n\n# Keep')[0]));
		assert.ok(text.includes('# Keep this list short.'));
		assert.deepEqual(parse(text).tags.ceasefire, { colour: '#123456' });
		assert.equal(parse(text).tags.allegation.description, 'A claim made against another State.');
	});

	void it('inserts a colour into a definition that only has a description', () => {
		const text = textOf(setTagColourInVocabulary('tags:\n  ceasefire:\n    description: Truce terms\n', 'ceasefire', '#123456'));
		assert.deepEqual(parse(text), { tags: { ceasefire: { colour: '#123456', description: 'Truce terms' } } });
	});

	void it('writes a new vocabulary when there is none', () => {
		for (const before of [undefined, '', '\n']) {
			const text = textOf(setTagColourInVocabulary(before, 'legal/self-defence', '#123456'));
			assert.deepEqual(parse(text), { version: 1, tags: { 'legal/self-defence': { colour: '#123456' } } });
		}
	});

	void it('leaves a file that does not parse, or has no map of tags, unchanged', () => {
		const broken = setTagColourInVocabulary('tags: [\n', 'a', '#123456');
		assert.equal(broken.ok, false);
		assert.match(broken.ok ? '' : broken.message, /does not parse/);
		assert.equal(setTagColourInVocabulary('tags: [a, b]\n', 'a', '#123456').ok, false);
		assert.equal(setTagColourInVocabulary('- a\n', 'a', '#123456').ok, false);
	});

	void it('refuses a colour that is not #rgb or #rrggbb', () => {
		const result = setTagColourInVocabulary(vocabulary, 'allegation', 'red');
		assert.equal(result.ok, false);
	});
});
