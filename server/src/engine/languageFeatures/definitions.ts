/**
 * Go to definition: a symbol → the workspace letter, a marker ↔ its footnote text, an annex reference → the annex, a
 * letter reference → the letter, an agenda item of the closing request → its title in the header.
 */
import { resolveLetterReference } from '../workspace/letterLinks';
import type { TextPosition } from '../text/lineIndex';
import type { OffsetRange } from '../text/offsetRange';
import type { IndexedLetter, LetterIndex } from '../workspace/letterIndex';
import type { TextRange } from './context';
import { landingRange, toOffset, toTextRange } from './context';
import type { LetterElement } from './elementAt';
import { elementAt } from './elementAt';
import { lettersWithSymbol } from './workspaceLookups';

/** A definition target, with the range of the element it was asked from (an LSP `LocationLink`). */
export interface DefinitionLink {
	readonly originRange: TextRange;
	readonly targetUri: string;
	/** The whole target (the letter's masthead or title, the footnote text, the annex). */
	readonly targetRange: TextRange;
	/** The part to select (the same, or the footnote label, the annex heading). */
	readonly targetSelectionRange: TextRange;
}

function link(self: IndexedLetter, origin: OffsetRange, target: IndexedLetter, range: OffsetRange, selection: OffsetRange = range): DefinitionLink {
	return {
		originRange: toTextRange(self.letter, origin),
		targetUri: target.uri,
		targetRange: toTextRange(target.letter, range),
		targetSelectionRange: toTextRange(target.letter, selection),
	};
}

function toLetters(self: IndexedLetter, origin: OffsetRange, targets: readonly IndexedLetter[]): DefinitionLink[] {
	return targets.map((target) => link(self, origin, target, landingRange(target)));
}

function definitionsOf(index: LetterIndex, self: IndexedLetter, element: LetterElement): DefinitionLink[] {
	const letter = self.letter;
	switch (element.kind) {
		case 'citation':
			return toLetters(self, element.range, lettersWithSymbol(index, element.citation.symbol, self.uri));
		case 'footnote-marker':
			return letter.footnotes.filter((note) => note.label === element.marker.label).map((note) => link(self, element.range, self, note.range, note.labelRange));
		case 'footnote-text':
			return letter.footnoteMarkers.filter((marker) => marker.label === element.footnote.label).map((marker) => link(self, element.range, self, marker.range));
		case 'annex-reference':
			return letter.annexes.filter((annex) => annex.label === element.reference.label).map((annex) => link(self, element.range, self, annex.range, annex.headingRange));
		case 'agenda-item': {
			// From the closing request to the item's title in the header (its number when the header prints no title).
			const header = element.inClosingRequest ? element.headerItem : undefined;
			return header ? [link(self, element.range, self, header.title?.range ?? header.range)] : [];
		}
		case 'letter-reference': {
			const nearby = element.reference.nearbySymbol;
			const targets = nearby ? lettersWithSymbol(index, nearby, self.uri) : resolveLetterReference(self, element.reference, index);
			return toLetters(self, element.range, targets);
		}
		default:
			return [];
	}
}

/** The definitions of the element at a position; empty on plain text. */
export function provideDefinitions(index: LetterIndex, uri: string, position: TextPosition): DefinitionLink[] {
	const self = index.get(uri);
	if (!self) {
		return [];
	}
	const element = elementAt(self.letter, toOffset(self.letter, position));
	return element ? definitionsOf(index, self, element) : [];
}
