/**
 * What the workspace index derives from a letter — its identity, the symbols and dates it cites, the letters it refers
 * to, the header facts inference reads — as one comparable value: two parses of a letter with the same signature
 * index the same way, so a fresh parse of an edited letter with an unchanged signature can replace the held one
 * without rebuilding any lookup table or cached identity (see `LetterIndex.update`).
 */
import type { CalendarDate } from '../calendar/dates';
import { toIsoDate } from '../calendar/dates';
import { factsOf } from '../letter/letterFacts';
import type { Letter } from '../letter/model';

/** The signature of a letter as the index reads it (with the identity its sidecar gives it). */
export function indexSignature(letter: Letter, sidecarSymbol: string | undefined): string {
	const iso = (date: CalendarDate | undefined) => (date ? toIsoDate(date) : '');
	return JSON.stringify([
		letter.detection.isLetter,
		letter.masthead?.symbol.text ?? '',
		iso(letter.distribution?.date?.date),
		letter.organs.map((organ) => [organ.organ, organ.unit, organ.ordinal]),
		iso(letter.title?.date?.date),
		letter.title?.sender?.country ?? '',
		factsOf(letter).sender ?? '',
		letter.citations.map((citation) => [citation.symbol.text, iso(citation.date?.date)]),
		letter.letterReferences.map((reference) => [reference.unCorrespondence, iso(reference.date?.date), reference.nearbySymbol?.text ?? '', reference.sender?.text ?? '', reference.own]),
		sidecarSymbol ?? '',
	]);
}
