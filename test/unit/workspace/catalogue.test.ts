// The catalogue record of a workspace letter: identity, facts, agenda titles learned from the folder, citing letters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogue, catalogueRecord, letterName } from '../../../server/src/engine/workspace/catalogue';
import { LetterIndex } from '../../../server/src/engine/workspace/letterIndex';
import { lines, makeLetter, referenceData } from '../helpers/fixtures';

describe('catalogue', () => {
	it('gives an agenda item the title another letter of the session prints, when the letter prints none', () => {
		const index = new LetterIndex(referenceData);
		const printed = lines('General Assembly', 'Fifty-first session', 'Item 97 of the preliminary list*', '', 'Sustainable development and international economic cooperation', '',
			'Letter dated 19 April 1996 from the Permanent Representative of Bangladesh to the United Nations addressed to the Secretary-General', '', 'I have the honour to enclose a letter.', '', '(Signed) Reaz Rahman', '', '* A/51/50.');
		const bare = lines('General Assembly', 'Fifty-first session', 'Item 97 of the preliminary list*', '',
			'Letter dated 2 May 1996 from the Permanent Representative of Nepal to the United Nations addressed to the Secretary-General', '', 'I have the honour to enclose a statement.', '', '(Signed) N. Representative', '', '* A/51/50.');
		index.set('file:///w/bangladesh.txt', printed);
		index.set('file:///w/nepal.txt', bare);
		assert.deepEqual(catalogueRecord(index, 'file:///w/nepal.txt')?.agendaItems, [{ number: 97, title: 'Sustainable development and international economic cooperation' }]);
		index.delete('file:///w/bangladesh.txt');
		assert.deepEqual(catalogueRecord(index, 'file:///w/nepal.txt')?.agendaItems, [{ number: 97, title: null }]);
	});

	it('lists letters only, in URI order, with who cites each', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/b.txt', makeLetter({ masthead: 'A/75/356-S/2020/947' }));
		index.set('file:///w/a.txt', makeLetter({ body: ['See A/75/356-S/2020/947 (3 November 2020).'] }));
		index.set('file:///w/notes.txt', 'Notes about A/75/356.');
		const records = catalogue(index);
		assert.deepEqual(records.map((record) => record.uri), ['file:///w/a.txt', 'file:///w/b.txt']);
		assert.deepEqual(records[1].citedBy, ['file:///w/a.txt']);
		assert.equal(records[1].identity, 'masthead');
		assert.equal(catalogueRecord(index, 'file:///w/notes.txt'), undefined);
	});

	it('names a letter by symbol, sender and date, with what is known', () => {
		const base = { symbol: null, sender: null, dated: null, distributed: null, fileName: 'x.txt' };
		assert.equal(letterName({ ...base, symbol: 'A/75/1', sender: 'Armenia', dated: '2020-10-31' }), 'A/75/1 · Armenia · 31 October 2020');
		assert.equal(letterName({ ...base, sender: 'Armenia', distributed: '2020-11-03' }), 'Armenia · 3 November 2020');
		assert.equal(letterName(base), 'x.txt');
	});
});
