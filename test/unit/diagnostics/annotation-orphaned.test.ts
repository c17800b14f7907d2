// `annotation-orphaned` (warning): a sidecar annotation whose text can no longer be found in the letter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSidecar } from '../../../server/src/engine/diagnostics/annotationRules';
import { lines } from '../helpers/fixtures';

const LETTER = 'The indiscriminate attacks have resulted in the killing of 43 civilians, including women and children.';

function sidecar(...annotations: { id: string; exact: string; prefix: string; suffix: string; start: number; end: number }[]): string {
	return lines(
		'# Annotations of letter.txt.',
		'version: 1',
		'document:',
		'  file: letter.txt',
		'annotations:',
		...annotations.flatMap((annotation) => [
			`  - id: ${annotation.id}`,
			'    tags: [casualty-figure, allegation]',
			'    created: 2026-11-23T10:00:00Z',
			'    target:',
			`      exact: ${annotation.exact}`,
			`      prefix: "${annotation.prefix}"`,
			`      suffix: "${annotation.suffix}"`,
			`      start: ${annotation.start}`,
			`      end: ${annotation.end}`,
		]),
		'',
	);
}

const FOUND = { id: '7f3a9c', exact: 'killing of 43 civilians', prefix: 'resulted in the ', suffix: ', including', start: 48, end: 71 };
const LOST = { id: '8a1b2c', exact: 'shelling of the maternity hospital', prefix: 'the ', suffix: ' on', start: 4, end: 38 };

describe('annotation-orphaned', () => {
	it('reports an annotation whose quote is gone, where it used to be, naming it and what to do', () => {
		const { onLetter, onSidecar } = checkSidecar(LETTER, sidecar(FOUND, LOST), 'letter.txt.annotations.yaml');
		assert.deepEqual(onSidecar, []);
		assert.equal(onLetter.length, 1);
		const [finding] = onLetter;
		assert.equal(finding.code, 'annotation-orphaned');
		assert.deepEqual(finding.range, { start: 4, end: 38 });
		assert.match(finding.message, /8a1b2c/);
		assert.match(finding.message, /casualty-figure, allegation/);
		assert.match(finding.message, /“shelling of the maternity hospital”/);
		assert.match(finding.message, /Attach it to the right text .* or remove it/);
	});

	it('finds an annotation again after the letter changed around it', () => {
		const edited = `Since September, ${LETTER.replace('indiscriminate', 'deliberate and indiscriminate')}`;
		assert.deepEqual(checkSidecar(edited, sidecar(FOUND), 'letter.txt.annotations.yaml').onLetter, []);
	});

	it('keeps the range inside a letter that became shorter', () => {
		const [finding] = checkSidecar('Short.', sidecar(LOST), 'letter.txt.annotations.yaml').onLetter;
		assert.ok(finding.range.start <= 6 && finding.range.end <= 6);
	});

	it('has nothing to say of a sidecar without annotations', () => {
		assert.deepEqual(checkSidecar(LETTER, sidecar(), 'letter.txt.annotations.yaml'), { onLetter: [], onSidecar: [] });
	});
});
