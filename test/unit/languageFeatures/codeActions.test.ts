import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { at, serviceFor } from './workspace';

const LETTER = makeLetter({
	body: ['On 016 October 2020, as reported in S/2020/9999 (3 October 2020),<sup>2</sup> the attacks continued.'],
	closing: 'I kindly request that the present letter be circulated as a document of the General Assembly, under agenda items 34 and 72, and of the Security Council.',
	footnotes: ['<sup>1</sup> An earlier note.'],
});

function actionsAt(needle: string, delta = 0) {
	const { service } = serviceFor({ 'file:///letter.txt': LETTER });
	const position = at(LETTER, needle, delta);
	return service.provideCodeActions('file:///letter.txt', { start: position, end: position });
}

test('a malformed date is corrected where the intended one is clear', () => {
	const [fix] = actionsAt('016 October', 1);
	assert.equal(fix.fixes?.code, 'date-invalid');
	assert.deepEqual(fix.edits?.map((edit) => edit.newText), ['16 October 2020']);
});

test('a footnote marker without text gets a stub in the marker\'s style after the last footnote', () => {
	const fix = actionsAt('<sup>2</sup>', 5).find((action) => action.fixes?.code === 'footnote-missing-text');
	assert.deepEqual(fix?.edits?.map((edit) => edit.newText), ['\n\n<sup>2</sup> Footnote text.']);
	assert.deepEqual(fix?.edits?.[0].range.start, at(LETTER, 'An earlier note.', 'An earlier note.'.length));
});

test('the closing request\'s agenda items are made to match the header', () => {
	const [fix] = actionsAt('34 and 72', 1);
	assert.equal(fix.fixes?.code, 'agenda-mismatch');
	assert.deepEqual(fix.edits?.map((edit) => edit.newText), ['34 and 71']);
});

test('an unresolved symbol can be ignored (a command the host runs)', () => {
	const fix = actionsAt('S/2020/9999', 2).find((action) => action.fixes?.code === 'citation-unresolved');
	assert.deepEqual(fix?.command, { kind: 'ignore-symbol', symbol: 'S/2020/9999' });
});

test('an inferred identity can be stored in the sidecar, from the header or title', () => {
	const inferred = makeLetter({ distributed: '3 October 2020' });
	const citing = makeLetter({ body: ['See A/75/999-S/2020/9999 (3 October 2020).'] });
	const { service } = serviceFor({ 'file:///inferred.txt': inferred, 'file:///citing.txt': citing });
	const position = at(inferred, 'Letter dated', 3);
	const actions = service.provideCodeActions('file:///inferred.txt', { start: position, end: position });
	assert.deepEqual(actions.map((action) => action.command), [{ kind: 'store-identity', symbol: 'A/75/999-S/2020/9999' }]);
});
