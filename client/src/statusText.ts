/**
 * The words of the status bar item: letters indexed and problems found, or the state of the server.
 * Pure: no `vscode` import (`$(name)` are codicons, rendered by the status bar).
 */
import type { ProblemCounts, StatusParams } from '../../server/src/protocol';

/** The state of the language server as the client sees it. */
export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

/** Text and tooltip of the status bar item. */
export interface StatusDescription {
	readonly text: string;
	readonly tooltip: string;
	/** Whether the item should be shown as an error. */
	readonly isError: boolean;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
	return `${count} ${count === 1 ? singular : pluralForm}`;
}

function problemSummary(problems: ProblemCounts): string {
	return [
		plural(problems.error, 'error'),
		plural(problems.warning, 'warning'),
		`${problems.information} information`,
		plural(problems.hint, 'hint'),
	].join(', ');
}

/** Describes the server's state and its last status report (if any) for the status bar. */
export function describeStatus(serverState: ServerState, status: StatusParams | undefined): StatusDescription {
	if (serverState === 'failed') {
		return { text: '$(error) Letters', tooltip: 'The Diplomatic Letters server stopped. Run "Diplomatic Letters: Restart Language Server".', isError: true };
	}
	if (serverState === 'stopped') {
		return { text: '$(circle-slash) Letters', tooltip: 'The Diplomatic Letters server is not running.', isError: false };
	}
	if (serverState === 'starting' || status === undefined) {
		return { text: '$(sync~spin) Letters', tooltip: 'Starting the Diplomatic Letters server…', isError: false };
	}
	if (status.state === 'indexing') {
		const progress = status.total > 0 ? `${status.indexed}/${status.total}` : `${status.indexed}`;
		return {
			text: `$(sync~spin) Letters ${progress}`,
			tooltip: `Indexing the workspace: ${progress} files read, ${plural(status.letters, 'letter')} found so far.`,
			isError: false,
		};
	}
	const { error, warning } = status.problems;
	return {
		text: `$(mail) ${plural(status.letters, 'letter')} $(error) ${error} $(warning) ${warning}`,
		tooltip: `${plural(status.letters, 'letter')} indexed (${plural(status.indexed, 'file')} read).\nProblems in letters: ${problemSummary(status.problems)}.\nClick to open the Problems view.`,
		isError: false,
	};
}
