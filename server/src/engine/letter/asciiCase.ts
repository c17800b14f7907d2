/**
 * Plain searches for words in any case of their ASCII letters: what a pattern with the `i` flag (and without `u`)
 * matches for an ASCII word, since such a pattern never matches a character outside ASCII to an ASCII letter (ES
 * Canonicalize). They let a costly pattern that ignores case run only where its word stands.
 */

/** True when `text` at `position` spells the lower-case ASCII `word`, in any case of its ASCII letters. */
export function matchesIgnoringAsciiCase(text: string, position: number, word: string): boolean {
	if (position < 0 || position + word.length > text.length) {
		return false;
	}
	for (let i = 0; i < word.length; i++) {
		const code = text.charCodeAt(position + i);
		if ((code >= 65 && code <= 90 ? code + 32 : code) !== word.charCodeAt(i)) {
			return false;
		}
	}
	return true;
}

/**
 * True when `text` holds the lower-case ASCII `word` in any case. Only its letter at `anchor` (choose the rarest) is
 * searched for, in both cases, and the word checked around each place found.
 */
export function includesIgnoringAsciiCase(text: string, word: string, anchor: number): boolean {
	const lower = word[anchor];
	const upper = lower.toUpperCase();
	return includesAround(text, word, anchor, lower) || (upper !== lower && includesAround(text, word, anchor, upper));
}

/** True when `word` (in any ASCII case) stands around a place of `letter` in `text`, `letter` being its letter at `anchor`. */
function includesAround(text: string, word: string, anchor: number, letter: string): boolean {
	for (let at = text.indexOf(letter, anchor); at >= 0; at = text.indexOf(letter, at + 1)) {
		if (matchesIgnoringAsciiCase(text, at - anchor, word)) {
			return true;
		}
	}
	return false;
}

/**
 * Every place where `text` spells the lower-case ASCII `word` in any case of its ASCII letters, in order: what a global
 * scan with the `i` flag (and without `u`) for the word finds, when the word cannot overlap itself (`annex`). Only its
 * letter at `anchor` (choose the rarest) is searched for, in both cases.
 */
export function placesIgnoringAsciiCase(text: string, word: string, anchor: number): number[] {
	const places: number[] = [];
	const lower = word[anchor];
	const upper = lower.toUpperCase();
	for (const letter of lower === upper ? [lower] : [lower, upper]) {
		const before = places.length;
		for (let at = text.indexOf(letter, anchor); at >= 0; at = text.indexOf(letter, at + 1)) {
			if (matchesIgnoringAsciiCase(text, at - anchor, word)) {
				places.push(at - anchor);
			}
		}
		if (before > 0 && places.length > before) {
			places.sort((a, b) => a - b);
		}
	}
	return places;
}
