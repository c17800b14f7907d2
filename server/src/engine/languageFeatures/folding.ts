/** Folding ranges: the header, the footnotes, each annex, and long footnotes. */
import type { Letter } from '../letter/model';
import type { OffsetRange } from '../text/offsetRange';
import { lineIndexOf } from './context';

/** A foldable range of whole lines (zero-based, inclusive). */
export interface LetterFoldingRange {
	readonly startLine: number;
	readonly endLine: number;
	/** `imports` folds the header by default in clients that honour it; `comment` marks footnotes. */
	readonly kind?: 'region' | 'comment' | 'imports';
}

function linesOf(letter: Letter, range: OffsetRange, kind: LetterFoldingRange['kind']): LetterFoldingRange | undefined {
	const lines = lineIndexOf(letter);
	const startLine = lines.positionAt(range.start).line;
	const endPosition = lines.positionAt(Math.max(range.start, range.end));
	const endLine = endPosition.character === 0 && endPosition.line > startLine ? endPosition.line - 1 : endPosition.line;
	return endLine > startLine ? { startLine, endLine, kind } : undefined;
}

/** The folding ranges of a letter, in order; none for a non-letter. */
export function provideFoldingRanges(letter: Letter | undefined): LetterFoldingRange[] {
	if (!letter?.detection.isLetter) {
		return [];
	}
	const ranges: (LetterFoldingRange | undefined)[] = [];
	if (letter.headerEnd > 0) {
		ranges.push(linesOf(letter, { start: 0, end: letter.headerEnd }, 'region'));
	}
	const sections = [{ start: 0, end: letter.annexes[0]?.range.start ?? letter.text.length }, ...letter.annexes.map((annex) => annex.range)];
	for (const section of sections) {
		const notes = letter.footnotes.filter((note) => note.range.start >= section.start && note.range.start < section.end);
		if (notes.length > 0) {
			ranges.push(linesOf(letter, { start: notes[0].range.start, end: notes[notes.length - 1].range.end }, 'comment'));
		}
	}
	for (const annex of letter.annexes) {
		ranges.push(linesOf(letter, annex.range, 'region'));
	}
	return ranges.filter((range): range is LetterFoldingRange => range !== undefined).sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
