// The shapes of letters beyond the five real ones (SPEC "What a letter contains"), written inline.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toIsoDate } from '../../../server/src/engine/calendar/dates';
import type { Letter } from '../../../server/src/engine/letter/model';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { lines, makeLetter, referenceData } from '../helpers/fixtures';

function parse(text: string): Letter {
	return parseLetter(text, referenceData);
}

function textOf(letter: Letter, range: { start: number; end: number }): string {
	return letter.text.slice(range.start, range.end);
}

const PAGE_TWO = lines(
	'',
	'20-12655 (E) 011020',
	'*2012655*',
	'',
	'A/77/512',
	'S/2022/731',
	'',
	'2/4',
	'',
);

describe('masthead and page furniture', () => {
	const text = lines(
		'United Nations A/77/512–S/2022/731',
		'',
		'General Assembly Security Council',
		'',
		'Distr.: General 28 September 2022',
		'',
		'Original: English',
		'',
		'General Assembly Seventy-seventh session',
		'Agenda item 72',
		'',
		'Promotion and protection of human rights',
		'',
		'Security Council Seventy-seventh year',
		'',
		'Letter dated 27 September 2022 from the Permanent Representative of Ruritania to the United Nations addressed to the Secretary-General',
		'',
		'I have the honour to refer to the situation described in document A/77/100 (1 June 2022), which my Government considers of the utmost',
		PAGE_TWO,
		'importance for the region and for the peace process.',
		'',
		'I should be grateful if you would have the present letter circulated as a document of the General Assembly, under agenda item 72, and of the Security Council.',
		'',
		'(Signed) Jane Doe',
		'Permanent Representative',
	);
	const letter = parse(text);
	it('reads the masthead symbol with an en dash as the identity', () => {
		assert.equal(letter.masthead?.symbol.text, 'A/77/512-S/2022/731');
		assert.equal(textOf(letter, letter.masthead.range), 'A/77/512–S/2022/731');
		assert.equal(toIsoDate(letter.distribution!.date!.date!), '2022-09-28');
	});
	it('reads a singular agenda item and its title', () => {
		assert.deepEqual(letter.agenda?.items.map((item) => [item.number, item.title?.text]), [[72, 'Promotion and protection of human rights']]);
		assert.deepEqual(letter.closingRequest?.agendaItems.map((item) => item.number), [72]);
	});
	it('sets aside running headers, job numbers, barcodes and page numbers', () => {
		const furniture = letter.furniture.map((range) => textOf(letter, range));
		assert.deepEqual(furniture, ['20-12655 (E) 011020', '*2012655*', 'A/77/512', 'S/2022/731', '2/4']);
		assert.deepEqual(letter.citations.map((citation) => citation.symbol.text), ['A/77/100']);
	});
});

describe('an agenda title broken over two paragraphs', () => {
	it('goes on in the next paragraph when its paragraph dangles and the next starts in lower case', () => {
		const letter = parse(makeLetter({
			agenda: 'Agenda item 5',
			agendaTitles: ['Illegal Israeli actions in Occupied East Jerusalem and', 'the rest of the Occupied Palestinian Territory'],
			closing: 'I should be grateful if you would have the present letter circulated as a document of the General Assembly, under agenda item 5, and of the Security Council.',
		}));
		assert.deepEqual(letter.agenda?.items.map((item) => [item.number, item.title?.text]), [[5, 'Illegal Israeli actions in Occupied East Jerusalem and the rest of the Occupied Palestinian Territory']]);
	});
	it('keeps two titles apart when the second starts with a capital, and a lower-case paragraph after a finished title is no title', () => {
		const two = parse(makeLetter({ agendaTitles: ['Prevention of armed conflict', 'Right of peoples to self-determination'] }));
		assert.deepEqual(two.agenda?.items.map((item) => item.title?.text), ['Prevention of armed conflict', 'Right of peoples to self-determination']);
		const finished = parse(makeLetter({ agenda: 'Agenda item 34', agendaTitles: ['Prevention of armed conflict', 'the rest of the text'], closing: 'I should be grateful if you would have the present letter circulated as a document of the General Assembly, under agenda item 34.' }));
		assert.deepEqual(finished.agenda?.items.map((item) => item.title?.text), ['Prevention of armed conflict']);
	});
});

describe('provisional agenda with its asterisk footnote', () => {
	const text = makeLetter({
		session: 'Seventy-fifth',
		agenda: 'Item 30 of the provisional agenda*',
		agendaTitles: ['Report of the Security Council'],
		closing: 'I should be grateful if you would have the present letter circulated as a document of the General Assembly, under item 30 of the provisional agenda, and of the Security Council.',
		footnotes: ['* A/75/150.'],
		distributed: '10 August 2020',
		title: 'Letter dated 7 August 2020 from the Permanent Representative of Ruritania to the United Nations addressed to the Secretary-General',
	});
	const letter = parse(text);
	it('reads the item of the provisional agenda', () => {
		assert.equal(letter.agenda?.provisional, true);
		assert.deepEqual(letter.agenda?.items.map((item) => item.number), [30]);
	});
	it('pairs the asterisk marker with its footnote text, which names the agenda document rather than citing it', () => {
		assert.deepEqual(letter.footnoteMarkers.map((marker) => marker.label), ['*']);
		assert.deepEqual(letter.footnotes.map((note) => [note.label, note.text]), [['*', 'A/75/150.']]);
		assert.equal(letter.agenda?.listDocument?.symbol.text, 'A/75/150');
		assert.deepEqual(letter.citations, []);
	});
});

describe('Markdown forms', () => {
	const text = makeLetter({
		body: [
			'The Council adopted resolutions [822 \\(1993\\)](#) and [853 \\(1993\\)](#), as recalled in [A/74/771-S/2020/242](#) \\(27 March 2020\\).<sup>1</sup>',
			'The attacks continued.^{2,3}',
		],
		footnotes: ['<sup>1</sup> See *S/2020/1104* (11 November 2020).', '^{2} Ibid.', '^{3} Ibid.'],
	});
	const letter = parse(text);
	it('reads link-wrapped symbols with escaped dates', () => {
		const citation = letter.citations.find((item) => item.symbol.text === 'A/74/771-S/2020/242');
		assert.equal(citation && textOf(letter, citation.range), 'A/74/771-S/2020/242');
		assert.equal(citation?.date?.date && toIsoDate(citation.date.date), '2020-03-27');
	});
	it('reads escaped resolution citations', () => {
		assert.deepEqual(letter.resolutions.map((resolution) => resolution.symbol), ['S/RES/822 (1993)', 'S/RES/853 (1993)']);
	});
	it('pairs <sup> and ^{…} markers with their texts', () => {
		assert.deepEqual(letter.footnoteMarkers.map((marker) => marker.label), ['1', '2', '3']);
		assert.deepEqual(letter.footnotes.map((note) => note.label), ['1', '2', '3']);
		const emphasised = letter.citations.find((item) => item.symbol.text === 'S/2020/1104');
		assert.equal(emphasised?.footnote, '1');
		assert.equal(emphasised?.date?.date && toIsoDate(emphasised.date.date), '2020-11-11');
	});
});

describe('line endings, byte-order mark and tabs', () => {
	const plain = makeLetter({ body: ['The Council recalled document A/75/495-S/2020/981 (2 October 2020).¹', 'Nothing else.'], footnotes: ['¹ See A/75/495.'] });
	const crlf = `\ufeff${plain.replace(/\n/g, '\r\n').replace('Distr.: General', 'Distr.:\tGeneral')}`;
	const a = parse(plain);
	const b = parse(crlf);
	it('reads the same letter whatever the line endings, with a BOM and tabs', () => {
		assert.equal(b.detection.isLetter, true);
		assert.equal(b.distribution?.date?.date && toIsoDate(b.distribution.date.date), '2020-11-03');
		assert.deepEqual(b.citations.map((citation) => citation.symbol.text), a.citations.map((citation) => citation.symbol.text));
		assert.deepEqual(b.footnotes.map((note) => note.label), ['1']);
		assert.deepEqual(b.agenda?.items.map((item) => item.number), a.agenda?.items.map((item) => item.number));
		assert.equal(b.title?.sender?.country, 'Armenia');
	});
	it('keeps ranges on the original text', () => {
		for (const citation of b.citations) {
			assert.equal(textOf(b, citation.range), citation.raw);
		}
	});
});

describe('identical letters and letter references', () => {
	const text = makeLetter({
		title: 'Identical letters dated 2 November 2020 from the Permanent Representative of Ruritania to the United Nations addressed to the Secretary-General and the President of the Security Council',
		body: [
			'Further to my letter dated 24 February 2020 and to the letter dated 27 March 2020 from the Permanent Representative of Armenia (A/74/771-S/2020/242), I wish to add the following.',
			'The letter dated 23 March 1997 from the Executive Director of Human Rights Watch addressed to the Minister for Foreign Affairs of Armenia is public.',
		],
	});
	const letter = parse(text);
	it('reads the kind and the addressees', () => {
		assert.equal(letter.kind, 'identical-letters');
		assert.equal(letter.title?.addressee?.text, 'Secretary-General and the President of the Security Council');
	});
	it('tells UN correspondence from other letters', () => {
		assert.deepEqual(letter.letterReferences.map((reference) => [reference.own, reference.unCorrespondence, reference.nearbySymbol?.text]), [
			[true, true, undefined],
			[false, true, 'A/74/771-S/2020/242'],
			[false, false, undefined],
		]);
	});
});

describe('annexes', () => {
	const text = makeLetter({
		body: ['The figures are set out in the annex to the present letter (see annex I); the maps are in annex II to the present letter.'],
		annexes: ['Annex I to the letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', 'Figures.', 'Annex II', 'Maps.'],
	});
	const letter = parse(text);
	it('reads annex headings and the references to them', () => {
		assert.deepEqual(letter.annexes.map((annex) => annex.label), ['I', 'II']);
		assert.deepEqual(letter.annexReferences.map((reference) => reference.label), ['I', 'II']);
		assert.deepEqual(letter.letterReferences, [], 'an annex heading is not a reference to another letter');
	});
});

describe('annex lists', () => {
	const letter = parse(makeLetter({ body: ['The details are given in the tables (see annexes I and III).'], annexes: ['Annex I', 'Tables.', 'Annex II', 'Maps.'] }));
	it('reads every annex of a list, each with its own range', () => {
		assert.deepEqual(letter.annexReferences.map((reference) => [reference.label, textOf(letter, reference.range)]), [['I', 'see annexes I and III'], ['III', 'III']]);
	});
});

describe('a letter introduced by a cover line that gives its symbol', () => {
	it('takes the symbol a cable\'s line above the title gives in parentheses for the letter\'s, not a citation', () => {
		const letter = parse(lines(
			'FOLLOWING IS TEXT OF LETTER FROM CUBAN CHARGE',
			'(S/10993, 12 SEPT \'73) TO PRESIDENT OF SC REPORTED REFTEL:',
			'LETTER DATED 12 SEPTEMBER 1973 FROM THE CHARGE D\'AFFAIRS AD INTERIM OF THE PERMANENT MISSION OF CUBA TO THE UNITED NATIONS ADDRESSED TO THE PRESIDENT OF THE SECURITY COUNCIL',
			'THE REVOLUTIONARY GOVERNMENT OF CUBA HAS INSTRUCTED ME TO DELIVER TO YOU THE FOLLOWING NOTE, RECALLING S/10990.',
		));
		assert.equal(letter.masthead?.symbol.text, 'S/10993');
		assert.deepEqual(letter.citations.map((citation) => citation.symbol.text), ['S/10990']);
	});
	it('takes the symbol a cable\'s lead gives in words (`THE LETTER WAS DISTRIBUTED AS SECURITY COUNCIL DOCUMENT S/11838`) for the letter\'s', () => {
		const letter = parse(lines(
			'1. SPANISH PERMREP SENT THE FOLLOWING LETTER DATED OCTOBER 2 TO THE SECRETARY GENERAL. THE LETTER',
			'WAS DISTRIBUTED AS SECURITY COUNCIL DOCUMENT S/11838.',
			'QUOTE:',
			'LETTER DATED 2 OCTOBER 1975 FROM THE PERMANENT REPRESENTATIVE OF SPAIN TO THE UNITED NATIONS ADDRESSED TO THE SECRETARY-GENERAL',
			'IN CONNEXION WITH DOCUMENT S/11836 OF 30 SEPTEMBER 1975, I SHOULD LIKE TO STATE THE FOLLOWING.',
		));
		assert.equal(letter.masthead?.symbol.text, 'S/11838');
		assert.deepEqual(letter.citations.map((citation) => citation.symbol.text), ['S/11836']);
		const cited = parse(lines('My earlier letter was circulated as document S/11835.', 'Letter dated 2 October 1975 from the Permanent Representative of Spain to the United Nations addressed to the Secretary-General', 'I have the honour to refer to document S/11836.'));
		assert.equal(cited.masthead, undefined);
	});
	it('leaves a symbol that a line above the title cites without naming a letter as it was', () => {
		const letter = parse(lines('Further to document S/10990 of 10 September 1973', 'Letter dated 12 September 1973 from the Permanent Representative of Cuba to the United Nations addressed to the President of the Security Council', 'I have the honour to refer to (S/10990).'));
		assert.equal(letter.masthead, undefined);
	});
});

describe('the kind of a text without a title', () => {
	it('is a letter when the text speaks of another note verbale, a note verbale when it names itself one', () => {
		const letter = parseLetter(lines(
			'13 May 1999',
			'',
			'His Excellency Mr. A. B. Hasan',
			'Permanent Representative of Ruritania to the United Nations',
			'',
			'Excellency,',
			'',
			'I have the honour to acknowledge receipt, under cover of note verbale 10/MT/25/93177 dated 1 April 1999, of the revised plan.',
		), referenceData);
		assert.equal(letter.kind, 'letter');
		const note = parseLetter(lines(
			'Note verbale',
			'',
			'The Permanent Mission of Ruritania to the United Nations has the honour to transmit the report of its Government.',
		), referenceData);
		assert.equal(note.kind, 'note-verbale');
	});
});
