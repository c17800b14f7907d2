import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceData } from '../engine/sessions/referenceData';
import { parseReferenceData } from '../engine/sessions/referenceData';

/** The data files shipped with the product: GA sessions and agenda items (required), resolution numbers (optional). */
const SESSIONS_FILE = 'ga-sessions.yaml';
const RESOLUTIONS_FILE = 'resolutions.yaml';

/** Where the data folder may be: next to the bundle (`dist/../data`) or in the source tree. */
function candidateFolders(): string[] {
	return [join(__dirname, '..', 'data'), join(__dirname, '..', '..', '..', 'data')];
}

/** Thrown when the data file shipped with the product is missing. */
export class ReferenceDataMissingError extends Error {
	constructor(paths: readonly string[]) {
		super(`The GA sessions data file is missing (looked in ${paths.join(', ')}). Reinstall Diplomatic Letters.`);
		this.name = 'ReferenceDataMissingError';
	}
}

let cached: ReferenceData | undefined;

/**
 * Loads the facts shipped in `data/` (once per process): GA sessions, special sessions and agenda items from
 * `ga-sessions.yaml`, resolution numbers from `resolutions.yaml` (without it, resolution checks stay silent).
 */
export function loadReferenceData(): ReferenceData {
	if (cached) {
		return cached;
	}
	const folders = candidateFolders();
	const folder = folders.find((candidate) => existsSync(join(candidate, SESSIONS_FILE)));
	if (!folder) {
		throw new ReferenceDataMissingError(folders.map((candidate) => join(candidate, SESSIONS_FILE)));
	}
	const resolutionsPath = join(folder, RESOLUTIONS_FILE);
	const resolutions = existsSync(resolutionsPath) ? readFileSync(resolutionsPath, 'utf8') : undefined;
	cached = parseReferenceData(readFileSync(join(folder, SESSIONS_FILE), 'utf8'), resolutions);
	return cached;
}
