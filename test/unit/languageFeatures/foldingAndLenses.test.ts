import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { at, serviceFor } from './workspace';

const CITED = makeLetter({ masthead: 'A/75/356-S/2020/947', distributed: '28 September 2020', body: ['Text.¹'], footnotes: ['¹ First note.', '² Second note.'], annexes: ['Annex I to the letter dated 31 October 2020', 'Figures.', '', 'More figures.'] });
const CITING = makeLetter({ body: ['See A/75/356-S/2020/947 (28 September 2020) and S/2020/947.'] });

test('folding: the header, the footnotes and each annex', () => {
	const { service } = serviceFor({ 'file:///cited.txt': CITED });
	const ranges = service.provideFoldingRanges('file:///cited.txt');
	assert.deepEqual(ranges.map((range) => range.kind), ['region', 'comment', 'region']);
	assert.equal(ranges[0].startLine, 0);
	assert.equal(ranges[1].startLine, at(CITED, '¹ First').line);
	assert.equal(ranges[1].endLine, at(CITED, '² Second').line);
	assert.equal(ranges[2].startLine, at(CITED, 'Annex I').line);
});

test('code lens: Cited by N letters on the title, with the citations to list', () => {
	const { service } = serviceFor({ 'file:///cited.txt': CITED, 'file:///citing.txt': CITING });
	const [lens] = service.provideCodeLenses('file:///cited.txt');
	assert.equal(lens.title, 'Cited by 1 letter');
	assert.deepEqual(lens.range.start, at(CITED, 'Letter dated'));
	assert.deepEqual(lens.citations.map((location) => location.range.start), [at(CITING, 'A/75/356'), at(CITING, 'S/2020/947.')]);
});

test('no lens for a letter without identity', () => {
	const { service } = serviceFor({ 'file:///citing.txt': CITING });
	assert.deepEqual(service.provideCodeLenses('file:///citing.txt'), []);
});
