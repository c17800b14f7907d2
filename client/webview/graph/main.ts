/**
 * The citation graph webview: draws the folder's letters and what they cite with sigma.js (WebGL) over a graphology
 * graph, laid out by ForceAtlas2 in a web worker so that the view stays responsive; coloured by sender, filtered by
 * session/year and agenda item; a click on a letter asks the extension to open it. The extension sends the graph
 * the server computed; this script only draws it. Bundled by esbuild into dist/graphView.js (no network access).
 */
import Graph from 'graphology';
import circlepack from 'graphology-layout/circlepack';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import type { CitationGraphResult } from '../../../server/src/protocol';
import type { GraphFilter, GraphToHostMessage, HostToGraphMessage } from '../../src/graph/graphModel';
import type { DrawnEdges } from '../../src/graph/graphModel';
import { citedByCounts, graphSummary, initialPosition, layoutBudgetMs, nodeMatchesFilter, nodeSize, seededRandom, selectDrawnEdges, senderColour, senderGroup, senderLegend } from '../../src/graph/graphModel';

interface VsCodeApi {
	postMessage(message: GraphToHostMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Edges beyond this many are drawn as lines (arrows cost twice the geometry). */
const ARROWS_UP_TO = 5_000;
const EDGE_COLOURS = ['rgba(90, 140, 220, 0.85)', 'rgba(230, 120, 60, 0.85)', 'rgba(130, 130, 130, 0.6)'];

const vscode = acquireVsCodeApi();
const container = document.getElementById('graph') as HTMLDivElement;
const statusLine = document.getElementById('status') as HTMLSpanElement;
const organSelect = document.getElementById('organ') as HTMLSelectElement;
const itemSelect = document.getElementById('agendaItem') as HTMLSelectElement;
const layoutButton = document.getElementById('layout') as HTMLButtonElement;
const legend = document.getElementById('legend') as HTMLUListElement;

const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
let data: CitationGraphResult | undefined;
let renderer: Sigma | undefined;
let layout: FA2Layout | undefined;
let layoutTimer: number | undefined;
let filter: GraphFilter = { organ: -1, agendaItem: -1 };
let hidden = new Set<string>();
let drawn: DrawnEdges = { edges: [], total: 0 };
let hovered: string | undefined;

function cssColour(name: string, fallback: string): string {
	return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function fillSelect(select: HTMLSelectElement, allLabel: string, labels: readonly string[]): void {
	select.replaceChildren(new Option(allLabel, '-1'), ...labels.map((label, index) => new Option(label, String(index))));
	select.disabled = labels.length === 0;
}

function renderLegend(graphData: CitationGraphResult): void {
	legend.replaceChildren(...senderLegend(graphData).map((entry) => {
		const item = document.createElement('li');
		const swatch = document.createElement('span');
		swatch.className = 'swatch';
		swatch.style.backgroundColor = entry.colour;
		item.append(swatch, `${entry.label} (${entry.letters})`);
		return item;
	}));
}

function showStatus(layoutRunning: boolean): void {
	if (!data) {
		return;
	}
	const shown = data.nodes.length - hidden.size;
	statusLine.textContent = `${graphSummary(data.nodes.length, shown, drawn)}${layoutRunning ? ' · laying out…' : ''}`;
	layoutButton.textContent = layoutRunning ? 'Stop layout' : 'Run layout';
}

/** Fills the graphology graph with the server's letters, keeping the positions of letters already drawn. */
function loadNodes(graphData: CitationGraphResult): void {
	const previous = new Map<string, { x: number; y: number }>();
	graph.forEachNode((_key, attributes) => previous.set(attributes.uri as string, { x: attributes.x as number, y: attributes.y as number }));
	graph.clear();
	const citedBy = citedByCounts(graphData);
	graphData.nodes.forEach((node, index) => {
		const position = previous.get(node.uri) ?? initialPosition(node.uri, graphData.nodes.length);
		graph.addNode(String(index), {
			x: position.x, y: position.y, size: nodeSize(citedBy[index], graphData.nodes.length), color: senderColour(node.sender), label: node.name, uri: node.uri,
			group: senderGroup(node.sender),
		});
	});
	if (previous.size === 0) {
		// A first picture at once: each sender's letters packed together, then ForceAtlas2 pulls linked letters closer.
		circlepack.assign(graph, { hierarchyAttributes: ['group'], rng: seededRandom(1103), scale: Math.sqrt(graph.order) * 10 });
	}
}

/** Draws the links among the letters the filter keeps (replies first, up to the budget). */
function drawEdges(graphData: CitationGraphResult): void {
	graph.clearEdges();
	drawn = selectDrawnEdges(graphData, (node) => !hidden.has(String(node)));
	const edgeType = drawn.edges.length / 3 <= ARROWS_UP_TO ? 'arrow' : 'line';
	for (let i = 0; i < drawn.edges.length; i += 3) {
		const from = String(drawn.edges[i]);
		const to = String(drawn.edges[i + 1]);
		if (from !== to && !graph.hasEdge(from, to)) {
			graph.addDirectedEdge(from, to, { color: EDGE_COLOURS[drawn.edges[i + 2]] ?? EDGE_COLOURS[2], size: edgeType === 'arrow' ? 2 : 1, type: edgeType });
		}
	}
}

function applyFilter(): void {
	const graphData = data;
	if (!graphData) {
		return;
	}
	hidden = new Set(graphData.nodes.flatMap((node, index) => (nodeMatchesFilter(node, filter) ? [] : [String(index)])));
	drawEdges(graphData);
	renderer?.setSetting('hideEdgesOnMove', graph.size > ARROWS_UP_TO);
	renderer?.refresh();
	showStatus(layout?.isRunning() ?? false);
}

/**
 * How often the positions the layout reached are drawn while it runs: a frame per layout step would starve it, and a
 * large graph costs sigma a full re-indexation per frame.
 */
function layoutFrameMs(letters: number): number {
	return letters <= 2_000 ? 250 : 3_000;
}

/**
 * The layout run in progress: ForceAtlas2 moves the letters of a copy of the graph in its worker; the drawn graph
 * takes their positions every {@link layoutFrameMs}. It counts the steps made and the frames drawn.
 */
let layoutRun: { readonly startedAt: number; readonly shadow: Graph; frames: number; steps: number; timer: number } | undefined;

function countFrame(): void {
	if (layoutRun) {
		layoutRun.frames++;
	}
}

/** Draws the positions the layout has reached. */
function takePositions(shadow: Graph): void {
	graph.updateEachNodeAttributes((node, attributes) => {
		const moved = shadow.hasNode(node) ? shadow.getNodeAttributes(node) : undefined;
		return moved ? { ...attributes, x: moved.x as number, y: moved.y as number } : attributes;
	}, { attributes: ['x', 'y'] });
}

function stopLayout(): void {
	window.clearTimeout(layoutTimer);
	layoutTimer = undefined;
	if (layout?.isRunning()) {
		layout.stop();
	}
	if (layoutRun) {
		window.clearInterval(layoutRun.timer);
		takePositions(layoutRun.shadow);
		vscode.postMessage({ type: 'laidOut', frames: layoutRun.frames, steps: layoutRun.steps, layoutMs: Math.round(performance.now() - layoutRun.startedAt) });
		layoutRun = undefined;
	}
	document.body.dataset.state = 'laid-out';
	showStatus(false);
}

/** Runs ForceAtlas2 in its worker for a budget that grows with the graph, drawing where it has got to as it goes. */
function runLayout(): void {
	layout?.kill();
	window.clearTimeout(layoutTimer);
	if (layoutRun) {
		window.clearInterval(layoutRun.timer);
		layoutRun = undefined;
	}
	if (graph.order < 2) {
		document.body.dataset.state = 'laid-out';
		showStatus(false);
		return;
	}
	const shadow = graph.copy();
	// Small graphs keep their letters apart (adjustSizes); large ones use the Barnes-Hut settings graphology infers.
	layout = new FA2Layout(shadow, { settings: { ...forceAtlas2.inferSettings(shadow), adjustSizes: shadow.order <= 2_000 } });
	const run = { startedAt: performance.now(), shadow, frames: 0, steps: 0, timer: window.setInterval(() => takePositions(shadow), layoutFrameMs(shadow.order)) };
	shadow.on('eachNodeAttributesUpdated', () => {
		run.steps++;
	});
	layoutRun = run;
	layout.start();
	document.body.dataset.state = 'laying-out';
	showStatus(true);
	layoutTimer = window.setTimeout(stopLayout, layoutBudgetMs(graph.order, graph.size));
}

function createRenderer(): Sigma {
	const created = new Sigma(graph, container, {
		allowInvalidContainer: true,
		hideEdgesOnMove: graph.size > ARROWS_UP_TO,
		labelRenderedSizeThreshold: graph.order > 500 ? 9 : 0,
		labelDensity: graph.order > 500 ? 0.07 : 1,
		labelColor: { color: cssColour('--vscode-editor-foreground', '#333333') },
		labelFont: cssColour('--vscode-font-family', 'sans-serif'),
		defaultEdgeType: 'arrow',
		zIndex: true,
		nodeReducer: (node, attributes) => {
			if (hidden.has(node)) {
				return { ...attributes, hidden: true };
			}
			return node === hovered ? { ...attributes, highlighted: true, zIndex: 1 } : attributes;
		},
	});
	created.on('afterRender', countFrame);
	created.on('clickNode', ({ node }) => {
		const uri = graph.getNodeAttribute(node, 'uri') as string;
		vscode.postMessage({ type: 'open', uri });
	});
	created.on('enterNode', ({ node }) => {
		hovered = node;
		container.style.cursor = 'pointer';
		container.title = graph.getNodeAttribute(node, 'label') as string;
	});
	created.on('leaveNode', () => {
		hovered = undefined;
		container.style.cursor = '';
		container.title = '';
	});
	return created;
}

function showGraph(graphData: CitationGraphResult): void {
	const startedAt = performance.now();
	data = graphData;
	loadNodes(graphData);
	fillSelect(organSelect, 'Every session and year', graphData.organs);
	fillSelect(itemSelect, 'Every agenda item', graphData.agendaItems);
	organSelect.value = String(filter.organ < graphData.organs.length ? filter.organ : -1);
	itemSelect.value = String(filter.agendaItem < graphData.agendaItems.length ? filter.agendaItem : -1);
	filter = { organ: Number(organSelect.value), agendaItem: Number(itemSelect.value) };
	renderLegend(graphData);
	document.getElementById('empty')!.hidden = graphData.nodes.length > 0;
	try {
		renderer ??= createRenderer();
	} catch (error) {
		statusLine.textContent = `The graph cannot be drawn here: ${error instanceof Error ? error.message : String(error)} (it needs WebGL).`;
		return;
	}
	applyFilter();
	document.body.dataset.state = 'rendered';
	document.body.dataset.nodes = String(graph.order);
	document.body.dataset.edges = String(graph.size);
	vscode.postMessage({ type: 'rendered', nodes: graph.order, edges: graph.size, renderMs: Math.round(performance.now() - startedAt) });
	runLayout();
}

organSelect.addEventListener('change', () => {
	filter = { ...filter, organ: Number(organSelect.value) };
	applyFilter();
	runLayout();
});
itemSelect.addEventListener('change', () => {
	filter = { ...filter, agendaItem: Number(itemSelect.value) };
	applyFilter();
	runLayout();
});
layoutButton.addEventListener('click', () => {
	if (layout?.isRunning()) {
		stopLayout();
	} else {
		runLayout();
	}
});

window.addEventListener('message', (event: MessageEvent<HostToGraphMessage>) => {
	const message = event.data;
	if (message.type === 'graph') {
		showGraph(message.graph);
	} else if (message.type === 'error') {
		statusLine.textContent = message.message;
	}
});

/** Probes of what is drawn, for the end-to-end tests and the bench (where a letter is on screen, how many are shown, how long a redraw takes). */
(window as unknown as { diplomaticLettersGraph: object }).diplomaticLettersGraph = Object.freeze({
	shownNodes: () => graph.order - hidden.size,
	redrawMs: () => {
		const start = performance.now();
		renderer?.refresh();
		return performance.now() - start;
	},
	nodeOnScreen: (uri: string) => {
		const key = graph.findNode((_node, attributes) => attributes.uri === uri);
		if (key === undefined || renderer === undefined || hidden.has(key)) {
			return undefined;
		}
		const point = renderer.graphToViewport(graph.getNodeAttributes(key) as { x: number; y: number });
		const box = container.getBoundingClientRect();
		return { x: box.left + point.x, y: box.top + point.y };
	},
});

vscode.postMessage({ type: 'ready' });
