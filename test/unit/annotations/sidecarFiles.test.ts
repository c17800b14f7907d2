import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { addAnnotation, createSidecarText, updateAnnotation } from '../../../server/src/engine/annotations';
import type { Annotation } from '../../../server/src/engine/annotations';
import { hashText, letterPathForSidecar, readSidecarFile, sidecarPathFor, updateSidecarFile, writeFileAtomically } from '../../../server/src/node/sidecarFiles';

function annotationAt(id: string, start: number): Annotation {
	return { id, tags: ['allegation'], target: { exact: 'quoted text', prefix: 'before ', suffix: ' after', start, end: start + 11 } };
}

function freshLetter(): string {
	const folder = mkdtempSync(join(tmpdir(), 'sidecar-'));
	const letter = join(folder, 'letter.txt');
	writeFileSync(letter, 'before quoted text after');
	return letter;
}

describe('sidecar files', () => {
	it('names the sidecar <letter>.annotations.yaml and back', () => {
		assert.equal(sidecarPathFor('/a/b/letter.txt'), '/a/b/letter.txt.annotations.yaml');
		assert.equal(letterPathForSidecar('/a/b/letter.txt.annotations.yaml'), '/a/b/letter.txt');
		assert.equal(letterPathForSidecar('/a/b/letter.txt'), undefined);
	});

	it('reads a missing, a valid and an invalid sidecar', async () => {
		const letter = freshLetter();
		assert.equal((await readSidecarFile(letter)).kind, 'missing');
		writeFileSync(sidecarPathFor(letter), createSidecarText('letter.txt', [annotationAt('aaaaaa', 0)]));
		const valid = await readSidecarFile(letter);
		assert.equal(valid.kind === 'valid' ? valid.sidecar.annotations[0]?.id : undefined, 'aaaaaa');
		writeFileSync(sidecarPathFor(letter), 'version: [\n');
		const invalid = await readSidecarFile(letter);
		assert.equal(invalid.kind, 'invalid');
	});

	it('creates a sidecar on the first annotation and leaves no temporary file', async () => {
		const letter = freshLetter();
		const result = await updateSidecarFile(letter, (text) => addAnnotation(text, annotationAt('aaaaaa', 7)), { createForLetter: 'letter.txt' });
		assert.ok(result.ok);
		assert.match(readFileSync(sidecarPathFor(letter), 'utf8'), /^# Annotations of letter\.txt\./);
		assert.deepEqual(readdirSync(join(letter, '..')).sort(), ['letter.txt', 'letter.txt.annotations.yaml']);
	});

	it('never overwrites a sidecar that does not parse: the bytes stay the same', async () => {
		const letter = freshLetter();
		const broken = 'version: 1\ndocument: {file: letter.txt}\nannotations:\n<<<<<<< HEAD\n  - id: aaaaaa\n=======\n  - id: bbbbbb\n>>>>>>> theirs\n';
		writeFileSync(sidecarPathFor(letter), broken);
		const result = await updateSidecarFile(letter, (text) => addAnnotation(text, annotationAt('cccccc', 0)), { createForLetter: 'letter.txt' });
		assert.equal(result.ok, false);
		assert.equal(!result.ok && result.reason, 'invalid');
		assert.match(!result.ok && result.reason === 'invalid' ? (result.problems[0]?.message ?? '') : '', /unresolved git merge conflict at line 4/);
		assert.equal(readFileSync(sidecarPathFor(letter), 'utf8'), broken);
	});

	it('re-applies a change to a sidecar changed on disk since it was read (git pull), keeping both', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), createSidecarText('letter.txt', [annotationAt('aaaaaa', 0)]));
		const read = await readSidecarFile(letter);
		assert.equal(read.kind, 'valid');
		const basedOnHash = read.kind === 'valid' ? read.hash : '';
		const pulled = addAnnotation(readFileSync(sidecarPathFor(letter), 'utf8'), annotationAt('bbbbbb', 50));
		assert.ok(pulled.ok);
		writeFileSync(sidecarPathFor(letter), pulled.text);
		const result = await updateSidecarFile(letter, (text) => updateAnnotation(text, 'aaaaaa', { note: 'mine' }), { basedOnHash });
		assert.ok(result.ok);
		assert.equal(result.merged, true);
		assert.deepEqual(result.sidecar.annotations.map((annotation) => [annotation.id, annotation.note]), [['aaaaaa', 'mine'], ['bbbbbb', undefined]]);
		assert.equal(hashText(readFileSync(sidecarPathFor(letter), 'utf8')), result.hash);
	});

	it('reports a conflict when the change no longer applies (the annotation was deleted meanwhile)', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), createSidecarText('letter.txt', [annotationAt('aaaaaa', 0)]));
		const before = readFileSync(sidecarPathFor(letter), 'utf8');
		const result = await updateSidecarFile(letter, (text) => updateAnnotation(text, 'zzzzzz', { note: 'x' }));
		assert.equal(!result.ok && result.reason, 'conflict');
		assert.equal(readFileSync(sidecarPathFor(letter), 'utf8'), before);
	});

	it('retries when the file changes while the change is being computed', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), createSidecarText('letter.txt', [annotationAt('aaaaaa', 0)]));
		let calls = 0;
		const result = await updateSidecarFile(letter, (text) => {
			calls++;
			if (calls === 1) {
				const concurrent = addAnnotation(text, annotationAt('bbbbbb', 90));
				assert.ok(concurrent.ok);
				writeFileSync(sidecarPathFor(letter), concurrent.text);
			}
			return updateAnnotation(text, 'aaaaaa', { tags: ['claim'] });
		});
		assert.ok(result.ok);
		assert.equal(calls, 2);
		assert.deepEqual(result.sidecar.annotations.map((annotation) => annotation.id), ['aaaaaa', 'bbbbbb']);
	});

	it('writes atomically and keeps the file mode', async () => {
		const letter = freshLetter();
		const path = sidecarPathFor(letter);
		writeFileSync(path, 'old');
		chmodSync(path, 0o600);
		await writeFileAtomically(path, 'new content');
		assert.equal(readFileSync(path, 'utf8'), 'new content');
		assert.equal(statSync(path).mode & 0o777, 0o600);
		assert.equal(readdirSync(join(path, '..')).some((name) => name.includes('.tmp-')), false);
	});
});
