import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { at, serviceFor } from './workspace';

const CITED = makeLetter({ masthead: 'A/75/356-S/2020/947', distributed: '28 September 2020' });
const CITING = makeLetter({
	title: 'Letter dated 2 November 2020 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General',
	body: ['See A/75/356–S/2020/947 (28 September 2020), S/2020/1104 and resolution 822 (1993).'],
});

test('document links: each part of a joint symbol, single symbols, resolutions', () => {
	const { service } = serviceFor({ 'file:///citing.txt': CITING });
	const links = service.provideDocumentLinks('file:///citing.txt');
	assert.deepEqual(links.map((link) => link.target), ['https://undocs.org/A/75/356', 'https://undocs.org/S/2020/947', 'https://undocs.org/S/2020/1104', 'https://undocs.org/S/RES/822(1993)']);
	assert.deepEqual(links[1].range.start, at(CITING, 'S/2020/947'));
});

test('workspace symbols: every letter, named by symbol, sender and date; found by symbol, by sender and date; every word must match', () => {
	const { service } = serviceFor({ 'file:///cited.txt': CITED, 'file:///citing.txt': CITING });
	assert.deepEqual(service.provideWorkspaceSymbols('S/2020/947').map((symbol) => symbol.name), ['A/75/356-S/2020/947 · Armenia · 31 October 2020']);
	assert.deepEqual(service.provideWorkspaceSymbols('Azerbaijan').map((symbol) => symbol.name), ['Azerbaijan · 2 November 2020'], 'a letter without a symbol is listed too');
	assert.match(service.provideWorkspaceSymbols('Azerbaijan')[0].detail, /^Letter to the Secretary-General · distributed 3 November 2020 · citing\.txt$/);
	assert.deepEqual(service.provideWorkspaceSymbols('azerbaijan november').map((symbol) => symbol.location.uri), ['file:///citing.txt']);
	assert.deepEqual(service.provideWorkspaceSymbols('azerbaijan october'), []);
	assert.equal(service.provideWorkspaceSymbols('').length, 2);
});

test('citations view: resolved and unresolved citations, and who cites the letter', () => {
	const { service } = serviceFor({ 'file:///cited.txt': CITED, 'file:///citing.txt': CITING });
	const view = service.provideCitations('file:///citing.txt');
	assert.deepEqual(view.cites.map((citation) => [citation.symbol, citation.status, citation.citedDate]), [
		['A/75/356-S/2020/947', 'resolved', '2020-09-28'],
		['S/2020/1104', 'unresolved', undefined],
	]);
	assert.equal(view.cites[0].targets[0].identity.source, 'masthead');
	const cited = service.provideCitations('file:///cited.txt');
	assert.deepEqual(cited.citedBy.map((citer) => [citer.uri, citer.ranges.length]), [['file:///citing.txt', 1]]);
	assert.deepEqual(service.provideCitations('file:///unknown.txt'), { uri: 'file:///unknown.txt', isLetter: false, cites: [], citedBy: [] });
});

test('symbol at the cursor: citation, masthead, resolution, or nothing', () => {
	const { service } = serviceFor({ 'file:///cited.txt': CITED, 'file:///citing.txt': CITING });
	assert.equal(service.provideSymbolAt('file:///citing.txt', at(CITING, 'S/2020/1104', 3))?.symbol, 'S/2020/1104');
	assert.deepEqual(service.provideSymbolAt('file:///cited.txt', at(CITED, 'A/75/356', 1))?.undocsUrls, ['https://undocs.org/A/75/356', 'https://undocs.org/S/2020/947']);
	assert.equal(service.provideSymbolAt('file:///citing.txt', at(CITING, '822', 1))?.undocsUrls[0], 'https://undocs.org/S/RES/822(1993)');
	assert.equal(service.provideSymbolAt('file:///citing.txt', at(CITING, 'See', 1)), undefined);
});

test('diagnostics are placed in lines and characters, with related locations in other files', () => {
	const conflicting = makeLetter({ body: ['See A/75/356-S/2020/947 (29 September 2020).'] });
	const { service } = serviceFor({ 'file:///cited.txt': CITED, 'file:///conflicting.txt': conflicting });
	const [placed] = service.provideDiagnostics('file:///conflicting.txt').filter((item) => item.diagnostic.code === 'citation-date-conflict');
	assert.deepEqual(placed.range.start, at(conflicting, '29 September 2020'));
	assert.equal(placed.related[0].location.uri, 'file:///cited.txt');
});
