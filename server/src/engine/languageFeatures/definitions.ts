/**
 * Go to definition: a symbol → the workspace letter, a marker ↔ its footnote text, an annex reference → the annex, a
 * letter reference → the letter, an agenda item of the closing request → its title in the header.
 */
import { referenceTarget, resolveLetterReference } from '../workspace/letterLinks';
import type { TextPosition } from '../text/lineIndex';
import type { OffsetRange } from '../text/offsetRange';
import type { IndexedLetter, LetterIndex } from '../workspace/letterIndex';
import type { ReadLetter, TextRange } from './context';
import { landingRange, readLetter, toOffset, toTextRange } from './context';
import { textRangeOf } from '../text/placedRange';
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

/** A link within the letter itself. */
function link(self: ReadLetter, origin: OffsetRange, range: OffsetRange, selection: OffsetRange = range): DefinitionLink {
	return {
		originRange: toTextRange(self.letter, origin),
		targetUri: self.entry.uri,
		targetRange: toTextRange(self.letter, range),
		targetSelectionRange: toTextRange(self.letter, selection),
	};
}

/** Links to other workspace letters, landing on each one's masthead or title. */
function toLetters(self: ReadLetter, origin: OffsetRange, targets: readonly IndexedLetter[]): DefinitionLink[] {
	const originRange = toTextRange(self.letter, origin);
	return targets.map((target) => {
		const landing = textRangeOf(landingRange(target));
		return { originRange, targetUri: target.uri, targetRange: landing, targetSelectionRange: landing };
	});
}

function definitionsOf(index: LetterIndex, self: ReadLetter, element: LetterElement): DefinitionLink[] {
	const letter = self.letter;
	const uri = self.entry.uri;
	switch (element.kind) {
		case 'citation':
			return toLetters(self, element.range, lettersWithSymbol(index, element.citation.symbol, uri));
		case 'footnote-marker':
			return letter.footnotes.filter((note) => note.label === element.marker.label).map((note) => link(self, element.range, note.range, note.labelRange));
		case 'footnote-text':
			return letter.footnoteMarkers.filter((marker) => marker.label === element.footnote.label).map((marker) => link(self, element.range, marker.range));
		case 'annex-reference':
			return letter.annexes.filter((annex) => annex.label === element.reference.label).map((annex) => link(self, element.range, annex.range, annex.headingRange));
		case 'agenda-item': {
			// From the closing request to the item's title in the header (its number when the header prints no title).
			const header = element.inClosingRequest ? element.headerItem : undefined;
			return header ? [link(self, element.range, header.title?.range ?? header.range)] : [];
		}
		case 'letter-reference': {
			const nearby = element.reference.nearbySymbol;
			const targets = nearby ? lettersWithSymbol(index, nearby, uri) : resolveLetterReference(self.entry, referenceTarget(element.reference), index);
			return toLetters(self, element.range, targets);
		}
		default:
			return [];
	}
}

/** The definitions of the element at a position; empty on plain text. */
export function provideDefinitions(index: LetterIndex, uri: string, position: TextPosition): DefinitionLink[] {
	const self = readLetter(index, uri);
	if (!self) {
		return [];
	}
	const element = elementAt(self.letter, toOffset(self.letter, position));
	return element ? definitionsOf(index, self, element) : [];
}
