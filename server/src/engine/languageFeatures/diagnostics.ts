/** Diagnostics of a letter with line/character ranges, ready for a host to publish. */
import type { DiagnosticSettings, LetterDiagnostic } from '../diagnostics/codes';
import { computeLetterDiagnostics } from '../diagnostics/letterDiagnostics';
import type { ReferenceData } from '../sessions/referenceData';
import type { LetterIndex } from '../workspace/letterIndex';
import type { TextLocation, TextRange } from './context';
import { toTextRange } from './context';

/** A diagnostic placed in the text. */
export interface PlacedDiagnostic {
	readonly range: TextRange;
	readonly diagnostic: LetterDiagnostic;
	readonly related: readonly { readonly location: TextLocation; readonly message: string }[];
}

/** The diagnostics of a workspace letter (none for a file that is not a letter or not in the index). */
export function provideDiagnostics(index: LetterIndex, data: ReferenceData, uri: string, settings: DiagnosticSettings): PlacedDiagnostic[] {
	const self = index.get(uri);
	if (!self?.letter.detection.isLetter) {
		return [];
	}
	return computeLetterDiagnostics(self, index, data, settings).map((diagnostic) => ({
		range: toTextRange(self.letter, diagnostic.range),
		diagnostic,
		related: (diagnostic.related ?? []).flatMap((item) => {
			const target = item.uri === undefined ? self : index.get(item.uri);
			return target ? [{ location: { uri: target.uri, range: toTextRange(target.letter, item.range) }, message: item.message }] : [];
		}),
	}));
}
