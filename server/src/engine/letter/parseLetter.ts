import type { DateMatch } from '../calendar/dates';
import { scanDates } from '../calendar/dates';
import type { ReferenceData } from '../sessions/referenceData';
import type { DocumentSymbolRef, SymbolMatch } from '../symbols/documentSymbols';
import { scanDocumentSymbols } from '../symbols/documentSymbols';
import type { ResolutionMatch } from '../symbols/resolutions';
import { scanResolutionCitations } from '../symbols/resolutions';
import type { OffsetRange } from '../text/offsetRange';
import { buildAgendaHeader, findAgendaLine, parseItemNumbers } from './agenda';
import { collectAgendaTitles } from './agendaTitles';
import { findAnnexes, findClosingRequest, findMemoHeader, findNoteVerbaleParts, findSignature, findUnheadedAnnex } from './bodyParts';
import { detectLetter, DETECTION_WINDOW } from './detection';
import { findFootnoteMarkers, findFootnoteTexts, findHeadingEndMarkers, findParagraphEndMarkers, findPlainFootnoteMarkers, findStarMarkers, scanInlineMarkers } from './footnotes';
import { withOcrSymbolSlips } from './ocrReading';
import { findDistribution, findMasthead, findOrganHeaders, findOriginalLanguage, findTitleBlock, parseTitle, toDateMention } from './header';
import type { AgendaHeader, FootnoteText, Letter, LetterDetection, LetterKind } from './model';
import type { ReadingView } from './readingView';
import { readText } from './readingView';
import { buildCitations, findAnnexReferences, findLetterReferences } from './references';
import type { Block } from './textLayout';
import { firstAtOrAfter, RangedItems, RangeIndex } from './rangeIndex';
import { isFixedFurniture, isSymbolOnlyLine, layoutText } from './textLayout';

/** A letter model with nothing in it: what a text that is not UN correspondence parses to. */
function emptyLetter(text: string, detection: LetterDetection): Letter {
	return {
		text, detection, organs: [], headerEnd: 0, paragraphs: [], footnoteMarkers: [], footnotes: [], dates: [], citations: [],
		malformedSymbols: [], resolutions: [], letterReferences: [], annexReferences: [], annexes: [], furniture: [],
	};
}

/** What the scanners find in a letter's whole text before the structural steps read it. */
export interface LetterScans {
	readonly symbols: readonly SymbolMatch[];
	readonly dates: readonly DateMatch[];
	readonly resolutions: readonly ResolutionMatch[];
	/** The inline footnote markers (`scanInlineMarkers`), read by the reading stage and the footnote readers. */
	readonly inlineMarkers: readonly RegExpMatchArray[];
}

/** Scans a whole text: what {@link parseLetter} does unless it is given the scans (an editor's incremental re-parse). */
export function scanLetterText(text: string): LetterScans {
	return { symbols: scanDocumentSymbols(text), dates: scanDates(text), resolutions: scanResolutionCitations(text), inlineMarkers: scanInlineMarkers(text) };
}


/**
 * The words `note verbale` where they name the text itself (a heading, `Note verbale dated …`), not where the text speaks
 * of another note (`under cover of note verbale 10/MT/25 dated …`, `the note verbale of 3 May`): a letter without a
 * title that acknowledges a note is still a letter.
 */
const NAMES_ITSELF_NOTE_VERBALE = /(?<!\b(?:a|an|the|its|his|her|my|our|your|their|this|that|of|in|by|with|to|and)\s+)\bnote\s+verbale\b/i;
/**
 * Parses a letter, note verbale or identical letters into a model with a text range for every element it recognises.
 * A text that is not UN correspondence (see {@link detectLetter}) yields an empty model whose `detection.isLetter` is
 * false. Never throws; every range lies inside the text. `scan` gives what the scanners find in the text (called only
 * for a letter; it must equal {@link scanLetterText}, which it defaults to).
 */
export function parseLetter(text: string, data: ReferenceData, scan: (text: string) => LetterScans = scanLetterText): Letter {
	const detection = detectLetter(text);
	if (!detection.isLetter) {
		return emptyLetter(text, detection);
	}
	const scans = scan(text);
	const symbols = withOcrSymbolSlips(text, scans.symbols);
	const dates = scans.dates;
	const reading = readText(text, symbols, scans.inlineMarkers);
	const masked = reading.view;

	// The header ends where the title starts. When the reading stage found the title and its end, the title's line
	// starts its paragraph; otherwise the paragraphs are cut once without running headers to find the title or the body.
	const titleLine = reading.title?.end === undefined ? undefined : reading.lines.find((line) => line.end >= (reading.title?.start ?? 0));
	const preliminary = titleLine ? undefined : layoutText(text, reading, () => false);
	const preliminaryTitle = preliminary && findTitleBlock(preliminary.blocks, masked, reading.title);
	const headerEnd = titleLine?.start ?? preliminaryTitle?.start ?? (preliminary && firstBodyBlock(preliminary.blocks, masked)?.start) ?? 0;
	const distribution = findDistribution(masked, headerEnd, dates);
	const ownSymbols = findOwnSymbolNotes(text, symbols);
	const masthead = findMasthead(masked, symbols, distribution?.range.start ?? headerEnd) ?? (distribution && findMasthead(masked, symbols, distribution.range.end, distribution.range.start)) ?? ownSymbols[0];

	const layout = layoutText(text, reading, runningHeaderTest(text, reading, symbols, headerEnd, masthead));
	const { blocks, furniture } = layout;
	const titleStart = titleLine?.start ?? preliminaryTitle?.start;
	const titleBlock = titleStart === undefined ? undefined : blocks.find((block) => block.start === titleStart) ?? preliminaryTitle;
	const title = titleBlock && parseTitle(titleBlock, masked, dates);
	const identity = masthead ?? runningHeaderSymbol(text, furniture, symbols) ?? (title && (titleSymbol(text, title.range, symbols) ?? coverLineSymbol(text, title.range, symbols)));
	const furnitureIndex = new RangeIndex(furniture);
	const inFurniture = (range: OffsetRange) => furnitureIndex.overlaps(range.start, range.end);

	const organs = findOrganHeaders(masked, headerEnd, identity?.symbol);
	const agendaLine = findAgendaLine(masked, headerEnd);
	const session = organs.find((organ) => organ.organ === 'General Assembly' && organ.unit === 'session')?.ordinal;
	const itemCount = agendaLine ? parseItemNumbers(masked, agendaLine.listRange.start, agendaLine.listRange.end).length : 0;
	const headerAgenda = agendaLine && buildAgendaHeader(masked, agendaLine, collectAgendaTitles(blocks, masked, agendaLine.range.end, headerEnd, organs, itemCount, data, session), organs, data);

	const footnotes = findFootnoteTexts(text, blocks, reading.plainFootnoteLabels);
	const plainFootnotes = footnotes.filter((note) => reading.plainFootnoteLabels.has(note.range.start));
	const headedAnnexes = findAnnexes(blocks, masked, headerEnd);
	const noteRanges = footnotes.map((note) => note.range);
	const furnitureAndNotes = furniture.concat(noteRanges);
	const markersFound = [
		...findFootnoteMarkers(text, footnotes.map((note) => note.labelRange), furniture, reading.inlineMarkers),
		...findPlainFootnoteMarkers(text, plainFootnotes, furnitureAndNotes, headerEnd),
		...findStarMarkers(text, title?.range.end ?? headerEnd, furnitureAndNotes),
	];
	const foundIndex = new RangeIndex(markersFound.map((found) => found.range));
	const footnoteMarkers = [
		...markersFound,
		...[
			...findHeadingEndMarkers(text, (title ? [title.range] : []).concat(headedAnnexes.map((annex) => annex.headingRange))),
			...findParagraphEndMarkers(text, furnitureAndNotes),
		].filter((marker) => !foundIndex.overlaps(marker.range.start, marker.range.end)),
	].sort((a, b) => a.range.start - b.range.start);
	const agenda = headerAgenda && withListDocument(headerAgenda, footnotes, symbols);
	const headedBody = headedAnnexes.length > 0 ? blocks.filter((block) => block.start < headedAnnexes[0].headingRange.start) : blocks;
	const headedClosing = findClosingRequest(headedBody, masked, headerEnd);
	const headedSignature = findSignature(headedBody, masked, headedClosing?.range.start ?? headerEnd);
	const signatureBlock = headedSignature && blocks.find((block) => block.start <= headedSignature.range.start && headedSignature.range.start < block.end);
	const unheaded = headedAnnexes.length === 0 && signatureBlock ? findUnheadedAnnex(blocks, masked, signatureBlock.end, noteRanges) : undefined;
	const annexes = unheaded ? [unheaded] : headedAnnexes;
	const bodyBlocks = unheaded ? blocks.filter((block) => block.start < unheaded.headingRange.start) : headedBody;
	const closingRequest = unheaded ? findClosingRequest(bodyBlocks, masked, headerEnd) : headedClosing;
	const signature = unheaded ? findSignature(bodyBlocks, masked, closingRequest?.range.start ?? headerEnd) : headedSignature;

	const headings: OffsetRange[] = (title ? [title.range] : []).concat(annexes.map((annex) => annex.headingRange));
	const citationExclusions: OffsetRange[] = furniture.concat(identity ? [identity.range] : [], agenda?.listDocument ? [agenda.listDocument.range] : [], ownSymbols.map((own) => own.range));
	// A document never cites itself: its own symbol in the text is a running header that OCR or a collapsed page garbled.
	const ownParts = new Set(identity?.symbol.parts.map((part) => part.text));
	const citations = buildCitations(text, symbols, dates, footnotes, citationExclusions).filter((citation) => !citation.symbol.parts.every((part) => ownParts.has(part.text)));
	const malformedSymbols = symbols
		.filter((match): match is SymbolMatch & { malformed: string } => match.malformed !== undefined && !inFurniture(match))
		.map((match) => ({ range: { start: match.start, end: match.end }, raw: match.raw, reason: match.malformed }));
	const resolutions = scans.resolutions.filter((match) => !inFurniture(match));
	const letterReferences = findLetterReferences(masked, dates, symbols, footnoteMarkers, footnotes, headings);
	const annexReferences = findAnnexReferences(masked, headings);

	const kind: LetterKind = title?.kind ?? (detection.signals.includes('compliments') || (detection.signals.includes('note-verbale') && NAMES_ITSELF_NOTE_VERBALE.test(masked.slice(0, DETECTION_WINDOW))) ? 'note-verbale' : 'letter');
	const noteVerbale = kind === 'note-verbale' ? findNoteVerbaleParts(blocks, masked, dates) : undefined;
	const memo = title ? undefined : findMemoHeader(masked, dates, Math.min(masked.length, DETECTION_WINDOW));
	const special = new Set<Block>();
	const noteIndex = new RangeIndex(noteRanges);
	const annexHeadingStarts = new Set(annexes.map((annex) => annex.headingRange.start));
	for (const block of blocks) {
		const isSpecial = noteIndex.holds(block.start)
			|| annexHeadingStarts.has(block.start)
			|| (signature !== undefined && block.end > signature.range.start && block.start <= signature.range.start);
		if (isSpecial) {
			special.add(block);
		}
	}
	const paragraphs = blocks.filter((block) => block.start >= headerEnd && !special.has(block) && block.start !== titleBlock?.start).map((block) => ({ start: block.start, end: block.end }));

	return {
		text, detection, kind,
		masthead: identity,
		distribution,
		originalLanguage: findOriginalLanguage(masked, headerEnd),
		organs,
		agenda,
		headerEnd,
		title,
		paragraphs,
		footnoteMarkers,
		footnotes,
		dates: dates.filter((date: DateMatch) => !inFurniture(date)).map(toDateMention),
		citations,
		malformedSymbols,
		resolutions,
		letterReferences,
		annexReferences,
		annexes,
		closingRequest,
		signature,
		noteVerbale,
		...(memo ? { memo } : {}),
		furniture,
	};
}

/** For a letter without a title line (a note verbale), the first block that reads like prose. */
export function firstBodyBlock(blocks: readonly Block[], masked: string): Block | undefined {
	return blocks.find((block) => {
		const blockText = masked.slice(block.start, block.end);
		return /presents\s+(?:its|his|her)\s+compliments|I\s+have\s+the\s+honour/i.test(blockText) || holdsWords(blockText, PROSE_WORDS);
	});
}

/** How many words a block without a formula needs to read like prose. */
const PROSE_WORDS = 25;

/**
 * Whether `text` holds at least `count` words (runs of non-white space), counted only as far as `count`: what
 * `text.trim().split(/\s+/).length >= count` says for a count above one, without splitting a long block.
 */
function holdsWords(text: string, count: number): boolean {
	const word = /\S+/g;
	let found = 0;
	while (word.exec(text)) {
		if (++found >= count) {
			return true;
		}
	}
	return false;
}

/** `* Also issued under the symbol A/8292.`, `* Circulated under the double symbol A/43/96-S/19442.`: the document's own other symbols. */
const OWN_SYMBOL_NOTE = /\b(?:(?:also|previously|originally|formerly)\s+)?(?:issued|circulated|distributed|published)\s+(?:also\s+)?under\s+(?:the\s+)?(?:double\s+|joint\s+)?symbols?\s+$/i;

/** The symbols a note gives as this document's own (reprints and documents issued under two symbols), in order. */
function findOwnSymbolNotes(text: string, symbols: readonly SymbolMatch[]): { symbol: DocumentSymbolRef; range: OffsetRange }[] {
	// Each `symbol` of the text, found by its rarer middle `ymb` (a plain search is faster the rarer its first letter).
	const words: number[] = [];
	for (let at = text.indexOf('ymb'); at >= 0; at = text.indexOf('ymb', at + 3)) {
		if (text.startsWith('symbol', at - 1)) {
			words.push(at - 1);
		}
	}
	if (words.length === 0) {
		return [];
	}
	const notes: { symbol: DocumentSymbolRef; range: OffsetRange }[] = [];
	for (const match of symbols) {
		// The first `symbol` word at most 12 characters before the symbol (the words are in the order of the text).
		const word = firstAtOrAfter(words, match.start - 12);
		if (match.symbol !== undefined && word < words.length && words[word] < match.start && OWN_SYMBOL_NOTE.test(text.slice(Math.max(0, match.start - 80), match.start))) {
			notes.push({ symbol: match.symbol, range: { start: match.start, end: match.end } });
		}
	}
	return notes;
}

/**
 * The document the agenda line's `*` points to: the symbol in the footnote text labelled `*` of a provisional agenda
 * or preliminary list (`Item 97 of the preliminary list*` … `* A/51/50.`).
 */
function withListDocument(agenda: AgendaHeader, footnotes: readonly FootnoteText[], symbols: readonly SymbolMatch[]): AgendaHeader {
	const note = agenda.provisional ? footnotes.find((footnote) => footnote.label === '*') : undefined;
	const match = note && symbols.find((candidate) => candidate.symbol && candidate.start >= note.labelRange.end && candidate.start < note.range.end);
	return match?.symbol ? { ...agenda, listDocument: { symbol: match.symbol, range: { start: match.start, end: match.end } } } : agenda;
}

/**
 * When the masthead is lost, the document's symbol as its running headers print it: the first line of page furniture
 * that holds one well-formed symbol and nothing else.
 */
function runningHeaderSymbol(text: string, furniture: readonly OffsetRange[], symbols: readonly SymbolMatch[]): { symbol: DocumentSymbolRef; range: OffsetRange } | undefined {
	const ranged = new RangedItems(symbols);
	const symbolOf = (range: OffsetRange | undefined) => {
		const inside = range ? ranged.inside(range.start, range.end) : [];
		return range && inside.length === 1 && inside[0].symbol && text.slice(range.start, range.end).trim() === inside[0].raw ? inside[0] : undefined;
	};
	for (let i = 0; i < furniture.length; i++) {
		const first = symbolOf(furniture[i]);
		if (!first?.symbol) {
			continue;
		}
		// A running header printed over two lines (`A/75/356` above `S/2020/947`) is one joint symbol.
		const second = symbolOf(furniture[i + 1]);
		if (second?.symbol && second.start - first.end < 40 && first.symbol.parts.every((part) => part.series !== second.symbol?.parts[0].series)) {
			const parts = [...first.symbol.parts, ...second.symbol.parts];
			return { symbol: { text: parts.map((part) => part.text).join('-'), parts }, range: { start: first.start, end: second.end } };
		}
		return { symbol: first.symbol, range: { start: first.start, end: first.end } };
	}
	return undefined;
}

/**
 * When neither a masthead nor a running header prints the symbol, the one a web page's title line gives in parentheses
 * at its end (`Letter dated 14 Nov 2008 from … to the UN SG - <subject> (S/2008/708)`): the title names the letter itself.
 */
function titleSymbol(text: string, titleRange: OffsetRange, symbols: readonly SymbolMatch[]): { symbol: DocumentSymbolRef; range: OffsetRange } | undefined {
	const newline = text.indexOf('\n', titleRange.end);
	const lineEnd = newline < 0 ? text.length : newline;
	const onLine = symbols.filter((match) => match.start >= titleRange.start && match.end <= lineEnd);
	const last = onLine[onLine.length - 1];
	if (!last?.symbol || text[last.start - 1] !== '(' || !/^\)[\s.]*$/.test(text.slice(last.end, lineEnd))) {
		return undefined;
	}
	return { symbol: last.symbol, range: { start: last.start, end: last.end } };
}

/**
 * When nothing else prints the symbol, the one a line above the title gives in parentheses where it names the letter
 * (a cable or page that introduces the text: `FOLLOWING IS TEXT OF LETTER FROM CUBAN CHARGE` / `(S/10993, 12 SEPT '73)
 * TO PRESIDENT OF SC`): the first symbol after an opening parenthesis within two lines after the word `letter`.
 */
function coverLineSymbol(text: string, titleRange: OffsetRange, symbols: readonly SymbolMatch[]): { symbol: DocumentSymbolRef; range: OffsetRange } | undefined {
	const cover = COVER_LINE.exec(text.slice(0, Math.min(titleRange.start, MAX_COVER_LINES)));
	if (!cover) {
		return circulatedAsSymbol(text, titleRange, symbols);
	}
	const coverEnd = cover.index + cover[0].length;
	const match = symbols.find((candidate) => candidate.symbol && candidate.start >= cover.index && candidate.end <= coverEnd && /\(\s*$/.test(text.slice(Math.max(0, candidate.start - 3), candidate.start)));
	return match?.symbol ? { symbol: match.symbol, range: { start: match.start, end: match.end } } : undefined;
}

/**
 * The symbol a cable's or page's lead gives in words before the title (`THE LETTER / WAS DISTRIBUTED AS SECURITY COUNCIL
 * DOCUMENT S/11838.`, `LETTER WAS CIRCULATED AS UN DOCUMENT A/10298.`): the symbol right after `document`.
 */
function circulatedAsSymbol(text: string, titleRange: OffsetRange, symbols: readonly SymbolMatch[]): { symbol: DocumentSymbolRef; range: OffsetRange } | undefined {
	const lead = CIRCULATED_AS.exec(text.slice(0, Math.min(titleRange.start, MAX_LEAD)));
	if (!lead) {
		return undefined;
	}
	const at = lead.index + lead[0].length;
	const match = symbols.find((candidate) => candidate.symbol && candidate.start === at);
	return match?.symbol ? { symbol: match.symbol, range: { start: match.start, end: match.end } } : undefined;
}

/** `letter … was distributed (circulated) as … document`, then a symbol, in a lead before the title; not `my letter …`, another letter. */
const CIRCULATED_AS = /(?<!\b(?:my|our|his|her|its|their|your|earlier|previous)\s+)\bletter\b[^.]{0,80}?\b(?:was|has\s+been)\s+(?:distributed|circulated)\s+as\s+(?:an?\s+)?(?:[\w-]+\s+){0,4}?documents?\s+(?=[A-Z]{1,6}\/)/i;
/** How far into the text, before the title, a lead naming the letter's symbol is looked for. */
const MAX_LEAD = 1500;

/** A line naming a letter and, on it or the next line, a symbol in parentheses followed by a comma or the closing parenthesis. */
const COVER_LINE = /\b(?:LETTER|[Ll]etter)\b[^\n(]{0,80}(?:\r?\n[^\n(]{0,40})?\(\s*[A-Z]{1,6}\/[\w./-]+\s*[,)][^\n]*/;
/** How far into the text, before the title, a cover line is looked for. */
const MAX_COVER_LINES = 400;

/** How a line holding only symbols begins: a series and a slash, after spaces. */
const SYMBOL_LEAD = /^\s*[A-Z]{1,6}\//;

/**
 * Decides which lines holding only symbols are running headers between pages: those that repeat the masthead symbol
 * (in the header too, where older documents print the symbol again above the organ lines), except the masthead
 * itself; without a masthead, those after the header that stand next to other page furniture (a job number, a page
 * number) or alone more than once (running headers repeat on every page).
 */
function runningHeaderTest(text: string, reading: ReadingView, symbols: readonly SymbolMatch[], headerEnd: number, masthead: { symbol: DocumentSymbolRef; range: OffsetRange } | undefined) {
	const masked = reading.view;
	const mastheadParts = masthead?.symbol.parts.map((part) => part.text);
	const ranged = new RangedItems(symbols);
	const symbolOnlyCounts = new Map<string, number>();
	const besideFurniture = new Set<number>();
	if (!mastheadParts) {
		const { lines } = reading;
		const kinds = new Map<number, 'blank' | 'symbols' | 'furniture' | 'text'>();
		const kindOf = (i: number) => {
			let kind = kinds.get(i);
			if (kind === undefined) {
				const lineText = masked.slice(lines[i].start, lines[i].end);
				kind = lineText.trim() === '' ? 'blank' : isSymbolOnlyLine(lineText) ? 'symbols' : isFixedFurniture(text.slice(lines[i].start, lines[i].end)) ? 'furniture' : 'text';
				kinds.set(i, kind);
			}
			return kind;
		};
		const nearest = (from: number, step: number) => {
			let i = from;
			while (i >= 0 && i < lines.length && (kindOf(i) === 'blank' || kindOf(i) === 'symbols')) {
				i += step;
			}
			return i >= 0 && i < lines.length ? kindOf(i) : undefined;
		};
		lines.forEach((line, i) => {
			if (!SYMBOL_LEAD.test(masked.slice(line.start, line.start + 12)) || kindOf(i) !== 'symbols') {
				return;
			}
			const key = masked.slice(line.start, line.end).trim();
			symbolOnlyCounts.set(key, (symbolOnlyCounts.get(key) ?? 0) + 1);
			if (nearest(i - 1, -1) === 'furniture' || nearest(i + 1, 1) === 'furniture') {
				besideFurniture.add(line.start);
			}
		});
	}
	return (line: { start: number; end: number }, lineText: string): boolean => {
		if (masthead && mastheadParts) {
			if (line.start < masthead.range.end && masthead.range.start < line.end) {
				return false;
			}
			const onLine = ranged.inside(line.start, line.end);
			return onLine.length > 0 && onLine.every((match) => match.symbol?.parts.every((part) => mastheadParts.includes(part.text)));
		}
		return line.start >= headerEnd && (besideFurniture.has(line.start) || (symbolOnlyCounts.get(lineText.trim()) ?? 0) >= 2);
	};
}
