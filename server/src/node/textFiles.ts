/**
 * Reading a user's text file without trusting it: the file type is checked before anything is read (a named pipe,
 * socket or device is never opened for a blocking read), symbolic links are followed to their target (a loop is
 * reported), the size limit is applied before reading, and the bytes are decoded as strict UTF-8 (UTF-16, binary
 * and invalid UTF-8 are each named). Every failure is a `reason` a user can read after the file's name:
 * "… is a named pipe, not a file", "… is UTF-16 text, not UTF-8", "… cannot be read: permission denied".
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { constants, closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';

/** What reading a text file gave: its text (and bytes), that it is missing, or why it cannot be read. */
export type TextFileRead =
	| { readonly kind: 'text'; readonly text: string; readonly bytes: Uint8Array }
	| { readonly kind: 'missing' }
	| { readonly kind: 'unreadable'; readonly reason: string };

/** What reading a file's bytes gave: the bytes, that it is missing, or why it cannot be read. */
export type FileBytesRead =
	| { readonly kind: 'bytes'; readonly bytes: Uint8Array }
	| { readonly kind: 'missing' }
	| { readonly kind: 'unreadable'; readonly reason: string };

/** The outcome of decoding a file's bytes. */
export type DecodedText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Opening flags: read only, and never wait for a writer (a named pipe opened without O_NONBLOCK blocks). */
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0);

/** A readable phrase for a file system error code, completing "… cannot be read: …". */
export function describeErrorCode(code: string | undefined): string {
	switch (code) {
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'ELOOP':
			return 'it is a loop of symbolic links';
		case 'ENOSPC':
		case 'EDQUOT':
			return 'the disk is full';
		case 'EROFS':
			return 'the file system is read-only';
		case 'EISDIR':
			return 'it is a folder';
		case 'ENAMETOOLONG':
			return 'the path is too long';
		case 'EMFILE':
		case 'ENFILE':
			return 'too many files are open';
		case 'EIO':
			return 'an input/output error of the disk';
		default:
			return code === undefined ? 'an unknown error' : `error ${code}`;
	}
}

/** The error code of a file system error, if it is one. */
export function errorCode(error: unknown): string | undefined {
	return error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Why a file of this type is not read; `undefined` for a regular file. */
function typeProblem(stats: Stats): string | undefined {
	if (stats.isFile()) {
		return undefined;
	}
	if (stats.isDirectory()) {
		return 'is a folder, not a file';
	}
	if (stats.isFIFO()) {
		return 'is a named pipe, not a file';
	}
	if (stats.isSocket()) {
		return 'is a socket, not a file';
	}
	return 'is a device, not a file';
}

function sizeProblem(size: number, maxBytes: number): string | undefined {
	return size > maxBytes ? `is larger than ${Math.round(maxBytes / 1024)} KB (${Math.round(size / 1024)} KB)` : undefined;
}

/**
 * Decodes file bytes as UTF-8 text. Refused, with the reason: UTF-16 and UTF-32 (by their byte-order mark, or the
 * zero bytes of every other position), binary files (a NUL byte in the first 8 KB) and invalid UTF-8. A UTF-8
 * byte-order mark is kept in the text (as U+FEFF), so that writing the text back keeps the file's bytes.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
	if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
		return { ok: false, reason: 'is UTF-32 text, not UTF-8' };
	}
	if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || looksLikeUtf16WithoutMark(bytes)) {
		return { ok: false, reason: 'is UTF-16 text, not UTF-8' };
	}
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (buffer.subarray(0, 8192).indexOf(0) >= 0) {
		return { ok: false, reason: 'is a binary file, not text' };
	}
	// Validated first (simdutf, the same rules as a fatal TextDecoder), then decoded without checks: three times faster.
	// ASCII text (most letters) is copied byte for byte into a one-byte string, without decoding at all.
	if (isAscii(buffer)) {
		return { ok: true, text: buffer.toString('latin1') };
	}
	if (!isUtf8(buffer)) {
		return { ok: false, reason: 'is not valid UTF-8 text' };
	}
	return { ok: true, text: buffer.toString('utf8') };
}

/** UTF-16 without a byte-order mark: text in Latin script has a zero byte at every other position. */
function looksLikeUtf16WithoutMark(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
	if (sample.length < 8) {
		return false;
	}
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < sample.length; i += 2) {
		evenZeros += sample[i] === 0 ? 1 : 0;
		oddZeros += sample[i + 1] === 0 ? 1 : 0;
	}
	const pairs = sample.length / 2;
	return (evenZeros > pairs * 0.4 && oddZeros === 0) || (oddZeros > pairs * 0.4 && evenZeros === 0);
}

function unreadable(error: unknown): { readonly kind: 'missing' } | { readonly kind: 'unreadable'; readonly reason: string } {
	const code = errorCode(error);
	if (code === 'ENOENT' || code === 'ENOTDIR') {
		return { kind: 'missing' };
	}
	if (code === 'ELOOP') {
		return { kind: 'unreadable', reason: 'is a loop of symbolic links' };
	}
	return { kind: 'unreadable', reason: `cannot be read: ${describeErrorCode(code)}` };
}

/** Reads a text file (see the module comment); never throws, never blocks on a special file. */
export async function readTextFile(path: string, maxBytes: number): Promise<TextFileRead> {
	try {
		const link = await lstat(path);
		if (link.isSymbolicLink()) {
			await realpath(path);
		}
		const stats = link.isSymbolicLink() ? await stat(path) : link;
		const problem = typeProblem(stats) ?? sizeProblem(stats.size, maxBytes);
		if (problem !== undefined) {
			return { kind: 'unreadable', reason: problem };
		}
		const handle = await open(path, READ_FLAGS);
		try {
			const opened = await handle.stat();
			const again = typeProblem(opened) ?? sizeProblem(opened.size, maxBytes);
			if (again !== undefined) {
				return { kind: 'unreadable', reason: again };
			}
			const bytes = new Uint8Array(await handle.readFile());
			if (bytes.length > maxBytes) {
				return { kind: 'unreadable', reason: sizeProblem(bytes.length, maxBytes) ?? 'is too large' };
			}
			const decoded = decodeText(bytes);
			return decoded.ok ? { kind: 'text', text: decoded.text, bytes } : { kind: 'unreadable', reason: decoded.reason };
		} finally {
			await handle.close();
		}
	} catch (error) {
		return unreadable(error);
	}
}

/** {@link readTextFile}, synchronously (for reads that must finish within one step, such as indexing one letter). */
export function readTextFileSync(path: string, maxBytes: number): TextFileRead {
	const read = readFileBytesSync(path, maxBytes);
	if (read.kind !== 'bytes') {
		return read;
	}
	const decoded = decodeText(read.bytes);
	return decoded.ok ? { kind: 'text', text: decoded.text, bytes: read.bytes } : { kind: 'unreadable', reason: decoded.reason };
}

/** How {@link readFileBytesSync} may read. */
export interface ByteReadOptions {
	/**
	 * The caller has just listed the path as a regular file (a folder entry that is a file, not a link): it is opened
	 * at once, without following a link, and checked by the opened file's own status (a link put there since is read
	 * the careful way; anything else put there is refused by its type as before, without a blocking read).
	 */
	readonly listedAsFile?: boolean;
	/**
	 * A buffer to read into, reused from one read to the next (grown when a file is larger): the bytes returned are a
	 * view of it, valid until the next read with the same buffer.
	 */
	readonly scratch?: ReadBuffer;
}

/** A buffer reused by the reads of one thread (see {@link ByteReadOptions.scratch}). */
export class ReadBuffer {
	bytes = Buffer.allocUnsafe(256 * 1024);
}

/** Opening flags of a file listed as a regular file: a link is not followed (`ELOOP`), it is read the careful way. */
const LISTED_FILE_FLAGS = READ_FLAGS | (constants.O_NOFOLLOW ?? 0);

/**
 * The bytes of a file, with the checks of {@link readTextFile} before reading (file type, size; a special file is never
 * opened for a blocking read) but not decoded: for a reader that first asks whether the content is one it knows.
 */
export function readFileBytesSync(path: string, maxBytes: number, options: ByteReadOptions = {}): FileBytesRead {
	if (options.listedAsFile && constants.O_NOFOLLOW !== undefined) {
		let fd: number | undefined;
		try {
			fd = openSync(path, LISTED_FILE_FLAGS);
		} catch {
			// Gone, a link, or not openable: the careful way below gives the same answer as for any other file.
		}
		if (fd !== undefined) {
			try {
				return readOpenedFile(fd, maxBytes, options.scratch);
			} catch (error) {
				return unreadable(error);
			} finally {
				closeSync(fd);
			}
		}
	}
	try {
		const link = lstatSync(path, { throwIfNoEntry: false });
		if (link === undefined) {
			return { kind: 'missing' };
		}
		if (link.isSymbolicLink()) {
			realpathSync(path);
		}
		const stats = link.isSymbolicLink() ? statSync(path) : link;
		const problem = typeProblem(stats) ?? sizeProblem(stats.size, maxBytes);
		if (problem !== undefined) {
			return { kind: 'unreadable', reason: problem };
		}
		const fd = openSync(path, READ_FLAGS);
		try {
			return readOpenedFile(fd, maxBytes, options.scratch);
		} finally {
			closeSync(fd);
		}
	} catch (error) {
		return unreadable(error);
	}
}

/** Reads an opened file after checking its type and size by its own status; throws the file system's errors. */
function readOpenedFile(fd: number, maxBytes: number, scratch: ReadBuffer | undefined): FileBytesRead {
	const opened = fstatSync(fd);
	const problem = typeProblem(opened) ?? sizeProblem(opened.size, maxBytes);
	if (problem !== undefined) {
		return { kind: 'unreadable', reason: problem };
	}
	// One buffer of the file's size and a byte more (to see the end at once), grown only when the file grows meanwhile.
	let buffer = scratch && scratch.bytes.length > opened.size ? scratch.bytes : Buffer.allocUnsafe(Math.min(opened.size, maxBytes) + 1);
	let total = 0;
	for (;;) {
		if (total === buffer.length) {
			const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
			buffer.copy(grown, 0, 0, total);
			buffer = grown;
		}
		const read = readSync(fd, buffer, total, buffer.length - total, null);
		if (read === 0) {
			break;
		}
		total += read;
		if (total > maxBytes) {
			return { kind: 'unreadable', reason: sizeProblem(total, maxBytes) ?? 'is too large' };
		}
	}
	if (scratch && buffer !== scratch.bytes && buffer.length <= MAX_SCRATCH_BYTES) {
		scratch.bytes = buffer;
	}
	return { kind: 'bytes', bytes: scratch ? buffer.subarray(0, total) : new Uint8Array(buffer.buffer, buffer.byteOffset, total) };
}

/** The largest buffer kept for reuse between reads (a larger file gets a buffer of its own). */
const MAX_SCRATCH_BYTES = 4 * 1024 * 1024;
