import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { at, serviceFor } from './workspace';

const CITED = makeLetter({ masthead: 'A/75/356-S/2020/947', distributed: '28 September 2020' });
const FIRST = makeLetter({ body: ['See A/75/356-S/2020/947 (28 September 2020).'] });
const SECOND = makeLetter({ body: ['As in S/2020/947, and again in A/75/356.'] });

test('on the masthead or title of a letter: every citation of it in the workspace', () => {
	const { service } = serviceFor({ 'file:///cited.txt': CITED, 'file:///first.txt': FIRST, 'file:///second.txt': SECOND });
	const fromMasthead = service.provideReferences('file:///cited.txt', at(CITED, 'A/75/356', 1), false);
	assert.deepEqual(fromMasthead.map((location) => location.uri).sort(), ['file:///first.txt', 'file:///second.txt', 'file:///second.txt']);
	const fromTitle = service.provideReferences('file:///cited.txt', at(CITED, 'Letter dated', 2), true);
	assert.equal(fromTitle[0].uri, 'file:///cited.txt');
	assert.equal(fromTitle.length, 4);
});

test('on a cited symbol: the same list, from any citing letter', () => {
	const { service } = serviceFor({ 'file:///cited.txt': CITED, 'file:///first.txt': FIRST, 'file:///second.txt': SECOND });
	const locations = service.provideReferences('file:///first.txt', at(FIRST, 'A/75/356', 1), false);
	assert.equal(locations.length, 3);
});

test('a cancelled request returns nothing', () => {
	const { service } = serviceFor({ 'file:///cited.txt': CITED, 'file:///first.txt': FIRST });
	assert.deepEqual(service.provideReferences('file:///cited.txt', at(CITED, 'A/75/356', 1), false, { isCancellationRequested: true }), []);
});
