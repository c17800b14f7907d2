// The incremental re-parse of an edited letter gives what a full parse of the new text gives, after any edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { changedStretch, IncrementalLetterParser, rescanLetterText, SCAN_CONTEXT } from '../../../server/src/engine/letter/incrementalParse';
import type { LetterScans } from '../../../server/src/engine/letter/parseLetter';
import { parseLetter, scanLetterText } from '../../../server/src/engine/letter/parseLetter';
import { referenceData } from '../helpers/fixtures';
import { assertSameResults, realLetterTexts, scannerText } from '../helpers/scannerText';

const letters = realLetterTexts().filter(({ text }) => parseLetter(text, referenceData).detection.isLetter);

/**
 * Long letters, where the re-parse scans a window instead of the whole text: a real letter with the bodies of others
 * set in before its last quarter (so its header and its end stay where a reader looks for them).
 */
const longLetter: fc.Arbitrary<string> = fc.tuple(fc.nat(letters.length - 1), fc.array(fc.nat(letters.length - 1), { minLength: 4, maxLength: 12 })).map(([base, others]) => {
	const text = letters[base].text;
	const cut = text.indexOf('\n', Math.floor(text.length * 0.75));
	const at = cut < 0 ? text.length : cut + 1;
	const bodies = others.map((other) => letters[other].text.slice(Math.floor(letters[other].text.length * 0.3))).join('\n\n');
	return `${text.slice(0, at)}\n${bodies}\n\n${text.slice(at)}`;
});

/** Long letters with inline footnote markers after their sentences (the real letters have few): `¹`, `<sup>2</sup>`, `^{3,4}`. */
const markedLetter: fc.Arbitrary<string> = longLetter.map((text) => {
	const markers = ['¹', '²³', '<sup>2</sup>', '^{3,4}'];
	let n = 0;
	return text.replace(/([a-z])\.(\s)/g, (_match, letter: string, space: string) => `${letter}.${markers[n++ % markers.length]}${space}`);
});

/** An edit: a place in the text (a share of its length), how much is removed there and what is typed or pasted. */
const edit = fc.record({
	at: fc.double({ min: 0, max: 1, noNaN: true }),
	remove: fc.oneof({ weight: 4, arbitrary: fc.nat(12) }, { weight: 1, arbitrary: fc.nat(4 * SCAN_CONTEXT) }),
	insert: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('', 'x', ' ', '\n', '\n\n', '/', '2020', 'A/75/1', ' 3 March 2020', 'resolution 822 (1993)', '¹', '²³', '<sup>2</sup>', '^{4,5}', 'http://un.org/') }, { weight: 2, arbitrary: scannerText }),
});

function applyEdit(text: string, change: { at: number; remove: number; insert: string }): string {
	const start = Math.min(text.length, Math.floor(change.at * text.length));
	return text.slice(0, start) + change.insert + text.slice(Math.min(text.length, start + change.remove));
}

/** Freezes the scans and every match in them: a parse that changed what it was given would throw. */
function frozen(scans: LetterScans): LetterScans {
	for (const list of [scans.symbols, scans.dates, scans.resolutions, scans.inlineMarkers]) {
		list.forEach((match) => Object.freeze(match));
		Object.freeze(list);
	}
	return Object.freeze(scans);
}

void describe('incremental re-parse', () => {
	void it('finds the stretch two texts differ in', () => {
		assert.equal(changedStretch('abc', 'abc'), undefined);
		assert.deepEqual(changedStretch('abcdef', 'abXYdef'), { start: 2, oldEnd: 3, newEnd: 4 });
		assert.deepEqual(changedStretch('aaaa', 'aa'), { start: 2, oldEnd: 4, newEnd: 2 });
		assert.deepEqual(changedStretch('', 'new'), { start: 0, oldEnd: 0, newEnd: 3 });
	});

	void it('finds the longest common start and end of any two texts (compared a stretch at a time, then by character)', () => {
		const naive = (before: string, after: string) => {
			let start = 0;
			while (start < Math.min(before.length, after.length) && before[start] === after[start]) {
				start++;
			}
			let tail = 0;
			while (tail < Math.min(before.length, after.length) - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) {
				tail++;
			}
			return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
		};
		const long = fc.tuple(fc.string({ maxLength: 5000 }), fc.nat(3)).map(([text, times]) => text.repeat(times + 1));
		fc.assert(fc.property(long, fc.array(edit, { maxLength: 3 }), (before, edits) => {
			const after = edits.reduce(applyEdit, before);
			assert.deepEqual(changedStretch(before, after), before === after ? undefined : naive(before, after));
		}), { numRuns: 300 });
	});

	void it('rescans to what a scan of the whole new text finds, after any sequence of edits', () => {
		fc.assert(fc.property(fc.oneof({ weight: 3, arbitrary: longLetter }, { weight: 1, arbitrary: markedLetter }, { weight: 1, arbitrary: scannerText }), fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
			let text = start;
			let scans = scanLetterText(text);
			for (const change of edits) {
				const next = applyEdit(text, change);
				scans = rescanLetterText(text, scans, next);
				text = next;
				assertSameResults(scans, scanLetterText(text));
			}
		}), { numRuns: 300 });
	});

	void it('parses to the model a full parse of the new text gives, after any sequence of edits', () => {
		fc.assert(fc.property(fc.oneof({ weight: 3, arbitrary: longLetter }, { weight: 1, arbitrary: markedLetter }), fc.array(edit, { minLength: 1, maxLength: 5 }), (start, edits) => {
			const parser = new IncrementalLetterParser(referenceData);
			let text = start;
			assertSameResults(parser.parse(text), parseLetter(text, referenceData));
			for (const change of edits) {
				text = applyEdit(text, change);
				assertSameResults(parser.parse(text), parseLetter(text, referenceData));
			}
		}), { numRuns: 60 });
	});

	void it('never changes the scans it is given (the next version keeps them)', () => {
		fc.assert(fc.property(longLetter, (text) => {
			assertSameResults(parseLetter(text, referenceData, () => frozen(scanLetterText(text))), parseLetter(text, referenceData));
		}), { numRuns: 20 });
	});

	void it('keeps the matches far from an edit in the middle of a long letter instead of scanning them again', () => {
		// The first of a fixed sample long enough, with symbols well before its middle (the sample depends on the real
		// letters, so it is chosen by what the test needs, not by its place: adding a real letter changes the sample).
		const text = fc.sample(longLetter, { numRuns: 50, seed: 7 }).find((candidate) => {
			const at = candidate.indexOf('\n\n', Math.floor(candidate.length / 2));
			const found = scanLetterText(candidate).symbols;
			return candidate.length > 12 * SCAN_CONTEXT && at > 0 && found.length > 2 && found[0].end < at - 2 * SCAN_CONTEXT;
		});
		assert.ok(text !== undefined, 'the sample holds a long letter with symbols before its middle');
		const previous = scanLetterText(text);
		const middle = text.indexOf('\n\n', Math.floor(text.length / 2));
		const edited = `${text.slice(0, middle)} S/2020/1 of 3 March 2020${text.slice(middle)}`;
		const scans = rescanLetterText(text, previous, edited);
		assertSameResults(scans, scanLetterText(edited));
		assert.ok(text.length > 12 * SCAN_CONTEXT && previous.symbols.length > 2 && previous.symbols[0].end < middle - 2 * SCAN_CONTEXT);
		assert.equal(scans.symbols[0], previous.symbols[0], 'a match before the window is the one already found');
		assert.ok(scans.symbols.some((match) => match.raw === 'S/2020/1'));
	});

	void it('re-scans the inline footnote markers of a window too, markers typed next to markers included', () => {
		// The first of a fixed sample that has markers on both sides of its middle and a symbol well before it (the
		// sample depends on the real letters, so it is chosen by what the test needs, not by its place).
		const text = fc.sample(markedLetter, { numRuns: 50, seed: 7 }).find((candidate) => {
			const middle = candidate.indexOf('¹', Math.floor(candidate.length / 2));
			const found = scanLetterText(candidate);
			return middle > 0 && found.inlineMarkers.length > 50 && found.symbols.length > 0 && found.symbols[0].end < middle - 2 * SCAN_CONTEXT;
		});
		assert.ok(text !== undefined, 'the sample holds a long letter with markers and a symbol before its middle');
		const previous = scanLetterText(text);
		const marker = text.indexOf('¹', Math.floor(text.length / 2));
		const edited = `${text.slice(0, marker)}⁴${text.slice(marker)}`;
		const scans = rescanLetterText(text, previous, edited);
		assertSameResults(scans, scanLetterText(edited));
		assert.ok(previous.inlineMarkers.length > 50, 'the letter has markers on both sides of the edit');
		assert.equal(scans.symbols[0], previous.symbols[0], 'the window was scanned, not the whole text');
		const typedAt = previous.inlineMarkers.find((found) => found.index === marker);
		assert.ok(typedAt !== undefined, 'the edit is typed at a marker the letter had');
		assert.ok(scans.inlineMarkers.some((found) => found.index === marker && found[0] === `⁴${typedAt[0]}`), 'the typed superscript joins the marker');
	});
});
