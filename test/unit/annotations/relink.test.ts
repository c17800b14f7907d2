import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnnotation, findLetterForSidecar } from '../../../server/src/engine/annotations';
import type { Annotation, Sidecar } from '../../../server/src/engine/annotations';

const letterText = 'The indiscriminate attacks have resulted in the killing of 43 civilians, including women and children. The city of Barda was shelled on 28 October.';
const other = 'A letter about fisheries in the North Atlantic and the quotas agreed for the coming season.';

function annotate(text: string, phrase: string, id: string): Annotation {
	const at = text.indexOf(phrase);
	return createAnnotation(text, at, at + phrase.length, { randomId: () => id, now: new Date(0) })!;
}

function sidecar(annotations: Annotation[], symbol?: string): Sidecar {
	return { version: 1, document: { file: 'gone.txt', ...(symbol === undefined ? {} : { symbol }) }, annotations };
}

const annotations = [annotate(letterText, 'killing of 43 civilians', 'aaaa'), annotate(letterText, 'Barda was shelled', 'bbbb')];

describe('finding the letter of a letterless sidecar', () => {
	it('takes the one letter whose text holds the annotations, even re-wrapped and moved', () => {
		const moved = `A new first paragraph.\n\n${letterText.replace('of 43 civilians', 'of 43\ncivilians')}`;
		assert.deepEqual(findLetterForSidecar(sidecar(annotations), [{ key: 'other.txt', text: other }, { key: 'now.txt', text: moved }]), { kind: 'found', key: 'now.txt', found: 2, total: 2 });
	});

	it('reports copies that hold them equally instead of guessing, unless the symbol decides', () => {
		const candidates = [{ key: 'b.txt', text: letterText }, { key: 'a.txt', text: letterText }];
		assert.deepEqual(findLetterForSidecar(sidecar(annotations), candidates), { kind: 'ambiguous', keys: ['a.txt', 'b.txt'], found: 2, total: 2 });
		assert.deepEqual(findLetterForSidecar(sidecar(annotations, 'A/75/556'), [{ ...candidates[0], symbol: 'A/75/556' }, candidates[1]]), { kind: 'found', key: 'b.txt', found: 2, total: 2 });
	});

	it('never takes a letter whose own identity is another symbol', () => {
		assert.deepEqual(findLetterForSidecar(sidecar(annotations, 'A/75/556'), [{ key: 'x.txt', text: letterText, symbol: 'S/2020/1' }]), { kind: 'not-found', total: 2 });
	});

	it('needs most of the annotations: one phrase of three found elsewhere is not the letter', () => {
		const three = [...annotations, annotate(letterText, 'including women and children', 'cccc')];
		const partly = `Elsewhere the killing of 43 civilians was denied. ${other}`;
		assert.deepEqual(findLetterForSidecar(sidecar(three), [{ key: 'p.txt', text: partly }]), { kind: 'not-found', total: 3 });
		assert.deepEqual(findLetterForSidecar(sidecar([]), [{ key: 'p.txt', text: letterText }]), { kind: 'not-found', total: 0 });
	});
});
