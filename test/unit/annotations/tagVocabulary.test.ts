import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { readTagVocabulary, setTagColour } from '../../../server/src/engine/annotations/tagVocabulary';

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

function textOf(result: ReturnType<typeof setTagColour>): string {
	assert.equal(result.ok, true, result.ok ? '' : result.message);
	return result.ok ? result.text : '';
}

void describe('setTagColour', () => {
	void it('replaces an existing colour and changes nothing else, comments included', () => {
		const text = textOf(setTagColour(vocabulary, 'allegation', '#00AA00'));
		assert.equal(text, vocabulary.replace('"#dd1144"', '"#00aa00"'));
	});

	void it('gives a colour to a tag defined with an empty value or {}', () => {
		const empty = textOf(setTagColour(vocabulary, 'legal/self-defence', '#abc'));
		assert.equal(empty, vocabulary.replace('  legal/self-defence:\n', '  legal/self-defence: { colour: "#aabbcc" }\n'));
		const flow = textOf(setTagColour(vocabulary, 'casualty-figure', '#abc'));
		assert.equal(flow, vocabulary.replace('casualty-figure: {}', 'casualty-figure: { colour: "#aabbcc" }'));
	});

	void it('adds a tag that is not defined yet after the others, keeping the trailing comment', () => {
		const text = textOf(setTagColour(vocabulary, 'ceasefire', '#123456'));
		assert.ok(text.startsWith(vocabulary.split('\n\n# Keep')[0]));
		assert.ok(text.includes('# Keep this list short.'));
		assert.deepEqual(parse(text).tags.ceasefire, { colour: '#123456' });
		assert.equal(parse(text).tags.allegation.description, 'A claim made against another State.');
	});

	void it('inserts a colour into a definition that only has a description', () => {
		const text = textOf(setTagColour('tags:\n  ceasefire:\n    description: Truce terms\n', 'ceasefire', '#123456'));
		assert.deepEqual(parse(text), { tags: { ceasefire: { colour: '#123456', description: 'Truce terms' } } });
	});

	void it('writes a new vocabulary when there is none', () => {
		for (const before of [undefined, '', '\n']) {
			const text = textOf(setTagColour(before, 'legal/self-defence', '#123456'));
			assert.deepEqual(parse(text), { version: 1, tags: { 'legal/self-defence': { colour: '#123456' } } });
		}
	});

	void it('leaves a file that does not parse, or has no map of tags, unchanged', () => {
		const broken = setTagColour('tags: [\n', 'a', '#123456');
		assert.equal(broken.ok, false);
		assert.match(broken.ok ? '' : broken.message, /does not parse/);
		assert.equal(setTagColour('tags: [a, b]\n', 'a', '#123456').ok, false);
		assert.equal(setTagColour('- a\n', 'a', '#123456').ok, false);
	});

	void it('refuses a colour that is not #rgb or #rrggbb', () => {
		const result = setTagColour(vocabulary, 'allegation', 'red');
		assert.equal(result.ok, false);
	});
});

void describe('readTagVocabulary', () => {
	void it('reads each tag with its colour (normalised) and description, and tags without either', () => {
		const read = readTagVocabulary(vocabulary);
		assert.deepEqual(read.problems, []);
		assert.deepEqual([...read.tags], [
			['allegation', { colour: '#dd1144', description: 'A claim made against another State.' }],
			['casualty-figure', {}],
			['legal/self-defence', {}],
		]);
		assert.deepEqual(readTagVocabulary('tags:\n  a: { colour: "#ABC" }\n  b: { colour: red }\n').tags.get('a'), { colour: '#aabbcc' });
		assert.deepEqual(readTagVocabulary('tags:\n  b: { colour: red }\n').tags.get('b'), {}, 'an invalid colour is left out');
	});

	void it('gives no tags, and says why, for a file that does not parse or has no map of tags', () => {
		assert.equal(readTagVocabulary('tags: [\n').tags.size, 0);
		assert.ok(readTagVocabulary('tags: [\n').problems.length > 0);
		assert.deepEqual(readTagVocabulary('tags: [a, b]\n').problems, ['`tags` must be a map of tag names']);
		assert.deepEqual(readTagVocabulary('- a\n').problems, ['the file must be a map with a `tags` key']);
		assert.deepEqual(readTagVocabulary(''), { tags: new Map(), problems: [] });
	});

	void it('reads what it writes', () => {
		const written = setTagColour(vocabulary, 'ceasefire', '#123456');
		assert.ok(written.ok);
		assert.deepEqual(readTagVocabulary(written.text).tags.get('ceasefire'), { colour: '#123456' });
	});
});
