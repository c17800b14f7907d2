import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findFootnoteMarkers, scanInlineMarkers } from '../../../server/src/engine/letter/footnotes';
import { assertSameResults, realLetterTexts, scannerText } from '../helpers/scannerText';
import { previousFindFootnoteMarkers, previousScanInlineMarkers } from './previousFootnotes';

/** Footnote markers of every kind, whole and broken. */
const markerText = fc.array(fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom('¹', '²³', '⁰⁴⁵⁶⁷⁸⁹', '<sup>', '</sup>', '<sup>1</sup>', '<sup> 2, 3 </sup>', '<sup>123456789012345678901</sup>', '^{4}', '^{3,4,5}', '^{', '}', '^', '<', 'km²') },
	{ weight: 4, arbitrary: fc.constantFrom('1', '12', ',', ' ', '\n', 'a', '.', 'x') },
	{ weight: 1, arbitrary: scannerText },
), { maxLength: 30 }).map((pieces) => pieces.join(''));

void describe('scanInlineMarkers gives what the scan before it gave', () => {
	void it('on generated text and the real letters', () => {
		fc.assert(fc.property(fc.oneof(markerText, scannerText), (text) => {
			assertSameResults(scanInlineMarkers(text), previousScanInlineMarkers(text));
		}), { numRuns: 3000 });
		for (const { name, text } of realLetterTexts()) {
			assertSameResults(scanInlineMarkers(text), previousScanInlineMarkers(text), name);
		}
	});
});

/** The header's `*` in every case, spacing and escape, whole and broken. */
const agendaStar = fc.tuple(fc.constantFrom('', ' ', 'x', '(', '\\', '*'), fc.constantFrom('provisional', 'Provisional', 'PROVISIONAL', 'pRoViSiOnAl', 'preliminary', 'PRELIMINARY', 'provisiona', 'agenda'),
	fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\ufeff', '\r\n', ''), fc.constantFrom('agenda', 'Agenda', 'AGENDA', 'list', 'LIST', 'lists', 'genda'), fc.constantFrom('*', '\\*', '\\\\*', '**', ' *', '')).map((parts) => parts.join(''));

/** The header's `*` in every case, spacing and escape, and what may stand around it. */
const agendaStarText = fc.array(fc.oneof(
	{ weight: 4, arbitrary: agendaStar },
	{ weight: 5, arbitrary: fc.constantFrom('provisional', 'Provisional', 'PROVISIONAL', 'pRoViSiOnAl', 'preliminary', 'Preliminary', 'agenda', 'AGENDA', 'list', 'List', 'xprovisional', 'provisionalagenda', 'items') },
	{ weight: 5, arbitrary: fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\ufeff', '\f', '\r\n', '', '*', '\\*', '\\', '**', '.', '1', '¹', '<sup>2</sup>', '^{3,4}') },
	{ weight: 1, arbitrary: scannerText },
), { maxLength: 30 }).map((pieces) => pieces.join(''));

/** Footnote labels and furniture as ranges over a text of `length`. */
const rangesOver = (length: number) => fc.array(fc.tuple(fc.nat(Math.max(0, length)), fc.nat(12)).map(([start, size]) => ({ start, end: start + size })), { maxLength: 4 });

void describe('findFootnoteMarkers gives what the reader before it gave', () => {
	void it('on generated text, with labels and furniture anywhere', () => {
		fc.assert(fc.property(fc.oneof(agendaStarText, markerText, scannerText).chain((text) => fc.tuple(fc.constant(text), rangesOver(text.length), rangesOver(text.length))), ([text, labels, furniture]) => {
			const markers = scanInlineMarkers(text);
			assertSameResults(findFootnoteMarkers(text, labels, furniture, markers), previousFindFootnoteMarkers(text, labels, furniture, markers));
		}), { numRuns: 4000 });
	});

	void it('on the real letters and long hostile runs', () => {
		for (const { name, text } of realLetterTexts()) {
			assertSameResults(findFootnoteMarkers(text, [], [], scanInlineMarkers(text)), previousFindFootnoteMarkers(text, [], [], scanInlineMarkers(text)), name);
		}
		for (const run of ['*'.repeat(50000), 'provisional agenda*'.repeat(5000), `provisional${' '.repeat(50000)}agenda*`, 'agenda*'.repeat(10000), '\\*'.repeat(20000)]) {
			assertSameResults(findFootnoteMarkers(run, [], [], scanInlineMarkers(run)), previousFindFootnoteMarkers(run, [], [], scanInlineMarkers(run)));
		}
	});
});
