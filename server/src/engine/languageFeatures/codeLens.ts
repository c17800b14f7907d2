/** Code lens `Cited by N letters` on a letter's title (or masthead): clicking it lists the citing letters. */
import type { LetterIndex } from '../workspace/letterIndex';
import type { CancellationSignal, TextLocation, TextRange } from './context';
import { locationIn, NEVER_CANCELLED, readLetter, toTextRange } from './context';
import { countLetters } from './workspaceLookups';

/** The lens: where it stands, its title, and the citations it lists when clicked. */
export interface CitedByLens {
	readonly range: TextRange;
	readonly title: string;
	readonly citations: readonly TextLocation[];
}

/** The `Cited by N letters` lens of a letter that has an identity (none otherwise). */
export function provideCodeLenses(index: LetterIndex, uri: string, token: CancellationSignal = NEVER_CANCELLED): CitedByLens[] {
	const self = readLetter(index, uri);
	const letter = self?.letter;
	const identity = self && index.identity(uri);
	const anchor = letter?.title?.range ?? letter?.masthead?.range;
	if (!self || !letter || !identity || !anchor) {
		return [];
	}
	const citers = index.citersOf(uri);
	const citations: TextLocation[] = [];
	for (const citer of citers) {
		if (token.isCancellationRequested) {
			return [];
		}
		const entry = index.get(citer.uri);
		if (entry) {
			citations.push(...citer.citations.map((citation) => locationIn(entry, citation.range)));
		}
	}
	return [{ range: toTextRange(letter, { start: anchor.start, end: anchor.start }), title: `Cited by ${countLetters(citers.length)}`, citations }];
}
