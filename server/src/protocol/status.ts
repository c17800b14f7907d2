import { defineNotification, defineRequest0 } from './messageTypes';

/** Diagnostics counted by severity over every letter the server knows. */
export interface ProblemCounts {
	readonly error: number;
	readonly warning: number;
	readonly information: number;
	readonly hint: number;
}

/** The state of the workspace index. */
export interface StatusParams {
	/** `indexing` while the folders are being read, then `ready`. */
	readonly state: 'indexing' | 'ready';
	/** Files read so far (letters and other candidate files). */
	readonly indexed: number;
	/** Candidate files found in the folders (0 until the folders have been listed). */
	readonly total: number;
	/** Files detected as UN correspondence. */
	readonly letters: number;
	readonly problems: ProblemCounts;
}

/**
 * Server → client: the index state, sent when indexing starts, every few hundred files while it runs, when it
 * finishes, and after changes that alter the counts (at most a few times a second). Feeds the status bar.
 */
export const StatusNotification = defineNotification<StatusParams>('diplomaticLetters/status');

/**
 * Client → server: forget the index and read the folders again (command "Re-index Workspace"). Resolves when the
 * new index is complete; progress is reported with work-done progress and {@link StatusNotification}.
 */
export const ReindexRequest = defineRequest0<StatusParams>('diplomaticLetters/reindex');
