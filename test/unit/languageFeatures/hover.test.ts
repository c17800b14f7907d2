import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, makeLetter } from '../helpers/fixtures';
import { at, serviceFor } from './workspace';

const CITING = makeLetter({ body: ['As stated in my letter (A/75/356-S/2020/947 (28 September 2020)), the attacks continue, as shown in annex I.¹', 'See resolution 822 (1993).'], footnotes: ['¹ Report of the ombudsman.'], annexes: ['Annex I to the letter dated 31 October 2020', 'Figures.'] });
const CITED = makeLetter({ masthead: 'A/75/356-S/2020/947', distributed: '28 September 2020' });

test('a citation: explanation per part, cited date, workspace letter by symbol, sender and date, citing letters, links', () => {
	const { service } = serviceFor({ 'file:///citing.txt': CITING, 'file:///cited.txt': CITED });
	const hover = service.provideHover('file:///citing.txt', at(CITING, 'A/75/356', 3));
	assert.ok(hover);
	assert.match(hover.markdown, /\[A\/75\/356\]\(https:\/\/undocs\.org\/A\/75\/356\): General Assembly, seventy-fifth session, number 356/);
	assert.match(hover.markdown, /\[S\/2020\/947\]\(https:\/\/undocs\.org\/S\/2020\/947\): Security Council, 2020, number 947/);
	assert.match(hover.markdown, /Cited as dated 28 September 2020/);
	assert.match(hover.markdown, /In this workspace: A\/75\/356-S\/2020\/947 · Armenia · 31 October 2020 \(`cited\.txt`, from its masthead\)/);
	assert.match(hover.markdown, /Cited by 1 letter in this workspace/);
});

test('an unresolved citation says it is not in the workspace', () => {
	const { service } = serviceFor({ 'file:///citing.txt': CITING });
	assert.match(service.provideHover('file:///citing.txt', at(CITING, 'A/75/356', 3))?.markdown ?? '', /Not a letter in this workspace/);
});

test('footnote marker, annex reference, resolution, agenda item and session name', () => {
	const { service } = serviceFor({ 'file:///citing.txt': CITING });
	const hover = (needle: string, delta: number) => service.provideHover('file:///citing.txt', at(CITING, needle, delta))?.markdown ?? '';
	assert.match(hover('I.¹', 2), /Footnote 1\*\*\n\nReport of the ombudsman\./);
	assert.match(hover('annex I.', 7), /Annex I\*\*\n\nAnnex I to the letter dated 31 October 2020/);
	assert.match(hover('822 (1993)', 1), /Resolution S\/RES\/822 ?\(1993\)\*\*: Security Council, number 822, adopted in 1993/);
	assert.match(hover('items 34', 6), /Agenda item 34\*\* of the seventy-fifth session[\s\S]*Prevention of armed conflict/);
	assert.match(hover('Seventy-fifth session', 1), /opened 15 September 2020; closed 14 September 2021/);
	assert.match(hover('Seventy-fifth year', 1), /calendar year 2020/);
});

test('plain text and non-letters have no hover', () => {
	const { service } = serviceFor({ 'file:///citing.txt': CITING, 'file:///notes.txt': lines('Shopping', 'A/75/356') });
	assert.equal(service.provideHover('file:///citing.txt', at(CITING, 'the attacks continue', 4)), undefined);
	assert.equal(service.provideHover('file:///notes.txt', { line: 1, character: 2 }), undefined);
});

test('two letters claiming one symbol are both named, on the citation and on each masthead', () => {
	const twin = CITED.replace('3 November 2020', '4 November 2020');
	const { service } = serviceFor({ 'file:///citing.txt': CITING, 'file:///cited.txt': CITED, 'file:///twin.txt': twin });
	const onCitation = service.provideHover('file:///citing.txt', at(CITING, 'A/75/356', 3))?.markdown ?? '';
	assert.match(onCitation, /2 letters in this workspace claim this symbol/);
	assert.ok(onCitation.indexOf('`cited.txt`') < onCitation.indexOf('`twin.txt`'), 'in URI order');
	const onMasthead = service.provideHover('file:///twin.txt', at(twin, 'A/75/356', 3))?.markdown ?? '';
	assert.match(onMasthead, /Also claimed by A\/75\/356-S\/2020\/947 · Armenia · 31 October 2020 \(`cited\.txt`\)/);
});
