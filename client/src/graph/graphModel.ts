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

/** Webview → extension: ready for a graph; open a letter; what was drawn and how long it took. */
export type GraphToHostMessage =
	| { readonly type: 'ready' }
	| { readonly type: 'open'; readonly uri: string }
	| { readonly type: 'rendered'; readonly nodes: number; readonly edges: number; readonly renderMs: number }
	| { readonly type: 'laidOut'; readonly frames: number; readonly layoutMs: number };

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

/** The drawn size of a letter: larger the more letters cite it, within bounds. */
export function nodeSize(citedBy: number): number {
	return Math.min(18, 3 + 2 * Math.sqrt(citedBy));
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

/** The filter of the graph view: an index into the organs table and one into the agenda items table; -1 for all. */
export interface GraphFilter {
	readonly organ: number;
	readonly agendaItem: number;
}

/** Whether a letter passes the filter. */
export function nodeMatchesFilter(node: CitationGraphResult['nodes'][number], filter: GraphFilter): boolean {
	return (filter.organ < 0 || node.organs.includes(filter.organ)) && (filter.agendaItem < 0 || node.agendaItems.includes(filter.agendaItem));
}

/** How long the layout runs for a graph of this size before it stops by itself, in milliseconds. */
export function layoutBudgetMs(nodes: number, edges: number): number {
	return Math.round(Math.min(8_000, Math.max(1_500, nodes * 0.4 + edges * 0.005)));
}

/** `5 letters · 2 links`, with `shown` when a filter hides some. */
export function graphSummary(nodes: number, edges: number, shownNodes: number): string {
	const letters = `${nodes.toLocaleString('en')} letter${nodes === 1 ? '' : 's'}`;
	const links = `${edges.toLocaleString('en')} link${edges === 1 ? '' : 's'}`;
	return shownNodes === nodes ? `${letters} · ${links}` : `${shownNodes.toLocaleString('en')} of ${letters} shown · ${links}`;
}
