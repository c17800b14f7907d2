/**
 * "Set Document Symbol": whether a symbol typed by the user can become a letter's identity (`document.symbol` in its
 * sidecar). The symbol grammar decides what a symbol is; the workspace says which letter the masthead already names,
 * and which other letters claim the same symbol. The host writes the sidecar only after this check passes.
 */
import { parseDocumentSymbol } from '../symbols/documentSymbols';
import type { LetterIndex } from '../workspace/letterIndex';
import type { LetterRef } from './letterViews';
import { provideLetterRef } from './letterViews';

/** Kinds of document that are never a letter (a resolution, a record of a meeting, a presidential statement). */
const NOT_LETTERS: Readonly<Record<string, string>> = { RES: 'a resolution', PV: 'a verbatim record', SR: 'a summary record', PRST: 'a presidential statement' };

/** The outcome of checking a symbol for a letter: the normalised symbol and the other letters claiming it, or why not. */
export type LetterSymbolCheck =
	| { readonly ok: true; readonly symbol: string; readonly alsoClaimedBy: readonly LetterRef[] }
	| { readonly ok: false; readonly message: string };

/** Checks a symbol as typed, without a workspace: the grammar and the kind of document. */
export function checkSymbolText(raw: string): { readonly ok: true; readonly symbol: string } | { readonly ok: false; readonly message: string } {
	const parsed = parseDocumentSymbol(raw);
	if (!parsed.ok) {
		return { ok: false, message: `Not a document symbol: ${parsed.reason}. Type it as printed on the document, for example A/75/660-S/2020/1267.` };
	}
	const notLetter = parsed.symbol.parts.map((part) => part.special && NOT_LETTERS[part.special.kind]).find((kind) => kind !== undefined);
	if (notLetter !== undefined) {
		return { ok: false, message: `${parsed.symbol.text} is the symbol of ${notLetter}, not of a letter.` };
	}
	return { ok: true, symbol: parsed.symbol.text };
}

/**
 * Checks a symbol for the workspace letter at `uri`: a letter whose masthead prints its symbol keeps that one (the
 * masthead comes first in the identity order); other letters claiming the symbol are listed (both are then reported).
 */
export function checkLetterSymbol(index: LetterIndex, uri: string, raw: string): LetterSymbolCheck {
	const entry = index.get(uri);
	if (!entry?.summary.isLetter) {
		return { ok: false, message: `${entry?.fileName ?? 'This file'} is not a letter: only letters have a document symbol.` };
	}
	const masthead = entry.summary.masthead?.symbol.text;
	if (masthead !== undefined) {
		return { ok: false, message: `${entry.fileName} prints its symbol ${masthead} in its masthead, which comes before a stored one; edit the masthead to change it.` };
	}
	const checked = checkSymbolText(raw);
	if (!checked.ok) {
		return checked;
	}
	const symbol = parseDocumentSymbol(checked.symbol);
	const others = symbol.ok ? index.resolve(symbol.symbol).filter((other) => other.uri !== uri && index.identity(other.uri)?.source !== 'inferred') : [];
	return { ok: true, symbol: checked.symbol, alsoClaimedBy: others.flatMap((other) => provideLetterRef(index, other.uri) ?? []) };
}
