import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanDates } from '../../../server/src/engine/calendar/dates';
import { parseDocumentSymbol, scanDocumentSymbols } from '../../../server/src/engine/symbols/documentSymbols';
import { scanResolutionCitations } from '../../../server/src/engine/symbols/resolutions';

/** Text built from pieces that look like symbols, dates, URLs and Markdown, so the scanners meet their edge cases. */
const letterLikeText = fc.array(fc.oneof(
	fc.constantFrom('A/', 'S/', 'E/CN.4/', 'A/RES/', 'S/RES/', '75', '2020', '/', '-', '–', ' ', '\n', '\r\n', '\\-', '\\(', '\\)', '(', ')', '[', '](#)',
		'.', ',', 'L.1', 'Add.1', 'www.', 'http://', '<', '>', '*', '016', '31', ' October ', ' September ', 'February', ' of ', 'th', '1993', 'XXX', 'Vol. I', 'resolution ', 'Resolutions ', ' and ', ', ', 'Security Council ', 'General Assembly '),
	fc.string({ maxLength: 6 }),
	fc.integer({ min: 0, max: 3000 }).map(String),
), { maxLength: 40 }).map((pieces) => pieces.join(''));

/** Asserts each match lies inside [from, to) and that raw is its text. */
function assertRanges(text: string, matches: readonly { start: number; end: number; raw: string }[], from: number, to: number): void {
	let previousEnd = from;
	for (const match of matches) {
		assert.ok(match.start >= previousEnd && match.start < match.end && match.end <= to, JSON.stringify({ text, match }));
		assert.equal(match.raw, text.slice(match.start, match.end));
		previousEnd = match.end;
	}
}

void describe('scanners on arbitrary text', () => {
	void it('scanDocumentSymbols never throws and returns ordered ranges inside the text', () => {
		fc.assert(fc.property(fc.oneof(letterLikeText, fc.string()), (text) => {
			const matches = scanDocumentSymbols(text);
			assertRanges(text, matches, 0, text.length);
			for (const match of matches) {
				assert.ok((match.symbol === undefined) !== (match.malformed === undefined));
			}
		}), { numRuns: 2000 });
	});

	void it('scanDocumentSymbols stays inside arbitrary bounds', () => {
		fc.assert(fc.property(letterLikeText, fc.integer({ min: -5, max: 200 }), fc.integer({ min: -5, max: 200 }), (text, a, b) => {
			const clamp = (n: number): number => Math.max(0, Math.min(n, text.length));
			const end = Math.max(a, b);
			assertRanges(text, scanDocumentSymbols(text, a, end), clamp(a), clamp(end));
		}), { numRuns: 1000 });
	});

	void it('scanDates never throws and returns ordered ranges inside the text', () => {
		fc.assert(fc.property(fc.oneof(letterLikeText, fc.string()), (text) => {
			const matches = scanDates(text);
			assertRanges(text, matches, 0, text.length);
			for (const match of matches) {
				assert.ok((match.date === undefined) !== (match.invalid === undefined));
			}
		}), { numRuns: 2000 });
	});

	void it('every well-formed scanned symbol parses back to itself', () => {
		fc.assert(fc.property(letterLikeText, (text) => {
			for (const match of scanDocumentSymbols(text)) {
				if (match.symbol) {
					const reparsed = parseDocumentSymbol(match.symbol.text);
					assert.ok(reparsed.ok, match.symbol.text);
					assert.equal(reparsed.symbol.text, match.symbol.text);
				}
			}
		}), { numRuns: 1000 });
	});

	void it('scanResolutionCitations never throws and returns ordered ranges inside the text', () => {
		fc.assert(fc.property(fc.oneof(letterLikeText, fc.string()), (text) => {
			const matches = scanResolutionCitations(text);
			assertRanges(text, matches, 0, text.length);
			for (const match of matches) {
				assert.ok(match.url.startsWith('https://undocs.org/'));
			}
		}), { numRuns: 2000 });
	});

	void it('parseDocumentSymbol never throws', () => {
		fc.assert(fc.property(fc.oneof(letterLikeText, fc.string()), (text) => {
			const result = parseDocumentSymbol(text);
			assert.equal(typeof result.ok, 'boolean');
		}), { numRuns: 1000 });
	});
});
