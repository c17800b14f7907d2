// `session-date-mismatch` (warning): the header's session or year cannot hold the distribution date.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO, titleLine } from './diagnose';

function mismatches(session: string, year: string, distributed: string) {
	return diagnoseCode('session-date-mismatch', makeLetter({ session, year, distributed, title: titleLine(distributed) }));
}

describe('session-date-mismatch', () => {
	it('reports `Seventy-fifth year` on a letter distributed in 2021, on the year words', () => {
		const [diagnostic, ...rest] = mismatches('Seventy-fifth', 'Seventy-fifth', '3 February 2021');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'warning');
		assert.equal(diagnostic.text, 'Seventy-fifth year');
		assert.match(diagnostic.message, /seventy-fifth year is 2020/);
		assert.match(diagnostic.message, /3 February 2021/);
		assert.match(diagnostic.message, /seventy-sixth year/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
	});

	it('accepts `Seventy-fifth year` on the first and the last day of 2020', () => {
		assert.deepEqual(mismatches('Seventy-fourth', 'Seventy-fifth', '1 January 2020'), []);
		assert.deepEqual(mismatches('Seventy-fifth', 'Seventy-fifth', '31 December 2020'), []);
	});

	it('reports a GA session named months before its provisional agenda could exist', () => {
		const [diagnostic, ...rest] = mismatches('Seventy-sixth', 'Seventy-sixth', '3 March 2021');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.text, 'Seventy-sixth session');
		assert.match(diagnostic.message, /seventy-sixth session/);
		assert.match(diagnostic.message, /3 March 2021/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
	});

	it('accepts the next session named in the weeks before it opens (its provisional agenda is out)', () => {
		assert.deepEqual(mismatches('Seventy-sixth', 'Seventy-sixth', '20 August 2021'), []);
	});

	it('accepts the coming session named with items of its preliminary list, issued early in the year it opens', () => {
		const text = makeLetter({ session: 'Seventy-sixth', year: 'Seventy-sixth', distributed: '25 March 2021', title: titleLine('23 March 2021'), agenda: 'Items 34 and 71 of the preliminary list*', footnotes: ['* A/76/50.'] });
		assert.deepEqual(diagnoseCode('session-date-mismatch', text), []);
	});

	it('reports the coming session named with its provisional agenda months before that agenda exists', () => {
		const text = makeLetter({ session: 'Seventy-sixth', year: 'Seventy-sixth', distributed: '25 March 2021', title: titleLine('23 March 2021'), agenda: 'Items 34 and 71 of the provisional agenda*', footnotes: ['* A/76/150.'] });
		assert.deepEqual(diagnoseCode('session-date-mismatch', text).map((diagnostic) => diagnostic.text), ['Seventy-sixth session']);
	});

	it('reports a preliminary list of a session named in the year before it opens', () => {
		const text = makeLetter({ session: 'Seventy-sixth', year: 'Seventy-fifth', distributed: '10 December 2020', title: titleLine('9 December 2020'), agenda: 'Items 34 and 71 of the preliminary list*', footnotes: ['* A/76/50.'] });
		const [diagnostic, ...rest] = diagnoseCode('session-date-mismatch', text);
		assert.equal(rest.length, 0);
		assert.match(diagnostic.message, /from 1 January 2021 \(items of its preliminary list\)/);
	});

	it('accepts both sessions on the changeover day (14 September 2021: the 75th closes, the 76th opens)', () => {
		assert.deepEqual(mismatches('Seventy-fifth', 'Seventy-sixth', '14 September 2021'), []);
		assert.deepEqual(mismatches('Seventy-sixth', 'Seventy-sixth', '14 September 2021'), []);
	});

	it('reports a session named the day after it closed, and long after', () => {
		assert.deepEqual(mismatches('Seventy-fifth', 'Seventy-sixth', '15 September 2021').map((diagnostic) => diagnostic.text), ['Seventy-fifth session']);
		assert.deepEqual(mismatches('Seventy-fifth', 'Seventy-seventh', '3 November 2022').map((diagnostic) => diagnostic.text), ['Seventy-fifth session']);
	});

	it('reports both organs when neither holds the date', () => {
		assert.deepEqual(mismatches('Seventy-fifth', 'Seventy-fifth', '3 November 2022').map((diagnostic) => diagnostic.text), ['Seventy-fifth session', 'Seventy-fifth year']);
	});

	it('accepts an ordinary letter in the middle of a session', () => {
		assert.deepEqual(mismatches('Seventy-fifth', 'Seventy-fifth', '3 November 2020'), []);
	});
});
