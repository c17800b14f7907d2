// `resolution-year-mismatch` (warning): a resolution cited with a year, session or date it cannot have.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO, titleLine } from './diagnose';

/** The mismatches of a letter of the seventy-fifth session whose body is `body`. */
function mismatches(body: string) {
	return diagnoseCode('resolution-year-mismatch', makeLetter({ body: [body] }));
}

/** A letter of the 1990s, headed as its time headed them. */
function letterOf1993(body: string): string {
	return makeLetter({
		session: 'Forty-seventh', year: 'Forty-eighth', distributed: '30 July 1993', title: titleLine('29 July 1993', 'Lebanon'),
		agenda: 'Agenda item 35', agendaTitles: ['The situation in the Middle East'], body: [body],
		closing: 'I should be grateful if you would have the present letter circulated as a document of the General Assembly, under agenda item 35, and of the Security Council.',
	});
}

describe('resolution-year-mismatch', () => {
	it('reports resolution 822 (1994): Security Council resolution 822 was adopted in 1993', () => {
		const [diagnostic, ...rest] = mismatches('The Council adopted resolution 822 (1994) on the situation.');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'warning');
		assert.equal(diagnostic.text, '822 (1994)');
		assert.match(diagnostic.message, /Security Council resolution 822 was adopted in 1993/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
	});

	it('reports the symbol S/RES/822 (1994) as well, once', () => {
		const found = mismatches('See S/RES/822 (1994), S/RES/822 (1993) and S/RES/853 (1993).');
		assert.deepEqual(found.map((diagnostic) => diagnostic.text), ['S/RES/822 (1994)']);
	});

	it('reports one wrong year in a list, and none of the right ones', () => {
		const found = mismatches('Armenia continues to defy Security Council resolutions 822 (1993), 853 (1993), 874 (1993) and 884 (1994).');
		assert.deepEqual(found.map((diagnostic) => diagnostic.text), ['884 (1994)']);
	});

	it('reports an adoption date of the wrong year, on the date', () => {
		const [diagnostic] = mismatches('Security Council resolution 1325 of 31 October 2001 on women and peace and security.');
		assert.equal(diagnostic.text, '31 October 2001');
		assert.match(diagnostic.message, /adopted in 2000; it cannot be dated 31 October 2001/);
		assert.deepEqual(mismatches('Security Council resolution 1325 of 31 October 2000 on women and peace and security.'), []);
	});

	it('reports resolution 75/1 dated before the seventy-fifth session opened, and accepts it within the session', () => {
		const [diagnostic] = mismatches('In its resolution 75/1 of 3 March 2019, the General Assembly adopted the declaration.');
		assert.equal(diagnostic.text, '3 March 2019');
		assert.match(diagnostic.message, /seventy-fifth session \(15 September 2020 to 14 September 2021\)/);
		assert.deepEqual(mismatches('In its resolution 75/1 of 21 September 2020, the General Assembly adopted the declaration.'), []);
		assert.deepEqual(mismatches('By its resolution 75/325 of 14 September 2021, adopted on the last day of the session, the Assembly decided.'), []);
	});

	it('reports a dated A/RES symbol outside its session', () => {
		const found = mismatches('See A/RES/75/1 (3 March 2019).');
		assert.equal(found.length, 1);
		assert.match(found[0].message, /seventy-fifth session/);
	});

	it('reports an old General Assembly resolution with the wrong Roman session, and accepts the right one', () => {
		const [diagnostic] = mismatches('General Assembly resolution 2758 (XXV) restored the lawful rights of the People’s Republic of China.');
		assert.equal(diagnostic.text, '2758 (XXV)');
		assert.match(diagnostic.message, /belongs to the twenty-sixth session, so it cannot be cited as 2758 \(XXV\)/);
		assert.deepEqual(mismatches('General Assembly resolution 2758 (XXVI) of 25 October 1971 restored those rights.'), []);
		assert.deepEqual(mismatches('Recalling resolutions 217 A (III), 377 (V) and 2625 (XXV) of the General Assembly.'), []);
	});

	it('reports a resolution of the tenth emergency special session dated before 1997', () => {
		const [diagnostic] = mismatches('General Assembly resolution ES-10/19 of 21 December 1990 on the status of Jerusalem.');
		assert.match(diagnostic.message, /tenth emergency special session, which opened on 24 April 1997/);
		assert.deepEqual(mismatches('General Assembly resolution ES-10/19 of 21 December 2017 on the status of Jerusalem.'), []);
	});

	it('accepts the right years in letters of the 1940s to the 2010s', () => {
		const cited = [
			'Security Council resolution 27 (1947) called for a cessation of hostilities.',
			'Security Council resolutions 242 (1967) and 338 (1973) remain the basis of a settlement.',
			'The Council recalled its resolutions 425 (1978) and 426 (1978) on Lebanon.',
			'Resolution 598 (1987) of the Security Council ended the war.',
			'In its resolution 687 (1991) the Council set the terms of the ceasefire.',
			'Security Council resolution 1244 (1999) and resolution 1441 (2002) are binding.',
			'Security Council resolutions 1701 (2006), 1887 (2009) and 2334 (2016) remain unimplemented.',
			'See S/RES/2231 (2015) and S/RES/2401 (2018).',
		];
		for (const body of cited) {
			assert.deepEqual(mismatches(body), [], body);
		}
		assert.deepEqual(diagnoseCode('resolution-year-mismatch', letterOf1993('Recalling its resolutions 425 (1978), 508 (1982), 509 (1982) and 822 (1993), the Council ...')), []);
		assert.deepEqual(diagnoseCode('resolution-year-mismatch', letterOf1993('Israel has not complied with resolution 425 (1979).')).map((diagnostic) => diagnostic.text), ['425 (1979)']);
	});

	it('never reports what it cannot place or a resolution of another body', () => {
		const unplaced = [
			'UNESCO General Conference resolution 22 (1999) protects the sites.',
			'World Health Assembly resolution 58 (2005) applies.',
			'The Economic and Social Council, in its resolution 9 (II), set up the Commission.',
			'Human Rights Council resolution 5/1 of 18 June 2007 governs the review.',
			'Economic and Social Council resolution 1996/31 of 25 July 1996 on consultative status.',
			'Commission on Human Rights resolution 1503 (XLVIII) established the procedure.',
			'A resolution 2800 (2026) of the Council would be welcome.',
			'Resolutions 2617 (2022) and 2618 (2021) lie on a boundary the data computes, not reads.',
			'Conflict resolution 2 (1990) of the parties.',
			'The Council adopted resolution 822 (1993), and on 5 May 1994 it met again.',
		];
		for (const body of unplaced) {
			assert.deepEqual(mismatches(body), [], body);
		}
	});
});
