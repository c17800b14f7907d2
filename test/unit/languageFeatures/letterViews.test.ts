// The folder-wide views as the language service gives them: Letters view rows, a thread, exchanges, the letters under
// an agenda item, the packed citation graph, and the check of a symbol typed for Set Document Symbol. Real letters
// (the five fixtures) and hand-written ones; a real index and parser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSymbolText } from '../../../server/src/engine/languageFeatures/letterIdentityEdit';
import { LineIndex, positionInText } from '../../../server/src/engine/text/lineIndex';
import { citationGraph } from '../../../server/src/engine/workspace/citationGraph';
import { LINK_KINDS, packCitationGraph } from '../../../server/src/engine/workspace/packedGraph';
import { FIXTURE_LETTER_NAMES, lines, readFixtureLetter } from '../helpers/fixtures';
import { serviceFor } from './workspace';

const uriOf = (name: string) => `file:///letters/${name}`;

function fixtureService() {
	return serviceFor(Object.fromEntries(FIXTURE_LETTER_NAMES.map((name) => [uriOf(name), readFixtureLetter(name).text])));
}

const letter = (date: string, sender: string, body: string) => lines(
	'General Assembly', 'Seventy-fifth session', 'Agenda item 40', '',
	`Letter dated ${date} from the Permanent Representative of ${sender} to the United Nations addressed to the Secretary-General`, '',
	body, '', '(Signed) A. Representative',
);

describe('Letters view rows', () => {
	it('gives every sample letter with its name, identity, catalogue fields, counts and where to open it', () => {
		const { service } = fixtureService();
		const rows = service.provideLetterRows();
		assert.deepEqual(rows.map((row) => row.fileName), FIXTURE_LETTER_NAMES);
		const row001 = rows.find((row) => row.fileName.startsWith('001'));
		assert.ok(row001);
		assert.equal(row001.name, 'A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020');
		assert.equal(row001.identity, 'inferred');
		assert.deepEqual(row001.addressees, ['Secretary-General']);
		assert.deepEqual(row001.organs, [{ organ: 'GA', session: 75 }, { organ: 'SC', year: 2020 }]);
		assert.equal(row001.citedBy, 1, 'cited by 004');
		assert.equal(row001.cites, 44);
		assert.equal(row001.range.start.line, 37, 'opens at the title (line 38): 001 has no masthead symbol');
		const row000 = rows.find((row) => row.fileName.startsWith('000'));
		assert.equal(row000?.symbol, null);
		assert.equal(row000?.identity, null);
		assert.equal(row000?.name, 'Armenia · 31 October 2020');
	});
});

describe('threads', () => {
	it('names the letters 004 answers or cites and those citing 001, in date order, with how', () => {
		const { service } = fixtureService();
		const thread004 = service.provideThread(uriOf(FIXTURE_LETTER_NAMES[4]));
		assert.deepEqual(thread004?.answers.map((entry) => [entry.letter.fileName.slice(0, 3), entry.kind]), [['002', 'cites'], ['001', 'cites']]);
		assert.deepEqual(thread004?.answeredBy, []);
		const thread001 = service.provideThread(uriOf(FIXTURE_LETTER_NAMES[1]));
		assert.deepEqual(thread001?.answeredBy.map((entry) => [entry.letter.name, entry.kind]), [['Azerbaijan · 10 February 2022', 'cites']]);
		assert.equal(service.provideThread('file:///letters/none.txt'), undefined);
	});

	it('stops the exchange at its limit without walking the rest of the folder', () => {
		const files: Record<string, string> = { 'file:///w/0.txt': letter('1 March 2021', 'Armenia', 'I write.') };
		for (let i = 1; i <= 260; i++) {
			files[`file:///w/${i}.txt`] = letter('9 March 2021', `State${i}`, 'In reply to the letter dated 1 March 2021 from the Permanent Representative of Armenia, I state the facts.');
		}
		const { service } = serviceFor(files);
		const thread = service.provideThread('file:///w/0.txt');
		assert.equal(thread?.answeredBy.length, 260);
		assert.equal(thread?.exchange.length, 200);
		assert.equal(thread?.truncated, true);
	});

	it('lists the exchanges between two States and the letters under an agenda item as named references', () => {
		const { service } = serviceFor({
			'file:///w/1.txt': letter('3 March 2021', 'Armenia', 'I write about the shelling of villages.'),
			'file:///w/2.txt': letter('9 March 2021', 'Azerbaijan', 'In reply to the letter dated 3 March 2021 from the Permanent Representative of Armenia, I state the facts.'),
		});
		const links = service.provideExchanges('Armenia', 'Azerbaijan');
		assert.deepEqual(links.map((link) => [link.from.name, link.to.name, link.kind]), [['Azerbaijan · 9 March 2021', 'Armenia · 3 March 2021', 'refers-to']]);
		assert.deepEqual(service.provideLettersUnderAgendaItem(75, 40).map((ref) => ref.name), ['Armenia · 3 March 2021', 'Azerbaijan · 9 March 2021']);
	});
});

describe('the packed citation graph', () => {
	it('keeps every node and link, with shared tables and numeric edges', () => {
		const { index } = fixtureService();
		const graph = citationGraph(index);
		const packed = packCitationGraph(graph);
		assert.equal(packed.nodes.length, graph.nodes.length);
		assert.equal(packed.edges.length, graph.edges.length * 3);
		for (let i = 0; i < packed.edges.length; i += 3) {
			const edge = graph.edges[i / 3];
			assert.deepEqual([packed.nodes[packed.edges[i]].uri, packed.nodes[packed.edges[i + 1]].uri, LINK_KINDS[packed.edges[i + 2]]], [edge.from, edge.to, edge.kind]);
		}
		assert.equal(packed.senders[0], 'Azerbaijan', 'the sender of most letters first');
		const node004 = packed.nodes.find((node) => node.fileName.startsWith('004'));
		assert.deepEqual(node004?.organs.map((organ) => packed.organs[organ]), ['GA 76', 'SC 2022']);
		assert.ok(node004?.agendaItems.map((item) => packed.agendaItems[item]).includes('GA 76 item 35'));
		assert.deepEqual(packed.organs, [...packed.organs].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
	});
});

describe('Set Document Symbol checks', () => {
	it('takes a well-formed symbol, normalised, and refuses a malformed one with the grammar\'s reason', () => {
		assert.deepEqual(checkSymbolText(' A/75/660 – S/2020/1267 '), { ok: true, symbol: 'A/75/660-S/2020/1267' });
		const bad = checkSymbolText('A/75/495-S/2020');
		assert.equal(bad.ok, false);
		assert.match(!bad.ok ? bad.message : '', /^Not a document symbol: .*ends without a document number.*for example A\/75\/660-S\/2020\/1267/);
		assert.match(!checkSymbolText('hello').ok ? (checkSymbolText('hello') as { message: string }).message : '', /does not start with a UN document series/);
		assert.deepEqual(checkSymbolText('S/RES/822 (1993)'), { ok: false, message: 'S/RES/822(1993) is the symbol of a resolution, not of a letter.' });
	});

	it('refuses a letter whose masthead prints its symbol, and names the other letters claiming one', () => {
		const { service } = serviceFor({
			'file:///w/mast.txt': lines('United Nations A/75/356–S/2020/947', '', 'General Assembly', 'Seventy-fifth session', '', 'Letter dated 27 September 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', '', 'Text.'),
			'file:///w/none.txt': letter('1 March 2021', 'Armenia', 'I write.'),
		});
		const masthead = service.checkLetterSymbol('file:///w/mast.txt', 'A/75/1');
		assert.equal(masthead.ok, false);
		assert.match(!masthead.ok ? masthead.message : '', /prints its symbol A\/75\/356-S\/2020\/947 in its masthead/);
		const claimed = service.checkLetterSymbol('file:///w/none.txt', 'A/75/356');
		assert.equal(claimed.ok, true);
		assert.deepEqual(claimed.ok ? claimed.alsoClaimedBy.map((other) => other.fileName) : [], ['mast.txt']);
		assert.equal(service.checkLetterSymbol('file:///w/other.txt', 'A/75/1').ok, false);
	});
});

describe('positionInText', () => {
	it('agrees with LineIndex for every offset, whatever the line endings', () => {
		const text = 'a\r\nbc\rd\n\ne\r\n';
		const index = new LineIndex(text);
		for (let offset = 0; offset <= text.length; offset++) {
			assert.deepEqual(positionInText(text, offset), index.positionAt(offset), `offset ${offset}`);
		}
	});
});
