/** Kinds of document a symbol component marks; other kinds (DEC, WP, NGO…) are kept as written. */
export type SpecialKind = 'RES' | 'PV' | 'L' | 'PRST' | 'INF' | 'WG' | 'SR' | 'CRP' | 'AC' | (string & Record<never, never>);

/** Suffix kinds; "Vol" and "Part" come from a parenthesis ("(Vol. I)"). */
export type SuffixKind = 'Add' | 'Corr' | 'Rev' | 'Amend' | 'Vol' | 'Part' | (string & Record<never, never>);

/** One part of a (possibly joint) UN document symbol, normalised, e.g. "A/C.3/75/L.1/Rev.1". */
export interface SymbolPart {
	/** Normalised: ASCII, no spaces, e.g. "A/75/495", "S/2020/981", "S/RES/822(1993)", "E/CN.4/2005/L.10/Add.1". */
	text: string;
	/** Leading series: "A", "S", "E", "ST/SGB", "CCPR"… */
	series: string;
	/** Human name of the issuing organ: "General Assembly", "Security Council", "Secretariat"… */
	organ: string;
	/** Subsidiary-body components in order of appearance: ["C.3"], ["HRC"], ["CN.4"], ["CONF.151"]. */
	bodies: string[];
	/** Session number: GA session (A/75/… → 75), HRC session (A/HRC/45/… → 45), old GA resolutions "(XXX)" → 30. */
	session?: number;
	/** Year: S/2020/… → 2020, E/CN.4/2005/… → 2005, S/RES/822 (1993) → 1993. */
	year?: number;
	/** Document number within the series, as written: "495", "L.1", "PV.12". */
	number?: string;
	/** The kind of document the symbol marks: RES (resolution), PV (verbatim record), L (draft), PRST… */
	special?: { kind: SpecialKind; value?: string };
	/** Suffixes in order: Add.1, Corr.1, Rev.1, Amend.1, and parenthesised Vol./Part. */
	suffixes: { kind: SuffixKind; number?: string }[];
}

/** A UN document symbol as cited: one part or a joint symbol (GA and SC symbols of the same letter). */
export interface DocumentSymbolRef {
	/** The parts' normalised text joined with "-". */
	text: string;
	parts: SymbolPart[];
}

/** Outcome of parsing one symbol string. */
export type SymbolParseResult = { ok: true; symbol: DocumentSymbolRef } | { ok: false; reason: string };

/** One symbol-shaped text found by scanning. */
export interface SymbolMatch {
	/** Range of the symbol text itself (inside brackets or emphasis when wrapped). */
	start: number;
	end: number;
	/** text[start, end) as written, including any line break it was wrapped across. */
	raw: string;
	/** Present when well-formed. */
	symbol?: DocumentSymbolRef;
	/** Present when shaped like a symbol but breaking the grammar: a message naming what is wrong. */
	malformed?: string;
}

/** Plain-language explanation of one part of a symbol. */
export interface SymbolPartExplanation {
	symbol: string;
	organ: string;
	body?: string;
	/** "seventy-fifth session" or "2020". */
	sessionOrYear?: string;
	number?: string;
	/** Human descriptions: "resolution", "provisional verbatim record", "addendum 1", "revision 1"… */
	components: string[];
	url: string;
}

/** Plain-language explanation of a symbol: one entry per part and a one-sentence summary. */
export interface SymbolExplanation {
	parts: SymbolPartExplanation[];
	summary: string;
}
