/**
 * Completion: document symbols known in the workspace after a series prefix (`A/`, `S/2020/`), with the letters'
 * titles; inside the closing request, the agenda item numbers of the header.
 */
import { formatItemList } from '../diagnostics/headerRules';
import type { TextPosition } from '../text/lineIndex';
import type { IndexedLetter, LetterIndex } from '../workspace/letterIndex';
import type { CancellationSignal, ReadLetter, TextRange } from './context';
import { NEVER_CANCELLED, oneLine, readLetter, titleOf, toOffset, toTextRange } from './context';

/** The kind of a completion item; the host maps it to its own kinds. */
export type CompletionKind = 'symbol' | 'agenda-item';

/** One completion proposal. */
export interface LetterCompletion {
	readonly label: string;
	readonly kind: CompletionKind;
	readonly detail?: string;
	readonly documentation?: string;
	/** The text that replaces `range`. */
	readonly insertText: string;
	readonly range: TextRange;
	/** Orders the list: letters of the workspace first, then symbols only cited. */
	readonly sortText: string;
}

/** Completion proposals, and whether more would match a longer prefix (the list was capped). */
export interface LetterCompletionList {
	readonly isIncomplete: boolean;
	readonly items: readonly LetterCompletion[];
}

/** At most this many symbol proposals are returned at once. */
export const MAX_SYMBOL_COMPLETIONS = 200;

const SYMBOL_PREFIX = /(?<![\p{L}\p{N}/])((?:A|S|E|ST|CCPR|CERD|CEDAW|CRC|CAT|CRPD|CMW|CED|DP|UNEP|TD)\/[A-Za-z0-9./]*)$/u;
const AGENDA_LIST_BEFORE = /agenda\s+items?\s+(?:[\d]+(?:\s*,\s*|\s+and\s+))*\d*$/i;

function symbolCompletions(index: LetterIndex, self: IndexedLetter, prefix: string, range: TextRange, token: CancellationSignal): LetterCompletionList {
	const proposals = new Map<string, LetterCompletion>();
	const wanted = prefix.toUpperCase();
	let isIncomplete = false;
	const offer = (text: string, completion: Omit<LetterCompletion, 'label' | 'insertText' | 'range'>) => {
		if (!text.toUpperCase().startsWith(wanted) || proposals.has(text)) {
			return;
		}
		if (proposals.size >= MAX_SYMBOL_COMPLETIONS) {
			isIncomplete = true;
			return;
		}
		proposals.set(text, { label: text, insertText: text, range, ...completion });
	};
	for (const entry of index.letters()) {
		if (token.isCancellationRequested) {
			return { isIncomplete: true, items: [] };
		}
		const identity = entry.uri === self.uri ? undefined : index.identity(entry.uri);
		if (identity) {
			const title = titleOf(entry);
			const detail = title ?? entry.fileName;
			offer(identity.symbol.text, { kind: 'symbol', detail, documentation: `${entry.fileName}${identity.source === 'inferred' ? ' (identity inferred)' : ''}`, sortText: `0${identity.symbol.text}` });
			for (const part of identity.symbol.parts) {
				offer(part.text, { kind: 'symbol', detail, documentation: `Part of ${identity.symbol.text} (${entry.fileName})`, sortText: `1${part.text}` });
			}
		}
	}
	for (const entry of index.letters()) {
		if (token.isCancellationRequested) {
			return { isIncomplete: true, items: [] };
		}
		for (const citation of entry.uri === self.uri ? [] : entry.summary.citations) {
			offer(citation.symbol.text, { kind: 'symbol', detail: `Cited in ${entry.fileName}`, sortText: `2${citation.symbol.text}` });
		}
	}
	return { isIncomplete, items: [...proposals.values()] };
}

function agendaCompletions(self: ReadLetter, offset: number): LetterCompletionList {
	const items = self.letter.agenda?.items ?? [];
	if (items.length === 0) {
		return { isIncomplete: false, items: [] };
	}
	const range = toTextRange(self.letter, { start: offset, end: offset });
	const all = formatItemList(items.map((item) => item.number));
	const proposals: LetterCompletion[] = items.map((item, i) => ({
		label: String(item.number),
		kind: 'agenda-item',
		detail: item.title ? oneLine(item.title.text) : 'Agenda item of the header',
		insertText: String(item.number),
		range,
		sortText: `1${String(i).padStart(3, '0')}`,
	}));
	if (items.length > 1) {
		proposals.unshift({ label: all, kind: 'agenda-item', detail: 'Every agenda item of the header', insertText: all, range, sortText: '0' });
	}
	return { isIncomplete: false, items: proposals };
}

/** The completions at a position of a workspace letter. */
export function provideCompletions(index: LetterIndex, uri: string, position: TextPosition, token: CancellationSignal = NEVER_CANCELLED): LetterCompletionList {
	const self = readLetter(index, uri);
	if (!self?.letter.detection.isLetter) {
		return { isIncomplete: false, items: [] };
	}
	const letter = self.letter;
	const offset = toOffset(letter, position);
	const lineStart = offset - position.character;
	const before = letter.text.slice(Math.max(0, lineStart), offset);
	const symbolPrefix = SYMBOL_PREFIX.exec(before);
	if (symbolPrefix) {
		const prefix = symbolPrefix[1];
		return symbolCompletions(index, self.entry, prefix, toTextRange(letter, { start: offset - prefix.length, end: offset }), token);
	}
	const paragraphBefore = letter.text.slice(Math.max(0, offset - 200), offset).replace(/\s+/g, ' ');
	if (offset >= letter.headerEnd && AGENDA_LIST_BEFORE.test(paragraphBefore)) {
		return agendaCompletions(self, offset);
	}
	return { isIncomplete: false, items: [] };
}
