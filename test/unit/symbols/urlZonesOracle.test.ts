import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findUrlZones } from '../../../server/src/engine/symbols/urlZones';
import { assertSameResults, realLetterTexts, scannerText } from '../helpers/scannerText';
import { previousFindUrlZones } from './previousUrlZones';

/** Web addresses of every kind and the characters that start, end or break them. */
const addressText = fc.array(fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom('<', '>', '<https://', '<www.', '<mailto:', '<a', '<1', 'http://', 'HTTPS://', '://', 'www.', 'WWW.', 'xwww.', 'é://', 'un.org/', '.org/', '.eu/', '.EU/', '.a/', 'ceas.europa.eu/hq', '@x.org/', '/x.org/', '\\x.org/', '-x.org/', '](', '](x)', '(', ')', '\\(', '\\)', '[', ']') },
	{ weight: 5, arbitrary: fc.constantFrom('a', 'ab', 'A/75/1', '2020/12/11', '/', '//', '.', ' ', '\n', '\r', '\t', '"', '“', '”', 'x', '-', '+', '9') },
	{ weight: 1, arbitrary: scannerText },
), { maxLength: 30 }).map((pieces) => pieces.join(''));

void describe('findUrlZones gives what the finder before it gave', () => {
	void it('on generated text, in any bounds', () => {
		fc.assert(fc.property(fc.oneof(addressText, scannerText), fc.nat(200), fc.nat(200), (text, a, b) => {
			const from = Math.min(a, b, text.length);
			const to = Math.min(Math.max(a, b), text.length);
			assertSameResults(findUrlZones(text, 0, text.length), previousFindUrlZones(text, 0, text.length));
			assertSameResults(findUrlZones(text, from, to), previousFindUrlZones(text, from, to));
		}), { numRuns: 5000 });
	});

	void it('on the real letters', () => {
		for (const { name, text } of realLetterTexts()) {
			assertSameResults(findUrlZones(text, 0, text.length), previousFindUrlZones(text, 0, text.length), name);
		}
	});

	void it('on long hostile runs', () => {
		for (const run of ['<'.repeat(100000), '<http://'.repeat(20000), 'a.org/'.repeat(20000), '/'.repeat(100000), `${'a'.repeat(100000)}.org/`, 'www.'.repeat(20000)]) {
			assertSameResults(findUrlZones(run, 0, run.length), previousFindUrlZones(run, 0, run.length));
		}
	});
});
