// `annex-missing` (warning): `see annex II` with no Annex II in the letter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO } from './diagnose';

const TWO_ANNEXES = ['Annex I to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', 'Text one.', 'Annex II to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', 'Text two.'];

function missingAnnexes(body: string, annexes: string[] = []) {
	return diagnoseCode('annex-missing', makeLetter({ body: [body], annexes }));
}

describe('annex-missing', () => {
	it('reports a reference to an annex the letter does not have, naming the annexes it has', () => {
		const [diagnostic, ...rest] = missingAnnexes('The facts are set out in detail (see annex III).', TWO_ANNEXES);
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'warning');
		assert.equal(diagnostic.text, 'see annex III');
		assert.match(diagnostic.message, /annex III/);
		assert.match(diagnostic.message, /Annex I, Annex II/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
	});

	it('reports the missing annex of a list, at its own number', () => {
		assert.deepEqual(missingAnnexes('The details are given in the tables (see annexes I and III).', TWO_ANNEXES).map((diagnostic) => diagnostic.text), ['III']);
		assert.deepEqual(missingAnnexes('The details are given in the tables (see annexes I and II).', TWO_ANNEXES), []);
	});

	it('reports `see annex II` in a letter without annexes', () => {
		assert.deepEqual(missingAnnexes('The facts are set out in detail (see annex II).').map((diagnostic) => diagnostic.text), ['see annex II']);
	});

	it('reports an unnumbered `see annex` in a letter without annexes', () => {
		const [diagnostic] = missingAnnexes('The facts are set out in detail (see annex).');
		assert.equal(diagnostic.text, 'see annex');
		assert.match(diagnostic.message, /has none/);
	});

	it('says nothing when the annex is there, in Roman or Arabic numbers, and under other wordings', () => {
		assert.deepEqual(missingAnnexes('The facts (see annex II) are clear; see also annex I and the map (annex 2), reproduced in annex I.', TWO_ANNEXES), []);
	});

	it('says nothing for an unnumbered `see annex` when the letter has one annex', () => {
		const annex = ['Annex to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', 'Statement.'];
		assert.deepEqual(missingAnnexes('The statement of the ministry (see annex) is clear.', annex), []);
	});

	it('does not take the annex of another document for one of this letter', () => {
		assert.deepEqual(missingAnnexes('As set out in annex II to resolution 2231 (2015), and in annex I of the report of the Secretary-General (A/75/100), the obligations stand.'), []);
	});

	it('still reports an annex said to be of the present letter', () => {
		assert.deepEqual(missingAnnexes('The map is in annex II to the present letter.', TWO_ANNEXES.slice(0, 2)).map((diagnostic) => diagnostic.text), ['in annex II']);
	});

	it('says nothing when the annex heading is followed directly by its text', () => {
		const text = makeLetter({ body: ['The statement is set out in the annex (see annex I).'], annexes: ['Annex I to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General\nStatement by the Ministry of Foreign Affairs.'] });
		assert.deepEqual(diagnoseCode('annex-missing', text), []);
		assert.deepEqual(diagnoseCode('letter-reference-unresolved', text), [], 'the heading is not a reference to another letter');
	});

	it('does not take the annex headings themselves or "annexation" for references', () => {
		assert.deepEqual(missingAnnexes('The policy of annexation continues.', TWO_ANNEXES), []);
	});
});
