import type { DateMatch } from '../calendar/dates';
import { scanDates } from '../calendar/dates';
import type { ReferenceData } from '../sessions/referenceData';
import type { SymbolMatch } from '../symbols/documentSymbols';
import { scanDocumentSymbols } from '../symbols/documentSymbols';
import { scanResolutionCitations } from '../symbols/resolutions';
import type { OffsetRange } from '../text/offsetRange';
import { buildAgendaHeader, collectAgendaTitles, findAgendaLine } from './agenda';
import { findAnnexes, findClosingRequest, findNoteVerbaleParts, findSignature } from './bodyParts';
import { detectLetter } from './detection';
import { findFootnoteMarkers, findFootnoteTexts } from './footnotes';
import { findDistribution, findMasthead, findOrganHeaders, findOriginalLanguage, findTitleBlock, parseTitle, toDateMention } from './header';
import type { Letter, LetterDetection, LetterKind } from './model';
import { buildCitations, findAnnexReferences, findLetterReferences } from './references';
import type { Block } from './textLayout';
import { isSymbolOnlyLine, layoutText, maskMarkup } from './textLayout';

/** A letter model with nothing in it: what a text that is not UN correspondence parses to. */
function emptyLetter(text: string, detection: LetterDetection): Letter {
	return {
		text, detection, organs: [], headerEnd: 0, paragraphs: [], footnoteMarkers: [], footnotes: [], dates: [], citations: [],
		malformedSymbols: [], resolutions: [], letterReferences: [], annexReferences: [], annexes: [], furniture: [],
	};
}

/**
 * Parses a letter, note verbale or identical letters into a model with a text range for every element it recognises.
 * A text that is not UN correspondence (see {@link detectLetter}) yields an empty model whose `detection.isLetter` is
 * false. Never throws; every range lies inside the text.
 */
export function parseLetter(text: string, data: ReferenceData): Letter {
	const detection = detectLetter(text);
	if (!detection.isLetter) {
		return emptyLetter(text, detection);
	}
	const masked = maskMarkup(text);
	const symbols = scanDocumentSymbols(text);
	const dates = scanDates(text);

	const preliminary = layoutText(text, masked, () => false);
	const titleBlock = findTitleBlock(preliminary.blocks, masked);
	const headerEnd = titleBlock?.start ?? firstBodyBlock(preliminary.blocks, masked)?.start ?? 0;
	const distribution = findDistribution(masked, headerEnd, dates);
	const masthead = findMasthead(masked, symbols, distribution?.range.start ?? headerEnd);

	const layout = layoutText(text, masked, runningHeaderTest(masked, symbols, headerEnd, masthead?.symbol.parts.map((part) => part.text)), preliminary.lines);
	const { blocks, furniture } = layout;
	const inFurniture = (range: OffsetRange) => furniture.some((item) => range.start < item.end && item.start < range.end);

	const organs = findOrganHeaders(masked, headerEnd);
	const agendaLine = findAgendaLine(masked, headerEnd);
	const agenda = agendaLine && buildAgendaHeader(masked, agendaLine, collectAgendaTitles(blocks, masked, agendaLine.range.end, headerEnd, organs), organs, data);
	const title = titleBlock && parseTitle(titleBlock, masked, dates);

	const footnotes = findFootnoteTexts(text, blocks);
	const footnoteMarkers = findFootnoteMarkers(text, footnotes.map((note) => note.labelRange), furniture);
	const annexes = findAnnexes(blocks, masked, headerEnd);
	const bodyBlocks = annexes.length > 0 ? blocks.filter((block) => block.start < annexes[0].headingRange.start) : blocks;
	const closingRequest = findClosingRequest(bodyBlocks, masked, headerEnd);
	const signature = findSignature(bodyBlocks, masked, closingRequest?.range.start ?? headerEnd);

	const headings: OffsetRange[] = [...(title ? [title.range] : []), ...annexes.map((annex) => annex.headingRange)];
	const citationExclusions: OffsetRange[] = [...furniture, ...(masthead ? [masthead.range] : [])];
	const citations = buildCitations(text, symbols, dates, footnotes, citationExclusions);
	const malformedSymbols = symbols
		.filter((match): match is SymbolMatch & { malformed: string } => match.malformed !== undefined && !inFurniture(match))
		.map((match) => ({ range: { start: match.start, end: match.end }, raw: match.raw, reason: match.malformed }));
	const resolutions = scanResolutionCitations(text).filter((match) => !inFurniture(match));
	const letterReferences = findLetterReferences(masked, dates, symbols, footnoteMarkers, footnotes, headings);
	const annexReferences = findAnnexReferences(masked, headings);

	const kind: LetterKind = title?.kind ?? (detection.signals.includes('compliments') || detection.signals.includes('note-verbale') ? 'note-verbale' : 'letter');
	const noteVerbale = kind === 'note-verbale' ? findNoteVerbaleParts(blocks, masked, dates) : undefined;
	const special = new Set<Block>();
	for (const block of blocks) {
		const isSpecial = footnotes.some((note) => block.start >= note.range.start && block.start < note.range.end)
			|| annexes.some((annex) => annex.headingRange.start === block.start)
			|| (signature !== undefined && block.end > signature.range.start && block.start <= signature.range.start);
		if (isSpecial) {
			special.add(block);
		}
	}
	const paragraphs = blocks.filter((block) => block.start >= headerEnd && !special.has(block) && block !== titleBlock).map((block) => ({ start: block.start, end: block.end }));

	return {
		text, detection, kind,
		masthead,
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
		furniture,
	};
}

/** For a letter without a title line (a note verbale), the first block that reads like prose. */
function firstBodyBlock(blocks: readonly Block[], masked: string): Block | undefined {
	return blocks.find((block) => {
		const blockText = masked.slice(block.start, block.end);
		return /presents\s+(?:its|his|her)\s+compliments|I\s+have\s+the\s+honour/i.test(blockText) || blockText.trim().split(/\s+/).length >= 25;
	});
}

/**
 * Decides which lines holding only symbols are running headers between pages: after the header, those that repeat the
 * masthead symbol; without a masthead, those that stand alone more than once (running headers repeat on every page).
 */
function runningHeaderTest(masked: string, symbols: readonly SymbolMatch[], headerEnd: number, mastheadParts: readonly string[] | undefined) {
	const symbolOnlyCounts = new Map<string, number>();
	if (!mastheadParts) {
		for (const line of masked.split(/\r\n|\r|\n/)) {
			if (isSymbolOnlyLine(line)) {
				const key = line.trim();
				symbolOnlyCounts.set(key, (symbolOnlyCounts.get(key) ?? 0) + 1);
			}
		}
	}
	return (line: { start: number; end: number }, lineText: string): boolean => {
		if (line.start < headerEnd) {
			return false;
		}
		if (mastheadParts) {
			const onLine = symbols.filter((match) => match.start >= line.start && match.end <= line.end);
			return onLine.length > 0 && onLine.every((match) => match.symbol?.parts.every((part) => mastheadParts.includes(part.text)));
		}
		return (symbolOnlyCounts.get(lineText.trim()) ?? 0) >= 2;
	};
}
