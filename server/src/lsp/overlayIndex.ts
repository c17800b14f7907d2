/**
 * The workspace index as the server uses it: an open letter that is being edited is re-parsed on every version, but
 * the index's lookup tables (and its cached identities) are rebuilt only when an edit changes what they are made of —
 * the letter's symbol, dates, organs, title date and sender, citations and their dates. Otherwise the fresh parse is
 * laid over the indexed entry, so that every lookup returns the current ranges while the caches stay warm.
 */
import { toIsoDate } from '../engine/calendar/dates';
import type { Letter } from '../engine/letter/model';
import type { DocumentSymbolRef } from '../engine/symbols/documentSymbols';
import type { CalendarDate } from '../engine/calendar/dates';
import type { CitingLetter, IndexedLetter } from '../engine/workspace/letterIndex';
import { LetterIndex } from '../engine/workspace/letterIndex';

/** What the index derives from a letter: two parses with the same signature index the same way. */
export function indexSignature(letter: Letter, sidecarSymbol: string | undefined): string {
	const iso = (date: CalendarDate | undefined) => (date ? toIsoDate(date) : '');
	return JSON.stringify([
		letter.detection.isLetter,
		letter.masthead?.symbol.text ?? '',
		iso(letter.distribution?.date?.date),
		letter.organs.map((organ) => [organ.organ, organ.unit, organ.ordinal]),
		iso(letter.title?.date?.date),
		letter.title?.sender?.country ?? '',
		letter.citations.map((citation) => [citation.symbol.text, iso(citation.date?.date)]),
		sidecarSymbol ?? '',
	]);
}

/** A {@link LetterIndex} whose entries can be overlaid by fresh parses with the same {@link indexSignature}. */
export class OverlayLetterIndex extends LetterIndex {
	private readonly overlay = new Map<string, IndexedLetter>();

	/**
	 * Indexes a fresh parse of a file: laid over the held entry when it indexes the same way (returns false), else
	 * indexed anew (returns true: the index changed).
	 */
	update(uri: string, letter: Letter, sidecarSymbol: string | undefined): boolean {
		const held = super.get(uri);
		if (held && held.sidecarSymbol === sidecarSymbol && indexSignature(held.letter, sidecarSymbol) === indexSignature(letter, sidecarSymbol)) {
			this.overlay.set(uri, { ...held, letter });
			this.agendaTitles.set(uri, held.fileName, letter);
			return false;
		}
		this.setParsed(uri, letter, { sidecarSymbol });
		return true;
	}

	override delete(uri: string): boolean {
		this.overlay.delete(uri);
		return super.delete(uri);
	}

	override get(uri: string): IndexedLetter | undefined {
		return this.overlay.get(uri) ?? super.get(uri);
	}

	override all(): IndexedLetter[] {
		return this.overlay.size === 0 ? super.all() : super.all().map((entry) => this.fresh(entry));
	}

	override resolve(symbol: DocumentSymbolRef): IndexedLetter[] {
		return super.resolve(symbol).map((entry) => this.fresh(entry));
	}

	override lettersWrittenOn(date: CalendarDate): IndexedLetter[] {
		return super.lettersWrittenOn(date).map((entry) => this.fresh(entry));
	}

	override citing(symbol: DocumentSymbolRef): CitingLetter[] {
		const texts = new Set(symbol.parts.map((part) => part.text));
		return super.citing(symbol).map((citer) => {
			const fresh = this.overlay.get(citer.uri);
			return fresh ? { uri: citer.uri, citations: fresh.letter.citations.filter((citation) => citation.symbol.parts.some((part) => texts.has(part.text))) } : citer;
		});
	}

	private fresh(entry: IndexedLetter): IndexedLetter {
		return this.overlay.get(entry.uri) ?? entry;
	}
}
