/**
 * The `diplomaticLetters/status` notification and the work-done progress of indexing. Problems are counted over every
 * letter in a background pass (time-sliced) after indexing and after changes on disk; the diagnostics published for an
 * open letter while it is edited replace its share of the count at once, without a new pass.
 */
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { Severity } from '../engine/diagnostics/codes';
import type { ProblemCounts, StatusParams } from '../protocol';
import { StatusNotification } from '../protocol';
import { sendCustomNotification } from './customMessages';

/** Counts diagnostics by severity of one letter. */
export type SeverityCounter = (uri: string) => readonly Severity[];

const COUNT_DELAY_MS = 300;
const SEVERITY_NAMES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

function tally(severities: readonly Severity[]): Record<Severity, number> {
	const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
	for (const severity of severities) {
		counts[severity]++;
	}
	return counts;
}
const SLICE_MS = 4;

/** Sends status notifications and indexing progress. */
export class StatusReporter {
	private problems: ProblemCounts = { error: 0, warning: 0, information: 0, hint: 0 };
	private readonly perLetter = new Map<string, Record<Severity, number>>();
	/** True once a full pass has counted every letter (before that, single letters are not counted). */
	private fullyCounted = false;
	private progress: WorkDoneProgressServerReporter | undefined;
	private countTimer: NodeJS.Timeout | undefined;
	private countGeneration = 0;
	private lastSent = '';

	constructor(
		private readonly connection: Connection,
		private readonly progressSupported: boolean,
		private readonly state: () => Omit<StatusParams, 'problems'>,
		private readonly letters: () => readonly string[],
		private readonly severitiesOf: SeverityCounter,
		/** Told after the problem counts changed (a full pass, or one letter's share). */
		private readonly problemsChanged: () => void = () => undefined,
	) {}

	/** The problems of one letter by severity; undefined until a full pass has counted every letter. */
	problemsOf(uri: string): ProblemCounts | undefined {
		return this.fullyCounted ? this.perLetter.get(uri) ?? { error: 0, warning: 0, information: 0, hint: 0 } : undefined;
	}

	/** Indexing started: opens the progress (when the client supports it) and reports the state. */
	async indexingStarted(): Promise<void> {
		this.progress?.done();
		this.progress = undefined;
		if (this.progressSupported) {
			try {
				this.progress = await this.connection.window.createWorkDoneProgress();
				this.progress.begin('Indexing letters', 0, undefined, false);
			} catch {
				this.progress = undefined;
			}
		}
		this.send();
	}

	/** Reports indexing progress. */
	indexingProgress(indexed: number, total: number): void {
		this.progress?.report(total === 0 ? 100 : Math.floor((indexed / total) * 100), `Indexing letters ${indexed.toLocaleString('en')}/${total.toLocaleString('en')}`);
		this.send();
	}

	/** Indexing finished: closes the progress, then counts problems. */
	indexingFinished(): void {
		this.progress?.done();
		this.progress = undefined;
		this.send();
		this.scheduleCount();
	}

	/** The index changed: problems are counted again shortly. */
	scheduleCount(): void {
		if (this.countTimer) {
			clearTimeout(this.countTimer);
		}
		this.countTimer = setTimeout(() => {
			this.countTimer = undefined;
			void this.countProblems();
		}, COUNT_DELAY_MS);
	}

	/** The diagnostics of one letter were computed (an open letter): its share of the count is replaced. */
	letterCounted(uri: string, severities: readonly Severity[]): void {
		if (!this.fullyCounted) {
			return;
		}
		const counts = tally(severities);
		const previous = this.perLetter.get(uri) ?? { error: 0, warning: 0, information: 0, hint: 0 };
		this.perLetter.set(uri, counts);
		if (SEVERITY_NAMES.some((severity) => counts[severity] !== previous[severity])) {
			this.problemsChanged();
		}
		this.problems = {
			error: this.problems.error - previous.error + counts.error,
			warning: this.problems.warning - previous.warning + counts.warning,
			information: this.problems.information - previous.information + counts.information,
			hint: this.problems.hint - previous.hint + counts.hint,
		};
		this.send();
	}

	/** The current status. */
	status(): StatusParams {
		return { ...this.state(), problems: this.problems };
	}

	private send(): void {
		const status = this.status();
		const key = JSON.stringify(status);
		if (key !== this.lastSent) {
			this.lastSent = key;
			sendCustomNotification(this.connection, StatusNotification, status);
		}
	}

	private async countProblems(): Promise<void> {
		const generation = ++this.countGeneration;
		const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
		const perLetter = new Map<string, Record<Severity, number>>();
		let sliceStart = Date.now();
		for (const uri of this.letters()) {
			if (Date.now() - sliceStart >= SLICE_MS) {
				await new Promise<void>((resolve) => setImmediate(resolve));
				if (generation !== this.countGeneration) {
					return;
				}
				sliceStart = Date.now();
			}
			const own = tally(this.severitiesOf(uri));
			perLetter.set(uri, own);
			for (const severity of SEVERITY_NAMES) {
				counts[severity] += own[severity];
			}
		}
		this.perLetter.clear();
		for (const [uri, own] of perLetter) {
			this.perLetter.set(uri, own);
		}
		this.problems = counts;
		this.fullyCounted = true;
		this.problemsChanged();
		this.send();
	}
}
