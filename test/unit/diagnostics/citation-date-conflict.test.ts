// `citation-date-conflict` (warning): a cited date that differs from the distribution date of the workspace letter with that symbol.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO, titleLine } from './diagnose';

const CITED = { 'file:///work/azerbaijan-december.txt': makeLetter({ masthead: 'A/75/660–S/2020/1267', distributed: '22 December 2020', title: titleLine('18 December 2020', 'Azerbaijan') }) };

function conflicts(body: string, others: Record<string, string> = CITED) {
	return diagnoseCode('citation-date-conflict', makeLetter({ body: [body] }), { others });
}

describe('citation-date-conflict', () => {
	it('reports a cited date other than the distribution date of the workspace letter, and offers it', () => {
		const [diagnostic, ...rest] = conflicts('See the letter of Azerbaijan (A/75/660-S/2020/1267 (21 December 2020)) for its claims.');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'warning');
		assert.equal(diagnostic.text, '21 December 2020');
		assert.match(diagnostic.message, /A\/75\/660-S\/2020\/1267/);
		assert.match(diagnostic.message, /21 December 2020/);
		assert.match(diagnostic.message, /22 December 2020/);
		assert.match(diagnostic.message, /azerbaijan-december\.txt/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
		assert.equal(diagnostic.fix?.replacement, '22 December 2020');
		assert.equal(diagnostic.related?.[0].uri, 'file:///work/azerbaijan-december.txt');
	});

	it('reports a citation of one part of the joint symbol', () => {
		assert.deepEqual(conflicts('See S/2020/1267 (18 December 2020).').map((diagnostic) => diagnostic.text), ['18 December 2020']);
	});

	it('accepts the distribution date', () => {
		assert.deepEqual(conflicts('See the letter of Azerbaijan, A/75/660-S/2020/1267 (22 December 2020), for its claims.'), []);
	});

	it('has nothing to compare for a citation without a date, or a letter not in the workspace', () => {
		assert.deepEqual(conflicts('See the letter of Azerbaijan (A/75/660-S/2020/1267) for its claims.'), []);
		assert.deepEqual(conflicts('See the letter of Azerbaijan (A/75/660-S/2020/1267 (21 December 2020)) for its claims.', {}), []);
	});

	it('does not compare with a letter that has another symbol', () => {
		const others = { 'file:///work/other.txt': makeLetter({ masthead: 'A/75/661–S/2020/1268', distributed: '22 December 2020' }) };
		assert.deepEqual(conflicts('See A/75/660-S/2020/1267 (21 December 2020).', others), []);
	});
});
