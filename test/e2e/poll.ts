// Waiting for states in the end-to-end tests: every wait polls a probe, none sleeps a fixed time.
import { setTimeout as sleep } from 'node:timers/promises';

/** Default time a helper waits for the workbench to reach a state, in milliseconds (override: E2E_TIMEOUT_MS). */
export const defaultTimeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 20_000);

/** Options of {@link poll}. */
export interface PollOptions {
  /** Give up after this many milliseconds (default {@link defaultTimeoutMs}). */
  readonly timeoutMs?: number;
  /** Pause between two probes (default 100 ms). */
  readonly intervalMs?: number;
}

/**
 * Calls `probe` until it returns something other than `undefined` and returns that; a probe that throws counts as
 * "not yet". After the timeout it throws an error that names `what` and the last thing the probe said.
 */
export async function poll<T>(what: string, probe: () => Promise<T | undefined>, options: PollOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = '';
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    }
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastProblem ? ` (last problem: ${lastProblem})` : ''}`);
    }
    await sleep(options.intervalMs ?? 100);
  }
}
