// The language server's figures: drives the built `dist/server.js` over stdio on a generated corpus (default 10,000
// letters, BENCH_LETTERS to change) plus a 200 KB letter, and prints: time from `initialized` to the open letter's
// diagnostics, full index time, hover and definition latency (p50/p95), diagnostics after an edit of the 200 KB letter
// (p95), and the server's memory with the full index. Run: `node --import tsx scripts/bench/serverBench.ts`.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { DidChangeTextDocumentNotification, PublishDiagnosticsNotification } from 'vscode-languageserver-protocol/node';
import type { FixtureFolder } from '../../test/protocol/serverHarness';
import { startServer, uriOf } from '../../test/protocol/serverHarness';
import { buildLongLetter, generateCorpus } from './corpus';
import { mib, ms, percentile } from './stats';

const count = Number(process.env.BENCH_LETTERS ?? 10000);
const corpusDir = join(tmpdir(), `diplomatic-letters-server-bench-${count}`);
const LATENCY_RUNS = 300;
const EDIT_RUNS = 40;
/** The edit measurements stop after this long (the engine may take seconds per edit on a large index). */
const EDIT_BUDGET_MS = 120_000;
const LONG_TIMEOUT_MS = 900_000;
/** How long to wait for the background problem count before measuring latencies anyway. */
const COUNT_WAIT_MS = 300_000;

/** Generates the corpus, or reuses the one a previous run left for the same count. */
function corpus(): string[] {
	const marker = join(corpusDir, `corpus-${count}.done`);
	if (existsSync(marker)) {
		return readdirSync(corpusDir).filter((name) => name.startsWith('batch-')).sort()
			.flatMap((batch) => readdirSync(join(corpusDir, batch)).sort().map((name) => join(corpusDir, batch, name)));
	}
	console.log(`Generating ${count.toLocaleString('en')} letters in ${corpusDir} …`);
	const paths = generateCorpus(corpusDir, count);
	writeFileSync(marker, '');
	return paths;
}

function residentMemory(pid: number): { current: number; peak: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) * 1024;
	return { current: kb('VmRSS'), peak: kb('VmHWM') };
}

function positionOfText(text: string, needle: string, delta: number): { line: number; character: number } | undefined {
	const at = text.indexOf(needle);
	if (at < 0) {
		return undefined;
	}
	const before = text.slice(0, at + delta).split(/\r\n|\r|\n/);
	return { line: before.length - 1, character: before[before.length - 1].length };
}

async function main(): Promise<void> {
	const paths = corpus();
	const longPath = join(corpusDir, 'long-letter.txt');
	writeFileSync(longPath, buildLongLetter(200 * 1024));
	const folder: FixtureFolder = { path: corpusDir, uri: uriOf(corpusDir), file: (name) => join(corpusDir, name), write: () => '', dispose: () => undefined };

	const openPath = paths[1];
	const openText = readFileSync(openPath, 'utf8');
	console.log(`Language server (dist/server.js over stdio) on ${paths.length.toLocaleString('en')} generated letters and one of 200 KB:`);
	const server = await startServer({ folder });
	const initialized = performance.now();
	await server.open(openPath);
	await server.diagnosticsOf(openPath);
	const firstDiagnostics = performance.now() - initialized;
	console.log(`  initialized → open letter's diagnostics: ${ms(firstDiagnostics)} (aim < 300 ms)`);
	const status = await server.waitFor('the full index', () => server.statuses.find((item) => item.state === 'ready'), LONG_TIMEOUT_MS);
	const indexTime = performance.now() - initialized;
	console.log(`  full index of ${status.total.toLocaleString('en')} files (${status.letters.toLocaleString('en')} letters): ${ms(indexTime)}`);
	const memory = residentMemory(server.process.pid ?? 0);
	console.log(`  server memory with the full index: ${mib(memory.current)} resident, peak ${mib(memory.peak)} (aim < 500 MB)`);
	const counted = await server.waitFor('the problem count', () => server.statuses.find((item) => item.state === 'ready' && item.problems.information + item.problems.warning + item.problems.error > 0), COUNT_WAIT_MS)
		.catch(() => undefined);
	console.log(counted
		? `  problems counted over the workspace after ${ms(performance.now() - initialized)}: ${counted.problems.error} errors, ${counted.problems.warning} warnings, ${counted.problems.information} information`
		: `  problems not yet counted after ${ms(COUNT_WAIT_MS)} more (the background count is still running during the measurements below)`);

	const citation = /[AS]\/\d{2,4}\/\d+/.exec(openText.slice(openText.indexOf('Agenda')))?.[0] ?? 'A/';
	const position = positionOfText(openText, citation, 2) ?? { line: 0, character: 0 };
	const textDocument = { uri: uriOf(openPath) };
	const timeRequests = async (method: string) => {
		const samples: number[] = [];
		for (let i = 0; i < LATENCY_RUNS; i++) {
			const start = performance.now();
			await server.connection.sendRequest(method, { textDocument, position });
			samples.push(performance.now() - start);
		}
		return samples;
	};
	const hover = await timeRequests('textDocument/hover');
	console.log(`  hover latency:       p50 ${ms(percentile(hover, 0.5))}, p95 ${ms(percentile(hover, 0.95))} (aim p95 < 5 ms)`);
	const definition = await timeRequests('textDocument/definition');
	console.log(`  definition latency:  p50 ${ms(percentile(definition, 0.5))}, p95 ${ms(percentile(definition, 0.95))} (aim p95 < 5 ms)`);

	const longText = readFileSync(longPath, 'utf8');
	const opened = performance.now();
	await server.open(longPath, 'plaintext', longText);
	await server.waitFor('diagnostics of the 200 KB letter', () => server.published.get(uriOf(longPath)), LONG_TIMEOUT_MS);
	console.log(`  open → diagnostics of a 200 KB letter (${(Buffer.byteLength(longText) / 1024).toFixed(0)} KB): ${ms(performance.now() - opened)}`);
	const editSamples: number[] = [];
	const longUri = uriOf(longPath);
	let version = 1;
	const editsStart = performance.now();
	for (let i = 0; i < EDIT_RUNS && performance.now() - editsStart < EDIT_BUDGET_MS; i++) {
		version++;
		const expected = version;
		const arrived = new Promise<void>((resolve) => {
			const disposable = server.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
				if (params.uri === longUri && params.version === expected) {
					disposable.dispose();
					resolve();
				}
			});
		});
		const start = performance.now();
		await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { uri: longUri, version },
			contentChanges: [{ range: { start: { line: 40, character: 0 }, end: { line: 40, character: 0 } }, text: i % 2 === 0 ? 'x' : '' }],
		});
		await arrived;
		editSamples.push(performance.now() - start);
	}
	console.log(`  edit → diagnostics of the 200 KB letter (${editSamples.length} edits): p50 ${ms(percentile(editSamples, 0.5))}, p95 ${ms(percentile(editSamples, 0.95))} (aim p95 ≤ 20 ms)`);
	await server.stop();
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	// The server child and the connection would keep the process alive.
	process.exit(2);
});
