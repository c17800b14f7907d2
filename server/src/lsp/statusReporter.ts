/**
 * The `diplomaticLetters/status` notification and the work-done progress of indexing. Problems are counted per letter:
 * every letter once after indexing (and after a settings change), then, after a change to the index, only the letters
 * the index says the change can touch; the diagnostics published for an open letter while it is edited replace its
 * share at once. The counting runs in the background in slices of about a millisecond, when no request came in just
 * before and the user is not typing (then it takes one slice in 50 ms at most), so a request or a keystroke waits at
 * most for one slice.
 */
import { performance } from 'node:perf_hooks';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { Severity } from '../engine/diagnostics/codes';
import type { ProblemCounts, StatusParams } from '../protocol';
import { StatusNotification } from '../protocol';
import { sendCustomNotification } from './customMessages';

/** What the problem count reads of the index. */
export interface ProblemSource {
	/** Every letter held, in any order. */
	letters(): readonly string[];
	/** The severities of a letter's diagnostics (none for a file the index no longer holds). */
	severitiesOf(uri: string): readonly Severity[];
	/** Computes stale inferred identities until `enough()`; true when none is left (see `LetterIndex.refreshInferred`). */
	refreshInferred(enough: () => boolean): boolean;
	/** The letters whose problems may have changed since the last call (see `LetterIndex.takeAffected`). */
	takeAffected(): readonly string[];
	/** Forgets what changed so far: every letter is about to be counted anew. */
	clearAffected(): void;
}

const COUNT_DELAY_MS = 300;
const SEVERITY_NAMES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
/** How long the count runs before it lets the event loop answer requests (ms). */
const SLICE_MS = 1;
/** The count waits while a message came in less than this long ago (ms): the server answers a burst of requests first. */
const QUIET_MS = 3;
/** The longest the count waits for a quiet moment before it takes a slice anyway (ms), so that it always ends. */
const LONGEST_WAIT_MS = 50;

function tally(severities: readonly Severity[]): Record<Severity, number> {
	const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
	for (const severity of severities) {
		counts[severity]++;
	}
	return counts;
}

function sameCounts(a: Record<Severity, number> | undefined, b: Record<Severity, number>): boolean {
	return SEVERITY_NAMES.every((severity) => (a?.[severity] ?? 0) === b[severity]);
}

/**
 * A count with commas between thousands, as `toLocaleString('en')` writes it: without loading the ICU's number
 * formats, which took 25–150 ms at the first progress report of a restart.
 */
function withThousands(count: number): string {
	return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Time slices of background work: `expired()` once the slice is used up; `next()` lets the event loop run, then starts
 * another when the server is quiet — while requests keep coming (a message came in less than {@link QUIET_MS} ago), or
 * the user is typing, it waits, up to {@link LONGEST_WAIT_MS}, so a burst of requests (or of keystrokes) is answered
 * without waiting for the count at all, and any request waits at most for the one slice that was running when it
 * arrived.
 */
class Slices {
	private started = performance.now();

	constructor(private readonly lastMessageAt: () => number, private readonly editing: () => boolean) {}

	expired(): boolean {
		return performance.now() - this.started >= SLICE_MS;
	}

	async next(): Promise<void> {
		// A message that came in during the slice is read at the next turn and handled from an immediate queued after
		// this one: a second turn lets it be handled (and `lastMessageAt` move) before the next slice could start.
		await nextTurn();
		await nextTurn();
		const waiting = performance.now();
		while ((this.editing() || performance.now() - this.lastMessageAt() < QUIET_MS) && performance.now() - waiting < LONGEST_WAIT_MS) {
			await pause(QUIET_MS);
		}
		this.started = performance.now();
	}
}

/** Sends status notifications and indexing progress. */
export class StatusReporter {
	private problems: ProblemCounts = { error: 0, warning: 0, information: 0, hint: 0 };
	private readonly perLetter = new Map<string, Record<Severity, number>>();
	/** True once a full pass has counted every letter (before that, single letters are not counted). */
	private fullyCounted = false;
	/** Every letter must be counted anew (nothing counted yet, or the settings changed). */
	private fullNeeded = true;
	private running = false;
	private rerun = false;
	private progress: WorkDoneProgressServerReporter | undefined;
	private countTimer: NodeJS.Timeout | undefined;
	private lastSent = '';

	constructor(
		private readonly connection: Connection,
		private readonly progressSupported: boolean,
		private readonly state: () => Omit<StatusParams, 'problems'>,
		private readonly source: ProblemSource,
		/** When the server last received a message (see `RequestGuard.lastMessageAt`). */
		private readonly lastMessageAt: () => number,
		/** Told after the problem counts changed (a full pass, or one letter's share). */
		private readonly problemsChanged: () => void = () => undefined,
		/** Whether the user is typing (see `DiagnosticsPublisher.editing`): the count waits meanwhile. */
		private readonly editing: () => boolean = () => false,
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
		this.progress?.report(total === 0 ? 100 : Math.floor((indexed / total) * 100), `Indexing letters ${withThousands(indexed)}/${withThousands(total)}`);
		this.send();
	}

	/** Indexing finished: closes the progress, then counts every letter's problems. */
	indexingFinished(): void {
		this.progress?.done();
		this.progress = undefined;
		this.send();
		this.scheduleCount();
	}

	/** Every letter's problems are counted again shortly (indexing done, settings changed). */
	scheduleCount(): void {
		this.fullNeeded = true;
		this.scheduleRun();
	}

	/** The index changed: the problems of the letters it says the change touches are counted again shortly. */
	indexChanged(): void {
		this.scheduleRun();
	}

	/** The diagnostics of one letter were computed (an open letter): its share of the count is replaced. */
	letterCounted(uri: string, severities: readonly Severity[]): void {
		if (!this.fullyCounted) {
			return;
		}
		if (this.replaceShare(uri, tally(severities))) {
			this.problemsChanged();
		}
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

	private scheduleRun(): void {
		if (this.countTimer) {
			clearTimeout(this.countTimer);
		}
		this.countTimer = setTimeout(() => {
			this.countTimer = undefined;
			void this.run();
		}, COUNT_DELAY_MS);
	}

	/** Counts what is due — every letter when a full count is needed, then the letters changes touched — until nothing is. */
	private async run(): Promise<void> {
		if (this.running) {
			this.rerun = true;
			return;
		}
		this.running = true;
		try {
			do {
				this.rerun = false;
				if (this.fullNeeded && !(await this.countAll())) {
					continue;
				}
				await this.countAffected();
			} while (this.rerun || this.fullNeeded);
		} finally {
			this.running = false;
		}
	}

	/**
	 * Counts every letter (first bringing every inferred identity up to date, in slices too); false when a new full
	 * count was asked for meanwhile. What changes while it runs is counted after it, from the index's affected letters.
	 */
	private async countAll(): Promise<boolean> {
		this.fullNeeded = false;
		const slices = new Slices(this.lastMessageAt, this.editing);
		while (!this.source.refreshInferred(() => slices.expired())) {
			await slices.next();
			if (this.fullNeeded) {
				return false;
			}
		}
		this.source.clearAffected();
		const perLetter = new Map<string, Record<Severity, number>>();
		for (const uri of this.source.letters()) {
			if (slices.expired()) {
				await slices.next();
				if (this.fullNeeded) {
					return false;
				}
			}
			const own = tally(this.source.severitiesOf(uri));
			if (SEVERITY_NAMES.some((severity) => own[severity] > 0)) {
				perLetter.set(uri, own);
			}
		}
		this.perLetter.clear();
		const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
		for (const [uri, own] of perLetter) {
			this.perLetter.set(uri, own);
			for (const severity of SEVERITY_NAMES) {
				counts[severity] += own[severity];
			}
		}
		this.problems = counts;
		this.fullyCounted = true;
		this.problemsChanged();
		this.send();
		return true;
	}

	/** Counts again the letters the index says changes touched, until none is left (or a full count is asked for). */
	private async countAffected(): Promise<void> {
		const slices = new Slices(this.lastMessageAt, this.editing);
		let changed = false;
		for (let affected = this.source.takeAffected(); affected.length > 0; affected = this.source.takeAffected()) {
			for (const uri of affected) {
				if (slices.expired()) {
					await slices.next();
					if (this.fullNeeded) {
						return;
					}
				}
				const counts = tally(this.source.severitiesOf(uri));
				changed = this.replaceShare(uri, counts) || changed;
			}
		}
		if (changed) {
			this.problemsChanged();
		}
		this.send();
	}

	/** Puts a letter's counts in place of its previous share (a letter no longer held counts nothing); true when they differ. */
	private replaceShare(uri: string, counts: Record<Severity, number>): boolean {
		const previous = this.perLetter.get(uri);
		if (SEVERITY_NAMES.some((severity) => counts[severity] > 0)) {
			this.perLetter.set(uri, counts);
		} else {
			this.perLetter.delete(uri);
		}
		if (sameCounts(previous, counts)) {
			return false;
		}
		this.problems = {
			error: this.problems.error - (previous?.error ?? 0) + counts.error,
			warning: this.problems.warning - (previous?.warning ?? 0) + counts.warning,
			information: this.problems.information - (previous?.information ?? 0) + counts.information,
			hint: this.problems.hint - (previous?.hint ?? 0) + counts.hint,
		};
		return true;
	}
}
