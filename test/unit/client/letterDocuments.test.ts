import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLetterDocument, shouldSwitchToLetterLanguage } from '../../../client/src/letterDocuments';

const letter = [
	'United Nations A/75/356–S/2020/947',
	'General Assembly Security Council',
	'Distr.: General 28 September 2020',
	'Original: English',
].join('\n');
const notes = 'Shopping list\n- milk\n- see the letter dated 3 May\n';

function facts(languageId: string, path: string, text: string, scheme = 'file'): { languageId: string; path: string; text: string; scheme: string } {
	return { languageId, path, text, scheme };
}

void describe('shouldSwitchToLetterLanguage', () => {
	void it('switches plain-text .txt letters and untitled letters', () => {
		assert.equal(shouldSwitchToLetterLanguage(facts('plaintext', '/w/A_75_356.txt', letter)), true);
		assert.equal(shouldSwitchToLetterLanguage(facts('plaintext', '/w/LETTER.TXT', letter)), true);
		assert.equal(shouldSwitchToLetterLanguage(facts('plaintext', 'Untitled-1', letter, 'untitled')), true);
	});

	void it('keeps Markdown letters in Markdown, other text as it is', () => {
		assert.equal(shouldSwitchToLetterLanguage(facts('markdown', '/w/letter.md', letter)), false);
		assert.equal(shouldSwitchToLetterLanguage(facts('plaintext', '/w/notes.txt', notes)), false);
		assert.equal(shouldSwitchToLetterLanguage(facts('plaintext', '/w/letter.log', letter)), false);
		assert.equal(shouldSwitchToLetterLanguage(facts('diplomatic-letter', '/w/letter.txt', letter)), false);
	});
});

void describe('isLetterDocument', () => {
	void it('is true for the letter language and for letter content in plain text or Markdown', () => {
		assert.equal(isLetterDocument(facts('diplomatic-letter', '/w/x.txt', '')), true);
		assert.equal(isLetterDocument(facts('markdown', '/w/x.md', letter)), true);
		assert.equal(isLetterDocument(facts('plaintext', '/w/x.txt', letter)), true);
	});

	void it('is false for other content or other languages', () => {
		assert.equal(isLetterDocument(facts('markdown', '/w/x.md', notes)), false);
		assert.equal(isLetterDocument(facts('typescript', '/w/x.ts', letter)), false);
	});
});
