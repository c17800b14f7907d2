// The catalogue fields read off one letter: what `letters`, hover, outline and workspace symbols show.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterFacts } from '../../../server/src/engine/letter/letterFacts';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { lines, makeLetter, readFixtureLetter, referenceData } from '../helpers/fixtures';

const factsOf = (text: string) => letterFacts(parseLetter(text, referenceData));

describe('letter facts', () => {
	it('reads the sample letter 001 as the SPEC example gives it', () => {
		const facts = factsOf(readFixtureLetter('001').text);
		assert.equal(facts.kind, 'letter');
		assert.equal(facts.distributed, '2020-12-22');
		assert.equal(facts.dated, '2020-12-18');
		assert.equal(facts.sender, 'Azerbaijan');
		assert.deepEqual(facts.addressees, ['Secretary-General']);
		assert.deepEqual(facts.organs, [{ organ: 'GA', session: 75 }, { organ: 'SC', year: 2020 }]);
		assert.deepEqual(facts.agendaItems[0], { number: 34, title: 'Prevention of armed conflict' });
		assert.deepEqual(facts.cites.slice(0, 4), ['S/23904', 'S/24493', 'S/24721', 'A/74/676-S/2020/90']);
		assert.equal(new Set(facts.cites).size, facts.cites.length, 'each symbol once');
	});

	it('dates a note verbale without a dated title by its place-and-date line, and names the sending mission\'s State', () => {
		const facts = factsOf(readFixtureLetter('003').text);
		assert.equal(facts.kind, 'note-verbale');
		assert.equal(facts.dated, '2020-11-04');
		assert.equal(facts.distributed, null);
		assert.match(facts.sender ?? '', /Azerbaijan$/);
	});

	it('lists both addressees of identical letters, in the order of the title', () => {
		const facts = factsOf(makeLetter({ title: 'Identical letters dated 5 May 2021 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General and the President of the Security Council' }));
		assert.equal(facts.kind, 'identical-letters');
		assert.deepEqual(facts.addressees, ['Secretary-General', 'President of the Security Council']);
	});

	it('gives one office per organ for "the Presidents of the General Assembly and the Security Council"', () => {
		const facts = factsOf(makeLetter({ title: 'Identical letters dated 5 May 2021 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General and the Presidents of the General Assembly and the Security Council' }));
		assert.deepEqual(facts.addressees, ['Secretary-General', 'President of the General Assembly', 'President of the Security Council']);
	});

	it('keeps an addressee whose name holds "and" whole', () => {
		const facts = factsOf(makeLetter({ title: 'Letter dated 5 May 2021 from the Permanent Representative of Armenia to the United Nations addressed to the Chair of the Security Council Committee concerning Bosnia and Herzegovina' }));
		assert.deepEqual(facts.addressees, ['Chair of the Security Council Committee concerning Bosnia and Herzegovina']);
	});

	it('names an officer of the United Nations by office, and a State\'s representative by the State', () => {
		const office = factsOf(makeLetter({ title: 'Letter dated 5 May 2021 from the President of the Security Council addressed to the Secretary-General' }));
		assert.equal(office.sender, 'President of the Security Council');
		const observer = factsOf(makeLetter({ title: 'Letter dated 5 May 2021 from the Permanent Observer of Palestine to the United Nations addressed to the Secretary-General' }));
		assert.equal(observer.sender, 'Palestine');
		const charge = factsOf(makeLetter({ title: "Letter dated 5 May 2021 from the Chargé d'affaires a.i. of the Permanent Mission of the Libyan Arab Jamahiriya to the United Nations addressed to the Secretary-General" }));
		assert.equal(charge.sender, 'Libyan Arab Jamahiriya');
	});

	it('shows a sender printed in capitals in the case a catalogue uses', () => {
		const facts = factsOf(makeLetter({ title: 'LETTER DATED 5 MAY 1995 FROM THE PERMANENT REPRESENTATIVE OF THE UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND TO THE UNITED NATIONS ADDRESSED TO THE SECRETARY-GENERAL' }));
		assert.equal(facts.sender, 'United Kingdom of Great Britain and Northern Ireland');
		assert.deepEqual(facts.addressees, ['Secretary-General']);
	});

	it('does not count the agenda footnote (`* A/75/150.`) among the documents a letter cites', () => {
		const text = lines(
			'General Assembly', 'Seventy-fifth session', 'Item 30 of the provisional agenda*', '',
			'Letter dated 31 July 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', '',
			'I have the honour to refer to the letter dated 3 June 2020 (A/74/900) and to Security Council document S/2020/5 (3 January 2020).', '',
			'(Signed) Mher Margaryan', '',
			'* A/75/150.',
		);
		const facts = factsOf(text);
		assert.deepEqual(facts.agendaItems.map((item) => item.number), [30]);
		assert.deepEqual(facts.cites, ['A/74/900', 'S/2020/5']);
	});

	it('gives nulls and empty lists for what a text does not say', () => {
		const facts = factsOf(lines('Permanent Mission of Ruritania', '', 'The Permanent Mission of Ruritania presents its compliments to the Secretary-General and has the honour to transmit the attached report.'));
		assert.equal(facts.kind, 'note-verbale');
		assert.equal(facts.distributed, null);
		assert.deepEqual(facts.organs, []);
		assert.deepEqual(facts.agendaItems, []);
		assert.deepEqual(facts.cites, []);
	});
	it('reads the State of a chargé d\'affaires ad interim whose mission is written `to` the State (a cable\'s transcription)', () => {
		const facts = factsOf(lines(
			'LETTER DATED 12 SEPTEMBER 1973 FROM THE CHARGE D\'AFFAIRS AD INTERIM',
			'OF THE PERMANENT MISSION TO CUBA TO THE UNITED NATIONS ADDRESSED',
			'TO THE PRESIDENT OF THE SECURITY COUNCIL',
			'THE REVOLUTIONARY GOVERNMENT OF CUBA HAS INSTRUCTED ME TO DELIVER TO YOU THE FOLLOWING NOTE.',
		));
		assert.deepEqual([facts.dated, facts.sender, facts.addressees], ['1973-09-12', 'Cuba', ['President of the Security Council']]);
		assert.equal(factsOf(lines('Letter dated 2 May 2005 from the Chargé d’affaires a.i. of the Permanent Mission of Chile to the United Nations addressed to the Secretary-General', 'I have the honour to inform you.')).sender, 'Chile');
	});

	it('reads the State a note\'s opening names before `Mission`, not a nationality adjective', () => {
		const note = (opening: string) => factsOf(lines(`EXEC 2021-44 ${opening} presents its compliments to Permanent Missions to the United Nations and requests your support.`)).sender;
		assert.equal(note('The United States Mission to the United Nations'), 'United States');
		assert.equal(note('The Iranian Mission to the United Nations'), 'Iranian Mission');
		assert.equal(note('The Permanent Mission of Chile to the United Nations'), 'Chile');
	});

	it('gives the Human Rights Council\'s special sessions as the Assembly\'s are given', () => {
		const facts = factsOf(lines('UNITED NATIONS A General Assembly Distr. GENERAL A/HRC/S-1/1 4 July 2006 Original: ENGLISH HUMAN RIGHTS COUNCIL First special session 5 July 2006 Letter dated 30 June 2006 from the Permanent Representative of Tunisia to the United Nations Office at Geneva, addressed to the President of the Human Rights Council I have the honour to request a special session.'));
		assert.deepEqual(facts.organs, [{ organ: 'HRC', specialSession: 1 }]);
	});
	it('reads an edition\'s heading under its file line, without the addressee\'s name, and the State it names before the post', () => {
		const telegram = factsOf(lines(
			'320/9–2950: telegram',
			'',
			'The United States Representative at the United Nations ( Austin ) to the Secretary of State',
			'',
			'Delga 49. Following is text of letter dated September 29 from Lie to Austin:',
			'',
			'“29 September, 1950 For attention Department of State: Dear Ambassador Austin: I am writing to request that you make such arrangements as an invitee of the United Nations during the present session of the General Assembly. Sincerely Yours, S. Trygve Lie, Secretary-General”',
		));
		assert.deepEqual([telegram.sender, telegram.addressees], ['United States', ['Secretary of State']]);
		const adjective = factsOf(lines('The British Representative at the United Nations (Cadogan) to the Assistant Secretary General of the United Nations (Hoo)1', 'Sir: I have received the following message from my Government.'));
		assert.deepEqual([adjective.sender, adjective.addressees], [null, ['Assistant Secretary General of the United Nations']]);
	});
	it('reads an edition\'s heading that names the letter after its subject: writer, addressee and US-style date', () => {
		const printed = factsOf(lines(
			'Call for the Implementation of the Security Council Resolution of March 30, 1955: Letter From the President of the Security Council to Each Member, June 7, 1955 (1)',
			'',
			'Excellency: As President of the Security Council this month it is incumbent upon me to bring to your attention my concern.',
			'',
			'Accept, Excellency, the renewed assurances of my highest consideration.',
		));
		assert.deepEqual([printed.dated, printed.sender, printed.addressees], ['1955-06-07', 'President of the Security Council', ['Each Member']]);
	});
});
