/** Document symbols (the outline): header with its agenda items, title, footnotes, annexes, signature. */
import type { Letter } from '../letter/model';
import type { OffsetRange } from '../text/offsetRange';
import type { TextRange } from './context';
import { oneLine, toTextRange } from './context';

/** The kind of an outline entry; the host maps it to its own symbol kinds. */
export type OutlineKind = 'header' | 'masthead' | 'session' | 'agenda' | 'agenda-item' | 'title' | 'footnotes' | 'footnote' | 'annex' | 'signature' | 'closing-request' | 'note-verbale-part';

/** One entry of the outline. */
export interface OutlineEntry {
	readonly name: string;
	readonly detail?: string;
	readonly kind: OutlineKind;
	readonly range: TextRange;
	readonly selectionRange: TextRange;
	readonly children: readonly OutlineEntry[];
}

function entry(letter: Letter, kind: OutlineKind, name: string, range: OffsetRange, children: OutlineEntry[] = [], detail?: string, selection: OffsetRange = range): OutlineEntry {
	return { name: name === '' ? kind : name, kind, detail, range: toTextRange(letter, range), selectionRange: toTextRange(letter, selection), children };
}

function truncate(text: string, length = 80): string {
	const single = oneLine(text);
	return single.length > length ? `${single.slice(0, length - 1)}…` : single;
}

function headerEntry(letter: Letter): OutlineEntry | undefined {
	const children: OutlineEntry[] = [];
	if (letter.masthead) {
		children.push(entry(letter, 'masthead', letter.masthead.symbol.text, letter.masthead.range));
	}
	for (const organ of letter.organs) {
		children.push(entry(letter, 'session', truncate(letter.text.slice(organ.range.start, organ.range.end)), organ.range));
	}
	const agenda = letter.agenda;
	if (agenda) {
		const items = agenda.items.map((item) => entry(letter, 'agenda-item', `Item ${item.number}`, item.range, [], item.title && truncate(item.title.text)));
		const end = Math.max(agenda.range.end, ...agenda.titles.map((title) => title.range.end));
		children.push(entry(letter, 'agenda', truncate(letter.text.slice(agenda.range.start, agenda.range.end)), { start: agenda.range.start, end }, items, undefined, agenda.range));
	}
	if (children.length === 0) {
		return undefined;
	}
	const ends = [letter.headerEnd, letter.masthead?.range.end ?? 0, ...letter.organs.map((organ) => organ.range.end), ...(agenda ? [agenda.range.end, ...agenda.titles.map((title) => title.range.end)] : [])];
	return entry(letter, 'header', 'Header', { start: 0, end: Math.max(...ends) }, children, letter.distribution?.date?.raw);
}

/** The parts of a note verbale: sender mission, reference, addressee, place and date. */
function noteVerbaleEntries(letter: Letter): OutlineEntry[] {
	const parts = letter.noteVerbale;
	if (!parts) {
		return [];
	}
	const entries: OutlineEntry[] = [];
	if (parts.senderMission) {
		entries.push(entry(letter, 'note-verbale-part', 'Sender', parts.senderMission.range, [], truncate(parts.senderMission.text, 60)));
	}
	if (parts.reference) {
		entries.push(entry(letter, 'note-verbale-part', `Ref: ${parts.reference.text}`, parts.reference.range));
	}
	if (parts.addressee) {
		entries.push(entry(letter, 'note-verbale-part', 'Addressee', parts.addressee.range, [], truncate(parts.addressee.text, 60)));
	}
	if (parts.placeAndDate) {
		entries.push(entry(letter, 'note-verbale-part', truncate(letter.text.slice(parts.placeAndDate.range.start, parts.placeAndDate.range.end)), parts.placeAndDate.range));
	}
	return entries.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The outline of a letter; empty for a non-letter. */
export function provideDocumentOutline(letter: Letter | undefined): OutlineEntry[] {
	if (!letter?.detection.isLetter) {
		return [];
	}
	const outline: OutlineEntry[] = [];
	const header = headerEntry(letter);
	if (header) {
		outline.push(header);
	}
	outline.push(...noteVerbaleEntries(letter));
	if (letter.title) {
		outline.push(entry(letter, 'title', truncate(letter.text.slice(letter.title.range.start, letter.title.range.end)), letter.title.range, [], letter.title.date?.raw));
	}
	if (letter.closingRequest) {
		outline.push(entry(letter, 'closing-request', 'Closing request', letter.closingRequest.range, [], truncate(letter.text.slice(letter.closingRequest.range.start, letter.closingRequest.range.end), 60)));
	}
	if (letter.signature) {
		outline.push(entry(letter, 'signature', letter.signature.name ? `Signed: ${letter.signature.name}` : 'Signature', letter.signature.range));
	}
	const mainFootnotes = letter.footnotes.filter((note) => !letter.annexes.some((annex) => note.range.start >= annex.range.start && note.range.start < annex.range.end));
	if (mainFootnotes.length > 0) {
		const notes = mainFootnotes.map((note) => entry(letter, 'footnote', `Footnote ${note.label}`, note.range, [], truncate(note.text, 60), note.labelRange));
		outline.push(entry(letter, 'footnotes', 'Footnotes', { start: mainFootnotes[0].range.start, end: mainFootnotes[mainFootnotes.length - 1].range.end }, notes));
	}
	for (const annex of letter.annexes) {
		const notes = letter.footnotes
			.filter((note) => note.range.start >= annex.range.start && note.range.start < annex.range.end)
			.map((note) => entry(letter, 'footnote', `Footnote ${note.label}`, note.range, [], truncate(note.text, 60), note.labelRange));
		outline.push(entry(letter, 'annex', annex.label === '' ? 'Annex' : `Annex ${annex.label}`, annex.range, notes, truncate(letter.text.slice(annex.headingRange.start, annex.headingRange.end), 60), annex.headingRange));
	}
	return outline;
}
