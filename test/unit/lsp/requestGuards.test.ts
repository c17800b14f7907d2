// The request guard at shutdown: requests accepted before `shutdown` are awaited (so a create still reading its
// sidecar reaches the owner before it closes), requests after it are refused, and a request that never ends holds
// shutdown no longer than the limit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver';
import { check, RequestGuard } from '../../../server/src/lsp/requestGuards';

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
	let open = () => undefined as void;
	const opened = new Promise<void>((resolve) => {
		open = resolve;
	});
	return { opened, open };
}

describe('the request guard at shutdown', () => {
	it('waits for a request accepted before shutdown, and refuses the ones after it', async () => {
		const guard = new RequestGuard(() => undefined);
		const reading = gate();
		const steps: string[] = [];
		const handler = guard.request('dl/create', check.objectOrNothing, async () => {
			await reading.opened;
			steps.push('written');
			return 'ok';
		});
		const token = new CancellationTokenSource().token;
		const accepted = handler({}, token);
		guard.shutDown();
		const settled = guard.settled(10_000).then(() => steps.push('settled'));
		await new Promise((resolve) => setTimeout(resolve, 20));
		assert.deepEqual(steps, [], 'shutdown still waits for the accepted request');
		reading.open();
		await settled;
		assert.deepEqual(steps, ['written', 'settled']);
		assert.equal(await accepted, 'ok');
		const refused = await handler({}, token);
		assert.ok(refused instanceof ResponseError);
		assert.match(refused.message, /refused: the server is shutting down/);
	});

	it('holds shutdown no longer than its limit for a request that never ends', async () => {
		const guard = new RequestGuard(() => undefined);
		const never = gate();
		void guard.request('dl/slow', check.objectOrNothing, async () => never.opened)({}, new CancellationTokenSource().token);
		guard.shutDown();
		const started = Date.now();
		await guard.settled(50);
		assert.ok(Date.now() - started < 5_000);
	});
});
