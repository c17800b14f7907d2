import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addMonths, compareDates, formatDate, parseDate, scanDates, toIsoDate } from '../../../server/src/engine/calendar/dates';
import { dayOfWeek, fromIsoDate } from '../../../server/src/engine/calendar/calendarDate';

void describe('scanDates', () => {
	void it('finds day-month-year dates with their ranges', () => {
		const text = 'Distr.: General\n22 December 2020\n\nLetter dated 18 December 2020 from';
		const matches = scanDates(text);
		assert.deepEqual(matches.map((m) => [m.raw, m.start, m.end, m.date]), [
			['22 December 2020', 16, 32, { year: 2020, month: 12, day: 22 }],
			['18 December 2020', 47, 63, { year: 2020, month: 12, day: 18 }],
		]);
	});

	void it('finds "October 28, 2020" and "the 27th of September 2020"', () => {
		assert.deepEqual(scanDates('Baku, on October 28, 2020 ...').map((m) => [m.raw, m.date]), [['October 28, 2020', { year: 2020, month: 10, day: 28 }]]);
		const sentence = 'Thus, enjoying the impunity for its continued policy of occupation, on the 27th of September 2020, Armenia committed';
		const [match] = scanDates(sentence);
		assert.equal(match.raw, '27th of September 2020');
		assert.deepEqual(match.date, { year: 2020, month: 9, day: 27 });
	});

	void it('is case-insensitive for month names and reads common abbreviations', () => {
		assert.deepEqual(scanDates('1 SEPTEMBER 2020, 2 september 2020 and 3 Sept. 2020').map((m) => m.date?.day), [1, 2, 3]);
	});

	void it('reads dates in parentheses after symbols', () => {
		const line = '[A/75/379-S/2020/965](#) (16 October 2020), [A/75/486-S/2020/969](#) (2 October 2020)';
		assert.deepEqual(scanDates(line).map((m) => m.raw), ['16 October 2020', '2 October 2020']);
	});

	const invalid: [string, RegExp][] = [
		['016 October 2020', /three-digit day/],
		['31 September 2022', /September has 30 days/],
		['29 February 2021', /2021 is not a leap year/],
		['0 May 2020', /day 0/],
		['32 March 2020', /no month has 32 days/],
		['31 April 2020', /April has 30 days/],
		['30 February 2020', /February has 29 days in 2020/],
	];
	for (const [raw, message] of invalid) {
		void it(`reports ${raw} as not a calendar date`, () => {
			const [match] = scanDates(`as stated on ${raw}, the`);
			assert.equal(match.raw, raw);
			assert.equal(match.date, undefined);
			assert.match(match.invalid ?? '', message);
			assert.ok(match.invalid?.includes(`“${raw}”`));
		});
	}

	void it('accepts leap days of leap years', () => {
		assert.deepEqual(scanDates('29 February 2020 and 29 February 2000').map((m) => m.invalid), [undefined, undefined]);
		assert.match(scanDates('29 February 1900')[0].invalid ?? '', /leap year/);
	});

	void it('does not report day ranges, dates without a year or dates inside web addresses', () => {
		const range = scanDates('Over the night of 25-26 February 1992, and on 18-19 October 2016');
		assert.deepEqual(range.map((m) => [m.raw, m.invalid]), [['26 February 1992', undefined], ['19 October 2016', undefined]]);
		assert.deepEqual(scanDates('Two strikes, on 11 and 17 October, with the use of'), []);
		assert.deepEqual(scanDates('between 27 September and 9 November 2020').map((m) => m.raw), ['9 November 2020']);
		assert.deepEqual(scanDates('see www.example.org/news/1 May 2020'), []);
	});

	void it('does not take a year and a count for a month-day-year date', () => {
		assert.deepEqual(scanDates('in December 1993, 2000 people fled; in 2020 October 2020 was'), []);
	});

	void it('ignores numbers glued to other text and lower-case abbreviations', () => {
		assert.deepEqual(scanDates('No.12 May 2020x; 3 oct 2020; 1.5 March 2020'), []);
	});

	void it('respects the scan bounds', () => {
		const text = '1 May 2020 and 2 May 2020';
		assert.deepEqual(scanDates(text, 11).map((m) => m.raw), ['2 May 2020']);
		assert.deepEqual(scanDates(text, 0, 12).map((m) => m.raw), ['1 May 2020']);
	});
});

void describe('parseDate', () => {
	void it('parses one date string', () => {
		assert.deepEqual(parseDate('22 December 2020')?.date, { year: 2020, month: 12, day: 22 });
		assert.deepEqual(parseDate('  October 28, 2020 ')?.date, { year: 2020, month: 10, day: 28 });
		assert.match(parseDate('31 September 2022')?.invalid ?? '', /30 days/);
	});

	void it('returns undefined for anything else', () => {
		assert.equal(parseDate('December 2020'), undefined);
		assert.equal(parseDate('22 December 2020 and more'), undefined);
		assert.equal(parseDate(''), undefined);
	});
});

void describe('date arithmetic and formatting', () => {
	void it('compares dates', () => {
		const a = { year: 2020, month: 12, day: 22 };
		assert.ok(compareDates(a, { year: 2021, month: 1, day: 1 }) < 0);
		assert.ok(compareDates(a, { year: 2020, month: 12, day: 21 }) > 0);
		assert.equal(compareDates(a, { ...a }), 0);
	});

	void it('formats dates the UN way and as ISO', () => {
		assert.equal(formatDate({ year: 2020, month: 12, day: 22 }), '22 December 2020');
		assert.equal(toIsoDate({ year: 2020, month: 9, day: 1 }), '2020-09-01');
		assert.deepEqual(fromIsoDate('2021-09-14'), { year: 2021, month: 9, day: 14 });
		assert.equal(fromIsoDate('2021-02-29'), undefined);
	});

	void it('adds days across months, years and leap days', () => {
		assert.deepEqual(addDays({ year: 2020, month: 12, day: 31 }, 1), { year: 2021, month: 1, day: 1 });
		assert.deepEqual(addDays({ year: 2020, month: 2, day: 28 }, 1), { year: 2020, month: 2, day: 29 });
		assert.deepEqual(addDays({ year: 2021, month: 3, day: 1 }, -1), { year: 2021, month: 2, day: 28 });
		assert.deepEqual(addDays({ year: 2020, month: 9, day: 15 }, 365), { year: 2021, month: 9, day: 15 });
	});

	void it('adds months and clamps to the end of the month', () => {
		assert.deepEqual(addMonths({ year: 2021, month: 1, day: 31 }, 1), { year: 2021, month: 2, day: 28 });
		assert.deepEqual(addMonths({ year: 2020, month: 9, day: 15 }, -3), { year: 2020, month: 6, day: 15 });
		assert.deepEqual(addMonths({ year: 2020, month: 11, day: 30 }, 14), { year: 2022, month: 1, day: 30 });
	});

	void it('knows the day of the week (sessions open on Tuesdays)', () => {
		assert.equal(dayOfWeek({ year: 2020, month: 9, day: 15 }), 2);
		assert.equal(dayOfWeek({ year: 1970, month: 1, day: 1 }), 4);
	});
});
