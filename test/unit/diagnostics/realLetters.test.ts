// Golden diagnostics of the five real letters, indexed together as one workspace folder.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/engine/diagnostics/codes';
import { computeLetterDiagnostics } from '../../../server/src/engine/diagnostics/letterDiagnostics';
import { LetterIndex } from '../../../server/src/engine/workspace/letterIndex';
import { FIXTURE_LETTER_NAMES, readFixtureLetter, referenceData } from '../helpers/fixtures';

const index = new LetterIndex(referenceData);
for (const name of FIXTURE_LETTER_NAMES) {
	index.set(`file:///letters/${name}`, readFixtureLetter(name).text);
}
const uriOf = (prefix: string) => `file:///letters/${FIXTURE_LETTER_NAMES.find((name) => name.startsWith(prefix))!}`;

function diagnosticsOf(prefix: string) {
	const entry = index.get(uriOf(prefix))!;
	return computeLetterDiagnostics(entry, index, referenceData, DEFAULT_DIAGNOSTIC_SETTINGS).map((diagnostic) => ({ ...diagnostic, text: index.model(entry.uri)!.text.slice(diagnostic.range.start, diagnostic.range.end) }));
}

/** Hints expected in each letter: every cited symbol outside the folder (a hint: it is no problem to fix). */
const EXPECTED_HINTS: Record<string, { code: string; count: number }[]> = {
	'000': [{ code: 'citation-unresolved', count: 1 }],
	'001': [{ code: 'citation-unresolved', count: 46 }],
	'002': [{ code: 'citation-unresolved', count: 10 }],
	'003': [],
	'004': [{ code: 'citation-unresolved', count: 14 }],
};

describe('the five real letters as one workspace', () => {
	it('has exactly one error: the “016 October 2020” of 001', () => {
		const errors = ['000', '001', '002', '003', '004'].flatMap((prefix) => diagnosticsOf(prefix).filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => ({ prefix, ...diagnostic })));
		assert.equal(errors.length, 1, JSON.stringify(errors.map((error) => [error.prefix, error.code, error.text])));
		assert.equal(errors[0].prefix, '001');
		assert.equal(errors[0].code, 'date-invalid');
		assert.equal(errors[0].text, '016 October 2020');
		assert.equal(errors[0].fix?.replacement, '16 October 2020');
	});

	for (const prefix of ['000', '001', '002', '003', '004']) {
		it(`${prefix}: no warnings, no information, and the expected hints`, () => {
			const diagnostics = diagnosticsOf(prefix);
			assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').map((diagnostic) => `${diagnostic.code} ${diagnostic.text}`), []);
			assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.severity === 'information').map((diagnostic) => `${diagnostic.code} ${diagnostic.text}`), []);
			const hints = diagnostics.filter((diagnostic) => diagnostic.severity === 'hint');
			const counts = [...new Set(hints.map((diagnostic) => diagnostic.code))].map((code) => ({ code, count: hints.filter((diagnostic) => diagnostic.code === code).length }));
			assert.deepEqual(counts, EXPECTED_HINTS[prefix]);
			assert.ok(hints.every((diagnostic) => diagnostic.message.startsWith(`${diagnostic.text.replace(/\\/g, '').replace(/[–—]/g, '-')} `)), 'each unresolved citation is reported on its symbol, which the message names');
		});
	}

	it('resolves the citations between the letters: 004 cites 001 and 002, which are then not unresolved there', () => {
		const unresolved = diagnosticsOf('004').map((diagnostic) => diagnostic.text);
		assert.ok(!unresolved.includes('A/75/660-S/2020/1267'));
		assert.ok(!unresolved.some((text) => text.includes('A/74/807')));
		assert.ok(unresolved.includes('A/74/676-S/2020/90'));
	});

	it('reports S/2020/1104 in 001 as outside the folder', () => {
		assert.ok(diagnosticsOf('001').some((diagnostic) => diagnostic.code === 'citation-unresolved' && diagnostic.text === 'S/2020/1104'));
	});

	it('infers 001 as A/75/660-S/2020/1267 and 002 as A/74/807-S/2020/303, both from citations in 004', () => {
		for (const [prefix, symbol] of [['001', 'A/75/660-S/2020/1267'], ['002', 'A/74/807-S/2020/303']]) {
			const identity = index.identity(uriOf(prefix));
			assert.equal(identity?.symbol.text, symbol, prefix);
			assert.equal(identity?.source, 'inferred', prefix);
			assert.equal(identity?.inferredFrom?.uri, uriOf('004'), prefix);
		}
	});

	it('gives 000, 003 and 004 no identity (no masthead symbol, no sidecar, no symbol in the file name, never cited with their date)', () => {
		for (const prefix of ['000', '003', '004']) {
			assert.equal(index.identity(uriOf(prefix)), undefined, prefix);
		}
	});

	it('checks 000 and 002 the same way alone: their only cited symbols are outside the folder', () => {
		for (const prefix of ['000', '002']) {
			const alone = new LetterIndex(referenceData);
			const entry = alone.set(uriOf(prefix), readFixtureLetter(prefix).text);
			const codes = computeLetterDiagnostics(entry, alone, referenceData, DEFAULT_DIAGNOSTIC_SETTINGS).map((diagnostic) => diagnostic.code);
			assert.deepEqual(codes, diagnosticsOf(prefix).map((diagnostic) => diagnostic.code), prefix);
		}
	});
});
