import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/**
 * The pieces the text scanners look for and the characters around them that change what they read: month names in
 * every case and abbreviation (and "ſ", which Unicode case folding reads as "s"), days, years, ordinals, "of", white
 * space of every kind (NBSP, tabs, CRLF, lone CR), symbols and their series, joint-symbol separators, parentheses and
 * Markdown escapes, web addresses, `resolution`, `annex`, `letter dated` and its determiners, footnote markers
 * (superscripts, `<sup>`, `^{…}`, glued numbers, `*`), and characters outside ASCII (letters, digits and marks outside
 * the BMP, lone surrogates).
 */
const PIECES = [
	'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
	'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Sept.', 'Oct.', 'OCTOBER', 'october', 'oct',
	'ſeptember', 'Auguſt', 'ſep', 'decided', 'remarks', 'summary', 'mayor',
	'1', '7', '16', '31', '016', '0', '29', '2020', '1993', '19', '2', '12345', '1st', '2nd', '3rd', '27th', '1ſt', 'th', 'of', 'OF',
	' ', '  ', '\u00a0', '\t', '\n', '\r\n', '\r', '\n\n', '\f', ',', '.', ';', ':', '!', '?', '"', '”', '’', '(', ')', '[', ']', '](#)', '\\(', '\\)', '\\-', '*', '\\*', '_',
	'A/', 'S/', 'E/', 'ST/', 'ST/SGB/', 'CEDAW/C/', 'SPLOS/', 'UNW/', 'A/75/', 'S/2020/', 'E/CN.4/', 'A/RES/', 'S/RES/', 'A/C.3/', 'ES-10', 'S-27', 'A/ES-10/', '/', '//', '-', '–', '—',
	'75', '495', 'L.1', 'Add.1', 'Corr.2', 'Rev.1', 'PV.14', 'RES', 'XXX', 'Vol. I', 'Part 2',
	'www.', 'http://', 'https://', 'un.org/', '.org/', 'undocs.org', '<https://x.y/A/75/1>', '<', '>', '@',
	'resolution ', 'resolutions ', 'Resolution', 'Nos. ', ' and ', ' or ', ' as well as ', 'conflict ', 'dispute ', 'Security Council', 'General Assembly', 'Human Rights Council', 'Economic and Social Council', ' of the ', ' adopted by ',
	'annex', 'Annex', 'annexes', 'ANNEX', 'see ', 'in ', 'at ', 'contained in ', 'reproduced in ', 'the ', ' I', ' II', ' IV', ' 3', ', and ', 'to the present letter', 'of the present note',
	'letter', 'letters', 'Letter', 'note', 'notes', 'verbale', 'verbales', 'note verbale', ' dated ', ' of ', 'my ', 'our ', 'the ', 'a ', 'its ', 'above-mentioned ', 'identical ', 'from ', 'addressed to ', 'Permanent Representative',
	'¹', '²³', '⁰', '<sup>', '</sup>', '<sup>1</sup>', '<sup>2, 3</sup>', '^{4}', '^{3,4,5}', '^', 'region.1', 'Council.39', 'km2', 'No.', 'para.',
	'provisional agenda', 'preliminary list', 'Please recycle', '20-12345', '*2012345*',
	'é', 'Ä', 'ß', '\u0301', '٣', '𝟎', '𝐀', '\ud835', '\udc00', '\ufeff',
];

/** Long runs of one piece, where a scanner that backtracks or rescans would become quadratic. */
const HOSTILE = [' ', '1', 'A/', '/', '\n', '\u00a0', 'Sept ', '1 ', 'resolution 1, ', 'annex ', 'the ', 'letter dated ', '¹', '<sup>1', '^{1,', 'a.1', 'www.a'];

/** Text built from {@link PIECES}, a few random characters and numbers, and now and then a long run of a hostile piece. */
export const scannerText: fc.Arbitrary<string> = fc.array(fc.oneof(
	{ weight: 12, arbitrary: fc.constantFrom(...PIECES) },
	{ weight: 2, arbitrary: fc.string({ maxLength: 4 }) },
	{ weight: 2, arbitrary: fc.integer({ min: 0, max: 3000 }).map(String) },
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), fc.integer({ min: 2, max: 60 })).map(([piece, count]) => piece.repeat(count)) },
), { maxLength: 60 }).map((pieces) => pieces.join(''));

/** The texts of every real letter in the test fixtures (the golden corpus, its held-out part and the five fixture letters). */
export function realLetterTexts(): { name: string; text: string }[] {
	const fixtures = join(__dirname, '..', '..', 'fixtures');
	return ['real', 'real-holdout', 'letters'].flatMap((folder) => readdirSync(join(fixtures, folder))
		.filter((name) => /\.(?:txt|md)$/.test(name))
		.sort()
		.map((name) => ({ name: `${folder}/${name}`, text: readFileSync(join(fixtures, folder, name), 'utf8') })));
}

/** Asserts two scanners' results are the same, values and offsets and the order of every object's fields (what JSON output shows). */
export function assertSameResults(actual: unknown, expected: unknown, message?: string): void {
	assert.deepStrictEqual(actual, expected, message);
	assert.equal(JSON.stringify(actual), JSON.stringify(expected), message);
}
