import { formatIsoDate } from '../calendar/calendarDate';
import { compareDates, formatDate } from '../calendar/dates';
import type { Letter } from '../letter/model';
import type { ReferenceData } from '../sessions/referenceData';
import { citationDateWindow } from '../sessions/referenceData';
import type { DocumentSymbolRef, SymbolPart } from '../symbols/documentSymbols';
import type { IndexedLetter, LetterIndex } from '../workspace/letterIndex';
import type { SummaryCitation } from '../workspace/letterSummary';
import { resolveLetterReference } from '../workspace/letterLinks';
import type { DiagnosticSettings, Finding } from './codes';

/** Resolutions, records and presidential statements are never letters: a workspace of letters cannot resolve them. */
const NEVER_A_LETTER = new Set(['RES', 'PV', 'PRST', 'SR']);

/** True when a cited symbol could be a letter or note circulated as a document (not a resolution, record or statement). */
export function couldBeCorrespondence(symbol: DocumentSymbolRef): boolean {
	return symbol.parts.every((part) => !part.special || !NEVER_A_LETTER.has(part.special.kind));
}

const ignoredTexts = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The symbols of `diplomaticLetters.ignoredSymbols`, written as the scanner writes them (no spaces, hyphens between parts); once per list. */
function ignoredSymbolTexts(settings: DiagnosticSettings): ReadonlySet<string> {
	let texts = ignoredTexts.get(settings.ignoredSymbols);
	if (texts === undefined) {
		texts = new Set(settings.ignoredSymbols.map((text) => text.replace(/\s+/g, '').replace(/–|—/g, '-')));
		ignoredTexts.set(settings.ignoredSymbols, texts);
	}
	return texts;
}

function isIgnored(symbol: DocumentSymbolRef, ignored: ReadonlySet<string>): boolean {
	return ignored.has(symbol.text) || symbol.parts.some((part) => ignored.has(part.text));
}

type DateWindow = ReturnType<typeof citationDateWindow>;

/**
 * The date window of each cited symbol part, computed once per part (a part is never changed once read): the re-parse
 * of an open letter after an edit keeps the symbols it found outside the edited stretch, so after a keystroke only the
 * parts read again are looked up in the reference data again.
 */
const windowsOfParts = new WeakMap<SymbolPart, { readonly data: ReferenceData; readonly window: DateWindow }>();

function dateWindowOf(data: ReferenceData, part: SymbolPart): DateWindow {
	const held = windowsOfParts.get(part);
	if (held?.data === data) {
		return held.window;
	}
	const window = citationDateWindow(data, part);
	windowsOfParts.set(part, { data, window });
	return window;
}

/** `citation-date-mismatch`: a cited date that the symbol cannot have. */
export function checkCitationDates(letter: Letter, data: ReferenceData): Finding[] {
	const findings: Finding[] = [];
	for (const citation of letter.citations) {
		const date = citation.date?.date;
		if (!date || !citation.date) {
			continue;
		}
		for (const part of citation.symbol.parts) {
			const window = dateWindowOf(data, part);
			if (window && (compareDates(date, window.earliest) < 0 || compareDates(date, window.latest) > 0)) {
				findings.push({
					code: 'citation-date-mismatch',
					range: citation.date.range,
					message: `${part.text} cannot be dated ${formatDate(date)}: ${window.reason}. Check the symbol and the date.`,
				});
				break;
			}
		}
	}
	return findings;
}

/** `citation-date-conflict` and `citation-unresolved`: what the workspace knows of each cited symbol. */
export function checkCitationsAgainstWorkspace(self: IndexedLetter, index: LetterIndex, settings: DiagnosticSettings): Finding[] {
	const findings: Finding[] = [];
	const ownParts = new Set(index.identity(self.uri)?.symbol.parts.map((part) => part.text) ?? []);
	const ignored = ignoredSymbolTexts(settings);
	for (const citation of self.summary.citations) {
		if (citation.symbol.parts.some((part) => ownParts.has(part.text))) {
			continue;
		}
		const resolved = index.resolve(citation.symbol).filter((entry) => entry.uri !== self.uri);
		if (resolved.length === 0) {
			if (couldBeCorrespondence(citation.symbol) && !isIgnored(citation.symbol, ignored)) {
				findings.push({
					code: 'citation-unresolved',
					range: citation.range,
					message: `${citation.symbol.text} is not a letter in this workspace (it may simply be outside the folder). Add the letter to the folder to follow the citation, or ignore this symbol.`,
					fix: { symbol: citation.symbol.text },
				});
			}
			continue;
		}
		const conflict = dateConflict(citation, resolved);
		if (conflict) {
			findings.push(conflict);
		}
	}
	return findings;
}

function dateConflict(citation: SummaryCitation, resolved: readonly IndexedLetter[]): Finding | undefined {
	const cited = citation.date;
	if (cited === undefined || citation.dateRange === undefined) {
		return undefined;
	}
	for (const entry of resolved) {
		const distribution = entry.summary.distribution;
		if (distribution && distribution.date !== cited) {
			const distributed = formatIsoDate(distribution.date);
			return {
				code: 'citation-date-conflict',
				range: citation.dateRange,
				message: `${citation.symbol.text} is cited as dated ${formatIsoDate(cited)}, but the workspace letter ${entry.fileName} with that symbol is distributed on ${distributed}. Correct the cited date.`,
				fix: { replacement: distributed },
				related: [{ uri: entry.uri, range: distribution.range, message: `Distribution date of ${entry.fileName}` }],
			};
		}
	}
	return undefined;
}

/** `letter-reference-unresolved`: a reference to another UN letter that neither a nearby symbol nor a workspace letter resolves. */
export function checkLetterReferences(self: IndexedLetter, index: LetterIndex): Finding[] {
	const findings: Finding[] = [];
	for (const reference of self.summary.references) {
		if (!reference.unCorrespondence || reference.nearbySymbol || reference.date === undefined) {
			continue;
		}
		if (resolveLetterReference(self, reference, index).length > 0) {
			continue;
		}
		const who = reference.own ? 'from the same sender' : reference.senderCountry ? `from ${reference.senderCountry}` : 'of that description';
		const words = reference.words ?? '';
		findings.push({
			code: 'letter-reference-unresolved',
			range: reference.range,
			message: `“${words.charAt(0).toUpperCase()}${words.slice(1)}” is not identified: no symbol is given with it and no workspace letter ${who} is dated ${formatIsoDate(reference.date)}. Give its symbol after the reference, or add the letter to the folder.`,
		});
	}
	return findings;
}
