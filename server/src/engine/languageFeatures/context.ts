/**
 * What every language feature needs: the workspace index, the reference data, the settings, and conversions between
 * the engine's string offsets and the line/character positions editors speak.
 */
import type { DiagnosticSettings } from '../diagnostics/codes';
import type { Letter } from '../letter/model';
import type { ReferenceData } from '../sessions/referenceData';
import type { TextPosition } from '../text/lineIndex';
import type { OffsetRange } from '../text/offsetRange';
import type { PlacedRange, TextRange } from '../text/placedRange';
import { textRangeOf } from '../text/placedRange';
import type { IndexedLetter, LetterIndex } from '../workspace/letterIndex';
import { lineIndexOf } from '../workspace/lineIndexes';

export { lineIndexOf } from '../workspace/lineIndexes';

export type { TextRange } from '../text/placedRange';

/** A range in a file of the workspace. */
export interface TextLocation {
	readonly uri: string;
	readonly range: TextRange;
}

/** Lets a long computation stop early; structurally compatible with LSP's `CancellationToken`. */
export interface CancellationSignal {
	readonly isCancellationRequested: boolean;
}

/** A signal that is never raised. */
export const NEVER_CANCELLED: CancellationSignal = Object.freeze({ isCancellationRequested: false });

/** The settings that a language feature reads for one letter. */
export interface LetterSettings {
	readonly diagnostics: DiagnosticSettings;
}

/** What the host gives the language service. */
export interface LanguageServiceInit {
	/** The workspace index, kept current by the host (open documents override disk content). */
	readonly index: LetterIndex;
	/** GA sessions and agenda facts. */
	readonly data: ReferenceData;
	/** The settings of the letter at `uri` (resource-scoped); defaults when the host has none. */
	readonly settings: (uri: string) => LetterSettings;
}

/** Converts an offset range of a letter to positions. */
export function toTextRange(letter: Letter, range: OffsetRange): TextRange {
	const lines = lineIndexOf(letter);
	return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

/** Converts a position in a letter to an offset. */
export function toOffset(letter: Letter, position: TextPosition): number {
	return lineIndexOf(letter).offsetAt(position);
}

/** A location in a workspace letter, at a range of its entry. */
export function locationIn(entry: IndexedLetter, range: PlacedRange): TextLocation {
	return { uri: entry.uri, range: textRangeOf(range) };
}

/** A workspace letter with its full model: the letter a request is about. */
export interface ReadLetter {
	readonly entry: IndexedLetter;
	readonly letter: Letter;
}

/** The letter at `uri` with its full model (parsed again when it is closed), or undefined when it is not held. */
export function readLetter(index: LetterIndex, uri: string): ReadLetter | undefined {
	const entry = index.get(uri);
	const letter = entry && index.model(uri);
	return entry && letter ? { entry, letter } : undefined;
}

/** Collapses white space (line breaks of PDF text) to single spaces. */
export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** The title line of a letter on one line, or undefined. */
export function titleOf(entry: IndexedLetter): string | undefined {
	return entry.summary.title;
}

/** Where to land in a letter that is the target of a citation: its masthead, else its title, else its start. */
export function landingRange(entry: IndexedLetter): PlacedRange {
	return entry.summary.landing;
}
