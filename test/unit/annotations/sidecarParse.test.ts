import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { parseSidecar } from '../../../server/src/engine/annotations/sidecarParse';

const valid = [
	'# Annotations of 000_c1c47ee4ee510e2c.txt. Hand edits and comments are kept.',
	'version: 1',
	'document:',
	'  file: 000_c1c47ee4ee510e2c.txt',
	'  symbol: A/75/495-S/2020/981        # optional: identity of the letter',
	'annotations:',
	'  - id: 7f3a9c                        # stable, unique within the file',
	'    tags: [allegation, casualty-figure]',
	"    note: Figures differ from the ombudsman's report.",
	'    author: jdoe                      # optional',
	'    created: 2026-11-23T10:00:00Z',
	'    target:                           # W3C Web Annotation selectors',
	'      exact: killing of 43 civilians  # TextQuoteSelector',
	'      prefix: "attacks have resulted in the "',
	'      suffix: ", including women and children"',
	'      start: 1893                     # TextPositionSelector, Unicode code points',
	'      end: 1916',
	'',
].join('\n');

function problemsOf(text: string): { message: string; line: number; column: number }[] {
	const result = parseSidecar(text);
	assert.equal(result.ok, false, 'expected the sidecar to be rejected');
	return result.ok ? [] : result.problems.map(({ message, line, column }) => ({ message, line, column }));
}

describe('parseSidecar', () => {
	it('reads the SPEC example into typed annotations', () => {
		const result = parseSidecar(valid);
		assert.ok(result.ok);
		assert.deepEqual(result.sidecar.document, { file: '000_c1c47ee4ee510e2c.txt', symbol: 'A/75/495-S/2020/981' });
		assert.deepEqual(result.sidecar.annotations[0], {
			id: '7f3a9c',
			tags: ['allegation', 'casualty-figure'],
			note: "Figures differ from the ombudsman's report.",
			author: 'jdoe',
			created: '2026-11-23T10:00:00Z',
			target: { exact: 'killing of 43 civilians', prefix: 'attacks have resulted in the ', suffix: ', including women and children', start: 1893, end: 1916 },
		});
	});

	it('reads status: orphaned and defaults missing tags, prefix and suffix', () => {
		const result = parseSidecar('version: 1\ndocument: {file: a.txt}\nannotations:\n  - id: abc123\n    status: orphaned\n    target: {exact: x, start: 0, end: 1}\n');
		assert.ok(result.ok);
		assert.deepEqual(result.sidecar.annotations[0], { id: 'abc123', tags: [], status: 'orphaned', target: { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 } });
	});

	it('names the annotation, the key and the line of a bad value', () => {
		assert.deepEqual(problemsOf(valid.replace('start: 1893', 'start: -4')), [
			{ message: 'annotation 7f3a9c: `target.start` must be a non-negative integer (line 16)', line: 16, column: 14 },
		]);
	});

	it('reports unknown keys, missing keys, duplicate ids and an end before the start', () => {
		const text = [
			'version: 1',
			'document: {file: a.txt}',
			'annotations:',
			'  - id: aaa111',
			'    tagz: [x]',
			'    target: {exact: x, start: 5, end: 2}',
			'  - id: aaa111',
			'    target: {start: 0, end: 1}',
			'',
		].join('\n');
		const messages = problemsOf(text).map((problem) => problem.message);
		assert.deepEqual(messages, [
			'annotation aaa111: unknown key `tagz`; expected `id`, `tags`, `note`, `author`, `created`, `status`, `target` (line 5)',
			'annotation aaa111: `target.end` (2) must not be before `target.start` (5) (line 6)',
			'annotation aaa111: the id `aaa111` is used by another annotation of this file; ids must be unique (line 7)',
			'annotation aaa111: `target.exact` is missing (line 8)',
		]);
	});

	it('reports YAML syntax errors with their line', () => {
		const [problem] = problemsOf('version: 1\ndocument:\n  file: [a.txt\n');
		assert.match(problem?.message ?? '', /^YAML syntax error: .*\(line \d\)$/);
	});

	it('reports unresolved merge conflicts by line, before parsing', () => {
		const text = `${valid}<<<<<<< HEAD\n  - id: 111111\n=======\n  - id: 222222\n>>>>>>> other\n`;
		assert.deepEqual(problemsOf(text), [{ message: 'unresolved git merge conflict at line 18', line: 18, column: 1 }]);
	});

	it('does not mistake an underline of equals signs in a note for a conflict', () => {
		const text = valid.replace("    note: Figures differ from the ombudsman's report.", '    note: |\n      Heading\n=======\n');
		assert.equal(problemsOf(text).some((problem) => problem.message.includes('merge conflict')), false);
	});

	it('rejects an empty file and a wrong version', () => {
		assert.match(problemsOf('')[0]?.message ?? '', /must be a mapping/);
		assert.deepEqual(problemsOf(valid.replace('version: 1', 'version: 2')).map((problem) => problem.message), ['`version` must be 1 (line 2)']);
	});
});

describe('the JSON Schema and the validator agree', () => {
	const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'annotations.schema.json'), 'utf8')) as object;
	const validateWithSchema = new Ajv({ strict: true, allErrors: true }).compile(schema);
	const head = 'version: 1\ndocument:\n  file: a.txt\nannotations:\n  - id: abc123\n';
	const target = '    target:\n      exact: quoted\n      start: 3\n      end: 9\n';
	const examples: [string, string][] = [
		['the SPEC example', valid],
		['no annotations key', 'version: 1\ndocument: {file: a.txt}\n'],
		['empty annotations', 'version: 1\ndocument: {file: a.txt}\nannotations:\n'],
		['orphaned', `${head}    status: orphaned\n${target}`],
		['extension keys', `x-tool: 1\n${head}    x-colour: red\n${target}`],
		['date-only created', `${head}    created: 2026-11-23\n${target}`],
		['version 2', `version: 2\ndocument: {file: a.txt}\n`],
		['missing document', 'version: 1\n'],
		['empty file name', 'version: 1\ndocument: {file: ""}\n'],
		['unknown top-level key', 'version: 1\ndocument: {file: a.txt}\nnotes: []\n'],
		['id with a space', `version: 1\ndocument: {file: a.txt}\nannotations:\n  - id: a b\n${target}`],
		['tags not a list', `${head}    tags: allegation\n${target}`],
		['empty tag', `${head}    tags: [""]\n${target}`],
		['status other than orphaned', `${head}    status: attached\n${target}`],
		['created not a date', `${head}    created: yesterday\n${target}`],
		['note a number', `${head}    note: 12\n${target}`],
		['missing target', head],
		['empty exact', `${head}    target: {exact: "", start: 0, end: 0}\n`],
		['fractional start', `${head}    target: {exact: x, start: 1.5, end: 3}\n`],
		['unknown target key', `${head}    target: {exact: x, start: 1, end: 3, length: 2}\n`],
		['annotation not a mapping', 'version: 1\ndocument: {file: a.txt}\nannotations:\n  - just text\n'],
	];
	const validExamples = 6;
	examples.forEach(([name, text], index) => {
		it(`${index < validExamples ? 'accept' : 'reject'}: ${name}`, () => {
			const bySchema = validateWithSchema(parseYaml(text));
			assert.equal(bySchema, index < validExamples, `the schema's verdict on: ${name}`);
			assert.equal(parseSidecar(text).ok, bySchema, `validator and schema disagree on: ${name}`);
		});
	});
});
