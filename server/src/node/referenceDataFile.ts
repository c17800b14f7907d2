import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceData } from '../engine/sessions/referenceData';
import { parseReferenceData, readReferenceData } from '../engine/sessions/referenceData';

/** The data files shipped with the product: GA sessions and agenda items (required), resolution numbers (optional). */
export const SESSIONS_FILE = 'ga-sessions.yaml';
export const RESOLUTIONS_FILE = 'resolutions.yaml';

/**
 * The data files parsed at build time (`scripts/build.mjs` writes it next to the bundles): parsing the YAML takes a
 * tenth of a second, reading this JSON a fraction of a millisecond. Used only while it was made from the very texts
 * of the data files (their SHA-256 is recorded in it); otherwise the YAML is parsed.
 */
export const PARSED_DATA_FILE = 'reference-data.json';

/** What `scripts/build.mjs` writes into {@link PARSED_DATA_FILE}. */
interface ParsedDataSnapshot {
	readonly sha256: Readonly<Record<string, string>>;
	readonly gaSessions: unknown;
	readonly resolutions?: unknown;
}

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

/** The SHA-256 of a text, in hexadecimal. */
export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** The build-time snapshot next to the bundle, when it was made from exactly these texts. */
function matchingSnapshot(sessionsText: string, resolutionsText: string | undefined): ParsedDataSnapshot | undefined {
	const path = join(__dirname, PARSED_DATA_FILE);
	if (!existsSync(path)) {
		return undefined;
	}
	try {
		const snapshot = JSON.parse(readFileSync(path, 'utf8')) as ParsedDataSnapshot;
		const fresh = snapshot.sha256?.[SESSIONS_FILE] === sha256(sessionsText)
			&& snapshot.sha256?.[RESOLUTIONS_FILE] === (resolutionsText === undefined ? undefined : sha256(resolutionsText));
		return fresh ? snapshot : undefined;
	} catch {
		return undefined;
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
	const sessionsText = readFileSync(join(folder, SESSIONS_FILE), 'utf8');
	const resolutionsPath = join(folder, RESOLUTIONS_FILE);
	const resolutionsText = existsSync(resolutionsPath) ? readFileSync(resolutionsPath, 'utf8') : undefined;
	const snapshot = matchingSnapshot(sessionsText, resolutionsText);
	cached = snapshot
		? readReferenceData(snapshot.gaSessions, resolutionsText === undefined ? undefined : snapshot.resolutions ?? null)
		: parseReferenceData(sessionsText, resolutionsText);
	return cached;
}
