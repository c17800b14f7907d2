// Micro-timing of the text scanners of the parser (dates, symbols, resolutions, references, footnote markers, URL zones,
// LineIndex) over the real letters, a sample of the benchmark record and a 200 KB letter: the total time of each scanner
// over all those texts, best of several rounds. `--against <dir>` times another checkout too (a reference commit's
// worktree, such as the one `npm run same-output` keeps in .cache/same-output/), its rounds interleaved with this
// one's so that both meet the same load, and prints the two side by side.
//   node --import tsx scripts/bench/scannerBench.ts [--against <dir>] [--rounds N] [--sample N]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildLongLetter } from './corpus';
import { recordCorpus } from './corpora';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
};
const here = resolve(__dirname, '..', '..');
const against = option('--against');
const rounds = Number(option('--rounds') ?? 9);
/** Calls of a scanner per text and round: the first computes nothing more than the others (the scan window is ready). */
const REPEAT = 3;
const sample = Number(option('--sample') ?? 300);

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : /\.(?:txt|md)$/.test(name) ? [path] : [];
	});
}

/** The texts timed: every real letter, every n-th letter of record-2000 (`sample` of them) and a 200 KB letter. */
function texts(): { name: string; texts: string[] }[] {
	const real = filesUnder(join(__dirname, '..', '..', 'test', 'fixtures', 'real')).map((path) => readFileSync(path, 'utf8'));
	const record = recordCorpus(2000).paths;
	const step = Math.max(1, Math.floor(record.length / sample));
	const recordTexts = record.filter((_, i) => i % step === 0).slice(0, sample).map((path) => readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
	return [{ name: 'real', texts: real }, { name: 'record', texts: recordTexts }, { name: 'long', texts: [buildLongLetter(200 * 1024)] }];
}

type Module = Record<string, unknown>;
/* eslint-disable @typescript-eslint/no-explicit-any */
type Scanner = (...values: any[]) => unknown;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The scanners of one checkout. */
async function scannersOf(root: string) {
	const load = async (path: string): Promise<Module> => (await import(join(root, 'server', 'src', 'engine', path))) as Module;
	const modules = {
		dates: await load('calendar/dates.ts'),
		symbols: await load('symbols/documentSymbols.ts'),
		resolutions: await load('symbols/resolutions.ts'),
		urlZones: await load('symbols/urlZones.ts'),
		scanWindow: await load('symbols/scanWindow.ts'),
		lineIndex: await load('text/lineIndex.ts'),
		references: await load('letter/references.ts'),
		footnotes: await load('letter/footnotes.ts'),
		readingView: await load('letter/readingView.ts'),
	};
	const fn = (module: Module, name: string) => module[name] as Scanner;
	const LineIndex = modules.lineIndex.LineIndex as new (text: string) => unknown;
	return {
		scanWindow: fn(modules.scanWindow, 'scanWindow'),
		prepare: (text: string) => {
			const found = fn(modules.symbols, 'scanDocumentSymbols')(text);
			const view = (fn(modules.readingView, 'readText')(text, found) as { view: string }).view;
			return { text, view, symbols: found, dates: fn(modules.dates, 'scanDates')(text) };
		},
		scanners: [
			['findUrlZones', (p: Prepared) => fn(modules.urlZones, 'findUrlZones')(p.text, 0, p.text.length)],
			['scanDates', (p: Prepared) => fn(modules.dates, 'scanDates')(p.text)],
			['scanDocumentSymbols', (p: Prepared) => fn(modules.symbols, 'scanDocumentSymbols')(p.text)],
			['scanResolutionCitations', (p: Prepared) => fn(modules.resolutions, 'scanResolutionCitations')(p.text)],
			['findAnnexReferences', (p: Prepared) => fn(modules.references, 'findAnnexReferences')(p.view, [])],
			['findLetterReferences', (p: Prepared) => fn(modules.references, 'findLetterReferences')(p.view, p.dates, p.symbols, [], [], [])],
			['scanInlineMarkers', (p: Prepared) => fn(modules.footnotes, 'scanInlineMarkers')(p.text)],
			['findParagraphEndMarkers', (p: Prepared) => fn(modules.footnotes, 'findParagraphEndMarkers')(p.text, [])],
			['findStarMarkers', (p: Prepared) => fn(modules.footnotes, 'findStarMarkers')(p.text, 0, [])],
			['LineIndex', (p: Prepared) => new LineIndex(p.text)],
		] as [string, (p: Prepared) => unknown][],
	};
}

interface Prepared {
	text: string;
	view: string;
	symbols: unknown;
	dates: unknown;
}

async function main(): Promise<void> {
	const checkouts = [{ name: 'this', ...(await scannersOf(here)) }, ...(against ? [{ name: 'against', ...(await scannersOf(resolve(against))) }] : [])];
	const groups = texts().map((group) => ({ ...group, prepared: checkouts.map((checkout) => group.texts.map(checkout.prepare)) }));
	console.log(`ms over all texts of each group: for each text the best of ${rounds} rounds (each round ${REPEAT} calls after its scan window was computed), summed${against ? `; this checkout / ${against}` : ''}`);
	console.log(['scanner'.padEnd(26), ...groups.map((g) => `${g.name} (${g.texts.length})`.padStart(against ? 22 : 12))].join(''));
	for (const [index, [name]] of checkouts[0].scanners.entries()) {
		const cells = groups.map((group) => {
			const bestOfText = checkouts.map(() => group.texts.map(() => Infinity));
			for (let round = 0; round < rounds; round++) {
				for (const [c, checkout] of checkouts.entries()) {
					const run = checkout.scanners[index][1];
					group.prepared[c].forEach((prepared, t) => {
						checkout.scanWindow(prepared.text);
						const started = performance.now();
						for (let i = 0; i < REPEAT; i++) {
							run(prepared);
						}
						bestOfText[c][t] = Math.min(bestOfText[c][t], (performance.now() - started) / REPEAT);
					});
				}
			}
			const totals = bestOfText.map((times) => times.reduce((sum, time) => sum + time, 0).toFixed(2));
			return totals.join(' / ').padStart(against ? 22 : 12);
		});
		console.log([name.padEnd(26), ...cells].join(''));
	}
}

void main();
