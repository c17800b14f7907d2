// What an edit of an open letter needs beyond the parse is made once per model and shared: the findings of the rules
// that read the letter alone (the entry and the published diagnostics) and the line index (the entry's ranges, the
// diagnostics' positions). Shared, they must give what a fresh computation gives, whoever reads them first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterFindings } from '../../../server/src/engine/diagnostics/letterDiagnostics';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { LineIndex } from '../../../server/src/engine/text/lineIndex';
import { summarizeLetter } from '../../../server/src/engine/workspace/letterSummary';
import { lineIndexOf } from '../../../server/src/engine/workspace/lineIndexes';
import { makeLetter, readFixtureLetter, referenceData } from '../helpers/fixtures';

const WITH_FINDINGS = makeLetter({ body: ['I refer to the letter of 016 October 2020 and to document S/2020/9999 (3 October 1990), as described in annex II.¹'] });

describe('once per parsed letter', () => {
	it('gives the findings of a fresh parse, and a caller changing its list changes nobody else’s', () => {
		const letter = parseLetter(WITH_FINDINGS, referenceData);
		const first = letterFindings(letter, referenceData);
		assert.ok(first.length >= 2, 'the letter has findings');
		first.push({ code: 'date-invalid', range: { start: 0, end: 1 }, message: 'added by a caller' });
		first.reverse();
		const second = letterFindings(letter, referenceData);
		assert.deepEqual(second, letterFindings(parseLetter(WITH_FINDINGS, referenceData), referenceData));
		assert.equal(second.length, first.length - 1);
	});

	it('places the entry with one line index per model, the one a fresh index gives', () => {
		for (const text of [WITH_FINDINGS, readFixtureLetter('001').text, 'Not a letter\r\nat all\r\n']) {
			const letter = parseLetter(text, referenceData);
			const summary = summarizeLetter(letter, referenceData);
			assert.equal(lineIndexOf(letter), lineIndexOf(letter));
			const fresh = new LineIndex(text);
			assert.deepEqual(summary.end, fresh.positionAt(text.length));
			for (const citation of summary.citations) {
				const [start, end] = [fresh.positionAt(citation.range.start), fresh.positionAt(citation.range.end)];
				assert.deepEqual([citation.range.startLine, citation.range.startCharacter, citation.range.endLine, citation.range.endCharacter], [start.line, start.character, end.line, end.character]);
			}
		}
	});
});
