// Footnote texts on consecutive lines, labelled by superscripts or by plain numbers, and footnotes followed by the body.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Letter } from '../../../server/src/engine/letter/model';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { diagnose } from '../diagnostics/diagnose';
import { lines, makeLetter, referenceData } from '../helpers/fixtures';

function parse(text: string): Letter {
	return parseLetter(text, referenceData);
}

function footnotes(letter: Letter): string[] {
	return letter.footnotes.map((note) => `${note.label} ${note.text}`);
}

function problems(text: string): string[] {
	return diagnose(text).filter((diagnostic) => diagnostic.severity === 'error' || diagnostic.severity === 'warning').map((diagnostic) => `${diagnostic.code} ${diagnostic.text}`);
}

describe('footnote texts printed on consecutive lines', () => {
	it('reads each superscript-labelled line as its own footnote', () => {
		const text = makeLetter({ body: ['The attacks continued.¹ The report was issued.² Nothing changed.³'], footnotes: ['¹ See A/75/100.\n² Ibid.\n³ A/75/200, para. 3.'] });
		assert.deepEqual(footnotes(parse(text)), ['1 See A/75/100.', '2 Ibid.', '3 A/75/200, para. 3.']);
		assert.deepEqual(problems(text), []);
	});

	it('reads footnotes labelled by plain numbers, as PDF text prints them, with the numbers glued to the text as markers', () => {
		const text = lines(
			'Distr.: General', '',
			'Letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', '',
			'I am writing with regard to the attacks on the region.1 It has been over a month since the war began in 2020.2 The',
			'Council met on 12 May 1992, on 3 occasions since, and 1.5 million people fled.3',
			'1 See A/75/100.',
			'2 Ibid.',
			'3 A/75/200 and S/2020/300.',
		);
		const letter = parse(text);
		assert.deepEqual(footnotes(letter), ['1 See A/75/100.', '2 Ibid.', '3 A/75/200 and S/2020/300.']);
		assert.deepEqual(letter.footnoteMarkers.map((marker) => text.slice(marker.range.start - 1, marker.range.end)), ['.1', '.2', '.3']);
		assert.deepEqual(letter.citations.map((citation) => `${citation.symbol.text} ${citation.footnote}`), ['A/75/100 1', 'A/75/200 3', 'S/2020/300 3']);
		assert.deepEqual(problems(text), []);
	});

	it('ends a footnote where the body goes on without a blank line', () => {
		const text = lines(
			'Letter dated 3 April 2013 from the Permanent Representative of Cyprus to the United Nations addressed to the Secretary-General', '',
			'I have the honour to refer to document A/67/742-S/2013/95.¹',
			'¹ See A/67/742-S/2013/95.',
			'² See resolution 186 (1964).',
			'I should be grateful if you would have the present letter circulated as a document of the General Assembly, under agenda item 43, and of the Security Council.²',
		);
		const letter = parse(text);
		assert.deepEqual(footnotes(letter), ['1 See A/67/742-S/2013/95.', '2 See resolution 186 (1964).']);
		assert.deepEqual(letter.closingRequest?.agendaItems.map((item) => item.number), [43]);
	});

	it('keeps a footnote that goes on over a line break as one', () => {
		const letter = parse(makeLetter({ body: ['See the list.¹'], footnotes: ['¹ For more information, see A/67/753-S/2013/106 (22 February 2013) and\nA/75/742-S/2021/279 (22 March 2021).'] }));
		assert.equal(letter.footnotes.length, 1);
		assert.match(letter.footnotes[0].text, /A\/75\/742-S\/2021\/279/);
	});
});

describe('what is not a footnote', () => {
	it('numbered lines are not footnotes when no marker points at them', () => {
		const text = lines(
			'Letter dated 15 February 2008 from the Permanent Representative of the Syrian Arab Republic to the United Nations addressed to the Secretary-General',
			'I request the retention of the following items in paragraph 2 of the document:',
			'1 The Palestine question.',
			'16 The situation in the occupied Arab territories.',
		);
		assert.deepEqual([parse(text).footnotes, problems(text)], [[], []]);
	});

	it('numbers glued to words are not markers without a footnote text of that number, and a line that starts with a date is not one', () => {
		const text = makeLetter({ body: ['The Group of 77 met in 2020.5 Its members, numbering 134,2 agreed.', '12 May 1992 was the day of the attack.'] });
		const letter = parse(text);
		assert.deepEqual([letter.footnotes, letter.footnoteMarkers], [[], []]);
	});

	it('a plain-numbered footnote is not taken where superscript footnote texts already carry that number', () => {
		const letter = parse(makeLetter({ body: ['The attacks continued.¹'], footnotes: ['¹ See A/75/100.', '1 More about the attacks.'] }));
		assert.deepEqual(letter.footnotes.map((note) => note.label), ['1']);
	});
});
