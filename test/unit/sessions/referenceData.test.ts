import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compareDates } from '../../../server/src/engine/calendar/calendarDate';
import type { CalendarDate } from '../../../server/src/engine/calendar/calendarDate';
import {
	agendaItemTitle, citationDateWindow, findAgendaTitle, gaHeaderDateWindow, gaSessionsForDate, gaSessionWindow, parseReferenceData, scYearOrdinal,
} from '../../../server/src/engine/sessions/referenceData';
import { parseDocumentSymbol } from '../../../server/src/engine/symbols/documentSymbols';
import type { SymbolPart } from '../../../server/src/engine/symbols/documentSymbols';

const data = parseReferenceData([
	'sessions:',
	'  73: { opened: 2018-09-18, confidence: verified }',
	'  74: { opened: 2019-09-17, confidence: verified }',
	'  75: { opened: 2020-09-15, confidence: verified }',
	'  76: { opened: 2021-09-14, confidence: verified }',
	'agenda:',
	'  75:',
	'    34: { title: Prevention of armed conflict, confidence: verified }',
	'    70: { title: "Elimination of racism, racial discrimination, xenophobia and related intolerance", confidence: verified }',
	'  74:',
	'    31: { title: Prevention of armed conflict, confidence: verified }',
].join('\n'));

const date = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

/** The one part of a symbol string. */
function part(symbol: string): SymbolPart {
	const parsed = parseDocumentSymbol(symbol);
	assert.ok(parsed.ok, symbol);
	return parsed.symbol.parts[0];
}

/** Whether a date lies inside a window, ends included. */
function inside(window: { earliest: CalendarDate; latest: CalendarDate }, d: CalendarDate): boolean {
	return compareDates(d, window.earliest) >= 0 && compareDates(d, window.latest) <= 0;
}

void describe('parseReferenceData', () => {
	void it('reads sessions and agenda items', () => {
		assert.deepEqual(data.sessions.get(75), { opened: date(2020, 9, 15), confidence: 'verified' });
		assert.equal(data.agenda.get(75)?.get(70)?.title, 'Elimination of racism, racial discrimination, xenophobia and related intolerance');
		assert.deepEqual(data.problems, []);
	});

	void it('never throws on bad data and lists the problems', () => {
		const broken = parseReferenceData('sessions: [1, 2\nagenda: {');
		assert.equal(broken.sessions.size, 0);
		assert.equal(broken.agenda.size, 0);
		assert.ok(broken.problems.length > 0);
		const partly = parseReferenceData('sessions:\n  75: { opened: 2020-02-30 }\n  76: { opened: 2021-09-14 }\nagenda:\n  75:\n    7: { confidence: verified }\n    8: { title: General debate }');
		assert.deepEqual([...partly.sessions.keys()], [76]);
		assert.equal(partly.sessions.get(76)?.confidence, 'unknown');
		assert.equal(partly.agenda.get(75)?.get(8)?.title, 'General debate');
		assert.equal(partly.problems.length, 2);
		for (const text of ['', 'just text', '- a\n- b', '42']) {
			const empty = parseReferenceData(text);
			assert.equal(empty.sessions.size + empty.agenda.size, 0, text);
		}
	});

	void it('reads the shipped data file, including the inferred items of the 76th session', () => {
		const shipped = parseReferenceData(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'ga-sessions.yaml'), 'utf8'));
		assert.deepEqual(shipped.problems, []);
		assert.deepEqual(shipped.sessions.get(78)?.opened, date(2023, 9, 5));
		assert.deepEqual(agendaItemTitle(shipped, 76, 16), { title: 'Culture of peace', confidence: 'inferred' });
		assert.deepEqual(agendaItemTitle(shipped, 76, 35), { title: 'Prevention of armed conflict', confidence: 'inferred' });
		assert.equal(agendaItemTitle(shipped, 76, 72)?.confidence, 'inferred');
		assert.equal(agendaItemTitle(shipped, 75, 135)?.title, 'The responsibility to protect and the prevention of genocide, war crimes, ethnic cleansing and crimes against humanity');
	});
});

void describe('GA session windows', () => {
	void it('uses the table for known sessions: a session closes when the next opens', () => {
		const window = gaSessionWindow(data, 75);
		assert.deepEqual(window, { earliestOpening: date(2020, 9, 15), latestOpening: date(2020, 9, 15), earliestClosing: date(2021, 9, 14), latestClosing: date(2021, 9, 14), estimated: false });
	});

	void it('estimates the widest plausible bounds outside the table', () => {
		const last = gaSessionWindow(data, 76);
		assert.deepEqual([last.earliestClosing, last.latestClosing, last.estimated], [date(2022, 9, 1), date(2022, 9, 30), true]);
		const unknown = gaSessionWindow(data, 50);
		assert.deepEqual([unknown.earliestOpening, unknown.latestOpening, unknown.estimated], [date(1995, 9, 1), date(1995, 9, 30), true]);
	});

	void it('finds one session for a date and two on a changeover day', () => {
		assert.deepEqual(gaSessionsForDate(data, date(2020, 12, 22)), [75]);
		assert.deepEqual(gaSessionsForDate(data, date(2020, 4, 15)), [74]);
		assert.deepEqual(gaSessionsForDate(data, date(2020, 9, 15)), [74, 75]);
		assert.deepEqual(gaSessionsForDate(data, date(2020, 9, 14)), [74]);
		assert.deepEqual(gaSessionsForDate(data, date(2020, 9, 16)), [75]);
	});

	void it('numbers Security Council years from 1945', () => {
		assert.equal(scYearOrdinal(date(2020, 1, 1)), 75);
		assert.equal(scYearOrdinal(date(2022, 2, 11)), 77);
	});
});

void describe('citationDateWindow (SPEC citation-date-mismatch)', () => {
	void it('lets an S/YYYY symbol be issued in early January of the next year', () => {
		const window = citationDateWindow(data, part('S/2016/1140'));
		assert.ok(window);
		assert.ok(inside(window, date(2017, 1, 6)), 'S/2016/1140 dated 6 January 2017 is right');
		assert.ok(!inside(window, date(2015, 12, 31)));
		assert.ok(!inside(window, date(2017, 3, 1)));
	});

	void it('rejects S/2020/… dated in 2019 and gives a reason', () => {
		const window = citationDateWindow(data, part('S/2020/981'));
		assert.ok(window);
		assert.ok(!inside(window, date(2019, 12, 20)));
		assert.ok(inside(window, date(2020, 10, 7)));
		assert.match(window.reason, /2020/);
	});

	void it('rejects A/75/… dated before 2020 or long after the session closed', () => {
		const window = citationDateWindow(data, part('A/75/495'));
		assert.ok(window);
		assert.ok(!inside(window, date(2019, 11, 1)));
		assert.ok(inside(window, date(2020, 1, 2)));
		assert.ok(inside(window, date(2021, 9, 14)), 'the closing day');
		assert.ok(inside(window, date(2022, 3, 1)), 'late documents of the session');
		assert.ok(!inside(window, date(2023, 1, 1)));
		assert.match(window.reason, /seventy-fifth session.*14 September 2021/);
	});

	void it('treats Main Committee documents as documents of the session', () => {
		const window = citationDateWindow(data, part('A/C.3/75/L.1/Rev.1'));
		assert.ok(window);
		assert.ok(!inside(window, date(2019, 10, 1)));
		assert.ok(inside(window, date(2020, 11, 10)));
	});

	void it('says nothing for symbols that carry no session or year, other councils\' sessions, and resolutions', () => {
		for (const symbol of ['S/24493', 'A/8052', 'A/30/100', 'CCPR/C/GC/36', 'A/HRC/45/1', 'S/RES/822 (1993)', 'A/RES/75/1']) {
			assert.equal(citationDateWindow(data, part(symbol)), undefined, symbol);
		}
	});

	void it('uses the year of other series generously', () => {
		const window = citationDateWindow(data, part('E/CN.4/2005/L.10/Add.1'));
		assert.ok(window);
		assert.ok(inside(window, date(2004, 12, 1)));
		assert.ok(!inside(window, date(2007, 1, 1)));
	});

	void it('holds for every dated citation in the real letters', () => {
		const cited: [string, CalendarDate][] = [
			['A/71/740-S/2016/1140', date(2017, 1, 6)], ['A/74/676-S/2020/90', date(2020, 2, 7)], ['A/75/625-S/2020/1161', date(2020, 12, 4)],
			['A/67/753-S/2013/106', date(2013, 2, 22)], ['A/75/742-S/2021/279', date(2021, 3, 22)], ['A/75/875-S/2021/433', date(2021, 5, 14)],
		];
		for (const [symbol, when] of cited) {
			const parsed = parseDocumentSymbol(symbol);
			assert.ok(parsed.ok);
			for (const p of parsed.symbol.parts) {
				const window = citationDateWindow(data, p);
				assert.ok(!window || inside(window, when), `${p.text} dated ${when.year}-${when.month}-${when.day}`);
			}
		}
	});
});

void describe('gaHeaderDateWindow (SPEC session-date-mismatch)', () => {
	void it('runs from three months before the opening to the closing day inclusive', () => {
		const window = gaHeaderDateWindow(data, 75);
		assert.deepEqual(window, { earliest: date(2020, 6, 15), latest: date(2021, 9, 14) });
		assert.ok(inside(window, date(2020, 12, 22)));
		assert.ok(inside(window, date(2020, 8, 28)), 'letters cite the provisional agenda in the weeks before the opening');
		assert.ok(!inside(window, date(2020, 4, 15)), 'the 74th session still runs in April 2020');
	});

	void it('accepts the headers of the real letters', () => {
		assert.ok(inside(gaHeaderDateWindow(data, 74), date(2020, 4, 15)));
		assert.ok(inside(gaHeaderDateWindow(data, 75), date(2020, 11, 3)));
		assert.ok(inside(gaHeaderDateWindow(data, 76), date(2022, 2, 11)));
	});
});

void describe('agenda titles', () => {
	void it('looks up an item of a session', () => {
		assert.deepEqual(agendaItemTitle(data, 75, 34), { title: 'Prevention of armed conflict', confidence: 'verified' });
		assert.equal(agendaItemTitle(data, 75, 999), undefined);
		assert.equal(agendaItemTitle(data, 12, 1), undefined);
	});

	void it('finds a title in every session, ignoring case, spacing, emphasis and punctuation', () => {
		assert.deepEqual(findAgendaTitle(data, '**Prevention of  armed\nconflict**').map((f) => [f.session, f.item]).sort(), [[74, 31], [75, 34]]);
		assert.deepEqual(findAgendaTitle(data, 'elimination of racism racial discrimination, xenophobia and related intolerance.').map((f) => f.item), [70]);
		assert.deepEqual(findAgendaTitle(data, 'Culture of war'), []);
	});
});

void describe('the shipped GA sessions, 1946-2025', () => {
	const dataDir = join(import.meta.dirname, '..', '..', '..', 'data');
	const shipped = parseReferenceData(readFileSync(join(dataDir, 'ga-sessions.yaml'), 'utf8'), readFileSync(join(dataDir, 'resolutions.yaml'), 'utf8'));

	void it('has every regular session 1-80, each with a confidence, opening in order', () => {
		assert.deepEqual(shipped.problems, []);
		for (let session = 1; session <= 80; session++) {
			const fact = shipped.sessions.get(session);
			assert.ok(fact, `session ${session}`);
			assert.ok(['verified', 'secondary', 'inferred'].includes(fact.confidence), `session ${session}: ${fact.confidence}`);
			assert.equal(fact.opened.year, session === 1 ? 1946 : 1945 + session, `session ${session} opens in its year`);
		}
		assert.deepEqual(shipped.sessions.get(1)?.opened, date(1946, 1, 10));
		assert.deepEqual(shipped.sessions.get(19)?.opened, date(1964, 12, 1));
		assert.deepEqual(shipped.sessions.get(53)?.opened, date(1998, 9, 8));
		assert.deepEqual(shipped.sessions.get(80)?.opened, date(2025, 9, 9));
		assert.deepEqual(shipped.sessions.get(54)?.closed, date(2000, 9, 5));
	});

	void it('keeps the sessions that broke the rule: the 6th (November 1951), 11th (November 1956) and 19th (December 1964)', () => {
		assert.deepEqual(gaSessionWindow(shipped, 5).latestClosing, date(1951, 11, 6));
		assert.deepEqual(gaSessionWindow(shipped, 10).latestClosing, date(1956, 11, 12));
		assert.deepEqual(gaSessionWindow(shipped, 18).latestClosing, date(1964, 12, 1));
		assert.deepEqual(gaSessionsForDate(shipped, date(1964, 10, 15)), [18], 'October 1964 still belonged to the 18th session');
	});

	void it('treats an inferred opening as uncertain by two weeks either way', () => {
		const fact = shipped.sessions.get(23);
		assert.equal(fact?.confidence, 'inferred');
		const window = gaSessionWindow(shipped, 23);
		assert.equal(window.estimated, true);
		assert.deepEqual(window.earliestOpening, date(1968, 9, 3));
		assert.deepEqual(window.latestOpening, date(1968, 10, 1));
		assert.deepEqual(gaSessionWindow(shipped, 22).latestClosing, date(1968, 10, 1), 'the 22nd may have lasted until the 23rd opened, a week late');
		assert.equal(gaSessionWindow(shipped, 25).estimated, true, 'the 25th opened on a day read, the 26th on a day inferred');
		assert.equal(gaSessionWindow(shipped, 54).estimated, false, 'the 54th and the 55th: both read');
	});

	void it('lists the eleven emergency special sessions, the tenth with its resumptions', () => {
		assert.equal(shipped.emergencySpecialSessions.size, 11);
		const tenth = shipped.emergencySpecialSessions.get(10);
		assert.deepEqual(tenth?.opened, date(1997, 4, 24));
		assert.equal(tenth?.closed, undefined, 'adjourned, not closed');
		assert.ok((tenth?.resumed.length ?? 0) >= 10);
		assert.match(tenth?.topic ?? '', /Occupied East Jerusalem/);
		assert.deepEqual(shipped.emergencySpecialSessions.get(1)?.closed, date(1956, 11, 10));
	});

	void it('dates the special sessions a source dates, each opening before its close and in number order', () => {
		assert.ok(shipped.specialSessions.size >= 19);
		assert.deepEqual(shipped.specialSessions.get(1)?.opened, date(1947, 4, 28));
		assert.deepEqual(shipped.specialSessions.get(26)?.closed, date(2001, 6, 27));
		assert.equal(shipped.specialSessions.get(26)?.confidence, 'verified');
		assert.equal(shipped.specialSessions.get(20), undefined, 'known only by year: not dated');
		const numbers = [...shipped.specialSessions.keys()].sort((a, b) => a - b);
		for (let index = 1; index < numbers.length; index++) {
			const earlier = shipped.specialSessions.get(numbers[index - 1]);
			const later = shipped.specialSessions.get(numbers[index]);
			assert.ok(earlier && later && compareDates(earlier.opened, later.opened) <= 0, `special session ${numbers[index]} opens after ${numbers[index - 1]}`);
		}
	});
});

void describe('parseReferenceData: sessions, closings and special sessions', () => {
	void it('reads closings and special sessions, and reports what it cannot use', () => {
		const read = parseReferenceData([
			'sessions:',
			'  54: { opened: 1999-09-14, closed: 2000-09-05, confidence: verified }',
			'  55: { opened: 2000-09-05, closed: 1999-01-01 }',
			'  56: { opened: 2000-01-01, colour: red }',
			'emergencySpecialSessions:',
			'  10: { opened: 1997-04-24, resumed: [1997-07-15, someday], confidence: secondary }',
			'  11: { closed: 2022-03-02 }',
			'  12: { opened: 2030-01-02, closed: 2029-01-01 }',
			'specialSessions:',
			'  20: { opened: 1998-06-08, closed: 1998-06-10, venue: New York }',
		].join('\n'));
		assert.deepEqual(read.sessions.get(54)?.closed, date(2000, 9, 5));
		assert.equal(read.sessions.get(55)?.closed, undefined);
		assert.deepEqual(read.emergencySpecialSessions.get(10)?.resumed, [date(1997, 7, 15)]);
		assert.ok(!read.emergencySpecialSessions.has(11));
		assert.deepEqual(read.specialSessions.get(20)?.closed, date(1998, 6, 10));
		const text = read.problems.join('\n');
		assert.match(text, /session 55: "closed" must be a date after the opening/);
		assert.match(text, /session 56: unexpected "colour"/);
		assert.match(text, /session 56: opens before session 55/);
		assert.match(text, /emergency special session 10: resumed "someday" is not a date/);
		assert.match(text, /emergency special session 11: needs a number and an "opened" date/);
		assert.match(text, /emergency special session 12: a date before its opening/);
		assert.match(text, /special session 20: unexpected "venue"/);
	});
});
