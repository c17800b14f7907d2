// `npm run accuracy [folder…]`: how well the engine reads the real letters of test/fixtures/real and
// test/fixtures/real-holdout (or of other folders in the same format), field by field, and every error or warning that
// the golden expectations do not list (a false alarm) or list but were not raised. One table per folder.
import { loadReferenceData } from '../server/src/node/referenceDataFile';
import { relative, resolve } from 'node:path';
import { evaluateGoldenCorpus, GOLDEN_FIELDS, GOLDEN_SETS } from '../test/golden/goldenCorpus';

const data = loadReferenceData();
const folders = process.argv.length > 2 ? process.argv.slice(2).map((arg) => resolve(arg)) : GOLDEN_SETS.map((set) => set.dir);
const reports = folders.map((folder) => report(folder));
console.log(reports.map((one) => one.text).join('\n\n'));
process.exitCode = reports.every((one) => one.allRight) ? 0 : 1;

/** The accuracy table of one folder and its lists of false alarms, missed diagnostics and fields read wrong. */
function report(folder: string): { text: string; allRight: boolean } {
	const outcomes = evaluateGoldenCorpus(data, folder);
	const letters = outcomes.filter((outcome) => outcome.golden.letter).length;
	const sources = new Set(outcomes.map((outcome) => hostOf(outcome.golden.source)));
	const decades = new Set(outcomes.flatMap((outcome) => {
		const year = /^(\d{3})\d/.exec(outcome.golden.dated ?? outcome.golden.distributed ?? '')?.[1];
		return year ? [`${year}0s`] : [];
	}));
	const out: string[] = [];
	out.push(`Real corpus (${relative(process.cwd(), folder) || folder}): ${outcomes.length} texts (${letters} letters, ${outcomes.length - letters} non-letters), ${sources.size} sources, decades ${[...decades].sort().join(', ')}`);
	out.push('');
	out.push(`${'field'.padEnd(14)}${'right'.padStart(8)}${'of'.padStart(6)}  accuracy`);
	let allRight = true;
	for (const field of GOLDEN_FIELDS) {
		const checked = outcomes.filter((outcome) => outcome.checked.includes(field));
		const wrong = checked.filter((outcome) => outcome.mismatches.some((mismatch) => mismatch.field === field)).length;
		allRight &&= wrong === 0;
		const accuracy = checked.length === 0 ? '—' : `${((100 * (checked.length - wrong)) / checked.length).toFixed(1)}%`;
		out.push(`${field.padEnd(14)}${String(checked.length - wrong).padStart(8)}${String(checked.length).padStart(6)}  ${accuracy}`);
	}
	const unexpected = outcomes.flatMap((outcome) => outcome.unexpected.map((diagnostic) => ({ name: outcome.name, diagnostic })));
	const missed = outcomes.flatMap((outcome) => outcome.missed.map((want) => ({ name: outcome.name, want })));
	out.push('');
	out.push(`False alarms (errors and warnings the goldens do not list): ${unexpected.length}`);
	for (const { name, diagnostic } of unexpected) {
		out.push(`  ${name}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity} ${diagnostic.code} on “${oneLine(diagnostic.text)}”: ${diagnostic.message}`);
	}
	out.push(`Missed (listed in the goldens, not raised): ${missed.length}`);
	for (const { name, want } of missed) {
		out.push(`  ${name}: ${want.code} on “${want.text}”`);
	}
	const wrongFields = outcomes.flatMap((outcome) => outcome.mismatches.map((mismatch) => ({
		name: outcome.name, ...mismatch, known: outcome.golden.knownMisses?.find((miss) => miss.field === mismatch.field)?.reason,
	})));
	out.push(`Fields read wrong: ${wrongFields.length}${wrongFields.some((wrong) => wrong.known) ? ` (${wrongFields.filter((wrong) => wrong.known).length} known, declared in their goldens)` : ''}`);
	for (const wrong of wrongFields) {
		out.push(`  ${wrong.name}: ${wrong.field} expected ${JSON.stringify(wrong.expected)}, read ${JSON.stringify(wrong.actual)}${wrong.known ? ` (known: ${wrong.known})` : ''}`);
	}
	return { text: out.join('\n'), allRight: allRight && unexpected.length === 0 && missed.length === 0 };
}

function hostOf(source: string): string {
	const url = /^[a-z]+:\/\/([^/]+)/i.exec(source);
	return url ? url[1].replace(/^www\./, '') : source.split(/[/:@\s]/)[0];
}

function oneLine(text: string): string {
	const single = text.replace(/\s+/g, ' ').trim();
	return single.length > 60 ? `${single.slice(0, 59)}…` : single;
}
