// The reading stage's view: lines and paragraph starts recovered from content, offsets those of the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReadingView } from '../../../server/src/engine/letter/readingView';
import { readText } from '../../../server/src/engine/letter/readingView';
import { scanDocumentSymbols } from '../../../server/src/engine/symbols/documentSymbols';
import { FIXTURE_LETTER_NAMES, lines, makeLetter, readFixtureLetter } from '../helpers/fixtures';

function read(text: string): ReadingView {
	return readText(text, scanDocumentSymbols(text));
}

function viewLines(text: string): string[] {
	const reading = read(text);
	return reading.lines.map((line) => reading.view.slice(line.start, line.end).trim()).filter((line) => line !== '');
}

describe('the reading view', () => {
	it('has the length of the text and differs from it only where markup was blanked or white space became a line break', () => {
		const text = `${makeLetter({ masthead: 'A/75/356–S/2020/947' }).replace(/\s*\n\s*/g, ' ')} **bold** [A/75/1](#)`;
		const { view } = read(text);
		assert.equal(view.length, text.length);
		for (let i = 0; i < text.length; i++) {
			if (view[i] !== text[i]) {
				assert.ok(view[i] === ' ' || (view[i] === '\n' && /\s/.test(text[i])), `offset ${i}: ${JSON.stringify(text[i])} became ${JSON.stringify(view[i])}`);
			}
		}
	});

	it('leaves the sample letters with their own lines, except the header line of 004 that holds three header lines', () => {
		for (const name of FIXTURE_LETTER_NAMES.filter((candidate) => !candidate.startsWith('004'))) {
			const { text } = readFixtureLetter(name);
			assert.equal(read(text).view.split('\n').length, text.split(/\r\n|\r|\n/).length, name);
		}
		const header = viewLines(readFixtureLetter('004').text).filter((line) => /session|year|Agenda/.test(line)).slice(0, 3);
		assert.deepEqual(header, ['General Assembly Seventy-sixth session', 'Agenda items 16, 35, 66, 72, 74, 85 and 134', '**Security Council** Seventy-seventh year'.replace(/\*/g, ' ').trim()]);
	});

	it('cuts a header run together on one line at the marks that start its lines', () => {
		const text = 'United Nations A/75/356–S/2020/947 General Assembly Security Council Distr.: General 28 September 2020 Original: English General Assembly Seventy-fifth session Agenda item 31 Prevention of armed conflict Security Council Seventy-fifth year Letter dated 27 September 2020 from the Permanent Representative of Ruritania to the United Nations addressed to the Secretary-General I have the honour to refer to the facts.';
		assert.deepEqual(viewLines(text), [
			'United Nations',
			'A/75/356–S/2020/947',
			'General Assembly',
			'Security Council',
			'Distr.: General 28 September 2020',
			'Original: English',
			'General Assembly Seventy-fifth session',
			'Agenda item 31',
			'Prevention of armed conflict',
			'Security Council Seventy-fifth year',
			'Letter dated 27 September 2020 from the Permanent Representative of Ruritania to the United Nations addressed to the Secretary-General',
			'I have the honour to refer to the facts.',
		]);
	});

	it('does not cut an organ named inside an agenda title, nor a short header line', () => {
		const text = lines('General Assembly Seventy-fifth session Agenda item 30 Report of the Security Council Security Council Seventy-fifth year', 'Distr.: General', '', 'Letter dated 1 May 2020 from the Permanent Representative of X to the United Nations addressed to the Secretary-General', '', 'Text.');
		assert.deepEqual(viewLines(text).slice(0, 4), ['General Assembly Seventy-fifth session', 'Agenda item 30', 'Report of the Security Council', 'Security Council Seventy-fifth year']);
	});

	it('never makes a line of the view blank where the text had words', () => {
		const text = '   (Signed)   ¹ See   Annex I to the letter   20-12655 (E) 011020   ';
		const reading = read(text);
		const blankInView = reading.lines.filter((line) => reading.view.slice(line.start, line.end).trim() === '' && text.slice(line.start, line.end).trim() !== '');
		assert.deepEqual(blankInView, []);
	});

	it('starts a paragraph at the title, after it, at each footnote text and at the signature when no blank line does', () => {
		const text = lines(
			'Letter dated 15 February 2008 from the Permanent Representative of the Syrian Arab Republic to the United Nations addressed to the Secretary-General',
			'I have the honour to refer to the matter.¹',
			'(Signed) Bashar Ja’afari',
			'¹ See S/2008/10.',
		);
		const reading = read(text);
		const starts = reading.lines.filter((line) => reading.blockStarts.has(line.start)).map((line) => text.slice(line.start, line.start + 12));
		assert.deepEqual(starts, ['Letter dated', 'I have the h', '(Signed) Bas', '¹ See S/2008']);
	});
});
