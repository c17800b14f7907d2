/**
 * Quick fixes: add a footnote text stub for a marker without one; make the closing request's agenda items match the
 * header; correct a malformed date or a cited date that conflicts with the workspace letter; ignore a symbol for
 * `citation-unresolved`; store an inferred identity in the sidecar.
 */
import type { DiagnosticSettings, LetterDiagnostic } from '../diagnostics/codes';
import { computeLetterDiagnostics } from '../diagnostics/letterDiagnostics';
import type { Letter } from '../letter/model';
import type { ReferenceData } from '../sessions/referenceData';
import type { OffsetRange } from '../text/offsetRange';
import type { LetterIndex } from '../workspace/letterIndex';
import type { ReadLetter, TextRange } from './context';
import { readLetter, toOffset, toTextRange } from './context';

/** A text edit in the letter the action was asked for. */
export interface LetterTextEdit {
	readonly range: TextRange;
	readonly newText: string;
}

/** A quick fix: either text edits in the letter, or a command the host runs (settings and sidecars are the host's). */
export interface LetterCodeAction {
	readonly title: string;
	/** The diagnostic it fixes, when it fixes one. */
	readonly fixes?: { readonly code: string; readonly range: TextRange };
	readonly isPreferred: boolean;
	readonly edits?: readonly LetterTextEdit[];
	readonly command?: { readonly kind: 'ignore-symbol'; readonly symbol: string } | { readonly kind: 'store-identity'; readonly symbol: string };
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Writes a footnote label in the style of its marker: `¹⁴`, `<sup>14</sup>`, `^{14}` or `14`. */
function labelLike(letter: Letter, markerRange: OffsetRange, label: string): string {
	const written = letter.text.slice(markerRange.start, markerRange.end);
	if ([...written].every((ch) => SUPERSCRIPTS.includes(ch))) {
		return [...label].map((digit) => SUPERSCRIPTS[Number(digit)] ?? digit).join('');
	}
	const before = letter.text.slice(Math.max(0, markerRange.start - 12), markerRange.start);
	if (/<sup>[\d,\s]*$/.test(before)) {
		return `<sup>${label}</sup>`;
	}
	if (/\^\{[\d,\s]*$/.test(before)) {
		return `^{${label}}`;
	}
	return label;
}

/** Where a new footnote text goes: after the last footnote text of the marker's section, else before the first annex, else at the end. */
function footnoteStubPlace(letter: Letter, markerOffset: number): { offset: number; leading: string } {
	const annex = letter.annexes.find((item) => markerOffset >= item.range.start && markerOffset < item.range.end);
	const section = annex?.range ?? { start: 0, end: letter.annexes[0]?.range.start ?? letter.text.length };
	const notes = letter.footnotes.filter((note) => note.range.start >= section.start && note.range.start < section.end);
	const last = notes[notes.length - 1];
	if (last) {
		return { offset: last.range.end, leading: '\n\n' };
	}
	const end = section.end;
	const trailing = /\s*$/.exec(letter.text.slice(section.start, end))?.[0].length ?? 0;
	return { offset: end - trailing, leading: '\n\n' };
}

function fixFor(self: ReadLetter, diagnostic: LetterDiagnostic): LetterCodeAction[] {
	const letter = self.letter;
	const fixes = { code: diagnostic.code, range: toTextRange(letter, diagnostic.range) };
	const fix = diagnostic.fix;
	switch (diagnostic.code) {
		case 'footnote-missing-text': {
			if (!fix?.footnoteLabel) {
				return [];
			}
			const place = footnoteStubPlace(letter, diagnostic.range.start);
			const label = labelLike(letter, diagnostic.range, fix.footnoteLabel);
			return [{
				title: `Add a text for footnote ${fix.footnoteLabel}`,
				fixes, isPreferred: true,
				edits: [{ range: toTextRange(letter, { start: place.offset, end: place.offset }), newText: `${place.leading}${label} Footnote text.` }],
			}];
		}
		case 'agenda-mismatch':
			return fix?.replacement === undefined ? [] : [{ title: `List agenda items ${fix.replacement}, as in the header`, fixes, isPreferred: true, edits: [{ range: fixes.range, newText: fix.replacement }] }];
		case 'date-invalid':
			return fix?.replacement === undefined ? [] : [{ title: `Change the date to “${fix.replacement}”`, fixes, isPreferred: true, edits: [{ range: fixes.range, newText: fix.replacement }] }];
		case 'citation-date-conflict':
			return fix?.replacement === undefined ? [] : [{ title: `Cite the date of the workspace letter: ${fix.replacement}`, fixes, isPreferred: false, edits: [{ range: fixes.range, newText: fix.replacement }] }];
		case 'citation-unresolved':
			return fix?.symbol === undefined ? [] : [{ title: `Ignore ${fix.symbol} (add it to diplomaticLetters.ignoredSymbols)`, fixes, isPreferred: false, command: { kind: 'ignore-symbol', symbol: fix.symbol } }];
		default:
			return [];
	}
}

function identityAction(index: LetterIndex, self: ReadLetter, start: number): LetterCodeAction[] {
	const identity = index.identity(self.entry.uri);
	const letter = self.letter;
	const headerEnd = Math.max(letter.headerEnd, letter.title?.range.end ?? 0);
	if (identity?.source !== 'inferred' || start > headerEnd) {
		return [];
	}
	return [{ title: `Store the inferred identity ${identity.symbol.text} in the sidecar`, isPreferred: false, command: { kind: 'store-identity', symbol: identity.symbol.text } }];
}

/** The quick fixes for the diagnostics that touch a range of a letter, and the identity action in its header. */
export function provideCodeActions(index: LetterIndex, data: ReferenceData, uri: string, range: TextRange, settings: DiagnosticSettings): LetterCodeAction[] {
	const self = readLetter(index, uri);
	if (!self?.letter.detection.isLetter) {
		return [];
	}
	const start = toOffset(self.letter, range.start);
	const end = toOffset(self.letter, range.end);
	const touching = computeLetterDiagnostics(self.entry, index, data, settings).filter((diagnostic) => diagnostic.range.start <= end && start <= diagnostic.range.end);
	return [...touching.flatMap((diagnostic) => fixFor(self, diagnostic)), ...identityAction(index, self, start)];
}
