/**
 * What the client knows of the folder's letters, as the server last answered `diplomaticLetters/letters`: the Letters
 * view's rows, and the names that other views and quick picks give letters. It asks the server when a consumer needs
 * the list, and again after `lettersChanged` while a consumer is watching; otherwise it only marks its answer stale.
 */
import * as vscode from 'vscode';
import type { LetterRow, LettersResult } from '../../../server/src/protocol';
import { LettersChangedNotification, LettersRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { plainErrorMessage } from '../restartPolicy';

/** Holds the server's last list of letters. */
export class LettersStore {
	private result: LettersResult | undefined;
	private byUri = new Map<string, LetterRow>();
	private stale = true;
	private pending: Promise<void> | undefined;
	private again = false;
	private readonly watchers = new Set<() => boolean>();
	private readonly changeEmitter = new vscode.EventEmitter<void>();
	private lastError: string | undefined;

	/** Fires after a new answer arrived. */
	readonly onDidChange = this.changeEmitter.event;

	constructor(private readonly ctx: Ctx) {
		ctx.pushCleanup(this.changeEmitter, ctx.onDidChangeServerState((state) => {
			if (state === 'running') {
				this.invalidate();
			}
		}));
		ctx.onNotification(LettersChangedNotification, () => this.invalidate());
	}

	/** The rows of the last answer (empty before the first). */
	get rows(): readonly LetterRow[] {
		return this.result?.letters ?? [];
	}

	/** True while the server is still reading the folders. */
	get indexing(): boolean {
		return this.result?.indexing ?? true;
	}

	/** Whether the server has answered at least once. */
	get loaded(): boolean {
		return this.result !== undefined;
	}

	/** The last error of a request, shown by the Letters view instead of its rows. */
	get error(): string | undefined {
		return this.lastError;
	}

	/** A letter's row by URI, if the last answer had it. */
	row(uri: string): LetterRow | undefined {
		return this.byUri.get(vscode.Uri.parse(uri).toString());
	}

	/** How people name the letter at `uri` (`A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020`), if known. */
	nameOf(uri: string): string | undefined {
		return this.row(uri)?.name;
	}

	/**
	 * Registers a consumer that wants fresh answers while `isWatching()` holds (a visible view); it gets one now if the
	 * answer is stale.
	 */
	watch(isWatching: () => boolean): vscode.Disposable {
		this.watchers.add(isWatching);
		if (isWatching()) {
			void this.ensure();
		}
		return { dispose: () => this.watchers.delete(isWatching) };
	}

	/** A consumer became visible: asks the server if the answer is stale. */
	wake(): void {
		if (this.stale) {
			void this.ensure();
		}
	}

	/** The rows, asking the server first when the answer is stale (a quick pick that lists letters). */
	async current(): Promise<readonly LetterRow[]> {
		await this.ensure();
		return this.rows;
	}

	private invalidate(): void {
		this.stale = true;
		if ([...this.watchers].some((isWatching) => isWatching())) {
			void this.ensure();
		}
	}

	/** Asks the server when stale; one request at a time, and one more if it went stale meanwhile. */
	private async ensure(): Promise<void> {
		if (this.pending !== undefined) {
			this.again = this.again || this.stale;
			return this.pending;
		}
		if (!this.stale) {
			return;
		}
		this.pending = this.fetch().finally(() => {
			this.pending = undefined;
		});
		await this.pending;
		if (this.again) {
			this.again = false;
			await this.ensure();
		}
	}

	private async fetch(): Promise<void> {
		this.stale = false;
		try {
			const result = await this.ctx.request0(LettersRequest);
			if (result === undefined) {
				this.stale = true;
				return;
			}
			this.result = result;
			this.byUri = new Map(result.letters.map((row) => [vscode.Uri.parse(row.uri).toString(), row]));
			this.lastError = undefined;
		} catch (error) {
			this.stale = true;
			this.lastError = `The letters could not be listed: ${plainErrorMessage(error)}`;
			this.ctx.outputChannel.error(this.lastError);
		}
		this.changeEmitter.fire();
	}
}
