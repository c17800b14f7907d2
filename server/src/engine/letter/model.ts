import type { CalendarDate } from '../calendar/dates';
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import type { ResolutionMatch } from '../symbols/resolutions';
import type { OffsetRange } from '../text/offsetRange';

/** What kind of correspondence a text is. */
export type LetterKind = 'letter' | 'note-verbale' | 'identical-letters';

/** Why a text was (or was not) taken for UN correspondence: the signals found in its first 4 KB. */
export interface LetterDetection {
	readonly isLetter: boolean;
	readonly signals: readonly string[];
	/** Signs that the text is another kind of document under the same header: a report, a meeting record. */
	readonly otherKind?: readonly string[];
}

/** A calendar date written in the letter, or a date-shaped text that is not a calendar date. */
export interface DateMention {
	readonly range: OffsetRange;
	readonly raw: string;
	/** The date, when the text is a real calendar date. */
	readonly date?: CalendarDate;
	/** Why the text is not a calendar date (`016 October 2020`, `31 September 2022`). */
	readonly invalid?: string;
}

/**
 * An organ named in the header with its session or year: `General Assembly Seventy-fifth session`, `Security Council
 * Seventy-fifth year`, `General Assembly Tenth emergency special session` (unit `emergency-special-session`),
 * `General Assembly Twentieth special session` (unit `special-session`), `Human Rights Council Twenty-second session`.
 */
export interface OrganHeader {
	readonly organ: 'General Assembly' | 'Security Council' | 'Economic and Social Council' | 'Human Rights Council' | 'Commission on Human Rights';
	/** The organ's name, through its session or year when they stand together (in a two-column header, the name alone). */
	readonly range: OffsetRange;
	/** The range of the session or year words, e.g. `Seventy-fifth session`, `Tenth emergency special session`. */
	readonly ordinalRange: OffsetRange;
	readonly ordinal: number;
	readonly unit: 'session' | 'year' | 'special-session' | 'emergency-special-session';
}

/** Where the title of an agenda item came from. */
export type AgendaTitleSource = 'agenda-data' | 'other-sessions-order' | 'letter-order';

/** One agenda item number of the header, with its title when one could be paired with it. */
export interface AgendaItem {
	readonly number: number;
	readonly range: OffsetRange;
	readonly title?: { readonly text: string; readonly range?: OffsetRange; readonly source: AgendaTitleSource };
}

/** The agenda line of the header: `Agenda items 34, 71 and 135`, `Item 30 of the provisional agenda*`. */
export interface AgendaHeader {
	readonly range: OffsetRange;
	readonly items: readonly AgendaItem[];
	/** `provisional agenda` or `preliminary list` rather than the adopted agenda. */
	readonly provisional: boolean;
	/** The GA session whose agenda the numbers belong to, when the header names one. */
	readonly session?: number;
	/** Titles written under the agenda line, in the letter's order. */
	readonly titles: readonly { readonly text: string; readonly range: OffsetRange }[];
	/**
	 * The document that the `*` after `provisional agenda` or `preliminary list` points to (`* A/51/50.`): the agenda
	 * list itself, named by the header, not a document the letter cites.
	 */
	readonly listDocument?: { readonly symbol: DocumentSymbolRef; readonly range: OffsetRange };
}

/** The title line: `Letter dated 27 September 2020 from the Permanent Representative of X … addressed to the Secretary-General`. */
export interface LetterTitle {
	readonly range: OffsetRange;
	readonly kind: LetterKind;
	readonly date?: DateMention;
	readonly sender?: { readonly text: string; readonly range: OffsetRange; readonly country?: string };
	readonly addressee?: { readonly text: string; readonly range: OffsetRange };
}

/** A footnote marker in the text: `¹`, `¹⁴`, `<sup>3</sup>`, one number of `^{3,4,5}`, or `*`. */
export interface FootnoteMarker {
	readonly label: string;
	readonly range: OffsetRange;
}

/** A footnote text: its label range and the ranges of its text (more than one when it continues after a page break). */
export interface FootnoteText {
	readonly label: string;
	readonly labelRange: OffsetRange;
	readonly range: OffsetRange;
	readonly text: string;
}

/** A citation of a UN document symbol, with the date that follows it in parentheses when there is one. */
export interface Citation {
	readonly range: OffsetRange;
	readonly raw: string;
	readonly symbol: DocumentSymbolRef;
	readonly date?: DateMention;
	/** The label of the footnote the citation stands in, if any. */
	readonly footnote?: string;
}

/** Text shaped like a document symbol that breaks the symbol grammar. */
export interface MalformedSymbol {
	readonly range: OffsetRange;
	readonly raw: string;
	readonly reason: string;
}

/** A reference to another letter: `my letter dated 24 February 2020`, `the letter dated 27 March 2020 from the Permanent Representative of Armenia`. */
export interface LetterReference {
	readonly range: OffsetRange;
	readonly own: boolean;
	readonly date?: DateMention;
	readonly sender?: { readonly text: string; readonly country?: string };
	/** False for letters outside UN correspondence (`from the Executive Director of Human Rights Watch addressed to a minister`). */
	readonly unCorrespondence: boolean;
	/** The symbol given for it nearby (in the same sentence, or in the footnote its marker points to). */
	readonly nearbySymbol?: DocumentSymbolRef;
}

/** `see annex II`: a reference to an annex of this letter. */
export interface AnnexReference {
	readonly range: OffsetRange;
	/** Roman or Arabic label, normalised to upper case; empty for an unnumbered `see annex`. */
	readonly label: string;
}

/** An annex heading (`Annex I to the letter dated …`) and the text it covers up to the next annex or the end. */
export interface Annex {
	readonly label: string;
	readonly headingRange: OffsetRange;
	readonly range: OffsetRange;
}

/** The closing request: `… be circulated as a document of the General Assembly, under agenda items 34, 71 and 135, and of the Security Council.` */
export interface ClosingRequest {
	readonly range: OffsetRange;
	readonly agendaItems: readonly { readonly number: number; readonly range: OffsetRange }[];
	readonly organs: readonly string[];
}

/** The signature block: `(Signed) Name` and the lines of function under it. */
export interface Signature {
	readonly range: OffsetRange;
	readonly name?: string;
}

/** Parts proper to a note verbale. */
export interface NoteVerbaleParts {
	readonly reference?: { readonly text: string; readonly range: OffsetRange };
	readonly senderMission?: { readonly text: string; readonly range: OffsetRange };
	readonly addressee?: { readonly text: string; readonly range: OffsetRange };
	/** The sender and addressee its opening formula names (`The Office for Disarmament Affairs presents its compliments to the Permanent Missions …`). */
	readonly opening?: { readonly sender: { readonly text: string; readonly range: OffsetRange }; readonly addressee?: { readonly text: string; readonly range: OffsetRange } };
	readonly placeAndDate?: { readonly place: string; readonly date?: DateMention; readonly range: OffsetRange };
}

/**
 * The memo lines of a letter given without a UN title (`To: All Member States and Observers` / `From: The President of
 * the General Assembly`), and the date of the line that introduces it (`the text of a letter, dated 8 June 2001:`); or
 * the heading of a document edition that stands for the title (FRUS).
 */
export interface MemoHeader {
	readonly to?: { readonly text: string; readonly range: OffsetRange };
	readonly from?: { readonly text: string; readonly range: OffsetRange };
	readonly date?: DateMention;
	/** True when these come from a document edition's heading (`The … (Name) to the … (Name)`), not `To:`/`From:` lines. */
	readonly heading?: boolean;
}

/** Everything the parser understood of one letter. Every range lies inside the text. */
export interface Letter {
	readonly text: string;
	readonly detection: LetterDetection;
	readonly kind?: LetterKind;
	/**
	 * The document's own symbol: the masthead's, or when the masthead is lost, the one a note gives (`* Circulated under
	 * the double symbol …`) or the running headers print. The range is where it was read.
	 */
	readonly masthead?: { readonly symbol: DocumentSymbolRef; readonly range: OffsetRange };
	readonly distribution?: { readonly range: OffsetRange; readonly date?: DateMention; readonly kind?: string };
	readonly originalLanguage?: { readonly range: OffsetRange; readonly language: string };
	readonly organs: readonly OrganHeader[];
	readonly agenda?: AgendaHeader;
	/** The end of the header (masthead, organs, agenda titles): the title or the first body paragraph starts here. */
	readonly headerEnd: number;
	readonly title?: LetterTitle;
	readonly paragraphs: readonly OffsetRange[];
	readonly footnoteMarkers: readonly FootnoteMarker[];
	readonly footnotes: readonly FootnoteText[];
	readonly dates: readonly DateMention[];
	readonly citations: readonly Citation[];
	readonly malformedSymbols: readonly MalformedSymbol[];
	readonly resolutions: readonly ResolutionMatch[];
	readonly letterReferences: readonly LetterReference[];
	readonly annexReferences: readonly AnnexReference[];
	readonly annexes: readonly Annex[];
	readonly closingRequest?: ClosingRequest;
	readonly signature?: Signature;
	readonly noteVerbale?: NoteVerbaleParts;
	/** For a letter without a title: its `To:` / `From:` lines and introduced date. */
	readonly memo?: MemoHeader;
	/** Page furniture that the parser ignored: running headers, job numbers, page numbers, page breaks. */
	readonly furniture: readonly OffsetRange[];
}
