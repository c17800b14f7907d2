// The citation graph view's pure logic (colours, legend, sizes, filter, the links drawn at 10,000 letters, the page's
// content security policy, the messages) and how the Thread and Exchanges views word the links.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { graphContentSecurityPolicy, graphPageHtml, makeNonce } from '../../../client/src/graph/graphHtml';
import {
	citedByCounts, graphSummary, initialPosition, isGraphToHostMessage, layoutBudgetMs, MAX_DRAWN_EDGES, nodeMatchesFilter, nodeSize, OTHER_SENDER_COLOUR, seededRandom,
	selectDrawnEdges, SENDER_COLOURS, senderColour, senderGroup, senderLegend,
} from '../../../client/src/graph/graphModel';
import { exchangeTimeline, linkLabel } from '../../../client/src/letters/threadModel';
import type { CitationGraphResult, ExchangeLink, LetterReference } from '../../../server/src/protocol';

const node = (index: number, sender: number, organs: number[] = [], agendaItems: number[] = []) => ({
	uri: `file:///w/${index}.txt`, name: `letter ${index}`, fileName: `${index}.txt`, sender, dated: null, organs, agendaItems,
});

const small: CitationGraphResult = {
	nodes: [node(0, 0, [0], [0]), node(1, 0, [0, 1]), node(2, 1, [1], [0]), node(3, -1)],
	senders: ['Azerbaijan', 'Armenia'], organs: ['GA 75', 'SC 2020'], agendaItems: ['GA 75 item 34'],
	edges: [2, 0, 1, 0, 2, 2, 3, 0, 0],
};

describe('the citation graph view', () => {
	it('colours the senders with most letters, the others alike, and says so in the legend', () => {
		assert.equal(senderColour(0), SENDER_COLOURS[0]);
		assert.equal(senderColour(-1), OTHER_SENDER_COLOUR);
		assert.equal(senderColour(SENDER_COLOURS.length), OTHER_SENDER_COLOUR);
		assert.equal(senderGroup(SENDER_COLOURS.length + 5), SENDER_COLOURS.length);
		assert.deepEqual(senderLegend(small), [
			{ label: 'Azerbaijan', colour: SENDER_COLOURS[0], letters: 2 },
			{ label: 'Armenia', colour: SENDER_COLOURS[1], letters: 1 },
			{ label: 'Sender not known', colour: OTHER_SENDER_COLOUR, letters: 1 },
		]);
	});

	it('sizes letters by how many cite them, larger in a small graph', () => {
		assert.deepEqual(citedByCounts(small), [2, 0, 1, 0]);
		assert.ok(nodeSize(4, 5) > nodeSize(0, 5));
		assert.ok(nodeSize(0, 5) > nodeSize(0, 10_000));
		assert.ok(nodeSize(10_000, 10_000) <= 9);
	});

	it('filters by session/year and agenda item', () => {
		assert.deepEqual(small.nodes.map((each) => nodeMatchesFilter(each, { organ: 1, agendaItem: -1 })), [false, true, true, false]);
		assert.deepEqual(small.nodes.map((each) => nodeMatchesFilter(each, { organ: 1, agendaItem: 0 })), [false, false, true, false]);
		assert.ok(small.nodes.every((each) => nodeMatchesFilter(each, { organ: -1, agendaItem: -1 })));
	});

	it('draws every link of a small graph, and of a large one the replies first, then citations spread evenly, up to the budget', () => {
		assert.deepEqual(selectDrawnEdges(small, () => true), { edges: small.edges, total: 3 });
		assert.deepEqual(selectDrawnEdges(small, (index) => index !== 0), { edges: [], total: 0 });
		const edges: number[] = [];
		for (let i = 0; i < 1_000; i++) {
			edges.push(i, i + 1, i % 100 === 0 ? 0 : 2);
		}
		const drawn = selectDrawnEdges({ edges }, () => true, 100);
		assert.equal(drawn.total, 1_000);
		assert.equal(drawn.edges.length, 300);
		const kinds = [];
		for (let i = 2; i < drawn.edges.length; i += 3) kinds.push(drawn.edges[i]);
		assert.equal(kinds.filter((kind) => kind === 0).length, 10, 'every reply is drawn');
		const citing = drawn.edges.filter((_value, index) => index % 3 === 0);
		assert.ok(citing.at(-1)! > 900, 'citations are taken from the whole list, not only its start');
		assert.equal(MAX_DRAWN_EDGES, 20_000);
	});

	it('says how many letters and links there are, and how many are drawn', () => {
		assert.equal(graphSummary(5, 5, { edges: [0, 1, 2, 1, 2, 2], total: 2 }), '5 letters · 2 links');
		assert.equal(graphSummary(5, 2, { edges: [], total: 0 }), '2 of 5 letters shown · 0 links');
		assert.equal(graphSummary(10_000, 10_000, { edges: new Array(60_000).fill(0), total: 474_158 }), '10,000 letters · 474,158 links, 20,000 drawn (filter to see the others)');
	});

	it('starts each letter at the same place on every run, and runs the layout longer for larger graphs', () => {
		assert.deepEqual(initialPosition('file:///w/1.txt', 10), initialPosition('file:///w/1.txt', 10));
		assert.notDeepEqual(initialPosition('file:///w/1.txt', 10), initialPosition('file:///w/2.txt', 10));
		const random = seededRandom(7);
		const again = seededRandom(7);
		assert.deepEqual([random(), random()], [again(), again()]);
		assert.ok(layoutBudgetMs(10_000, 20_000) > layoutBudgetMs(5, 2));
		assert.ok(layoutBudgetMs(1e9, 1e9) <= 20_000);
	});

	it('accepts only the messages the extension handles from the webview', () => {
		assert.ok(isGraphToHostMessage({ type: 'open', uri: 'file:///w/1.txt' }));
		assert.ok(!isGraphToHostMessage({ type: 'open', uri: 3 }));
		assert.ok(!isGraphToHostMessage({ type: 'eval', code: '1' }));
		assert.ok(!isGraphToHostMessage(null));
	});

	it('serves the page under a strict content security policy: nothing by default, the one script by its nonce, no network source', () => {
		const nonce = makeNonce((length) => new Uint8Array(length).map((_value, index) => index * 17));
		assert.match(nonce, /^[A-Za-z0-9_-]{22}$/);
		const csp = graphContentSecurityPolicy({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce });
		assert.equal(csp, `default-src 'none'; script-src 'nonce-${nonce}'; style-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net data:; font-src https://file+.vscode-resource.vscode-cdn.net; worker-src blob:`);
		const html = graphPageHtml({ scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/graphView.js', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/graphView.css', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce });
		assert.equal((html.match(/<script/g) ?? []).length, 1);
		assert.match(html, new RegExp(`<script nonce="${nonce}" src="https://file\\+\\.vscode-resource\\.vscode-cdn\\.net/ext/dist/graphView\\.js"></script>`));
		assert.doesNotMatch(html, /style="|onclick|unsafe-|cdn\.jsdelivr|unpkg/);
	});
});

const ref = (name: string): LetterReference => ({ uri: `file:///w/${name}`, fileName: name, name, symbol: null, identity: null, sender: null, date: null, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });

describe('how the Thread and Exchanges views word the links', () => {
	it('reads each link from the letter the view is about', () => {
		assert.deepEqual((['further-to', 'refers-to', 'cites'] as const).map((kind) => linkLabel(kind, 'out')), ['further to', 'in reply to', 'cites']);
		assert.deepEqual((['further-to', 'refers-to', 'cites'] as const).map((kind) => linkLabel(kind, 'in')), ['further to this', 'in reply to this', 'cites this']);
	});

	it('makes a timeline of the letters that answer, each with the letters it answers, in the server\'s date order', () => {
		const links: ExchangeLink[] = [
			{ from: ref('2-azerbaijan'), to: ref('1-armenia'), kind: 'refers-to' },
			{ from: ref('3-armenia'), to: ref('2-azerbaijan'), kind: 'refers-to' },
			{ from: ref('3-armenia'), to: ref('1-armenia'), kind: 'further-to' },
		];
		assert.deepEqual(exchangeTimeline(links).map((entry) => [entry.letter.name, entry.links.map((link) => `${link.kind} ${link.letter.name}`)]), [
			['2-azerbaijan', ['refers-to 1-armenia']],
			['3-armenia', ['refers-to 2-azerbaijan', 'further-to 1-armenia']],
		]);
	});
});
