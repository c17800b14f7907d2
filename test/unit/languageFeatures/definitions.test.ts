import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeLetter, readFixtureLetter } from '../helpers/fixtures';
import { at, serviceFor } from './workspace';

const CITING = makeLetter({
	body: ['I refer to A/75/356-S/2020/947 (28 September 2020) and to my letter dated 2 October 2020, as set out in annex I.¹'],
	footnotes: ['¹ Report of the ombudsman.'],
	annexes: ['Annex I to the letter dated 31 October 2020', 'Figures.'],
});
const CITED = makeLetter({ masthead: 'A/75/356-S/2020/947', distributed: '28 September 2020' });
const EARLIER = makeLetter({ title: 'Letter dated 2 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', distributed: '5 October 2020' });

test('a cited symbol goes to the masthead of the workspace letter', () => {
	const { service } = serviceFor({ 'file:///citing.txt': CITING, 'file:///cited.txt': CITED });
	const [link] = service.provideDefinitions('file:///citing.txt', at(CITING, 'A/75/356', 2));
	assert.equal(link.targetUri, 'file:///cited.txt');
	assert.deepEqual(link.targetRange.start, at(CITED, 'A/75/356'));
	assert.deepEqual(link.originRange.start, at(CITING, 'A/75/356'));
});

test('a footnote marker goes to its text and the text back to the marker; an annex reference to the annex', () => {
	const { service } = serviceFor({ 'file:///citing.txt': CITING });
	const [toText] = service.provideDefinitions('file:///citing.txt', at(CITING, 'I.¹', 2));
	assert.deepEqual(toText.targetSelectionRange.start, at(CITING, '¹ Report'));
	const [toMarker] = service.provideDefinitions('file:///citing.txt', at(CITING, '¹ Report'));
	assert.deepEqual(toMarker.targetRange.start, at(CITING, '¹'));
	const [toAnnex] = service.provideDefinitions('file:///citing.txt', at(CITING, 'annex I.', 6));
	assert.deepEqual(toAnnex.targetSelectionRange.start, at(CITING, 'Annex I to'));
});

test('a letter reference goes to the workspace letter with that date and sender', () => {
	const { service } = serviceFor({ 'file:///citing.txt': CITING, 'file:///earlier.txt': EARLIER });
	const links = service.provideDefinitions('file:///citing.txt', at(CITING, 'my letter dated', 3));
	assert.deepEqual(links.map((link) => link.targetUri), ['file:///earlier.txt']);
});

test('nothing to go to: an unresolved symbol, plain text, an unknown file', () => {
	const { service } = serviceFor({ 'file:///citing.txt': CITING });
	assert.deepEqual(service.provideDefinitions('file:///citing.txt', at(CITING, 'A/75/356', 2)), []);
	assert.deepEqual(service.provideDefinitions('file:///citing.txt', at(CITING, 'I refer', 2)), []);
	assert.deepEqual(service.provideDefinitions('file:///missing.txt', { line: 0, character: 0 }), []);
});

test('an agenda item of the closing request goes to its title in the header (seed 000)', () => {
	const { text } = readFixtureLetter('000');
	const { service } = serviceFor({ 'file:///000.txt': text });
	const [link] = service.provideDefinitions('file:///000.txt', at(text, 'under agenda items 34, 71, 114', 'under agenda items 34, 71, '.length));
	const lines = text.split('\n');
	assert.match(lines[link.targetRange.start.line].slice(link.targetRange.start.character), /^Measures to eliminate international terrorism/);
	assert.deepEqual(link.targetSelectionRange, link.targetRange);
});
