/**
 * The citation graph view as data, shared by the webview script and its tests: the colour of each sender, the size
 * of each letter, where letters start before the layout, which letters a filter keeps, and the messages between the
 * extension and the webview. Pure: no DOM, no `vscode`.
 */
import type { CitationGraphResult } from '../../../server/src/protocol';

/** Extension → webview: the graph to draw (sent on load and after the folder changed), or why there is none. */
export type HostToGraphMessage =
	| { readonly type: 'graph'; readonly graph: CitationGraphResult }
	| { readonly type: 'error'; readonly message: string };

/** Webview → extension: ready for a graph; open a letter; what was drawn and how long it took; how the layout ran (steps of ForceAtlas2 applied, frames drawn). */
export type GraphToHostMessage =
	| { readonly type: 'ready' }
	| { readonly type: 'open'; readonly uri: string }
	| { readonly type: 'rendered'; readonly nodes: number; readonly edges: number; readonly renderMs: number }
	| { readonly type: 'laidOut'; readonly frames: number; readonly steps: number; readonly layoutMs: number };

/** Whether a message from the webview has a shape the extension handles. */
export function isGraphToHostMessage(message: unknown): message is GraphToHostMessage {
	if (typeof message !== 'object' || message === null) {
		return false;
	}
	const { type } = message as { type?: unknown };
	if (type === 'open') {
		return typeof (message as { uri?: unknown }).uri === 'string';
	}
	return type === 'ready' || type === 'rendered' || type === 'laidOut';
}

/**
 * Colours for the senders with the most letters, in order (distinguishable on light and dark themes, after the
 * Tableau 10 palette); the other senders share {@link OTHER_SENDER_COLOUR}.
 */
export const SENDER_COLOURS: readonly string[] = Object.freeze([
	'#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#2f9fd8', '#8cd17d', '#d37295',
]);
/** The colour of senders beyond the palette and of letters whose sender is not known. */
export const OTHER_SENDER_COLOUR = '#8c8c8c';

/** The colour of a sender by its index in the graph's sender table (most letters first); -1 for unknown. */
export function senderColour(senderIndex: number): string {
	return senderIndex >= 0 && senderIndex < SENDER_COLOURS.length ? SENDER_COLOURS[senderIndex] : OTHER_SENDER_COLOUR;
}

/** The legend: the coloured senders with their letter counts, then "other senders" when there are more. */
export function senderLegend(graph: CitationGraphResult): { readonly label: string; readonly colour: string; readonly letters: number }[] {
	const counts = new Array<number>(graph.senders.length).fill(0);
	let unknown = 0;
	for (const node of graph.nodes) {
		if (node.sender >= 0) {
			counts[node.sender]++;
		} else {
			unknown++;
		}
	}
	const legend = graph.senders.slice(0, SENDER_COLOURS.length).map((sender, index) => ({ label: sender, colour: SENDER_COLOURS[index], letters: counts[index] }));
	const others = counts.slice(SENDER_COLOURS.length).reduce((sum, count) => sum + count, 0) + unknown;
	if (others > 0) {
		legend.push({ label: graph.senders.length > SENDER_COLOURS.length ? 'Other senders' : 'Sender not known', colour: OTHER_SENDER_COLOUR, letters: others });
	}
	return legend;
}

/** How many letters cite each node (its in-degree over distinct citing letters). */
export function citedByCounts(graph: CitationGraphResult): number[] {
	const counts = new Array<number>(graph.nodes.length).fill(0);
	for (let i = 0; i < graph.edges.length; i += 3) {
		counts[graph.edges[i + 1]]++;
	}
	return counts;
}

/** The drawn size of a letter (pixels): larger the more letters cite it, within bounds; larger in a small graph. */
export function nodeSize(citedBy: number, letters: number): number {
	const base = letters <= 200 ? 8 : letters <= 2_000 ? 5 : 3;
	return Math.min(base * 3, base + 2 * Math.sqrt(citedBy));
}

/** A number in [0, 1) from a string, the same on every run (FNV-1a). */
function unitHash(text: string, salt: number): number {
	let hash = 0x811c9dc5 ^ salt;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0) / 0x100000000;
}

/** Where a letter starts before the layout: a point in a disc, the same for a URI on every run (layouts are reproducible). */
export function initialPosition(uri: string, count: number): { readonly x: number; readonly y: number } {
	const radius = Math.sqrt(Math.max(count, 1)) * 10 * Math.sqrt(unitHash(uri, 1));
	const angle = 2 * Math.PI * unitHash(uri, 2);
	return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/** A generator of numbers in [0, 1), the same sequence for a seed (mulberry32): layouts are reproducible. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 0x100000000;
	};
}

/** The group a letter is packed in before the layout: its sender when coloured, else one group for the rest. */
export function senderGroup(senderIndex: number): number {
	return senderIndex >= 0 && senderIndex < SENDER_COLOURS.length ? senderIndex : SENDER_COLOURS.length;
}

/** The filter of the graph view: an index into the organs table and one into the agenda items table; -1 for all. */
export interface GraphFilter {
	readonly organ: number;
	readonly agendaItem: number;
}

/** Whether a letter passes the filter. */
export function nodeMatchesFilter(node: CitationGraphResult['nodes'][number], filter: GraphFilter): boolean {
	return (filter.organ < 0 || node.organs.includes(filter.organ)) && (filter.agendaItem < 0 || node.agendaItems.includes(filter.agendaItem));
}

/**
 * The most links drawn at once. A folder of 10,000 letters may hold hundreds of thousands; beyond this many the
 * drawing and the layout stop being interactive (measured by `npm run bench`), and nobody can read such a hairball.
 */
export const MAX_DRAWN_EDGES = 20_000;

/** The links to draw among the letters shown, and how many there are in all. */
export interface DrawnEdges {
	/** Triples as in the graph: citing node, cited node, kind. */
	readonly edges: readonly number[];
	/** Links between shown letters (drawn or not). */
	readonly total: number;
}

/**
 * Chooses the links to draw between the letters `shown` keeps: every reply first (further to, in reply to), then
 * citations by symbol, evenly spread over the list when there are more than the budget allows.
 */
export function selectDrawnEdges(graph: Pick<CitationGraphResult, 'edges'>, shown: (node: number) => boolean, budget = MAX_DRAWN_EDGES): DrawnEdges {
	const replies: number[] = [];
	const citations: number[] = [];
	for (let i = 0; i < graph.edges.length; i += 3) {
		if (shown(graph.edges[i]) && shown(graph.edges[i + 1])) {
			(graph.edges[i + 2] === 2 ? citations : replies).push(i);
		}
	}
	const total = replies.length + citations.length;
	const chosen = replies.slice(0, budget);
	const room = budget - chosen.length;
	if (room > 0) {
		const stride = Math.max(1, citations.length / room);
		for (let taken = 0, at = 0; taken < room && Math.floor(at) < citations.length; taken++, at += stride) {
			chosen.push(citations[Math.floor(at)]);
		}
	}
	chosen.sort((a, b) => a - b);
	return { edges: chosen.flatMap((at) => [graph.edges[at], graph.edges[at + 1], graph.edges[at + 2]]), total };
}

/** How long the layout runs for a graph of this size before it stops by itself, in milliseconds. */
export function layoutBudgetMs(nodes: number, edges: number): number {
	return Math.round(Math.min(20_000, Math.max(1_500, nodes * 1.5 + edges * 0.05)));
}

/**
 * `5 letters · 2 links`; with a filter, how many letters are shown; when not every link between them is drawn, how
 * many are.
 */
export function graphSummary(nodes: number, shownNodes: number, links: DrawnEdges): string {
	const count = (value: number, word: string) => `${value.toLocaleString('en')} ${word}${value === 1 ? '' : 's'}`;
	const letters = shownNodes === nodes ? count(nodes, 'letter') : `${shownNodes.toLocaleString('en')} of ${count(nodes, 'letter')} shown`;
	const drawn = links.edges.length / 3;
	const linkText = drawn === links.total ? count(links.total, 'link') : `${count(links.total, 'link')}, ${drawn.toLocaleString('en')} drawn (filter to see the others)`;
	return `${letters} · ${linkText}`;
}
