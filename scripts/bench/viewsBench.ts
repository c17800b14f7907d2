// The folder-wide views' figures: drives the built `dist/server.js` over stdio on the generated corpus (default 10,000
// letters, BENCH_LETTERS to change) and prints how long the Letters view's request, a Thread and the citation graph
// take and how much they weigh; then draws that graph with the bundled webview script (dist/graphView.js) in headless
// Chromium and prints the time to the first drawing and the frame rate while ForceAtlas2 runs.
// Run: `node --import tsx scripts/bench/viewsBench.ts` (after `npm run build`).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { graphPageHtml } from '../../client/src/graph/graphHtml';
import type { GraphToHostMessage } from '../../client/src/graph/graphModel';
import type { CitationGraphResult, LettersResult, ThreadResult } from '../../server/src/protocol';
import { CitationGraphRequest, LettersRequest, ThreadRequest } from '../../server/src/protocol';
import { chromiumArgs } from '../../test/e2e/harness';
import type { FixtureFolder } from '../../test/protocol/serverHarness';
import { startServer, uriOf } from '../../test/protocol/serverHarness';
import { generateCorpus } from './corpus';
import { mib, ms, percentile } from './stats';

const root = join(__dirname, '..', '..');
const count = Number(process.env.BENCH_LETTERS ?? 10000);
const corpusDir = join(tmpdir(), `diplomatic-letters-server-bench-${count}`);
const LONG_TIMEOUT_MS = 900_000;
const RUNS = 5;

/** Generates the corpus, or reuses the one a previous run (this bench or the server bench) left for the same count. */
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

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; time: number }> {
	const start = performance.now();
	const value = await run();
	return { value, time: performance.now() - start };
}

/** Draws the graph with the webview script in headless Chromium: time to the first drawing, frames during the layout. */
async function drawGraph(graph: CitationGraphResult): Promise<void> {
	const browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		const messages: GraphToHostMessage[] = [];
		await page.exposeFunction('benchReceive', (message: GraphToHostMessage) => {
			messages.push(message);
		});
		const html = graphPageHtml({ scriptUri: 'about:blank', styleUri: 'about:blank', cspSource: "'self'", nonce: 'bench' })
			.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
			.replace(/<script[^>]*><\/script>/, '')
			.replace(/<link rel="stylesheet"[^>]*>/, `<style>${readFileSync(join(root, 'media', 'graphView.css'), 'utf8')}</style>`);
		await page.setContent(html);
		// A string, not a function: tsx would wrap a function's named members in a helper the page does not have.
		await page.evaluate('window.acquireVsCodeApi = () => ({ postMessage: (message) => window.benchReceive(message) })');
		page.on('pageerror', (error) => console.error(`  graph view error: ${error.message}`));
		await page.addScriptTag({ path: join(root, 'dist', 'graphView.js') });
		const waitFor = async (type: GraphToHostMessage['type'], timeoutMs: number): Promise<GraphToHostMessage> => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = messages.find((message) => message.type === type);
				if (found) {
					return found;
				}
				if (Date.now() > deadline) {
					throw new Error(`the graph view did not report "${type}" within ${timeoutMs} ms`);
				}
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		};
		await waitFor('ready', 30_000);
		// The graph goes into the page first (as VS Code delivers it: a structured clone), then is posted to the view.
		await page.addScriptTag({ content: `window.benchGraph = ${JSON.stringify(graph)};` });
		const posted = performance.now();
		await page.evaluate("window.postMessage({ type: 'graph', graph: window.benchGraph }, '*')");
		const rendered = await waitFor('rendered', 120_000);
		const firstDrawing = performance.now() - posted;
		console.log(`  graph view (sigma.js over WebGL, software-rendered in headless Chromium): first drawing ${ms(firstDrawing)} after the graph was posted${rendered.type === 'rendered' ? ` (${rendered.nodes.toLocaleString('en')} letters, ${rendered.edges.toLocaleString('en')} links drawn)` : ''}`);
		const redraws: number[] = [];
		for (let i = 0; i < 5; i++) {
			redraws.push(await page.evaluate<number>('window.diplomaticLettersGraph.redrawMs()'));
		}
		console.log(`  a redraw of the whole graph: p50 ${ms(percentile(redraws, 0.5))}`);
		const laidOut = await waitFor('laidOut', 120_000);
		if (laidOut.type === 'laidOut') {
			const perSecond = (value: number) => (value / (laidOut.layoutMs / 1000)).toFixed(1);
			console.log(`  ForceAtlas2 in a web worker for ${ms(laidOut.layoutMs)}: ${laidOut.steps} steps (${perSecond(laidOut.steps)}/s), ${laidOut.frames} frames drawn (${perSecond(laidOut.frames)}/s)`);
		}
	} finally {
		await browser.close();
	}
}

async function main(): Promise<void> {
	if (!existsSync(join(root, 'dist', 'graphView.js'))) {
		throw new Error('dist/graphView.js is missing: run `npm run build` first (npm run bench does).');
	}
	const paths = corpus();
	const folder: FixtureFolder = { path: corpusDir, uri: uriOf(corpusDir), file: (name) => join(corpusDir, name), write: () => '', dispose: () => undefined };
	console.log(`Folder views (dist/server.js over stdio) on ${paths.length.toLocaleString('en')} generated letters:`);
	const server = await startServer({ folder });
	try {
		await server.waitFor('the full index', () => server.statuses.find((item) => item.state === 'ready'), LONG_TIMEOUT_MS);
		const request = <R>(method: string, params?: unknown) => server.connection.sendRequest<R>(method, params);
		const first = await timed(() => request<LettersResult>(LettersRequest.method));
		const again: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			again.push((await timed(() => request<LettersResult>(LettersRequest.method))).time);
		}
		console.log(`  Letters view request: first ${ms(first.time)} (identities computed), then p50 ${ms(percentile(again, 0.5))}; ${first.value.letters.length.toLocaleString('en')} rows, ${mib(JSON.stringify(first.value).length)} of JSON`);
		const textDocument = { uri: uriOf(paths[1]) };
		const threads: number[] = [];
		for (let i = 0; i < 50; i++) {
			threads.push((await timed(() => request<ThreadResult | null>(ThreadRequest.method, { textDocument: { uri: uriOf(paths[(i * 197) % paths.length]) } }))).time);
		}
		const sample = await request<ThreadResult | null>(ThreadRequest.method, { textDocument });
		console.log(`  Thread request: p50 ${ms(percentile(threads, 0.5))}, p95 ${ms(percentile(threads, 0.95))} (a letter answering ${sample?.answers.length ?? 0} and answered by ${sample?.answeredBy.length ?? 0})`);
		const graphRuns: number[] = [];
		let graph: CitationGraphResult | undefined;
		for (let i = 0; i < 3; i++) {
			const run = await timed(() => request<CitationGraphResult>(CitationGraphRequest.method));
			graphRuns.push(run.time);
			graph = run.value;
		}
		if (!graph) {
			return;
		}
		console.log(`  citation graph request: ${graphRuns.map(ms).join(', ')}; ${graph.nodes.length.toLocaleString('en')} letters, ${(graph.edges.length / 3).toLocaleString('en')} links, ${mib(JSON.stringify(graph).length)} of JSON`);
		await server.stop();
		await drawGraph(graph);
	} catch (error) {
		await server.stop().catch(() => undefined);
		throw error;
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(2);
});
