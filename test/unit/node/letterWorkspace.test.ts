// Reading a folder with the persistent index (`check --cache`): a letter whose size and times are unchanged is taken
// from the store unread, and a letter changed in place — the same size, its modification time put back — is read
// again all the same (its change time moved): the index always holds what the files say — after any letters changed,
// added or removed between two runs, a run with the store answers as one without it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/engine/diagnostics/codes';
import { summaryDiagnostics } from '../../../server/src/engine/diagnostics/letterDiagnostics';
import { DEFAULT_LETTER_FILE_OPTIONS } from '../../../server/src/node/letterFiles';
import { readLetterWorkspace } from '../../../server/src/node/letterWorkspace';
import { SETTLED_MS } from '../../../server/src/node/summaryStore';
import { makeLetter, referenceData } from '../helpers/fixtures';

const root = mkdtempSync(join(tmpdir(), 'dl-letter-workspace-'));
after(() => rmSync(root, { recursive: true, force: true }));

const CITED = makeLetter({ masthead: 'S/2020/9999', distributed: '3 October 2020', title: 'Letter dated 2 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General' });
const CITING = makeLetter({ masthead: 'S/2020/1300', body: ['I refer to document S/2020/9999 (3 October 2020).'] });

describe('reading letters with the persistent index', () => {
	it('takes unchanged letters from the store unread, and reads a letter changed in place with its modification time put back', async () => {
		const letters = join(root, 'letters');
		const cache = join(root, 'cache');
		mkdirSync(letters);
		writeFileSync(join(letters, 'cited.txt'), CITED);
		writeFileSync(join(letters, 'citing.txt'), CITING);
		const longAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
		const paths = readdirSync(letters).map((name) => join(letters, name));
		for (const path of paths) {
			utimesSync(path, longAgo, longAgo);
		}
		// The files must have been left alone for the settling time before their stamps are kept.
		const newest = Math.max(...paths.map((path) => statSync(path).ctimeMs));
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, newest + SETTLED_MS + 50 - Date.now())));
		const logged: string[] = [];
		const read = () => readLetterWorkspace([letters], DEFAULT_LETTER_FILE_OPTIONS, referenceData, { threads: 0, cache: { program: 'check', log: (line) => logged.push(line), folder: cache } });
		const symbols = (workspace: Awaited<ReturnType<typeof read>>) => workspace.files.map((file) => workspace.index.get(file.uri)?.summary.masthead?.symbol.text);

		const cold = await read();
		assert.deepEqual(symbols(cold), ['S/2020/9999', 'S/2020/1300']);
		const warm = await read();
		assert.deepEqual(symbols(warm), symbols(cold));
		assert.deepEqual(warm.index.get(join(letters, 'citing.txt'))?.summary, cold.index.get(join(letters, 'citing.txt'))?.summary);

		const cited = join(letters, 'cited.txt');
		const size = statSync(cited).size;
		writeFileSync(cited, CITED.replace('S/2020/9999', 'S/2020/9998'));
		utimesSync(cited, longAgo, longAgo);
		assert.equal(statSync(cited).size, size);
		assert.equal(statSync(cited).mtimeMs, longAgo.getTime());
		const changed = await read();
		assert.deepEqual(symbols(changed), ['S/2020/9998', 'S/2020/1300']);
		assert.deepEqual(logged, []);
	});

	it('answers after k letters changed, added or removed as a run without the store (property)', async () => {
		const texts = [
			CITED,
			CITING,
			makeLetter({ distributed: '4 October 2020', title: 'Letter dated 2 October 2020 from the Permanent Representative of Armenia to the United Nations addressed to the Secretary-General', body: ['See S/2020/1300 (3 October 2020).'] }),
			makeLetter({ masthead: 'A/75/356–S/2020/947', body: ['I refer to document S/2020/9999 (3 October 2020) and to S/2020/1300.'] }),
			makeLetter({ body: ['My letter dated 2 October 2020 (S/2020/9999) stands.'] }),
		];
		const change = fc.record({ file: fc.nat(5), text: fc.option(fc.nat(texts.length - 1), { nil: undefined }) });
		let runs = 0;
		await fc.assert(fc.asyncProperty(fc.array(fc.record({ file: fc.nat(5), text: fc.nat(texts.length - 1) }), { minLength: 1, maxLength: 6 }), fc.array(change, { minLength: 1, maxLength: 5 }), async (initial, changes) => {
			const letters = join(root, `property-${runs}`);
			const cache = join(root, `property-cache-${runs++}`);
			mkdirSync(letters);
			const write = (file: number, text: number | undefined) => {
				const path = join(letters, `letter-${file}.txt`);
				if (text === undefined) {
					rmSync(path, { force: true });
				} else {
					writeFileSync(path, `${texts[text]}\n${'x'.repeat(file)}`);
				}
			};
			initial.forEach(({ file, text }) => write(file, text));
			const read = (withCache: boolean) => readLetterWorkspace([letters], DEFAULT_LETTER_FILE_OPTIONS, referenceData, { threads: 0, ...(withCache ? { cache: { program: 'check', log: () => undefined, folder: cache } } : {}) });
			const answers = (workspace: Awaited<ReturnType<typeof read>>) => workspace.files.map((file) => {
				const entry = workspace.index.get(file.uri);
				return { uri: file.uri, summary: entry?.summary, identity: workspace.index.identity(file.uri), diagnostics: entry && summaryDiagnostics(entry, workspace.index, DEFAULT_DIAGNOSTIC_SETTINGS) };
			});
			await read(true);
			changes.forEach(({ file, text }) => write(file, text));
			const restarted = await read(true);
			assert.deepStrictEqual(answers(restarted), answers(await read(false)));
			assert.deepStrictEqual(answers(await read(true)), answers(restarted), 'a third run, from the store the second wrote');
		}), { numRuns: 25 });
	});
});
