/**
 * The stored form of the persistent index's entries: plain data (objects, arrays, strings, numbers, booleans, null,
 * undefined) written as a few flat tables instead of one object graph for `v8.serialize`. Every distinct string is
 * written once (a table), every distinct list of keys once (a table of shapes), and the values as one `Int32Array`
 * (tags, small integers, indexes into the tables) beside one `Float64Array` for the other numbers; an object whose
 * values are all small integers (a placed range: 1.5 million of them at 100,000 letters) is its shape and its values
 * bare, without a tag each; an object met again (a symbol shared by the letters citing it) is written as a reference to its first writing, so it is one
 * object again once read. Reading it back builds each object from its shape's keys in order, with no property name
 * to look up: on the 10,000-letter record it reads three to four times faster than `v8.deserialize` of the same
 * entries and holds 40% less heap (each string once). `decode(encode(values))` deep-equals `values`, keys in the same
 * order (unit-tested on the real letters and the benchmark record).
 */

import { MessageChannel } from 'node:worker_threads';

/**
 * Gives back the memory of buffers no longer used now, rather than at the collector's next full collection (which an
 * idle process may not have for minutes: tens of MiB of freed tape and file buffers were still held by an idle server
 * twenty seconds after writing its index). Moving the buffers into a message that is never read detaches them here
 * (their views read as empty from then on), and closing the channel frees them. Node 20 has no
 * `ArrayBuffer.prototype.transfer`, which would do the same.
 */
export function releaseBuffers(views: readonly ArrayBufferView[]): void {
	// Only a buffer a view covers whole is let go: a view on part of a buffer (a pooled Buffer) may share it.
	const owned = views.flatMap((view) => (view.buffer instanceof ArrayBuffer && view.byteLength > 0 && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? [view.buffer] : []));
	if (owned.length === 0) {
		return;
	}
	const { port1, port2 } = new MessageChannel();
	try {
		port1.postMessage(null, owned);
	} catch {
		// A buffer that cannot be moved (marked untransferable) is let go by the collector as any other.
	} finally {
		port1.close();
		port2.close();
	}
}

/** The tables of a stored form. */
export interface StoredForm {
	readonly strings: readonly string[];
	readonly shapes: readonly (readonly string[])[];
	readonly tape: Int32Array;
	readonly numbers: Float64Array;
	readonly count: number;
}

const UNDEFINED = 0;
const NULL = 1;
const FALSE = 2;
const TRUE = 3;
const INTEGER = 4;
const NUMBER = 5;
const STRING = 6;
const ARRAY = 7;
const OBJECT = 8;
const REFERENCE = 9;
/** An object whose every value is a small integer: its shape, then its values without tags. */
const INTEGERS = 10;

/** True for a number the tape holds as it is (a 32-bit integer, not -0). */
function isSmallInteger(value: unknown): value is number {
	return typeof value === 'number' && (value | 0) === value && !Object.is(value, -0);
}

/** The index of `key`'s item in a table, the item added at the end when the key is new. */
function tableIndex<T>(indexes: Map<string, number>, table: T[], key: string, item: T): number {
	let index = indexes.get(key);
	if (index === undefined) {
		index = table.length;
		table.push(item);
		indexes.set(key, index);
	}
	return index;
}

/** How many values one chunk of the tape holds while it is written (1 MiB). */
const TAPE_CHUNK = 1 << 18;

/** A node of the tree of the key lists met: the shape that ends here (-1: none yet), and the nodes one key further. */
interface ShapeNode {
	id: number;
	readonly next: Map<string, ShapeNode>;
}

/** How a {@link StoredFormWriter} writes. */
export interface StoredFormOptions {
	/**
	 * True for an object or array that other values may hold too (the writer then looks it up when it is met again
	 * and writes a reference to its first writing, so that it is one object again once read); default: every one.
	 * An object held twice but not said to be shareable is written twice, and read back as two equal objects.
	 */
	readonly shareable?: (value: object) => boolean;
}

/**
 * Writes values of plain data in the stored form one at a time, so that a caller can spread the writing of many over
 * several turns of its event loop ({@link encodeStoredForm} writes them all at once); the tables it gives at the end
 * are those `encodeStoredForm` gives for the same values in the same order. A value must not change between its
 * {@link StoredFormWriter.add} and {@link StoredFormWriter.finish} (an object met again is written as a reference to
 * its first writing). Throws a TypeError for anything but plain data (a Map, a class instance, a function). Writing
 * makes no garbage for each value: an object's keys are found in a tree of the key lists already met, not listed.
 */
export class StoredFormWriter {
	private readonly strings: string[] = [];
	private readonly stringIds = new Map<string, number>();
	private readonly shapes: string[][] = [];
	private readonly shapeTree: ShapeNode = { id: -1, next: new Map() };
	/** The shareable containers written, by their number in the order written (every container counts). */
	private readonly containers = new Map<object, number>();
	private containerCount = 0;
	private readonly shareable: ((value: object) => boolean) | undefined;
	private readonly numbers: number[] = [];
	// The tape is written in chunks of a fixed size and joined once at the end: growing one array by doubling left
	// up to three times the tape in freed buffers, which the process holds until the next full collection.
	private readonly chunks: Int32Array[] = [];
	private chunk = new Int32Array(TAPE_CHUNK);
	private used = 0;
	private count = 0;

	constructor(options: StoredFormOptions = {}) {
		this.shareable = options.shareable;
	}

	/** How many values were added. */
	get size(): number {
		return this.count;
	}

	/** Writes one value after those already added. */
	add(value: unknown): void {
		this.write(value);
		this.count++;
	}

	/** The tables of every value added; the writer is not to be used after. */
	finish(): StoredForm {
		const { chunks, used } = this;
		const tape = new Int32Array(chunks.length * TAPE_CHUNK + used);
		chunks.forEach((full, index) => tape.set(full, index * TAPE_CHUNK));
		tape.set(this.chunk.subarray(0, used), chunks.length * TAPE_CHUNK);
		releaseBuffers([...chunks, this.chunk]);
		chunks.length = 0;
		return { strings: this.strings, shapes: this.shapes, tape, numbers: Float64Array.from(this.numbers), count: this.count };
	}

	/** The number of the shape of a plain object's own keys (in `Object.keys` order), a new shape when they are new. */
	private shapeOf(record: Record<string, unknown>): number {
		let node = this.shapeTree;
		for (const name in record) {
			if (!Object.hasOwn(record, name)) {
				continue;
			}
			let next = node.next.get(name);
			if (next === undefined) {
				if (name === '__proto__') {
					throw new TypeError('the stored form holds no property named __proto__');
				}
				next = { id: -1, next: new Map() };
				node.next.set(name, next);
			}
			node = next;
		}
		if (node.id < 0) {
			node.id = this.shapes.length;
			this.shapes.push(Object.keys(record));
		}
		return node.id;
	}

	private push(value: number): void {
		if (this.used === TAPE_CHUNK) {
			this.chunks.push(this.chunk);
			this.chunk = new Int32Array(TAPE_CHUNK);
			this.used = 0;
		}
		this.chunk[this.used++] = value;
	}

	private write(value: unknown): void {
		switch (typeof value) {
			case 'undefined':
				this.push(UNDEFINED);
				return;
			case 'boolean':
				this.push(value ? TRUE : FALSE);
				return;
			case 'number':
				if ((value | 0) === value && !Object.is(value, -0)) {
					this.push(INTEGER);
					this.push(value);
				} else {
					this.push(NUMBER);
					this.push(this.numbers.length);
					this.numbers.push(value);
				}
				return;
			case 'string':
				this.push(STRING);
				this.push(tableIndex(this.stringIds, this.strings, value, value));
				return;
			case 'object': {
				if (value === null) {
					this.push(NULL);
					return;
				}
				if (this.shareable === undefined || this.shareable(value)) {
					const seen = this.containers.get(value);
					if (seen !== undefined) {
						this.push(REFERENCE);
						this.push(seen);
						return;
					}
					this.containers.set(value, this.containerCount);
				}
				this.containerCount++;
				if (Array.isArray(value)) {
					this.push(ARRAY);
					this.push(value.length);
					for (let i = 0; i < value.length; i++) {
						this.write(value[i]);
					}
					return;
				}
				if (Object.getPrototypeOf(value) !== Object.prototype) {
					throw new TypeError(`the stored form holds plain data only, not ${Object.prototype.toString.call(value)}`);
				}
				const record = value as Record<string, unknown>;
				const shape = this.shapeOf(record);
				const keys = this.shapes[shape];
				let integers = keys.length > 0;
				for (let i = 0; i < keys.length && integers; i++) {
					integers = isSmallInteger(record[keys[i]]);
				}
				this.push(integers ? INTEGERS : OBJECT);
				this.push(shape);
				for (let i = 0; i < keys.length; i++) {
					if (integers) {
						this.push(record[keys[i]] as number);
					} else {
						this.write(record[keys[i]]);
					}
				}
				return;
			}
			default:
				throw new TypeError(`the stored form holds plain data only, not a ${typeof value}`);
		}
	}
}

/** Writes values of plain data in the stored form; throws a TypeError for anything else (a Map, a class instance, a function). */
export function encodeStoredForm(values: readonly unknown[], options: StoredFormOptions = {}): StoredForm {
	const writer = new StoredFormWriter(options);
	for (const value of values) {
		writer.add(value);
	}
	return writer.finish();
}

/** Thrown when a stored form is not one {@link encodeStoredForm} wrote. */
export class CorruptStoredForm extends Error {
	constructor() {
		super('the stored entries are corrupt');
		this.name = 'CorruptStoredForm';
	}
}

/** Builds the object of one shape, its values read in the shape's order. */
type ShapeBuilder = (read: () => unknown) => Record<string, unknown>;

/** Builds the object of one shape whose values are the tape's integers from `at` on. */
type IntegersBuilder = (tape: Int32Array, at: number) => Record<string, unknown>;

/**
 * A builder for each shape. Where the host lets code be made from strings, each is one object literal of the shape's
 * keys (`{"a": read(), "b": read()}`, every key written as a JSON string, `__proto__` refused before): the object is
 * made with its final layout at once — no growth of its property store, no change of hidden class per key as when
 * properties are added one by one — and V8 can place the objects of a literal that all live on (the entries) straight
 * in the old generation instead of copying them out of the young one. On the 10,000-letter record reading the entries
 * back took a fifth less CPU and they hold 48 MiB of heap instead of 55 (ARCHITECTURE.md). Elsewhere the keys are set
 * one by one.
 */
function shapeBuilders(shapes: readonly (readonly string[])[]): ShapeBuilder[] {
	try {
		// The keys are data, but each enters the code as a JSON string literal only (wellFormed refused `__proto__`).
		// eslint-disable-next-line @typescript-eslint/no-implied-eval
		return shapes.map((keys) => new Function('read', `return {${keys.map((key) => `${JSON.stringify(key)}: read()`).join(', ')}};`) as ShapeBuilder);
	} catch {
		return shapes.map((keys) => (read) => {
			const object: Record<string, unknown> = {};
			for (let i = 0; i < keys.length; i++) {
				object[keys[i]] = read();
			}
			return object;
		});
	}
}

/** A builder for each shape of integers, as {@link shapeBuilders} makes them: one object literal where the host allows. */
function integersBuilders(shapes: readonly (readonly string[])[]): IntegersBuilder[] {
	try {
		// eslint-disable-next-line @typescript-eslint/no-implied-eval
		return shapes.map((keys) => new Function('tape', 'at', `return {${keys.map((key, i) => `${JSON.stringify(key)}: tape[at + ${i}]`).join(', ')}};`) as IntegersBuilder);
	} catch {
		return shapes.map((keys) => (tape, at) => {
			const object: Record<string, unknown> = {};
			for (let i = 0; i < keys.length; i++) {
				object[keys[i]] = tape[at + i];
			}
			return object;
		});
	}
}

/**
 * Reads the values back (objects met twice when written are one object again). Throws {@link CorruptStoredForm} for
 * tables that do not hold together, and for a value that holds itself (which entries never do: an object's own values
 * are read before the object is made).
 */
export function decodeStoredForm(form: StoredForm): unknown[] {
	if (!wellFormed(form)) {
		throw new CorruptStoredForm();
	}
	const { strings, shapes, tape, numbers } = form;
	const builders = shapeBuilders(shapes);
	const integers = integersBuilders(shapes);
	const containers: unknown[] = [];
	let at = 0;
	const read = (): unknown => {
		if (at >= tape.length) {
			throw new CorruptStoredForm();
		}
		switch (tape[at++]) {
			case UNDEFINED:
				return undefined;
			case NULL:
				return null;
			case FALSE:
				return false;
			case TRUE:
				return true;
			case INTEGER:
				return tape[at++];
			case NUMBER:
				return checked(numbers[tape[at++]]);
			case STRING:
				return checked(strings[tape[at++]]);
			case REFERENCE:
				return checked(containers[tape[at++]]);
			case ARRAY: {
				const size = tape[at++];
				if (!(size >= 0 && size <= tape.length - at)) {
					throw new CorruptStoredForm();
				}
				if (size <= 3) {
					// Most arrays are short (1.2 million at 100,000 letters, 1.8 values each): an array literal, whose
					// allocation site V8 learns to place in the old generation (the arrays all live on), where
					// `new Array(size)` is copied by every scavenge — the decode's scavenges took half the time.
					const slot = containers.length;
					containers.push(undefined);
					const short = size === 0 ? [] : size === 1 ? [read()] : size === 2 ? [read(), read()] : [read(), read(), read()];
					containers[slot] = short;
					return short;
				}
				const array = new Array<unknown>(size);
				containers.push(array);
				for (let i = 0; i < size; i++) {
					array[i] = read();
				}
				return array;
			}
			case INTEGERS: {
				const shape = tape[at++];
				const build = checked(integers[shape]);
				const size = shapes[shape].length;
				if (!(size > 0 && size <= tape.length - at)) {
					throw new CorruptStoredForm();
				}
				const object = build(tape, at);
				at += size;
				containers.push(object);
				return object;
			}
			case OBJECT: {
				const build = checked(builders[tape[at++]]);
				// The object's number is taken before its values are read, as it was when written.
				const slot = containers.length;
				containers.push(undefined);
				const object = build(read);
				containers[slot] = object;
				return object;
			}
			default:
				throw new CorruptStoredForm();
		}
	};
	const values = new Array<unknown>(form.count);
	for (let i = 0; i < form.count; i++) {
		values[i] = read();
	}
	if (at !== tape.length) {
		throw new CorruptStoredForm();
	}
	return values;
}

/** True when the tables have the types {@link encodeStoredForm} gives them (what they hold is checked while reading). */
function wellFormed(form: StoredForm): boolean {
	const shapes: unknown = form.shapes;
	return Array.isArray(form.strings) && form.tape instanceof Int32Array && form.numbers instanceof Float64Array && Number.isInteger(form.count)
		&& Array.isArray(shapes) && shapes.every((keys: unknown) => Array.isArray(keys) && keys.every((key: unknown) => typeof key === 'string' && key !== '__proto__'));
}

function checked<T>(value: T | undefined): T {
	if (value === undefined) {
		throw new CorruptStoredForm();
	}
	return value;
}
