// `fileNameOf` (`server/src/engine/workspace/letterIndex.ts`) before it cut a plain URI without a regular expression,
// kept as the oracle of `fileNameOracle.test.ts`.

/** The last path segment of a URI or path, as it was computed before. */
export function previousFileNameOf(uri: string): string {
	const withoutQuery = uri.replace(/[?#].*$/, '');
	const segment = withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1);
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
