// Notes without a title read from their opening formula (`The Office for Disarmament Affairs presents its compliments
// to the Permanent Missions …`), and footnote markers PDF text leaves where no footnote text answers them: a number
// glued to the end of a heading (`… addressed to the Secretary-General1`) and a `*` after a word (`(enclosed herewith)*,`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterFacts } from '../../../server/src/engine/letter/letterFacts';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { diagnose } from '../diagnostics/diagnose';
import { lines, referenceData } from '../helpers/fixtures';

const facts = (text: string) => letterFacts(parseLetter(text, referenceData));

describe('a note without a title', () => {
	it('takes its sender and addressee from the opening formula: an office of the Organization, or the State of a post', () => {
		const office = facts(lines('REFERENCE: ODA/16-2017/NDV', '', 'The Office for Disarmament Affairs presents its compliments to the Permanent Missions of Member States to the United Nations and has the honour to refer to resolution 71/67.'));
		assert.equal(office.kind, 'note-verbale');
		assert.equal(office.sender, 'Office for Disarmament Affairs');
		assert.deepEqual(office.addressees, ['Permanent Missions of Member States to the United Nations']);
		const minister = facts(lines('        Security Council', '13 March 1968', '', 'The Minister for Foreign Affairs of the Hashemite Kingdom of Jordan presents his compliments to the Secretary-General of the United Nations and has the honour to call attention to the measures.'));
		assert.equal(minister.sender, 'Hashemite Kingdom of Jordan');
		assert.deepEqual(minister.addressees, ['Secretary-General']);
		const mission = facts(lines('Note No. 12', '', 'The Permanent Mission of Kazakhstan to the United Nations presents its compliments to the Secretary-General and has the honour to transmit the statement.'));
		assert.equal(mission.sender, 'Kazakhstan');
	});

	it('lets a title decide when there is one, and reads no sender from a formula that names none', () => {
		const titled = facts(lines('Note verbale dated 5 October 2012 from the Permanent Mission of Syria to the United Nations Office at Geneva addressed to the Office of the High Commissioner', '', 'The Permanent Mission of the Syrian Arab Republic presents its compliments to the Office and has the honour to transmit a letter.'));
		assert.equal(titled.sender, 'Syria');
		const nameless = facts(lines('Permanent Mission', '', 'It presents its compliments to the Secretary-General and has the honour to transmit a statement.'));
		assert.equal(nameless.sender, null);
	});
});

describe('markers with no footnote text', () => {
	const letter = (body: string) => lines(
		'United Nations A/72/510', 'General Assembly Distr.: General 9 November 2017', '',
		'Letter dated 2 October 2017 from the Permanent Representative of Saint Vincent and the Grenadines to the United Nations addressed to the Secretary-General', '', body, '', '(Signed) Inga Rhonda King',
	);

	it('a number glued to the end of an annex heading is a marker: footnote-missing-text when its note is lost', () => {
		const text = lines(
			letter('I have the honour to transmit the list (see annex).'), '',
			'Annex to the letter dated 2 October 2017 from the Permanent Representative of Saint Vincent and the Grenadines to the United Nations addressed to the Secretary-General1',
			'List of Member States that have participated in the negotiations.',
		);
		assert.deepEqual(diagnose(text).filter((d) => d.code === 'footnote-missing-text').map((d) => d.text), ['1']);
	});

	it('a number that ends a sentence of the body, or a heading that ends in a word, is no marker', () => {
		assert.deepEqual(diagnose(letter('I have the honour to transmit the list of the Group of 77. It counts 134 members.')).filter((d) => d.code.startsWith('footnote')), []);
	});

	it('an asterisk right after a word or parenthesis in the body is a marker', () => {
		const text = letter('He filled out a visa application (enclosed herewith)*, dated 26 November 2001, for the visit.');
		assert.deepEqual(diagnose(text).filter((d) => d.code === 'footnote-missing-text').map((d) => d.text), ['*']);
	});

	it('an asterisk of emphasis, a run of asterisks or one that opens a word is no marker', () => {
		for (const body of ['This is *very* important, as the Group said.', 'PERMANENT MISSION *TO THE UNITED NATIONS and A** * f s fA.', 'The sum 5 * 3 and the rest ** of them.']) {
			assert.deepEqual(diagnose(letter(body)).filter((d) => d.code.startsWith('footnote')), [], body);
		}
	});
});

describe('a marker on an annex heading whose note is printed', () => {
	const annexed = (label: string) => lines(
		'Letter dated 2 October 2017 from the Permanent Representative of Cuba to the United Nations addressed to the Secretary-General', '',
		'I have the honour to transmit the statement (see annex).', '', '(Signed) Ana Silvia Rodríguez', '',
		`Annex to the letter dated 2 October 2017 from the Permanent Representative of Cuba to the United Nations addressed to the Secretary-General${label}`, '',
		'Statement of the Ministry for Foreign Affairs.', '', `${label} Circulated in the language of submission only.`,
	);

	it('an asterisk is not reported as lacking its text, whatever form the note takes', () => {
		assert.deepEqual(diagnose(annexed('*')).filter((d) => d.code.startsWith('footnote')), []);
	});

	it('a glued number pairs with its note: no footnote diagnostic', () => {
		assert.deepEqual(diagnose(annexed('1')).filter((d) => d.code.startsWith('footnote')), []);
	});
});
