import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { at, serviceFor } from './workspace';

const CITED = makeLetter({ masthead: 'A/75/356-S/2020/947', distributed: '28 September 2020' });
const TYPING = makeLetter({ body: ['See A/75/3'], closing: 'I request that the present letter be circulated as a document of the General Assembly, under agenda items 34 and ' });

test('after a series prefix: workspace symbols with the letters\' titles, replacing the typed prefix', () => {
	const { service } = serviceFor({ 'file:///cited.txt': CITED, 'file:///typing.txt': TYPING });
	const list = service.provideCompletions('file:///typing.txt', at(TYPING, 'A/75/3', 6));
	const labels = list.items.map((item) => item.label);
	assert.deepEqual(labels, ['A/75/356-S/2020/947', 'A/75/356']);
	assert.match(list.items[0].detail ?? '', /^Letter dated 31 October 2020/);
	assert.deepEqual(list.items[0].range.start, at(TYPING, 'A/75/3'));
});

test('in the closing request after "agenda items": the header\'s items and the whole list', () => {
	const { service } = serviceFor({ 'file:///typing.txt': TYPING });
	const line = TYPING.split('\n').findIndex((text) => text.startsWith('I request'));
	const list = service.provideCompletions('file:///typing.txt', { line, character: TYPING.split('\n')[line].length });
	assert.deepEqual(list.items.map((item) => [item.label, item.detail]), [
		['34 and 71', 'Every agenda item of the header'],
		['34', 'Prevention of armed conflict'],
		['71', 'Right of peoples to self-determination'],
	]);
});

test('elsewhere, nothing', () => {
	const { service } = serviceFor({ 'file:///typing.txt': TYPING });
	assert.deepEqual(service.provideCompletions('file:///typing.txt', at(TYPING, 'See A', 2)).items, []);
});
