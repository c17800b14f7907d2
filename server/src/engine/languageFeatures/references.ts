/** Find references: every citation of a letter (from its masthead or title) or of a cited symbol, across the workspace. */
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import type { TextPosition } from '../text/lineIndex';
import type { LetterIndex } from '../workspace/letterIndex';
import type { CancellationSignal, TextLocation } from './context';
import { landingRange, locationIn, NEVER_CANCELLED, readLetter, toOffset, toTextRange } from './context';
import { elementAt } from './elementAt';

/** Every citation of a symbol in the workspace (each citing letter's citations of it), in index order. */
export function citationLocations(index: LetterIndex, symbol: DocumentSymbolRef, token: CancellationSignal = NEVER_CANCELLED): TextLocation[] {
	const locations: TextLocation[] = [];
	for (const citer of index.citing(symbol)) {
		if (token.isCancellationRequested) {
			return [];
		}
		const entry = index.get(citer.uri);
		if (entry) {
			locations.push(...citer.citations.map((citation) => locationIn(entry, citation.range)));
		}
	}
	return locations;
}

/**
 * The references of the element at a position: on a letter's masthead or title, the citations of that letter; on a
 * cited symbol, every citation of it (and, with `includeDeclaration`, the letters that are it); on a footnote marker
 * or text, the markers of that footnote.
 */
export function provideReferences(index: LetterIndex, uri: string, position: TextPosition, includeDeclaration: boolean, token: CancellationSignal = NEVER_CANCELLED): TextLocation[] {
	const self = readLetter(index, uri);
	if (!self) {
		return [];
	}
	const { letter } = self;
	const element = elementAt(letter, toOffset(letter, position));
	let symbol: DocumentSymbolRef | undefined;
	if (element?.kind === 'masthead' || element?.kind === 'title') {
		symbol = index.identity(uri)?.symbol;
	} else if (element?.kind === 'citation') {
		symbol = element.citation.symbol;
	} else if (element?.kind === 'footnote-marker' || element?.kind === 'footnote-text') {
		const label = element.kind === 'footnote-marker' ? element.marker.label : element.footnote.label;
		const markers = letter.footnoteMarkers.filter((marker) => marker.label === label).map((marker) => ({ uri, range: toTextRange(letter, marker.range) }));
		const texts = includeDeclaration ? letter.footnotes.filter((note) => note.label === label).map((note) => ({ uri, range: toTextRange(letter, note.labelRange) })) : [];
		return [...texts, ...markers];
	}
	if (!symbol) {
		return [];
	}
	const declarations = includeDeclaration ? index.resolve(symbol).map((entry) => locationIn(entry, landingRange(entry))) : [];
	const citations = citationLocations(index, symbol, token);
	return token.isCancellationRequested ? [] : [...declarations, ...citations];
}
