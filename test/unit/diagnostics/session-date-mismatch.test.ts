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

describe('session-date-mismatch, 1946-2018', () => {
	it('accepts letters of every era named under the session then running', () => {
		const cases: [string, string, string][] = [
			['Third', 'Third', '15 October 1948'],
			['Fifth', 'Sixth', '20 October 1951'], // the 6th session only opened on 6 November 1951
			['Tenth', 'Eleventh', '1 November 1956'], // the 11th opened on 12 November 1956
			['Eighteenth', 'Nineteenth', '15 October 1964'], // the 19th opened on 1 December 1964
			['Twenty-second', 'Twenty-third', '25 September 1968'], // an inferred opening: two weeks' leeway
			['Thirty-eighth', 'Thirty-ninth', '5 March 1984'],
			['Forty-seventh', 'Forty-eighth', '30 July 1993'],
			['Fifty-second', 'Fifty-third', '7 September 1998'], // the 53rd opened on 8 September 1998
			['Fifty-third', 'Fifty-third', '8 September 1998'],
			['Sixty-second', 'Sixty-third', '14 June 2008'],
			['Seventy-second', 'Seventy-second', '30 November 2017'],
		];
		for (const [session, year, distributed] of cases) {
			assert.deepEqual(mismatches(session, year, distributed), [], `${session} session, ${distributed}`);
		}
	});

	it('reports a session named after the next one opened, or long before it opened, in any era', () => {
		assert.deepEqual(mismatches('Fifth', 'Sixth', '10 December 1951').map((diagnostic) => diagnostic.text), ['Fifth session']);
		assert.deepEqual(mismatches('Forty-seventh', 'Forty-ninth', '3 March 1994').map((diagnostic) => diagnostic.text), ['Forty-seventh session']);
		assert.deepEqual(mismatches('Fifty-second', 'Fifty-third', '9 September 1998').map((diagnostic) => diagnostic.text), ['Fifty-second session']);
		const [early] = mismatches('Thirty-ninth', 'Thirty-ninth', '5 March 1984');
		assert.match(early.message, /thirty-ninth session cannot be distributed on 5 March 1984/);
	});

	it('reports a Security Council year of any era outside its calendar year, and accepts it inside', () => {
		assert.deepEqual(mismatches('Third', 'Third', '15 October 1948'), []);
		assert.deepEqual(mismatches('Forty-seventh', 'Forty-seventh', '30 July 1993').map((diagnostic) => diagnostic.text), ['Forty-seventh year']);
		assert.deepEqual(mismatches('Eightieth', 'Eighty-first', '10 January 2026').map((diagnostic) => diagnostic.text), []);
		const [year] = mismatches('Eightieth', 'Eighty-first', '20 December 2025');
		assert.match(year.message, /eighty-first year is 2026/);
	});
});

describe('session-date-mismatch, emergency special and special sessions', () => {
	/** A letter of an emergency special session: `General Assembly Tenth emergency special session`. */
	function emergencyLetter(ordinal: string, distributed: string): string {
		return makeLetter({ session: `${ordinal} emergency special`, year: 'Seventy-fifth', distributed, title: titleLine(distributed), agenda: 'Agenda item 5', agendaTitles: ['Illegal Israeli actions in Occupied East Jerusalem and the rest of the Occupied Palestinian Territory'], closing: 'I should be grateful if the present letter could be circulated as a document of the emergency special session of the General Assembly, under agenda item 5.' });
	}

	it('accepts a letter of the tenth emergency special session long after 1997: it is adjourned, not closed', () => {
		assert.deepEqual(diagnoseCode('session-date-mismatch', emergencyLetter('Tenth', '3 November 2020')).filter((diagnostic) => diagnostic.text.includes('emergency')), []);
	});

	it('reports a letter of the eleventh emergency special session distributed in 2020, before it was called', () => {
		const found = diagnoseCode('session-date-mismatch', emergencyLetter('Eleventh', '3 November 2020')).filter((diagnostic) => diagnostic.text.includes('emergency'));
		assert.deepEqual(found.map((diagnostic) => diagnostic.text), ['Eleventh emergency special session']);
		assert.match(found[0].message, /eleventh emergency special session opened on 27 February 2022/);
		assert.match(found[0].message, SAYS_WHAT_TO_DO);
	});

	it('accepts a letter of the twenty-sixth special session (25-27 June 2001) in the months around it', () => {
		for (const distributed of ['12 February 2001', '26 June 2001', '3 December 2001']) {
			const text = makeLetter({ session: 'Twenty-sixth special', year: 'Fifty-sixth', distributed, title: titleLine(distributed) });
			assert.deepEqual(diagnoseCode('session-date-mismatch', text).filter((diagnostic) => diagnostic.text.includes('special')), [], distributed);
		}
	});

	it('reports a letter of the twenty-sixth special session distributed years after it closed', () => {
		const text = makeLetter({ session: 'Twenty-sixth special', year: 'Fifty-ninth', distributed: '3 November 2004', title: titleLine('3 November 2004') });
		const found = diagnoseCode('session-date-mismatch', text).filter((diagnostic) => diagnostic.text.includes('special'));
		assert.deepEqual(found.map((diagnostic) => diagnostic.text), ['Twenty-sixth special session']);
		assert.match(found[0].message, /twenty-sixth special session \(opened 25 June 2001\)/);
		assert.match(found[0].message, SAYS_WHAT_TO_DO);
	});

	it('never reports a special session the data does not date, nor reads it as a regular session', () => {
		const text = makeLetter({ session: 'Twentieth special', year: 'Fifty-third', distributed: '10 June 1998', title: titleLine('9 June 1998') });
		assert.deepEqual(diagnoseCode('session-date-mismatch', text), []);
	});
});
