// The decoder of the stored form before each shape was read as one object literal (`server/src/node/storedForm.ts`),
// kept as the oracle of `storedFormReaderOracle.test.ts`: the keys of each object set one by one, in the shape's order.
import type { StoredForm } from '../../../server/src/node/storedForm';
import { CorruptStoredForm } from '../../../server/src/node/storedForm';

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

/** Reads the values back as the decoder did before shapes were read as object literals. */
export function previousDecodeStoredForm(form: StoredForm): unknown[] {
	if (!wellFormed(form)) {
		throw new CorruptStoredForm();
	}
	const { strings, shapes, tape, numbers } = form;
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
				const keys = checked(shapes[tape[at++]]);
				const object: Record<string, unknown> = {};
				containers.push(object);
				for (let i = 0; i < keys.length; i++) {
					object[keys[i]] = read();
				}
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
