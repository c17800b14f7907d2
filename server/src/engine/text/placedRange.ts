/**
 * A range of a letter kept with its line/character positions, so that a letter whose text is not held (a closed
 * letter of the workspace, known by its compact entry) can still be pointed at exactly: references, definitions, call
 * hierarchy and diagnostics give its positions without reading the letter again.
 */
import type { LineIndex, TextPosition } from './lineIndex';
import type { OffsetRange } from './offsetRange';

/** A range as zero-based line/character positions (UTF-16 characters), `end` exclusive: the shape of an LSP range. */
export interface TextRange {
	readonly start: TextPosition;
	readonly end: TextPosition;
}

/** An offset range with the positions of its ends (one flat object: a letter's entry holds many of them). */
export interface PlacedRange extends OffsetRange {
	readonly startLine: number;
	readonly startCharacter: number;
	readonly endLine: number;
	readonly endCharacter: number;
}

/** Places an offset range in a text by its line index. */
export function placeRange(lines: LineIndex, range: OffsetRange): PlacedRange {
	const start = lines.positionAt(range.start);
	const end = lines.positionAt(range.end);
	return { start: range.start, end: range.end, startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character };
}

/** The line/character range of a placed range. */
export function textRangeOf(range: PlacedRange): TextRange {
	return { start: { line: range.startLine, character: range.startCharacter }, end: { line: range.endLine, character: range.endCharacter } };
}

/** True when an offset range carries its positions too. */
export function isPlaced(range: OffsetRange): range is PlacedRange {
	return 'startLine' in range;
}
