// A writer named by the adjective of its State (`the Iranian Delegation`, `The British Representative`): the table of
// States and adjectives, and the reader's use of it where it takes a sender from a heading, a title or an opening.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterFacts } from '../../../server/src/engine/letter/letterFacts';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { stateNamedBy } from '../../../server/src/engine/letter/stateAdjectives';
import { lines, makeLetter, referenceData } from '../helpers/fixtures';

const senderOf = (text: string) => letterFacts(parseLetter(text, referenceData)).sender;
const note = (opening: string) => senderOf(lines(`EXEC 2021-44 ${opening} presents its compliments to Permanent Missions to the United Nations and requests your support.`));
const heading = (writer: string, ...body: string[]) => senderOf(lines(`${writer} at the United Nations ( Smith ) to the Secretary-General of the United Nations ( Lie )`, '', 'Sir: I have the honour to inform you of the following.', ...body));

describe('State adjectives', () => {
	it('gives the State an adjective names, as the reader names that State elsewhere', () => {
		assert.equal(stateNamedBy('Iranian'), 'Iran');
		assert.equal(stateNamedBy('British'), 'United Kingdom');
		assert.equal(stateNamedBy('Cuban'), 'Cuba');
		assert.equal(stateNamedBy('Egyptian'), 'Egypt');
		assert.equal(stateNamedBy('Syrian'), 'Syrian Arab Republic');
	});

	it('reads adjectives that are also words or unlike their State\'s name', () => {
		assert.equal(stateNamedBy('Guinean'), 'Guinea');
		assert.equal(stateNamedBy('Equatorial Guinean'), 'Equatorial Guinea');
		assert.equal(stateNamedBy('Papua New Guinean'), 'Papua New Guinea');
		assert.equal(stateNamedBy('Chinese'), 'China');
		assert.equal(stateNamedBy('Dutch'), 'Netherlands');
		assert.equal(stateNamedBy('Soviet'), 'Union of Soviet Socialist Republics');
		assert.equal(stateNamedBy('Yugoslav'), 'Yugoslavia');
		assert.equal(stateNamedBy('Burmese'), 'Burma');
		assert.equal(stateNamedBy('Zairian'), 'Zaire');
	});

	it('reads a State\'s own name used attributively, in any case and with its article', () => {
		assert.equal(stateNamedBy('Netherlands'), 'Netherlands');
		assert.equal(stateNamedBy('the Netherlands'), 'Netherlands');
		assert.equal(stateNamedBy('United  States'), 'United States');
		assert.equal(stateNamedBy('BRITISH'), 'United Kingdom');
		assert.equal(stateNamedBy('New Zealand'), 'New Zealand');
	});

	it('names no State for an unknown word or an adjective two States share', () => {
		assert.equal(stateNamedBy('Ruritanian'), undefined);
		assert.equal(stateNamedBy('Head'), undefined);
		assert.equal(stateNamedBy('Congolese'), undefined);
		assert.equal(stateNamedBy('Dominican'), undefined);
		assert.equal(stateNamedBy('Korean'), undefined);
	});
});

describe('a sender named by the adjective of its State', () => {
	it('reads the State of an edition\'s heading that names the writer by an adjective before the post', () => {
		assert.equal(heading('The Head of the Iranian Delegation'), 'Iran');
		assert.equal(heading('The British Representative'), 'United Kingdom');
		assert.equal(heading('The Soviet Representative'), 'Union of Soviet Socialist Republics');
		assert.equal(heading('The Chinese Representative'), 'China');
		assert.equal(heading('The Ruritanian Representative'), null);
	});

	it('reads the State of a note\'s opening that names the mission by an adjective, and no sender for a word that names none', () => {
		assert.equal(note('The Cuban Mission to the United Nations'), 'Cuba');
		assert.equal(note('The Netherlands Mission to the United Nations'), 'Netherlands');
		assert.equal(note('The Dutch Permanent Mission to the United Nations'), 'Netherlands');
		assert.equal(note('The Guinean Mission to the United Nations'), 'Guinea');
		assert.equal(note('The Ruritanian Mission to the United Nations'), null);
		assert.equal(note('The Congolese Mission to the United Nations'), null);
	});

	it('reads the State of a title whose writer is a government or mission named by its adjective', () => {
		const title = (from: string) => senderOf(makeLetter({ title: `Letter dated 5 May 1950 from ${from} addressed to the Secretary-General` }));
		assert.equal(title('the Egyptian Government'), 'Egypt');
		assert.equal(title('the French Government'), 'France');
		assert.equal(title('the Netherlands Mission to the United Nations'), 'Netherlands');
		assert.equal(title('the Permanent Representative of Armenia to the United Nations'), 'Armenia');
	});

	it('does not let a State named by its adjective in the body change a sender read from the title or heading', () => {
		assert.equal(senderOf(makeLetter({
			title: 'Letter dated 5 May 2021 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General',
			body: ['The British Government has informed the Iranian Delegation of its position.'],
		})), 'Armenia');
		assert.equal(heading('The Head of the Iranian Delegation', 'The Soviet Government has refused to negotiate, and the British Representative has been told.'), 'Iran');
	});

	it('reads an adjective whose State changed with the year by the letter\'s own year', () => {
		assert.equal(stateNamedBy('Russian', 1960), 'Union of Soviet Socialist Republics');
		assert.equal(stateNamedBy('Russian', 2005), 'Russian Federation');
		assert.equal(stateNamedBy('Russian'), 'Russian Federation');
		assert.equal(stateNamedBy('German', 1980), undefined);
		assert.equal(stateNamedBy('German', 1995), 'Germany');
		assert.equal(stateNamedBy('Yemeni', 1975), undefined);
		assert.equal(stateNamedBy('Vietnamese', 1970), undefined);
		assert.equal(stateNamedBy('Vietnamese', 1980), 'Viet Nam');
		const title = (year: number, from: string) => senderOf(makeLetter({ title: `Letter dated 5 May ${year} from ${from} addressed to the Secretary-General` }));
		assert.equal(title(1950, 'the Russian Delegation'), 'Union of Soviet Socialist Republics');
		assert.equal(title(2010, 'the Russian Delegation'), 'Russian Federation');
		assert.equal(title(1980, 'the German Mission'), null);
		assert.equal(title(2010, 'the German Mission'), 'Germany');
	});
});
