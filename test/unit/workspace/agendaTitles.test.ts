// Agenda titles learned from the letters of a workspace: what each letter teaches, how disagreements are settled,
// and that incremental updates equal a fresh build whatever the order files come in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { agendaItemsWithTitles, LearnedAgendaTitles, resolveAgendaTitle, titlesTaughtBy } from '../../../server/src/engine/workspace/agendaTitles';
import { LetterIndex } from '../../../server/src/engine/workspace/letterIndex';
import type { LetterSummary } from '../../../server/src/engine/workspace/letterSummary';
import { summarizeLetter } from '../../../server/src/engine/workspace/letterSummary';
import { makeLetter, referenceData } from '../helpers/fixtures';

/** A letter of the 76th session (unless told) with the given agenda line and the titles printed under it. */
function agendaLetter(agenda: string, titles: string[], session = 'Seventy-sixth'): string {
	return makeLetter({ session, year: 'Seventy-sixth', distributed: '3 November 2021', title: 'Letter dated 1 November 2021 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General', agenda, agendaTitles: titles, closing: 'I kindly request that the present letter be circulated as a document of the General Assembly and of the Security Council.' });
}

/** A letter as the workspace holds it: its compact entry. */
function parsed(text: string): LetterSummary {
	return summarizeLetter(parseLetter(text, referenceData), referenceData);
}

const PRINTS_99 = agendaLetter('Agenda item 99', ['Elimination of unilateral extraterritorial coercive economic measures']);
const CITES_99 = agendaLetter('Agenda items 35 and 99', []);
const PRINTS_99_OTHERWISE = agendaLetter('Agenda item 99', ['Economic measures as a means of political coercion']);
const PROVISIONAL_30 = agendaLetter('Item 30 of the provisional agenda*', ['Question of Palestine']);

describe('titles a letter teaches', () => {
	it('a printed title with its number, the list and session it belongs to, and how it was paired', () => {
		assert.deepEqual(titlesTaughtBy('file:///a.txt', 'a.txt', parsed(PRINTS_99)).map((title) => [title.session, title.list, title.item, title.title, title.pairing]), [
			[76, 'agenda', 99, 'Elimination of unilateral extraterritorial coercive economic measures', 'single'],
		]);
		assert.deepEqual(titlesTaughtBy('file:///p.txt', 'p.txt', parsed(PROVISIONAL_30)).map((title) => [title.list, title.item]), [['provisional', 30]]);
	});

	it('nothing when the letter prints no title, names no session, or is not a letter', () => {
		assert.deepEqual(titlesTaughtBy('file:///b.txt', 'b.txt', parsed(CITES_99)), []);
		assert.deepEqual(titlesTaughtBy('file:///n.txt', 'n.txt', parsed('Agenda item 99\n\nA shopping list')), []);
	});
});

describe('learned titles in a workspace', () => {
	it('give the title of an item to the letters of the same session that do not print it, naming the letter', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///work/a.txt', PRINTS_99);
		const citing = index.set('file:///work/b.txt', CITES_99);
		const title = resolveAgendaTitle(index.agendaTitles, referenceData, citing.summary.agenda, 99);
		assert.deepEqual(title, { text: 'Elimination of unilateral extraterritorial coercive economic measures', source: 'workspace-letter', learnedFrom: { uri: 'file:///work/a.txt', fileName: 'a.txt' } });
		assert.deepEqual(agendaItemsWithTitles(index.agendaTitles, referenceData, citing.summary.agenda).map((item) => [item.number, item.title?.source ?? null]), [[35, 'agenda-data'], [99, 'workspace-letter']]);
		index.delete('file:///work/a.txt');
		assert.equal(resolveAgendaTitle(index.agendaTitles, referenceData, citing.summary.agenda, 99), undefined, 'forgotten with the letter');
	});

	it('keep sessions and lists apart: no title crosses from one session, or from the provisional agenda, to another', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///work/a.txt', PRINTS_99);
		index.set('file:///work/p.txt', PROVISIONAL_30);
		const other = index.set('file:///work/c.txt', agendaLetter('Agenda item 99', [], 'Seventy-seventh'));
		assert.equal(resolveAgendaTitle(index.agendaTitles, referenceData, other.summary.agenda, 99), undefined);
		const adopted = index.set('file:///work/d.txt', agendaLetter('Agenda item 30', []));
		assert.equal(resolveAgendaTitle(index.agendaTitles, referenceData, adopted.summary.agenda, 30), undefined);
		const provisional = index.set('file:///work/e.txt', agendaLetter('Items 30 and 31 of the provisional agenda*', []));
		assert.equal(resolveAgendaTitle(index.agendaTitles, referenceData, provisional.summary.agenda, 30)?.text, 'Question of Palestine');
	});

	it('settle a disagreement by the number of letters, then by pairing, then by URI', () => {
		const learned = new LearnedAgendaTitles();
		learned.set('file:///z.txt', 'z.txt', parsed(PRINTS_99_OTHERWISE));
		learned.set('file:///m.txt', 'm.txt', parsed(PRINTS_99));
		assert.equal(learned.lookup(76, 'agenda', 99)?.uri, 'file:///m.txt', 'one letter each: the first URI');
		learned.set('file:///a.txt', 'a.txt', parsed(PRINTS_99_OTHERWISE));
		assert.equal(learned.lookup(76, 'agenda', 99)?.title, 'Economic measures as a means of political coercion', 'two letters against one');
		assert.equal(learned.lookup(76, 'agenda', 99)?.uri, 'file:///a.txt');
	});
});

describe('learned titles: incremental updates equal a fresh build, in any order', () => {
	const POOL = [PRINTS_99, CITES_99, PRINTS_99_OTHERWISE, PROVISIONAL_30,
		agendaLetter('Agenda items 16 and 66', ['Culture of peace', 'Peacebuilding and sustaining peace']),
		agendaLetter('Agenda items 66 and 99', ['Peacebuilding and sustaining peace', 'Elimination of unilateral extraterritorial coercive economic measures']),
		agendaLetter('Items 30 and 31 of the provisional agenda*', ['Question of Palestine', 'The situation in the Middle East']),
		agendaLetter('Agenda item 99', ['Elimination of unilateral extraterritorial coercive economic measures'], 'Seventy-seventh'),
	].map(parsed);
	const URIS = ['file:///w/a.txt', 'file:///w/b.txt', 'file:///w/c.txt', 'file:///w/d.txt', 'file:///w/e.txt'];
	const operation = fc.record({ uri: fc.constantFrom(...URIS), letter: fc.option(fc.nat({ max: POOL.length - 1 }), { nil: undefined }) });

	function fresh(state: Map<string, number>, order: string[]): LearnedAgendaTitles {
		const learned = new LearnedAgendaTitles();
		for (const uri of order) {
			const letter = state.get(uri);
			if (letter !== undefined) {
				learned.set(uri, uri.slice(uri.lastIndexOf('/') + 1), POOL[letter]);
			}
		}
		return learned;
	}

	it('through LearnedAgendaTitles and through the LetterIndex', () => {
		fc.assert(fc.property(fc.array(operation, { maxLength: 30 }), fc.infiniteStream(fc.nat()), (operations, random) => {
			const learned = new LearnedAgendaTitles();
			const index = new LetterIndex(referenceData);
			const state = new Map<string, number>();
			for (const { uri, letter } of operations) {
				if (letter === undefined) {
					learned.delete(uri);
					index.delete(uri);
					state.delete(uri);
				} else {
					learned.set(uri, uri.slice(uri.lastIndexOf('/') + 1), POOL[letter]);
					index.setSummary(uri, POOL[letter]);
					state.set(uri, letter);
				}
			}
			const shuffled = [...state.keys()].map((uri) => ({ uri, key: random.next().value })).sort((a, b) => a.key - b.key).map((entry) => entry.uri);
			const expected = fresh(state, [...state.keys()].sort()).all();
			assert.deepEqual(learned.all(), expected);
			assert.deepEqual(index.agendaTitles.all(), expected);
			assert.deepEqual(fresh(state, shuffled).all(), expected);
		}), { numRuns: 200 });
	});
});
