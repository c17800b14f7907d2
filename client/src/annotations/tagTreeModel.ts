/**
 * The "Tags" tree as data: workspace tags nested by their `/`-separated segments (`legal/self-defence` under
 * `legal`), each node with its colour, the annotations carrying exactly that tag, and a count of the distinct
 * annotations at or below it. Pure: no `vscode` import; the tree view only maps these nodes to items.
 */
import type { AnnotationInfo, TagSummary } from '../../../server/src/protocol';
import { matchesAnnotationFilter, normaliseFilter } from './annotationFilter';
import { compareRanges } from './letterAnnotations';
import { tagColour } from './tagColours';

/** One node of the tag tree. */
export interface TagTreeNode {
	/** The last segment of the tag (`self-defence` for `legal/self-defence`). */
	readonly name: string;
	/** The full tag (`legal/self-defence`), as written in the sidecars when the node is a tag. */
	readonly path: string;
	/** True when the path is a tag of its own (used or in the vocabulary), false when it only groups sub-tags. */
	readonly isTag: boolean;
	readonly colour: string;
	readonly description?: string;
	/** Distinct annotations carrying this tag or a tag below it (after filtering). */
	readonly count: number;
	/** Sub-tags, by name. */
	readonly children: readonly TagTreeNode[];
	/** Annotations carrying exactly this tag (after filtering), by letter then text order. */
	readonly annotations: readonly AnnotationInfo[];
}

/** The segments of a hierarchical tag; empty segments (`a//b`, `/a`) are ignored. */
export function tagSegments(tag: string): string[] {
	const segments = tag.split('/').filter((segment) => segment.length > 0);
	return segments.length > 0 ? segments : [tag];
}

interface MutableNode {
	readonly name: string;
	readonly path: string;
	summary?: TagSummary;
	readonly children: Map<string, MutableNode>;
}

function annotationKey(annotation: Pick<AnnotationInfo, 'uri' | 'id'>): string {
	return `${annotation.uri}\u0000${annotation.id}`;
}

function compareAnnotations(a: AnnotationInfo, b: AnnotationInfo): number {
	return a.uri.localeCompare(b.uri) || compareRanges(a.range, b.range);
}

function freeze(node: MutableNode, filter: string | undefined): { node: TagTreeNode; keys: Set<string> } | undefined {
	const children: TagTreeNode[] = [];
	const keys = new Set<string>();
	for (const child of [...node.children.values()].sort((a, b) => a.name.localeCompare(b.name))) {
		const frozen = freeze(child, filter);
		if (frozen) {
			children.push(frozen.node);
			frozen.keys.forEach((key) => keys.add(key));
		}
	}
	const annotations = (node.summary?.annotations ?? [])
		.filter((annotation) => matchesAnnotationFilter(annotation, filter))
		.sort(compareAnnotations);
	annotations.forEach((annotation) => keys.add(annotationKey(annotation)));
	const path = node.summary?.tag ?? node.path;
	const normalisedFilter = normaliseFilter(filter);
	const nameMatches = node.summary !== undefined && normalisedFilter !== undefined && path.toLowerCase().includes(normalisedFilter);
	if (normalisedFilter !== undefined && keys.size === 0 && !nameMatches) {
		return undefined;
	}
	return {
		keys,
		node: {
			name: node.name,
			path,
			isTag: node.summary !== undefined,
			colour: tagColour(path, node.summary?.colour),
			...(node.summary?.description === undefined ? {} : { description: node.summary.description }),
			count: keys.size,
			children,
			annotations,
		},
	};
}

/**
 * Builds the tag tree from the server's flat list of tags. A tag `a/b` appears as `b` under `a`; `a` is a node even
 * when no annotation carries `a` itself. With a filter, only annotations that match it are kept, and only tags that
 * keep an annotation (or whose name matches) are shown. Roots are sorted by name.
 */
export function buildTagTree(summaries: readonly TagSummary[], filter?: string): TagTreeNode[] {
	const root: MutableNode = { name: '', path: '', children: new Map() };
	for (const summary of summaries) {
		let node = root;
		for (const segment of tagSegments(summary.tag)) {
			const path = node.path === '' ? segment : `${node.path}/${segment}`;
			let child = node.children.get(segment);
			if (!child) {
				child = { name: segment, path, children: new Map() };
				node.children.set(segment, child);
			}
			node = child;
		}
		node.summary = summary;
	}
	return [...root.children.values()]
		.sort((a, b) => a.name.localeCompare(b.name))
		.flatMap((node) => {
			const frozen = freeze(node, filter);
			return frozen ? [frozen.node] : [];
		});
}

/** Every tag name of the summaries, with the colour it is shown in (for decorations and hovers). */
export function tagColourMap(summaries: readonly TagSummary[]): Map<string, string> {
	return new Map(summaries.map((summary) => [summary.tag, tagColour(summary.tag, summary.colour)]));
}
