/**
 * The compact entry of a letter: what the workspace needs from a letter that is not open — its identity, the symbols
 * and dates it cites and the letters it refers to (with their exact positions, for references, definitions and the
 * call hierarchy), its catalogue facts, the agenda titles it teaches, where to land in it, and the findings of the
 * rules that read the letter alone (for problem counts and the command line). A few hundred bytes to a few KB, where
 * the full model holds the text and every range of it; computed from the full model by {@link summarizeLetter},
 * a pure function of the text (so it can be made in a worker and stored between runs, keyed by the text's hash).
 */
import { toIsoDate } from '../calendar/dates';
import type { Finding } from '../diagnostics/codes';
import { letterFindings } from '../diagnostics/letterDiagnostics';
import type { LetterFacts } from '../letter/letterFacts';
import { factsOf } from '../letter/letterFacts';
import type { AgendaTitleSource, Letter, LetterKind } from '../letter/model';
import type { ReferenceData } from '../sessions/referenceData';
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import type { TextPosition } from '../text/lineIndex';
import type { PlacedRange } from '../text/placedRange';
import { placeRange } from '../text/placedRange';
import type { AgendaListKind } from './agendaTitles';
import { agendaListKind } from './agendaTitles';
import { lineIndexOf } from './lineIndexes';

/** The version of the entry's shape: a stored entry of another shape is never used. */
export const SUMMARY_FORMAT = 1;

/** A citation of a document symbol, with the date given with it. */
export interface SummaryCitation {
	readonly symbol: DocumentSymbolRef;
	readonly range: PlacedRange;
	/** The cited date (ISO), when it is a calendar date. */
	readonly date?: string;
	/** Where the cited date is written (what `citation-date-conflict` marks). */
	readonly dateRange?: PlacedRange;
	/** The label of the footnote the citation stands in, if any. */
	readonly footnote?: string;
}

/** A reference to another letter (`my letter dated …`, `the letter dated … from …`). */
export interface SummaryReference {
	readonly range: PlacedRange;
	readonly own: boolean;
	readonly unCorrespondence: boolean;
	/** The date of the letter referred to (ISO), when it is a calendar date. */
	readonly date?: string;
	readonly senderText?: string;
	readonly senderCountry?: string;
	readonly nearbySymbol?: DocumentSymbolRef;
	/** The words of the reference on one line, kept only when the reference could be reported as unresolved. */
	readonly words?: string;
}

/** An agenda item of the header, with the title the letter gives it. */
export interface SummaryAgendaItem {
	readonly number: number;
	readonly title?: { readonly text: string; readonly source: AgendaTitleSource; readonly printed: boolean };
}

/** The header's agenda line as the workspace reads it. */
export interface SummaryAgenda {
	readonly session?: number;
	readonly list?: AgendaListKind;
	readonly items: readonly SummaryAgendaItem[];
	/** How many titles the letter prints under its agenda line. */
	readonly printedTitles: number;
}

/** A finding of a rule that reads the letter alone, placed in the text. */
export interface PlacedFinding extends Finding {
	readonly range: PlacedRange;
}

/** The compact entry of a letter. */
export interface LetterSummary {
	readonly isLetter: boolean;
	readonly kind?: LetterKind;
	readonly masthead?: { readonly symbol: DocumentSymbolRef; readonly range: PlacedRange };
	/** The distribution date (ISO) and where it is written. */
	readonly distribution?: { readonly date: string; readonly range: PlacedRange };
	/** The ordinal of the header's first `General Assembly … session` and of its first `Security Council … year`. */
	readonly headerSession?: number;
	readonly headerYear?: number;
	/** True when the header names a GA session or an SC year at all. */
	readonly datedHeader: boolean;
	/** The title's letter date (ISO). */
	readonly titleDate?: string;
	/** The country the title's sender represents, as the title gives it. */
	readonly titleCountry?: string;
	/** The title line on one line. */
	readonly title?: string;
	/** Where a letter pointing here lands: its masthead, else its title, else its start. */
	readonly landing: PlacedRange;
	/** The position of the end of the text. */
	readonly end: TextPosition;
	/** The letter's place in time (ISO): its title date, else its place-and-date line, else its distribution date. */
	readonly timelineDate?: string;
	readonly facts: LetterFacts;
	readonly agenda?: SummaryAgenda;
	readonly citations: readonly SummaryCitation[];
	readonly references: readonly SummaryReference[];
	/** What the rules that read the letter alone find in it (no severities applied), in rule order. */
	readonly findings: readonly PlacedFinding[];
}

/** The facts of a text that is not a letter: nothing. */
const NO_FACTS: LetterFacts = Object.freeze({ kind: 'letter', distributed: null, dated: null, sender: null, addressees: [], organs: [], agendaItems: [], cites: [] });

/** The compact entry of a parsed letter. */
export function summarizeLetter(letter: Letter, data: ReferenceData): LetterSummary {
	const lines = lineIndexOf(letter);
	const place = (range: { readonly start: number; readonly end: number }) => placeRange(lines, range);
	const end = lines.positionAt(letter.text.length);
	const landing = place(letter.masthead?.range ?? letter.title?.range ?? { start: 0, end: 0 });
	if (!letter.detection.isLetter) {
		return { isLetter: false, datedHeader: false, landing, end, facts: NO_FACTS, citations: [], references: [], findings: [] };
	}
	const iso = (date: { readonly date?: Parameters<typeof toIsoDate>[0] } | undefined) => (date?.date ? toIsoDate(date.date) : undefined);
	const session = letter.organs.find((organ) => organ.organ === 'General Assembly' && organ.unit === 'session');
	const year = letter.organs.find((organ) => organ.organ === 'Security Council' && organ.unit === 'year');
	const title = letter.title;
	const agenda = letter.agenda;
	const list = agendaListKind(letter);
	return {
		isLetter: true,
		kind: letter.kind,
		masthead: letter.masthead && { symbol: letter.masthead.symbol, range: place(letter.masthead.range) },
		distribution: letter.distribution?.date?.date ? { date: toIsoDate(letter.distribution.date.date), range: place(letter.distribution.date.range) } : undefined,
		headerSession: session?.ordinal,
		headerYear: year?.ordinal,
		datedHeader: session !== undefined || year !== undefined,
		titleDate: iso(title?.date),
		titleCountry: title?.sender?.country,
		title: title ? letter.text.slice(title.range.start, title.range.end).replace(/\s+/g, ' ').trim() : undefined,
		landing,
		end,
		timelineDate: iso(title?.date) ?? iso(letter.noteVerbale?.placeAndDate?.date) ?? iso(letter.distribution?.date),
		facts: factsOf(letter),
		agenda: agenda && {
			session: agenda.session,
			list,
			items: agenda.items.map((item) => ({ number: item.number, title: item.title && { text: item.title.text, source: item.title.source, printed: item.title.range !== undefined } })),
			printedTitles: agenda.titles.length,
		},
		citations: letter.citations.map((citation) => ({
			symbol: citation.symbol,
			range: place(citation.range),
			date: iso(citation.date),
			dateRange: citation.date?.date ? place(citation.date.range) : undefined,
			footnote: citation.footnote,
		})),
		references: letter.letterReferences.map((reference) => {
			const date = iso(reference.date);
			const reportable = reference.unCorrespondence && !reference.nearbySymbol && date !== undefined;
			return {
				range: place(reference.range),
				own: reference.own,
				unCorrespondence: reference.unCorrespondence,
				date,
				senderText: reference.sender?.text,
				senderCountry: reference.sender?.country,
				nearbySymbol: reference.nearbySymbol,
				words: reportable ? letter.text.slice(reference.range.start, reference.range.end).replace(/\s+/g, ' ') : undefined,
			};
		}),
		findings: letterFindings(letter, data).map((finding) => ({ code: finding.code, range: place(finding.range), message: finding.message })),
	};
}

/**
 * What the workspace derives from an entry — its identity, the symbols and dates it cites, the letters it refers to,
 * the header facts inference reads — as one comparable value: two entries with the same signature index the same way,
 * so a fresh parse of an edited letter with an unchanged signature replaces the held one without touching any table.
 */
export function summarySignature(summary: LetterSummary, sidecarSymbol: string | undefined): string {
	return JSON.stringify([
		summary.isLetter,
		summary.masthead?.symbol.text ?? '',
		summary.distribution?.date ?? '',
		summary.headerSession ?? '', summary.headerYear ?? '', summary.datedHeader,
		summary.titleDate ?? '',
		summary.titleCountry ?? '',
		summary.facts.sender ?? '',
		summary.citations.map((citation) => [citation.symbol.text, citation.date ?? '']),
		summary.references.map((reference) => [reference.unCorrespondence, reference.date ?? '', reference.nearbySymbol?.text ?? '', reference.senderText ?? '', reference.own]),
		sidecarSymbol ?? '',
	]);
}
