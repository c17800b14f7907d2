// Reading a user's file: the fast way (a file just listed in its folder, read into a reused buffer) gives what the
// careful way gives, for every kind of file; decoding gives what a strict UTF-8 decoder gives, or refuses the same bytes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FileBytesRead } from '../../../server/src/node/textFiles';
import { decodeText, ReadBuffer, readFileBytesSync } from '../../../server/src/node/textFiles';

let dir = '';

/** A read as plain values (the bytes copied out, so that a reused buffer can be compared after the next read). */
function plain(read: FileBytesRead): unknown {
	return read.kind === 'bytes' ? { kind: 'bytes', bytes: [...read.bytes] } : read;
}

describe('readFileBytesSync', () => {
	const files: Record<string, string> = {};
	before(() => {
		dir = mkdtempSync(join(tmpdir(), 'dl-text-files-'));
		const write = (name: string, bytes: Uint8Array | string) => {
			files[name] = join(dir, name);
			writeFileSync(files[name], bytes);
		};
		write('empty.txt', '');
		write('small.txt', 'Letter dated 1 May 2020 from the Permanent Representative\n');
		write('unicode.txt', '\uFEFFThe “Government” of Côte d’Ivoire — A/75/1\r\n');
		write('large.txt', 'x'.repeat(700 * 1024));
		write('huge.txt', 'y'.repeat(5 * 1024 * 1024));
		write('limit.txt', 'z'.repeat(2048));
		mkdirSync(join(dir, 'folder'));
		files.folder = join(dir, 'folder');
		files.link = join(dir, 'link.txt');
		symlinkSync(files['small.txt'], files.link);
		files.loop = join(dir, 'loop.txt');
		symlinkSync(files.loop, files.loop);
		files.missing = join(dir, 'missing.txt');
		files.pipe = join(dir, 'pipe.txt');
		execFileSync('mkfifo', [files.pipe]);
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('reads every kind of file the same way, listed or not, into a reused buffer or not', () => {
		const scratch = new ReadBuffer();
		for (const maxBytes of [1024, 4096, 1024 * 1024, 8 * 1024 * 1024]) {
			for (const [name, path] of Object.entries(files)) {
				const careful = plain(readFileBytesSync(path, maxBytes));
				assert.deepEqual(plain(readFileBytesSync(path, maxBytes, { listedAsFile: true })), careful, `${name}, ${maxBytes} bytes at most, listed`);
				assert.deepEqual(plain(readFileBytesSync(path, maxBytes, { listedAsFile: true, scratch })), careful, `${name}, ${maxBytes} bytes at most, listed, reused buffer`);
				assert.deepEqual(plain(readFileBytesSync(path, maxBytes, { scratch })), careful, `${name}, ${maxBytes} bytes at most, reused buffer`);
			}
		}
	});

	it('names what it does not read', () => {
		assert.deepEqual(readFileBytesSync(files.pipe, 1024, { listedAsFile: true }), { kind: 'unreadable', reason: 'is a named pipe, not a file' });
		assert.deepEqual(readFileBytesSync(files.folder, 1024, { listedAsFile: true }), { kind: 'unreadable', reason: 'is a folder, not a file' });
		assert.deepEqual(readFileBytesSync(files.loop, 1024, { listedAsFile: true }), { kind: 'unreadable', reason: 'is a loop of symbolic links' });
		assert.deepEqual(readFileBytesSync(files.missing, 1024, { listedAsFile: true }), { kind: 'missing' });
		assert.deepEqual(readFileBytesSync(files['large.txt'], 1024, { listedAsFile: true }), { kind: 'unreadable', reason: 'is larger than 1 KB (700 KB)' });
		const read = readFileBytesSync(files['huge.txt'], 8 * 1024 * 1024, { listedAsFile: true, scratch: new ReadBuffer() });
		assert.equal(read.kind === 'bytes' && read.bytes.length, 5 * 1024 * 1024);
	});
});

describe('decodeText', () => {
	const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	/** What a strict decoder gives for bytes the checks before it let through. */
	const reference = (bytes: Uint8Array): string | undefined => {
		try {
			return strict.decode(bytes);
		} catch {
			return undefined;
		}
	};

	it('decodes well-formed UTF-8 text to its characters', () => {
		const pieces = fc.constantFrom('a', 'Z', ' ', '\n', '\r\n', '’', '“', 'é', 'ü', '—', '€', '𝔸', '\uFEFF', 'ﬁ');
		const texts = fc.array(pieces, { maxLength: 200 }).map((parts) => parts.join(''));
		fc.assert(fc.property(texts, (text) => {
			assert.deepEqual(decodeText(new TextEncoder().encode(text)), { ok: true, text });
		}), { numRuns: 500 });
	});

	it('refuses the bytes a strict decoder refuses, and decodes the rest the same', () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.constantFrom(0x41, 0x0a, 0xc3, 0xa9, 0xe2, 0x80, 0x99, 0xf0, 0xff), { maxLength: 64 }), (random, near) => {
			for (const bytes of [random, Uint8Array.from(near)]) {
				const decoded = decodeText(bytes);
				const expected = reference(bytes);
				if (decoded.ok) {
					assert.equal(decoded.text, expected);
				} else if (decoded.reason === 'is not valid UTF-8 text') {
					assert.equal(expected, undefined);
				}
			}
		}), { numRuns: 2000 });
	});

	it('names UTF-16, binary files and invalid UTF-8', () => {
		assert.deepEqual(decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0])), { ok: false, reason: 'is UTF-16 text, not UTF-8' });
		assert.deepEqual(decodeText(Uint8Array.from([0x41, 0x42, 0, 0x43])), { ok: false, reason: 'is a binary file, not text' });
		assert.deepEqual(decodeText(Uint8Array.from([0x41, 0xc3])), { ok: false, reason: 'is not valid UTF-8 text' });
		const late = new Uint8Array(9000).fill(0x41);
		late[8500] = 0;
		assert.deepEqual(decodeText(late), { ok: true, text: `${'A'.repeat(8500)}\u0000${'A'.repeat(499)}` });
	});
});
