// `npm run faults`: tries every hostile input and fault of the fault suite (test/faults) against the built server and
// command line, and prints how many were tried and how many survived with nothing lost, per category. Exit 1 when any
// case failed (its reason is printed).
import { FAULT_CATEGORIES } from '../test/faults/categories';
import { within } from '../test/faults/harness';

/** A case that takes longer than this hung: it failed. */
const CASE_TIMEOUT_MS = 180_000;

interface Tally {
	tried: number;
	survived: number;
	failures: string[];
}

async function main(): Promise<void> {
	const tallies = new Map<string, Tally>();
	const started = Date.now();
	for (const category of FAULT_CATEGORIES) {
		const tally: Tally = { tried: 0, survived: 0, failures: [] };
		tallies.set(category.name, tally);
		await category.run(async (name, attempt) => {
			tally.tried++;
			try {
				await within(CASE_TIMEOUT_MS, name, attempt());
				tally.survived++;
				process.stdout.write(`  ok    ${category.name}: ${name}\n`);
			} catch (error) {
				const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
				tally.failures.push(`${name}: ${reason}`);
				process.stdout.write(`  FAIL  ${category.name}: ${name}: ${reason}\n`);
			}
		});
	}
	const width = Math.max(...[...tallies.keys()].map((name) => name.length), 'category'.length);
	const rows = [...tallies].map(([name, tally]) => `${name.padEnd(width)}  ${String(tally.tried).padStart(5)}  ${String(tally.survived).padStart(8)}`);
	const tried = [...tallies.values()].reduce((sum, tally) => sum + tally.tried, 0);
	const survived = [...tallies.values()].reduce((sum, tally) => sum + tally.survived, 0);
	process.stdout.write(`\n${'category'.padEnd(width)}  tried  survived (nothing lost)\n${rows.join('\n')}\n${'total'.padEnd(width)}  ${String(tried).padStart(5)}  ${String(survived).padStart(8)}\n`);
	process.stdout.write(`\n${tried} hostile inputs and faults tried against dist/server.js and dist/cli.js; ${survived} survived with nothing lost (${Math.round((Date.now() - started) / 1000)} s).\n`);
	for (const [name, tally] of tallies) {
		for (const failure of tally.failures) {
			process.stdout.write(`FAILED ${name}: ${failure}\n`);
		}
	}
	process.exitCode = survived === tried ? 0 : 1;
}

void main();
