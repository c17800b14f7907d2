// The restart's folder scan (`server/src/node/folderScan.ts`): the candidate letters and their stamps, found by the
// scan worker (the built `dist/scanWorker.js`), are the very ones the walk and `stat` give on the calling thread —
// names with any character, sidecars listed or not, a file that is not regular, a folder that cannot be walked — and
// a worker that cannot run leaves the scan to the calling thread with the same result.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileStamp } from '../../../server/src/node/fileStamps';
import type { ScannedFile } from '../../../server/src/node/folderScan';
import { packScan, scanFolders, scanHere, unpackScan } from '../../../server/src/node/folderScan';
import { DEFAULT_LETTER_FILE_OPTIONS, findLetterFiles } from '../../../server/src/node/letterFiles';

const ROOT = join(__dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'dist', 'scanWorker.js');
const root = mkdtempSync(join(tmpdir(), 'dl-folder-scan-'));
after(() => rmSync(root, { recursive: true, force: true }));

function folderWithLetters(): string {
	const folder = join(root, 'letters');
	mkdirSync(join(folder, 'sub', 'node_modules'), { recursive: true });
	for (const name of ['a.txt', 'b.md', 'with.txt', 'with.txt.annotations.yaml', 'Ünïcode name, with spaces.txt', 'sub/deep.md', 'sub/node_modules/left-out.txt', 'notes.yaml']) {
		writeFileSync(join(folder, name), `text of ${name}`);
	}
	symlinkSync(join(folder, 'nowhere.txt'), join(folder, 'dangling.txt'));
	return folder;
}

describe('the folder scan of a restart', () => {
	const folder = folderWithLetters();
	const folders = [{ path: folder, options: DEFAULT_LETTER_FILE_OPTIONS }, { path: join(root, 'missing'), options: DEFAULT_LETTER_FILE_OPTIONS }, { path: join(folder, 'sub'), options: { ...DEFAULT_LETTER_FILE_OPTIONS, include: ['**/*.md'] } }];

	it('gives on this thread the walk\'s files, each with its stamp, and nothing for a folder that cannot be walked', () => {
		const [letters, missing, sub] = folders.map(scanHere);
		assert.deepEqual(letters.map(({ stamp: _stamp, ...file }) => file), findLetterFiles([folder]));
		assert.deepEqual(letters.map((file) => file.stamp), findLetterFiles([folder]).map((file) => fileStamp(file.path)));
		assert.equal(letters.find((file) => file.displayPath === 'dangling.txt')?.stamp, undefined, 'a dangling link has no stamp');
		assert.ok(letters.find((file) => file.displayPath === 'a.txt')?.stamp !== undefined);
		assert.deepEqual(missing, []);
		assert.deepEqual(sub.map((file) => file.displayPath), ['deep.md']);
	});

	it('gives the same scan from the worker thread', async () => {
		assert.deepEqual(await scanFolders(folders, SCRIPT), folders.map(scanHere));
	});

	it('scans on this thread when the worker cannot run', async () => {
		assert.deepEqual(await scanFolders(folders, join(root, 'no-such-worker.js')), folders.map(scanHere));
		assert.deepEqual(await scanFolders([], SCRIPT), []);
	});

	it('packs a scan into flat values and back unchanged: explicit files, unlisted sidecars, missing stamps, empty scans', () => {
		const files: ScannedFile[] = [
			{ path: '/a/x.txt', displayPath: 'x.txt', explicit: false, sidecarUnlisted: true, stamp: { size: 12, mtimeMs: 1700000000123.456, ctimeMs: 1700000000999.5, ino: 2 ** 40 + 7 } },
			{ path: '/given.txt', displayPath: '/given.txt', explicit: true, stamp: undefined },
			{ path: '/a/y, z.md', displayPath: 'y, z.md', explicit: false, stamp: { size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0 } },
		];
		assert.deepEqual(unpackScan(packScan(files)), files);
		assert.deepEqual(unpackScan(packScan([])), []);
	});
});
