// `footnote-unreferenced` (warning): a footnote text whose number no marker uses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO } from './diagnose';

function unreferenced(parts: Parameters<typeof makeLetter>[0]) {
	return diagnoseCode('footnote-unreferenced', makeLetter(parts));
}

describe('footnote-unreferenced', () => {
	it('reports a footnote text that no marker uses, on its label', () => {
		const [diagnostic, ...rest] = unreferenced({ body: ['The town was shelled.¹'], footnotes: ['¹ See the report of the mission.', '² See the second report.'] });
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'warning');
		assert.equal(diagnostic.text, '²');
		assert.match(diagnostic.message, /Footnote 2\b/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
	});

	it('reports a <sup> footnote text that no marker uses', () => {
		assert.deepEqual(unreferenced({ body: ['One.<sup>1</sup>'], footnotes: ['<sup>1</sup> A.', '<sup>2</sup> B.'] }).map((diagnostic) => diagnostic.text), ['<sup>2</sup>']);
	});

	it('counts every number of ^{3,4,5} as a use', () => {
		assert.deepEqual(unreferenced({ body: ['One.¹ Two.² Three.^{3,4,5}'], footnotes: ['¹ A.', '² B.', '³ C.', '⁴ D.', '⁵ E.'] }), []);
	});

	it('does not count a marker of the letter as a use of an annex footnote', () => {
		const heading = 'Annex to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General';
		const diagnostics = unreferenced({ body: ['One.¹'], footnotes: ['¹ A.'], annexes: [heading, 'Statement with no marker.', '¹ Annex footnote.'] });
		assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.text), ['¹']);
	});

	it('says nothing when every text is used', () => {
		assert.deepEqual(unreferenced({ body: ['One.¹ Two.²'], footnotes: ['¹ A.', '² B.'] }), []);
	});
});
