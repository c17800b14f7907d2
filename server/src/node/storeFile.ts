/**
 * The bytes of the persistent index's payload (`summaryStore.ts`, layout 4): the paths and the entries' stored form
 * (`storedForm.ts`) laid out so that reading them back makes no copy of the large tables and no object per path.
 *
 * After a prefix of four 32-bit counts (little-endian), a `v8.serialize`d record of the string tables (the paths, the
 * entries' content hashes, the stored form's strings and shapes and its count of values), then, each at an offset
 * that is a multiple of 8 from the start of the payload, the raw bytes (in this machine's byte order, which the
 * header names) of: the stored form's numbers (`Float64Array`), the paths' stamps (four numbers a path, NaN for a
 * path kept without a settled stamp), the stored form's tape (`Int32Array`) and the entry each path uses (an index
 * into the hashes). Read from a file whose payload starts 8-aligned in memory (the store pads its header line to
 * that), the tape and numbers are views on the file's bytes, not copies (in layout 3 `v8.deserialize` copied the
 * 160 MB tape of the 100,000-letter record out of an unaligned offset), and the paths are three flat columns instead
 * of an array per path (161–247 ms of `v8.deserialize` for 100,000 paths, 35 ms as columns). The file is read a
 * piece at a time off the calling thread ({@link readIndexFile}), its checksum ({@link PayloadChecksum}: CRC-32)
 * computed on the calling thread while the next piece is read.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { endianness } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import * as zlib from 'node:zlib';
import type { StoredForm } from './storedForm';

/** The byte order of the raw tables, named in the store's header: a file of the other order is not read. */
export const BYTE_ORDER = endianness();

/** The paths of a stored index as columns, one row a path. */
export interface StoredPaths {
	readonly paths: readonly string[];
	/** The entry each path uses: an index into {@link StoredPayload.hashes}. */
	readonly entryOf: Int32Array;
	/** Four numbers a path: size (NaN without a settled stamp), modification time, change time, inode. */
	readonly stamps: Float64Array;
}

/** What the payload holds. */
export interface StoredPayload extends StoredPaths {
	/** The content hash of each entry, in the order of the stored form's values. */
	readonly hashes: readonly string[];
	readonly entries: StoredForm;
}

/** The string tables of the payload, `v8.serialize`d. */
interface StringTables {
	readonly paths: readonly string[];
	readonly hashes: readonly string[];
	readonly strings: readonly string[];
	readonly shapes: readonly (readonly string[])[];
	readonly count: number;
}

/** The byte count of the prefix: the length of the string tables, of the numbers, of the tape and the count of paths. */
const PREFIX = 16;

/** How the payload's raw tables are aligned (bytes from the payload's start). */
export const ALIGNMENT = 8;

function aligned(offset: number): number {
	return Math.ceil(offset / ALIGNMENT) * ALIGNMENT;
}

/** The bytes of a view (no copy). */
function bytesOf(view: ArrayBufferView): Uint8Array {
	return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** The payload of a stored index, one buffer (the padding between its tables zeroed). */
export function encodePayload(payload: StoredPayload): Buffer {
	const { paths, entryOf, stamps, hashes, entries } = payload;
	if (entryOf.length !== paths.length || stamps.length !== paths.length * 4 || hashes.length !== entries.count) {
		throw new RangeError('the stored index does not hold together');
	}
	const tables: StringTables = { paths, hashes, strings: entries.strings, shapes: entries.shapes, count: entries.count };
	const head = serialize(tables);
	const numbersAt = aligned(PREFIX + head.length);
	const stampsAt = numbersAt + entries.numbers.byteLength;
	const tapeAt = stampsAt + stamps.byteLength;
	const entryOfAt = tapeAt + entries.tape.byteLength;
	const bytes = Buffer.alloc(entryOfAt + entryOf.byteLength);
	bytes.writeUInt32LE(head.length, 0);
	bytes.writeUInt32LE(entries.numbers.length, 4);
	bytes.writeUInt32LE(entries.tape.length, 8);
	bytes.writeUInt32LE(paths.length, 12);
	bytes.set(head, PREFIX);
	bytes.set(bytesOf(entries.numbers), numbersAt);
	bytes.set(bytesOf(stamps), stampsAt);
	bytes.set(bytesOf(entries.tape), tapeAt);
	bytes.set(bytesOf(entryOf), entryOfAt);
	return bytes;
}

/** Thrown when a payload is not one {@link encodePayload} wrote. */
export class CorruptPayload extends Error {
	constructor() {
		super('the stored index is corrupt');
		this.name = 'CorruptPayload';
	}
}

/** A view of `length` elements at `offset` of `bytes`: on the same memory when it is aligned, else a copy. */
function viewOf<T extends Int32Array | Float64Array>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, size: number, bytes: Uint8Array, offset: number, length: number): T {
	const at = bytes.byteOffset + offset;
	if (at % size === 0) {
		return make(bytes.buffer, at, length);
	}
	const copy = new Uint8Array(length * size);
	copy.set(bytes.subarray(offset, offset + length * size));
	return make(copy.buffer, 0, length);
}

function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * The stored index in a payload's bytes. The tape and numbers are views on `bytes` where they are aligned (so `bytes`
 * must not change while they are read); the paths' columns are copies (they are kept, the bytes are not). Throws
 * {@link CorruptPayload} when the tables do not hold together.
 */
export function decodePayload(bytes: Uint8Array): StoredPayload {
	if (bytes.length < PREFIX) {
		throw new CorruptPayload();
	}
	const prefix = new DataView(bytes.buffer, bytes.byteOffset, PREFIX);
	const headLength = prefix.getUint32(0, true);
	const numberCount = prefix.getUint32(4, true);
	const tapeLength = prefix.getUint32(8, true);
	const pathCount = prefix.getUint32(12, true);
	const numbersAt = aligned(PREFIX + headLength);
	const stampsAt = numbersAt + numberCount * 8;
	const tapeAt = stampsAt + pathCount * 32;
	const entryOfAt = tapeAt + tapeLength * 4;
	if (entryOfAt + pathCount * 4 !== bytes.length) {
		throw new CorruptPayload();
	}
	let tables: StringTables;
	try {
		tables = deserialize(bytes.subarray(PREFIX, PREFIX + headLength)) as StringTables;
	} catch {
		throw new CorruptPayload();
	}
	if (!isStringArray(tables?.paths) || !isStringArray(tables.hashes) || !isStringArray(tables.strings) || !Array.isArray(tables.shapes)
		|| tables.paths.length !== pathCount || tables.hashes.length !== tables.count || !Number.isInteger(tables.count)) {
		throw new CorruptPayload();
	}
	const entryOf = viewOf((buffer, offset, length) => new Int32Array(buffer, offset, length), 4, bytes, entryOfAt, pathCount).slice();
	if (entryOf.some((entry) => !(entry >= 0 && entry < tables.count))) {
		throw new CorruptPayload();
	}
	return {
		paths: tables.paths,
		entryOf,
		stamps: viewOf((buffer, offset, length) => new Float64Array(buffer, offset, length), 8, bytes, stampsAt, pathCount * 4).slice(),
		hashes: tables.hashes,
		entries: {
			strings: tables.strings,
			shapes: tables.shapes,
			tape: viewOf((buffer, offset, length) => new Int32Array(buffer, offset, length), 4, bytes, tapeAt, tapeLength),
			numbers: viewOf((buffer, offset, length) => new Float64Array(buffer, offset, length), 8, bytes, numbersAt, numberCount),
			count: tables.count,
		},
	};
}

/**
 * The checksum of a payload, as the header names it. CRC-32 (zlib's: 100 ms for the 212 MB of the 100,000-letter
 * record where SHA-256 took 180 ms) finds any change of a byte or of a run of bytes, which is what a cache must find
 * (it guards against a disk or a copy gone wrong, not against someone forging a file); SHA-256 where the runtime has
 * no `zlib.crc32` (Node before 20.15).
 */
export class PayloadChecksum {
	private readonly hash: ReturnType<typeof createHash> | undefined;
	private crc = 0;

	/** @param kind the checksum to compute: CRC-32 where the runtime has it, else SHA-256, unless named */
	constructor(kind: 'crc32' | 'sha256' = typeof zlib.crc32 === 'function' ? 'crc32' : 'sha256') {
		this.hash = kind === 'crc32' ? undefined : createHash('sha256');
	}

	update(piece: Uint8Array): void {
		if (this.hash === undefined) {
			this.crc = zlib.crc32(piece, this.crc);
		} else {
			this.hash.update(piece);
		}
	}

	/** The checksum as the header writes it: `crc32:<number>` or `sha256:<hex>`. */
	digest(): string {
		return this.hash === undefined ? `crc32:${this.crc}` : `sha256:${this.hash.digest('hex')}`;
	}

	/** A checksum of the kind `named` (a header's checksum) says, or undefined when this runtime cannot compute it. */
	static like(named: string): PayloadChecksum | undefined {
		if (named.startsWith('crc32:')) {
			return typeof zlib.crc32 === 'function' ? new PayloadChecksum('crc32') : undefined;
		}
		return named.startsWith('sha256:') ? new PayloadChecksum('sha256') : undefined;
	}

	/** The checksum of a payload in the way `named` (a header's checksum) says, or undefined when this runtime cannot compute it. */
	static of(payload: Uint8Array, named: string): string | undefined {
		const checksum = PayloadChecksum.like(named);
		checksum?.update(payload);
		return checksum?.digest();
	}
}

/** How much of the index file one read takes (8 MiB): the checksum of a piece is computed while the next is read. */
const READ_PIECE = 1 << 23;

/**
 * The bytes of an index file, read off this thread a piece at a time, and the checksum of what follows its header
 * line (the first line break after `headerFrom`), of the kind the header names, computed on this thread while the
 * next piece is read (undefined when the header does not say it or the runtime cannot compute it): the checksum no
 * longer comes after the wait for the file. (`readFile` read 512 KiB a turn of the event loop: 400 turns for the
 * 212 MB of the 100,000-letter record.) A file cut short meanwhile gives what was read.
 */
export async function readIndexFile(file: string, headerFrom: number): Promise<{ readonly bytes: Buffer; readonly checksum?: string }> {
	const handle = await open(file, 'r');
	try {
		const { size } = await handle.stat();
		const bytes = Buffer.allocUnsafeSlow(size);
		let checksum: PayloadChecksum | undefined;
		let checked = -1;
		let at = 0;
		let reading = at < size ? handle.read(bytes, 0, Math.min(READ_PIECE, size), 0) : undefined;
		while (reading !== undefined) {
			const { bytesRead } = await reading;
			const start = at;
			at += bytesRead;
			reading = bytesRead > 0 && at < size ? handle.read(bytes, at, Math.min(READ_PIECE, size - at), at) : undefined;
			if (checked < 0) {
				const end = bytes.subarray(0, at).indexOf(10, headerFrom);
				if (end >= 0) {
					checksum = checksumNamedIn(bytes.subarray(headerFrom, end));
					checked = end + 1;
				}
			}
			if (checksum !== undefined && checked >= 0 && checked < at) {
				checksum.update(bytes.subarray(Math.max(checked, start), at));
				checked = at;
			}
		}
		const read = at === size ? bytes : bytes.subarray(0, at);
		return checksum === undefined ? { bytes: read } : { bytes: read, checksum: checksum.digest() };
	} finally {
		await handle.close();
	}
}

/** A checksum of the kind a header line names (`{"checksum": "crc32:…", …}`), or undefined. */
function checksumNamedIn(header: Uint8Array): PayloadChecksum | undefined {
	try {
		const named: unknown = (JSON.parse(Buffer.from(header.buffer, header.byteOffset, header.byteLength).toString('utf8')) as { checksum?: unknown } | null)?.checksum;
		return typeof named === 'string' ? PayloadChecksum.like(named) : undefined;
	} catch {
		return undefined;
	}
}
