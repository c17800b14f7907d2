// The reading functions as they were before issue 10 made them faster (commit aafbcaf), kept verbatim as the oracle
// of the property tests in fasterReaders.test.ts: each faster version must return exactly what its old one did.
import type { SymbolMatch } from '../../../server/src/engine/symbols/documentSymbols';
import type { OffsetRange } from '../../../server/src/engine/text/offsetRange';
import type { Block, Line, ReadLines, TextLayout } from '../../../server/src/engine/letter/textLayout';

const LINK = /\[([^\]\n]{1,600})\]\(([^)\s]{0,2000})\)/g;
const ESCAPE = /\\([()[\]\-.*_#!`])/g;
const HEADING_HASHES = /^[ \t]{0,3}(#{1,6})[ \t]/gm;
const TABLE_PIPE = /(?<=^|[ \t])\|(?=[ \t]|$)/gm;
const BLANKED = ['*', '\t', '\f', '\u00a0'];

/** `maskMarkup` of aafbcaf. */
export function previousMaskMarkup(text: string): string {
	let masked = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
	if (masked.includes('](')) {
		masked = masked.replace(LINK, (whole: string, inner: string) => ` ${inner}${' '.repeat(whole.length - inner.length - 1)}`);
	}
	if (masked.includes('\\')) {
		masked = masked.replace(ESCAPE, ' $1');
	}
	if (masked.includes('#')) {
		masked = masked.replace(HEADING_HASHES, (whole: string) => whole.replace(/#/g, ' '));
	}
	if (masked.includes('|')) {
		masked = masked.replace(TABLE_PIPE, ' ');
	}
	return BLANKED.some((ch) => masked.includes(ch)) ? masked.replace(/[*\t\f\u00a0]/g, ' ') : masked;
}

/** `splitLines` of aafbcaf. */
export function previousSplitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	if (!text.includes('\r')) {
		for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
			lines.push({ start, end });
			start = end + 1;
		}
		lines.push({ start, end: text.length });
		return lines;
	}
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 10 || ch === 13) {
			lines.push({ start, end: i });
			if (ch === 13 && text.charCodeAt(i + 1) === 10) {
				i++;
			}
			start = i + 1;
		}
	}
	lines.push({ start, end: text.length });
	return lines;
}

const FURNITURE_CUE = /-\d{5}|\*\d{7}\*|Please\s+recycle/g;
const FURNITURE_CUE_WITH_PAGE = /-\d{5}|\*\d{7}\*|Please\s+recycle|(?:English|French|Spanish|Russian|Arabic|Chinese)\s+Page\s+\d/g;

/** The furniture cues `addFurnitureBreaks` of aafbcaf read, as ranges. */
export function previousFurnitureCues(text: string): { start: number; end: number }[] {
	const cue = text.includes('Page') ? FURNITURE_CUE_WITH_PAGE : FURNITURE_CUE;
	return [...text.matchAll(new RegExp(cue.source, cue.flags))].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** `titleCandidates` of aafbcaf (titleLine.ts). */
export function previousTitleCandidates(text: string): number[] {
	const found: number[] = [];
	for (const [word, offset] of [['ated', 1], ['ATED', 1], ['Letter from', 0]] as const) {
		for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
			if (at >= offset) {
				found.push(at - offset);
			}
		}
	}
	return found.sort((a, b) => a - b);
}

const SPLIT_VOCABULARY = ['Security', 'Council', 'General', 'Assembly', 'Secretary-General', 'President', 'Permanent', 'Representative', 'Nations', 'Economic', 'Social'];
const SPLIT_LOOKUP: ReadonlySet<string> = new Set(SPLIT_VOCABULARY.map((word) => word.toLowerCase()));

/** `joinSplitWords` of aafbcaf (ocrReading.ts). */
export function previousJoinSplitWords(text: string): string {
	const words = text.split(' ');
	let changed = false;
	for (let i = 0; i + 1 < words.length; i++) {
		const first = words[i];
		const second = words[i + 1];
		const joined = `${first}${second}`.replace(/[,;:.)]+$/, '').toLowerCase();
		if (SPLIT_LOOKUP.has(joined) && !SPLIT_LOOKUP.has(first.toLowerCase())) {
			words.splice(i, 2, `${first}${second}`);
			changed = true;
		}
	}
	return changed ? words.join(' ') : text;
}

const JOB_NUMBER = /^\s*\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}\s*(?:\*\d{7}\*)?\s*(?:\d{1,3}\/\d{1,3})?\s*$/;
const BARCODE = /^\s*\*\d{7}\*\s*$/;
const PAGE_NUMBER = /^\s*(?:\d{1,3}\/\d{1,3}|(?:(?:English|French|Spanish|Russian|Arabic|Chinese)\s+)?page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-|\/\s?\.{3,})\s*$/i;
const RECYCLE = /^\s*please\s+recycle\b.{0,3}$/i;
const THEMATIC_BREAK = /^\s*(?:-{3,}|_{3,}|\*{3,})\s*$/;
const SYMBOL_ONLY = /^\s*(?:[A-Z]{1,6}(?:\/[A-Za-z0-9.()]+)+(?:\s*[-–]\s*|\s+)?)+\s*(?:\d{1,3}\/\d{1,3})?\s*$/;

/** `isFixedFurniture` of aafbcaf: true when a line is page furniture whatever else the letter holds: job numbers, barcodes, page numbers, page breaks. */
export function previousIsFixedFurniture(line: string): boolean {
	return JOB_NUMBER.test(line) || BARCODE.test(line) || PAGE_NUMBER.test(line) || RECYCLE.test(line) || THEMATIC_BREAK.test(line);
}

/** `isSymbolOnlyLine` of aafbcaf: true when a line holds nothing but document symbols (and perhaps a page number): a running header or a masthead line. */
export function previousIsSymbolOnlyLine(line: string): boolean {
	return line.length < 120 && SYMBOL_ONLY.test(line);
}

/**
 * `layoutText` of aafbcaf: cuts the text into paragraphs: at blank lines, at page furniture and where the reading stage found that a line
 * starts a paragraph. `isRunningHeader` decides, for a line holding only symbols, whether it is a running header
 * between pages (the parser knows the masthead); such lines and fixed furniture separate paragraphs.
 */
export function previousLayoutText(text: string, read: ReadLines, isRunningHeader: (line: Line, lineText: string) => boolean): TextLayout {
	const { view: masked, lines, blockStarts, joins } = read;
	const blocks: Block[] = [];
	const furniture: OffsetRange[] = [];
	let current: Line[] = [];
	let afterBlank = false;
	const flush = () => {
		if (current.length > 0) {
			blocks.push({ start: current[0].start, end: current[current.length - 1].end, lines: current });
			current = [];
		}
	};
	for (const line of lines) {
		const raw = text.slice(line.start, line.end);
		const maskedLine = masked.slice(line.start, line.end);
		if (maskedLine.trim() === '') {
			afterBlank = true;
			if (raw.includes('\f')) {
				flush();
				furniture.push({ start: line.start, end: line.end });
			}
			continue;
		}
		if (afterBlank && !joins.has(line.start)) {
			flush();
		}
		afterBlank = false;
		if (previousIsFixedFurniture(raw) || (previousIsSymbolOnlyLine(maskedLine) && isRunningHeader(line, maskedLine))) {
			flush();
			furniture.push({ start: line.start, end: line.end });
			continue;
		}
		if (blockStarts.has(line.start)) {
			flush();
		}
		current.push(line);
	}
	flush();
	return { masked, lines, blocks, furniture };
}

/** `withOcrSymbolSlips` of aafbcaf (ocrReading.ts). */
export function previousWithOcrSymbolSlips(text: string, symbols: readonly SymbolMatch[]): SymbolMatch[] {
	const runTogether = (match: SymbolMatch) => match.symbol !== undefined && match.symbol.parts.some((part) => part.series === 'A' && RUN_TOGETHER_PART.test(part.text));
	const result = !symbols.some(runTogether) ? [...symbols] : symbols.map((match) => (runTogether(match)
		? { start: match.start, end: match.end, raw: match.raw, malformed: 'two symbols run together (the S of the second read as a digit)' }
		: match));
	let added = false;
	for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
		const start = lostShapeStart(text, slash);
		if (start === undefined) {
			continue;
		}
		for (const [pattern, reason] of LOST_SHAPES) {
			pattern.lastIndex = start;
			const shape = pattern.exec(text);
			const end = shape ? start + shape[0].length : start;
			if (shape && (shape[0].match(/\d/g)?.length ?? 0) >= 2 && !symbols.some((match) => match.start < end && start < match.end)) {
				result.push({ start, end, raw: shape[0], malformed: reason });
				added = true;
				break;
			}
		}
	}
	return added ? result.sort((a, b) => a.start - b.start) : result;
}

/** A General Assembly part holding a year after its number: `A/78/3358/2023/642` is `A/78/335` run into `S/2023/642`. */
const RUN_TOGETHER_PART = /^A\/\d{1,2}\/\d+[85]\/(?:19|20)\d\d\/\d+$/;
/**
 * Where a lost symbol shape whose slash is at `slash` starts: a lower-case series before the slash (`s/6j597`), or a
 * series run into its session or year (`A70/623`, `S2019/103`), with a digit after the slash and no word, slash or point
 * before the series. Undefined when the slash starts no such shape.
 */
function lostShapeStart(text: string, slash: number): number | undefined {
	if (!/\d/.test(text[slash + 1] ?? '')) {
		return undefined;
	}
	let start = slash - 1;
	while (start >= 0 && slash - start <= 4 && /\d/.test(text[start])) {
		start--;
	}
	const series = text[start] ?? '';
	const digits = slash - start - 1;
	const fits = digits === 0 ? series === 'a' || series === 's' : (series === 'A' && digits <= 2) || (series === 'S' && digits === 4);
	return fits && !/[\w/.-]/.test(text[start - 1] ?? ' ') ? start : undefined;
}
/** Symbol shapes the scanner does not see (each where no word, slash or point comes before it), with the reason each breaks the grammar. */
const LOST_SHAPES: readonly [RegExp, string][] = [
	[/[as]\/\d[\da-z]*(?:\/[\da-z.]+)*(?<![.])/y, 'the series must be written in capitals'],
	[/(?:A\d{1,2}|S(?:19|20)\d\d)\/\d{2,5}(?![\w/])/y, 'a slash is missing after the series'],
];

/** `firstBodyBlock` of parseLetter.ts as it was before it counted words without splitting each block (commit 3dc1f41). */
export function previousFirstBodyBlock(blocks: readonly Block[], masked: string): Block | undefined {
	return blocks.find((block) => {
		const blockText = masked.slice(block.start, block.end);
		return /presents\s+(?:its|his|her)\s+compliments|I\s+have\s+the\s+honour/i.test(blockText) || blockText.trim().split(/\s+/).length >= 25;
	});
}
