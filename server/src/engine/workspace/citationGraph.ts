/**
 * The citation graph of the workspace: every letter as a node (with what the graph view colours and filters by) and
 * every link between two workspace letters as an edge. Computed in the engine; the graph view only draws it.
 */
import { organLabel } from '../letter/letterFacts';
import { catalogue, letterName } from './catalogue';
import type { LetterIndex } from './letterIndex';
import type { LinkKind } from './letterLinks';
import { outgoingLinks } from './letterLinks';
import type { CancellationSignal } from '../languageFeatures/context';

/** A node of the citation graph: a letter, with what the graph colours and filters by. */
export interface GraphNode {
	readonly id: string;
	readonly label: string;
	readonly fileName: string;
	readonly sender: string | null;
	readonly dated: string | null;
	/** `GA 75`, `SC 2020`, …: what the session/year filter offers. */
	readonly organs: readonly string[];
	/** `GA 75 item 34`: what the agenda item filter offers. */
	readonly agendaItems: readonly string[];
}

/** An edge of the citation graph: `from` cites or refers to `to`. */
export interface GraphEdge {
	readonly from: string;
	readonly to: string;
	readonly kind: LinkKind;
}

/** The citation graph of the workspace. */
export interface CitationGraph {
	readonly nodes: readonly GraphNode[];
	readonly edges: readonly GraphEdge[];
}

/** Builds the graph of every workspace letter and every link between them; stops early (returning what it has) when cancelled. */
export function citationGraph(index: LetterIndex, token?: CancellationSignal): CitationGraph {
	const nodes: GraphNode[] = [];
	const edges: GraphEdge[] = [];
	for (const record of catalogue(index)) {
		if (token?.isCancellationRequested) {
			break;
		}
		const sessions = record.organs.flatMap((organ) => (organ.organ === 'GA' && 'session' in organ && organ.session !== undefined ? [organ.session] : []));
		nodes.push({
			id: record.uri,
			label: letterName(record),
			fileName: record.fileName,
			sender: record.sender,
			dated: record.dated ?? record.distributed,
			organs: record.organs.map(organLabel),
			agendaItems: sessions.flatMap((session) => record.agendaItems.map((item) => `GA ${session} item ${item.number}`)),
		});
		for (const link of outgoingLinks(index, record.uri)) {
			edges.push({ from: link.from, to: link.to, kind: link.kind });
		}
	}
	return { nodes, edges };
}
