/**
 * Reads the text of a UN document symbol at a position: the series, the "/"-separated components, a
 * parenthesised year, session or volume, and further parts of a joint symbol. It only finds the extent
 * and the pieces; symbolGrammar.ts judges whether they form a valid symbol.
 */
import { SERIES_ORGANS } from './seriesNames';
import { partLooksNumbered } from './symbolGrammar';

/** The pieces of one part as written, before validation. */
export interface RawSymbolPart {
	series: string;
	/** Components after the series, without separators or white space; "" for an empty one ("A//75"). */
	components: string[];
	/** Content of a trailing parenthesis that belongs to the symbol: "1993", "XXX", "Vol. I". */
	paren?: string;
	/** True when the part ends with "/" and no component follows it ("A/75/"). */
	trailingSlash: boolean;
	/** True when the next part of a joint symbol follows with nothing between (PDF text ran "A/62/667" and "S/2008/55" together). */
	glued?: boolean;
	start: number;
	end: number;
}

/** A symbol-shaped run of text: one part or the parts of a joint symbol. */
export interface RawSymbolCandidate {
	start: number;
	end: number;
	parts: RawSymbolPart[];
}

/** The known series; each is one to five capital letters. */
const SERIES: ReadonlySet<string> = new Set(SERIES_ORGANS.keys());
const LONGEST_SERIES = Math.max(...[...SERIES].map((series) => series.length));

/** What may not stand right before a series that starts a token: a letter, digit, mark, "/", "." or "\\". */
const NOT_BEFORE_SERIES = /[\p{L}\p{N}\p{M}/.\\]$/u;

function isCapital(code: number): boolean {
	return code >= 65 && code <= 90;
}

/**
 * Where a series that starts a token ends at the "/" at `slash`: the start of the capitals before it when they are a
 * known series ("A", "CEDAW") and {@link NOT_BEFORE_SERIES} does not match right before them; -1 otherwise. A series
 * followed by "/" starts nowhere else: inside a run of capitals it would follow a letter.
 */
export function tokenSeriesBefore(text: string, slash: number): number {
	let start = slash;
	while (start > 0 && slash - start <= LONGEST_SERIES && isCapital(text.charCodeAt(start - 1))) {
		start--;
	}
	if (start === slash || slash - start > LONGEST_SERIES || !SERIES.has(text.slice(start, slash))) {
		return -1;
	}
	return start > 0 && followsTokenCharacter(text, start) ? -1 : start;
}

/** Whether {@link NOT_BEFORE_SERIES} matches the code point before `index` (ASCII answered without a slice). */
function followsTokenCharacter(text: string, index: number): boolean {
	const code = text.charCodeAt(index - 1);
	if (code >= 128) {
		return NOT_BEFORE_SERIES.test(text.slice(Math.max(0, index - 2), index));
	}
	return (code >= 48 && code <= 57) || isCapital(code) || (code >= 97 && code <= 122) || code === 47 || code === 46 || code === 92;
}

const PAREN_AT = /[ \u00a0]?\\?\(([^()\\\r\n]{1,16})\\?\)/y;
const JOINT_SEPARATOR_AT = /[ \t\u00a0]*(?:(?:\\?-|–|—)[ \t\u00a0]*(?:(?:\r\n|\n|\r)[ \t\u00a0]*)?|(?<=[ \t\u00a0]))/y;

/** Letters, digits and "." make up a component. */
function isComponentChar(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46;
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/** The series at `pos` when a known series followed by "/" starts there. */
function seriesAt(text: string, pos: number): string | undefined {
	let end = pos;
	// Reads stay inside the text: a `charCodeAt` past the end would throw the optimized reader away once per thread.
	while (end < text.length && end - pos <= LONGEST_SERIES && isCapital(text.charCodeAt(end))) {
		end++;
	}
	if (end >= text.length || text.charCodeAt(end) !== 47 /* / */ || end === pos) {
		return undefined;
	}
	const series = text.slice(pos, end);
	return SERIES.has(series) ? series : undefined;
}

/**
 * When a single line break (with optional spaces around it) follows `pos` and the next line goes on with a
 * component that carries a digit ("495", "L.1") or is followed by "/" ("C.3/", "RES/"), where that component starts.
 * A next line that starts with an ordinary word ("The …") does not continue the symbol.
 */
function afterLineWrap(text: string, pos: number): number | undefined {
	let p = pos;
	while (p < text.length && (text[p] === ' ' || text[p] === '\t')) {
		p++;
	}
	if (text[p] === '\r' && text[p + 1] === '\n') {
		p += 2;
	} else if (text[p] === '\n' || text[p] === '\r') {
		p++;
	} else if (p === pos + 1 && text[pos] === ' ') {
		return afterCollapsedWrap(text, p);
	} else {
		return undefined;
	}
	while (p < text.length && (text[p] === ' ' || text[p] === '\t')) {
		p++;
	}
	if (p >= text.length || !isComponentChar(text.charCodeAt(p)) || text[p] === '.') {
		return undefined;
	}
	const componentEnd = readComponent(text, p);
	return /\d/.test(text.slice(p, componentEnd)) || text[componentEnd] === '/' ? p : undefined;
}

/**
 * A symbol wrapped after "/" in a text whose line breaks became single spaces ("A/75/ PV.14" for "A/75/" and "PV.14"
 * on two lines): where the next component starts, when it is a document number (digits, or a kind and its number).
 */
function afterCollapsedWrap(text: string, p: number): number | undefined {
	const componentEnd = readComponent(text, p);
	return /^(?:\d+|[A-Z]{1,5}\.\d+)$/.test(text.slice(p, componentEnd)) && !/[\p{L}\p{N}]/u.test(text[componentEnd] ?? '') ? p : undefined;
}

/** Reads one component at `pos`: letters, digits and dots; "ES-10" and "S-27" (special sessions) keep their hyphen. */
function readComponent(text: string, pos: number): number {
	let q = pos;
	while (q < text.length && isComponentChar(text.charCodeAt(q))) {
		q++;
	}
	const word = text.slice(pos, q);
	if ((word === 'ES' || word === 'S') && text[q] === '-' && isDigit(text.charCodeAt(q + 1))) {
		q++;
		while (q < text.length && isDigit(text.charCodeAt(q))) {
			q++;
		}
	}
	return q;
}

/** Whether a parenthesis content belongs to the symbol: a year or Roman session of a resolution, or a volume/part. */
function parenBelongsToSymbol(content: string, components: readonly string[]): boolean {
	const trimmed = content.trim();
	if (/^(?:Vol|Part)\.?\s?(?:[IVXLC]+|\d{1,3})$/i.test(trimmed)) {
		return true;
	}
	const isResolution = components.some((c) => c.toUpperCase() === 'RES');
	return isResolution && (/^(?:19|20)\d\d$/.test(trimmed) || /^[IVXLC]+$/.test(trimmed) || /^ES-\d+$/.test(trimmed));
}

/** Reads one part starting with its series at `pos`; undefined when no series followed by "/" starts there. */
export function readSymbolPart(text: string, pos: number): RawSymbolPart | undefined {
	const series = seriesAt(text, pos);
	if (series === undefined) {
		return undefined;
	}
	const components: string[] = [];
	let trailingSlash = false;
	let glued = false;
	let q = pos + series.length + 1;
	for (;;) {
		const componentEnd = readComponent(text, q);
		let componentTextEnd = componentEnd;
		while (componentTextEnd > q && text.charCodeAt(componentTextEnd - 1) === 46 /* . */) {
			componentTextEnd--;
		}
		const component = text.slice(q, componentTextEnd);
		const gluedNumber = components.length > 0 ? gluedPartNumber(text, q, component, series) : undefined;
		if (gluedNumber !== undefined) {
			components.push(gluedNumber);
			q += gluedNumber.length;
			glued = true;
			break;
		}
		if (component === '') {
			if (q < text.length && text.charCodeAt(q) === 47 /* / */) {
				components.push('');
				q++;
				continue;
			}
			const wrapped = afterLineWrap(text, q);
			if (wrapped !== undefined) {
				q = wrapped;
				continue;
			}
			trailingSlash = true;
			break;
		}
		components.push(component);
		q += component.length;
		if (q !== componentEnd || q >= text.length || text.charCodeAt(q) !== 47 /* / */) {
			break;
		}
		q++;
	}
	let paren: string | undefined;
	if (!trailingSlash && !glued) {
		PAREN_AT.lastIndex = q;
		const match = PAREN_AT.exec(text);
		if (match && parenBelongsToSymbol(match[1], components)) {
			paren = match[1].trim();
			q = PAREN_AT.lastIndex;
		}
	}
	return { series, components, paren, trailingSlash, glued, start: pos, end: q };
}

/**
 * The document number of a component that runs into the next part of a joint symbol (`667S/2008/55` in
 * "A/62/667S/2008/55", as PDF text gives a masthead): the digits, when another series followed by "/" comes right
 * after them. Undefined otherwise.
 */
function gluedPartNumber(text: string, position: number, component: string, series: string): string | undefined {
	let digitsEnd = 0;
	while (digitsEnd < component.length && isDigit(component.charCodeAt(digitsEnd))) {
		digitsEnd++;
	}
	if (digitsEnd === 0 || digitsEnd === component.length || !isCapital(component.charCodeAt(digitsEnd))) {
		return undefined;
	}
	const digits = component.slice(0, digitsEnd);
	const next = seriesAt(text, position + digits.length);
	return next !== undefined && next !== series ? digits : undefined;
}

/** Where the next part of a joint symbol starts after `pos` ("-", "–", "—", "\-" or spaces, then a series), and whether a dash joined it. */
function nextJointPartStart(text: string, pos: number): { start: number; dashed: boolean } | undefined {
	JOINT_SEPARATOR_AT.lastIndex = pos;
	const match = JOINT_SEPARATOR_AT.exec(text);
	if (!match || match[0] === '') {
		return undefined;
	}
	const start = JOINT_SEPARATOR_AT.lastIndex;
	return seriesAt(text, start) === undefined ? undefined : { start, dashed: /[-–—]/.test(match[0]) };
}

/**
 * Parts joined by spaces alone are only the usual GA + SC pair of a letter ("A/75/495 S/2020/981"): anything else
 * separated by a space is a list of separate symbols.
 */
function spaceJoinable(previous: RawSymbolPart, next: RawSymbolPart): boolean {
	return previous.series === 'A' && next.series === 'S' && /^\d+$/.test(previous.components[0] ?? '') && /^\d+$/.test(next.components[0] ?? '');
}

/**
 * Reads a symbol-shaped run at `pos` (where a series starts): one part, or several parts of different series
 * joined by a dash or spaces. Undefined when nothing symbol-like starts there or the run carries no number
 * ("A/B", "S/he" and "A/C.3" are not symbols).
 */
export function readSymbolCandidate(text: string, pos: number): RawSymbolCandidate | undefined {
	const first = readSymbolPart(text, pos);
	if (!first || !partLooksNumbered(first.components, first.trailingSlash)) {
		return undefined;
	}
	const parts = [first];
	let end = first.end;
	for (;;) {
		const separator = parts[parts.length - 1].glued ? { start: end, dashed: true } : nextJointPartStart(text, end);
		if (separator === undefined) {
			break;
		}
		const next = readSymbolPart(text, separator.start);
		const previous = parts[parts.length - 1];
		if (!next || parts.some((p) => p.series === next.series) || !partLooksNumbered(next.components, next.trailingSlash)
			|| (!separator.dashed && !spaceJoinable(previous, next))) {
			break;
		}
		parts.push(next);
		end = next.end;
	}
	return { start: pos, end, parts };
}
