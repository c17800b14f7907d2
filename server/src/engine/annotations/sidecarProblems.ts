/**
 * Locating sidecar problems: line and column of an offset, and the merge-conflict marker check that runs before
 * the YAML parser (a file with markers must never be "repaired" by a write).
 */
import type { SidecarProblem, TextRange } from './types';

/** Maps UTF-16 offsets of one text to 1-based lines and columns. */
export interface LineLocator {
	/** The problem for `range` with `message`, its line and column filled in. */
	problemAt(range: TextRange, message: string): SidecarProblem;
	/** The 1-based line of an offset. */
	lineOf(offset: number): number;
}

/** Builds a `LineLocator` for `text`. */
export function createLineLocator(text: string): LineLocator {
	const lineStarts = [0];
	for (let index = 0; index < text.length; index++) {
		if (text.charCodeAt(index) === 10) {
			lineStarts.push(index + 1);
		}
	}
	const lineIndexOf = (offset: number): number => {
		let low = 0;
		let high = lineStarts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if ((lineStarts[middle] ?? 0) <= offset) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}
		return low;
	};
	return {
		lineOf: (offset) => lineIndexOf(offset) + 1,
		problemAt(range, message) {
			const lineIndex = lineIndexOf(range.start);
			return { message, range, line: lineIndex + 1, column: range.start - (lineStarts[lineIndex] ?? 0) + 1 };
		},
	};
}

const conflictStart = /^<{7}(?: |$)/;
const conflictOther = /^(?:={7}|>{7}(?: |$)|\|{7}(?: |$))/;

/**
 * Problems for unresolved git merge conflicts: one per `<<<<<<<` line, or one for a stray `=======`/`>>>>>>>`
 * line when no start marker is left. A `=======` line alone (without `<<<<<<<`) is only reported together with
 * a `>>>>>>>` line, because a note may legitimately underline a heading with equals signs.
 */
export function findMergeConflictMarkers(text: string, locator: LineLocator): SidecarProblem[] {
	const problems: SidecarProblem[] = [];
	const strays: SidecarProblem[] = [];
	let lineStart = 0;
	while (lineStart <= text.length) {
		const newline = text.indexOf('\n', lineStart);
		const lineEnd = newline === -1 ? text.length : newline;
		const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
		const range = { start: lineStart, end: lineEnd };
		if (conflictStart.test(line)) {
			problems.push(locator.problemAt(range, `unresolved git merge conflict at line ${locator.lineOf(lineStart)}`));
		} else if (conflictOther.test(line)) {
			strays.push(locator.problemAt(range, `unresolved git merge conflict at line ${locator.lineOf(lineStart)}`));
		}
		if (newline === -1) {
			break;
		}
		lineStart = newline + 1;
	}
	if (problems.length > 0) {
		return problems;
	}
	const closing = strays.find((problem) => /^(?:>{7}|\|{7})/.test(text.slice(problem.range.start, problem.range.end)));
	return closing === undefined ? [] : [strays[0] ?? closing];
}
