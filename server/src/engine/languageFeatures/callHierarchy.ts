/**
 * Call hierarchy over letters (LSP `textDocument/prepareCallHierarchy`): a letter's incoming calls are the workspace
 * letters that cite it or refer to it, its outgoing calls the workspace letters it cites or refers to. Every LSP editor
 * gets cites / cited-by this way, without a custom view.
 */
import { catalogueRecord, letterName } from '../workspace/catalogue';
import type { IndexedLetter, LetterIndex } from '../workspace/letterIndex';
import type { LinkKind } from '../workspace/letterLinks';
import { incomingLinks, outgoingLinks } from '../workspace/letterLinks';
import type { CancellationSignal, TextRange } from './context';
import { landingRange, NEVER_CANCELLED } from './context';
import { textRangeOf } from '../text/placedRange';

/** A letter as a call hierarchy item: named as people name it, the file name as detail. */
export interface LetterHierarchyItem {
	readonly name: string;
	readonly detail: string;
	readonly uri: string;
	/** The whole letter. */
	readonly range: TextRange;
	/** Where to land: the masthead, else the title. */
	readonly selectionRange: TextRange;
}

/** A letter linked to the item, with the ranges of the citations or references making the link. */
export interface LetterHierarchyCall {
	readonly letter: LetterHierarchyItem;
	readonly kind: LinkKind;
	/** For an incoming call, ranges in the citing letter; for an outgoing call, ranges in the item's own letter. */
	readonly fromRanges: readonly TextRange[];
}

function itemOf(index: LetterIndex, entry: IndexedLetter): LetterHierarchyItem {
	const record = catalogueRecord(index, entry.uri);
	return {
		name: record ? letterName(record) : entry.fileName,
		detail: entry.fileName,
		uri: entry.uri,
		range: { start: { line: 0, character: 0 }, end: entry.summary.end },
		selectionRange: textRangeOf(landingRange(entry)),
	};
}

/** The item for the letter open at `uri` (wherever the cursor is: the whole letter is the unit); none for a non-letter. */
export function prepareCallHierarchy(index: LetterIndex, uri: string): LetterHierarchyItem[] {
	const entry = index.get(uri);
	return entry?.summary.isLetter ? [itemOf(index, entry)] : [];
}

/** The letters citing or referring to the item's letter, in URI order. */
export function provideIncomingCalls(index: LetterIndex, uri: string, token: CancellationSignal = NEVER_CANCELLED): LetterHierarchyCall[] {
	const calls: LetterHierarchyCall[] = [];
	for (const link of incomingLinks(index, uri)) {
		const from = index.get(link.from);
		if (token.isCancellationRequested) {
			return [];
		}
		if (from) {
			calls.push({ letter: itemOf(index, from), kind: link.kind, fromRanges: link.ranges.map(textRangeOf) });
		}
	}
	return calls;
}

/** The workspace letters the item's letter cites or refers to, in URI order. */
export function provideOutgoingCalls(index: LetterIndex, uri: string, token: CancellationSignal = NEVER_CANCELLED): LetterHierarchyCall[] {
	const self = index.get(uri);
	if (!self) {
		return [];
	}
	const calls: LetterHierarchyCall[] = [];
	for (const link of outgoingLinks(index, uri)) {
		const to = index.get(link.to);
		if (token.isCancellationRequested) {
			return [];
		}
		if (to) {
			calls.push({ letter: itemOf(index, to), kind: link.kind, fromRanges: link.ranges.map(textRangeOf) });
		}
	}
	return calls;
}
