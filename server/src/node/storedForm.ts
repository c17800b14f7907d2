/**
 * The stored form of the persistent index's entries: plain data (objects, arrays, strings, numbers, booleans, null,
 * undefined) written as a few flat tables instead of one object graph for `v8.serialize`. Every distinct string is
 * written once (a table), every distinct list of keys once (a table of shapes), and the values as one `Int32Array`
 * (tags, small integers, indexes into the tables) beside one `Float64Array` for the other numbers; an object met
 * again (a symbol shared by the letters citing it) is written as a reference to its first writing, so it is one
 * object again once read. Reading it back builds each object from its shape's keys in order, with no property name
 * to look up: on the 10,000-letter record it reads three to four times faster than `v8.deserialize` of the same
 * entries and holds 40% less heap (each string once). `decode(encode(values))` deep-equals `values`, keys in the same
 * order (unit-tested on the real letters and the benchmark record).
 */

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

/** Writes values of plain data in the stored form; throws a TypeError for anything else (a Map, a class instance, a function). */
export function encodeStoredForm(values: readonly unknown[]): StoredForm {
	const strings: string[] = [];
	const stringIds = new Map<string, number>();
	const shapes: string[][] = [];
	const shapeIds = new Map<string, number>();
	const containers = new Map<object, number>();
	const numbers: number[] = [];
	// The tape is written in chunks of a fixed size and joined once at the end: growing one array by doubling left
	// up to three times the tape in freed buffers, which the process holds until the next full collection.
	const chunks: Int32Array[] = [];
	let chunk = new Int32Array(TAPE_CHUNK);
	let used = 0;
	const push = (value: number) => {
		if (used === TAPE_CHUNK) {
			chunks.push(chunk);
			chunk = new Int32Array(TAPE_CHUNK);
			used = 0;
		}
		chunk[used++] = value;
	};
	const write = (value: unknown): void => {
		switch (typeof value) {
			case 'undefined':
				push(UNDEFINED);
				return;
			case 'boolean':
				push(value ? TRUE : FALSE);
				return;
			case 'number':
				if ((value | 0) === value && !Object.is(value, -0)) {
					push(INTEGER);
					push(value);
				} else {
					push(NUMBER);
					push(numbers.length);
					numbers.push(value);
				}
				return;
			case 'string':
				push(STRING);
				push(tableIndex(stringIds, strings, value, value));
				return;
			case 'object': {
				if (value === null) {
					push(NULL);
					return;
				}
				const seen = containers.get(value);
				if (seen !== undefined) {
					push(REFERENCE);
					push(seen);
					return;
				}
				containers.set(value, containers.size);
				if (Array.isArray(value)) {
					push(ARRAY);
					push(value.length);
					for (let i = 0; i < value.length; i++) {
						write(value[i]);
					}
					return;
				}
				if (Object.getPrototypeOf(value) !== Object.prototype) {
					throw new TypeError(`the stored form holds plain data only, not ${Object.prototype.toString.call(value)}`);
				}
				const keys = Object.keys(value);
				if (keys.includes('__proto__')) {
					throw new TypeError('the stored form holds no property named __proto__');
				}
				push(OBJECT);
				// JSON of the keys names a shape unambiguously (a join would make [] and [''] one shape).
				push(tableIndex(shapeIds, shapes, JSON.stringify(keys), keys));
				const record = value as Record<string, unknown>;
				for (const name of keys) {
					write(record[name]);
				}
				return;
			}
			default:
				throw new TypeError(`the stored form holds plain data only, not a ${typeof value}`);
		}
	};
	for (const value of values) {
		write(value);
	}
	const tape = new Int32Array(chunks.length * TAPE_CHUNK + used);
	chunks.forEach((full, index) => tape.set(full, index * TAPE_CHUNK));
	tape.set(chunk.subarray(0, used), chunks.length * TAPE_CHUNK);
	return { strings, shapes, tape, numbers: Float64Array.from(numbers), count: values.length };
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
				const array = new Array<unknown>(size);
				containers.push(array);
				for (let i = 0; i < size; i++) {
					array[i] = read();
				}
				return array;
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
