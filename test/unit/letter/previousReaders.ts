// The reading functions as they were before issue 10 made them faster (commit aafbcaf), kept verbatim as the oracle
// of the property tests in fasterReaders.test.ts: each faster version must return exactly what its old one did.
import type { Line } from '../../../server/src/engine/letter/textLayout';

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
