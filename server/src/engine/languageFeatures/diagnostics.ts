/** Diagnostics of a letter with line/character ranges, ready for a host to publish. */
import type { DiagnosticSettings, LetterDiagnostic } from '../diagnostics/codes';
import { computeLetterDiagnostics } from '../diagnostics/letterDiagnostics';
import type { ReferenceData } from '../sessions/referenceData';
import type { LetterIndex } from '../workspace/letterIndex';
import type { TextLocation, TextRange } from './context';
import { readLetter, toTextRange } from './context';
import { isPlaced, textRangeOf } from '../text/placedRange';

/** A diagnostic placed in the text. */
export interface PlacedDiagnostic {
	readonly range: TextRange;
	readonly diagnostic: LetterDiagnostic;
	readonly related: readonly { readonly location: TextLocation; readonly message: string }[];
}

/** The diagnostics of a workspace letter (none for a file that is not a letter or not in the index). */
export function provideDiagnostics(index: LetterIndex, data: ReferenceData, uri: string, settings: DiagnosticSettings): PlacedDiagnostic[] {
	const self = readLetter(index, uri);
	if (!self?.letter.detection.isLetter) {
		return [];
	}
	const { entry, letter } = self;
	return computeLetterDiagnostics(entry, index, data, settings).map((diagnostic) => ({
		range: toTextRange(letter, diagnostic.range),
		diagnostic,
		related: (diagnostic.related ?? []).flatMap((item) => {
			if (item.uri === undefined || item.uri === uri) {
				return [{ location: { uri, range: toTextRange(letter, item.range) }, message: item.message }];
			}
			// Another letter is pointed at by a range of its entry (a placed range), its text not needed.
			const target = index.get(item.uri);
			return target && isPlaced(item.range) ? [{ location: { uri: target.uri, range: textRangeOf(item.range) }, message: item.message }] : [];
		}),
	}));
}
