import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { parseReferenceData } from '../../../server/src/engine/sessions/referenceData';
import {
	DERIVED_SLACK, generalAssemblyResolutionSessions, parseResolutionNumbering, securityCouncilResolutionYears,
} from '../../../server/src/engine/sessions/resolutionNumbers';

const dataDir = join(import.meta.dirname, '..', '..', '..', 'data');
const shipped = parseReferenceData(readFileSync(join(dataDir, 'ga-sessions.yaml'), 'utf8'), readFileSync(join(dataDir, 'resolutions.yaml'), 'utf8'));

function numbering(yamlText: string) {
	const problems: string[] = [];
	return { numbering: parseResolutionNumbering(parseYaml(yamlText), problems), problems };
}

void describe('parseResolutionNumbering', () => {
	void it('reads first, last, includes and derived bounds', () => {
		const { numbering: read, problems } = numbering([
			'securityCouncil:',
			'  years:',
			'    1993: { first: 800, last: 892, confidence: secondary }',
			'    1997: { includes: [1093, 1119], confidence: verified }',
			'    2019: { first: 2452, last: 2503, derived: [last], confidence: verified }',
			'generalAssembly:',
			'  sessions:',
			'    19: { first: 1994, last: 2007, confidence: verified }',
		].join('\n'));
		assert.deepEqual(problems, []);
		assert.deepEqual(read.securityCouncilYears.get(1993), { first: 800, last: 892, includes: [], derived: [], confidence: 'secondary' });
		assert.deepEqual(read.securityCouncilYears.get(1997)?.includes, [1093, 1119]);
		assert.deepEqual(read.securityCouncilYears.get(2019)?.derived, ['last']);
		assert.equal(read.generalAssemblySessions.get(19)?.last, 2007);
	});

	void it('lists every entry it cannot use, and keeps the rest', () => {
		const { numbering: read, problems } = numbering([
			'securityCouncil:',
			'  years:',
			'    1990: { first: 647, last: 683 }',
			'    1991: { first: 725, last: 684 }',
			'    1992: { includes: [726, "x"], colour: blue }',
			'    1993: { confidence: verified }',
			'    abc: { first: 1 }',
			'    1994: { first: 700, last: 969 }',
			'    1995: 12',
		].join('\n'));
		assert.equal(read.securityCouncilYears.get(1990)?.confidence, 'unknown');
		assert.deepEqual(read.securityCouncilYears.get(1992)?.includes, [726]);
		assert.ok(!read.securityCouncilYears.has(1993), 'an entry giving no number');
		assert.ok(!read.securityCouncilYears.has(1995));
		const text = problems.join('\n');
		assert.match(text, /1991: first 725 is after last 684/);
		assert.match(text, /1992: includes "x"/);
		assert.match(text, /1992: unexpected "colour"/);
		assert.match(text, /1993: gives no number/);
		assert.match(text, /abc: the key must be a number/);
		assert.match(text, /1994: number 700 is not after/, 'numbers must grow from year to year');
		assert.match(text, /1995: needs a mapping/);
	});

	void it('never throws on text that is not the expected shape', () => {
		for (const text of ['', '42', '- a', 'securityCouncil: [1, 2]', 'generalAssembly: { sessions: 7 }']) {
			const { numbering: read } = numbering(text);
			assert.equal(read.securityCouncilYears.size + read.generalAssemblySessions.size, 0, text);
		}
		const broken = parseReferenceData('sessions: {}', 'securityCouncil: [');
		assert.match(broken.problems.join('\n'), /resolutions data file is not valid YAML/);
	});
});

void describe('the shipped resolution numbering', () => {
	void it('has no problems, and every year of the Security Council from 1946 to 2025', () => {
		assert.deepEqual(shipped.problems, []);
		for (let year = 1946; year <= 2025; year++) {
			assert.ok(shipped.resolutions.securityCouncilYears.has(year), `${year}`);
		}
	});

	void it('places Security Council resolutions in their years', () => {
		const years = (number: number) => securityCouncilResolutionYears(shipped.resolutions, number);
		assert.deepEqual(years(1), { earliest: 1946, latest: 1946 });
		assert.deepEqual(years(242), { earliest: 1967, latest: 1967 });
		assert.deepEqual(years(822), { earliest: 1993, latest: 1993 });
		assert.deepEqual(years(893), { earliest: 1994, latest: 1994 }, '893 was adopted on 6 January 1994');
		assert.deepEqual(years(1325), { earliest: 2000, latest: 2000 });
		assert.deepEqual(years(2334), { earliest: 2016, latest: 2016 });
		assert.deepEqual(years(2452), { earliest: 2019, latest: 2019 });
		assert.deepEqual(years(2560), { earliest: 2020, latest: 2020 });
		assert.equal(years(9999).latest, undefined, 'beyond the data: only a lower bound');
	});

	void it('gives derived bounds their slack, so that a count off by one never settles a year', () => {
		const years = (number: number) => securityCouncilResolutionYears(shipped.resolutions, number);
		// 2617/2618 is computed from counts (57 in 2021, 54 in 2022), not read.
		assert.deepEqual(years(2617), { earliest: 2021, latest: 2022 });
		assert.deepEqual(years(2618), { earliest: 2021, latest: 2022 });
		assert.deepEqual(years(2617 - DERIVED_SLACK), { earliest: 2021, latest: 2021 });
		assert.deepEqual(years(2618 + DERIVED_SLACK), { earliest: 2022, latest: 2022 });
	});

	void it('places old General Assembly resolutions in their sessions', () => {
		const sessions = (number: number) => generalAssemblyResolutionSessions(shipped.resolutions, number);
		assert.deepEqual(sessions(2000), { earliest: 19, latest: 19 });
		assert.deepEqual(sessions(2758), { earliest: 26, latest: 26 });
		assert.deepEqual(sessions(217), { earliest: 3, latest: 3 });
		const between = sessions(1500);
		assert.ok(between.earliest !== undefined && between.latest !== undefined && between.earliest >= 12 && between.latest <= 16, '1500 lies between 1226 (XII) and 1627 (XVI)');
	});
});
