// Every code's severity is configurable (`diplomaticLetters.diagnostics.<code>`): `off` removes it, any other value replaces the default.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { DiagnosticCode, Finding, Severity } from '../../../server/src/engine/diagnostics/codes';
import { applySeverities, DEFAULT_SEVERITIES, DIAGNOSTIC_CODES } from '../../../server/src/engine/diagnostics/codes';
import { SPEC_DEFAULT_SEVERITIES } from '../../specDiagnostics';
import { makeLetter } from '../helpers/fixtures';
import type { DiagnoseOptions } from './diagnose';
import { diagnose, titleLine } from './diagnose';

/** The SPEC table of default severities. */
const SPEC_DEFAULTS: Record<DiagnosticCode, Severity> = SPEC_DEFAULT_SEVERITIES;

/** For each code a letter computes, a letter that has that diagnostic (and the workspace it needs). */
const TRIGGERS: Partial<Record<DiagnosticCode, { text: string; options?: DiagnoseOptions }>> = {
	'footnote-missing-text': { text: makeLetter({ body: ['Shelled.¹'] }) },
	'footnote-unreferenced': { text: makeLetter({ footnotes: ['¹ A note.'] }) },
	'footnote-duplicate': { text: makeLetter({ body: ['Shelled.¹'], footnotes: ['¹ A note.', '¹ Another note.'] }) },
	'symbol-malformed': { text: makeLetter({ body: ['See A/75/ for details.'] }) },
	'date-invalid': { text: makeLetter({ body: ['On 016 October 2020 the town was shelled.'] }) },
	'citation-date-mismatch': { text: makeLetter({ body: ['See S/2020/5 (3 May 2019).'] }) },
	'resolution-year-mismatch': { text: makeLetter({ body: ['The Security Council adopted resolution 822 (1994).'] }) },
	'citation-date-conflict': {
		text: makeLetter({ body: ['See A/75/660-S/2020/1267 (21 December 2020).'] }),
		options: { others: { 'file:///work/cited.txt': makeLetter({ masthead: 'A/75/660–S/2020/1267', distributed: '22 December 2020', title: titleLine('18 December 2020', 'Azerbaijan') }) } },
	},
	'citation-unresolved': { text: makeLetter({ body: ['See S/2020/1104 for details.'] }) },
	'letter-reference-unresolved': { text: makeLetter({ body: ['Further to my letter dated 24 February 2020, I write again.'] }) },
	'annex-missing': { text: makeLetter({ body: ['The facts (see annex II) are clear.'] }) },
	'agenda-mismatch': { text: makeLetter({ closing: 'I kindly request that the present letter be circulated as a document of the General Assembly, under agenda items 34 and 72, and of the Security Council.' }) },
	'session-date-mismatch': { text: makeLetter({ year: 'Seventy-fourth' }) },
	'letter-date-after-distribution': { text: makeLetter({ title: titleLine('5 November 2020') }) },
};

/** The codes of sidecars and annotations come from the annotation engine (test/unit/annotations), not from a letter's text. */
const SIDECAR_CODES: readonly DiagnosticCode[] = ['annotation-orphaned', 'sidecar-invalid', 'sidecar-without-letter'];
const LETTER_CODES = DIAGNOSTIC_CODES.filter((code) => !SIDECAR_CODES.includes(code));

function codesOf(code: DiagnosticCode, severities: Partial<Record<DiagnosticCode, Severity | 'off'>>) {
	const trigger = TRIGGERS[code]!;
	return diagnose(trigger.text, { ...trigger.options, settings: { severities, ignoredSymbols: [] } }).filter((diagnostic) => diagnostic.code === code);
}

describe('configurable severities', () => {
	it('defaults to the SPEC table', () => {
		assert.deepEqual(DEFAULT_SEVERITIES, SPEC_DEFAULTS);
	});

	it('matches the defaults and choices of the editor settings', () => {
		const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
		const properties: Record<string, { default: string; enum: string[] }> = manifest.contributes.configuration.properties;
		for (const code of DIAGNOSTIC_CODES) {
			const setting = properties[`diplomaticLetters.diagnostics.${code}`];
			assert.equal(setting.default, SPEC_DEFAULTS[code], code);
			assert.deepEqual(setting.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
		}
	});

	it('has a triggering letter for every code a letter computes', () => {
		assert.deepEqual(Object.keys(TRIGGERS).sort(), [...LETTER_CODES].sort());
	});

	for (const code of LETTER_CODES) {
		describe(code, () => {
			it(`is reported at its default severity, ${SPEC_DEFAULTS[code]}`, () => {
				const diagnostics = codesOf(code, {});
				assert.ok(diagnostics.length > 0, `no ${code} diagnostic`);
				assert.ok(diagnostics.every((diagnostic) => diagnostic.severity === SPEC_DEFAULTS[code]));
			});
			it('is removed by "off", leaving the other codes alone', () => {
				assert.deepEqual(codesOf(code, { [code]: 'off' }), []);
				const trigger = TRIGGERS[code]!;
				const others = (severities: Partial<Record<DiagnosticCode, 'off'>>) => diagnose(trigger.text, { ...trigger.options, settings: { severities, ignoredSymbols: [] } })
					.filter((diagnostic) => diagnostic.code !== code).map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start}`);
				assert.deepEqual(others({ [code]: 'off' }), others({}));
			});
			for (const severity of ['hint', 'error', 'information'] as const) {
				it(`takes the severity "${severity}"`, () => {
					const diagnostics = codesOf(code, { [code]: severity });
					assert.ok(diagnostics.length > 0);
					assert.ok(diagnostics.every((diagnostic) => diagnostic.severity === severity));
				});
			}
		});
	}

	it('applies to every code through applySeverities, annotation codes included', () => {
		const findings: Finding[] = DIAGNOSTIC_CODES.map((code, i) => ({ code, range: { start: i, end: i + 1 }, message: code }));
		assert.deepEqual(applySeverities(findings, { severities: {}, ignoredSymbols: [] }).map((diagnostic) => diagnostic.severity), DIAGNOSTIC_CODES.map((code) => SPEC_DEFAULTS[code]));
		const hints = applySeverities(findings, { severities: Object.fromEntries(DIAGNOSTIC_CODES.map((code) => [code, 'hint'])), ignoredSymbols: [] });
		assert.deepEqual(hints.map((diagnostic) => diagnostic.severity), DIAGNOSTIC_CODES.map(() => 'hint'));
		for (const code of DIAGNOSTIC_CODES) {
			const kept = applySeverities(findings, { severities: { [code]: 'off' }, ignoredSymbols: [] });
			assert.deepEqual(kept.map((diagnostic) => diagnostic.code), DIAGNOSTIC_CODES.filter((other) => other !== code));
		}
	});
});
