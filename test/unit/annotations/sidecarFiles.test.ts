import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { addAnnotation, createSidecarText, parseSidecar, updateAnnotation } from '../../../server/src/engine/annotations';
import type { Annotation } from '../../../server/src/engine/annotations';
import { hashText, letterPathForSidecar, moveSidecarFile, readSidecarFile, readSidecarFileSync, sidecarPathFor, updateSidecarFile, writeFileAtomically } from '../../../server/src/node/sidecarFiles';

/** Every temp folder a test made, removed when the file's tests end. */
const temporaryFolders: string[] = [];
after(() => {
	for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

function annotationAt(id: string, start: number): Annotation {
	return { id, tags: ['allegation'], target: { exact: 'quoted text', prefix: 'before ', suffix: ' after', start, end: start + 11 } };
}

function freshLetter(): string {
	const folder = mkdtempSync(join(tmpdir(), 'sidecar-'));
	temporaryFolders.push(folder);
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

describe('sidecar files: what is never written over, or read blocking', () => {
	const sidecarText = createSidecarText('letter.txt', [annotationAt('aaaaaa', 7)]);
	const add = (letter: string) => updateSidecarFile(letter, (text) => addAnnotation(text, annotationAt('bbbbbb', 50)), { createForLetter: 'letter.txt' });

	it('ten overlapping updates of one sidecar all land (the lock makes each check-and-rename one step)', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), createSidecarText('letter.txt', []));
		const results = await Promise.all(Array.from({ length: 10 }, (_, i) => updateSidecarFile(letter, (text) => addAnnotation(text, annotationAt(`id${i}aaaa`, i * 20)))));
		assert.ok(results.every((result) => result.ok));
		const state = await readSidecarFile(letter);
		assert.equal(state.kind === 'valid' ? state.sidecar.annotations.length : 0, 10);
		assert.deepEqual(readdirSync(join(letter, '..')).filter((name) => /\.(?:lock|tmp-)/.test(name)), []);
	});

	it('keeps a sidecar that is not valid UTF-8 byte for byte and says so', async () => {
		const letter = freshLetter();
		const latin1 = Buffer.from(sidecarText.replace('quoted text', 'quoted t\u00e9xt'), 'latin1');
		writeFileSync(sidecarPathFor(letter), latin1);
		const result = await add(letter);
		assert.equal(result.ok, false);
		assert.match(result.ok ? '' : result.message, /is not valid UTF-8 text\. Nothing was written/);
		assert.deepEqual(readFileSync(sidecarPathFor(letter)), latin1);
		assert.equal((await readSidecarFile(letter)).kind, 'unreadable');
	});

	it('names UTF-16 as UTF-16, not as binary', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sidecarText, 'utf16le')]));
		const state = await readSidecarFile(letter);
		assert.equal(state.kind === 'unreadable' ? state.reason : '', 'is UTF-16 text, not UTF-8');
	});

	it('keeps a UTF-8 byte-order mark when it writes', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), `\uFEFF${sidecarText}`);
		assert.ok((await add(letter)).ok);
		assert.deepEqual([...readFileSync(sidecarPathFor(letter)).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
	});

	it('never opens a named pipe named like a sidecar: reported at once', async () => {
		const letter = freshLetter();
		assert.equal(spawnSync('mkfifo', [sidecarPathFor(letter)]).status, 0);
		const state = await readSidecarFile(letter);
		assert.equal(state.kind === 'unreadable' ? state.reason : '', 'is a named pipe, not a file');
		assert.equal(readSidecarFileSync(letter).kind, 'unreadable');
		const result = await add(letter);
		assert.match(result.ok ? '' : result.message, /named pipe/);
	});

	it('writes through a sidecar that is a symbolic link: the link stays, its target changes', async () => {
		const letter = freshLetter();
		const target = join(letter, '..', 'kept-elsewhere.yaml');
		writeFileSync(target, sidecarText);
		symlinkSync('kept-elsewhere.yaml', sidecarPathFor(letter));
		assert.ok((await add(letter)).ok);
		assert.equal(lstatSync(sidecarPathFor(letter)).isSymbolicLink(), true);
		const written = parseSidecar(readFileSync(target, 'utf8'));
		assert.deepEqual(written.ok ? written.sidecar.annotations.map((annotation) => annotation.id) : [], ['aaaaaa', 'bbbbbb']);
	});

	it('refuses a loop of symbolic links, with a message, and writes nothing', async () => {
		const letter = freshLetter();
		symlinkSync(`${basename(letter)}.annotations.yaml`, sidecarPathFor(letter));
		const state = await readSidecarFile(letter);
		assert.equal(state.kind === 'unreadable' ? state.reason : '', 'is a loop of symbolic links');
		const result = await add(letter);
		assert.equal(result.ok, false);
		assert.match(result.ok ? '' : result.message, /loop of symbolic links/);
	});

	it('refuses to change a read-only sidecar, even as root', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), sidecarText);
		chmodSync(sidecarPathFor(letter), 0o444);
		const result = await add(letter);
		assert.equal(result.ok, false);
		assert.match(result.ok ? '' : result.message, /is read-only, so it was not changed/);
		assert.equal(readFileSync(sidecarPathFor(letter), 'utf8'), sidecarText);
	});

	it('reads nothing larger than the limit, and says how large it is', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), sidecarText);
		const state = await readSidecarFile(letter, { maxBytes: 100 });
		assert.match(state.kind === 'unreadable' ? state.reason : '', /^is larger than 0 KB \(\d+ KB\)$/);
		const result = await updateSidecarFile(letter, (text) => addAnnotation(text, annotationAt('bbbbbb', 50)), { maxBytes: 100 });
		assert.equal(result.ok, false);
		assert.equal(readFileSync(sidecarPathFor(letter), 'utf8'), sidecarText);
	});

	it('removes the temporary file and the lock of a writer that was killed, and then writes', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), sidecarText);
		const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
		writeFileSync(`${sidecarPathFor(letter)}.tmp-${dead}-abcdef`, 'half of a sidec');
		writeFileSync(`${sidecarPathFor(letter)}.lock`, `${dead}\n${hostname()}\n`);
		assert.ok((await add(letter)).ok);
		assert.deepEqual(readdirSync(join(letter, '..')).sort(), ['letter.txt', 'letter.txt.annotations.yaml']);
	});

	it('takes over an empty lock left by a writer killed before it wrote its process id, and waits for a fresh one', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), sidecarText);
		const lock = `${sidecarPathFor(letter)}.lock`;
		writeFileSync(lock, '');
		const fresh = await updateSidecarFile(letter, (text) => addAnnotation(text, annotationAt('bbbbbb', 50)), { lockTimeoutMs: 100 });
		assert.equal(fresh.ok, false, 'an empty lock made just now is a writer about to fill it in');
		assert.match(fresh.ok ? '' : fresh.message, /being changed by another program \(process \?\)/);
		assert.equal(readFileSync(sidecarPathFor(letter), 'utf8'), sidecarText);
		const twoSecondsAgo = new Date(Date.now() - 2000);
		utimesSync(lock, twoSecondsAgo, twoSecondsAgo);
		assert.ok((await add(letter)).ok, 'an empty lock two seconds old is stale');
		assert.deepEqual(readdirSync(join(letter, '..')).sort(), ['letter.txt', 'letter.txt.annotations.yaml']);
	});

	it('waits for the lock of a live writer, and says who holds it when it is not released', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), sidecarText);
		writeFileSync(`${sidecarPathFor(letter)}.lock`, `${process.ppid}\n${hostname()}\n`);
		const result = await updateSidecarFile(letter, (text) => addAnnotation(text, annotationAt('bbbbbb', 50)), { lockTimeoutMs: 100 });
		assert.equal(result.ok, false);
		assert.match(result.ok ? '' : result.message, new RegExp(`being changed by another program \\(process ${process.ppid}\\)`));
		assert.equal(readFileSync(sidecarPathFor(letter), 'utf8'), sidecarText);
	});

	it('moves a sidecar with its letter and records the new name; never over another sidecar', async () => {
		const letter = freshLetter();
		writeFileSync(sidecarPathFor(letter), sidecarText);
		const renamed = join(letter, '..', 'renamed.txt');
		assert.deepEqual(await moveSidecarFile(letter, renamed), { ok: true, moved: true, text: readFileSync(sidecarPathFor(renamed), 'utf8'), hash: hashText(readFileSync(sidecarPathFor(renamed), 'utf8')) });
		const moved = parseSidecar(readFileSync(sidecarPathFor(renamed), 'utf8'));
		assert.equal(moved.ok ? moved.sidecar.document.file : '', 'renamed.txt');
		writeFileSync(sidecarPathFor(letter), sidecarText);
		const refused = await moveSidecarFile(letter, renamed);
		assert.equal(refused.ok, false);
		assert.equal(readFileSync(sidecarPathFor(letter), 'utf8'), sidecarText);
		assert.deepEqual(await moveSidecarFile(join(letter, '..', 'none.txt'), join(letter, '..', 'other.txt')), { ok: true, moved: false });
	});
});
