import type { AnnotationInfo, TagSummary } from '../../../server/src/protocol';

/** An annotation of `file:///letters/<file>` on one line, from `start` to `end` characters. */
export function annotation(id: string, tags: string[], line: number, start: number, end: number, extra: Partial<AnnotationInfo> = {}): AnnotationInfo {
	return {
		id,
		uri: 'file:///letters/a.txt',
		tags,
		status: 'attached',
		range: { start: { line, character: start }, end: { line, character: end } },
		exact: `text of ${id}`,
		...extra,
	};
}

/** The server's tag summaries for a flat list of annotations (vocabulary entries optional). */
export function summaries(annotations: readonly AnnotationInfo[], vocabulary: Record<string, { colour?: string; description?: string }> = {}): TagSummary[] {
	const names = new Set([...annotations.flatMap((entry) => entry.tags), ...Object.keys(vocabulary)]);
	return [...names].sort().map((tag) => {
		const carrying = annotations.filter((entry) => entry.tags.includes(tag));
		const defined = vocabulary[tag];
		return {
			tag,
			count: carrying.length,
			annotations: carrying,
			inVocabulary: defined !== undefined,
			...defined,
		};
	});
}
