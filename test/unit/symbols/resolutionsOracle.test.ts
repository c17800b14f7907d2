import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanResolutionCitations } from '../../../server/src/engine/symbols/resolutions';
import { assertSameResults, realLetterTexts, scannerText } from '../helpers/scannerText';
import { previousScanResolutionCitations } from './previousResolutions';

/** Resolution lists in every form the scanner reads, with the organs named around them. */
const resolutionText = fc.array(fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom('resolution ', 'resolutions ', 'Resolution ', 'RESOLUTIONS ', 'reſolution ', 'conflict resolution ', 'dispute resolution ', 'resolutions Nos. ', 'resolution\n', 'resolution - ', 'resolutionary ') },
	{ weight: 6, arbitrary: fc.constantFrom('822', '822 (1993)', '822(1993)', '822 \\(1993\\)', '75/1', '2020/1', 'ES-10/2', 'S-27/2', '3363 (XXX)', '[822 \\(1993\\)](#)', '[75/1]', '12 May', '8/43-C', '884', '1', '12345') },
	{ weight: 4, arbitrary: fc.constantFrom(', ', ' and ', ', and ', ' or ', ' as well as ', '; ', '; and ', ' ', ',') },
	{ weight: 2, arbitrary: fc.constantFrom('Security Council', 'General Assembly', 'Human Rights Council', 'Economic and Social Council', ' of the Security Council', ' adopted by the General Assembly', '. The ', '\n\n', 'the ') },
	{ weight: 1, arbitrary: scannerText },
), { maxLength: 24 }).map((pieces) => pieces.join(''));

void describe('scanResolutionCitations gives what the scanner before it gave', () => {
	void it('on generated text, whole and in bounds', () => {
		fc.assert(fc.property(fc.oneof(resolutionText, scannerText), fc.integer({ min: -3, max: 300 }), fc.integer({ min: -3, max: 300 }), (text, a, b) => {
			assertSameResults(scanResolutionCitations(text), previousScanResolutionCitations(text));
			assertSameResults(scanResolutionCitations(text, Math.min(a, b), Math.max(a, b)), previousScanResolutionCitations(text, Math.min(a, b), Math.max(a, b)));
		}), { numRuns: 3000 });
	});

	void it('on the real letters', () => {
		for (const { name, text } of realLetterTexts()) {
			assertSameResults(scanResolutionCitations(text), previousScanResolutionCitations(text), name);
		}
	});
});
