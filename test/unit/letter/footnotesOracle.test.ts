import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanInlineMarkers } from '../../../server/src/engine/letter/footnotes';
import { assertSameResults, realLetterTexts, scannerText } from '../helpers/scannerText';
import { previousScanInlineMarkers } from './previousFootnotes';

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
