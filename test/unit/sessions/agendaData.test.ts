// The shipped agenda titles (data/ga-sessions.yaml, `agenda:`): what was read from the agenda documents and the UN's
// pages stays there, in the form the data promises, and the reader uses it for the adopted agenda only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { agendaItemTitle, FIRST_SESSION_WITH_PRIORITY_HEADINGS, numberToOrdinal, parseReferenceData } from '../../../server/src/engine/sessions/referenceData';
import { lines, referenceData } from '../helpers/fixtures';

const yamlText = readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'ga-sessions.yaml'), 'utf8');
const shipped = parseReferenceData(yamlText);

/** The agenda section of the data file, as lines. */
function agendaLines(): string[] {
	const all = yamlText.split('\n');
	const start = all.indexOf('agenda:');
	assert.ok(start >= 0, 'the data file has an agenda section');
	const end = all.findIndex((line, index) => index > start && /^\S/.test(line) && !line.startsWith('#'));
	return all.slice(start + 1, end < 0 ? undefined : end);
}

void describe('the shipped agenda data', () => {
	void it('reads without problems', () => {
		assert.deepEqual(shipped.problems, []);
	});

	void it('keeps at least the items read for each session (25 sessions, 225 items)', () => {
		const atLeast: Record<number, number> = {
			51: 2, 52: 16, 53: 15, 57: 15, 58: 16, 61: 1, 62: 1, 63: 3, 64: 3, 65: 4, 66: 1, 67: 9, 68: 4, 69: 5, 70: 1, 71: 8, 72: 3, 73: 10, 74: 12, 75: 16, 76: 31, 77: 11, 78: 21, 79: 11, 80: 6,
		};
		for (const [session, count] of Object.entries(atLeast)) {
			assert.ok((shipped.agenda.get(Number(session))?.size ?? 0) >= count, `session ${session}: at least ${count} items`);
		}
		const total = [...shipped.agenda.values()].reduce((sum, items) => sum + items.size, 0);
		assert.ok(total >= 225, `${total} items`);
	});

	void it('gives the titles as the agenda documents print them', () => {
		const expected: [number, number, string][] = [
			[52, 1, 'Opening of the session by the Chairman of the delegation of Malaysia'],
			[52, 16, 'Elections to fill vacancies in subsidiary organs and other elections'],
			[53, 1, 'Opening of the session by the Chairman of the delegation of Ukraine'],
			[53, 8, 'Adoption of the agenda and organization of work: reports of the General Committee'],
			[53, 11, 'Report of the Security Council'],
			[57, 16, 'Elections to fill vacancies in subsidiary organs and other elections: election of twenty members of the Committee for Programme and Coordination'],
			[58, 8, 'Organization of work, adoption of the agenda and allocation of items: reports of the General Committee'],
			[61, 13, 'The situation in the Middle East'],
			[64, 31, 'United Nations Relief and Works Agency for Palestine Refugees in the Near East'],
			[68, 36, 'Question of Palestine'],
			[71, 37, 'The situation in the occupied territories of Azerbaijan'],
			[71, 118, 'The United Nations Global Counter-Terrorism Strategy'],
			[76, 123, 'Question of equitable representation on and increase in the membership of the Security Council and other matters related to the Security Council'],
			[78, 7, 'Organization of work, adoption of the agenda and allocation of items: reports of the General Committee'],
			[77, 77, 'Report of the International Law Commission on the work of its seventy-third session'],
			[79, 110, 'Measures to eliminate international terrorism'],
			[80, 84, 'The rule of law at the national and international levels'],
			[63, 150, 'Report of the Committee on Relations with the Host Country'],
		];
		for (const [session, item, title] of expected) {
			assert.equal(agendaItemTitle(shipped, session, item)?.title, title, `${session}/${item}`);
		}
		assert.equal(agendaItemTitle(shipped, 53, 9)?.confidence, 'verified', 'read in A/53/251 on un.org');
		assert.equal(agendaItemTitle(shipped, 78, 1)?.confidence, 'secondary', 'read in a copy of A/78/251');
	});

	void it('numbers the opening items of the agendas read without a gap', () => {
		for (const [session, last] of [[52, 16], [53, 15], [58, 16], [78, 15]]) {
			for (let item = 1; item <= last; item++) {
				assert.ok(agendaItemTitle(shipped, session, item), `${session}/${item}`);
			}
		}
	});

	void it('names each session in its own credentials item', () => {
		for (const [session, items] of shipped.agenda) {
			const credentials = [...items.values()].find((fact) => fact.title.startsWith('Credentials of representatives'));
			if (credentials) {
				assert.equal(credentials.title, `Credentials of representatives to the ${numberToOrdinal(session)} session of the General Assembly`, `session ${session}`);
			}
		}
	});

	void it('has a confidence for every item and titles without a closing full stop, sub-items or stray spaces', () => {
		for (const [session, items] of shipped.agenda) {
			for (const [item, fact] of items) {
				const where = `${session}/${item}: ${fact.title}`;
				assert.ok(['verified', 'secondary', 'inferred'].includes(fact.confidence), where);
				assert.doesNotMatch(fact.title, /[.;:]$|^\s|\s$|\s{2}|\n|\(a\)/, where);
				assert.match(fact.title, /^[A-Z0-9]/, where);
			}
		}
	});

	void it('quotes every title that holds a comma or a colon, so that YAML does not cut it', () => {
		for (const line of agendaLines()) {
			const title = /title: (.*?), confidence:/.exec(line)?.[1];
			if (title !== undefined && /[,:]/.test(title)) {
				assert.match(title, /^".*"$/, line.trim());
			}
		}
	});

	void it('reports an item numbered twice in a session instead of keeping either silently', () => {
		const twice = parseReferenceData(['agenda:', '  53:', '    9: { title: General debate, confidence: verified }', '    9: { title: Report of the Security Council, confidence: verified }'].join('\n'));
		assert.ok(twice.problems.length > 0);
	});
});

void describe('agenda data and the lists letters cite', () => {
	const header = (agendaLine: string, ...titles: string[]) => parseLetter(lines(
		'United Nations', 'A/78/999', '', 'General Assembly', 'Distr.: General', '1 August 2023', '', 'Seventy-eighth session', agendaLine, ...titles, '',
		'Letter dated 31 July 2023 from the Permanent Representative of Ruritania to the United Nations addressed to the Secretary-General', '',
		'I have the honour to transmit the attached statement.', '', '(Signed) A. Person',
	), referenceData);

	void it('pairs an adopted-agenda item with the title the data gives for its number', () => {
		const letter = header('Agenda item 14', 'Culture of peace');
		assert.deepEqual(letter.agenda?.items.map((item) => [item.number, item.title?.text, item.title?.source]), [[14, 'Culture of peace', 'agenda-data']]);
	});

	void it('keeps the letter\'s order of titles in a session older than the priority headings (the 51st orders the two items the other way)', () => {
		assert.ok(FIRST_SESSION_WITH_PRIORITY_HEADINGS > 52);
		assert.deepEqual([agendaItemTitle(shipped, 51, 33)?.title, agendaItemTitle(shipped, 51, 35)?.title], ['The situation in the Middle East', 'Question of Palestine']);
		const letter = parseLetter(lines(
			'GENERAL ASSEMBLY', 'Fifty-second session', 'Agenda items 36 and 37', 'QUESTION OF PALESTINE', 'THE SITUATION IN THE MIDDLE EAST', '',
			'Letter dated 9 December 1997 from the Permanent Observer of Palestine to the United Nations addressed to the Secretary-General', '',
			'I have the honour to transmit the attached statement.', '', '(Signed) A. Person',
		), referenceData);
		assert.deepEqual(letter.agenda?.items.map((item) => [item.number, item.title?.text, item.title?.source]), [
			[36, 'QUESTION OF PALESTINE', 'letter-order'], [37, 'THE SITUATION IN THE MIDDLE EAST', 'letter-order'],
		]);
	});

	void it('never gives an item of the provisional agenda the adopted agenda\'s title for its number', () => {
		const letter = header('Item 12 of the provisional agenda*', 'Culture of peace');
		assert.equal(letter.agenda?.provisional, true);
		assert.deepEqual(letter.agenda?.items.map((item) => [item.number, item.title?.text]), [[12, 'Culture of peace']], 'A/78/251 numbers "Improving global road safety" 12');
	});
});
