/**
 * Calibration of ANCHOR_ACCEPT_THRESHOLD on the five fixture letters, from both sides:
 * - below it: a repeated phrase whose annotated sentence is deleted must not attach to another occurrence that
 *   stands in a different context (measured independently of the engine with plain Levenshtein distance: its 64
 *   characters of context differing by more than 15%, or one side by more than 25%);
 * - above it: edits a user makes next to or inside a span keep the annotation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ANCHOR_ACCEPT_THRESHOLD, CONTEXT_SIDE_FLOOR, createAnnotation, reanchorAnnotation } from '../../../server/src/engine/annotations';

const folder = join(__dirname, '..', '..', 'fixtures', 'letters');
const letters = ['000_c1c47ee4ee510e2c.txt', '001_fcfde71c67116c43.txt', '002_f4ff0849ef0a721f.txt', '003_f2b05f08a456e9bf.txt', '004_7b45a96a4a663e52.txt'].map((file) => ({ file, text: readFileSync(join(folder, file), 'utf8') }));

/** Plain Levenshtein distance (independent of the engine's context scoring). */
function levenshtein(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let row = 1; row <= a.length; row++) {
		const current = [row];
		for (let column = 1; column <= b.length; column++) {
			current.push(Math.min((previous[column - 1] ?? 0) + (a[row - 1] === b[column - 1] ? 0 : 1), (previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1));
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}

function collapse(text: string): string {
	return text.replace(/\s+/g, ' ');
}

/** Repeated phrases of 2 to 4 words in a letter, with the start of every occurrence. */
function repeatedPhrases(text: string): Map<string, number[]> {
	const words = [...text.matchAll(/[A-Za-z][A-Za-z-]+/g)];
	const phrases = new Map<string, number[]>();
	for (const size of [2, 3, 4]) {
		for (let index = 0; index + size <= words.length; index++) {
			const first = words[index];
			const last = words[index + size - 1];
			if (first?.index === undefined || last?.index === undefined) {
				continue;
			}
			const phrase = text.slice(first.index, last.index + last[0].length);
			if (!/\s{2,}|\n/.test(phrase)) {
				phrases.set(phrase, [...(phrases.get(phrase) ?? []), first.index]);
			}
		}
	}
	return new Map([...phrases].filter(([, starts]) => starts.length >= 2));
}

describe('the acceptance threshold', () => {
	it('is 0.9 for the whole context, 0.8 for each side', () => {
		assert.equal(ANCHOR_ACCEPT_THRESHOLD, 0.9);
		assert.equal(CONTEXT_SIDE_FLOOR, 0.8);
	});

	it('never lets a repeated phrase in another context capture an annotation whose sentence was deleted', () => {
		let attempts = 0;
		let orphaned = 0;
		let indistinguishable = 0;
		for (const { file, text } of letters) {
			for (const [phrase, starts] of repeatedPhrases(text)) {
				for (const start of starts.slice(0, 3)) {
					const annotation = createAnnotation(text, start, start + phrase.length, { randomId: () => 'abcdef12', now: new Date(0) });
					assert.ok(annotation);
					// Delete 60 characters on each side with the phrase: its sentence and stored context are gone.
					const cutStart = Math.max(0, start - 60);
					const cutEnd = Math.min(text.length, start + phrase.length + 60);
					const edited = text.slice(0, cutStart) + text.slice(cutEnd);
					const result = reanchorAnnotation(edited, annotation);
					attempts++;
					if (result.range === undefined) {
						orphaned++;
						continue;
					}
					// Whitespace runs count as one space, as re-wrapping a line does not change a context.
					const prefix = collapse(annotation.target.prefix);
					const suffix = collapse(annotation.target.suffix);
					const before = collapse(edited.slice(0, result.range.start)).slice(-prefix.length);
					const after = collapse(edited.slice(result.range.end)).slice(0, suffix.length);
					const prefixDiffers = levenshtein(prefix, before) / Math.max(1, prefix.length);
					const suffixDiffers = levenshtein(suffix, after) / Math.max(1, suffix.length);
					const contextDiffers = (levenshtein(prefix, before) + levenshtein(suffix, after)) / Math.max(1, prefix.length + suffix.length);
					assert.ok(Math.max(prefixDiffers, suffixDiffers) <= 0.25 && contextDiffers <= 0.15, `${file}: "${phrase}" captured by another context: …${before}[${phrase}]${after}…`);
					indistinguishable++;
				}
			}
		}
		assert.ok(attempts > 1000, `enough repeated phrases (${attempts})`);
		assert.ok(orphaned / attempts > 0.9, `most are orphaned (${orphaned} of ${attempts}); the rest stand in the same boilerplate (${indistinguishable})`);
	});

	const base = letters[0]?.text ?? '';
	const phrase = 'killing of 43 civilians';
	const at = base.indexOf(phrase);
	const annotation = createAnnotation(base, at, at + phrase.length, { randomId: () => 'abcdef12', now: new Date(0) });

	it('keeps a span when a word of up to 6 characters is inserted right before it', () => {
		assert.ok(annotation);
		const edited = `${base.slice(0, at)}cruel ${base.slice(at)}`;
		const result = reanchorAnnotation(edited, annotation);
		assert.equal(result.range?.start, at + 6);
		assert.ok((result.score ?? 0) >= ANCHOR_ACCEPT_THRESHOLD);
	});

	it('keeps a span when words change right after it and a word inside it changes', () => {
		assert.ok(annotation);
		const edited = base.replace('killing of 43 civilians, including women', 'killing of 45 civilians, including all women');
		const result = reanchorAnnotation(edited, annotation);
		assert.equal(edited.slice(result.range?.start, result.range?.end), 'killing of 45 civilians');
	});

	it('orphans a span whose context was rewritten on one side beyond a fifth, even with the quote intact', () => {
		assert.ok(annotation);
		const edited = base.replace('The indiscriminate attacks have resulted in the killing of 43 civilians', 'Independent observers have now confirmed reports on the killing of 43 civilians');
		const result = reanchorAnnotation(edited, annotation);
		assert.equal(result.status, 'orphaned');
		assert.ok((result.score ?? 1) < ANCHOR_ACCEPT_THRESHOLD);
	});
});
