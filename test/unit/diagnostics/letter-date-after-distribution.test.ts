// `letter-date-after-distribution` (warning): the title's letter date is later than the distribution date.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO, titleLine } from './diagnose';

function afterDistribution(letterDate: string, distributed = '3 November 2020') {
	return diagnoseCode('letter-date-after-distribution', makeLetter({ distributed, title: titleLine(letterDate) }));
}

describe('letter-date-after-distribution', () => {
	it('reports a letter dated after its distribution, on the title date', () => {
		const [diagnostic, ...rest] = afterDistribution('5 November 2020');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'warning');
		assert.equal(diagnostic.text, '5 November 2020');
		assert.match(diagnostic.message, /5 November 2020/);
		assert.match(diagnostic.message, /3 November 2020/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
	});

	it('reports a letter dated a year after its distribution', () => {
		assert.equal(afterDistribution('2 November 2021').length, 1);
	});

	it('accepts a letter distributed the day it is dated, or later', () => {
		assert.deepEqual(afterDistribution('3 November 2020'), []);
		assert.deepEqual(afterDistribution('31 October 2020'), []);
	});

	it('has nothing to compare when the letter date is not a calendar date', () => {
		assert.deepEqual(afterDistribution('31 November 2020'), []);
	});
});
