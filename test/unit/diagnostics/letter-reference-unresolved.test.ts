// `letter-reference-unresolved` (information): `my letter dated …` / `the letter dated … from …` that neither a nearby
// symbol nor a workspace letter resolves.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO, titleLine } from './diagnose';

function unresolved(body: string, options: { footnotes?: string[]; others?: Record<string, string> } = {}) {
	return diagnoseCode('letter-reference-unresolved', makeLetter({ body: [body], footnotes: options.footnotes }), { others: options.others });
}

describe('letter-reference-unresolved', () => {
	it('reports my letter without a symbol, on the reference', () => {
		const [diagnostic, ...rest] = unresolved('Further to my letter dated 24 February 2020, I wish to add the following.');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'information');
		assert.equal(diagnostic.text, 'my letter dated 24 February 2020');
		assert.ok(diagnostic.message.startsWith('“My letter dated 24 February 2020” is not identified'), diagnostic.message);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
	});

	it('reports a letter of another State’s representative without a symbol, naming the State', () => {
		const [diagnostic] = unresolved('In reference to the letter dated 27 March 2020 from the Permanent Representative of Azerbaijan, I would like to point out the following.');
		assert.equal(diagnostic.text, 'the letter dated 27 March 2020 from the Permanent Representative of Azerbaijan');
		assert.match(diagnostic.message, /Azerbaijan/);
	});

	it('names a note verbale as such', () => {
		const [diagnostic] = unresolved('Further to the note verbale dated 24 February 2020 from the Permanent Mission of Armenia, I write again.');
		assert.ok(diagnostic.message.startsWith('“The note verbale dated 24 February 2020 from the Permanent Mission of Armenia”'), diagnostic.message);
	});

	it('is resolved by a symbol in parentheses after it', () => {
		assert.deepEqual(unresolved('Further to my letter dated 24 February 2020 (A/74/740-S/2020/150), I wish to add the following.'), []);
		assert.deepEqual(unresolved('In reference to the letter dated 27 March 2020 from the Permanent Representative of Armenia ([A/74/771-S/2020/242](#)), I would like to point out the following.'), []);
	});

	it('is resolved by the symbol in the footnote its marker points to', () => {
		assert.deepEqual(unresolved('Further to my letter dated 24 February 2020,¹ I wish to add the following.', { footnotes: ['¹ A/74/740-S/2020/150.'] }), []);
	});

	it('is not resolved by a footnote without a symbol', () => {
		assert.equal(unresolved('Further to my letter dated 24 February 2020,¹ I wish to add the following.', { footnotes: ['¹ Not yet circulated.'] }).length, 1);
	});

	it('is resolved by a workspace letter from the same sender with that title date', () => {
		const others = { 'file:///work/earlier.txt': makeLetter({ distributed: '26 February 2020', title: titleLine('24 February 2020') }) };
		assert.deepEqual(unresolved('Further to my letter dated 24 February 2020, I wish to add the following.', { others }), []);
	});

	it('is not resolved by a workspace letter of that date from another sender', () => {
		const others = { 'file:///work/earlier.txt': makeLetter({ distributed: '26 February 2020', title: titleLine('24 February 2020', 'Azerbaijan') }) };
		assert.equal(unresolved('Further to my letter dated 24 February 2020, I wish to add the following.', { others }).length, 1);
	});

	it('is resolved for another State by that State’s workspace letter', () => {
		const others = { 'file:///work/azerbaijan.txt': makeLetter({ distributed: '30 March 2020', title: titleLine('27 March 2020', 'Azerbaijan') }) };
		assert.deepEqual(unresolved('In reference to the letter dated 27 March 2020 from the Permanent Representative of Azerbaijan, I would like to point out the following.', { others }), []);
	});

	it('knows a State however its representative and its name are written', () => {
		const chargeTitle = 'Letter dated 27 March 2020 from the Chargé d’affaires a.i. of the Permanent Mission of Azerbaijan to the United Nations addressed to the Secretary-General';
		const others = { 'file:///work/azerbaijan.txt': makeLetter({ distributed: '30 March 2020', title: chargeTitle }) };
		assert.deepEqual(unresolved('In reference to the letter dated 27 March 2020 from the Permanent Representative of the Republic of Azerbaijan, I would like to point out the following.', { others }), []);
	});

	it('does not take the Democratic Republic of the Congo for the Congo', () => {
		const others = { 'file:///work/drc.txt': makeLetter({ distributed: '30 March 2020', title: titleLine('27 March 2020', 'the Democratic Republic of the Congo') }) };
		assert.equal(unresolved('In reference to the letter dated 27 March 2020 from the Permanent Representative of the Republic of the Congo, I would like to point out the following.', { others }).length, 1);
		const congo = { 'file:///work/congo.txt': makeLetter({ distributed: '30 March 2020', title: titleLine('27 March 2020', 'the Congo') }) };
		assert.deepEqual(unresolved('In reference to the letter dated 27 March 2020 from the Permanent Representative of the Republic of the Congo, I would like to point out the following.', { others: congo }), []);
	});

	it('says nothing of a letter to a non-UN addressee from a non-State sender', () => {
		assert.deepEqual(unresolved('In the letter dated 27 March 2020 from the Executive Director of Human Rights Watch addressed to the Minister of Defence, the following was said.'), []);
	});

	it('does not read the letter’s own title or an annex heading as a reference', () => {
		const annex = 'Annex to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General';
		const text = makeLetter({ title: titleLine('31 October 2020'), annexes: [annex, 'Statement.'] });
		assert.deepEqual(diagnoseCode('letter-reference-unresolved', text), []);
	});
});
