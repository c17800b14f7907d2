/** Lookups shared by the features: which workspace letters a symbol is, and which letters cite it. */
import { formatIsoDate } from '../calendar/calendarDate';
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import { catalogueRecord, letterName } from '../workspace/catalogue';
import type { LetterIdentity } from '../workspace/identity';
import type { CitingLetter, IndexedLetter, LetterIndex } from '../workspace/letterIndex';

/** The workspace letters (other than `selfUri`) that are the document with this symbol. */
export function lettersWithSymbol(index: LetterIndex, symbol: DocumentSymbolRef, selfUri: string): IndexedLetter[] {
	return index.resolve(symbol).filter((entry) => entry.uri !== selfUri);
}

/** The letters (other than `selfUri`) that cite this symbol. */
export function lettersCiting(index: LetterIndex, symbol: DocumentSymbolRef, selfUri: string): CitingLetter[] {
	return index.citing(symbol).filter((citer) => citer.uri !== selfUri);
}

/** "1 letter", "3 letters". */
export function countLetters(count: number): string {
	return `${count} letter${count === 1 ? '' : 's'}`;
}

/** Text in Markdown code quotes (a backquote inside becomes an apostrophe). */
export function markdownCode(text: string): string {
	return `\`${text.replace(/`/g, "'")}\``;
}

/**
 * A workspace letter as people name it (symbol, sender, title date), its file name second, for hovers:
 * `A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020 (\`001.txt\`)`, with `detail` after the file name when given.
 */
export function namedLetter(index: LetterIndex, uri: string, fileName: string, detail?: string): string {
	const record = catalogueRecord(index, uri);
	const name = record ? letterName(record) : fileName;
	if (name === fileName) {
		return detail === undefined ? markdownCode(fileName) : `${markdownCode(fileName)} (${detail})`;
	}
	return `${name} (${markdownCode(fileName)}${detail === undefined ? '' : `, ${detail}`})`;
}

/** How a resolved letter's identity reads in a hover: `masthead`, `sidecar`, `file name`, or the inference. */
export function describeIdentity(index: LetterIndex, identity: LetterIdentity | undefined): string {
	if (!identity) {
		return 'no identity';
	}
	if (identity.source === 'inferred' && identity.inferredFrom) {
		const citer = index.get(identity.inferredFrom.uri);
		const citerName = citer ? namedLetter(index, citer.uri, citer.fileName) : markdownCode(identity.inferredFrom.uri);
		return identity.inferredFrom.by === 'title-date-and-sender'
			? `inferred from the reference to the letter dated ${formatIsoDate(identity.inferredFrom.date)} from its sender in ${citerName}`
			: `inferred from the citation dated ${formatIsoDate(identity.inferredFrom.date)} in ${citerName}`;
	}
	return identity.source === 'file-name' ? 'from its file name' : `from its ${identity.source}`;
}
