import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addresseeEnd, titleExtent } from '../../../server/src/engine/letter/titleLine';
import { assertSameResults, realLetterTexts, scannerText } from '../helpers/scannerText';

/** Titles and the bodies after them: addressees, officers, body openers, line breaks and blank lines. */
const titleText = fc.array(fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom('the', 'Secretary-General', 'President', 'of', 'Security', 'Council', 'General', 'Assembly', 'and', 'Committee', 'established', 'pursuant', 'to', 'resolution', '1540', '(2004)', 'I', 'have', 'honour', 'Armenia', 'has', 'The', 'a.i.', 'Chair', 'Secretary-General1', 'addressed') },
	{ weight: 4, arbitrary: fc.constantFrom(' ', ' ', '\n', '\n\n', '\r\n', '.', ',', ':', '“', '”') },
	{ weight: 1, arbitrary: scannerText },
), { maxLength: 40 }).map((pieces) => pieces.join(''));

/** The end read with nothing remembered: another view is read first, which empties what was kept. */
function freshEnd(view: string, start: number): number | undefined {
	addresseeEnd(`\u0000${view}`, 0);
	return addresseeEnd(view, start);
}

/** The extent read with nothing remembered. */
function freshExtent(view: string, start: number): ReturnType<typeof titleExtent> {
	titleExtent(`\u0000${view}`, 0);
	return titleExtent(view, start);
}

void describe('addresseeEnd and titleExtent, remembered for the last view, give what a fresh reading gives', () => {
	void it('on generated views read in any order, again and again', () => {
		fc.assert(fc.property(fc.array(titleText, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(2), fc.nat(300)), { minLength: 1, maxLength: 12 }), (views, calls) => {
			const expected = calls.map(([which, at]) => {
				const view = views[which % views.length];
				const start = at % (view.length + 1);
				return [freshEnd(view, start), freshExtent(view, start)];
			});
			// The same calls in a row, each view's readings kept until another view is read (and copies of a view are the same view).
			const actual = calls.map(([which, at]) => {
				const view = views[which % views.length];
				const start = at % (view.length + 1);
				const asked = which === 2 ? [...view].join('') : view;
				if (at % 2 === 0) {
					return [addresseeEnd(asked, start), titleExtent(asked, start)];
				}
				const extent = titleExtent(asked, start);
				return [addresseeEnd(asked, start), extent];
			});
			assertSameResults(actual, expected);
		}), { numRuns: 3000 });
	});

	void it('on the real letters, at each addressee', () => {
		for (const { name, text } of realLetterTexts()) {
			for (let at = text.indexOf('addressed to '); at >= 0; at = text.indexOf('addressed to ', at + 1)) {
				const start = at + 'addressed to '.length;
				const expected = freshEnd(text, start);
				assertSameResults(addresseeEnd(text, start), expected, name);
				assertSameResults(addresseeEnd(text, start), expected, name);
				const extent = freshExtent(text, at);
				assertSameResults(titleExtent(text, at), extent, name);
			}
		}
	});
});
