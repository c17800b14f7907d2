/**
 * The citation graph in the compact form it travels in to the graph view: nodes refer to shared tables of senders,
 * sessions/years and agenda items, and edges are triples of numbers. A folder of 10,000 letters may hold hundreds of
 * thousands of links; spelled out with URIs they would weigh tens of megabytes.
 */
import { usualSenderNames } from './catalogue';
import type { CitationGraph } from './citationGraph';
import type { LinkKind } from './letterLinks';

/** The link kinds, in the order their indexes in {@link PackedCitationGraph.edges} refer to. */
export const LINK_KINDS: readonly LinkKind[] = Object.freeze(['further-to', 'refers-to', 'cites']);

/** A letter of the packed graph. */
export interface PackedGraphNode {
	readonly uri: string;
	/** `A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020`. */
	readonly name: string;
	readonly fileName: string;
	/** Index into {@link PackedCitationGraph.senders} (spellings of one State are one sender), or -1 when not known. */
	readonly sender: number;
	/** Title date, else distribution date (ISO), or null. */
	readonly dated: string | null;
	/** Indexes into {@link PackedCitationGraph.organs}. */
	readonly organs: readonly number[];
	/** Indexes into {@link PackedCitationGraph.agendaItems}. */
	readonly agendaItems: readonly number[];
}

/** The citation graph with shared tables and numeric edges. */
export interface PackedCitationGraph {
	readonly nodes: readonly PackedGraphNode[];
	/** Senders, most letters first (the view colours the first ones). */
	readonly senders: readonly string[];
	/** `GA 75`, `SC 2020`, …, sorted. */
	readonly organs: readonly string[];
	/** `GA 75 item 34`, …, sorted by session and number. */
	readonly agendaItems: readonly string[];
	/** Every link as three numbers: the citing node's index, the cited node's index, the kind's index in {@link LINK_KINDS}. */
	readonly edges: readonly number[];
}

function tableOf(values: Iterable<string>, order: (a: string, b: string) => number): { list: string[]; indexOf: Map<string, number> } {
	const list = [...new Set(values)].sort(order);
	return { list, indexOf: new Map(list.map((value, index) => [value, index])) };
}

/** Sorts labels such as `GA 75 item 34` by their words, numbers compared as numbers. */
function naturalOrder(a: string, b: string): number {
	return a.localeCompare(b, 'en', { numeric: true });
}

/** Packs a citation graph: shared tables for senders, organs and agenda items; edges as index triples. */
export function packCitationGraph(graph: CitationGraph): PackedCitationGraph {
	const usual = usualSenderNames(graph.nodes.map((node) => node.sender));
	const senderOf = (sender: string | null) => (sender === null ? null : usual.get(sender) ?? sender);
	const senderCounts = new Map<string, number>();
	for (const node of graph.nodes) {
		const sender = senderOf(node.sender);
		if (sender !== null) {
			senderCounts.set(sender, (senderCounts.get(sender) ?? 0) + 1);
		}
	}
	const senders = tableOf(senderCounts.keys(), (a, b) => (senderCounts.get(b) ?? 0) - (senderCounts.get(a) ?? 0) || a.localeCompare(b));
	const organs = tableOf(graph.nodes.flatMap((node) => node.organs), naturalOrder);
	const agendaItems = tableOf(graph.nodes.flatMap((node) => node.agendaItems), naturalOrder);
	const nodeIndex = new Map(graph.nodes.map((node, index) => [node.id, index]));
	const kindIndex = new Map(LINK_KINDS.map((kind, index) => [kind, index]));
	const edges: number[] = [];
	for (const edge of graph.edges) {
		const from = nodeIndex.get(edge.from);
		const to = nodeIndex.get(edge.to);
		if (from !== undefined && to !== undefined) {
			edges.push(from, to, kindIndex.get(edge.kind) ?? LINK_KINDS.length - 1);
		}
	}
	return {
		nodes: graph.nodes.map((node) => ({
			uri: node.id, name: node.label, fileName: node.fileName,
			sender: senders.indexOf.get(senderOf(node.sender) ?? '') ?? -1,
			dated: node.dated,
			organs: node.organs.map((organ) => organs.indexOf.get(organ) ?? -1).filter((index) => index >= 0),
			agendaItems: node.agendaItems.map((item) => agendaItems.indexOf.get(item) ?? -1).filter((index) => index >= 0),
		})),
		senders: senders.list, organs: organs.list, agendaItems: agendaItems.list, edges,
	};
}
