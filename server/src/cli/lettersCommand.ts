/**
 * `letters <folder or files…> [--format text|json|csv] [--config file]` (SPEC "Command line"): the catalogue of the
 * letters under the paths, one record per letter in path order. Records are written as they are made, so the output
 * of a large folder starts at once and the memory does not grow with the number of records.
 */
import { csvField } from '../engine/annotations';
import type { OrganFact } from '../engine/letter/letterFacts';
import { organLabel } from '../engine/letter/letterFacts';
import type { LetterRecord } from '../engine/workspace/catalogue';
import { catalogueRecord, letterName } from '../engine/workspace/catalogue';
import { loadReferenceData } from '../node/referenceDataFile';
import { readLetterWorkspace, readSidecar } from '../node/letterWorkspace';
import { parseLetterCommandArguments } from './arguments';
import { readCheckConfig, startReadersEarly } from './checkCommand';
import type { CommandIo } from './commandIo';

/** One record as `letters --format json` prints it (SPEC). */
export interface LetterCatalogueEntry {
	readonly file: string;
	readonly symbol: string | null;
	readonly identity: string | null;
	readonly kind: string;
	readonly distributed: string | null;
	readonly dated: string | null;
	readonly sender: string | null;
	readonly addressees: readonly string[];
	readonly organs: readonly OrganFact[];
	readonly agendaItems: readonly { readonly number: number; readonly title: string | null }[];
	readonly cites: readonly string[];
	readonly citedBy: readonly string[];
	/** Annotations in the letter's sidecar; null when the sidecar does not parse. */
	readonly annotations: number | null;
}

/** Columns of `letters --format csv`, in order. */
export const LETTER_CSV_COLUMNS = ['file', 'symbol', 'identity', 'kind', 'distributed', 'dated', 'sender', 'addressees', 'organs', 'agendaItems', 'cites', 'citedBy', 'annotations'] as const;

/** Runs `letters`; exit 0, or 2 for bad usage or a failure of the tool (diagnostics never change the exit code). */
export async function runLettersCommand(argv: readonly string[], io: CommandIo): Promise<number> {
	const args = parseLetterCommandArguments('letters', argv, ['text', 'json', 'csv'] as const, ['--cache']);
	startReadersEarly(args.paths, args.flags.has('--cache'));
	const config = readCheckConfig(args.configPath);
	const cache = args.flags.has('--cache') ? { program: 'letters', log: (line: string) => io.stderr(`diplomatic-letters: ${line}\n`) } : undefined;
	const workspace = await readLetterWorkspace(args.paths, config.files, loadReferenceData(), { cache });
	const unreadable = workspace.skipped.filter((skipped) => skipped.explicit);
	for (const skipped of unreadable) {
		io.stderr(`diplomatic-letters: ${skipped.displayPath} ${skipped.reason}\n`);
	}
	if (unreadable.length > 0) {
		return 2;
	}
	for (const skipped of workspace.skipped) {
		io.stderr(`diplomatic-letters: skipped ${skipped.displayPath}: it ${skipped.reason}\n`);
	}
	const displayPaths = new Map(workspace.files.map((file) => [file.uri, file.displayPath]));
	let written = 0;
	if (args.format === 'csv') {
		io.stdout(`${LETTER_CSV_COLUMNS.join(',')}\n`);
	}
	for (const file of workspace.files) {
		const record = catalogueRecord(workspace.index, file.uri);
		if (!record) {
			continue;
		}
		const sidecar = readSidecar(file.path);
		const entry = toEntry(record, file.displayPath, (uri) => displayPaths.get(uri) ?? uri, sidecar === undefined ? 0 : sidecar.ok ? sidecar.sidecar.annotations.length : null);
		if (args.format === 'json') {
			io.stdout(`${written === 0 ? '[\n' : ',\n'}${indent(JSON.stringify(entry, undefined, 2))}`);
		} else if (args.format === 'csv') {
			io.stdout(`${csvRow(entry)}\n`);
		} else {
			io.stdout(`${textLine(entry, record)}\n`);
		}
		written++;
	}
	if (args.format === 'json') {
		io.stdout(written === 0 ? '[]\n' : '\n]\n');
	}
	return 0;
}

function toEntry(record: LetterRecord, file: string, displayPath: (uri: string) => string, annotations: number | null): LetterCatalogueEntry {
	return {
		file, symbol: record.symbol, identity: record.identity, kind: record.kind, distributed: record.distributed, dated: record.dated,
		sender: record.sender, addressees: record.addressees, organs: record.organs, agendaItems: record.agendaItems,
		cites: record.cites, citedBy: record.citedBy.map(displayPath), annotations,
	};
}

function indent(json: string): string {
	return json.replace(/^/gm, '  ');
}

function csvRow(entry: LetterCatalogueEntry): string {
	const cells: Record<(typeof LETTER_CSV_COLUMNS)[number], string | number | undefined> = {
		file: entry.file, symbol: entry.symbol ?? '', identity: entry.identity ?? '', kind: entry.kind,
		distributed: entry.distributed ?? '', dated: entry.dated ?? '', sender: entry.sender ?? '',
		addressees: entry.addressees.join('; '), organs: entry.organs.map(organLabel).join('; '),
		agendaItems: entry.agendaItems.map((item) => (item.title ? `${item.number} ${item.title}` : String(item.number))).join('; '),
		cites: entry.cites.join('; '), citedBy: entry.citedBy.join('; '), annotations: entry.annotations ?? '',
	};
	return LETTER_CSV_COLUMNS.map((column) => csvField(cells[column])).join(',');
}

/** `file: A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020 — letter to Secretary-General; GA 75, SC 2020; items 34, 35; cites 44; cited by 1; 0 annotations`. */
function textLine(entry: LetterCatalogueEntry, record: LetterRecord): string {
	const details = [
		`${entry.kind.replace('-', ' ')}${entry.addressees.length > 0 ? ` to ${entry.addressees.join(', ')}` : ''}`,
		entry.identity === 'inferred' ? 'symbol inferred' : undefined,
		entry.organs.length > 0 ? entry.organs.map(organLabel).join(', ') : undefined,
		entry.agendaItems.length > 0 ? `item${entry.agendaItems.length === 1 ? '' : 's'} ${entry.agendaItems.map((item) => item.number).join(', ')}` : undefined,
		`cites ${entry.cites.length}`,
		`cited by ${entry.citedBy.length}`,
		entry.annotations === null ? 'sidecar invalid' : `${entry.annotations} annotation${entry.annotations === 1 ? '' : 's'}`,
	].filter((part): part is string => part !== undefined);
	return `${entry.file}: ${letterName(record)} — ${details.join('; ')}`;
}
