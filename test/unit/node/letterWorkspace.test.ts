// Reading a folder with the persistent index (`check --cache`): a letter whose size and times are unchanged is taken
// from the store unread, and a letter changed in place — the same size, its modification time put back — is read
// again all the same (its change time moved): the index always holds what the files say.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
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
});
