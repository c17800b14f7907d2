/**
 * Which open documents are letters, and which are switched to the `diplomatic-letter` language. The decision is the
 * engine's own `detectLetter` (the same code the server runs), so the client never parses letters itself.
 * Pure: no `vscode` import.
 */
import { detectLetter } from '../../server/src/engine/letter/detection';

/** The language of `.txt` letters (SPEC "Names"). */
export const LETTER_LANGUAGE_ID = 'diplomatic-letter';

/** What the client knows of an open document. */
export interface OpenDocumentFacts {
	readonly languageId: string;
	/** The URI's scheme (`file`, `untitled`, …). */
	readonly scheme: string;
	/** The URI's path. */
	readonly path: string;
	/** The text (only its first 4 KB are looked at). */
	readonly text: string;
}

/** Languages in which the server looks for letters (the others are never letters). */
const CANDIDATE_LANGUAGES: ReadonlySet<string> = new Set([LETTER_LANGUAGE_ID, 'plaintext', 'markdown']);

/** Whether the document is a letter: in the letter language, or plain text / Markdown whose content is UN correspondence. */
export function isLetterDocument(document: OpenDocumentFacts): boolean {
	if (document.languageId === LETTER_LANGUAGE_ID) {
		return true;
	}
	return CANDIDATE_LANGUAGES.has(document.languageId) && detectLetter(document.text).isLetter;
}

/**
 * Whether a document should be switched to the letter language: plain text in a `.txt` file (or an untitled
 * buffer) whose content is UN correspondence. Markdown letters keep `markdown` (preview and every feature stay).
 */
export function shouldSwitchToLetterLanguage(document: OpenDocumentFacts): boolean {
	if (document.languageId !== 'plaintext') {
		return false;
	}
	const isTextFile = document.path.toLowerCase().endsWith('.txt') || document.scheme === 'untitled';
	return isTextFile && detectLetter(document.text).isLetter;
}
