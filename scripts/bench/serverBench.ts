// The language server's figures: drives the built `dist/server.js` over stdio on a generated corpus (default 10,000
// letters, BENCH_LETTERS to change) plus a 200 KB letter, and prints: time from `initialized` to the open letter's
// diagnostics, full index time, hover and definition latency (p50/p95), diagnostics after an edit of the 200 KB letter
// (p95), and the server's memory with the full index. Run: `node --import tsx scripts/bench/serverBench.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
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
const corpusDir = join(tmpdir(), 'diplomatic-letters-server-bench');
const LATENCY_RUNS = 300;
const EDIT_RUNS = 40;

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
	console.log(`Generating ${count.toLocaleString('en')} letters in ${corpusDir} …`);
	const paths = generateCorpus(corpusDir, count);
	const longPath = join(corpusDir, 'long-letter.txt');
	writeFileSync(longPath, buildLongLetter(200 * 1024));
	const folder: FixtureFolder = { path: corpusDir, uri: uriOf(corpusDir), file: (name) => join(corpusDir, name), write: () => '', dispose: () => undefined };

	const openPath = paths[1];
	const openText = readFileSync(openPath, 'utf8');
	const server = await startServer({ folder });
	const initialized = performance.now();
	await server.open(openPath);
	await server.diagnosticsOf(openPath);
	const firstDiagnostics = performance.now() - initialized;
	const status = await server.waitFor('the full index', () => server.statuses.find((item) => item.state === 'ready'), 600_000);
	const indexTime = performance.now() - initialized;
	const counted = await server.waitFor('the problem count', () => server.statuses.find((item) => item.state === 'ready' && item.problems.information + item.problems.warning + item.problems.error > 0), 600_000);
	const memory = residentMemory(server.process.pid ?? 0);

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
	const definition = await timeRequests('textDocument/definition');

	const longText = readFileSync(longPath, 'utf8');
	await server.open(longPath, 'plaintext', longText);
	await server.diagnosticsOf(longPath);
	const editSamples: number[] = [];
	const longUri = uriOf(longPath);
	let version = 1;
	for (let i = 0; i < EDIT_RUNS; i++) {
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
	await server.stop();

	console.log('');
	console.log(`Language server on ${status.total.toLocaleString('en')} files (${status.letters.toLocaleString('en')} letters):`);
	console.log(`  initialized → open letter's diagnostics: ${ms(firstDiagnostics)} (aim < 300 ms)`);
	console.log(`  full index:                              ${ms(indexTime)}`);
	console.log(`  problems counted:                        ${counted.problems.error} errors, ${counted.problems.warning} warnings, ${counted.problems.information} information`);
	console.log(`  hover latency:       p50 ${ms(percentile(hover, 0.5))}, p95 ${ms(percentile(hover, 0.95))} (aim p95 < 5 ms)`);
	console.log(`  definition latency:  p50 ${ms(percentile(definition, 0.5))}, p95 ${ms(percentile(definition, 0.95))} (aim p95 < 5 ms)`);
	console.log(`  edit → diagnostics of a 200 KB letter: p50 ${ms(percentile(editSamples, 0.5))}, p95 ${ms(percentile(editSamples, 0.95))} (aim p95 < 30 ms, includes the edit debounce)`);
	console.log(`  server memory with the full index: ${mib(memory.current)} resident, peak ${mib(memory.peak)} (aim < 500 MB)`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 2;
});
