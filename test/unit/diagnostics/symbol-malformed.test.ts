// `symbol-malformed` (error): text shaped like a document symbol that breaks the symbol grammar.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO } from './diagnose';

function malformed(body: string) {
	return diagnoseCode('symbol-malformed', makeLetter({ body: [body] }));
}

describe('symbol-malformed', () => {
	for (const symbol of ['A/75/', 'S/2020/', 'A/75/495-S/2020']) {
		it(`reports ${symbol}`, () => {
			const [diagnostic, ...rest] = malformed(`As stated in document ${symbol} of last month, the facts are known.`);
			assert.equal(rest.length, 0);
			assert.equal(diagnostic.severity, 'error');
			assert.equal(diagnostic.text, symbol);
			assert.ok(diagnostic.message.includes(`“${symbol}”`), diagnostic.message);
			assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
		});
	}

	it('says which part of a joint symbol is incomplete', () => {
		const [diagnostic] = malformed('As stated in document A/75/495-S/2020 of last month, the facts are known.');
		assert.match(diagnostic.message, /S\/2020\b/);
		assert.match(diagnostic.message, /document number/);
	});

	it('leaves well-formed symbols alone, in every accepted spelling', () => {
		assert.deepEqual(malformed('See A/75/495-S/2020/981, A/75/660–S/2020/1267, A/75/660 S/2020/1267, S/24493, A/RES/75/1, S/PRST/2020/1, E/CN.4/2005/L.10/Add.1, A/C.3/75/L.1/Rev.1 and [A/74/771-S/2020/242](#).'), []);
	});

	it('does not report two masthead parts that PDF extraction ran together', () => {
		const text = makeLetter({ masthead: 'A/62/667S/2008/55' });
		assert.deepEqual(diagnoseCode('symbol-malformed', text), []);
	});

	it('does not report symbol-shaped text inside a URL', () => {
		assert.deepEqual(malformed('The record is at https://undocs.org/en/S/2020/ and at https://www.un.org/S/2020/ for everyone.'), []);
	});

	it('does not report a series written with an ellipsis on purpose', () => {
		assert.deepEqual(malformed('The documents A/75/… and S/2020/... of the series are listed in the annex.'), []);
	});

	it('does not report a date written with slashes or a fraction', () => {
		assert.deepEqual(malformed('On 12/10/2020, 3/4 of the villages were hit, and 1/2 of the roads.'), []);
	});
});
