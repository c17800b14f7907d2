// Identity by title date and sender (SPEC "Identity"), and identity that never depends on the order files were read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/engine/diagnostics/codes';
import { computeLetterDiagnostics } from '../../../server/src/engine/diagnostics/letterDiagnostics';
import { parseDocumentSymbol } from '../../../server/src/engine/symbols/documentSymbols';
import type { DocumentSymbolRef } from '../../../server/src/engine/symbols/documentSymbols';
import { catalogue } from '../../../server/src/engine/workspace/catalogue';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { LetterIndex } from '../../../server/src/engine/workspace/letterIndex';
import { summarizeLetter } from '../../../server/src/engine/workspace/letterSummary';
import { lines, makeLetter, referenceData } from '../helpers/fixtures';

function symbol(text: string): DocumentSymbolRef {
	const parsed = parseDocumentSymbol(text);
	assert.ok(parsed.ok, text);
	return parsed.symbol;
}

/** A 1993 letter as a web page gives it: no masthead, no distribution date, the title and the body. */
const lebanon = (date = '29 July 1993') => lines(
	'General Assembly', 'Forty-seventh session', 'Agenda item 10', '',
	`Letter dated ${date} from the Permanent Representative of Lebanon to the United Nations addressed to the Secretary-General`, '',
	'I have the honour to bring to your attention the continuing attacks against villages of southern Lebanon, which have caused many casualties among civilians.', '',
	'(Signed) Mahmoud Hammoud',
);

const citing = (reference: string) => makeLetter({
	session: 'Forty-seventh', year: 'Forty-eighth', distributed: '5 August 1993',
	title: 'Letter dated 4 August 1993 from the Permanent Representative of Israel to the United Nations addressed to the Secretary-General',
	body: [`I refer to ${reference}, concerning the events of last week.`],
});

describe('identity by title date and sender', () => {
	it('identifies the one letter of that date and sender, without a distribution date, from a reference that gives its symbol', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/lebanon.txt', lebanon());
		index.set('file:///w/israel.txt', citing('the letter dated 29 July 1993 from the Permanent Representative of Lebanon (A/47/994-S/26196)'));
		const identity = index.identity('file:///w/lebanon.txt');
		assert.equal(identity?.symbol.text, 'A/47/994-S/26196');
		assert.equal(identity?.source, 'inferred');
		assert.equal(identity?.inferredFrom?.by, 'title-date-and-sender');
		assert.equal(identity?.inferredFrom?.uri, 'file:///w/israel.txt');
		assert.deepEqual(index.resolve(symbol('A/47/994-S/26196')).map((entry) => entry.uri), ['file:///w/lebanon.txt']);
		assert.deepEqual(index.citersOf('file:///w/lebanon.txt').map((citer) => citer.uri), ['file:///w/israel.txt']);
	});

	it('reads "my letter dated …" as a letter of the writer\'s own State', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/lebanon-1.txt', lebanon());
		index.set('file:///w/lebanon-2.txt', lines(
			'General Assembly', 'Forty-seventh session', 'Agenda item 10', '',
			'Letter dated 2 August 1993 from the Permanent Representative of Lebanon to the United Nations addressed to the Secretary-General', '',
			'Further to my letter dated 29 July 1993 (A/47/994-S/26196), I have the honour to inform you of further attacks.', '',
			'(Signed) Mahmoud Hammoud',
		));
		assert.equal(index.identity('file:///w/lebanon-1.txt')?.symbol.text, 'A/47/994-S/26196');
		assert.equal(index.identity('file:///w/lebanon-2.txt'), undefined);
	});

	it('infers nothing when the sender differs, when two letters could be the one, or when the header names another session', () => {
		const otherSender = new LetterIndex(referenceData);
		otherSender.set('file:///w/lebanon.txt', lebanon());
		otherSender.set('file:///w/israel.txt', citing('the letter dated 29 July 1993 from the Permanent Representative of Syria (A/47/994-S/26196)'));
		assert.equal(otherSender.identity('file:///w/lebanon.txt'), undefined);

		const twoCandidates = new LetterIndex(referenceData);
		twoCandidates.set('file:///w/lebanon-a.txt', lebanon());
		twoCandidates.set('file:///w/lebanon-b.txt', lebanon().replace('continuing attacks', 'renewed shelling'));
		twoCandidates.set('file:///w/israel.txt', citing('the letter dated 29 July 1993 from the Permanent Representative of Lebanon (A/47/994-S/26196)'));
		assert.equal(twoCandidates.identity('file:///w/lebanon-a.txt'), undefined);
		assert.equal(twoCandidates.identity('file:///w/lebanon-b.txt'), undefined);

		const otherSession = new LetterIndex(referenceData);
		otherSession.set('file:///w/lebanon.txt', lebanon().replace('Forty-seventh session', 'Forty-eighth session'));
		otherSession.set('file:///w/israel.txt', citing('the letter dated 29 July 1993 from the Permanent Representative of Lebanon (A/47/994-S/26196)'));
		assert.equal(otherSession.identity('file:///w/lebanon.txt'), undefined);
	});

	it('never gives a symbol that a letter of the folder carries itself', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/lebanon.txt', lebanon());
		index.set('file:///w/original.txt', makeLetter({ masthead: 'A/47/994-S/26196', session: 'Forty-seventh', year: 'Forty-eighth', distributed: '30 July 1993', title: 'Letter dated 29 July 1993 from the Permanent Representative of Lebanon to the United Nations addressed to the Secretary-General' }));
		index.set('file:///w/israel.txt', citing('the letter dated 29 July 1993 from the Permanent Representative of Lebanon (A/47/994-S/26196)'));
		assert.equal(index.identity('file:///w/lebanon.txt'), undefined);
		assert.deepEqual(index.resolve(symbol('A/47/994-S/26196')).map((entry) => entry.uri), ['file:///w/original.txt']);
	});
});

describe('two letters claiming one symbol', () => {
	const claimant = (distributed: string) => makeLetter({ masthead: 'A/75/660-S/2020/1267', distributed, title: 'Letter dated 18 December 2020 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General' });
	const citer = makeLetter({ distributed: '11 February 2021', year: 'Seventy-sixth', title: 'Letter dated 10 February 2021 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General', body: ['See A/75/660-S/2020/1267 (21 December 2020).'] });

	for (const order of [['a', 'b', 'c'], ['c', 'b', 'a'], ['b', 'c', 'a']]) {
		it(`are both given, the same one first, and messages name the same letter whatever the order (${order.join('')})`, () => {
			const texts: Record<string, string> = { a: claimant('22 December 2020'), b: claimant('23 December 2020'), c: citer };
			const index = new LetterIndex(referenceData);
			for (const key of order) {
				index.set(`file:///w/${key}.txt`, texts[key]);
			}
			assert.deepEqual(index.resolve(symbol('A/75/660-S/2020/1267')).map((entry) => entry.uri), ['file:///w/a.txt', 'file:///w/b.txt']);
			const conflict = computeLetterDiagnostics(index.get('file:///w/c.txt')!, index, referenceData, DEFAULT_DIAGNOSTIC_SETTINGS).find((d) => d.code === 'citation-date-conflict');
			assert.match(conflict?.message ?? '', /workspace letter a\.txt with that symbol is distributed on 22 December 2020/);
		});
	}
});

const SENDERS = ['Lebanon', 'Israel', 'Syrian Arab Republic'];
const DATES = ['29 July 1993', '30 July 1993', '2 August 1993'];
const SYMBOLS = ['A/47/994-S/26196', 'A/47/995-S/26197', 'S/26198', 'A/47/996'];

const poolLetter = fc.record({
	sender: fc.constantFrom(...SENDERS),
	date: fc.constantFrom(...DATES),
	distributed: fc.option(fc.constantFrom(...DATES)),
	masthead: fc.option(fc.constantFrom(...SYMBOLS), { freq: 4 }),
	references: fc.array(fc.record({ own: fc.boolean(), sender: fc.constantFrom(...SENDERS), date: fc.constantFrom(...DATES), symbol: fc.option(fc.constantFrom(...SYMBOLS)) }), { maxLength: 2 }),
	cited: fc.array(fc.record({ symbol: fc.constantFrom(...SYMBOLS), date: fc.option(fc.constantFrom(...DATES)) }), { maxLength: 2 }),
}).map((parts) => lines(
	...(parts.masthead ? [`United Nations ${parts.masthead}`, ''] : []),
	'General Assembly', 'Forty-seventh session', ...(parts.distributed ? ['', 'Distr.: General', parts.distributed] : []), '',
	`Letter dated ${parts.date} from the Permanent Representative of ${parts.sender} to the United Nations addressed to the Secretary-General`, '',
	...parts.references.map((reference) => `${reference.own ? `Further to my letter dated ${reference.date}` : `I refer to the letter dated ${reference.date} from the Permanent Representative of ${reference.sender}`}${reference.symbol ? ` (${reference.symbol})` : ''}, I write again.`),
	'',
	parts.cited.length > 0 ? `See ${parts.cited.map((cited) => `${cited.symbol}${cited.date ? ` (${cited.date})` : ''}`).join(', ')}.` : 'Nothing cited.',
	'', '(Signed) A. Representative',
));

/** Everything observable of an index, in the order the index gives it (not sorted here: order must not depend on reading order). */
function observed(index: LetterIndex, uris: readonly string[]): unknown {
	return {
		catalogue: catalogue(index),
		identities: uris.map((uri) => [uri, index.identity(uri)]),
		resolved: SYMBOLS.map((text) => index.resolve(symbol(text)).map((entry) => entry.uri)),
		citing: SYMBOLS.map((text) => index.citing(symbol(text)).map((citer) => citer.uri)),
		written: DATES.map((date) => index.lettersWrittenOn({ year: Number(date.slice(-4)), month: date.includes('July') ? 7 : 8, day: Number(date.split(' ')[0]) }).map((entry) => entry.uri)),
		diagnostics: uris.map((uri) => computeLetterDiagnostics(index.get(uri)!, index, referenceData, DEFAULT_DIAGNOSTIC_SETTINGS).map((d) => `${d.code}@${d.range.start}: ${d.message}`)),
		all: index.all().map((entry) => entry.uri),
	};
}

describe('identity never depends on the order files were read', () => {
	it('gives the same identities, lookups, catalogue and messages for any order of the same files (property)', () => {
		fc.assert(fc.property(fc.array(poolLetter, { minLength: 2, maxLength: 7 }), fc.func(fc.integer()), (texts, rank) => {
			const uris = texts.map((_text, i) => `file:///w/letter-${i}.txt`);
			const inOrder = new LetterIndex(referenceData);
			uris.forEach((uri, i) => inOrder.set(uri, texts[i]));
			const shuffled = new LetterIndex(referenceData);
			const order = uris.map((uri, i) => ({ uri, text: texts[i], key: rank(i) })).sort((a, b) => a.key - b.key);
			for (const { uri, text } of order) {
				shuffled.set(uri, text);
			}
			assert.deepEqual(observed(shuffled, uris), observed(inOrder, uris));
		}), { numRuns: 300 });
	});
});

describe('identity never depends on when it was asked', () => {
	it('gives the same answers for letters indexed in bulk before any lookup as for letters looked up after each one was added (property)', () => {
		fc.assert(fc.property(fc.array(poolLetter, { minLength: 2, maxLength: 7 }), fc.integer({ min: 1, max: 4 }), (texts, batch) => {
			const uris = texts.map((_text, i) => `file:///w/letter-${i}.txt`);
			const summaries = texts.map((text) => summarizeLetter(parseLetter(text, referenceData), referenceData));
			const bulk = new LetterIndex(referenceData);
			for (let at = 0; at < uris.length; at += batch) {
				bulk.setSummaries(uris.slice(at, at + batch).map((uri, i) => ({ uri, summary: summaries[at + i] })));
			}
			const asked = new LetterIndex(referenceData);
			uris.forEach((uri, i) => {
				asked.setSummary(uri, summaries[i]);
				// Every identity held is computed (so the next letter must mark stale the ones it can change).
				uris.slice(0, i + 1).forEach((held) => asked.identity(held));
				SYMBOLS.forEach((text) => asked.resolve(symbol(text)));
			});
			assert.deepEqual(observed(bulk, uris), observed(asked, uris));
		}), { numRuns: 300 });
	});
});
