/**
 * The golden corpus of real letters (test/fixtures/real, format in its README): reads every text with its
 * hand-written expectations, runs the real engine over the folder as a whole (as `letters` and `check` would), and
 * compares field by field. Used by the golden tests and by `npm run accuracy`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LetterDiagnostic } from '../../server/src/engine/diagnostics/codes';
import { computeLetterDiagnostics } from '../../server/src/engine/diagnostics/letterDiagnostics';
import type { OrganFact } from '../../server/src/engine/letter/letterFacts';
import type { ReferenceData } from '../../server/src/engine/sessions/referenceData';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { catalogueRecord } from '../../server/src/engine/workspace/catalogue';
import { LetterIndex } from '../../server/src/engine/workspace/letterIndex';

/** The folder of the real letters. */
export const REAL_LETTERS_DIR = join(__dirname, '..', 'fixtures', 'real');
/** The folder of the held-out real letters: read the same way, kept apart because the reader was never tuned on them until they were added. */
export const HOLDOUT_LETTERS_DIR = join(__dirname, '..', 'fixtures', 'real-holdout');

/** The golden sets, each read as one workspace: the real corpus and the held-out set. */
export const GOLDEN_SETS: readonly { readonly name: string; readonly dir: string }[] = [
	{ name: 'real', dir: REAL_LETTERS_DIR },
	{ name: 'real-holdout', dir: HOLDOUT_LETTERS_DIR },
];

/** An expected error or warning: its code and the words it sits on. */
export interface ExpectedDiagnostic {
	readonly code: string;
	readonly text: string;
}

/** The hand-written expectations of one real text (`<name>.golden.json`). */
export interface Golden {
	readonly source: string;
	readonly excerpt?: boolean;
	readonly letter: boolean;
	readonly symbol?: string | null;
	readonly kind?: string;
	readonly distributed?: string | null;
	readonly dated?: string | null;
	readonly sender?: string | null;
	readonly addressees?: readonly string[];
	readonly organs?: readonly OrganFact[];
	readonly agendaItems?: readonly { readonly number: number; readonly title?: string | null }[];
	readonly cites?: readonly string[];
	readonly diagnostics?: readonly ExpectedDiagnostic[];
	readonly notes?: string;
	/**
	 * Fields the engine is known to read wrong in this text, each with the reason (a shape no general rule reads yet).
	 * The golden test requires exactly these to be wrong, so a fix or a regression both show; the accuracy report counts
	 * them as wrong.
	 */
	readonly knownMisses?: readonly { readonly field: GoldenField; readonly reason: string }[];
}

/** The fields the accuracy report counts, in its order. */
export const GOLDEN_FIELDS = ['letter', 'symbol', 'kind', 'distributed', 'dated', 'sender', 'addressees', 'organs', 'agendaItems', 'agendaTitles', 'cites'] as const;

/** One field of the accuracy report. */
export type GoldenField = (typeof GOLDEN_FIELDS)[number];

/** A field whose value is not the golden one. */
export interface FieldMismatch {
	readonly field: GoldenField;
	readonly expected: unknown;
	readonly actual: unknown;
}

/** An error or warning placed in its file, for the report. */
export interface PlacedDiagnostic {
	readonly code: string;
	readonly severity: string;
	readonly line: number;
	readonly column: number;
	readonly text: string;
	readonly message: string;
}

/** How the engine read one real text against its golden expectations. */
export interface GoldenOutcome {
	readonly name: string;
	readonly golden: Golden;
	/** The fields that were checked (a non-letter is checked for `letter` only). */
	readonly checked: readonly GoldenField[];
	readonly mismatches: readonly FieldMismatch[];
	/** Errors and warnings the golden does not list: false alarms. */
	readonly unexpected: readonly PlacedDiagnostic[];
	/** Errors and warnings the golden lists that were not raised. */
	readonly missed: readonly ExpectedDiagnostic[];
}

/** The names of the real texts (`.txt` and `.md` with a golden file beside them), sorted. */
export function realLetterNames(dir = REAL_LETTERS_DIR): string[] {
	const files = new Set(readdirSync(dir));
	return [...files].filter((name) => /\.(?:txt|md)$/.test(name) && files.has(goldenNameOf(name))).sort();
}

function goldenNameOf(name: string): string {
	return name.replace(/\.(?:txt|md)$/, '.golden.json');
}

/** Reads the golden expectations of a real text. */
export function readGolden(name: string, dir = REAL_LETTERS_DIR): Golden {
	return JSON.parse(readFileSync(join(dir, goldenNameOf(name)), 'utf8')) as Golden;
}

/** Spacing, case, line breaks and trailing footnote marks do not matter when comparing names and titles. */
export function normaliseText(text: string): string {
	return text.replace(/[\s\u00a0]+/g, ' ').replace(/[\s*†‡\d¹²³⁴⁵⁶⁷⁸⁹⁰.,;:]+$/u, '').trim().toLowerCase();
}

function sameList(expected: readonly string[], actual: readonly string[]): boolean {
	return expected.length === actual.length && expected.every((item, i) => normaliseText(item) === normaliseText(actual[i]));
}

function sameSet(expected: readonly string[], actual: readonly string[]): boolean {
	const want = new Set(expected.map(normaliseText));
	const got = new Set(actual.map(normaliseText));
	return want.size === got.size && [...want].every((item) => got.has(item));
}

function organKey(organ: OrganFact): string {
	return JSON.stringify(Object.entries(organ).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Reads every real text into one workspace index (so that citations resolve among them as in a user's folder) and
 * compares what the engine reads with each golden file.
 */
export function evaluateGoldenCorpus(data: ReferenceData, dir = REAL_LETTERS_DIR): GoldenOutcome[] {
	const names = realLetterNames(dir);
	const index = new LetterIndex(data);
	for (const name of names) {
		index.set(join(dir, name), readFileSync(join(dir, name), 'utf8'));
	}
	const settings = { severities: {}, ignoredSymbols: [] };
	return names.map((name) => {
		const uri = join(dir, name);
		const golden = readGolden(name, dir);
		const entry = index.get(uri);
		const isLetter = entry?.summary.isLetter ?? false;
		const mismatches: FieldMismatch[] = [];
		const checked: GoldenField[] = ['letter'];
		if (isLetter !== golden.letter) {
			mismatches.push({ field: 'letter', expected: golden.letter, actual: isLetter });
		}
		const record = catalogueRecord(index, uri);
		const diagnostics = entry ? computeLetterDiagnostics(entry, index, data, settings).filter((d) => d.severity === 'error' || d.severity === 'warning') : [];
		const text = index.model(uri)?.text ?? '';
		const placed = entry ? diagnostics.map((d) => place(text, d)) : [];
		if (!golden.letter || !record || !entry) {
			return { name, golden, checked, mismatches, unexpected: golden.letter ? [] : placed, missed: [] };
		}
		const check = (field: GoldenField, same: boolean, expected: unknown, actual: unknown) => {
			checked.push(field);
			if (!same) {
				mismatches.push({ field, expected, actual });
			}
		};
		const ownSymbol = entry.directIdentity?.symbol.text ?? null;
		check('symbol', (golden.symbol ?? null) === ownSymbol, golden.symbol ?? null, ownSymbol);
		check('kind', golden.kind === record.kind, golden.kind, record.kind);
		check('distributed', (golden.distributed ?? null) === record.distributed, golden.distributed ?? null, record.distributed);
		check('dated', (golden.dated ?? null) === record.dated, golden.dated ?? null, record.dated);
		check('sender', normaliseText(golden.sender ?? '') === normaliseText(record.sender ?? ''), golden.sender ?? null, record.sender);
		check('addressees', sameList(golden.addressees ?? [], record.addressees), golden.addressees ?? [], record.addressees);
		const wantOrgans = (golden.organs ?? []).map(organKey).sort();
		const gotOrgans = record.organs.map(organKey).sort();
		check('organs', JSON.stringify(wantOrgans) === JSON.stringify(gotOrgans), golden.organs ?? [], record.organs);
		const wantItems = (golden.agendaItems ?? []).map((item) => item.number);
		const gotItems = record.agendaItems.map((item) => item.number);
		check('agendaItems', JSON.stringify(wantItems) === JSON.stringify(gotItems), wantItems, gotItems);
		const printedTitles = (golden.agendaItems ?? []).filter((item): item is { number: number; title: string } => typeof item.title === 'string');
		if (printedTitles.length > 0) {
			const got = printedTitles.map((item) => record.agendaItems.find((actual) => actual.number === item.number)?.title ?? '');
			check('agendaTitles', sameList(printedTitles.map((item) => item.title), got), printedTitles.map((item) => `${item.number}: ${item.title}`), printedTitles.map((item, i) => `${item.number}: ${got[i]}`));
		}
		if (golden.cites !== undefined) {
			check('cites', sameSet(golden.cites, record.cites), golden.cites, record.cites);
		}
		const expected = golden.diagnostics ?? [];
		const matched = new Set<number>();
		const unexpected = placed.filter((diagnostic) => {
			const found = expected.findIndex((want, i) => !matched.has(i) && want.code === diagnostic.code && overlapsText(want.text, diagnostic.text));
			if (found >= 0) {
				matched.add(found);
				return false;
			}
			return true;
		});
		const missed = expected.filter((_want, i) => !matched.has(i));
		return { name, golden, checked, mismatches, unexpected, missed };
	});
}

function overlapsText(expected: string, actual: string): boolean {
	const spacing = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
	const want = spacing(expected);
	const got = spacing(actual);
	return want !== '' && got !== '' && (want.includes(got) || got.includes(want));
}

function place(text: string, diagnostic: LetterDiagnostic): PlacedDiagnostic {
	const position = new LineIndex(text).positionAt(diagnostic.range.start);
	return {
		code: diagnostic.code, severity: diagnostic.severity, line: position.line + 1, column: position.character + 1,
		text: text.slice(diagnostic.range.start, diagnostic.range.end), message: diagnostic.message,
	};
}
