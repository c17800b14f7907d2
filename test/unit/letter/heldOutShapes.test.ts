// Shapes the held-out corpus showed: a title broken over blank lines after a word a title cannot end with, the date
// line under the symbol line of an older masthead, and a resolution numbered by another body far beyond the Council's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterFacts } from '../../../server/src/engine/letter/letterFacts';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { diagnose } from '../diagnostics/diagnose';
import { lines, referenceData } from '../helpers/fixtures';

const facts = (text: string) => letterFacts(parseLetter(text, referenceData));
const BODY = ['', 'I have the honour to state the position of my Government.', '', '(Signed) Andre ERNEMANN'];

describe('a title printed over lines separated by blank lines', () => {
	it('goes on after a line that ends with a word a title cannot end with', () => {
		const read = facts(lines('Letter dated 18 October 1977 from the Permanent Representative of', '', 'Belgium to the United Nations addressed to the President of the', '', 'General Assembly', ...BODY));
		assert.equal(read.dated, '1977-10-18');
		assert.equal(read.sender, 'Belgium');
		assert.deepEqual(read.addressees, ['President of the General Assembly']);
	});

	it('ends at a blank line after a complete addressee', () => {
		const read = facts(lines('Letter dated 18 October 1977 from the Permanent Representative of Belgium to the United Nations addressed to the Secretary-General', '', 'General Assembly members will recall the decision.', ...BODY));
		assert.deepEqual(read.addressees, ['Secretary-General']);
	});
});

describe('an older masthead without Distr.', () => {
	const header = (between: string[]) => lines('        General Assembly', '        Security Council', ...between, '', 'Twenty-ninth session', 'Agenda item 109', 'Thirtieth year', '',
		'Letter dated 8 July 1975 from the Acting Permanent Representative of Israel to the United Nations addressed to the Secretary-General', ...BODY);

	it('reads the date under the organ names and the symbol line as the distribution date', () => {
		const read = facts(header(['A/10133 - S/11749', '8 July 1975']));
		assert.equal(read.distributed, '1975-07-08');
		assert.equal(parseLetter(header(['A/10133 - S/11749', '8 July 1975']), referenceData).masthead?.symbol.text, 'A/10133-S/11749');
	});

	it('does not take a date after a line of prose for it', () => {
		assert.equal(facts(header(['The Assembly met on', '8 July 1975'])).distributed, null);
	});
});

describe('a resolution numbered by another body', () => {
	const letter = (resolution: string) => lines('Letter dated 11 January 2016 from the Permanent Representative of Iran to the United Nations addressed to the Secretary-General', '', `I have the honour to refer to the letter transmitting ${resolution} adopted at an extraordinary session.`, '', '(Signed) Gholamali KHOSHROO');

	it('is not judged against the Council\'s numbering when its number is far beyond the Council\'s', () => {
		assert.deepEqual(diagnose(letter('to the President of the Security Council (S/2016/120), transmitting Security Council resolution No. 7988 of 10 January 2016')).filter((d) => d.code === 'resolution-year-mismatch'), []);
	});

	it('a Council number is still judged', () => {
		assert.deepEqual(diagnose(letter('to the President of the Security Council (S/2016/120), transmitting Security Council resolution 822 of 10 January 2016')).filter((d) => d.code === 'resolution-year-mismatch').map((d) => d.code), ['resolution-year-mismatch']);
	});
});
