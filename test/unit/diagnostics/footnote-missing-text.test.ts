// `footnote-missing-text` (error): a footnote marker with no footnote text in the letter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO } from './diagnose';

const ANNEX_HEADING = 'Annex to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General';

function missing(parts: Parameters<typeof makeLetter>[0]) {
	return diagnoseCode('footnote-missing-text', makeLetter(parts));
}

describe('footnote-missing-text', () => {
	it('reports a superscript marker without a text', () => {
		const [diagnostic, ...rest] = missing({ body: ['The town was shelled.¹ Then again.²'], footnotes: ['¹ See the report of the mission.'] });
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'error');
		assert.equal(diagnostic.text, '²');
		assert.match(diagnostic.message, /marker 2\b/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
		assert.equal(diagnostic.fix?.footnoteLabel, '2');
	});

	it('reports a multi-digit superscript marker as one number', () => {
		const body = Array.from({ length: 14 }, (_, i) => `Fact ${i + 1}.${String(i + 1).replace(/\d/g, (digit) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(digit)])}`).join(' ');
		const footnotes = Array.from({ length: 13 }, (_, i) => `${String(i + 1).replace(/\d/g, (digit) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(digit)])} Source ${i + 1}.`);
		assert.deepEqual(missing({ body: [body], footnotes }).map((diagnostic) => diagnostic.text), ['¹⁴']);
	});

	it('reports each number of ^{3,4,5} on its own', () => {
		const diagnostics = missing({ body: ['One.¹ Two.² Three.^{3,4,5}'], footnotes: ['¹ A.', '² B.', '³ C.'] });
		assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.text), ['4', '5']);
	});

	it('reports a <sup> marker without a text', () => {
		const diagnostics = missing({ body: ['One.<sup>1</sup> Two.<sup>2</sup>'], footnotes: ['<sup>1</sup> A.'] });
		assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.text), ['2']);
	});

	it('reports an annex marker whose text is only in the letter (footnotes restart in each annex)', () => {
		const diagnostics = missing({ body: ['One.¹ Two.²'], footnotes: ['¹ A.', '² B.'], annexes: [ANNEX_HEADING, 'Statement. Text.¹ More.²', '¹ Annex footnote.'] });
		assert.equal(diagnostics.length, 1);
		assert.equal(diagnostics[0].text, '²');
		assert.ok(diagnostics[0].range.start > makeLetter({ body: ['One.¹ Two.²'], footnotes: ['¹ A.', '² B.'] }).length, 'the marker in the annex');
	});

	it('says nothing when every marker has its text, whatever the marker style', () => {
		assert.deepEqual(missing({ body: ['One.¹ Two.<sup>2</sup> Three.^{3,4}'], footnotes: ['¹ A.', '<sup>2</sup> B.', '³ C.', '⁴ D.'] }), []);
		assert.deepEqual(missing({ body: ['One.¹ Two.²'], footnotes: ['¹ A.', '² B.'], annexes: [ANNEX_HEADING, 'Statement.¹', '¹ Annex footnote.'] }), []);
	});

	it('does not take units or the provisional agenda asterisk with its footnote for missing footnotes', () => {
		assert.deepEqual(missing({ body: ['The area of 120 km² and 40 m³ of water.'] }), []);
		const text = makeLetter({ agenda: 'Item 30 of the provisional agenda*', agendaTitles: ['Prevention of armed conflict'], footnotes: ['* A/75/150.'] });
		assert.deepEqual(diagnoseCode('footnote-missing-text', text), []);
	});

	it('says nothing when the footnote texts stand on consecutive lines, as PDF text prints them', () => {
		assert.deepEqual(missing({ body: ['The town was shelled.¹ Then again.² And again.³'], footnotes: ['¹ See the report.\n² Ibid.\n³ Ibid.'] }), []);
	});

	it('reports the provisional agenda asterisk when its footnote is missing', () => {
		const text = makeLetter({ agenda: 'Item 30 of the provisional agenda*', agendaTitles: ['Prevention of armed conflict'] });
		assert.deepEqual(diagnoseCode('footnote-missing-text', text).map((diagnostic) => diagnostic.text), ['*']);
	});
});
