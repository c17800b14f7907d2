import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';

const schemaPath = join(import.meta.dirname, '..', '..', 'schemas', 'tags.schema.json');
const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

function accepts(yamlLines: string[]): boolean {
	return validate(parse(yamlLines.join('\n')));
}

void describe('tags.schema.json (.diplomatic-letters/tags.yaml)', () => {
	void it('accepts a map of tags with colour and description', () => {
		const valid = accepts([
			'version: 1',
			'tags:',
			'  allegation:',
			'    colour: "#dd1144"',
			'    description: A claim made against another State.',
			'  casualty-figure:',
			'    colour: "#d14"',
			'  ceasefire: {}',
		]);
		assert.equal(valid, true, JSON.stringify(validate.errors));
	});

	void it('accepts a tag listed with no definition', () => {
		assert.equal(accepts(['tags:', '  allegation:', '  legal-basis:']), true, JSON.stringify(validate.errors));
	});

	void it('rejects a colour that is not #rrggbb or #rgb', () => {
		assert.equal(accepts(['tags:', '  allegation:', '    colour: red']), false);
		assert.equal(accepts(['tags:', '  allegation:', '    colour: "#dd11"']), false);
	});

	void it('rejects a misspelt key, so that the YAML extension flags it', () => {
		assert.equal(accepts(['tags:', '  allegation:', '    color: "#dd1144"']), false);
		assert.equal(accepts(['tag:', '  allegation: {}']), false);
	});

	void it('rejects a list of tags: the vocabulary is a map keyed by name', () => {
		assert.equal(accepts(['tags:', '  - name: allegation', '    colour: "#dd1144"']), false);
	});

	void it('rejects tag names with spaces or commas', () => {
		assert.equal(accepts(['tags:', '  "casualty figure": {}']), false);
		assert.equal(accepts(['tags:', '  "a,b": {}']), false);
	});
});
