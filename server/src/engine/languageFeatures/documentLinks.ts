/** Document links: every cited symbol and resolution links to undocs.org (one link per part of a joint symbol when the parts can be told apart). */
import { undocsUrl } from '../symbols/documentSymbols';
import type { Letter } from '../letter/model';
import type { TextRange } from './context';
import { toTextRange } from './context';

/** A link from a range of the letter to a web address. */
export interface LetterDocumentLink {
	readonly range: TextRange;
	readonly target: string;
	readonly tooltip: string;
}

/** The links of a letter: citations (per part when each part's text is found in the citation) and resolutions. */
export function provideDocumentLinks(letter: Letter | undefined): LetterDocumentLink[] {
	if (!letter?.detection.isLetter) {
		return [];
	}
	const links: LetterDocumentLink[] = [];
	for (const citation of letter.citations) {
		const raw = letter.text.slice(citation.range.start, citation.range.end);
		let searchFrom = 0;
		const partRanges = citation.symbol.parts.map((part) => {
			const at = raw.indexOf(part.text, searchFrom);
			if (at < 0) {
				return undefined;
			}
			searchFrom = at + part.text.length;
			return { start: citation.range.start + at, end: citation.range.start + at + part.text.length };
		});
		if (citation.symbol.parts.length > 1 && partRanges.every((range) => range !== undefined)) {
			citation.symbol.parts.forEach((part, i) => {
				const range = partRanges[i];
				if (range) {
					links.push({ range: toTextRange(letter, range), target: undocsUrl(part), tooltip: `Open ${part.text} on undocs.org` });
				}
			});
		} else {
			const first = citation.symbol.parts[0];
			links.push({ range: toTextRange(letter, citation.range), target: undocsUrl(first ?? citation.symbol.text), tooltip: `Open ${first?.text ?? citation.symbol.text} on undocs.org` });
		}
	}
	for (const resolution of letter.resolutions) {
		links.push({ range: toTextRange(letter, resolution), target: resolution.url, tooltip: `Open resolution ${resolution.symbol} on undocs.org` });
	}
	return links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
