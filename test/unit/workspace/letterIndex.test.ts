// The workspace letter index: identity (masthead > sidecar > file name > inferred), lookups both ways, and
// incremental updates that always agree with an index built afresh.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/engine/diagnostics/codes';
import { computeLetterDiagnostics, summaryDiagnostics } from '../../../server/src/engine/diagnostics/letterDiagnostics';
import { parseDocumentSymbol } from '../../../server/src/engine/symbols/documentSymbols';
import type { DocumentSymbolRef } from '../../../server/src/engine/symbols/documentSymbols';
import { symbolFromFileName } from '../../../server/src/engine/workspace/identity';
import { LetterIndex } from '../../../server/src/engine/workspace/letterIndex';
import type { LetterSummary } from '../../../server/src/engine/workspace/letterSummary';
import { summarizeLetter } from '../../../server/src/engine/workspace/letterSummary';
import { SymbolTable } from '../../../server/src/engine/workspace/symbolTable';
import { decodeStoredForm, encodeStoredForm } from '../../../server/src/node/storedForm';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { makeLetter, referenceData } from '../helpers/fixtures';

function symbol(text: string): DocumentSymbolRef {
	const parsed = parseDocumentSymbol(text);
	assert.ok(parsed.ok, text);
	return parsed.symbol;
}

const title = (date: string, country = 'Azerbaijan') => `Letter dated ${date} from the Permanent Representative of ${country} to the United Nations addressed to the Secretary-General`;

/** A letter distributed on 22 December 2020 under the 75th session and year, without a masthead symbol. */
const UNNAMED_DECEMBER = makeLetter({ distributed: '22 December 2020', title: title('18 December 2020') });
/** A letter that cites A/75/660-S/2020/1267 with that date. */
const CITING_DECEMBER = makeLetter({ distributed: '11 February 2021', title: title('10 February 2021'), year: 'Seventy-sixth', body: ['See A/75/660-S/2020/1267 (22 December 2020) for the facts.'] });

describe('LetterIndex identity', () => {
	it('takes the masthead symbol first, over sidecar and file name', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/A_75_1-S_2020_1.txt', makeLetter({ masthead: 'A/75/356–S/2020/947' }), { sidecarSymbol: 'A/75/2' });
		const identity = index.identity('file:///w/A_75_1-S_2020_1.txt');
		assert.equal(identity?.symbol.text, 'A/75/356-S/2020/947');
		assert.equal(identity?.source, 'masthead');
	});

	it('takes the sidecar symbol over the file name', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/A_75_1-S_2020_1.txt', makeLetter(), { sidecarSymbol: 'A/75/356-S/2020/947' });
		assert.deepEqual(pick(index, 'file:///w/A_75_1-S_2020_1.txt'), ['A/75/356-S/2020/947', 'sidecar']);
	});

	it('ignores a sidecar symbol that is not a symbol, and falls back to the file name', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/A_75_356-S_2020_947.txt', makeLetter(), { sidecarSymbol: 'not a symbol' });
		assert.deepEqual(pick(index, 'file:///w/A_75_356-S_2020_947.txt'), ['A/75/356-S/2020/947', 'file-name']);
	});

	it('reads symbols spelled in file names', () => {
		assert.equal(symbolFromFileName('A_75_356-S_2020_947.txt')?.text, 'A/75/356-S/2020/947');
		assert.equal(symbolFromFileName('A-75-356.txt')?.text, 'A/75/356');
		assert.equal(symbolFromFileName('A-75-356-S-2020-947.md')?.text, 'A/75/356-S/2020/947');
		assert.equal(symbolFromFileName('S_2020_1104.md')?.text, 'S/2020/1104');
		assert.equal(symbolFromFileName('000_c1c47ee4ee510e2c.txt'), undefined);
		assert.equal(symbolFromFileName('notes-2020.txt'), undefined);
	});

	it('takes a file name identity over an inferred one', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/citing.txt', CITING_DECEMBER);
		index.set('file:///w/A-75-999.txt', UNNAMED_DECEMBER);
		assert.deepEqual(pick(index, 'file:///w/A-75-999.txt'), ['A/75/999', 'file-name']);
	});

	it('infers the identity from a dated citation when exactly one letter has that date and a consistent header', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/citing.txt', CITING_DECEMBER);
		index.set('file:///w/unnamed.txt', UNNAMED_DECEMBER);
		const identity = index.identity('file:///w/unnamed.txt');
		assert.deepEqual(pick(index, 'file:///w/unnamed.txt'), ['A/75/660-S/2020/1267', 'inferred']);
		assert.equal(identity?.inferredFrom?.uri, 'file:///w/citing.txt');
		assert.equal(identity?.inferredFrom?.date, '2020-12-22');
		assert.equal(CITING_DECEMBER.slice(identity.inferredFrom.range.start, identity.inferredFrom.range.end), 'A/75/660-S/2020/1267');
	});

	it('refuses to infer when two letters share the date and a consistent header', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/citing.txt', CITING_DECEMBER);
		index.set('file:///w/unnamed.txt', UNNAMED_DECEMBER);
		index.set('file:///w/twin.txt', makeLetter({ distributed: '22 December 2020', title: title('21 December 2020', 'Armenia') }));
		assert.equal(index.identity('file:///w/unnamed.txt'), undefined);
		assert.equal(index.identity('file:///w/twin.txt'), undefined);
		assert.deepEqual(index.resolve(symbol('A/75/660-S/2020/1267')), []);
	});

	it('infers the one of two same-day letters whose header is consistent', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/citing.txt', CITING_DECEMBER);
		index.set('file:///w/unnamed.txt', UNNAMED_DECEMBER);
		index.set('file:///w/ga-only.txt', makeLetter({ distributed: '22 December 2020', session: 'Seventy-fourth', title: title('21 December 2020', 'Armenia') }));
		assert.deepEqual(pick(index, 'file:///w/unnamed.txt'), ['A/75/660-S/2020/1267', 'inferred']);
		assert.equal(index.identity('file:///w/ga-only.txt'), undefined);
	});

	it('refuses to infer when the header session or year is inconsistent with the symbol', () => {
		for (const parts of [{ session: 'Seventy-fourth' }, { year: 'Seventy-sixth' }]) {
			const index = new LetterIndex(referenceData);
			index.set('file:///w/citing.txt', CITING_DECEMBER);
			index.set('file:///w/unnamed.txt', makeLetter({ distributed: '22 December 2020', title: title('18 December 2020'), ...parts }));
			assert.equal(index.identity('file:///w/unnamed.txt'), undefined, JSON.stringify(parts));
		}
	});

	it('keeps the joint symbol when other letters cite only one of its parts with the same date, whatever the order', () => {
		const part = makeLetter({ body: ['See S/2020/1267 (22 December 2020) and A/75/660 (22 December 2020).'] });
		for (const order of [['file:///w/joint.txt', 'file:///w/part.txt'], ['file:///w/part.txt', 'file:///w/joint.txt']]) {
			const index = new LetterIndex(referenceData);
			index.set('file:///w/unnamed.txt', UNNAMED_DECEMBER);
			for (const uri of order) {
				index.set(uri, uri.endsWith('joint.txt') ? CITING_DECEMBER : part);
			}
			assert.deepEqual(pick(index, 'file:///w/unnamed.txt'), ['A/75/660-S/2020/1267', 'inferred'], order.join(' then '));
		}
	});

	it('refuses to infer when two citations with that date disagree on the symbol, whatever the order', () => {
		const other = makeLetter({ body: ['See A/75/660-S/2020/1268 (22 December 2020).'] });
		for (const order of [['file:///w/x.txt', 'file:///w/y.txt'], ['file:///w/y.txt', 'file:///w/x.txt']]) {
			const index = new LetterIndex(referenceData);
			index.set('file:///w/unnamed.txt', UNNAMED_DECEMBER);
			for (const uri of order) {
				index.set(uri, uri.endsWith('x.txt') ? CITING_DECEMBER : other);
			}
			assert.equal(index.identity('file:///w/unnamed.txt'), undefined, order.join(' then '));
		}
	});

	it('does not infer a symbol that another letter already carries', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/citing.txt', CITING_DECEMBER);
		index.set('file:///w/named.txt', makeLetter({ masthead: 'A/75/660–S/2020/1267', distributed: '22 December 2020' }));
		index.set('file:///w/unnamed.txt', UNNAMED_DECEMBER);
		assert.equal(index.identity('file:///w/unnamed.txt'), undefined);
		assert.deepEqual(index.resolve(symbol('A/75/660-S/2020/1267')).map((entry) => entry.uri), ['file:///w/named.txt']);
	});

	it('does not infer from a citation without a date, nor from the letter’s own citations', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/citing.txt', makeLetter({ body: ['See A/75/660-S/2020/1267 for the facts.'] }));
		index.set('file:///w/self.txt', makeLetter({ distributed: '22 December 2020', title: title('18 December 2020'), body: ['The present letter, A/75/660-S/2020/1267 (22 December 2020), is circulated.'] }));
		assert.equal(index.identity('file:///w/self.txt'), undefined);
	});

	it('gives a text that is not a letter no identity, even with a symbol file name', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/S_2020_1104.txt', 'Notes for the meeting: read S/2020/1104 again before Tuesday.');
		assert.equal(index.identity('file:///w/S_2020_1104.txt'), undefined);
		assert.deepEqual(index.letters(), []);
		assert.deepEqual(index.citing(symbol('S/2020/1104')), []);
	});
});

describe('LetterIndex lookups both ways', () => {
	const index = new LetterIndex(referenceData);
	index.set('file:///w/cited.txt', makeLetter({ masthead: 'A/75/356–S/2020/947', distributed: '28 September 2020' }));
	index.set('file:///w/first.txt', makeLetter({ body: ['See A/75/356-S/2020/947 (28 September 2020) and S/2020/1104.'] }));
	index.set('file:///w/second.txt', makeLetter({ body: ['As in S/2020/947, the facts stand; see also A/75/356–S/2020/947.'] }));

	it('resolves a symbol, a joint symbol written another way, or one of its parts, to the letter', () => {
		for (const text of ['A/75/356-S/2020/947', 'A/75/356–S/2020/947', 'S/2020/947', 'A/75/356']) {
			assert.deepEqual(index.resolve(symbol(text)).map((entry) => entry.uri), ['file:///w/cited.txt'], text);
		}
		assert.deepEqual(index.resolve(symbol('S/2020/1104')), []);
	});

	it('lists the letters that cite a symbol, with their citations of it', () => {
		const citing = index.citing(symbol('A/75/356-S/2020/947'));
		assert.deepEqual(citing.map((citer) => [citer.uri, citer.citations.length]), [['file:///w/first.txt', 1], ['file:///w/second.txt', 2]]);
		assert.deepEqual(index.citing(symbol('S/2020/1104')).map((citer) => citer.uri), ['file:///w/first.txt']);
	});

	it('lists the citers of a workspace letter through its identity, and nothing for a letter without one', () => {
		assert.deepEqual(index.citersOf('file:///w/cited.txt').map((citer) => citer.uri), ['file:///w/first.txt', 'file:///w/second.txt']);
		assert.deepEqual(index.citersOf('file:///w/first.txt'), []);
		assert.deepEqual(index.citersOf('file:///w/missing.txt'), []);
	});

	it('follows an inferred identity both ways', () => {
		const inferred = new LetterIndex(referenceData);
		inferred.set('file:///w/citing.txt', CITING_DECEMBER);
		inferred.set('file:///w/unnamed.txt', UNNAMED_DECEMBER);
		assert.deepEqual(inferred.resolve(symbol('S/2020/1267')).map((entry) => entry.uri), ['file:///w/unnamed.txt']);
		assert.deepEqual(inferred.citersOf('file:///w/unnamed.txt').map((citer) => citer.uri), ['file:///w/citing.txt']);
	});
});

function pick(index: LetterIndex, uri: string): [string | undefined, string | undefined] {
	const identity = index.identity(uri);
	return [identity?.symbol.text, identity?.source];
}

// Incremental updates: a pool of letters whose mastheads, dates and citations overlap, so that identities are inferred,
// contested and lost as letters come and go.
const SYMBOLS = ['A/75/660-S/2020/1267', 'A/75/660-S/2020/1268', 'A/75/661-S/2020/1268', 'S/2020/1267', 'A/75/660', 'A/75/662-S/2020/1270', 'A/76/100-S/2021/300'];
const DATES = ['22 December 2020', '23 December 2020', '3 March 2021'];
const URIS = ['file:///w/a.txt', 'file:///w/b.txt', 'file:///w/A_75_662-S_2020_1270.txt', 'file:///w/c.md', 'file:///w/d.txt'];

/** A value one time in five, else undefined: most letters of the pool carry no identity of their own, so that identities are inferred. */
function rarely<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
	return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

interface PoolLetter {
	readonly text: string;
	readonly sidecarSymbol?: string;
}

const poolLetter: fc.Arbitrary<PoolLetter> = fc.record({
	masthead: rarely(fc.constantFrom(...SYMBOLS)),
	distributed: fc.constantFrom(...DATES),
	session: fc.constantFrom('Seventy-fifth', 'Seventy-fifth', 'Seventy-sixth'),
	year: fc.constantFrom('Seventy-fifth', 'Seventy-sixth'),
	cited: fc.array(fc.record({ symbol: fc.constantFrom(...SYMBOLS), date: fc.option(fc.constantFrom(...DATES)) }), { maxLength: 3 }),
	reference: rarely(fc.constantFrom(...DATES)),
	referenceSymbol: fc.option(fc.constantFrom(...SYMBOLS), { freq: 2 }),
	sidecarSymbol: rarely(fc.constantFrom(...SYMBOLS)),
}).map((parts) => ({
	text: makeLetter({
		masthead: parts.masthead,
		distributed: parts.distributed,
		session: parts.session,
		year: parts.year,
		title: title(parts.distributed),
		body: [
			parts.cited.length > 0 ? `See ${parts.cited.map((cited) => `${cited.symbol}${cited.date ? ` (${cited.date})` : ''}`).join(', ')} for the facts.` : 'No citation here.',
			parts.reference ? `Further to my letter dated ${parts.reference}${parts.referenceSymbol ? ` (${parts.referenceSymbol})` : ''}, I write again.` : 'Nothing more.',
		],
	}),
	sidecarSymbol: parts.sidecarSymbol,
}));

type Operation = { readonly kind: 'set'; readonly uri: string; readonly letter: PoolLetter } | { readonly kind: 'delete'; readonly uri: string } | { readonly kind: 'edit'; readonly uri: string };

const operation: fc.Arbitrary<Operation> = fc.oneof(
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), uri: fc.constantFrom(...URIS), letter: fc.oneof(poolLetter, fc.constant({ text: 'Notes: S/2020/1267 (22 December 2020) to read.' })) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), uri: fc.constantFrom(...URIS) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), uri: fc.constantFrom(...URIS) }) },
);

/**
 * Typing in an open letter that changes nothing the index derives from it: a paragraph added before the body (or at
 * the top of a text that is not a letter), so that every range after it moves.
 */
function typedIn(text: string): string {
	const body = text.search(/\n(?:See |No citation here\.)/);
	return body === -1 ? `Typed. ${text}` : `${text.slice(0, body + 1)}I have the honour to write again.\n\n${text.slice(body + 1)}`;
}

/**
 * Applies an operation to an index and to the letters it should hold (`texts`), an edit through `update` with the text
 * `edit` makes; returns what `update` returned (false: laid over the held entry), undefined for a set or delete.
 */
function applyOperation(index: LetterIndex, texts: Map<string, PoolLetter>, op: Operation, edit: (text: string) => string): boolean | undefined {
	if (op.kind === 'set') {
		index.set(op.uri, op.letter.text, { sidecarSymbol: op.letter.sidecarSymbol });
		texts.set(op.uri, op.letter);
		return undefined;
	}
	if (op.kind === 'delete') {
		assert.equal(index.delete(op.uri), texts.delete(op.uri));
		return undefined;
	}
	const held = texts.get(op.uri);
	if (held === undefined) {
		return undefined;
	}
	const edited = { ...held, text: edit(held.text) };
	texts.set(op.uri, edited);
	return index.update(op.uri, parseLetter(edited.text, referenceData), { sidecarSymbol: edited.sidecarSymbol });
}

/** Everything observable of an index, independent of insertion order. */
function snapshot(index: LetterIndex): unknown {
	const uris = index.all().map((entry) => entry.uri).sort();
	const identities = uris.map((uri) => {
		const identity = index.identity(uri);
		const from = identity?.inferredFrom;
		return [uri, identity?.symbol.text, identity?.source, from?.uri, from?.date, from && [from.range.start, from.range.end]];
	});
	// Ranges are part of what is observable: after an edit every answer must give those of the current text.
	const lookups = SYMBOLS.map((text) => [
		text,
		index.resolve(symbol(text)).map((entry) => `${entry.uri}@${index.model(entry.uri)?.title?.range.start ?? -1}@${entry.summary.landing.start}`).sort(),
		index.citing(symbol(text)).map((citer) => `${citer.uri}×${citer.citations.map((citation) => citation.range.start).join('+')}`).sort(),
	]);
	const citers = uris.map((uri) => [uri, index.citersOf(uri).map((citer) => citer.uri).sort()]);
	const diagnostics = uris.map((uri) => [uri, computeLetterDiagnostics(index.get(uri)!, index, referenceData, DEFAULT_DIAGNOSTIC_SETTINGS).map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start}`)]);
	return { identities, lookups, citers, diagnostics, letters: index.letters().map((entry) => entry.uri).sort() };
}

describe('LetterIndex.update (an open letter re-parsed as it is edited)', () => {
	it('keeps an inferred identity, with the range of its citation in the edited letter it was inferred from', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/citing.txt', CITING_DECEMBER);
		index.set('file:///w/unnamed.txt', UNNAMED_DECEMBER);
		assert.equal(index.identity('file:///w/unnamed.txt')?.source, 'inferred');
		const edited = CITING_DECEMBER.replace('See A/75/660', 'A paragraph typed above.\n\nSee A/75/660');
		assert.equal(index.update('file:///w/citing.txt', parseLetter(edited, referenceData)), false, 'laid over: nothing the index derives changed');
		const range = index.identity('file:///w/unnamed.txt')?.inferredFrom?.range;
		assert.ok(range);
		assert.equal(edited.slice(range.start, range.end), 'A/75/660-S/2020/1267');
		assert.equal(index.model('file:///w/citing.txt')?.text, edited);
		assert.deepEqual(index.citing(symbol('A/75/660-S/2020/1267')).map((citer) => edited.slice(citer.citations[0].range.start, citer.citations[0].range.end)), ['A/75/660-S/2020/1267']);
	});

	it('indexes anew an edit that changes what the index derives (a cited date)', () => {
		const index = new LetterIndex(referenceData);
		index.set('file:///w/citing.txt', CITING_DECEMBER);
		index.set('file:///w/unnamed.txt', UNNAMED_DECEMBER);
		assert.equal(index.update('file:///w/citing.txt', parseLetter(CITING_DECEMBER.replace('(22 December 2020)', '(23 December 2020)'), referenceData)), true);
		assert.equal(index.identity('file:///w/unnamed.txt'), undefined);
	});
});

describe('LetterIndex incremental updates', () => {
	it('set, delete and set again equals a fresh build', () => {
		const incremental = new LetterIndex(referenceData);
		incremental.set('file:///w/citing.txt', CITING_DECEMBER);
		incremental.set('file:///w/unnamed.txt', UNNAMED_DECEMBER);
		snapshot(incremental);
		incremental.delete('file:///w/citing.txt');
		assert.equal(incremental.identity('file:///w/unnamed.txt'), undefined, 'the inference goes with the citing letter');
		incremental.set('file:///w/citing.txt', CITING_DECEMBER);
		const fresh = new LetterIndex(referenceData);
		fresh.set('file:///w/unnamed.txt', UNNAMED_DECEMBER);
		fresh.set('file:///w/citing.txt', CITING_DECEMBER);
		assert.deepEqual(snapshot(incremental), snapshot(fresh));
		assert.equal(incremental.identity('file:///w/unnamed.txt')?.source, 'inferred');
		assert.equal(incremental.delete('file:///w/nothing.txt'), false);
	});

	it('any sequence of adds, updates, edits and removes equals an index built from the final state, ranges and diagnostics included (property)', () => {
		let laidOver = 0;
		fc.assert(fc.property(fc.array(operation, { minLength: 1, maxLength: 25 }), fc.boolean(), (operations, reverse) => {
			const incremental = new LetterIndex(referenceData);
			const final = new Map<string, PoolLetter>();
			for (const op of operations) {
				laidOver += applyOperation(incremental, final, op, typedIn) === false ? 1 : 0;
				// Query between operations, so that stale caches would show.
				incremental.resolve(symbol(SYMBOLS[operations.length % SYMBOLS.length]));
				incremental.identity(URIS[operations.length % URIS.length]);
			}
			const fresh = new LetterIndex(referenceData);
			const entries = [...final.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
			for (const [uri, letter] of reverse ? entries.reverse() : entries) {
				fresh.set(uri, letter.text, { sidecarSymbol: letter.sidecarSymbol });
			}
			assert.equal(incremental.size, fresh.size);
			assert.deepEqual(snapshot(incremental), snapshot(fresh));
		}), { numRuns: 800 });
		assert.ok(laidOver > 100, `edits laid over the held entries (${laidOver}), not only indexed anew`);
	});

	it('names every letter whose problems a change can alter: counts kept for those alone equal a fresh count (property)', () => {
		const problemsOf = (index: LetterIndex, uri: string) => {
			const entry = index.get(uri);
			return entry ? summaryDiagnostics(entry, index, DEFAULT_DIAGNOSTIC_SETTINGS).map((diagnostic) => `${diagnostic.code}@${diagnostic.severity}`) : [];
		};
		let changedElsewhere = 0;
		fc.assert(fc.property(fc.array(operation, { minLength: 1, maxLength: 25 }), fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (operations, queries) => {
			const index = new LetterIndex(referenceData);
			const kept = new Map<string, string[]>();
			index.clearAffected();
			const texts = new Map<string, PoolLetter>();
			operations.forEach((op, at) => {
				// Edits that change a cited date as well as edits that change nothing the index derives.
				applyOperation(index, texts, op, (text) => (at % 2 === 0 ? typedIn(text) : text.replace('(22 December 2020)', '(23 December 2020)')));
				if (queries[at]) {
					// Lookups between changes compute stale identities themselves; what they change must still be named.
					index.resolve(symbol(SYMBOLS[at % SYMBOLS.length]));
					index.identity(URIS[at % URIS.length]);
				}
				const affected = new Set(index.takeAffected());
				for (const uri of URIS) {
					const now = problemsOf(index, uri);
					if (affected.has(uri)) {
						changedElsewhere += uri !== op.uri && JSON.stringify(now) !== JSON.stringify(kept.get(uri) ?? []) ? 1 : 0;
						kept.set(uri, now);
					} else {
						assert.deepEqual(now, kept.get(uri) ?? [], `${uri} changed without being named after ${op.kind} ${op.uri}`);
					}
				}
			});
			const fresh = new LetterIndex(referenceData);
			for (const [uri, letter] of texts) {
				fresh.set(uri, letter.text, { sidecarSymbol: letter.sidecarSymbol });
			}
			for (const uri of URIS) {
				assert.deepEqual(kept.get(uri) ?? [], problemsOf(fresh, uri), uri);
			}
		}), { numRuns: 600 });
		assert.ok(changedElsewhere > 50, `changes that altered another letter's problems (${changedElsewhere})`);
	});

	it('names the citers of a letter whose distribution date changed under an identity inferred from its title date', () => {
		const index = new LetterIndex(referenceData);
		const referrer = makeLetter({ distributed: '20 December 2020', title: title('19 December 2020'), body: ['Further to my letter dated 18 December 2020 (A/75/660-S/2020/1267), I write again.'] });
		const unnamed = (distributed: string) => makeLetter({ distributed, title: title('18 December 2020') });
		index.set('file:///w/referrer.txt', referrer);
		index.set('file:///w/unnamed.txt', unnamed('22 December 2020'));
		index.set('file:///w/citing.txt', makeLetter({ distributed: '11 February 2021', title: title('10 February 2021', 'Armenia'), year: 'Seventy-sixth', body: ['See A/75/660-S/2020/1267 (22 December 2020) for the facts.'] }));
		const conflicts = () => summaryDiagnostics(index.get('file:///w/citing.txt')!, index, DEFAULT_DIAGNOSTIC_SETTINGS).filter((diagnostic) => diagnostic.code === 'citation-date-conflict').length;
		assert.equal(index.identity('file:///w/unnamed.txt')?.symbol.text, 'A/75/660-S/2020/1267');
		assert.equal(conflicts(), 0);
		index.clearAffected();
		index.set('file:///w/unnamed.txt', unnamed('23 December 2020'));
		assert.ok(index.takeAffected().includes('file:///w/citing.txt'));
		assert.equal(index.identity('file:///w/unnamed.txt')?.inferredFrom?.by, 'title-date-and-sender');
		assert.equal(conflicts(), 1);
	});
});

describe('LetterIndex.setSummaries (many entries at once: a restart, a folder read)', () => {
	const summaryOf = (letter: PoolLetter) => summarizeLetter(parseLetter(letter.text, referenceData), referenceData);
	const entryArbitrary = fc.record({ uri: fc.constantFrom(...URIS), letter: fc.oneof(poolLetter, fc.constant<PoolLetter>({ text: 'Notes: S/2020/1267 (22 December 2020) to read.' })), stored: fc.boolean() });

	it('equals setSummary one by one, in any order, over letters already held and queried (property)', () => {
		fc.assert(fc.property(fc.array(fc.record({ uri: fc.constantFrom(...URIS), letter: poolLetter }), { maxLength: 4 }), fc.array(entryArbitrary, { minLength: 1, maxLength: 8 }), fc.infiniteStream(fc.nat()), (before, batch, shuffle) => {
			// Entries as the store gives them back (symbols shared between them) or as a worker makes them (each its own).
			const stored = decodeStoredForm(encodeStoredForm(batch.map(({ letter }) => summaryOf(letter)))) as LetterSummary[];
			const summaries = batch.map((item, at) => (item.stored ? stored[at] : summaryOf(item.letter)));
			const one = new LetterIndex(referenceData);
			const bulk = new LetterIndex(referenceData);
			for (const index of [one, bulk]) {
				for (const { uri, letter } of before) {
					index.set(uri, letter.text, { sidecarSymbol: letter.sidecarSymbol });
				}
				snapshot(index);
			}
			batch.forEach(({ uri, letter }, at) => one.setSummary(uri, summaries[at], { sidecarSymbol: letter.sidecarSymbol }));
			// Any order of distinct files gives the same index; a file given twice keeps its last entry, as one by one.
			const last = new Map(batch.map(({ uri }, at) => [uri, at]));
			const order = [...last.values()].map((at) => ({ at, key: shuffle.next().value as number })).sort((a, b) => a.key - b.key).map(({ at }) => at);
			const held = bulk.setSummaries(order.map((at) => ({ uri: batch[at].uri, summary: summaries[at], options: { sidecarSymbol: batch[at].letter.sidecarSymbol } })));
			assert.deepEqual(held.map((entry) => entry.uri), order.map((at) => batch[at].uri));
			assert.equal(bulk.size, one.size);
			assert.deepEqual(snapshot(bulk), snapshot(one));
			assert.deepEqual(bulk.all().map((entry) => [entry.uri, entry.summary]), one.all().map((entry) => [entry.uri, entry.summary]));
		}), { numRuns: 400 });
	});

	it('answers from a bulk fill as from a fresh index, whether its citers are entered in the background or on demand, through any later changes (property)', () => {
		fc.assert(fc.property(fc.array(fc.record({ uri: fc.constantFrom(...URIS), letter: poolLetter }), { minLength: 1, maxLength: 5 }), fc.array(fc.record({ op: operation, step: fc.nat({ max: 3 }) }), { maxLength: 12 }), (initial, later) => {
			const texts = new Map<string, PoolLetter>();
			// Both read closed letters again from the same texts (a bulk fill holds no model).
			const source = { textOf: (uri: string) => texts.get(uri)?.text };
			const bulk = new LetterIndex(referenceData, source);
			const last = new Map(initial.map(({ uri, letter }) => [uri, letter]));
			bulk.setSummaries([...last].map(([uri, letter]) => ({ uri, summary: summaryOf(letter), options: { sidecarSymbol: letter.sidecarSymbol } })));
			last.forEach((letter, uri) => texts.set(uri, letter));
			for (const { op, step } of later) {
				// Some background steps (one letter's citations each), or none, between the changes.
				for (let i = 0; i < step; i++) {
					bulk.refreshInferred(() => true);
				}
				applyOperation(bulk, texts, op, typedIn);
			}
			const fresh = new LetterIndex(referenceData, source);
			for (const [uri, letter] of texts) {
				fresh.set(uri, letter.text, { sidecarSymbol: letter.sidecarSymbol });
			}
			assert.deepEqual(snapshot(bulk), snapshot(fresh));
		}), { numRuns: 500 });
	});

	it('enters the citers a bulk fill left out in the background, a letter at a time, until none is left', () => {
		const index = new LetterIndex(referenceData);
		const cited = makeLetter({ distributed: '12 February 2021', title: title('11 February 2021'), year: 'Seventy-sixth', body: ['See A/75/660-S/2020/1267 (22 December 2020) again.'] });
		index.setSummaries(['a', 'b', 'c'].map((name) => ({ uri: `file:///w/${name}.txt`, summary: summaryOf({ text: cited }) })));
		let steps = 0;
		while (!index.refreshInferred(() => true)) {
			steps++;
		}
		assert.ok(steps >= 2, `three letters' citations entered one at a time (${steps} steps before the last)`);
		assert.deepEqual(index.citingUris(symbol('S/2020/1267')), ['file:///w/a.txt', 'file:///w/b.txt', 'file:///w/c.txt']);
	});

	it('holds an entry read back from the store as it is, its symbols the index\'s instances', () => {
		const letters = [CITING_DECEMBER, makeLetter({ distributed: '12 February 2021', title: title('11 February 2021'), year: 'Seventy-sixth', body: ['See A/75/660-S/2020/1267 (22 December 2020) again.'] })];
		// Stored as the index held them: one instance of each symbol.
		const shared = new SymbolTable();
		const [first, second] = decodeStoredForm(encodeStoredForm(letters.map((text) => shared.internSummary(summarizeLetter(parseLetter(text, referenceData), referenceData))))) as LetterSummary[];
		assert.equal(first.citations[0].symbol, second.citations[0].symbol);
		const index = new LetterIndex(referenceData);
		const [a, b] = index.setSummaries([{ uri: 'file:///w/a.txt', summary: first }, { uri: 'file:///w/b.txt', summary: second }]);
		assert.equal(a.summary, first);
		assert.equal(b.summary, second);
		// A worker's entry comes with its own copy of the symbol: it is given the one held.
		const [c] = index.setSummaries([{ uri: 'file:///w/c.txt', summary: summarizeLetter(parseLetter(letters[1], referenceData), referenceData) }]);
		assert.equal(c.summary.citations[0].symbol, first.citations[0].symbol);
	});
});

describe('SymbolTable.adoptSummary', () => {
	const summaryOf = (text: string) => summarizeLetter(parseLetter(text, referenceData), referenceData);

	it('gives the entry itself when its symbols are the held instances, else what internSummary gives', () => {
		const symbols = new SymbolTable();
		const first = summaryOf(CITING_DECEMBER);
		assert.equal(symbols.adoptSummary(first), first, 'its symbols become the held ones');
		// As an entry read back from the store or sent by a worker: equal symbols, other objects (parsing the same text
		// again on this thread would give the very symbols, shared by the reader's verdict table).
		const copy = structuredClone(summaryOf(CITING_DECEMBER));
		const adopted = symbols.adoptSummary(copy);
		assert.notEqual(adopted, copy);
		assert.deepEqual(adopted, copy);
		assert.equal(adopted.citations[0].symbol, first.citations[0].symbol);
		assert.deepEqual(new SymbolTable().internSummary(summaryOf(CITING_DECEMBER)), adopted);
	});

	it('counts the symbols as internSummary does: one released entry leaves the others\' symbols held', () => {
		const symbols = new SymbolTable();
		const first = symbols.adoptSummary(summaryOf(CITING_DECEMBER));
		const second = symbols.adoptSummary(summaryOf(CITING_DECEMBER));
		symbols.releaseSummary(first);
		assert.equal(symbols.internSummary(summaryOf(CITING_DECEMBER)).citations[0].symbol, first.citations[0].symbol, 'still held for the second');
		symbols.releaseSummary(second);
		symbols.releaseSummary(second);
		const fresh = summaryOf(CITING_DECEMBER);
		assert.equal(symbols.adoptSummary(fresh).citations[0].symbol, fresh.citations[0].symbol, 'let go with the last entry');
	});
});

describe('SymbolTable.adoptLater (a restart\'s entries counted in the background)', () => {
	const texts = [
		makeLetter({ masthead: 'A/75/356–S/2020/947', body: ['See S/2020/1104 and A/75/660-S/2020/1267 (22 December 2020).'] }),
		makeLetter({ body: ['See A/75/356-S/2020/947 (28 September 2020) and S/2020/1104.'] }),
		makeLetter({ masthead: 'S/2020/1104', body: ['See A/75/660-S/2020/1267 for the facts.'] }),
		CITING_DECEMBER,
	];
	const fresh = (at: number) => summarizeLetter(parseLetter(texts[at], referenceData), referenceData);
	const symbolsOf = (summary: LetterSummary) => [summary.masthead?.symbol, ...summary.citations.map((citation) => citation.symbol), ...summary.references.map((reference) => reference.nearbySymbol)].filter((symbol) => symbol !== undefined);
	const step = fc.oneof(
		fc.record({ adopt: fc.nat(7) }),
		fc.record({ release: fc.nat(7) }),
		fc.record({ intern: fc.nat(texts.length - 1) }),
		fc.record({ pending: fc.nat(3) }),
	);

	it('keeps a symbol held while an entry counted later holds a copy of it, after the entry holding the instance is released', () => {
		// Two stored entries citing A/75/356-S/2020/947, each with its own instance (stored apart), counted later.
		const [holder, copyHolder] = [0, 1].map((at) => structuredClone(new SymbolTable().internSummary(fresh(at))));
		const instance = holder.masthead!.symbol;
		const copy = copyHolder.citations.find((citation) => citation.symbol.text === instance.text)!.symbol;
		assert.notEqual(copy, instance);
		const later = new SymbolTable();
		later.adoptLater(holder);
		later.adoptLater(copyHolder);
		later.releaseSummary(holder);
		// The copy's entry still holds the symbol: a new entry is given the instance held, as a table that adopted
		// both at once (adoptSummary) gives it; without the copy counted, it would keep an instance of its own.
		const now = new SymbolTable();
		now.adoptSummary(holder);
		now.adoptSummary(copyHolder);
		now.releaseSummary(holder);
		const [a, b] = [now, later].map((table) => table.internSummary(fresh(1)).citations.find((citation) => citation.symbol.text === instance.text)!.symbol);
		assert.equal(b, instance);
		assert.equal(a, instance);
		later.releaseSummary(copyHolder);
		const after = fresh(1);
		assert.equal(later.internSummary(after).citations.find((citation) => citation.symbol.text === instance.text)!.symbol, instance, 'still held for the entry just interned');
	});

	it('interns, adopts and releases as a table that adopted each entry at once, whatever is counted between (property)', () => {
		fc.assert(fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
			// Entries read back from the store: written shared, two copies of each letter.
			const stored = decodeStoredForm(encodeStoredForm([...texts, ...texts].map((_, at) => new SymbolTable().internSummary(fresh(at % texts.length))), { shareable: (value) => 'parts' in value && 'text' in value })) as LetterSummary[];
			const [now, later] = [new SymbolTable(), new SymbolTable()];
			// What each table's user holds of each stored entry adopted: `now` may be given a copy (a symbol held before).
			const adopted = new Map<number, LetterSummary>();
			for (const item of steps) {
				if ('adopt' in item) {
					if (adopted.has(item.adopt)) {
						continue;
					}
					const held = now.adoptSummary(stored[item.adopt]);
					assert.deepEqual(held, stored[item.adopt]);
					adopted.set(item.adopt, held);
					later.adoptLater(stored[item.adopt]);
				} else if ('release' in item) {
					const held = adopted.get(item.release);
					if (held !== undefined) {
						adopted.delete(item.release);
						now.releaseSummary(held);
						later.releaseSummary(stored[item.release]);
					}
				} else if ('intern' in item) {
					const copy = fresh(item.intern);
					const [a, b] = [now.internSummary(copy), later.internSummary(copy)];
					assert.deepEqual(b, a);
					const [own, x, y] = [symbolsOf(copy), symbolsOf(a), symbolsOf(b)];
					x.forEach((symbol, at) => assert.equal(y[at], symbol, 'the same instance held in both'));
					assert.deepEqual(y.map((symbol, at) => symbol === own[at]), x.map((symbol, at) => symbol === own[at]));
				} else {
					let calls = 0;
					later.adoptPending(() => ++calls > item.pending);
				}
			}
			assert.equal(later.adoptPending(), true);
			assert.equal(later.pendingCount, 0);
		}), { numRuns: 300 });
	});
});
