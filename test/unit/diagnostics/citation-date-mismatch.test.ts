// `citation-date-mismatch` (warning): a cited date the symbol cannot have.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCitationDates } from '../../../server/src/engine/diagnostics/citationRules';
import { IncrementalLetterParser } from '../../../server/src/engine/letter/incrementalParse';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { makeLetter, referenceData } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO } from './diagnose';

function mismatches(body: string) {
	return diagnoseCode('citation-date-mismatch', makeLetter({ body: [body] }));
}

describe('citation-date-mismatch', () => {
	it('accepts S/2016/1140 dated 6 January 2017 (a symbol given in late December, issued in early January)', () => {
		assert.deepEqual(mismatches('See the letter A/71/740-S/2016/1140 (6 January 2017) on the subject.'), []);
	});

	it('reports S/2020/5 dated 3 May 2019', () => {
		const [diagnostic, ...rest] = mismatches('See document S/2020/5 (3 May 2019) on the subject.');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'warning');
		assert.equal(diagnostic.text, '3 May 2019');
		assert.match(diagnostic.message, /S\/2020\/5/);
		assert.match(diagnostic.message, /3 May 2019/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
	});

	it('reports a cited date written with "dated" rather than in parentheses', () => {
		assert.deepEqual(mismatches('See document S/2020/5, dated 3 May 2019, on the subject.').map((diagnostic) => diagnostic.text), ['3 May 2019']);
	});

	it('reports A/75/100 dated in 2019, before the year the seventy-fifth session opens', () => {
		const [diagnostic, ...rest] = mismatches('See document A/75/100 (3 May 2019) on the subject.');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.text, '3 May 2019');
		assert.match(diagnostic.message, /A\/75\/100/);
		assert.match(diagnostic.message, /seventy-fifth session/);
	});

	it('reports A/75/100 dated long after the seventy-fifth session closed', () => {
		const [diagnostic, ...rest] = mismatches('See document A/75/100 (3 May 2023) on the subject.');
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.text, '3 May 2023');
		assert.match(diagnostic.message, /closed/);
	});

	it('accepts A/75/… documents from early 2020 to the months after the session closed', () => {
		assert.deepEqual(mismatches('See A/75/60 (10 February 2020), A/75/660 (22 December 2020) and A/75/900 (20 September 2021).'), []);
	});

	it('reports the part of a joint symbol that the date contradicts', () => {
		const [diagnostic] = mismatches('See A/74/771-S/2020/242 (27 March 2019) on the subject.');
		assert.match(diagnostic.message, /S\/2020\/242/);
	});

	it('has nothing to say about symbols without a year or session, or about resolutions', () => {
		assert.deepEqual(mismatches('See S/24493 (3 May 2019), S/RES/2532 (2020) and A/RES/75/1 (12 May 2016).'), []);
	});

	it('does not take a date that is not in parentheses after the symbol as its date', () => {
		assert.deepEqual(mismatches('See document S/2020/5. On 3 May 2019 the talks resumed.'), []);
	});
});

describe('citation-date-mismatch after an edit of an open letter', () => {
	it('gives what a full parse of the edited text gives (the date windows of the symbols kept from the previous version are reused)', () => {
		const paragraphs = Array.from({ length: 400 }, (_, i) => `See document S/2020/${i + 1} (${i % 3 === 0 ? '3 May 2019' : '3 May 2020'}) on the subject ${i}.`);
		const text = makeLetter({ body: paragraphs });
		const parser = new IncrementalLetterParser(referenceData);
		const before = checkCitationDates(parser.parse(text), referenceData);
		// A mismatch made in the middle (the date typed over), another mended next to it (the symbol's year typed over).
		const edited = text.replace('S/2020/200 (3 May 2020)', 'S/2020/200 (3 May 2021)').replace('S/2020/202 (3 May 2019)', 'S/2019/202 (3 May 2019)');
		const after = checkCitationDates(parser.parse(edited), referenceData);
		assert.deepEqual(after, checkCitationDates(parseLetter(edited, referenceData), referenceData));
		assert.ok(before.length > 100, 'the letter has mismatches on both sides of the edit');
		assert.ok(after.some((finding) => finding.message.startsWith('S/2020/200 ')) && !after.some((finding) => finding.message.startsWith('S/2019/202 ')));
		assert.equal(after.length, before.length);
	});
});
