import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanResolutionCitations } from '../../../server/src/engine/symbols/resolutions';

/** [raw, symbol, organ] of every match, for compact assertions. */
function summary(text: string): [string, string, string][] {
	return scanResolutionCitations(text).map((m) => [m.raw, m.symbol, m.organ]);
}

void describe('scanResolutionCitations on the real letters', () => {
	void it('reads the Markdown-wrapped, escaped list of fixture 001', () => {
		const sentence = 'In 1993, in response to the continued acts of aggression, the Security Council adopted four resolutions – [822 \\(1993\\)](#), [853 \\(1993\\)](#), [874 \\(1993\\)](#) and [884 \\(1993\\)](#) – condemning the use of force against Azerbaijan';
		const matches = scanResolutionCitations(sentence);
		assert.deepEqual(matches.map((m) => [m.raw, m.symbol, m.organ, m.number, m.year]), [
			['822 \\(1993\\)', 'S/RES/822 (1993)', 'Security Council', '822', 1993],
			['853 \\(1993\\)', 'S/RES/853 (1993)', 'Security Council', '853', 1993],
			['874 \\(1993\\)', 'S/RES/874 (1993)', 'Security Council', '874', 1993],
			['884 \\(1993\\)', 'S/RES/884 (1993)', 'Security Council', '884', 1993],
		]);
		assert.equal(sentence.slice(matches[0].start, matches[0].end), '822 \\(1993\\)');
		assert.equal(sentence[matches[0].start - 1], '[');
		assert.equal(matches[0].url, 'https://undocs.org/S/RES/822(1993)');
	});

	void it('reads the plain list of fixture 001', () => {
		const sentence = "The resumption of hostilities has become the consequence of Armenia's disregard for international law, deliberate non-fulfilment of Security Council resolutions 822 (1993), 853 (1993), 874 (1993) and 884 (1993), inflammatory and warmongering statements";
		const matches = scanResolutionCitations(sentence);
		assert.deepEqual(matches.map((m) => m.raw), ['822 (1993)', '853 (1993)', '874 (1993)', '884 (1993)']);
		assert.ok(matches.every((m) => m.organ === 'Security Council' && m.year === 1993));
		assert.equal(sentence.slice(matches[3].start, matches[3].end), '884 (1993)');
	});

	void it('reads the capitalised list with ", and" of fixture 003', () => {
		const sentence = 'In its Resolutions 822 (1993), 853 (1993), 874 (1993), and 884 (1993), the UN Security Council expressed its serious concern over “a continuation of the conflict';
		assert.deepEqual(summary(sentence).map(([raw]) => raw), ['822 (1993)', '853 (1993)', '874 (1993)', '884 (1993)']);
	});

	void it('reads the bare list of fixture 003 as Security Council resolutions', () => {
		const sentence = 'As of today, Azerbaijan as a responsible member of the international community and bound by its allegiance to the UN Charter, has already unilaterally implemented legally binding UN Security Council Resolutions 874 and 884 referring to the occupation of Fizuli, Jabrail, Gubadly and Zangelan districts of Azerbaijan.';
		const matches = scanResolutionCitations(sentence);
		assert.deepEqual(matches.map((m) => [m.raw, m.symbol, m.organ, m.year]), [
			['874', 'S/RES/874', 'Security Council', undefined],
			['884', 'S/RES/884', 'Security Council', undefined],
		]);
	});

	void it('finds nothing in mentions without numbers and in the OIC resolution of fixture 004', () => {
		assert.deepEqual(summary('in line with the relevant Resolutions of the UN Security Council and General Assembly, and highlighting'), []);
		assert.deepEqual(summary('towards the implementation of the Security Council Resolutions and the search for durable solution'), []);
		assert.deepEqual(summary('Organization of Islamic Cooperation, resolution No. 8/43-C on Affiliated Institutions, 18-19 October 2016, para. 8;'), []);
	});
});

void describe('scanResolutionCitations: forms and organs', () => {
	void it('reads GA resolutions numbered session/number', () => {
		const matches = scanResolutionCitations('General Assembly resolution 60/1 and resolution 75/1.');
		assert.deepEqual(matches.map((m) => [m.raw, m.symbol, m.organ, m.session, m.number, m.url]), [
			['60/1', 'A/RES/60/1', 'General Assembly', 60, '1', 'https://undocs.org/A/RES/60/1'],
			['75/1', 'A/RES/75/1', 'General Assembly', 75, '1', 'https://undocs.org/A/RES/75/1'],
		]);
	});

	void it('reads old GA resolutions with a Roman session', () => {
		const [match] = scanResolutionCitations('recalling its resolution 3363 (XXX) of 1975');
		assert.deepEqual([match.raw, match.symbol, match.organ, match.session, match.url],
			['3363 (XXX)', 'A/RES/3363 (XXX)', 'General Assembly', 30, 'https://undocs.org/A/RES/3363(XXX)']);
	});

	void it('reads "Security Council resolution 2334 (2016)"', () => {
		assert.deepEqual(summary('Security Council resolution 2334 (2016).'), [['2334 (2016)', 'S/RES/2334 (2016)', 'Security Council']]);
		assert.deepEqual(summary('resolution 822(1993)'), [['822(1993)', 'S/RES/822 (1993)', 'Security Council']]);
	});

	void it('gives a year-numbered resolution to the GA when "General Assembly" comes just before', () => {
		const [match] = scanResolutionCitations('General Assembly resolution 2758 (1971)');
		assert.deepEqual([match.symbol, match.organ, match.year], ['A/RES/2758', 'General Assembly', 1971]);
	});

	void it('decides bare numbers from the sentence and from siblings', () => {
		assert.deepEqual(summary('resolutions 1325 and 1820 (2008)').map(([, , organ]) => organ), ['Security Council', 'Security Council']);
		assert.deepEqual(summary('The General Assembly recalled its resolution 181.'), [['181', 'A/RES/181', 'General Assembly']]);
		assert.deepEqual(summary('The Council. See resolution 1325.'), [['1325', 'S/RES/1325', 'unknown']]);
		assert.deepEqual(summary('Security Council members met. Later, resolution 1325 was cited.'), [['1325', 'S/RES/1325', 'unknown']]);
	});

	void it('takes the organ named right after the list when none comes before', () => {
		assert.deepEqual(summary('Resolutions 822, 853, 874 and 884 of the Security Council').map(([, , organ]) => organ), Array(4).fill('Security Council'));
		assert.deepEqual(summary('resolutions 181 and 194 of the General Assembly'), [['181', 'A/RES/181', 'General Assembly'], ['194', 'A/RES/194', 'General Assembly']]);
		assert.deepEqual(summary('resolution 1 adopted by the UN Security Council'), [['1', 'S/RES/1', 'Security Council']]);
	});

	void it('does not read "conflict resolution" followed by a count as a citation', () => {
		assert.deepEqual(summary('a peaceful conflict resolution 2 times faster'), []);
		assert.deepEqual(summary('conflict resolution 1325 (2000)'), [['1325 (2000)', 'S/RES/1325 (2000)', 'Security Council']]);
	});

	void it('names other councils in `body`', () => {
		const [hrc] = scanResolutionCitations('Human Rights Council resolution 45/1');
		assert.deepEqual([hrc.symbol, hrc.organ, hrc.body, hrc.session], ['A/HRC/RES/45/1', 'unknown', 'Human Rights Council', 45]);
		const [ecosoc] = scanResolutionCitations('Economic and Social Council resolution 2020/12');
		assert.deepEqual([ecosoc.symbol, ecosoc.body, ecosoc.year], ['E/RES/2020/12', 'Economic and Social Council', 2020]);
	});

	void it('reads emergency special session resolutions', () => {
		const [match] = scanResolutionCitations('General Assembly resolution ES-10/19');
		assert.deepEqual([match.symbol, match.session, match.number], ['A/RES/ES-10/19', 'ES-10', '19']);
	});

	void it('does not take dates, words or URLs for resolutions', () => {
		assert.deepEqual(summary('the resolution 12 May 2020 meeting; resolution 12th; the resolution of 1993'), []);
		assert.deepEqual(summary('see www.un.org/resolution/822 and [the resolution](http://x.org/resolution 822 (1993))'), []);
	});

	void it('respects the scan bounds', () => {
		const text = 'resolution 1 (2001) and resolution 2 (2002)';
		assert.deepEqual(scanResolutionCitations(text, 20).map((m) => m.raw), ['2 (2002)']);
		assert.deepEqual(scanResolutionCitations(text, 0, 20).map((m) => m.raw), ['1 (2001)']);
	});
});
