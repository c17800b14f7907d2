// The Letters view's pure logic: filtering, sorting by date, grouping by session/year, sender or agenda item, the
// words of a row, and the pickers' choices of senders and agenda items.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LetterRow } from '../../../server/src/protocol';
import {
	agendaItemChoices, annotationSummary, groupLetters, humanDate, isLetterGrouping, letterRowDescription, letterRowTooltip, matchesLetterFilter, organLongLabel, problemSummary, senderChoices,
} from '../../../client/src/letters/lettersModel';

function row(fileName: string, fields: Partial<LetterRow> = {}): LetterRow {
	return {
		uri: `file:///w/${fileName}`, fileName, name: fileName, symbol: null, identity: null, sender: null, senderGroup: null, date: null,
		range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
		kind: 'letter', distributed: null, dated: null, addressees: [], organs: [], agendaItems: [], cites: 0, citedBy: 0, annotations: 0, problems: null,
		...fields,
	};
}

const armenia = row('000.txt', {
	name: 'Armenia · 31 October 2020', sender: 'Armenia', senderGroup: 'Armenia', date: '2020-10-31', dated: '2020-10-31', addressees: ['Secretary-General'],
	organs: [{ organ: 'GA', session: 75 }, { organ: 'SC', year: 2020 }], agendaItems: [{ number: 34, title: 'Prevention of armed conflict' }, { number: 71, title: null }],
	problems: { error: 0, warning: 2, information: 5, hint: 1 },
});
const azerbaijan = row('001.txt', {
	name: 'A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020', symbol: 'A/75/660-S/2020/1267', identity: 'inferred', sender: 'Azerbaijan', senderGroup: 'Azerbaijan',
	date: '2020-12-18', dated: '2020-12-18', distributed: '2020-12-22', addressees: ['Secretary-General'], organs: [{ organ: 'GA', session: 75 }, { organ: 'SC', year: 2020 }],
	agendaItems: [34, 35, 40, 68, 70, 71].map((number) => ({ number, title: null })), annotations: 2, problems: { error: 1, warning: 0, information: 0, hint: 0 }, cites: 44, citedBy: 1,
});
const note = row('003.txt', { name: 'Republic of Azerbaijan · 4 November 2020', sender: 'Republic of Azerbaijan', senderGroup: 'Azerbaijan', date: '2020-11-04', kind: 'note-verbale' });
const older = row('002.txt', { name: 'A/74/807 · Azerbaijan · 14 April 2020', symbol: 'A/74/807', identity: 'masthead', sender: 'Azerbaijan', senderGroup: 'Azerbaijan', date: '2020-04-14', organs: [{ organ: 'GA', session: 74 }], agendaItems: [{ number: 32, title: null }] });
const undated = row('zzz.txt');
const rows = [azerbaijan, undated, armenia, note, older];

describe('grouping the letters', () => {
	it('by session or year: General Assembly sessions, then Council years; a joint letter under both; letters without either last', () => {
		const groups = groupLetters(rows, 'session');
		assert.deepEqual(groups.map((group) => [group.label, group.rows.map((each) => each.fileName)]), [
			['General Assembly, 74th session', ['002.txt']],
			['General Assembly, 75th session', ['000.txt', '001.txt']],
			['Security Council, 2020', ['000.txt', '001.txt']],
			['No session or year in the header', ['003.txt', 'zzz.txt']],
		]);
	});

	it('by sender: spellings of one State together, by name, each group in date order', () => {
		assert.deepEqual(groupLetters(rows, 'sender').map((group) => [group.label, group.rows.map((each) => each.fileName)]), [
			['Armenia', ['000.txt']],
			['Azerbaijan', ['002.txt', '003.txt', '001.txt']],
			['Sender not known', ['zzz.txt']],
		]);
	});

	it('by agenda item of a session, with its title; a letter under each of its items', () => {
		const groups = groupLetters(rows, 'agendaItem');
		assert.deepEqual(groups.slice(0, 3).map((group) => [group.label, group.description, group.rows.length]), [
			['GA 74 · item 32', undefined, 1], ['GA 75 · item 34', 'Prevention of armed conflict', 2], ['GA 75 · item 35', undefined, 1],
		]);
		assert.equal(groups.at(-1)?.label, 'No agenda item');
	});

	it('without groups: one list by date, undated letters last', () => {
		assert.deepEqual(groupLetters(rows, 'none')[0].rows.map((each) => each.fileName), ['002.txt', '000.txt', '003.txt', '001.txt', 'zzz.txt']);
		assert.deepEqual(groupLetters([], 'none'), []);
	});

	it('knows its groupings (a remembered choice may be stale)', () => {
		assert.ok(isLetterGrouping('sender'));
		assert.ok(!isLetterGrouping('colour'));
	});
});

describe('filtering the letters', () => {
	it('keeps the letters holding every word, in symbol, sender, date, addressees, sessions and agenda items', () => {
		assert.deepEqual(rows.filter((each) => matchesLetterFilter(each, 'azerbaijan 2020')).map((each) => each.fileName), ['001.txt', '003.txt', '002.txt']);
		assert.ok(matchesLetterFilter(azerbaijan, 'S/2020/1267'));
		assert.ok(matchesLetterFilter(armenia, 'armed conflict'));
		assert.ok(matchesLetterFilter(armenia, 'security council'));
		assert.ok(matchesLetterFilter(armenia, 'no symbol'));
		assert.ok(!matchesLetterFilter(azerbaijan, 'no symbol'));
		assert.ok(matchesLetterFilter(note, 'note verbale'));
		assert.ok(matchesLetterFilter(note, '   '));
		assert.deepEqual(groupLetters(rows, 'sender', 'armenia').map((group) => group.label), ['Armenia']);
	});
});

describe('the words of a row', () => {
	it('says what the name does not: identity, addressees, sessions, items, annotations, errors and warnings', () => {
		assert.equal(letterRowDescription(azerbaijan), 'symbol inferred · to Secretary-General · GA 75, SC 2020 · items 34, 35, 40, 68 +2 · 2 annotations · 1 error');
		assert.equal(letterRowDescription(armenia), 'no symbol · to Secretary-General · GA 75, SC 2020 · items 34, 71 · 2 warnings');
		assert.equal(letterRowDescription(older), 'GA 74 · item 32');
		assert.equal(problemSummary(null), undefined);
		assert.equal(problemSummary({ error: 0, warning: 0, information: 3, hint: 0 }), undefined);
		assert.equal(annotationSummary(null), 'annotation file invalid');
		assert.equal(annotationSummary(1), '1 annotation');
	});

	it('gives every field in full in the tooltip, the file name last', () => {
		const lines = letterRowTooltip(azerbaijan);
		assert.equal(lines[0], azerbaijan.name);
		assert.ok(lines.includes('Letter dated 18 December 2020 from Azerbaijan to the Secretary-General.'));
		assert.ok(lines.includes('Distributed 22 December 2020.'));
		assert.ok(lines.includes('General Assembly, 75th session; Security Council, 2020'));
		assert.ok(lines.includes('Cites 44 documents; cited by 1 letter of the folder.'));
		assert.ok(lines.some((line) => line.startsWith('Symbol A/75/660-S/2020/1267, inferred')));
		assert.equal(lines.at(-1), '001.txt');
		assert.match(letterRowTooltip(armenia)[2], /Set Document Symbol/);
	});

	it('writes dates and organs in words', () => {
		assert.equal(humanDate('2020-12-18'), '18 December 2020');
		assert.equal(humanDate(null), undefined);
		assert.equal(organLongLabel({ organ: 'GA', emergencySpecialSession: 10 }), 'General Assembly, 10th emergency special session');
		assert.equal(organLongLabel({ organ: 'GA', session: 73 }), 'General Assembly, 73rd session');
		assert.equal(organLongLabel({ organ: 'GA', session: 111 }), 'General Assembly, 111th session');
	});
});

describe('the pickers of the Exchanges view', () => {
	it('offers the senders with most letters first, and the agenda items of each session with their titles', () => {
		assert.deepEqual(senderChoices(rows), [{ sender: 'Azerbaijan', letters: 3 }, { sender: 'Armenia', letters: 1 }]);
		assert.deepEqual(agendaItemChoices(rows).slice(0, 3), [
			{ session: 74, item: 32, title: null, letters: 1 },
			{ session: 75, item: 34, title: 'Prevention of armed conflict', letters: 2 },
			{ session: 75, item: 35, title: null, letters: 1 },
		]);
	});
});
