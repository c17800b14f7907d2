import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OutgoingCitation, StatusParams } from '../../../server/src/protocol';
import { citedSymbolDescription, groupCitationsBySymbol } from '../../../client/src/citationsModel';
import { RestartPolicy, plainErrorMessage } from '../../../client/src/restartPolicy';
import { describeStatus } from '../../../client/src/statusText';

function citation(symbol: string, line: number, extra: Partial<OutgoingCitation> = {}): OutgoingCitation {
	return { symbol, range: { start: { line, character: 0 }, end: { line, character: symbol.length } }, status: 'unresolved', targets: [], undocsUrls: [`https://undocs.org/${symbol}`], ...extra };
}

void describe('groupCitationsBySymbol', () => {
	void it('makes one entry per symbol in order of first citation, with the first date and the best status', () => {
		const grouped = groupCitationsBySymbol([
			citation('S/2020/1104', 3),
			citation('A/75/495-S/2020/981', 5, { citedDate: '2020-10-02', status: 'inferred' }),
			citation('S/2020/1104', 8, { citedDate: '2020-11-12', status: 'resolved' }),
		]);
		assert.deepEqual(grouped.map((entry) => [entry.symbol, entry.status, entry.citedDate, entry.occurrences.length]), [
			['S/2020/1104', 'resolved', '2020-11-12', 2],
			['A/75/495-S/2020/981', 'inferred', '2020-10-02', 1],
		]);
		assert.equal(citedSymbolDescription(grouped[0]), 'dated 12 November 2020 · ×2');
		assert.equal(citedSymbolDescription(grouped[1]), 'dated 2 October 2020 · inferred');
	});

	void it('names the workspace letter a citation resolves to, as people name it', () => {
		const target = {
			uri: 'file:///w/001.txt', fileName: '001.txt', name: 'A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020',
			range: { start: { line: 37, character: 0 }, end: { line: 37, character: 10 } }, identity: { symbol: 'A/75/660-S/2020/1267', source: 'inferred' as const },
		};
		const [cited] = groupCitationsBySymbol([citation('A/75/660-S/2020/1267', 74, { citedDate: '2020-12-22', status: 'inferred', targets: [target] })]);
		assert.equal(citedSymbolDescription(cited), '→ A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020 · inferred');
		const [twice] = groupCitationsBySymbol([citation('S/1', 1, { status: 'resolved', targets: [target, { ...target, uri: 'file:///w/x.txt' }] })]);
		assert.equal(citedSymbolDescription(twice), '→ 2 letters');
	});

	void it('has nothing for a letter without citations', () => {
		assert.deepEqual(groupCitationsBySymbol([]), []);
	});
});

void describe('describeStatus', () => {
	const ready: StatusParams = { state: 'ready', indexed: 12, total: 12, letters: 5, problems: { error: 2, warning: 7, information: 3, hint: 0 } };

	void it('shows letters and problems once the index is ready', () => {
		const status = describeStatus('running', ready);
		assert.equal(status.text, '$(mail) 5 letters $(error) 2 $(warning) 7');
		assert.match(status.tooltip, /2 errors, 7 warnings, 3 information, 0 hints/);
		assert.equal(status.isError, false);
	});

	void it('shows progress while indexing', () => {
		assert.equal(describeStatus('running', { ...ready, state: 'indexing', indexed: 40, total: 300, letters: 1 }).text, '$(sync~spin) Letters 40/300');
		assert.equal(describeStatus('running', { ...ready, state: 'indexing', indexed: 0, total: 0 }).text, '$(sync~spin) Letters 0');
	});

	void it('shows a failed server as an error that says what to do', () => {
		const status = describeStatus('failed', ready);
		assert.equal(status.isError, true);
		assert.match(status.tooltip, /Restart Language Server/);
		assert.equal(describeStatus('starting', undefined).text, '$(sync~spin) Letters');
	});
});

void describe('RestartPolicy', () => {
	void it('restarts after crashes, telling the user only the first time', () => {
		const policy = new RestartPolicy(3, 60_000);
		const first = policy.recordCrash(0);
		assert.equal(first.restart, true);
		assert.ok(first.message);
		assert.deepEqual(policy.recordCrash(1000), { restart: true });
		assert.deepEqual(policy.recordCrash(2000), { restart: true });
	});

	void it('gives up after too many crashes in the window, once, and starts afresh after a reset', () => {
		const policy = new RestartPolicy(2, 60_000);
		policy.recordCrash(0);
		policy.recordCrash(10);
		const gaveUp = policy.recordCrash(20);
		assert.equal(gaveUp.restart, false);
		assert.match(gaveUp.message ?? '', /Restart Language Server/);
		policy.reset();
		assert.equal(policy.recordCrash(30).restart, true);
	});

	void it('forgets crashes older than the window', () => {
		const policy = new RestartPolicy(2, 1000);
		policy.recordCrash(0);
		policy.recordCrash(10);
		assert.equal(policy.recordCrash(5000).restart, true);
	});

	void it('reduces errors to their first line, never a stack', () => {
		const error = new Error('Cannot read the folder\n    at foo (bar.js:1:1)');
		assert.equal(plainErrorMessage(error), 'Cannot read the folder');
		assert.equal(plainErrorMessage('plain'), 'plain');
		assert.equal(plainErrorMessage({}), 'Unknown error.');
	});
});
