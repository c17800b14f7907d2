// `footnote-duplicate` (warning): two footnote texts with the same number.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO } from './diagnose';

const ANNEX = 'Annex to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General';

function duplicates(parts: Parameters<typeof makeLetter>[0]) {
	return diagnoseCode('footnote-duplicate', makeLetter(parts));
}

describe('footnote-duplicate', () => {
	it('reports the second text of a number, pointing at the first', () => {
		const text = makeLetter({ body: ['The town was shelled.¹ Again.²'], footnotes: ['¹ See the report of the mission.', '² See the second report.', '² See the third report.'] });
		const [diagnostic, ...rest] = diagnoseCode('footnote-duplicate', text);
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'warning');
		assert.equal(diagnostic.text, '²');
		assert.equal(diagnostic.range.start, text.indexOf('² See the third'));
		assert.match(diagnostic.message, /Footnote 2\b/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
		assert.equal(diagnostic.related?.[0].range.start, text.indexOf('² See the second'));
	});

	it('reports duplicates whatever the label style', () => {
		assert.deepEqual(duplicates({ body: ['One.<sup>1</sup>'], footnotes: ['<sup>1</sup> A.', '¹ B.'] }).map((diagnostic) => diagnostic.text), ['¹']);
	});

	it('reports a duplicate inside one annex', () => {
		const diagnostics = duplicates({ body: ['One.¹'], footnotes: ['¹ A.'], annexes: [ANNEX, 'Statement.¹', '¹ Annex footnote.', '¹ Another annex footnote.'] });
		assert.equal(diagnostics.length, 1);
	});

	it('does not report footnotes that restart at 1 in an annex', () => {
		assert.deepEqual(duplicates({ body: ['One.¹ Two.²'], footnotes: ['¹ A.', '² B.'], annexes: [ANNEX, 'Statement.¹ More.²', '¹ Annex footnote.', '² Second annex footnote.'] }), []);
	});

	it('does not report footnotes that restart in each of two annexes', () => {
		const annexes = ['Annex I to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', 'First statement.¹', '¹ First annex footnote.', 'Annex II to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', 'Second statement.¹', '¹ Second annex footnote.'];
		assert.deepEqual(duplicates({ body: ['One.¹'], footnotes: ['¹ A.'], annexes }), []);
		assert.deepEqual(diagnoseCode('footnote-missing-text', makeLetter({ body: ['One.¹'], footnotes: ['¹ A.'], annexes })), []);
	});
});
