// Finding the candidate letters under a folder (`server/src/node/letterFiles.ts`): nested folders walked in name
// order, each file shown by its `/`-separated path under the folder, include and exclude globs applied to files and to
// folders at any depth.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_LETTER_FILE_OPTIONS, findLetterFiles } from '../../../server/src/node/letterFiles';

const root = mkdtempSync(join(tmpdir(), 'dl-letter-files-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('finding the letters under a folder', () => {
	it('walks nested folders, shows each file by its path under the folder, and applies include and exclude at any depth', () => {
		const folder = join(root, 'letters');
		for (const path of ['b.txt', 'a.md', 'notes.yaml', '2020/10/x.txt', '2020/drafts/y.txt', '2020/z.txt', 'node_modules/m.txt', '2021/.git/g.txt']) {
			mkdirSync(join(folder, path, '..'), { recursive: true });
			writeFileSync(join(folder, path), 'text');
		}
		const found = findLetterFiles([`${folder}/`], { ...DEFAULT_LETTER_FILE_OPTIONS, exclude: [...DEFAULT_LETTER_FILE_OPTIONS.exclude, '**/drafts/**'] });
		assert.deepEqual(found.map((file) => file.displayPath), ['2020/10/x.txt', '2020/z.txt', 'a.md', 'b.txt']);
		assert.deepEqual(found.map((file) => file.path), ['2020/10/x.txt', '2020/z.txt', 'a.md', 'b.txt'].map((path) => join(folder, path)));
		assert.ok(found.every((file) => !file.explicit));
		for (const written of [`${folder}//./`, join(folder, '2020', '..'), relative(process.cwd(), folder)]) {
			assert.deepEqual(findLetterFiles([written], { ...DEFAULT_LETTER_FILE_OPTIONS, exclude: [...DEFAULT_LETTER_FILE_OPTIONS.exclude, '**/drafts/**'] }).map((file) => file.path), found.map((file) => join(written, file.displayPath)), `the paths under ${written}`);
		}
		const only2020 = findLetterFiles([folder], { ...DEFAULT_LETTER_FILE_OPTIONS, include: ['2020/*.txt'] });
		assert.deepEqual(only2020.map((file) => file.displayPath), ['2020/z.txt']);
	});

	it('tells which letters found in a folder have no sidecar in its listing, comparing names as a case-blind file system would', () => {
		const folder = join(root, 'sidecars');
		mkdirSync(join(folder, 'sub'), { recursive: true });
		for (const name of ['plain.txt', 'with.txt', 'with.txt.annotations.yaml', 'Cased.txt', 'cased.TXT.Annotations.YAML', 'linked.txt', 'sub/deep.md', 'sub/deep.md.annotations.yaml', 'orphan.txt.annotations.yaml']) {
			writeFileSync(join(folder, name), 'text');
		}
		symlinkSync(join(folder, 'nowhere'), join(folder, 'linked.txt.annotations.yaml'));
		const found = findLetterFiles([folder]);
		assert.deepEqual(found.map((file) => [file.displayPath, file.sidecarUnlisted]), [['Cased.txt', undefined], ['linked.txt', undefined], ['plain.txt', true], ['sub/deep.md', undefined], ['with.txt', undefined]]);
		assert.equal(findLetterFiles([join(folder, 'plain.txt')])[0].sidecarUnlisted, undefined, 'a file given by its path is not known to have none');
	});
});
