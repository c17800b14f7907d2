/**
 * UN document symbols: parsing one symbol, finding every symbol-shaped text in a letter (well formed or
 * not), the undocs.org link of a part, and a plain-language explanation.
 */
import { numberToOrdinal } from '../sessions/ordinals';
import { bodyName, SPECIAL_KINDS, SUFFIX_KINDS } from './seriesNames';
import { judgeCandidate, judgedCandidate } from './symbolGrammar';
import { readSymbolCandidate, tokenSeriesBefore } from './symbolReader';
import type { DocumentSymbolRef, SymbolExplanation, SymbolMatch, SymbolParseResult, SymbolPart, SymbolPartExplanation } from './symbolTypes';
import { scanWindow } from './scanWindow';
import { insideZones } from './urlZones';

export type { DocumentSymbolRef, SpecialKind, SuffixKind, SymbolExplanation, SymbolMatch, SymbolParseResult, SymbolPart, SymbolPartExplanation } from './symbolTypes';

/**
 * Finds every symbol-shaped text in text[start, end) (defaults: the whole text), well formed or malformed, in
 * order. Joint symbols ("A/75/495-S/2020/981", with a hyphen, an en dash, "\-" or spaces) are one match;
 * a symbol wrapped after "/" or a dash across a line break is one match spanning the break. Nothing inside
 * web addresses or Markdown link targets is reported; trailing punctuation is never part of a symbol.
 */
export function scanDocumentSymbols(text: string, start?: number, end?: number): SymbolMatch[] {
	if (typeof text !== 'string') {
		return [];
	}
	const { from, text: bounded, zones } = scanWindow(text, start, end);
	const matches: SymbolMatch[] = [];
	// Every symbol starts with a series right before a "/": the slashes are found with indexOf and the series read back
	// from each. `next` is where the scan goes on, as a scan for series would: after a symbol, or after a series that
	// starts none (inside a web address, or "A/B" with no number).
	let next = from;
	for (let slash = bounded.indexOf('/', from); slash >= 0; slash = bounded.indexOf('/', Math.max(slash + 1, next))) {
		const seriesStart = tokenSeriesBefore(bounded, slash);
		if (seriesStart < next) {
			continue;
		}
		next = slash;
		if (insideZones(zones, seriesStart)) {
			continue;
		}
		const candidate = readSymbolCandidate(bounded, seriesStart);
		if (!candidate) {
			continue;
		}
		const raw = bounded.slice(candidate.start, candidate.end);
		const verdict = judgedCandidate(candidate, raw);
		// Each match is written out whole, as the OCR reader writes its own: an object given its last field after its
		// creation has another hidden class than a literal of the same fields, and code met with a third class deopts.
		matches.push('symbol' in verdict
			? { start: candidate.start, end: candidate.end, raw, symbol: verdict.symbol }
			: { start: candidate.start, end: candidate.end, raw, malformed: verdict.malformed });
		next = candidate.end;
	}
	return matches;
}

/** Removes Markdown escapes and surrounding white space and emphasis from a symbol given on its own. */
function unwrapSymbolString(raw: string): string {
	return raw
		.replace(/\\([-–—()[\]*_.\\])/g, '$1')
		.trim()
		.replace(/^[[(*_`“"']+/, '')
		.replace(/[\]*_`]+$/, '')
		.trim();
}

/**
 * Parses one symbol string: one part or a joint symbol whose parts are separated by "-", "–", "—" or spaces;
 * tolerant of Markdown escapes ("\-", "\(1993\)") and of a final full stop.
 */
export function parseDocumentSymbol(raw: string): SymbolParseResult {
	if (typeof raw !== 'string') {
		return { ok: false, reason: 'no symbol was given' };
	}
	const text = unwrapSymbolString(raw);
	if (text === '') {
		return { ok: false, reason: 'no symbol was given' };
	}
	const candidate = readSymbolCandidate(text, 0);
	if (!candidate) {
		return { ok: false, reason: `“${text}” does not start with a UN document series such as A/, S/ or E/ followed by a number` };
	}
	const rest = text.slice(candidate.end).replace(/^[.,;:)”’"']+$/, '');
	if (rest.trim() !== '') {
		return { ok: false, reason: `“${text}” has unexpected text after the symbol: “${rest.trim()}”` };
	}
	const verdict = judgeCandidate(candidate);
	return 'symbol' in verdict ? { ok: true, symbol: verdict.symbol } : { ok: false, reason: verdict.malformed };
}

/**
 * The resolver link of one part: https://undocs.org/<part>; resolutions carry their year without a space
 * (https://undocs.org/S/RES/822(1993)). A string is parsed first and used as written (spaces removed) when it is
 * not a single well-formed part.
 */
export function undocsUrl(part: SymbolPart | string): string {
	let text: string;
	if (typeof part === 'string') {
		const parsed = parseDocumentSymbol(part);
		text = parsed.ok && parsed.symbol.parts.length === 1 ? parsed.symbol.parts[0].text : unwrapSymbolString(part).replace(/\s+/g, '');
	} else {
		text = part.text;
	}
	return `https://undocs.org/${encodeURI(text)}`;
}

/** "seventy-fifth session" or "2020" for a part, when it carries either. */
function sessionOrYearOf(part: SymbolPart): string | undefined {
	if (part.session !== undefined) {
		return `${numberToOrdinal(part.session)} session`;
	}
	return part.year === undefined ? undefined : String(part.year);
}

/** "resolution", "resolution 1" (Res.1), "provisional verbatim record of meeting 12", "limited distribution (draft) L.1". */
function describeSpecial(special: NonNullable<SymbolPart['special']>): string {
	const kind = special.kind.toUpperCase();
	const name = SPECIAL_KINDS.get(kind) ?? special.kind;
	if (special.value === undefined) {
		return name;
	}
	if (kind === 'PV' || kind === 'SR') {
		return `${name} of meeting ${special.value}`;
	}
	return kind === 'RES' || kind === 'DEC' ? `${name} ${special.value}` : `${name} ${special.kind}.${special.value}`;
}

/** Human descriptions of a part's kind and suffixes: "resolution", "draft L.1", "addendum 1". */
function componentsOf(part: SymbolPart): string[] {
	const components: string[] = [];
	if (part.special) {
		components.push(describeSpecial(part.special));
	}
	for (const suffix of part.suffixes) {
		const name = SUFFIX_KINDS.get(suffix.kind) ?? suffix.kind;
		components.push(suffix.number === undefined ? name : `${name} ${suffix.number}`);
	}
	return components;
}

/** Explains one part: organ, body, session or year, number, components and link. */
function explainPart(part: SymbolPart): SymbolPartExplanation {
	const explanation: SymbolPartExplanation = { symbol: part.text, organ: part.organ, components: componentsOf(part), url: undocsUrl(part) };
	if (part.bodies.length > 0) {
		explanation.body = part.bodies.map((body) => bodyName(body, part.series)).join(', ');
	}
	const sessionOrYear = sessionOrYearOf(part);
	if (sessionOrYear !== undefined) {
		explanation.sessionOrYear = sessionOrYear;
	}
	if (part.number !== undefined) {
		explanation.number = part.number;
	}
	return explanation;
}

/** One sentence for a part: "General Assembly, Third Committee, seventy-fifth session, document L.1 (revision 1)". */
function describePart(explanation: SymbolPartExplanation): string {
	const pieces = [explanation.organ];
	if (explanation.body !== undefined) {
		pieces.push(explanation.body);
	}
	if (explanation.sessionOrYear !== undefined) {
		pieces.push(explanation.sessionOrYear);
	}
	let text = pieces.join(', ');
	if (explanation.number !== undefined) {
		text += `, document ${explanation.number}`;
	}
	return explanation.components.length > 0 ? `${text} (${explanation.components.join(', ')})` : text;
}

/** A plain-language explanation of a symbol: organ, body, session or year, number, components, suffixes; one entry per part. */
export function explainDocumentSymbol(symbol: DocumentSymbolRef): SymbolExplanation {
	const parts = symbol.parts.map(explainPart);
	const described = parts.map(describePart);
	const summary = parts.length > 1
		? `Joint symbol of one document issued under ${parts.length} series: ${described.join('; ')}.`
		: `${described[0] ?? symbol.text}.`;
	return { parts, summary };
}
