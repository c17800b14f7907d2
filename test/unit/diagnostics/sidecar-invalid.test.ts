// `sidecar-invalid` (error): a sidecar that is not valid YAML or not valid against the schema, reported on the sidecar and on the letter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSidecar } from '../../../server/src/engine/diagnostics/annotationRules';
import { lines } from '../helpers/fixtures';

const LETTER = 'The indiscriminate attacks have resulted in the killing of 43 civilians.';

describe('sidecar-invalid', () => {
	it('reports broken YAML on the sidecar, where it breaks, and once on the letter', () => {
		const text = lines('version: 1', 'document:', '  file: letter.txt', 'annotations: [', '');
		const { onLetter, onSidecar } = checkSidecar(LETTER, text, 'letter.txt.annotations.yaml');
		assert.ok(onSidecar.length >= 1);
		assert.ok(onSidecar.every((finding) => finding.code === 'sidecar-invalid'));
		assert.ok(onSidecar[0].range.start >= text.indexOf('annotations'), JSON.stringify(onSidecar[0].range));
		assert.match(onSidecar[0].message, /Correct the sidecar/);
		assert.equal(onLetter.length, 1);
		assert.equal(onLetter[0].code, 'sidecar-invalid');
		assert.deepEqual(onLetter[0].range, { start: 0, end: 0 });
		assert.match(onLetter[0].message, /letter\.txt\.annotations\.yaml is invalid/);
		assert.match(onLetter[0].message, /Correct it/);
	});

	it('reports a schema problem on the offending annotation', () => {
		const text = lines('version: 1', 'document:', '  file: letter.txt', 'annotations:', '  - id: x1', '    tags: [a]', '');
		const { onLetter, onSidecar } = checkSidecar(LETTER, text, 'letter.txt.annotations.yaml');
		assert.equal(onSidecar.length, 1);
		assert.match(onSidecar[0].message, /x1/);
		assert.match(onSidecar[0].message, /target/);
		assert.match(onLetter[0].message, /target/);
	});

	it('counts the other problems on the letter', () => {
		const text = lines('version: 3', 'document:', '  file: letter.txt', 'annotations:', '  - id: x1', '    tags: [a]', '');
		const [finding] = checkSidecar(LETTER, text, 'letter.txt.annotations.yaml').onLetter;
		assert.match(finding.message, /and \d+ more problems?/);
	});

	it('reports merge-conflict markers left in a sidecar', () => {
		const text = lines('version: 1', 'document:', '  file: letter.txt', '<<<<<<< HEAD', 'annotations: []', '=======', 'annotations: []', '>>>>>>> theirs', '');
		const { onSidecar } = checkSidecar(LETTER, text, 'letter.txt.annotations.yaml');
		assert.ok(onSidecar.length > 0);
	});

	it('has nothing to say of a valid sidecar', () => {
		const text = lines('# My notes.', 'version: 1', 'document:', '  file: letter.txt', '  symbol: A/75/495-S/2020/981', 'annotations: []', '');
		assert.deepEqual(checkSidecar(LETTER, text, 'letter.txt.annotations.yaml'), { onLetter: [], onSidecar: [] });
	});
});
