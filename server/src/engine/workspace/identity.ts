import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import { parseDocumentSymbol } from '../symbols/documentSymbols';
import type { PlacedRange } from '../text/placedRange';
import type { LetterSummary, SummaryReference } from './letterSummary';

/** Where a letter's identity (its document symbol) comes from, in SPEC order of precedence. */
export type IdentitySource = 'masthead' | 'sidecar' | 'file-name' | 'inferred';

/** The document symbol a workspace letter is taken to be, and why. */
export interface LetterIdentity {
	readonly symbol: DocumentSymbolRef;
	readonly source: IdentitySource;
	/**
	 * For an inferred identity: the citation or letter reference (in another letter) whose symbol and date point at this
	 * letter. `by` says which date it matched: the distribution date (`A/75/660-S/2020/1267 (22 December 2020)`) or the
	 * title date with the sender (`the letter dated 29 July 1993 from the Permanent Representative of Lebanon (A/47/994-S/26196)`).
	 */
	readonly inferredFrom?: { readonly uri: string; readonly range: PlacedRange; readonly date: string; readonly by: 'distribution-date' | 'title-date-and-sender' };
}

/**
 * Reads a symbol spelled in a file name: `A_75_356-S_2020_947.txt`, `A-75-356.txt`, `S_2020_1104.md`. Underscores
 * stand for slashes; without underscores, hyphens separate components and a series prefix starts a new part.
 */
export function symbolFromFileName(fileName: string): DocumentSymbolRef | undefined {
	const stem = fileName.replace(/\.(?:txt|md|markdown)$/i, '').replace(/\.annotations$/i, '');
	const candidates: string[] = [];
	if (stem.includes('_')) {
		candidates.push(stem.replace(/_/g, '/'));
	} else if (stem.includes('-')) {
		const tokens = stem.split('-');
		const parts: string[][] = [];
		for (const token of tokens) {
			if (/^(?:A|S|E|ST|CCPR|CERD|CEDAW|CRC|CAT|CRPD|CMW|CED|DP|UNEP|TD)$/.test(token) || parts.length === 0) {
				parts.push([token]);
			} else {
				parts[parts.length - 1].push(token);
			}
		}
		candidates.push(parts.map((part) => part.join('/')).join('-'));
	}
	for (const candidate of candidates) {
		const parsed = parseDocumentSymbol(candidate);
		if (parsed.ok) {
			return parsed.symbol;
		}
	}
	return undefined;
}

/** The identity a letter carries itself (masthead, sidecar, file name), before any inference from other letters. */
export function directIdentity(letter: LetterSummary, sidecarSymbol: string | undefined, fileName: string): LetterIdentity | undefined {
	if (!letter.isLetter) {
		return undefined;
	}
	if (letter.masthead) {
		return { symbol: letter.masthead.symbol, source: 'masthead' };
	}
	if (sidecarSymbol) {
		const parsed = parseDocumentSymbol(sidecarSymbol);
		if (parsed.ok) {
			return { symbol: parsed.symbol, source: 'sidecar' };
		}
	}
	const fromName = symbolFromFileName(fileName);
	return fromName && { symbol: fromName, source: 'file-name' };
}

/** What inference reads of a letter's header: its first GA session, its first SC year, and whether it names either. */
export type HeaderFacts = Pick<LetterSummary, 'headerSession' | 'headerYear' | 'datedHeader'>;

/**
 * True when a letter's header can hold a document with this symbol: every part that carries a GA session or an SC year
 * must match the letter's `General Assembly … session` / `Security Council … year`, and at least one part must be checked.
 */
export function headerConsistentWithSymbol(header: HeaderFacts, symbol: DocumentSymbolRef): boolean {
	let checked = 0;
	for (const part of symbol.parts) {
		if (part.series === 'A' && part.session !== undefined && part.bodies.length === 0) {
			if (header.headerSession === undefined || header.headerSession !== part.session) {
				return false;
			}
			checked++;
		} else if (part.series === 'S' && part.year !== undefined) {
			if (header.headerYear === undefined || 1945 + header.headerYear !== part.year) {
				return false;
			}
			checked++;
		}
	}
	return checked > 0;
}

/**
 * True when a letter's header allows a document with this symbol: consistent with it ({@link headerConsistentWithSymbol}),
 * or naming no GA session and no SC year at all (a letter copied without its masthead).
 */
export function headerAllowsSymbol(header: HeaderFacts, symbol: DocumentSymbolRef): boolean {
	return header.datedHeader ? headerConsistentWithSymbol(header, symbol) : true;
}

/** A State's name for comparison: case, spacing, a leading "the" and a leading "Republic of" do not matter ("the Republic of Azerbaijan" is Azerbaijan). */
export function stateKey(name: string): string {
	return name.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^(?:the )?(?:republic of )?(?:the )?/, '');
}

/** True when two senders name the same State or office (`Lebanon`, `the Republic of Azerbaijan` = `Azerbaijan`). */
export function sameSender(a: string | null | undefined, b: string | null | undefined): boolean {
	return a !== undefined && a !== null && b !== undefined && b !== null && stateKey(a) === stateKey(b);
}

/** The sender of the letter a reference names: the writer's own State for `my letter dated …`, else the State after `from`. */
export function referencedSender(citer: LetterSummary, reference: Pick<SummaryReference, 'own' | 'senderCountry' | 'senderText'>): string | undefined {
	if (reference.own) {
		return citer.facts.sender ?? undefined;
	}
	return reference.senderCountry ?? reference.senderText;
}
