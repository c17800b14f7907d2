import { matchesIgnoringAsciiCase } from '../../../server/src/engine/letter/asciiCase';
import { firstNonWhite } from '../../../server/src/engine/letter/textLayout';

/**
 * The fixed-furniture test as it was before a line was compared only with the furniture words of its first letter
 * (commit 5159ef0): the oracle of textLayoutOracle.test.ts.
 */

const JOB_NUMBER = /^\s*\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}\s*(?:\*\d{7}\*)?\s*(?:\d{1,3}\/\d{1,3})?\s*$/;
const BARCODE = /^\s*\*\d{7}\*\s*$/;
const PAGE_NUMBER = /^\s*(?:\d{1,3}\/\d{1,3}|(?:(?:English|French|Spanish|Russian|Arabic|Chinese)\s+)?page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-|\/\s?\.{3,})\s*$/i;
const RECYCLE = /^\s*please\s+recycle\b.{0,3}$/i;
const THEMATIC_BREAK = /^\s*(?:-{3,}|_{3,}|\*{3,})\s*$/;

const FURNITURE_WORDS = ['page', 'please', 'english', 'french', 'spanish', 'russian', 'arabic', 'chinese'];

function mayBeFixedFurniture(line: string, first: number): boolean {
	const ch = line[first];
	if (ch === undefined) {
		return false;
	}
	if ((ch >= '0' && ch <= '9') || ch === '*' || ch === '-' || ch === '_' || ch === '/') {
		return true;
	}
	return FURNITURE_WORDS.some((word) => matchesIgnoringAsciiCase(line, first, word));
}

/** True when a line is page furniture whatever else the letter holds: job numbers, barcodes, page numbers, page breaks. */
export function previousIsFixedFurniture(line: string): boolean {
	return mayBeFixedFurniture(line, firstNonWhite(line, 0, line.length))
		&& (JOB_NUMBER.test(line) || BARCODE.test(line) || PAGE_NUMBER.test(line) || RECYCLE.test(line) || THEMATIC_BREAK.test(line));
}
