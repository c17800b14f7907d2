// Organ lines of the header: regular sessions, emergency special and special sessions, Security Council years, any case.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findOrganHeaders } from '../../../server/src/engine/letter/header';
import { organFact } from '../../../server/src/engine/letter/letterFacts';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { makeLetter, referenceData } from '../helpers/fixtures';

function organs(text: string) {
	return findOrganHeaders(text, text.length).map((organ) => [organ.organ, organ.unit, organ.ordinal, text.slice(organ.ordinalRange.start, organ.ordinalRange.end)]);
}

describe('organ headers', () => {
	it('reads emergency special and special sessions with their own units', () => {
		assert.deepEqual(organs('General Assembly\nTenth emergency special session\nAgenda item 5'), [['General Assembly', 'emergency-special-session', 10, 'Tenth emergency special session']]);
		assert.deepEqual(organs('General Assembly Eleventh emergency special session'), [['General Assembly', 'emergency-special-session', 11, 'Eleventh emergency special session']]);
		assert.deepEqual(organs('General Assembly\nTwentieth special session'), [['General Assembly', 'special-session', 20, 'Twentieth special session']]);
	});

	it('gives an emergency special session to the Assembly and the year to the Council when a two-column header reads as one line', () => {
		const text = 'General Assembly Security Council Tenth emergency special session Seventieth year Agenda item 5';
		assert.deepEqual(organs(text), [['General Assembly', 'emergency-special-session', 10, 'Tenth emergency special session'], ['Security Council', 'year', 70, 'Seventieth year']]);
		assert.deepEqual(findOrganHeaders(text, text.length).flatMap(organFact), [{ organ: 'GA', emergencySpecialSession: 10 }, { organ: 'SC', year: 2015 }]);
		assert.deepEqual(organs('Tenth emergency special session\nAgenda item 5'), [['General Assembly', 'emergency-special-session', 10, 'Tenth emergency special session']]);
		assert.deepEqual(findOrganHeaders('Economic and Social Council First special session', 60).flatMap(organFact), []);
		assert.deepEqual(organs('General Assembly\nSecurity Council\n24 June 2010\nOriginal: English\nTenth emergency special session\nAgenda item 5'), [
			['General Assembly', 'emergency-special-session', 10, 'Tenth emergency special session'],
		]);
		assert.deepEqual(organs('Human Rights Council\nTwenty-ninth special session\nSeventieth year\nFifth session'), [['Human Rights Council', 'special-session', 29, 'Twenty-ninth special session']]);
		assert.deepEqual(findOrganHeaders('Human Rights Council\nTwenty-ninth special session', 60).flatMap(organFact), [{ organ: 'HRC', specialSession: 29 }], 'the catalogue names the Council\'s special sessions as the Assembly\'s');
	});

	it('reads regular sessions and Security Council years of every era, in capitals too', () => {
		assert.deepEqual(organs('GENERAL ASSEMBLY\nForty-seventh session\nSECURITY COUNCIL\nForty-eighth year'), [
			['General Assembly', 'session', 47, 'Forty-seventh session'], ['Security Council', 'year', 48, 'Forty-eighth year'],
		]);
		assert.deepEqual(organs('Security Council First year'), [['Security Council', 'year', 1, 'First year']]);
		assert.deepEqual(organs('Security Council Eighty-first year'), [['Security Council', 'year', 81, 'Eighty-first year']]);
		assert.deepEqual(organs('General Assembly Eightieth session'), [['General Assembly', 'session', 80, 'Eightieth session']]);
	});

	it('does not take an emergency special session for a regular one: no agenda session, no regular-session checks', () => {
		const letter = parseLetter(makeLetter({ session: 'Tenth emergency special', agenda: 'Agenda item 5', agendaTitles: ['Illegal Israeli actions in Occupied East Jerusalem and the rest of the Occupied Palestinian Territory'] }), referenceData);
		assert.deepEqual(letter.organs.map((organ) => organ.unit), ['emergency-special-session', 'year']);
		assert.equal(letter.agenda?.session, undefined);
	});
	it('gives a session whose organ was lost to the Assembly when the letter names that session of the Assembly', () => {
		const note = 'Sixtieth session Agenda item 112 (e) Elections: election of 47 members of the Human Rights Council Note verbale dated 11 April 2006 from the Permanent Mission of the Russian Federation to the United Nations addressed to the President of the General Assembly The Permanent Mission presents its compliments to the President of the sixtieth session of the General Assembly.';
		const headerEnd = note.indexOf('Note verbale');
		assert.deepEqual(findOrganHeaders(note, headerEnd).flatMap(organFact), [{ organ: 'GA', session: 60 }]);
		assert.deepEqual(findOrganHeaders(note.replace('sixtieth session of', 'fifty-ninth session of'), headerEnd).flatMap(organFact), [], 'another session named');
	});
});
