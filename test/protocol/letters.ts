// Hand-written letters added to the fixture folder of the protocol tests, built from lines like the unit tests' letters.
import { makeLetter } from '../unit/helpers/fixtures';

/** A letter with one of every problem a quick fix can repair, citing `S/2020/9999`, which no fixture letter is. */
export const HAND_WRITTEN = makeLetter({
	masthead: 'A/75/900-S/2020/1300',
	body: ['I refer to the letter of 016 October 2020 and to document S/2020/9999 (3 October 2020), as described in annex II.¹ See also resolution 822 (1993).²'],
	closing: 'I kindly request that the present letter be circulated as a document of the General Assembly, under agenda items 34 and 72, and of the Security Council.',
	footnotes: ['¹ See A/75/495-S/2020/981 (3 October 2020).'],
	annexes: ['Annex I to the letter dated 31 October 2020 from the Permanent Representative of Armenia', 'The annex text.'],
});

/** The letter `S/2020/9999` that {@link HAND_WRITTEN} cites, added during a test. */
export const CITED_LETTER = makeLetter({
	masthead: 'S/2020/9999',
	distributed: '3 October 2020',
	title: 'Letter dated 2 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General',
});

/** A Markdown file that is not UN correspondence. */
export const NOT_A_LETTER = '# Reading list\n\nBooks to read this winter, and a recipe for soup.\n';
