import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanDates } from '../../../server/src/engine/calendar/dates';
import { assertSameResults, realLetterTexts, scannerText } from '../helpers/scannerText';
import { previousScanDates } from './previousDates';

void describe('scanDates gives what the scanner before it gave', () => {
	void it('on generated text, whole and in bounds', () => {
		fc.assert(fc.property(scannerText, fc.integer({ min: -3, max: 400 }), fc.integer({ min: -3, max: 400 }), (text, a, b) => {
			assertSameResults(scanDates(text), previousScanDates(text));
			assertSameResults(scanDates(text, Math.min(a, b), Math.max(a, b)), previousScanDates(text, Math.min(a, b), Math.max(a, b)));
		}), { numRuns: 3000 });
	});

	void it('on dates in every spelling, with anything before and after', () => {
		const month = fc.constantFrom('January', 'june', 'JULY', 'September', 'SEPTEMBER', 'November', 'xSeptember', 'Sept.', 'Sept', 'Sep', 'sep', 'Dec.', 'ſeptember', 'Auguſt', 'May', 'Mayo', 'Ma', 'Octob');
		const gap = fc.constantFrom(' ', '  ', '\u00a0', '\t', '\n', ' \r\n ', '\r', '\n\n', '', ' \n \n');
		const before = fc.constantFrom('', ' ', 'a', '1', '.', ',', '/', 'é', '𝐀', '𝟎', '\u0301', '(', '\n', '\ud835');
		const date = fc.tuple(before, fc.constantFrom('1', '16', '016', '0', '31', '29', '123', '1234', ''), fc.constantFrom('', 'st', 'th', 'ST', 'ſt', 'nd'), gap,
			fc.constantFrom('', 'of', 'OF'), gap, month, gap, fc.constantFrom('', ','), gap, fc.constantFrom('2020', '2021', '0000', '20201', '202', '1900'), fc.constantFrom('', '1', '𝟎', '٣', ' ', ')'))
			.map((parts) => parts.join(''));
		const monthFirst = fc.tuple(before, month, gap, fc.constantFrom('28', '1', '031', '3rd', '1ſt', ''), gap, fc.constantFrom('', ','), gap, fc.constantFrom('2020', '1999', '20201'), fc.constantFrom('', '٣', '.'))
			.map((parts) => parts.join(''));
		fc.assert(fc.property(fc.array(fc.oneof(date, monthFirst, scannerText), { maxLength: 6 }).map((parts) => parts.join('')), (text) => {
			assertSameResults(scanDates(text), previousScanDates(text));
		}), { numRuns: 3000 });
	});

	void it('on the real letters', () => {
		for (const { name, text } of realLetterTexts()) {
			assertSameResults(scanDates(text), previousScanDates(text), name);
			assertSameResults(scanDates(text, 100, 3000), previousScanDates(text, 100, 3000), name);
		}
	});

	void it('on long hostile runs', () => {
		for (const run of ['1 '.repeat(50000), ' '.repeat(100000), 'Sept '.repeat(20000), '16 October '.repeat(10000), `1${'\u00a0'.repeat(100000)}`, 'May 1 '.repeat(20000), '1 of '.repeat(20000)]) {
			assertSameResults(scanDates(run), previousScanDates(run));
		}
		const spaces = ' '.repeat(200000);
		for (const run of [`1 October${spaces}2020`, `October 1${spaces}2020`, `1 October,${spaces}2020`, `1${spaces}October 2020`, `October${spaces}1, 2020`]) {
			assertSameResults(scanDates(run), previousScanDates(run));
		}
	});

	void it('reads a date that does not end in a year after a long run of spaces in linear time (the whole pattern backtracked quadratically)', () => {
		const spaces = ' '.repeat(200000);
		for (const text of [`1 October${spaces}x`, `October 1${spaces}x`, `1 October${spaces}\n\n\n2020`, `1 October ,${spaces}x`]) {
			assertSameResults(scanDates(text.repeat(5)), []);
		}
	});
});
