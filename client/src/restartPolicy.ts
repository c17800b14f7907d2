/**
 * When to restart the language server after it crashed, and when to tell the user: restart up to a number of times
 * within a time window, report the first crash once, and report giving up once. Pure: no `vscode` import.
 */

/** What to do after a crash. */
export interface CrashDecision {
	readonly restart: boolean;
	/** A message for the user, only the first time something worth saying happens. */
	readonly message?: string;
}

/** Counts crashes in a sliding window; `now` is passed in so that the policy is testable. */
export class RestartPolicy {
	private readonly crashes: number[] = [];
	private crashReported = false;

	constructor(
		private readonly maxRestarts = 4,
		private readonly windowMs = 3 * 60 * 1000,
	) {}

	/** Records a crash at `now` (milliseconds) and decides. */
	recordCrash(now: number): CrashDecision {
		this.crashes.push(now);
		while (this.crashes.length > 0 && now - this.crashes[0] > this.windowMs) {
			this.crashes.shift();
		}
		if (this.crashes.length > this.maxRestarts) {
			return {
				restart: false,
				message: `The Diplomatic Letters server stopped ${this.crashes.length} times in a few minutes and was not restarted again. Details are in the "Diplomatic Letters" output; run "Diplomatic Letters: Restart Language Server" to try again.`,
			};
		}
		if (this.crashReported) {
			return { restart: true };
		}
		this.crashReported = true;
		return { restart: true, message: 'The Diplomatic Letters server stopped unexpectedly and was restarted. Details are in the "Diplomatic Letters" output.' };
	}

	/** Forgets past crashes (after the user restarts the server by hand). */
	reset(): void {
		this.crashes.length = 0;
		this.crashReported = false;
	}
}

/** The first line of an error's message, without a stack: what a user is shown. */
export function plainErrorMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
	const firstLine = message.split('\n').map((line) => line.trim()).find((line) => line.length > 0);
	return firstLine ?? 'Unknown error.';
}
