import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceData } from '../engine/sessions/referenceData';
import { parseReferenceData } from '../engine/sessions/referenceData';

/** Where the GA sessions data file may be: next to the bundle (`dist/../data`) or in the source tree. */
function candidatePaths(): string[] {
	return [join(__dirname, '..', 'data', 'ga-sessions.yaml'), join(__dirname, '..', '..', '..', 'data', 'ga-sessions.yaml')];
}

/** Thrown when the data file shipped with the product is missing. */
export class ReferenceDataMissingError extends Error {
	constructor(paths: readonly string[]) {
		super(`The GA sessions data file is missing (looked in ${paths.join(', ')}). Reinstall Diplomatic Letters.`);
		this.name = 'ReferenceDataMissingError';
	}
}

let cached: ReferenceData | undefined;

/** Loads the GA sessions and agenda facts shipped in `data/ga-sessions.yaml` (once per process). */
export function loadReferenceData(): ReferenceData {
	if (cached) {
		return cached;
	}
	const paths = candidatePaths();
	const found = paths.find((path) => existsSync(path));
	if (!found) {
		throw new ReferenceDataMissingError(paths);
	}
	cached = parseReferenceData(readFileSync(found, 'utf8'));
	return cached;
}
