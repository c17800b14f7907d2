/**
 * Sends the diagnostics of open documents: pushed (`textDocument/publishDiagnostics`) to clients without pull
 * diagnostics, pulled (`textDocument/diagnostic`) by the others, who are asked to refresh after cross-file changes.
 * An edit is answered at the next turn of the event loop, with no fixed delay: edits that arrive before it ran (a
 * burst, several changes queued at once) are answered once, for the latest version. The edited document comes
 * first; other open documents a change affects are refreshed at idle priority: once no edit came in for
 * {@link REFRESH_DELAY_MS}, each once however many changes asked for it meanwhile.
 */
import { performance } from 'node:perf_hooks';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { DiagnosticSettings } from '../engine/diagnostics/codes';

/**
 * How long the server must have had no edit before other open documents are refreshed after a change elsewhere (ms):
 * the edited one comes first, and typing is never kept waiting by the others.
 */
export const REFRESH_DELAY_MS = 30;

/** Computes a document's diagnostics (after syncing the index); empty for a non-letter. */
export type DiagnosticsSource = (uri: string) => Promise<Diagnostic[]>;

/** Codes that depend on the whole workspace: silenced until the folders are indexed, so they do not flicker. */
const WORKSPACE_CODES = ['citation-unresolved', 'letter-reference-unresolved', 'citation-date-conflict'] as const;

/** The settings to use while the index is incomplete: workspace-dependent codes off. */
export function whileIndexing(settings: DiagnosticSettings): DiagnosticSettings {
	const severities = { ...settings.severities };
	for (const code of WORKSPACE_CODES) {
		severities[code] = 'off';
	}
	return { ...settings, severities };
}

/** Publishes (or lets clients pull) diagnostics of open documents. */
export class DiagnosticsPublisher {
	private readonly timers = new Map<string, NodeJS.Timeout>();
	/** Edited documents whose diagnostics are due at the next turn, with the version to publish. */
	private readonly due = new Map<string, number | undefined>();
	/** Other open documents to refresh once the edits pause, and the timer that waits for the pause. */
	private readonly toRefresh = new Set<string>();
	private refreshTimer: NodeJS.Timeout | undefined;
	private lastEditAt = Number.NEGATIVE_INFINITY;
	/** Publications computed or being written out now (a large letter's diagnostics take several writes to the pipe). */
	private inFlight = 0;
	/** When the last publication was written out, or the last pull answered (`performance.now()`). */
	private lastPublishedAt = Number.NEGATIVE_INFINITY;

	constructor(private readonly connection: Connection, private readonly pull: boolean, private readonly compute: DiagnosticsSource) {}

	/** The diagnostics of a document as they are now, for a client that pulls them. */
	async diagnosticsOf(uri: string): Promise<Diagnostic[]> {
		this.inFlight++;
		try {
			return await this.compute(uri);
		} finally {
			this.inFlight--;
			this.lastPublishedAt = performance.now();
		}
	}

	/**
	 * Whether the user is typing: an edit's diagnostics are due or on their way to the client (or being computed for a
	 * pull), or an edit came in (or diagnostics were written out) less than {@link REFRESH_DELAY_MS} ago. Background
	 * work (the problem count) waits meanwhile, as the refresh of other documents does: it does not take the turns of
	 * the event loop between the writes of a large publication, nor the CPU and the allocations of the next
	 * keystroke's diagnostics.
	 */
	get editing(): boolean {
		return this.due.size > 0 || this.inFlight > 0 || performance.now() - Math.max(this.lastEditAt, this.lastPublishedAt) < REFRESH_DELAY_MS;
	}

	/** Whether the client pulls diagnostics. */
	get pullMode(): boolean {
		return this.pull;
	}

	/**
	 * An open document was edited: its diagnostics are published at the next turn of the event loop, once for every
	 * edit that arrives until then.
	 */
	edited(uri: string, version: number): void {
		this.lastEditAt = performance.now();
		if (this.pull) {
			return;
		}
		this.toRefresh.delete(uri);
		const pending = this.due.has(uri);
		this.due.set(uri, version);
		if (pending) {
			return;
		}
		const timer = this.timers.get(uri);
		if (timer) {
			clearTimeout(timer);
			this.timers.delete(uri);
		}
		setImmediate(() => {
			const latest = this.due.get(uri);
			if (this.due.delete(uri)) {
				void this.publish(uri, latest);
			}
		});
	}

	/** Schedules the diagnostics of a document (`delay` 0: at once). */
	schedule(uri: string, delay: number, version?: number): void {
		if (this.pull) {
			return;
		}
		const existing = this.timers.get(uri);
		if (existing) {
			clearTimeout(existing);
		}
		this.timers.set(uri, setTimeout(() => {
			this.timers.delete(uri);
			void this.publish(uri, version);
		}, delay));
	}

	/** Diagnostics of every open document again (cross-file change, settings change), once the edits pause. */
	refresh(uris: readonly string[]): void {
		if (this.pull) {
			void this.connection.languages.diagnostics.refresh().catch(() => undefined);
			return;
		}
		for (const uri of uris) {
			if (!this.due.has(uri)) {
				this.toRefresh.add(uri);
			}
		}
		this.armRefresh(REFRESH_DELAY_MS);
	}

	/** Waits `delay`, then refreshes what is to refresh if no edit came in meanwhile (else waits for the pause again). */
	private armRefresh(delay: number): void {
		if (this.refreshTimer || this.toRefresh.size === 0) {
			return;
		}
		this.refreshTimer = setTimeout(() => {
			this.refreshTimer = undefined;
			const quietFor = performance.now() - this.lastEditAt;
			if (this.due.size > 0 || quietFor < REFRESH_DELAY_MS) {
				this.armRefresh(Math.max(1, REFRESH_DELAY_MS - quietFor));
				return;
			}
			const uris = [...this.toRefresh];
			this.toRefresh.clear();
			for (const uri of uris) {
				this.schedule(uri, 0);
			}
		}, delay);
	}

	/** Clears a closed document's diagnostics. */
	clear(uri: string): void {
		this.toRefresh.delete(uri);
		const timer = this.timers.get(uri);
		if (timer) {
			clearTimeout(timer);
			this.timers.delete(uri);
		}
		this.due.delete(uri);
		if (!this.pull) {
			void this.connection.sendDiagnostics({ uri, diagnostics: [] });
		}
	}

	/** Computes and sends a document's diagnostics; a failure is logged (the previous diagnostics stay). */
	private async publish(uri: string, version: number | undefined): Promise<void> {
		this.inFlight++;
		try {
			const diagnostics = await this.compute(uri);
			await this.connection.sendDiagnostics({ uri, version, diagnostics });
		} catch (error) {
			this.connection.console.error(`The diagnostics of ${uri} could not be computed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		} finally {
			this.inFlight--;
			this.lastPublishedAt = performance.now();
		}
	}
}
