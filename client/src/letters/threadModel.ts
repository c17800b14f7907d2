/**
 * The Thread and Exchanges views as data: how a link between two letters reads, and the exchanges between two
 * senders as a timeline of letters, each with what it answers. Pure: no `vscode` import.
 */
import type { ExchangeLink, LetterLinkKind, LetterReference } from '../../../server/src/protocol';

/** Which way a link runs from the letter a view is about: `out` (it answers/cites the other), `in` (the other answers/cites it). */
export type LinkDirection = 'out' | 'in';

const OUTGOING: Readonly<Record<LetterLinkKind, string>> = { 'further-to': 'further to', 'refers-to': 'in reply to', cites: 'cites' };
const INCOMING: Readonly<Record<LetterLinkKind, string>> = { 'further-to': 'further to this', 'refers-to': 'in reply to this', cites: 'cites this' };

/**
 * How a link reads next to the other letter: going out, `further to` (the writer's own earlier letter), `in reply to`
 * (another sender's letter named by its date), `cites` (its symbol); coming in, the same with `this`.
 */
export function linkLabel(kind: LetterLinkKind, direction: LinkDirection): string {
	return direction === 'out' ? OUTGOING[kind] : INCOMING[kind];
}

/** What a link means, in a sentence (tooltips). */
export function linkExplanation(kind: LetterLinkKind): string {
	switch (kind) {
		case 'further-to':
			return 'The writer refers to an earlier letter of their own ("further to my letter dated …").';
		case 'refers-to':
			return 'The writer refers to a letter of another sender by its date ("the letter dated … from the Permanent Representative of …").';
		case 'cites':
			return 'The letter cites the other one by its document symbol.';
	}
}

/** A letter of a timeline with the letters it answers or cites (of the other sender). */
export interface TimelineEntry {
	readonly letter: LetterReference;
	readonly links: readonly { readonly letter: LetterReference; readonly kind: LetterLinkKind }[];
}

/**
 * The exchanges between two senders as a timeline: one entry per letter that answers or cites a letter of the other,
 * in date order (the server's order), each with the letters it points at.
 */
export function exchangeTimeline(links: readonly ExchangeLink[]): TimelineEntry[] {
	const entries = new Map<string, { letter: LetterReference; links: { letter: LetterReference; kind: LetterLinkKind }[] }>();
	for (const link of links) {
		const entry = entries.get(link.from.uri);
		if (entry) {
			entry.links.push({ letter: link.to, kind: link.kind });
		} else {
			entries.set(link.from.uri, { letter: link.from, links: [{ letter: link.to, kind: link.kind }] });
		}
	}
	return [...entries.values()];
}
