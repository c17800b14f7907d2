// `date-invalid` (error): a date that is not a calendar date.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO } from './diagnose';

function invalidDates(body: string) {
	return diagnoseCode('date-invalid', makeLetter({ body: [body] }));
}

describe('date-invalid', () => {
	it('reports a three-digit day and offers the date it was meant to be', () => {
		const [diagnostic, ...rest] = invalidDates('The shelling of 016 October 2020 killed civilians.');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'error');
		assert.equal(diagnostic.text, '016 October 2020');
		assert.match(diagnostic.message, /016 October 2020/);
		assert.match(diagnostic.message, /“16 October 2020”/);
		assert.equal(diagnostic.fix?.replacement, '16 October 2020');
	});

	it('reports a day the month does not have, without guessing a fix', () => {
		const [diagnostic, ...rest] = invalidDates('The meeting of 31 September 2022 was postponed.');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'error');
		assert.equal(diagnostic.text, '31 September 2022');
		assert.match(diagnostic.message, /31 September 2022/);
		assert.match(diagnostic.message, /September has 30 days/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
		assert.equal(diagnostic.fix, undefined);
	});

	it('reports 29 February of a common year', () => {
		const [diagnostic, ...rest] = invalidDates('On 29 February 2021 the talks resumed.');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.text, '29 February 2021');
		assert.match(diagnostic.message, /2021 is not a leap year/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
	});

	it('accepts 29 February of a leap year, and ordinary dates in every shape', () => {
		assert.deepEqual(invalidDates('On 29 February 2020, on 30 September 2022, on October 16, 2020 and on 1 Sept. 2020 the talks resumed.'), []);
	});

	it('does not repeat itself in the message', () => {
		const [diagnostic] = invalidDates('The meeting of 31 September 2022 was postponed.');
		assert.equal(diagnostic.message.match(/not a calendar date/gi)?.length, 1, diagnostic.message);
	});

	it('reports an invalid date in the header and in a footnote too', () => {
		const text = makeLetter({ distributed: '31 November 2020', body: ['The town was shelled.¹'], footnotes: ['¹ See the statement of 31 April 2020.'] });
		assert.deepEqual(diagnoseCode('date-invalid', text).map((diagnostic) => diagnostic.text), ['31 November 2020', '31 April 2020']);
	});
});
