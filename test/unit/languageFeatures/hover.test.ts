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

test('a resolution: the year the data gives it, and a year it cannot have', () => {
	const text = makeLetter({ body: ['Recalling resolution 822 (1993), resolution 822 (1994), resolution 1325 and S/RES/822 (1993).', 'Recalling also Security Council resolution 2617.'] });
	const { service } = serviceFor({ 'file:///letter.txt': text });
	const hover = (needle: string, delta = 1) => service.provideHover('file:///letter.txt', at(text, needle, delta))?.markdown ?? '';
	assert.match(hover('822 (1993),'), /Security Council, number 822, adopted in 1993\./);
	assert.doesNotMatch(hover('822 (1993),'), /shipped data/, 'no second line when the data agrees with the year cited');
	assert.match(hover('822 (1994)'), /Adopted in 1993, not 1994 \(resolution numbers by year, shipped data\)/);
	assert.match(hover('1325 and'), /Resolution S\/RES\/1325\*\*[\s\S]*Adopted in 2000 \(resolution numbers by year, shipped data\)/);
	assert.match(hover('S/RES/822 (1993)', 3), /S\/RES\/822\(1993\)[\s\S]*Security Council, 1993, number 822/);
	assert.match(hover('2617.'), /Adopted in 2021 or 2022/);
});

test('a resolution symbol without its year: the year from the data', () => {
	const text = makeLetter({ body: ['As the Council decided in S/RES/822, the forces must withdraw.'] });
	const { service } = serviceFor({ 'file:///letter.txt': text });
	assert.match(service.provideHover('file:///letter.txt', at(text, 'S/RES/822', 3))?.markdown ?? '', /Adopted in 1993 \(resolution numbers by year, shipped data\)/);
});

test('General Assembly resolutions: the dates of their session, and a Roman session the numbering contradicts', () => {
	const text = makeLetter({ body: ['Recalling General Assembly resolution 75/1 and resolutions 2758 (XXVI) and 2758 (XXV) of the General Assembly, and resolution ES-10/19.'] });
	const { service } = serviceFor({ 'file:///letter.txt': text });
	const hover = (needle: string, delta = 1) => service.provideHover('file:///letter.txt', at(text, needle, delta))?.markdown ?? '';
	assert.match(hover('75/1'), /seventy-fifth session \(15 September 2020 to 14 September 2021\)/);
	assert.match(hover('2758 (XXVI)'), /twenty-sixth session/);
	assert.doesNotMatch(hover('2758 (XXVI)'), /does not put|not the/);
	assert.match(hover('2758 (XXV)'), /puts 2758 in the twenty-sixth session, not the twenty-fifth/);
	assert.match(hover('ES-10/19'), /tenth emergency special session \(opened 24 April 1997\)/);
});

test('an agenda item whose title another letter of the session prints: the title, and the letter it came from', () => {
	const printing = makeLetter({ session: 'Seventy-sixth', year: 'Seventy-sixth', distributed: '3 November 2021', agenda: 'Agenda item 99', agendaTitles: ['Elimination of unilateral extraterritorial coercive economic measures'] });
	const citing = makeLetter({ session: 'Seventy-sixth', year: 'Seventy-sixth', distributed: '4 November 2021', agenda: 'Agenda item 99', agendaTitles: [] });
	const { service } = serviceFor({ 'file:///work/printing.txt': printing, 'file:///work/citing.txt': citing });
	const hover = service.provideHover('file:///work/citing.txt', at(citing, 'item 99', 6))?.markdown ?? '';
	assert.match(hover, /Agenda item 99\*\* of the seventy-sixth session/);
	assert.match(hover, /Elimination of unilateral extraterritorial coercive economic measures \(as Armenia · 31 October 2020 \(`printing\.txt`\) in this workspace prints it under its agenda line\)/);
	const alone = serviceFor({ 'file:///work/citing.txt': citing }).service.provideHover('file:///work/citing.txt', at(citing, 'item 99', 6))?.markdown ?? '';
	assert.match(alone, /Title unknown: not in the agenda data of the session, and no letter in this workspace gives it/);
});

test('an emergency special session: its opening and resumptions; an old regular session: its dates', () => {
	const emergency = makeLetter({ session: 'Tenth emergency special', agenda: 'Agenda item 5', agendaTitles: ['Illegal Israeli actions in Occupied East Jerusalem and the rest of the Occupied Palestinian Territory'] });
	const old = makeLetter({ session: 'Forty-eighth', year: 'Forty-eighth', distributed: '4 October 1993' });
	const { service } = serviceFor({ 'file:///e.txt': emergency, 'file:///o.txt': old });
	const tenth = service.provideHover('file:///e.txt', at(emergency, 'Tenth emergency', 1))?.markdown ?? '';
	assert.match(tenth, /tenth emergency special session\*\* \(Illegal Israeli actions in Occupied East Jerusalem and the rest of the Occupied Palestinian Territory\): opened 24 April 1997; resumed 15 July 1997/);
	assert.match(tenth, /adjourned, not closed/);
	const fortyEighth = service.provideHover('file:///o.txt', at(old, 'Forty-eighth session', 1))?.markdown ?? '';
	assert.match(fortyEighth, /forty-eighth session\*\*: opened about 21 September 1993 \(the day the rules of procedure then gave; not read in a source\)/);
});
