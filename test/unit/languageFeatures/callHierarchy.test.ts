// Call hierarchy over letters: incoming = the letters citing or referring to this one, outgoing = those it cites.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURE_LETTER_NAMES, readFixtureLetter } from '../helpers/fixtures';
import { serviceFor } from './workspace';

const uri = (prefix: string) => `file:///w/${FIXTURE_LETTER_NAMES.find((name) => name.startsWith(prefix))}`;
const samples = Object.fromEntries(['000', '001', '002', '003', '004'].map((prefix) => [uri(prefix), readFixtureLetter(prefix).text]));

test('on the sample letters: 004 cites 001 and 002, and 001 is cited by 004', () => {
	const { service } = serviceFor(samples);
	const [item] = service.prepareCallHierarchy(uri('004'));
	assert.equal(item.uri, uri('004'));
	assert.equal(item.name, 'Azerbaijan · 10 February 2022', 'named as people name a letter');
	assert.equal(item.detail, '004_7b45a96a4a663e52.txt');
	const outgoing = service.provideOutgoingCalls(uri('004'));
	assert.deepEqual(outgoing.map((call) => call.letter.uri), [uri('001'), uri('002')]);
	assert.equal(outgoing[0].letter.name, 'A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020');
	const text004 = samples[uri('004')];
	const firstRange = outgoing[0].fromRanges[0];
	const line = text004.split('\n')[firstRange.start.line];
	assert.equal(line.slice(firstRange.start.character, firstRange.end.character), 'A/75/660-S/2020/1267', 'the range of the citation in 004');
	const incoming = service.provideIncomingCalls(uri('001'));
	assert.deepEqual(incoming.map((call) => [call.letter.uri, call.kind]), [[uri('004'), 'cites']]);
	assert.ok(incoming[0].fromRanges.length >= 1);
	assert.deepEqual(service.provideIncomingCalls(uri('004')), []);
	assert.deepEqual(service.provideOutgoingCalls(uri('003')), []);
});

test('a letter reference by date and sender links letters without any symbol', () => {
	const first = 'General Assembly\nSeventy-fifth session\n\nLetter dated 3 March 2021 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General\n\nI write about the situation.\n\n(Signed) A. Margaryan\n';
	const second = 'General Assembly\nSeventy-fifth session\n\nLetter dated 9 March 2021 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General\n\nFurther to my letter dated 3 March 2021, I write again.\n\n(Signed) A. Margaryan\n';
	const reply = 'General Assembly\nSeventy-fifth session\n\nLetter dated 12 March 2021 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General\n\nIn reply to the letter dated 9 March 2021 from the Permanent Representative of Armenia, I must state the facts.\n\n(Signed) Y. Aliyev\n';
	const { service } = serviceFor({ 'file:///first.txt': first, 'file:///second.txt': second, 'file:///reply.txt': reply });
	assert.deepEqual(service.provideOutgoingCalls('file:///second.txt').map((call) => [call.letter.uri, call.kind]), [['file:///first.txt', 'further-to']]);
	assert.deepEqual(service.provideIncomingCalls('file:///second.txt').map((call) => [call.letter.uri, call.kind]), [['file:///reply.txt', 'refers-to']]);
	assert.deepEqual(service.provideIncomingCalls('file:///first.txt').map((call) => call.letter.uri), ['file:///second.txt']);
	assert.deepEqual(service.prepareCallHierarchy('file:///nothing.txt'), []);
});
