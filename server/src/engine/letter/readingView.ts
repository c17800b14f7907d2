/**
 * The reading stage: before structure is read, recover the lines and paragraphs of a letter from its content, not
 * only from its line breaks and blank lines. A text whose line breaks were lost (a whole document on one line, as
 * PDF-to-text sites give it), a two-column header (`General Assembly    Security Council`), a title, annex heading or
 * footnote followed directly by text: each is cut where a UN document starts a line.
 *
 * The result is a *view* of the text of the same length: Markdown markup is blanked (see {@link maskMarkup}) and the
 * white space at each recovered line break is replaced by `\n`. Offsets in the view are offsets in the text, so every
 * range the parser reads from the view indexes the file's text exactly; no mapping is needed.
 */
import type { SymbolMatch } from '../symbols/documentSymbols';
import { ANNEX_HEADING } from './bodyParts';
import { AGENDA_LINE } from './agenda';
import { findPlainFootnoteLabels, scanInlineMarkers } from './footnotes';
import type { Line } from './textLayout';
import { maskMarkup, splitLines } from './textLayout';
import type { TitleExtent } from './titleLine';
import { findFirstTitle, titleExtent } from './titleLine';
import { addFurnitureBreaks } from './furnitureBreaks';

/** The letter as the reading stage recovered it. */
export interface ReadingView {
	/** The text with markup blanked and recovered line breaks: same length and offsets as the text. */
	readonly view: string;
	/** The lines of the view: the text's lines, cut where the reading stage found more. */
	readonly lines: readonly Line[];
	/** Starts of lines that begin a paragraph although no blank line comes before them. */
	readonly blockStarts: ReadonlySet<number>;
	/** Starts of lines that go on with the paragraph before them although a blank line comes between (a title printed line by line). */
	readonly joins: ReadonlySet<number>;
	/** Starts of lines that are footnote texts labelled by a plain number (`1 See A/75/100.`), with the label. */
	readonly plainFootnoteLabels: ReadonlyMap<number, string>;
	/** The title line, when the text has one. */
	readonly title?: TitleExtent;
	/** Every inline footnote marker of the text (superscript runs, `<sup>`, `^{…}`), scanned once for the footnote readers. */
	readonly inlineMarkers: readonly RegExpMatchArray[];
}

/** How far into the text the title is looked for (a long header lists many agenda titles). */
const TITLE_SEARCH_LIMIT = 8192;
/** Without a title, how much of the text is taken for the header. */
const HEADER_WITHOUT_TITLE = 1500;
/** A text whose lines are this long on average, or that has a line this long, lost its line breaks. */
const COLLAPSED_AVERAGE_LINE = 400;
const COLLAPSED_LINE = 3000;
/** A header line shorter than this cannot hold two parts of the header run together. */
const SHORTEST_RUN_TOGETHER = 24;
/** A header line this long lost its line breaks: it is cut at every header marker. */
const COLLAPSED_HEADER_LINE = 300;

/**
 * Words that start a line in a UN document header. Each alternative starts with a literal, so that the scan does not
 * try every position; an organ or `United Nations` after `the`/`of`/`and` belongs to an agenda title (`Report of the
 * Security Council`) and does not start a line (checked after the match, see {@link IN_A_TITLE_BEFORE}).
 */
const HEADER_MARKERS = /\b(?:United\s+Nations\b|General\s+Assembly\b|Security\s+Council\b|Economic\s+and\s+Social\s+Council\b|GENERAL\s+ASSEMBLY\b|SECURITY\s+COUNCIL\b|ECONOMIC\s+AND\s+SOCIAL\s+COUNCIL\b|Distr\.|(?:Original|ORIGINAL)\s*:|(?:English|French|Spanish|Russian|Arabic|Chinese)(?=\s+(?:Original|ORIGINAL)\s*:)|Agenda\s+items?\s+\d|Items?\s+\d{1,3}\b(?=[^\n]{0,80}?\bof\s+the\s+(?:provisional\s+agenda|preliminary\s+list)))/g;
/** The words before an organ's name inside an agenda title (`… of the Security Council`). */
const IN_A_TITLE_BEFORE = /\b(?:the|of|and|to|on|with)\s+$/i;

/** A column gap in the text: three or more spaces, a tab or a table cell border between two words of a header line. */
const COLUMN_GAP = /(?<=\S)(?: {3,}|[ ]*\t[ \t]*|[ \t]+\|[ \t]+)(?=\S)/g;

/**
 * Marks that start a line in the body of a letter whose line breaks were lost, each found by its own scan that starts
 * with a literal or a short class (so that no scan tries every position of the text): `(Signed)`, a superscript
 * footnote label followed by its text, a footnote separator rule, an annex heading. What must stand before a mark is
 * checked after the match.
 */
const SIGNED = /\(\s*Signed\s*\)/y;
const SEPARATOR = /_{5,}/g;
const ANNEX_MARK = /(?:Annex|ANNEX)(?:(?:\s+(?:[IVXLC]+|\d{1,2}))?\s+to\s+the\s+(?:letter|note\s+verbale|identical\s+letters)\b|\s+(?:[IVXLC]+|\d{1,2})(?=\s+[\p{Lu}“"]))|ANNEX(?=\s)/uy;
/** What must stand before an annex heading in running text: a sentence end, a capitalised word (a signature) or furniture. */
const BEFORE_ANNEX = /(?:[.!?)”"’]|[\p{Lu}][\p{Ll}]+|[\d*])\s+$/u;
/**
 * A bare `Annex` heading run on after the signature block (`(Signed) … Acting Chairman … concerning counter-terrorism
 * Annex Work programme of …`): `Annex` as a heading writes it, unnumbered (a numbered heading is {@link ANNEX_MARK}'s),
 * followed by a capitalised word (its title), within
 * {@link SIGNATURE_BLOCK_LENGTH} characters after the first `(Signed)`, and not after a word that makes it prose
 * (`see Annex`, `the Annex`, `in Annex`, `to this Annex`).
 */
const SIGNATURE_ANNEX = /Annex(?!\s+(?:[IVXLC]+|\d{1,2})\b)(?=\s+[\p{Lu}“"])/uy;
/** How far after `(Signed)` a bare `Annex` may stand: the signatory's name and post, however long the post. */
const SIGNATURE_BLOCK_LENGTH = 400;
/** Words before `Annex` that make it a word of a sentence, not a heading. */
const ANNEX_IN_PROSE_BEFORE = /(?:^|[^\p{L}])(?:the|see|in|to|an?|attached|enclosed|its|this|that|and|or|of|with|under|as|per|from|by|herewith|hereto|following|said|present|former|new)\s+$/iu;
/** An asterisk footnote label before a symbol (`* A/51/50.`), looked for in the text because the view blanks `*`. */
const ASTERISK_LABEL = /\*[ \t]+(?=[A-Z]{1,4}\/)/g;

/** Line starts that begin a paragraph of their own. */
const BLOCK_START_LINE = /^[ \t]*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+[ \t]|<sup>\s*\d{1,3}\s*<\/sup>|\^\{\d{1,3}\}|\^\d{1,3}[ \t]|\(\s*Signed\s*\)|_{5,})/;
const ASTERISK_LINE = /^[ \t]*\\?\*[ \t]+[A-Z]{1,4}\//;
/** A line ending a sentence, and a line that opens a paragraph (not a symbol, `Ibid.` or a continuation in lower case): a footnote text followed directly by the body. */
const SENTENCE_END = /[.!?][)”"’]?\s*$/;
const OPENS_PARAGRAPH = /^[ \t]*(?![A-Z]{1,6}\/|Ibid\b|Idem\b|See\b|Available\b|https?:)[A-Z“"‘]/;

/**
 * Reads a text into lines and paragraph starts (see the module comment). `symbols` are the document symbols of the
 * text, used to tell running headers among page furniture; `inlineMarkers` its inline footnote markers
 * (`scanInlineMarkers`, which it defaults to). Never throws.
 */
export function readText(text: string, symbols: readonly SymbolMatch[], inlineMarkers: readonly RegExpMatchArray[] = scanInlineMarkers(text)): ReadingView {
	const masked = maskMarkup(text);
	const title = findFirstTitle(masked, TITLE_SEARCH_LIMIT);
	const headerEnd = title?.start ?? estimateHeaderEnd(masked);
	const breaks: number[] = [];
	const physical = splitLines(masked);
	const markers = headerMarkers(masked, headerEnd);
	let next = 0;
	for (const line of physical) {
		if (line.start >= headerEnd) {
			break;
		}
		const end = Math.min(line.end, headerEnd);
		const onLine: RegExpMatchArray[] = [];
		while (next < markers.length && (markers[next].index ?? 0) < end) {
			if ((markers[next].index ?? 0) >= line.start) {
				onLine.push(markers[next]);
			}
			next++;
		}
		addHeaderBreaks(text, masked, line, end, onLine, symbols, breaks);
	}
	if (title) {
		breaks.push(title.start - 1);
		if (title.end !== undefined) {
			breaks.push(title.end, title.end + 1);
		}
	}
	if (isCollapsed(text, physical)) {
		addBodyBreaks(text, masked, headerEnd, inlineMarkers, breaks);
	} else if (masked.includes('_____')) {
		addRuleBreaks(masked, headerEnd, breaks);
	}
	addFurnitureBreaks(text, symbols, breaks);
	const { view, lines } = applyBreaks(masked, physical, breaks);
	const plainFootnoteLabels = findPlainFootnoteLabels(text, lines, title?.end ?? headerEnd, inlineMarkers);
	const blockStarts = findBlockStarts(text, view, lines, title, plainFootnoteLabels);
	return { view, lines, blockStarts, joins: findJoins(view, lines, [title].concat(annexHeadingExtents(view, lines, blockStarts))), plainFootnoteLabels, title, inlineMarkers };
}

/** Without a title: the header ends where the prose of a note verbale or a letter begins. */
function estimateHeaderEnd(masked: string): number {
	const prose = /presents\s+(?:its|his|her)\s+compliments|\bI\s+have\s+the\s+honou?r\b/i.exec(masked.slice(0, TITLE_SEARCH_LIMIT));
	return prose ? Math.max(0, masked.lastIndexOf('\n', prose.index) + 1) : Math.min(masked.length, HEADER_WITHOUT_TITLE);
}

/**
 * Breaks in a header line: at column gaps, and, when the line holds several parts of the header run together (or is
 * very long), before each header marker, around each symbol and after the agenda line.
 */
/** The header markers of text[0, headerEnd), in order, without the organs named inside an agenda title. */
function headerMarkers(masked: string, headerEnd: number): RegExpMatchArray[] {
	const head = masked.slice(0, headerEnd);
	return [...head.matchAll(HEADER_MARKERS)].filter((match) => !ORGAN_OR_UN.test(match[0]) || !IN_A_TITLE_BEFORE.test(head.slice(Math.max(0, (match.index ?? 0) - 6), match.index)));
}

/** The markers that name an organ or the Organization (the ones an agenda title may hold). */
const ORGAN_OR_UN = /^(?:United|General|Security|Economic|UNITED|GENERAL|SECURITY|ECONOMIC)\b/;

function addHeaderBreaks(text: string, masked: string, line: Line, end: number, markers: readonly RegExpMatchArray[], symbols: readonly SymbolMatch[], breaks: number[]): void {
	if (end - line.start < 3) {
		return;
	}
	const raw = text.slice(line.start, end);
	if (raw.includes('   ') || raw.includes('\t') || raw.includes(' | ')) {
		for (const gap of raw.matchAll(COLUMN_GAP)) {
			breaks.push(line.start + gap.index);
		}
	}
	if (end - line.start < SHORTEST_RUN_TOGETHER || markers.length === 0) {
		return;
	}
	const kinds = new Set(markers.map((match) => markerKind(match[0])));
	if (kinds.size < 2 && end - line.start < COLLAPSED_HEADER_LINE) {
		return;
	}
	const segment = masked.slice(line.start, end);
	for (const match of markers) {
		breaks.push((match.index ?? 0) - 1);
	}
	for (const symbol of symbols) {
		if (symbol.start >= line.start && symbol.end <= end) {
			breaks.push(symbol.start - 1, symbol.end);
		}
	}
	const agenda = new RegExp(AGENDA_LINE.source, AGENDA_LINE.flags);
	for (const match of segment.matchAll(agenda)) {
		if (match[1] === undefined || match[3] !== undefined) {
			breaks.push(line.start + match.index + match[0].trimEnd().length);
		}
	}
}

/** The kind of a header marker: organ names are one kind, so that `General Assembly Security Council` is one line. */
function markerKind(marker: string): string {
	return /^(?:General|Security|Economic)/i.test(marker) ? 'organ' : marker.slice(0, 4).toLowerCase();
}

/** Breaks before and after footnote rules (`______* The unannotated list …` starts its footnote on the rule's line). */
function addRuleBreaks(masked: string, from: number, breaks: number[]): void {
	const rule = new RegExp(SEPARATOR.source, SEPARATOR.flags);
	rule.lastIndex = from;
	for (let match = rule.exec(masked); match; match = rule.exec(masked)) {
		breaks.push(match.index - 1, match.index + match[0].length);
	}
}

/**
 * True when a text lost its line breaks: its lines are very long on average, or one of them is a whole page long.
 * Only such a text has the marks of the body (`(Signed)`, footnote labels, annex headings) inside its lines; in any
 * other text they start lines, where the paragraph starts find them.
 */
function isCollapsed(text: string, physical: readonly Line[]): boolean {
	return physical.length * COLLAPSED_AVERAGE_LINE < text.length || physical.some((line) => line.end - line.start > COLLAPSED_LINE);
}

/**
 * Breaks in the body: before `(Signed)`, before superscript footnote labels that follow white space (found among the
 * inline markers), before and after footnote rules, before and after annex headings.
 */
function addBodyBreaks(text: string, masked: string, from: number, inlineMarkers: readonly RegExpMatchArray[], breaks: number[]): void {
	const isSpace = (offset: number) => offset < 0 || /\s/.test(masked[offset]);
	let firstSigned = -1;
	for (let at = masked.indexOf('Signed', from); at >= 0; at = masked.indexOf('Signed', at + 6)) {
		const open = lastOpeningParenthesis(masked, at);
		SIGNED.lastIndex = open;
		if (open >= from && open >= 0 && SIGNED.test(masked)) {
			breaks.push(open - 1);
			firstSigned = firstSigned < 0 ? open : firstSigned;
		}
	}
	for (const marker of inlineMarkers) {
		const at = marker.index ?? 0;
		if (marker[1] !== undefined && at >= from && isSpace(at - 1)) {
			const after = at + marker[1].length;
			if (/^[ \t]+(?:[\p{Lu}“"‘(]|[A-Z]{1,6}\/)/u.test(masked.slice(after, after + 10))) {
				breaks.push(at - 1);
			}
		}
	}
	if (masked.includes('_____')) {
		addRuleBreaks(masked, from, breaks);
	}
	for (const word of ['Annex', 'ANNEX']) {
		for (let at = masked.indexOf(word, from); at >= 0; at = masked.indexOf(word, at + word.length)) {
			ANNEX_MARK.lastIndex = at;
			const annex = ANNEX_MARK.exec(masked);
			if (annex && (annex[0] === 'ANNEX' ? isSpace(at - 1) : BEFORE_ANNEX.test(masked.slice(Math.max(0, at - 30), at)))) {
				const extent = /\bto\s+the\b/.test(annex[0]) ? titleExtent(masked, at) : undefined;
				breaks.push(at - 1, extent?.end ?? at + annex[0].length);
			}
		}
	}
	if (firstSigned >= 0) {
		addSignatureAnnexBreaks(masked, firstSigned, breaks);
	}
	if (text.includes('* ') || text.includes('*\t')) {
		for (const match of text.matchAll(ASTERISK_LABEL)) {
			const start = text[match.index - 1] === '\\' ? match.index - 1 : match.index;
			if (/\s/.test(text[start - 1] ?? '')) {
				breaks.push(start - 1);
			}
		}
	}
}

/**
 * Breaks around a bare `Annex` heading run on after the signature block ({@link SIGNATURE_ANNEX}): only the first
 * `Annex` after `(Signed)` is looked at, and only when it stands within the signature block's length.
 */
function addSignatureAnnexBreaks(masked: string, signed: number, breaks: number[]): void {
	const at = masked.indexOf('Annex', signed);
	if (at < 0 || at - signed > SIGNATURE_BLOCK_LENGTH || !/\s/.test(masked[at - 1] ?? '') || ANNEX_IN_PROSE_BEFORE.test(masked.slice(Math.max(0, at - 20), at))) {
		return;
	}
	SIGNATURE_ANNEX.lastIndex = at;
	if (SIGNATURE_ANNEX.test(masked)) {
		breaks.push(at - 1, at + 'Annex'.length);
	}
}

/** The `(` at most four characters before `at` nearest to it (`(Signed)`, `( Signed )`), or -1. */
function lastOpeningParenthesis(masked: string, at: number): number {
	for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
		if (masked[i] === '(') {
			return i;
		}
	}
	return -1;
}

/**
 * Turns the white space at each break into `\n`, and cuts the physical lines there. A break is kept only where it falls
 * on a space or tab with words on both sides of it on the same line, so that no line of the view is blank where the
 * text's line was not.
 */
function applyBreaks(masked: string, physical: readonly Line[], breaks: readonly number[]): { view: string; lines: readonly Line[] } {
	const sorted = [...new Set(breaks)].filter((position) => position > 0 && position < masked.length && (masked[position] === ' ' || masked[position] === '\t')).sort((a, b) => a - b);
	if (sorted.length === 0) {
		return { view: masked, lines: physical };
	}
	const pieces: string[] = [];
	const lines: Line[] = [];
	let copied = 0;
	let lineIndex = 0;
	let lineStart = physical[0].start;
	for (const position of sorted) {
		while (lineIndex < physical.length && physical[lineIndex].end <= position) {
			lines.push({ start: lineStart, end: physical[lineIndex].end });
			lineIndex++;
			lineStart = physical[lineIndex]?.start ?? masked.length;
		}
		const line = physical[lineIndex];
		if (!line || position < line.start || !hasWordBetween(masked, lineStart, position) || !hasWordBetween(masked, position + 1, line.end)) {
			continue;
		}
		pieces.push(masked.slice(copied, position), '\n');
		copied = position + 1;
		lines.push({ start: lineStart, end: position });
		lineStart = position + 1;
	}
	for (; lineIndex < physical.length; lineIndex++) {
		lines.push({ start: lineStart, end: physical[lineIndex].end });
		lineStart = physical[lineIndex + 1]?.start ?? masked.length;
	}
	pieces.push(masked.slice(copied));
	return { view: pieces.join(''), lines };
}

/** The extents of the annex headings that start lines of the view (`Annex to the letter dated …`). */
function annexHeadingExtents(view: string, lines: readonly Line[], blockStarts: ReadonlySet<number>): TitleExtent[] {
	return lines.filter((line) => blockStarts.has(line.start) && /^\s*Annex(?:\s+(?:[IVXLC]+|\d{1,2}))?\s+to\s+the\b/i.test(view.slice(line.start, line.end))).map((line) => titleExtent(view, line.start));
}

/** The lines inside a title or heading that a blank line separates from its first line: they are joined to it. */
function findJoins(view: string, lines: readonly Line[], extents: readonly (TitleExtent | undefined)[]): Set<number> {
	const joins = new Set<number>();
	for (const extent of extents) {
		if (extent?.end === undefined) {
			continue;
		}
		let afterBlank = false;
		for (let i = firstLineAfter(lines, extent.start); i < lines.length; i++) {
			const line = lines[i];
			if (line.start >= extent.end) {
				break;
			}
			if (view.slice(line.start, line.end).trim() === '') {
				afterBlank = true;
			} else if (afterBlank) {
				joins.add(line.start);
				afterBlank = false;
			}
		}
	}
	return joins;
}

/** The index of the first line that starts after `offset` (the lines are in order). */
function firstLineAfter(lines: readonly Line[], offset: number): number {
	let low = 0;
	let high = lines.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (lines[mid].start <= offset) {
			low = mid + 1;
		} else {
			high = mid;
		}
	}
	return low;
}

/** The first characters of the lines that may begin a block: a superscript, `<sup>`, `^{`, `(Signed)`, a rule, `Annex`. */
const LEADS_BLOCK: ReadonlySet<string> = new Set('⁰¹²³⁴⁵⁶⁷⁸⁹<^(_Aa');

/** Where the first word of a line starts (the line's end when it is blank). */
function firstWordAt(view: string, line: Line): number {
	let i = line.start;
	while (i < line.end && (view[i] === ' ' || view[i] === '\t')) {
		i++;
	}
	return i;
}

/** True when text[from, to) holds something other than spaces and tabs. */
function hasWordBetween(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		if (text[i] !== ' ' && text[i] !== '\t') {
			return true;
		}
	}
	return false;
}

/** The lines that begin a paragraph: footnote labels, `(Signed)`, annex headings and the line after them, the title and the line after it. */
function findBlockStarts(text: string, view: string, lines: readonly Line[], title: TitleExtent | undefined, plainFootnotes: ReadonlyMap<number, string>): Set<number> {
	const starts = new Set<number>(plainFootnotes.keys());
	const endsAt = (offset: number | undefined) => {
		if (offset === undefined) {
			return;
		}
		const next = lines[firstLineAfter(lines, offset - 1)];
		if (next) {
			starts.add(next.start);
		}
	};
	if (title) {
		const titleLine = lines.find((line) => line.end >= title.start);
		if (titleLine) {
			starts.add(titleLine.start);
		}
		endsAt(title.end);
	}
	let inFootnote = false;
	let previous: Line | undefined;
	for (const line of lines) {
		const first = firstWordAt(view, line);
		const before = previous;
		previous = line;
		if (first === line.end) {
			inFootnote = false;
			continue;
		}
		const lead = view[first];
		if (LEADS_BLOCK.has(lead) || text[first] === '*' || text[first] === '\\') {
			const lineText = view.slice(line.start, line.end);
			if (BLOCK_START_LINE.test(lineText) || ASTERISK_LINE.test(text.slice(line.start, line.end))) {
				starts.add(line.start);
				inFootnote = !/^\s*(?:\(\s*Signed|_)/.test(lineText);
				continue;
			}
			const annex = /[Aa]/.test(lead) ? ANNEX_HEADING.exec(lineText) : null;
			if (annex) {
				starts.add(line.start);
				endsAt(/\S/.test(lineText.slice(annex[0].length)) ? titleExtent(view, line.start).end : line.end);
				continue;
			}
		}
		if (plainFootnotes.has(line.start)) {
			inFootnote = true;
			continue;
		}
		if (inFootnote && before && /[A-Z“"‘]/.test(lead) && SENTENCE_END.test(view.slice(Math.max(before.start, before.end - 4), before.end)) && OPENS_PARAGRAPH.test(view.slice(line.start, Math.min(line.end, first + 12)))) {
			starts.add(line.start);
			inFootnote = false;
		}
	}
	return starts;
}
