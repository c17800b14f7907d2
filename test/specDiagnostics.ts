/**
 * The diagnostic codes and default severities of the product contract (SPEC.md, "Diagnostics"), written out once for
 * the tests, independently of the implementation, so that the engine's table and package.json are both checked
 * against the contract rather than against each other.
 */
export const SPEC_DEFAULT_SEVERITIES = {
	'footnote-missing-text': 'error',
	'footnote-unreferenced': 'warning',
	'footnote-duplicate': 'warning',
	'symbol-malformed': 'error',
	'date-invalid': 'error',
	'citation-date-mismatch': 'warning',
	'resolution-year-mismatch': 'warning',
	'citation-date-conflict': 'warning',
	'citation-unresolved': 'hint',
	'letter-reference-unresolved': 'information',
	'annex-missing': 'warning',
	'agenda-mismatch': 'warning',
	'session-date-mismatch': 'warning',
	'letter-date-after-distribution': 'warning',
	'annotation-orphaned': 'warning',
	'sidecar-without-letter': 'warning',
	'sidecar-invalid': 'error',
} as const;
