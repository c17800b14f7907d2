import type { DateMatch } from '../calendar/dates';
import { parseItemNumbers } from './agenda';
import { collapseDetached, toDateMention, trimRange } from './header';
import type { Annex, ClosingRequest, MemoHeader, NoteVerbaleParts, Signature } from './model';
import type { OffsetRange } from '../text/offsetRange';
import type { Block } from './textLayout';
import { ADDRESSED_TO, TITLE_START } from './titleLine';

/** An annex heading at the start of a line: `Annex`, `Annex II`, `ANNEX`, `Annex I to the letter dated …`. */
export const ANNEX_HEADING = /^\s*Annex(?:\s+([IVXLC]+|\d{1,2}))?(?=\s*$|\s+to\s+the\s+(?:letter|note\s+verbale|identical\s+letters))/i;

/** Finds the annex headings (`Annex I to the letter dated …`, a line `Annex II`) and the text each covers. */
export function findAnnexes(blocks: readonly Block[], masked: string, from: number): Annex[] {
	const headings: { label: string; start: number; end: number }[] = [];
	for (const block of blocks) {
		if (block.start < from) {
			continue;
		}
		const firstLine = masked.slice(block.lines[0].start, block.lines[0].end);
		const match = ANNEX_HEADING.exec(firstLine);
		if (!match) {
			continue;
		}
		const heading = trimRange(masked, block.start, block.end);
		headings.push({ label: (match[1] ?? '').toUpperCase(), start: heading.start, end: heading.end });
	}
	return headings.map((heading, i) => ({
		label: heading.label,
		headingRange: { start: heading.start, end: heading.end },
		range: { start: heading.start, end: i + 1 < headings.length ? headings[i + 1].start : lastBlockEnd(blocks) },
	}));
}

/**
 * An annex that a page printed after the signature without its `Annex` heading (UNISPAL and ReliefWeb pages keep the
 * annexed letter or statement and drop the heading): the first block after the signature block that is not a footnote
 * text (`notes`). Its heading is that block when it is a letter's title, else its first line; its label is empty, as
 * for a single unnumbered annex.
 */
export function findUnheadedAnnex(blocks: readonly Block[], masked: string, signatureEnd: number, notes: readonly OffsetRange[]): Annex | undefined {
	const block = blocks.find((candidate) => candidate.start >= signatureEnd && !notes.some((note) => candidate.start >= note.start && candidate.start < note.end));
	if (!block) {
		return undefined;
	}
	const blockText = masked.slice(block.start, block.end);
	const isTitle = TITLE_START.test(blockText) && ADDRESSED_TO.test(blockText) && blockText.length < 600;
	const heading = trimRange(masked, block.start, isTitle ? block.end : block.lines[0].end);
	return { label: '', headingRange: heading, range: { start: heading.start, end: lastBlockEnd(blocks) } };
}

function lastBlockEnd(blocks: readonly Block[]): number {
	return blocks.length > 0 ? blocks[blocks.length - 1].end : 0;
}

/** `have the present letter circulated as a document of the …`, `circulate the present letter … as a document of the …`. */
const CIRCULATED = /\bcirculat(?:ed?|ing|ion)\b[^.;]{0,160}?\bas\s+(?:an?\s+)?(?:official\s+)?documents?\s+of\s+the\s+/i;

/** The organs a closing request may name, each with the pattern that finds it in any case and spacing. */
const REQUEST_ORGANS: readonly (readonly [string, RegExp])[] = ['General Assembly', 'Security Council', 'Economic and Social Council', 'Human Rights Council']
	.map((organ) => [organ, new RegExp(organ.replace(/ /g, '\\s+'), 'i')] as const);

/** Finds the closing request (`… be circulated as a document of the General Assembly, under agenda items 34, 71 and 135, and of the Security Council.`). */
export function findClosingRequest(blocks: readonly Block[], masked: string, from: number): ClosingRequest | undefined {
	for (let i = blocks.length - 1; i >= 0; i--) {
		const block = blocks[i];
		if (block.start < from) {
			break;
		}
		const blockText = masked.slice(block.start, block.end);
		const match = CIRCULATED.exec(blockText);
		if (!match) {
			continue;
		}
		const request = blockText.slice(match.index);
		const agenda = /\b(?:under\s+)?(?:agenda\s+items?|items?)\s+(\d{1,3}(?:\s*\([a-z]\))?(?:\s*(?:,\s*and|,|and)\s*\d{1,3}(?:\s*\([a-z]\))?)*)/i.exec(request);
		const agendaItems = agenda ? parseItemNumbers(masked, block.start + match.index + agenda.index + agenda[0].indexOf(agenda[1]), block.start + match.index + agenda.index + agenda[0].indexOf(agenda[1]) + agenda[1].length) : [];
		const organs = REQUEST_ORGANS.filter(([, pattern]) => pattern.test(request)).map(([organ]) => organ);
		return { range: trimRange(masked, block.start, block.end), agendaItems, organs };
	}
	return undefined;
}

/** The functions printed after a signatory's name when the lines of the signature block ran together. */
const SIGNATORY_FUNCTIONS = /(?:\s+(?:Ambassador|(?:Deputy\s+)?Permanent\s+(?:Representative|Observer)(?:\s+of\s+[^,]{2,60}?\s+to\s+the\s+United\s+Nations)?|Chargé\s+d[’']affaires(?:\s+a\.\s*i\.)?|Minister\s+(?:for|of)\s+Foreign\s+Affairs|President\s+of\s+the\s+(?:Security\s+Council|General\s+Assembly)|Secretary-General))+$/i;

/** Finds the signature block: `(Signed) Name` and the lines of function under it. */
export function findSignature(blocks: readonly Block[], masked: string, from: number): Signature | undefined {
	// `(Signed)` starts with a parenthesis: the pattern is tried only where one stands (the blocks are in order).
	let paren = -1;
	for (const block of blocks) {
		if (block.start < from) {
			continue;
		}
		if (paren < block.start) {
			paren = masked.indexOf('(', block.start);
			if (paren < 0) {
				return undefined;
			}
		}
		if (paren >= block.end) {
			continue;
		}
		const blockText = masked.slice(block.start, block.end);
		const match = signedAt(blockText, paren - block.start);
		if (match && match.index - (blockText.length - blockText.trimStart().length) < 40) {
			const name = collapseDetached(match[1]).replace(SIGNATORY_FUNCTIONS, '');
			return { range: trimRange(masked, block.start + match.index, block.end), name: name || undefined };
		}
	}
	return undefined;
}

/** `(Signed)` and the rest of its line (group 1). */
const SIGNED_AT = /\(\s*Signed\s*\)\s*([^\n]*)/iy;

/** The first `(Signed)` of a block's text at or after `from` (a parenthesis), as `exec` of the unanchored pattern finds it. */
function signedAt(blockText: string, from: number): RegExpExecArray | null {
	for (let at = from; at >= 0; at = blockText.indexOf('(', at + 1)) {
		SIGNED_AT.lastIndex = at;
		const match = SIGNED_AT.exec(blockText);
		if (match) {
			return match;
		}
	}
	return null;
}

/**
 * Finds the parts proper to a note verbale: the reference number, the sender mission, the addressee, the opening
 * formula and the closing place and date.
 */
export function findNoteVerbaleParts(blocks: readonly Block[], masked: string, dates: readonly DateMatch[]): NoteVerbaleParts | undefined {
	let reference: NoteVerbaleParts['reference'];
	let senderMission: NoteVerbaleParts['senderMission'];
	let addressee: NoteVerbaleParts['addressee'];
	let placeAndDate: NoteVerbaleParts['placeAndDate'];
	let opening: NoteVerbaleParts['opening'];
	for (const block of blocks) {
		const blockText = masked.slice(block.start, block.end);
		opening ??= openingFormula(masked, block.start, blockText);
		const ref = /^\s*(?:Ref(?:erence)?\.?|No\.)\s*:?\s*(\S[^\n]{0,60})$/im.exec(blockText);
		if (!reference && ref && block.lines.length <= 2) {
			const start = block.start + ref.index + ref[0].indexOf(ref[1]);
			reference = { text: ref[1].trim(), range: { start, end: start + ref[1].trim().length } };
			continue;
		}
		if (!senderMission && /^\s*(?:The\s+)?Permanent\s+Mission\b/i.test(blockText) && block.lines.length <= 6 && !/compliments/i.test(blockText)) {
			senderMission = { text: collapseDetached(blockText), range: trimRange(masked, block.start, block.end) };
			continue;
		}
		if (!addressee && /^\s*(?:Office\s+of\s+the|The\s+Secretary-General|Secretary-General|Office\s+for|United\s+Nations\s+High\s+Commissioner)\b/i.test(blockText) && block.lines.length <= 6 && !/\.\s*$/.test(blockText.trim())) {
			addressee = { text: collapseDetached(blockText), range: trimRange(masked, block.start, block.end) };
			continue;
		}
		const place = /^\s*([A-Z][A-Za-z .'-]{1,40}),\s+(?=\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*\.?\s*$)/.exec(blockText);
		if (place && block.lines.length === 1) {
			const date = dates.find((candidate) => candidate.start >= block.start && candidate.end <= block.end);
			placeAndDate = { place: place[1].trim(), date: date && toDateMention(date), range: trimRange(masked, block.start, block.end) };
		}
	}
	if (!reference && !senderMission && !addressee && !placeAndDate && !opening) {
		return undefined;
	}
	return { reference, senderMission, addressee, placeAndDate, ...(opening ? { opening } : {}) };
}

/** The words of a name in an opening formula: capitalised words and the small words between them. */
const NAME_WORDS = String.raw`(?:[A-Z][\w’'.-]*|of|for|the|and|to|on|in)`;
/** `The <sender> presents its compliments to <addressee> and …` (OCR may strew stops: `presents his ..; compliments. to`), the sender's name being the words before `presents`. */
const SENDER_BEFORE_COMPLIMENTS = new RegExp(String.raw`\bThe\s+(${NAME_WORDS}(?:\s+${NAME_WORDS})*?)\s+presents\s+(?:its|his|her)[\s.,;:]{1,6}compliments[.,;:]?\s+to\s+(?:the\s+)?`, 'g');
/** Where the addressee of an opening formula ends: `and has the honour`, `and avails itself`, a comma or a full stop. */
const ADDRESSEE_STOP = /\s+and\s+(?:has|have|avails|wishes|would|is|requests|presents|refers|takes)\b|[,.;]/;

/** The sender and addressee that a block's opening formula names. */
function openingFormula(masked: string, blockStart: number, blockText: string): NoteVerbaleParts['opening'] {
	if (!blockText.includes('compliments')) {
		return undefined;
	}
	for (const match of blockText.matchAll(SENDER_BEFORE_COMPLIMENTS)) {
		const senderStart = blockStart + match.index + match[0].indexOf(match[1]);
		const addresseeStart = blockStart + match.index + match[0].length;
		const stop = ADDRESSEE_STOP.exec(masked.slice(addresseeStart, addresseeStart + 200));
		const sender = { text: collapseDetached(match[1]), range: { start: senderStart, end: senderStart + match[1].length } };
		if (!stop || stop.index === 0) {
			return { sender };
		}
		const addresseeRange = trimRange(masked, addresseeStart, addresseeStart + stop.index);
		return { sender, addressee: { text: collapseDetached(masked.slice(addresseeRange.start, addresseeRange.end)), range: addresseeRange } };
	}
	return undefined;
}

/** `To:` and `From:` lines of a memo, a few lines apart at most. */
const MEMO_LINE = /(?:^|\n)[ \t]*(To|From)[ \t]*:[ \t]*(\S[^\n]{0,150}?)[ \t]*(?=\r?\n|$)/g;
/** The line that introduces a letter given as text: `Following is the text of a letter, dated 8 June 2001:`. */
const INTRODUCED_DATE = /\btext\s+of\s+(?:a|the|an\s+identical)\s+letter,?\s+dated\s+$/i;

/**
 * The memo lines of a letter given without a UN title, in text[0, limit): a `To:` and a `From:` line within three lines
 * of each other, and the date of the line that introduces the letter, when there is one; without them, the heading of a
 * document edition that stands for the title.
 */
export function findMemoHeader(masked: string, dates: readonly DateMatch[], limit: number): MemoHeader | undefined {
	const found: { label: string; text: string; range: OffsetRange; start: number }[] = [];
	for (const match of masked.slice(0, limit).matchAll(MEMO_LINE)) {
		const start = match.index + match[0].indexOf(match[2]);
		found.push({ label: match[1], text: collapseDetached(match[2]), range: { start, end: start + match[2].length }, start: match.index });
	}
	const to = found.find((line) => line.label === 'To');
	const from = found.find((line) => line.label === 'From');
	if (!to || !from || masked.slice(Math.min(to.start, from.start), Math.max(to.start, from.start)).split('\n').length > 4) {
		return documentHeading(masked) ?? letterHeading(masked, dates);
	}
	const date = dates.find((candidate) => candidate.start < Math.min(to.start, from.start) && INTRODUCED_DATE.test(masked.slice(Math.max(0, candidate.start - 60), candidate.start)));
	return { to: { text: to.text, range: to.range }, from: { text: from.text, range: from.range }, date: date && toDateMention(date) };
}

/**
 * An edition's heading that stands for the title: `The British Representative at the United Nations (Cadogan) to the
 * Assistant Secretary General of the United Nations (Hoo)1`; the addressee's name may be left out (`… ( Austin ) to the
 * Secretary of State`), and the edition's file line may stand above it (FRUS: `320/9–2950: telegram`).
 */
const DOCUMENT_HEADING = /^\s*(?:[^\n:]{1,60}:[ \t]*(?:[Tt]elegram|[Aa]irgram|[Ll]etter|[Mm]emorandum|[Dd]espatch|[Nn]ote)[ \t]*\r?\n\s*)?The\s+([^\n()]{3,150}?)\s*\(\s*[^\n()]{2,40}\)\s+to\s+(?:the\s+)+([^\n()]{3,150}?)\s*(?:\(\s*[^\n()]{2,40}\)\s*\d{0,3})?[ \t]*(?:\r?\n|$)/;

/**
 * An edition's heading that names the letter after its subject (Avalon: `Call for the Implementation of the Security
 * Council Resolution of March 30, 1955: Letter From the President of the Security Council to Each Member, June 7, 1955
 * (1)`): the writer, the addressee and the date, on the first line.
 */
const LETTER_HEADING = /^[ \t]*[^\n]{0,200}?:[ \t]+Letter[ \t]+[Ff]rom[ \t]+(?:the[ \t]+)?([^\n,]{3,120}?)[ \t]+to[ \t]+(?:the[ \t]+)?([^\n,]{3,120}?),[ \t]+([A-Z][a-z]{2,8}[ \t]+\d{1,2},[ \t]+\d{4})[ \t]*(?:\(\d{1,2}\))?[ \t]*(?:\r?\n|$)/;

/** The writer, addressee and date of an edition's heading that names the letter after its subject (see {@link LETTER_HEADING}). */
function letterHeading(masked: string, dates: readonly DateMatch[]): MemoHeader | undefined {
	const match = LETTER_HEADING.exec(masked.slice(0, 400));
	if (!match) {
		return undefined;
	}
	const fromStart = match.index + match[0].indexOf(`${match[1]} `);
	const toStart = match.index + match[0].indexOf(match[2], fromStart + match[1].length);
	const dateStart = match.index + match[0].lastIndexOf(match[3]);
	const date = dates.find((candidate) => candidate.start === dateStart);
	return {
		from: { text: collapseDetached(match[1]), range: { start: fromStart, end: fromStart + match[1].length } },
		to: { text: collapseDetached(match[2]), range: { start: toStart, end: toStart + match[2].length } },
		date: date && toDateMention(date),
		heading: true,
	};
}

/** The sender's post and the addressee of a document edition's heading (FRUS) on the first line, as written. */
function documentHeading(masked: string): MemoHeader | undefined {
	const match = DOCUMENT_HEADING.exec(masked.slice(0, 400));
	if (!match) {
		return undefined;
	}
	const fromStart = match.index + match[0].indexOf(match[1]);
	const toStart = match.index + match[0].indexOf(match[2], match[0].indexOf(match[1]) + match[1].length);
	return {
		from: { text: collapseDetached(match[1]), range: { start: fromStart, end: fromStart + match[1].length } },
		to: { text: collapseDetached(match[2]), range: { start: toStart, end: toStart + match[2].length } },
		heading: true,
	};
}
