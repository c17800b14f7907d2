/**
 * Finds the element of a letter under a cursor: the thing hover, definition, references and the symbol commands talk
 * about. Small elements win over the ranges that contain them (a citation inside a letter reference, a date in a title).
 */
import type { AgendaItem, Annex, AnnexReference, Citation, FootnoteMarker, FootnoteText, Letter, LetterReference, LetterTitle, OrganHeader } from '../letter/model';
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import type { ResolutionMatch } from '../symbols/resolutions';
import type { OffsetRange } from '../text/offsetRange';
import { rangeContains } from '../text/offsetRange';

/** An element of a letter, with the range it covers in the text. */
export type LetterElement =
	| { readonly kind: 'masthead'; readonly range: OffsetRange; readonly symbol: DocumentSymbolRef }
	| { readonly kind: 'citation'; readonly range: OffsetRange; readonly citation: Citation }
	| { readonly kind: 'resolution'; readonly range: OffsetRange; readonly resolution: ResolutionMatch }
	| { readonly kind: 'footnote-marker'; readonly range: OffsetRange; readonly marker: FootnoteMarker }
	| { readonly kind: 'footnote-text'; readonly range: OffsetRange; readonly footnote: FootnoteText }
	| { readonly kind: 'annex-reference'; readonly range: OffsetRange; readonly reference: AnnexReference }
	| { readonly kind: 'annex-heading'; readonly range: OffsetRange; readonly annex: Annex }
	| { readonly kind: 'agenda-item'; readonly range: OffsetRange; readonly number: number; readonly headerItem?: AgendaItem; readonly inClosingRequest: boolean }
	| { readonly kind: 'session-name'; readonly range: OffsetRange; readonly organ: OrganHeader }
	| { readonly kind: 'letter-reference'; readonly range: OffsetRange; readonly reference: LetterReference }
	| { readonly kind: 'title'; readonly range: OffsetRange; readonly title: LetterTitle };

function firstContaining<T>(items: readonly T[], rangeOf: (item: T) => OffsetRange, offset: number): T | undefined {
	return items.find((item) => rangeContains(rangeOf(item), offset));
}

/** The innermost element of the letter at `offset`, or undefined when the cursor is on plain text. */
export function elementAt(letter: Letter, offset: number): LetterElement | undefined {
	if (!letter.detection.isLetter) {
		return undefined;
	}
	if (letter.masthead && rangeContains(letter.masthead.range, offset)) {
		return { kind: 'masthead', range: letter.masthead.range, symbol: letter.masthead.symbol };
	}
	const citation = firstContaining(letter.citations, (item) => item.range, offset);
	if (citation) {
		return { kind: 'citation', range: citation.range, citation };
	}
	const resolution = firstContaining(letter.resolutions, (item) => item, offset);
	if (resolution) {
		return { kind: 'resolution', range: { start: resolution.start, end: resolution.end }, resolution };
	}
	const marker = firstContaining(letter.footnoteMarkers, (item) => item.range, offset);
	if (marker) {
		return { kind: 'footnote-marker', range: marker.range, marker };
	}
	const footnote = firstContaining(letter.footnotes, (item) => item.labelRange, offset);
	if (footnote) {
		return { kind: 'footnote-text', range: footnote.labelRange, footnote };
	}
	const annexReference = firstContaining(letter.annexReferences, (item) => item.range, offset);
	if (annexReference) {
		return { kind: 'annex-reference', range: annexReference.range, reference: annexReference };
	}
	const annex = firstContaining(letter.annexes, (item) => item.headingRange, offset);
	if (annex) {
		return { kind: 'annex-heading', range: annex.headingRange, annex };
	}
	const headerItem = firstContaining(letter.agenda?.items ?? [], (item) => item.range, offset);
	if (headerItem) {
		return { kind: 'agenda-item', range: headerItem.range, number: headerItem.number, headerItem, inClosingRequest: false };
	}
	const closingItem = firstContaining(letter.closingRequest?.agendaItems ?? [], (item) => item.range, offset);
	if (closingItem) {
		const matching = letter.agenda?.items.find((item) => item.number === closingItem.number);
		return { kind: 'agenda-item', range: closingItem.range, number: closingItem.number, headerItem: matching, inClosingRequest: true };
	}
	const organ = firstContaining(letter.organs, (item) => item.ordinalRange, offset);
	if (organ) {
		return { kind: 'session-name', range: organ.ordinalRange, organ };
	}
	const reference = firstContaining(letter.letterReferences, (item) => item.range, offset);
	if (reference) {
		return { kind: 'letter-reference', range: reference.range, reference };
	}
	if (letter.title && rangeContains(letter.title.range, offset)) {
		return { kind: 'title', range: letter.title.range, title: letter.title };
	}
	return undefined;
}
