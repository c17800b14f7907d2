/**
 * Judges the pieces read by symbolReader.ts against the grammar of UN document symbols and builds the
 * normalised SymbolPart values, or a message naming what is wrong.
 */
import { romanToNumber } from '../sessions/ordinals';
import { SECRETARIAT_ISSUANCES, SERIES_ORGANS, SPECIAL_KINDS } from './seriesNames';
import type { RawSymbolCandidate, RawSymbolPart } from './symbolReader';
import type { DocumentSymbolRef, SymbolPart } from './symbolTypes';

type ComponentKind = 'number' | 'suffix' | 'valueSpecial' | 'special' | 'body' | 'invalid';

const SUFFIX = /^(Add|Corr|Rev|Amend|Summary)\.(\d+)$/i;
const VALUE_SPECIAL = /^(L|PV|SR|CRP|WP|INF|NGO|MISC|RES|DEC)\.(\d+)$/i;
const SPECIAL = /^(RES|DEC|PRST|INF|PV|SR|CRP|WP|NGO|MISC)$/i;
const BODY = /^[A-Z][A-Za-z]*(?:[.-](?:\d+|[IVXL]+))*$/;

/** What a component is: a number, a suffix (Add.1), a document kind (RES, L.1), a body (C.3, HRC) or nothing valid. */
function classifyComponent(component: string): ComponentKind {
	if (/^\d+$/.test(component)) {
		return 'number';
	}
	if (SUFFIX.test(component)) {
		return 'suffix';
	}
	if (VALUE_SPECIAL.test(component)) {
		return 'valueSpecial';
	}
	if (SPECIAL.test(component)) {
		return 'special';
	}
	return BODY.test(component) ? 'body' : 'invalid';
}

/**
 * Whether a part carries a number, which is what makes text symbol-shaped: "A/75/", "S/20x0/5", "A/PV.12" do;
 * "A/B" and a bare body reference such as "A/C.3" do not.
 */
export function partLooksNumbered(components: readonly string[], trailingSlash: boolean): boolean {
	const hasDigit = components.some((c) => /\d/.test(c));
	if (trailingSlash || components.includes('')) {
		return hasDigit;
	}
	return components.some((c) => /\d/.test(c) && classifyComponent(c) !== 'body');
}

/** Canonical spelling of a kind word: "add" → "Add", "res" → "RES", "misc" → "MISC". */
function canonicalKind(word: string): string {
	const upper = word.toUpperCase();
	if (SPECIAL_KINDS.has(upper)) {
		return upper;
	}
	return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** The normalised text of a raw part: no spaces, parenthesis attached ("S/RES/822(1993)"). */
export function rawPartText(raw: RawSymbolPart): string {
	const paren = raw.paren === undefined ? '' : `(${raw.paren.replace(/\s+/g, '')})`;
	return `${raw.series}/${raw.components.join('/')}${raw.trailingSlash && raw.components.length > 0 ? '/' : ''}${paren}`;
}

/** Builds the SymbolPart of a raw part, or returns the problem ("ends without a document number"…) without the symbol's name. */
function buildPart(raw: RawSymbolPart): SymbolPart | { problem: string } {
	if (raw.components.includes('')) {
		return { problem: 'has an empty component (“//”)' };
	}
	if (raw.trailingSlash) {
		return { problem: 'ends without a document number' };
	}
	const kinds = raw.components.map(classifyComponent);
	const invalidIndex = kinds.indexOf('invalid');
	if (invalidIndex >= 0) {
		return { problem: `has “${raw.components[invalidIndex]}”, which is neither a number, a body (such as C.3) nor a suffix (such as Add.1)` };
	}
	let coreLength = raw.components.length;
	while (coreLength > 0 && kinds[coreLength - 1] === 'suffix') {
		coreLength--;
	}
	const misplacedSuffix = kinds.slice(0, coreLength).indexOf('suffix');
	if (misplacedSuffix >= 0) {
		return { problem: `has “${raw.components[misplacedSuffix]}” before its document number` };
	}
	const lastKind = coreLength > 0 ? kinds[coreLength - 1] : undefined;
	if (lastKind !== 'number' && lastKind !== 'valueSpecial') {
		const last = raw.components[raw.components.length - 1];
		if (/^(?:Add|Corr|Rev|Amend)$/i.test(last)) {
			return { problem: `ends with the suffix “${last}” without its number (such as ${canonicalKind(last)}.1)` };
		}
		return { problem: 'ends without a document number' };
	}
	const numberText = raw.components[coreLength - 1];
	const part: SymbolPart = {
		text: rawPartText(raw),
		series: raw.series,
		organ: SERIES_ORGANS.get(raw.series) ?? raw.series,
		bodies: [],
		number: numberText,
		suffixes: [],
	};
	if (lastKind === 'valueSpecial') {
		const [, kind, value] = VALUE_SPECIAL.exec(numberText) ?? [];
		part.special = { kind: canonicalKind(kind), value };
	}
	for (let i = 0; i < coreLength - 1; i++) {
		const component = raw.components[i];
		if (kinds[i] === 'special' || kinds[i] === 'valueSpecial') {
			part.special ??= { kind: canonicalKind(component.replace(/\..*$/, '')) };
		} else if (kinds[i] === 'body') {
			if (i === 0 && raw.series === 'ST' && SECRETARIAT_ISSUANCES.has(component)) {
				part.series = `ST/${component}`;
			} else {
				part.bodies.push(component);
			}
		}
	}
	assignSessionOrYear(part, raw, kinds, coreLength);
	for (let i = coreLength; i < raw.components.length; i++) {
		const [, kind, value] = SUFFIX.exec(raw.components[i]) ?? [];
		part.suffixes.push({ kind: canonicalKind(kind), number: value });
	}
	const volume = raw.paren === undefined ? undefined : /^(Vol|Part)\.?\s?(\S+)$/i.exec(raw.paren);
	if (volume) {
		part.suffixes.push({ kind: canonicalKind(volume[1]), number: volume[2] });
	}
	return part;
}

/** The session or year: the number before the document number (75 in A/75/495, 2020 in S/2020/981), or the parenthesis. */
function assignSessionOrYear(part: SymbolPart, raw: RawSymbolPart, kinds: readonly ComponentKind[], coreLength: number): void {
	for (let i = coreLength - 2; i >= 0; i--) {
		if (kinds[i] === 'body' && /-\d+$/.test(raw.components[i])) {
			break;
		}
		if (kinds[i] !== 'number') {
			continue;
		}
		const value = Number(raw.components[i]);
		if (raw.components[i].length === 4 && value >= 1946 && value <= 2199) {
			part.year = value;
		} else if (raw.components[i].length <= 3 && value > 0) {
			part.session = value;
		}
		break;
	}
	const paren = raw.paren ?? '';
	if (/^\d{4}$/.test(paren)) {
		part.year = Number(paren);
	} else if (/^[IVXLC]+$/.test(paren)) {
		part.session = romanToNumber(paren);
	}
}

/** "first", "second"… for naming a part of a joint symbol. */
function partPosition(index: number): string {
	return ['first', 'second', 'third', 'fourth'][index] ?? `${index + 1}th`;
}

/** Judges a candidate: the symbol when every part is well formed, otherwise a message naming what is wrong. */
export function judgeCandidate(candidate: RawSymbolCandidate): { symbol: DocumentSymbolRef } | { malformed: string } {
	const texts = candidate.parts.map(rawPartText);
	const whole = texts.join('-');
	const built = candidate.parts.map(buildPart);
	const parts: SymbolPart[] = [];
	for (let i = 0; i < built.length; i++) {
		const result = built[i];
		if ('problem' in result) {
			const name = built.length === 1 ? `the symbol “${whole}”` : `the ${partPosition(i)} part “${texts[i]}” of the symbol “${whole}”`;
			return { malformed: `${name} ${result.problem}` };
		}
		parts.push(result);
	}
	const yearless = jointPartMissingNumber(parts);
	if (yearless !== undefined) {
		return {
			malformed: `the part “${yearless.text}” of the symbol “${whole}” ends without a document number: Security Council documents since 1994 read S/<year>/<number>`,
		};
	}
	return { symbol: { text: parts.map((p) => p.text).join('-'), parts } };
}

/** The verdicts given so far, by the candidate's text as written: letters cite the same symbols again and again. */
const verdicts = new Map<string, ReturnType<typeof judgeCandidate>>();
/** The most verdicts kept; the table starts again when it is full (a corpus cites a few thousand distinct symbols). */
const MAX_VERDICTS = 8192;

/**
 * {@link judgeCandidate} of a candidate whose text as written is `raw` (`text.slice(candidate.start, candidate.end)`),
 * given once for each distinct text: the verdict (and its symbol object) is shared by every match of the same symbol,
 * in this letter and in others, and callers treat it as read-only, as every symbol is. The text decides the verdict:
 * the reader takes a candidate's pieces from its own characters only (each component runs to a character that ends
 * it, a wrap or a joint is taken only with the component after it, a parenthesis only whole), so two candidates
 * written alike have the same pieces.
 */
export function judgedCandidate(candidate: RawSymbolCandidate, raw: string): ReturnType<typeof judgeCandidate> {
	let verdict = verdicts.get(raw);
	if (verdict === undefined) {
		if (verdicts.size >= MAX_VERDICTS) {
			verdicts.clear();
		}
		verdict = judgeCandidate(candidate);
		// A copy of the text as the key: a slice of the letter's text would keep the whole letter alive.
		verdicts.set(`${raw} `.slice(0, -1), verdict);
	}
	return verdict;
}

/**
 * In a joint symbol whose GA part dates from 1994 or later (session 49+), an SC part "S/2020" is a year that lost
 * its document number (SC symbols carry the year since 1994), not an old-style number.
 */
function jointPartMissingNumber(parts: readonly SymbolPart[]): SymbolPart | undefined {
	if (parts.length < 2 || !parts.some((p) => p.series === 'A' && p.session !== undefined && p.session >= 49)) {
		return undefined;
	}
	return parts.find((p) => p.series === 'S' && p.year === undefined && p.special === undefined && p.bodies.length === 0
		&& p.number !== undefined && /^\d{4}$/.test(p.number) && Number(p.number) >= 1994 && Number(p.number) <= 2199);
}
