import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadReferenceData } from '../../../server/src/node/referenceDataFile';

/** The folder of the five real letters used as test fixtures. */
export const FIXTURE_LETTERS_DIR = join(__dirname, '..', '..', 'fixtures', 'letters');

/** The file names of the real letters, in order (000 … 004). */
export const FIXTURE_LETTER_NAMES = readdirSync(FIXTURE_LETTERS_DIR).filter((name) => name.endsWith('.txt')).sort();

/** Reads a real letter by its number prefix (`'001'`) or full name. */
export function readFixtureLetter(prefix: string): { name: string; text: string } {
	const name = FIXTURE_LETTER_NAMES.find((candidate) => candidate.startsWith(prefix));
	if (!name) {
		throw new Error(`no fixture letter ${prefix}`);
	}
	return { name, text: readFileSync(join(FIXTURE_LETTERS_DIR, name), 'utf8') };
}

/** The GA sessions data shipped with the product. */
export const referenceData = loadReferenceData();

/** Joins lines into a letter text (with `\n`). */
export function lines(...content: string[]): string {
	return content.join('\n');
}

/** Options for {@link makeLetter}: every part of a typical letter, each optional. */
export interface LetterParts {
	masthead?: string;
	distributed?: string;
	session?: string;
	year?: string;
	agenda?: string;
	agendaTitles?: string[];
	title?: string;
	body?: string[];
	closing?: string;
	signature?: string;
	footnotes?: string[];
	annexes?: string[];
}

/**
 * Builds a plain-text letter in the common PDF-extracted shape, so that each test states only what it is about.
 * Defaults: GA seventy-fifth session, SC seventy-fifth year, distributed 3 November 2020, agenda items 34 and 71.
 */
export function makeLetter(parts: LetterParts = {}): string {
	const out: string[] = [];
	if (parts.masthead !== undefined) {
		out.push(`United Nations ${parts.masthead}`, '');
	}
	out.push('General Assembly Security Council', '', 'Distr.: General', parts.distributed ?? '3 November 2020', '', 'Original: English', '');
	out.push('General Assembly', `${parts.session ?? 'Seventy-fifth'} session`, '');
	out.push(parts.agenda ?? 'Agenda items 34 and 71', '');
	for (const title of parts.agendaTitles ?? ['Prevention of armed conflict', 'Right of peoples to self-determination']) {
		out.push(title, '');
	}
	out.push('Security Council', `${parts.year ?? 'Seventy-fifth'} year`, '');
	out.push(parts.title ?? 'Letter dated 31 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', '');
	for (const paragraph of parts.body ?? ['I am writing to you with regard to the situation described in the reports of the past weeks, which remain of grave concern.']) {
		out.push(paragraph, '');
	}
	out.push(parts.closing ?? 'I kindly request that the present letter be circulated as a document of the General Assembly, under agenda items 34 and 71, and of the Security Council.', '');
	out.push(parts.signature ?? '(Signed) Mher Margaryan', 'Ambassador', 'Permanent Representative', '');
	for (const footnote of parts.footnotes ?? []) {
		out.push(footnote, '');
	}
	for (const annex of parts.annexes ?? []) {
		out.push(annex, '');
	}
	return out.join('\n');
}
