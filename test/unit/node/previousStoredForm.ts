// The stored form's writer as it was before it found an object's keys in a tree of the key lists met and wrote one
// value at a time (commit 3dc1f41): the oracle of storedFormOracle.test.ts.
import type { StoredForm } from '../../../server/src/node/storedForm';

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
export function previousEncodeStoredForm(values: readonly unknown[]): StoredForm {
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

