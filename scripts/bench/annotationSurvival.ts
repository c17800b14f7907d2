/**
 * Prints the figures of the annotation "edit survival" suite on the five fixture letters:
 * found correctly, orphaned correctly, lost (orphaned although the text was still there) and wrong attachments
 * (must be 0). Run: node --import tsx scripts/bench/annotationSurvival.ts
 */
import { runSurvivalCase, survivalCases } from '../../test/fixtures/annotations/survivalScenarios';
import type { SurvivalOutcome } from '../../test/fixtures/annotations/survivalScenarios';

const counts = new Map<SurvivalOutcome, number>([['found correctly', 0], ['orphaned correctly', 0], ['lost', 0], ['wrong attachment', 0]]);
const started = performance.now();
const cases = survivalCases();
for (const testCase of cases) {
	const { outcome, expected, found } = runSurvivalCase(testCase);
	counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
	if (outcome === 'lost' || outcome === 'wrong attachment') {
		console.log(`  ${outcome}: ${testCase.letter} — ${testCase.name} (expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)})`);
	}
}
const elapsed = performance.now() - started;
console.log(`annotation edit survival: ${cases.length} cases on 5 letters (${elapsed.toFixed(0)} ms)`);
for (const [outcome, count] of counts) {
	console.log(`  ${outcome.padEnd(20)} ${count}`);
}
process.exitCode = (counts.get('wrong attachment') ?? 0) === 0 ? 0 : 1;
