import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeLetter, readFixtureLetter } from '../helpers/fixtures';
import { serviceFor } from './workspace';

const LETTER = makeLetter({ masthead: 'A/75/356-S/2020/947', body: ['Text with a note.¹'], footnotes: ['¹ The note.'], annexes: ['Annex I to the letter dated 31 October 2020', 'Figures.', 'Annex II to the letter dated 31 October 2020', 'More figures.'] });

test('header (masthead, organs, agenda items), title, closing request, signature, footnotes, annexes', () => {
	const { service } = serviceFor({ 'file:///letter.txt': LETTER });
	const outline = service.provideDocumentOutline('file:///letter.txt');
	assert.deepEqual(outline.map((entry) => entry.kind), ['header', 'title', 'closing-request', 'signature', 'footnote', 'annex', 'annex']);
	const header = outline[0];
	assert.deepEqual(header.children.map((child) => child.kind), ['masthead', 'session', 'session', 'agenda']);
	assert.deepEqual(header.children[3].children.map((item) => [item.name, item.detail]), [['Item 34', 'Prevention of armed conflict'], ['Item 71', 'Right of peoples to self-determination']]);
	assert.deepEqual(outline.slice(-2).map((entry) => entry.name), ['Annex I', 'Annex II']);
	for (const entry of outline) {
		const inside = (entry.selectionRange.start.line > entry.range.start.line || (entry.selectionRange.start.line === entry.range.start.line && entry.selectionRange.start.character >= entry.range.start.character));
		assert.ok(inside, `${entry.name}: selection inside range`);
	}
});

test('a non-letter has no outline', () => {
	const { service } = serviceFor({ 'file:///notes.md': '# Notes\n\nNothing here.' });
	assert.deepEqual(service.provideDocumentOutline('file:///notes.md'), []);
});

test('a note verbale: sender mission, reference, addressee, place and date', () => {
	const { text } = readFixtureLetter('003');
	const { service } = serviceFor({ 'file:///003.txt': text });
	const names = service.provideDocumentOutline('file:///003.txt').map((entry) => entry.name);
	assert.deepEqual(names.slice(0, 3), ['Sender', 'Ref: 0461/27/20/22', 'Addressee']);
	assert.ok(names.some((name) => name.includes('4 November 2020')));
});

test('names are plain text: the Markdown of an organ line is not shown (seed 004)', () => {
	const { text } = readFixtureLetter('004');
	const { service } = serviceFor({ 'file:///004.txt': text });
	const [header] = service.provideDocumentOutline('file:///004.txt');
	assert.deepEqual(header.children.filter((child) => child.kind === 'session').map((child) => child.name), ['General Assembly, Seventy-sixth session', 'Security Council, Seventy-seventh year']);
	const names = JSON.stringify(service.provideDocumentOutline('file:///004.txt'));
	assert.doesNotMatch(names, /\*\*/);
});

test('footnotes are grouped per page: the body text between two pages\' footnotes is in no group (seed 000)', () => {
	const { text } = readFixtureLetter('000');
	const { service } = serviceFor({ 'file:///000.txt': text });
	const groups = service.provideDocumentOutline('file:///000.txt').filter((entry) => entry.kind === 'footnotes');
	assert.deepEqual(groups.map((group) => [group.detail, group.children.length]), [['1–6', 6], ['7–14', 8]]);
	const bodyLine = text.split('\n').findIndex((line, index) => index > groups[0].range.end.line && line.trim().length > 200);
	assert.ok(bodyLine > groups[0].range.end.line && bodyLine < groups[1].range.start.line, `body text on line ${bodyLine + 1} between the groups`);
});
