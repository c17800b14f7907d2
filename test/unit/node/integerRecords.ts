// The stored form's tape as the writer wrote it before objects of integers were written bare (the INTEGERS record of
// `server/src/node/storedForm.ts`): each such record made again an OBJECT whose values are tagged INTEGERs, so that
// the previous writer's tables and the previous decoder (`previousStoredForm.ts`, `previousStoredFormReader.ts`)
// serve as the oracles of the writer and decoder of today.
import type { StoredForm } from '../../../server/src/node/storedForm';

/** The tags of the tape (`storedForm.ts`). */
export const TAGS = { UNDEFINED: 0, NULL: 1, FALSE: 2, TRUE: 3, INTEGER: 4, NUMBER: 5, STRING: 6, ARRAY: 7, OBJECT: 8, REFERENCE: 9, INTEGERS: 10 } as const;

/** The form with each INTEGERS record written as an OBJECT of INTEGERs; the other tables as they are. */
export function withoutIntegerRecords(form: StoredForm): StoredForm {
	const { tape, shapes } = form;
	const out: number[] = [];
	for (let at = 0; at < tape.length;) {
		const tag = tape[at++];
		if (tag === TAGS.INTEGERS) {
			const shape = tape[at++];
			out.push(TAGS.OBJECT, shape);
			for (let i = 0; i < shapes[shape].length; i++) {
				out.push(TAGS.INTEGER, tape[at++]);
			}
		} else if (tag === TAGS.INTEGER || tag === TAGS.NUMBER || tag === TAGS.STRING || tag === TAGS.REFERENCE || tag === TAGS.ARRAY || tag === TAGS.OBJECT) {
			out.push(tag, tape[at++]);
		} else {
			out.push(tag);
		}
	}
	return { ...form, tape: Int32Array.from(out) };
}
