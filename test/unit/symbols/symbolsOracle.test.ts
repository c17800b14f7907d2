import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanDocumentSymbols } from '../../../server/src/engine/symbols/documentSymbols';
import { judgeCandidate, judgedCandidate } from '../../../server/src/engine/symbols/symbolGrammar';
import { readSymbolCandidate } from '../../../server/src/engine/symbols/symbolReader';
import { assertSameResults, realLetterTexts, scannerText } from '../helpers/scannerText';
import { previousReadSymbolCandidate, previousScanDocumentSymbols } from './previousSymbols';

/** Symbols and what stands around them: every series, near-series, joint separators, wraps, parentheses. */
const symbolText = fc.array(fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom('A/', 'S/', 'E/', 'ST/', 'CCPR/', 'CERD/', 'CEDAW/', 'CRC/', 'CAT/', 'CRPD/', 'CMW/', 'CED/', 'HRI/', 'DP/', 'UNEP/', 'TD/', 'SPLOS/', 'FCCC/', 'UNW/',
		'XA/', 'AS/', 'CEDAWS/', 'UNEPX/', 'a/', '1A/', '.S/', '\\A/', 'éA/', '𝐀A/', 'A\u0301/', '/A/', 'ES-10', 'S-27', 'SGB/', 'AI/') },
	{ weight: 6, arbitrary: fc.constantFrom('75', '2020', '495', '1', '49', '1994', 'RES', 'PV.14', 'L.1', 'Add.1', 'Corr.2', 'C.3', 'CN.4', 'HRC', '667S', '', 'B', 'he', '20x0') },
	{ weight: 4, arbitrary: fc.constantFrom('/', '/', '//', '-', '–', '—', '\\-', ' ', '  ', '\t', '\u00a0', '\n', '\r\n', '\r', ' \n ', '(1993)', ' (XXX)', '\\(1993\\)', '(Vol. I)', '(Part 2)', '(', ')', '.', ',', ';', 'x') },
	{ weight: 2, arbitrary: scannerText },
), { maxLength: 30 }).map((pieces) => pieces.join(''));

void describe('scanDocumentSymbols gives what the scanner before it gave', () => {
	void it('on generated text, whole and in bounds', () => {
		fc.assert(fc.property(fc.oneof(symbolText, scannerText), fc.integer({ min: -3, max: 300 }), fc.integer({ min: -3, max: 300 }), (text, a, b) => {
			assertSameResults(scanDocumentSymbols(text), previousScanDocumentSymbols(text));
			assertSameResults(scanDocumentSymbols(text, Math.min(a, b), Math.max(a, b)), previousScanDocumentSymbols(text, Math.min(a, b), Math.max(a, b)));
		}), { numRuns: 4000 });
	});

	void it('reads a candidate at any position as the reader before it did', () => {
		fc.assert(fc.property(symbolText, fc.nat(), (text, at) => {
			const pos = text.length === 0 ? 0 : at % text.length;
			assertSameResults(readSymbolCandidate(text, pos), previousReadSymbolCandidate(text, pos));
		}), { numRuns: 4000 });
	});

	void it('on the real letters', () => {
		for (const { name, text } of realLetterTexts()) {
			assertSameResults(scanDocumentSymbols(text), previousScanDocumentSymbols(text), name);
			assertSameResults(scanDocumentSymbols(text, 200, 2500), previousScanDocumentSymbols(text, 200, 2500), name);
		}
	});

	void it('on long hostile runs', () => {
		for (const run of ['A/'.repeat(50000), '/'.repeat(100000), 'A'.repeat(100000), `A/${' '.repeat(100000)}`, 'A/75/1-'.repeat(20000), 'A/75/495 S/2020/981 '.repeat(5000), 'AAAAAA/'.repeat(20000)]) {
			assertSameResults(scanDocumentSymbols(run), previousScanDocumentSymbols(run));
		}
	});
});

void describe('judgedCandidate gives, for every candidate, what judgeCandidate gives', () => {
	void it('on generated text read at every position, verdicts kept from one text to the next', () => {
		fc.assert(fc.property(fc.array(fc.oneof(symbolText, scannerText), { minLength: 1, maxLength: 4 }), (texts) => {
			for (const text of texts) {
				for (let at = 0; at < text.length; at++) {
					const candidate = readSymbolCandidate(text, at);
					if (candidate) {
						assertSameResults(judgedCandidate(candidate, text.slice(candidate.start, candidate.end)), judgeCandidate(candidate));
					}
				}
			}
		}), { numRuns: 3000 });
	});
});
