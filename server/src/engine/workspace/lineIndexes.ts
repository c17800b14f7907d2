/**
 * The line index of each parsed letter, built once per model: the compact entry places its ranges with it, and the
 * features of an open letter (its diagnostics at every edit, folding, positions of a request) convert with the same one.
 */
import type { Letter } from '../letter/model';
import { LineIndex } from '../text/lineIndex';

const lineIndexes = new WeakMap<Letter, LineIndex>();

/** The line index of a parsed letter, built on first use and kept as long as the model is. */
export function lineIndexOf(letter: Letter): LineIndex {
	let lines = lineIndexes.get(letter);
	if (!lines) {
		lines = new LineIndex(letter.text);
		lineIndexes.set(letter, lines);
	}
	return lines;
}
