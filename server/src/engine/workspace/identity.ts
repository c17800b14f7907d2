import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import { parseDocumentSymbol } from '../symbols/documentSymbols';
import type { Letter } from '../letter/model';
import type { OffsetRange } from '../text/offsetRange';

/** Where a letter's identity (its document symbol) comes from, in SPEC order of precedence. */
export type IdentitySource = 'masthead' | 'sidecar' | 'file-name' | 'inferred';

/** The document symbol a workspace letter is taken to be, and why. */
export interface LetterIdentity {
	readonly symbol: DocumentSymbolRef;
	readonly source: IdentitySource;
	/** For an inferred identity: the citation (in another letter) whose symbol and date point at this letter. */
	readonly inferredFrom?: { readonly uri: string; readonly range: OffsetRange; readonly date: string };
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
export function directIdentity(letter: Letter, sidecarSymbol: string | undefined, fileName: string): LetterIdentity | undefined {
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

/**
 * True when a letter's header can hold a document with this symbol: every part that carries a GA session or an SC year
 * must match the letter's `General Assembly … session` / `Security Council … year`, and at least one part must be checked.
 */
export function headerConsistentWithSymbol(letter: Letter, symbol: DocumentSymbolRef): boolean {
	let checked = 0;
	for (const part of symbol.parts) {
		if (part.series === 'A' && part.session !== undefined && part.bodies.length === 0) {
			const session = letter.organs.find((organ) => organ.organ === 'General Assembly' && organ.unit === 'session');
			if (!session || session.ordinal !== part.session) {
				return false;
			}
			checked++;
		} else if (part.series === 'S' && part.year !== undefined) {
			const year = letter.organs.find((organ) => organ.organ === 'Security Council' && organ.unit === 'year');
			if (!year || 1945 + year.ordinal !== part.year) {
				return false;
			}
			checked++;
		}
	}
	return checked > 0;
}
