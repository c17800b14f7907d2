/**
 * Document symbols (the outline and the breadcrumbs): header with its organs and agenda items, title, footnotes,
 * annexes, signature. Names are plain text (Markdown markup masked); footnotes are grouped by runs of consecutive
 * footnote texts, so that body text between two pages' footnotes belongs to no footnote group.
 */
import type { FootnoteText, Letter } from '../letter/model';
import { maskMarkup } from '../letter/textLayout';
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

/** One line of plain text: Markdown markup masked (`**Security Council**`, `[A/75/1](#)`), white space collapsed, cut at `length`. */
function truncate(text: string, length = 80): string {
	const single = oneLine(maskMarkup(text));
	return single.length > length ? `${single.slice(0, length - 1)}…` : single;
}

function headerEntry(letter: Letter): OutlineEntry | undefined {
	const children: OutlineEntry[] = [];
	if (letter.masthead) {
		children.push(entry(letter, 'masthead', letter.masthead.symbol.text, letter.masthead.range));
	}
	for (const organ of letter.organs) {
		children.push(entry(letter, 'session', `${organ.organ}, ${truncate(letter.text.slice(organ.ordinalRange.start, organ.ordinalRange.end))}`, organ.range));
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

/**
 * Footnote texts in runs: consecutive ones with no body paragraph between them (the footnotes at the foot of one
 * page). A group spanning two pages' footnotes would cover the body text between them.
 */
function footnoteRuns(letter: Letter, notes: readonly FootnoteText[]): FootnoteText[][] {
	const runs: FootnoteText[][] = [];
	const isFootnote = (start: number) => notes.some((note) => start >= note.range.start && start < note.range.end);
	for (const note of notes) {
		const run = runs[runs.length - 1];
		const previous = run?.[run.length - 1];
		const bodyBetween = previous !== undefined && letter.paragraphs.some((paragraph) => paragraph.start >= previous.range.end && paragraph.end <= note.range.start && !isFootnote(paragraph.start) && letter.text.slice(paragraph.start, paragraph.end).trim() !== '');
		if (run === undefined || bodyBetween) {
			runs.push([note]);
		} else {
			run.push(note);
		}
	}
	return runs;
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
	for (const run of footnoteRuns(letter, mainFootnotes)) {
		const notes = run.map((note) => entry(letter, 'footnote', `Footnote ${note.label}`, note.range, [], truncate(note.text, 60), note.labelRange));
		const first = run[0];
		const last = run[run.length - 1];
		outline.push(run.length === 1 ? notes[0] : entry(letter, 'footnotes', 'Footnotes', { start: first.range.start, end: last.range.end }, notes, `${first.label}–${last.label}`));
	}
	for (const annex of letter.annexes) {
		const notes = letter.footnotes
			.filter((note) => note.range.start >= annex.range.start && note.range.start < annex.range.end)
			.map((note) => entry(letter, 'footnote', `Footnote ${note.label}`, note.range, [], truncate(note.text, 60), note.labelRange));
		outline.push(entry(letter, 'annex', annex.label === '' ? 'Annex' : `Annex ${annex.label}`, annex.range, notes, truncate(letter.text.slice(annex.headingRange.start, annex.headingRange.end), 60), annex.headingRange));
	}
	return outline;
}
