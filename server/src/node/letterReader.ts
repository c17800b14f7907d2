/**
 * The work of indexing one file, the same in a worker thread and on the main thread: read its bytes safely, hash
 * them when asked, stop there when they are the content the caller already holds an entry for, else decode, parse and
 * make the letter's compact entry; for the command line, also read the letter's sidecar (its identity, and the
 * annotation findings, which need the letter's text). What goes back is small: no text, no full model.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { letterAnnotationFindings, sidecarFileFindings } from '../engine/annotations';
import type { Finding } from '../engine/diagnostics/codes';
import { parseLetter } from '../engine/letter/parseLetter';
import type { ReferenceData } from '../engine/sessions/referenceData';
import { LineIndex } from '../engine/text/lineIndex';
import { placeRange } from '../engine/text/placedRange';
import type { LetterSummary, PlacedFinding } from '../engine/workspace/letterSummary';
import { summarizeLetter } from '../engine/workspace/letterSummary';
import { letterText, whyNotRead } from './letterFiles';
import type { SidecarFileState } from './sidecarFiles';
import { readSidecarFileSync, sidecarConditionOf, sidecarSymbolOf } from './sidecarFiles';
import { decodeText, ReadBuffer, readFileBytesSync } from './textFiles';

/** One file to index. */
export interface LetterReadRequest {
	readonly path: string;
	readonly maxFileSize: number;
	/** The hash of the content the caller holds an entry for: when the file still has it, no entry is made again. */
	readonly knownHash?: string;
	/** Hash the content (to store the entry made, or to compare with `knownHash`). */
	readonly hash: boolean;
	/** Read the letter's sidecar too: its `document.symbol` and the annotation findings (the command line). */
	readonly sidecar: boolean;
	/** The path was just listed in its folder as a regular file (see `ByteReadOptions.listedAsFile`). */
	readonly listedAsFile?: boolean;
}

/** The annotation findings of a letter's sidecar, placed: on the letter, and on the sidecar file itself. */
export interface SidecarReport {
	readonly symbol?: string;
	readonly onLetter: readonly PlacedFinding[];
	readonly onSidecar: readonly PlacedFinding[];
}

/** What indexing one file gave. */
export type LetterReadResult =
	| { readonly kind: 'skipped'; readonly reason: string }
	| {
		readonly kind: 'read';
		/** The content's hash, when asked for. */
		readonly hash?: string;
		/** The compact entry; absent when the content is the known one. */
		readonly summary?: LetterSummary;
		/** The sidecar, when asked for and the file is a letter that has one (its identity alone when it has no findings). */
		readonly sidecar?: SidecarReport;
	};

/** The hash the persistent index keys entries by: SHA-256 of the file's bytes. */
export function contentHash(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('base64url');
}

function placed(text: string, findings: readonly Finding[]): PlacedFinding[] {
	if (findings.length === 0) {
		return [];
	}
	const lines = new LineIndex(text);
	return findings.map((finding) => ({ code: finding.code, range: placeRange(lines, finding.range), message: finding.message }));
}

/** The buffer this thread reads files into: the bytes are hashed and decoded at once, never kept. */
const scratch = new ReadBuffer();

/** Indexes one file (never throws for a user's file: what cannot be read is `skipped` with the reason). */
export function readLetterForIndex(request: LetterReadRequest, data: ReferenceData): LetterReadResult {
	const read = readFileBytesSync(request.path, request.maxFileSize, { listedAsFile: request.listedAsFile, scratch });
	if (read.kind !== 'bytes') {
		return { kind: 'skipped', reason: whyNotRead(read) };
	}
	const hash = request.hash || request.knownHash !== undefined ? contentHash(read.bytes) : undefined;
	const known = hash !== undefined && hash === request.knownHash;
	const state = request.sidecar ? readSidecarFileSync(request.path) : undefined;
	if (known && (state === undefined || state.kind === 'missing')) {
		return { kind: 'read', hash };
	}
	const decoded = decodeText(read.bytes);
	if (!decoded.ok) {
		return { kind: 'skipped', reason: whyNotRead({ kind: 'unreadable', reason: decoded.reason }) };
	}
	const text = letterText(decoded.text);
	const summary = known ? undefined : summarizeLetter(parseLetter(text, data), data);
	return { kind: 'read', hash, summary, sidecar: state && state.kind !== 'missing' ? sidecarReport(state, text) : undefined };
}

/** The sidecar of a letter as the command line reports it. */
function sidecarReport(state: Exclude<SidecarFileState, { kind: 'missing' }>, text: string): SidecarReport {
	const name = basename(state.path);
	const condition = sidecarConditionOf(state, text);
	const sidecarText = state.kind === 'valid' || state.kind === 'invalid' ? state.text : '';
	return { symbol: sidecarSymbolOf(state), onLetter: placed(text, letterAnnotationFindings(name, condition)), onSidecar: placed(sidecarText, sidecarFileFindings(name, condition)) };
}
