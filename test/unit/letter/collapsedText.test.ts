// A whole document on one line (PDF-to-text sites): read as the same letter with its lines kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toIsoDate } from '../../../server/src/engine/calendar/dates';
import type { Letter } from '../../../server/src/engine/letter/model';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { diagnose } from '../diagnostics/diagnose';
import { lines, makeLetter, referenceData } from '../helpers/fixtures';

function parse(text: string): Letter {
	return parseLetter(text, referenceData);
}

function collapse(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** What a reader reads off a letter, without ranges: the same whether its lines are kept or run together. */
function reading(letter: Letter) {
	return {
		masthead: letter.masthead?.symbol.text,
		distributed: letter.distribution?.date?.date && toIsoDate(letter.distribution.date.date),
		organs: letter.organs.map((organ) => `${organ.organ} ${organ.ordinal} ${organ.unit}`),
		agenda: letter.agenda?.items.map((item) => `${item.number} ${item.title?.text ?? '?'}`),
		title: [letter.title?.date?.raw, letter.title?.sender?.country, letter.title?.addressee?.text],
		footnotes: letter.footnotes.map((note) => `${note.label} ${note.text}`),
		markers: letter.footnoteMarkers.map((marker) => marker.label),
		cites: letter.citations.map((citation) => citation.symbol.text),
		annexes: letter.annexes.map((annex) => annex.label),
		signature: letter.signature?.name,
		closing: letter.closingRequest?.agendaItems.map((item) => item.number),
	};
}

const PAGE_BREAK = lines('20-12655 (E) 011020', '*2012655*', '', 'A/75/356', 'S/2020/947', '', '2/4');

describe('a letter collapsed to one line', () => {
	const kept = makeLetter({
		masthead: 'A/75/356–S/2020/947',
		body: [`The Council recalled document A/75/495-S/2020/981 (2 October 2020).¹ The attacks went on${'\n'}${PAGE_BREAK}${'\n'}the next day (see annex I).²`],
		footnotes: ['¹ See A/75/495.', '² Ibid.'],
		annexes: ['Annex I to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', 'Figures of the week.'],
	});
	const collapsed = collapse(kept);

	it('is read as the letter with its lines kept', () => {
		assert.equal(collapsed.includes('\n'), false);
		assert.deepEqual(reading(parse(collapsed)), reading(parse(kept)));
	});

	it('reads its header, title, footnotes, annex and signature', () => {
		const letter = parse(collapsed);
		assert.deepEqual(reading(letter), {
			masthead: 'A/75/356-S/2020/947',
			distributed: '2020-11-03',
			organs: ['General Assembly 75 session', 'Security Council 75 year'],
			agenda: ['34 Prevention of armed conflict', '71 Right of peoples to self-determination'],
			title: ['31 October 2020', 'Armenia', 'Secretary-General'],
			footnotes: ['1 See A/75/495.', '2 Ibid.'],
			markers: ['1', '2'],
			cites: ['A/75/495-S/2020/981', 'A/75/495'],
			annexes: ['I'],
			signature: 'Mher Margaryan',
			closing: [34, 71],
		});
	});

	it('sets its page furniture aside and does not cite its own symbol (masthead and running headers)', () => {
		const letter = parse(collapsed);
		assert.deepEqual(letter.furniture.map((range) => collapsed.slice(range.start, range.end)), ['20-12655 (E) 011020 *2012655*', 'A/75/356 S/2020/947', '2/4']);
		assert.deepEqual(diagnose(collapsed).filter((diagnostic) => diagnostic.severity !== 'hint' || diagnostic.code === 'citation-unresolved').map((diagnostic) => `${diagnostic.code} ${diagnostic.text}`), [
			'citation-unresolved A/75/495-S/2020/981',
			'citation-unresolved A/75/495',
		]);
	});
});

describe('a Security Council letter from a PDF-to-text site, on one line', () => {
	// The shape of docslib's text of S/2020/736 (masthead, title addressed to two addressees, body, signature, job
	// number, running header, page number, annex heading run together).
	const text = 'United Nations S/2020/736 Security Council Distr.: General 28 July 2020 Original: English Letter dated 23 July 2020 from the President of the Security Council addressed to the Secretary-General and the Permanent Representatives of the members of the Security Council I have the honour to enclose herewith a copy of the briefings provided in connection with the video-teleconference on the agenda item entitled “The situation in the Middle East”. This letter and its enclosures will be issued as a document of the Security Council. (Signed) Abdou Abarry President of the Security Council 20-09876 (E) 290720 *2009876* S/2020/736 2/12 20-09876 Annex 1 Briefing by the Special Coordinator for the Middle East Peace Process I thank you for this opportunity.';
	const letter = parse(text);

	it('reads the masthead, the title with both addressees, the signature and the annex', () => {
		assert.equal(letter.masthead?.symbol.text, 'S/2020/736');
		assert.equal(toIsoDate(letter.distribution!.date!.date!), '2020-07-28');
		assert.equal(letter.title?.sender?.text, 'President of the Security Council');
		assert.equal(letter.title?.sender?.country, undefined, 'an officer of the Organization represents no State');
		assert.equal(letter.title?.addressee?.text, 'Secretary-General and the Permanent Representatives of the members of the Security Council');
		assert.equal(letter.signature?.name, 'Abdou Abarry');
		assert.deepEqual(letter.annexes.map((annex) => text.slice(annex.headingRange.start, annex.headingRange.end)), ['Annex 1']);
	});

	it('cites nothing: the running header is its own symbol', () => {
		assert.deepEqual(letter.citations, []);
	});
});

describe('what a collapsed text must not be read as', () => {
	it('a page of notes on one line that mentions Distr. and a symbol stays a non-letter', () => {
		const notes = 'Reading notes, week 46. Distr. list to be updated; S/2020/1104 is the Russian statement; compare with the letter dated 10 November 2020.';
		assert.equal(parse(notes).detection.isLetter, false);
	});

	it('a letter reference in the collapsed body is not taken for the title', () => {
		const text = collapse(makeLetter({ body: ['Further to my letter dated 24 February 2020 addressed to you, I wish to add the following.'] }));
		const letter = parse(text);
		assert.equal(letter.title?.date?.raw, '31 October 2020');
		assert.deepEqual(letter.letterReferences.map((reference) => reference.own), [true]);
	});

	it('a date or a number in running text does not start a footnote or a line', () => {
		const text = collapse(makeLetter({ body: ['On 12 May 1992 the Council met 3 times, and 1.5 million people were displaced.'] }));
		const letter = parse(text);
		assert.deepEqual([letter.footnotes, letter.footnoteMarkers], [[], []]);
	});
});

describe('a bare Annex heading run on after the signature of a one-line text', () => {
	// The shape of the Word text of the Counter-Terrorism Committee's letter of 3 August 2006 (humanrightsvoices.org):
	// title, body with `(see annex)`, closing request, signature block with a long post, then `Annex` and its title.
	const oneLine = (body: string, tail: string) => `Letter dated 3 August 2006 from the Acting Chairman of the Security Council Committee established pursuant to resolution 1373 (2001) concerning counter-terrorism addressed to the President of the Security Council ${body} I should be grateful if you would have the present letter and its annex circulated as a document of the Security Council. (Signed) Adamantios Th. Vassilakis Acting Chairman Security Council Committee established pursuant to resolution 1373 (2001) concerning counter-terrorism ${tail}`;
	const headings = (text: string) => parse(text).annexes.map((annex) => text.slice(annex.headingRange.start, annex.headingRange.end));
	const annexMissing = (text: string) => diagnose(text).filter((diagnostic) => diagnostic.code === 'annex-missing').map((diagnostic) => diagnostic.text);

	it('takes the Annex after the signatory\'s post for the annex heading, and raises no annex-missing', () => {
		const text = oneLine('Annexed hereto is the work programme of the Committee (see annex).', 'Annex Work programme of the Counter-Terrorism Committee (1 July-31 December 2006) Introduction 1. The Committee met.');
		assert.deepEqual(headings(text), ['Annex']);
		assert.equal(parse(text).signature?.name, 'Adamantios Th. Vassilakis Acting Chairman Security Council Committee established pursuant to resolution 1373 (2001) concerning counter-terrorism');
		assert.deepEqual(annexMissing(text), []);
	});

	it('does not take prose for a heading: "see annex", "the annex to the present letter", "the Annex", "in Annex", an Annex before a word in lower case, a capitalised Annex before the signature or far after it', () => {
		const farAfter = `${'The Committee will meet again in the autumn and report on its work. '.repeat(7)}Members welcomed Annex Group reports.`;
		const cases: [string, string][] = [
			['The work programme is annexed (see annex).', 'see annex for the programme.'],
			['The work programme is annexed (see annex).', 'The annex to the present letter Was received late.'],
			['The work programme is annexed (see annex).', 'see Annex Work programme of the Committee.'],
			['The work programme is annexed (see annex).', 'the Annex Committee met.'],
			['The work programme is annexed (see annex).', 'in Annex Work programme of the Committee.'],
			['The work programme is annexed (see annex).', 'to this Annex Members agreed.'],
			['The work programme is annexed (see annex).', 'Annex omitted for reasons of length.'],
			['Members welcomed Annex Group reports (see annex).', ''],
			['The work programme is annexed (see annex).', farAfter],
		];
		for (const [body, tail] of cases) {
			const text = oneLine(body, tail);
			assert.deepEqual(headings(text), [], tail || body);
			assert.equal(annexMissing(text)[0], 'see annex', `the body's reference stays unanswered: ${tail || body}`);
		}
	});
});
