// Correspondence threads, exchanges between two States, letters under an agenda item, and the citation graph.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { citationGraph } from '../../../server/src/engine/workspace/citationGraph';
import { LetterIndex } from '../../../server/src/engine/workspace/letterIndex';
import { correspondenceThread, exchangesBetween, lettersUnderAgendaItem } from '../../../server/src/engine/workspace/threads';
import { lines, referenceData } from '../helpers/fixtures';

const letter = (date: string, sender: string, body: string, agenda = 'Agenda item 40') => lines(
	'General Assembly', 'Seventy-fifth session', agenda, '',
	`Letter dated ${date} from the Permanent Representative of ${sender} to the United Nations addressed to the Secretary-General`, '',
	body, '', '(Signed) A. Representative',
);

function exchange(): LetterIndex {
	const index = new LetterIndex(referenceData);
	index.set('file:///w/1-armenia.txt', letter('3 March 2021', 'Armenia', 'I write about the shelling of villages.'));
	index.set('file:///w/2-azerbaijan.txt', letter('9 March 2021', 'Azerbaijan', 'In reply to the letter dated 3 March 2021 from the Permanent Representative of Armenia, I state the facts.'));
	index.set('file:///w/3-armenia.txt', letter('15 March 2021', 'Armenia', 'Further to my letter dated 3 March 2021 and in reply to the letter dated 9 March 2021 from the Permanent Representative of Azerbaijan, I must add.'));
	index.set('file:///w/4-france.txt', letter('1 April 2021', 'France', 'Nothing about the others.', 'Agenda item 71'));
	return index;
}

describe('correspondence threads', () => {
	it('says what a letter answers and what answers it, in date order, and the whole exchange', () => {
		const index = exchange();
		const thread = correspondenceThread(index, 'file:///w/2-azerbaijan.txt');
		assert.ok(thread);
		assert.deepEqual(thread.answers.map((entry) => [entry.record.uri, entry.kind]), [['file:///w/1-armenia.txt', 'refers-to']]);
		assert.deepEqual(thread.answeredBy.map((entry) => [entry.record.uri, entry.kind]), [['file:///w/3-armenia.txt', 'refers-to']]);
		assert.deepEqual(thread.exchange.map((record) => record.uri), ['file:///w/1-armenia.txt', 'file:///w/2-azerbaijan.txt', 'file:///w/3-armenia.txt']);
		assert.equal(thread.truncated, false);
		const first = correspondenceThread(index, 'file:///w/1-armenia.txt');
		assert.deepEqual(first?.answeredBy.map((entry) => [entry.record.uri, entry.kind]), [['file:///w/2-azerbaijan.txt', 'refers-to'], ['file:///w/3-armenia.txt', 'further-to']]);
		assert.deepEqual(correspondenceThread(index, 'file:///w/4-france.txt')?.exchange.map((record) => record.uri), ['file:///w/4-france.txt']);
		assert.equal(correspondenceThread(index, 'file:///w/none.txt'), undefined);
	});

	it('lists the exchanges between two States both ways, in date order', () => {
		const links = exchangesBetween(exchange(), 'Azerbaijan', 'Armenia');
		assert.deepEqual(links.map((link) => [link.from.uri, link.to.uri, link.kind]), [
			['file:///w/2-azerbaijan.txt', 'file:///w/1-armenia.txt', 'refers-to'],
			['file:///w/3-armenia.txt', 'file:///w/2-azerbaijan.txt', 'refers-to'],
		]);
		assert.deepEqual(exchangesBetween(exchange(), 'France', 'Armenia'), []);
	});

	it('lists the letters under one agenda item of a session, in date order', () => {
		assert.deepEqual(lettersUnderAgendaItem(exchange(), 75, 40).map((record) => record.uri), ['file:///w/1-armenia.txt', 'file:///w/2-azerbaijan.txt', 'file:///w/3-armenia.txt']);
		assert.deepEqual(lettersUnderAgendaItem(exchange(), 75, 71).map((record) => record.uri), ['file:///w/4-france.txt']);
		assert.deepEqual(lettersUnderAgendaItem(exchange(), 74, 40), []);
	});

	it('draws every letter as a node and every link as an edge, with what the view filters by', () => {
		const graph = citationGraph(exchange());
		assert.equal(graph.nodes.length, 4);
		assert.deepEqual(graph.nodes[0], {
			id: 'file:///w/1-armenia.txt', label: 'Armenia · 3 March 2021', fileName: '1-armenia.txt', sender: 'Armenia', dated: '2021-03-03',
			organs: ['GA 75'], agendaItems: ['GA 75 item 40'],
		});
		assert.deepEqual(graph.edges.map((edge) => `${edge.from.slice(10)}→${edge.to.slice(10)}:${edge.kind}`), [
			'2-azerbaijan.txt→1-armenia.txt:refers-to', '3-armenia.txt→1-armenia.txt:further-to', '3-armenia.txt→2-azerbaijan.txt:refers-to',
		]);
	});
});
