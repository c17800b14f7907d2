// The owner's discovery of the workspace's sidecars: the walk finds the sidecars the letter-file walk finds with the
// sidecar glob (same order, same exclusions), it lets other work run while it goes, and a change made meanwhile (a
// sidecar deleted, written, read, or a folder renamed) is kept once it ends.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LetterFileOptions } from '../../../server/src/node/letterFiles';
import { DEFAULT_LETTER_FILE_OPTIONS, findLetterFiles } from '../../../server/src/node/letterFiles';
import { SidecarOwner } from '../../../server/src/lsp/sidecarOwner';

const SIDECAR = 'schema: diplomatic-letters/annotations@1\nannotations: []\n';

let dir = '';

function write(path: string, text = SIDECAR): void {
	mkdirSync(join(path, '..'), { recursive: true });
	writeFileSync(path, text);
}

/** What the synchronous letter-file walk finds with the sidecar glob: the set (and order) discovery must give. */
function walkedSidecars(root: string, options: LetterFileOptions): string[] {
	return findLetterFiles([root], { ...options, include: ['**/*.annotations.yaml'] }).map((file) => file.path);
}

function ownerOf(folders: readonly string[]): SidecarOwner {
	return new SidecarOwner({ folders: () => folders, writable: true });
}

describe('SidecarOwner.discover', () => {
	before(() => {
		dir = mkdtempSync(join(tmpdir(), 'dl-sidecar-discovery-'));
		const root = join(dir, 'workspace');
		for (const path of ['b.annotations.yaml', 'a.annotations.yaml', 'A.annotations.yaml', '2021/S-2021-1.annotations.yaml', '2021/deep/er/x.annotations.yaml',
			'node_modules/pkg/y.annotations.yaml', '.git/z.annotations.yaml', 'drafts/d.annotations.yaml', 'drafts/keep/k.annotations.yaml', 'archive/old.annotations.yaml']) {
			write(join(root, path));
		}
		write(join(root, 'letter.txt'), 'A letter\n');
		write(join(root, 'other.yaml'));
		write(join(root, 'annotations.yaml.txt'));
		mkdirSync(join(root, 'folder.annotations.yaml'));
		write(join(root, 'folder.annotations.yaml', 'inner.annotations.yaml'));
		symlinkSync(join(root, '2021'), join(root, 'linked-folder'));
		symlinkSync(join(root, 'a.annotations.yaml'), join(root, 'link.annotations.yaml'));
		const many = join(dir, 'many');
		for (let i = 0; i < 3000; i++) {
			write(join(many, `letter-${String(i).padStart(4, '0')}.annotations.yaml`));
		}
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('finds what the letter-file walk finds with the sidecar glob, in the same order', async () => {
		const root = join(dir, 'workspace');
		const optionSets: LetterFileOptions[] = [
			DEFAULT_LETTER_FILE_OPTIONS,
			{ ...DEFAULT_LETTER_FILE_OPTIONS, exclude: [...DEFAULT_LETTER_FILE_OPTIONS.exclude, '**/drafts/**', 'archive/*'] },
			{ ...DEFAULT_LETTER_FILE_OPTIONS, exclude: ['**/deep'] },
			{ ...DEFAULT_LETTER_FILE_OPTIONS, exclude: [] },
		];
		for (const options of optionSets) {
			const expected = walkedSidecars(root, options);
			const owner = ownerOf([root]);
			assert.deepEqual(await owner.discover([{ path: root, options }]), expected, JSON.stringify(options.exclude));
			assert.deepEqual(owner.knownSidecars(), expected);
		}
		const defaults = walkedSidecars(root, DEFAULT_LETTER_FILE_OPTIONS);
		assert.ok(defaults.includes(join(root, '2021', 'deep', 'er', 'x.annotations.yaml')));
		assert.ok(!defaults.some((path) => path.includes('node_modules') || path.includes('.git')));
	});

	it('skips a folder that does not exist and finds the others', async () => {
		const root = join(dir, 'workspace');
		const owner = ownerOf([root]);
		const found = await owner.discover([{ path: join(dir, 'gone'), options: DEFAULT_LETTER_FILE_OPTIONS }, { path: root, options: DEFAULT_LETTER_FILE_OPTIONS }]);
		assert.deepEqual(found, walkedSidecars(root, DEFAULT_LETTER_FILE_OPTIONS));
	});

	it('lets other work run while it walks, and keeps the changes made meanwhile', async () => {
		const many = join(dir, 'many');
		const owner = ownerOf([many]);
		const expected = walkedSidecars(many, DEFAULT_LETTER_FILE_OPTIONS);
		assert.equal(expected.length, 3000);
		let discovered = false;
		const discovery = owner.discover([{ path: many, options: DEFAULT_LETTER_FILE_OPTIONS }]).then((paths) => {
			discovered = true;
			return paths;
		});
		// Work queued after the walk started (a request, a file event) runs before it ends.
		await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setImmediate(resolve));
		assert.equal(discovered, false, 'the walk of 3,000 entries yields to other work before it ends');
		const deleted = join(many, 'letter-2999.annotations.yaml');
		unlinkSync(deleted);
		owner.forget(deleted);
		const created = join(many, 'new.annotations.yaml');
		write(created);
		const read = await owner.read(join(many, 'new'));
		assert.notEqual(read.kind, 'missing');
		assert.ok(owner.knownSidecars().includes(created), 'a sidecar read during the walk is known at once');
		// The walk may have ended before the read did: what the owner knows once both are done is what counts.
		await discovery;
		const known = owner.knownSidecars();
		assert.ok(!known.includes(deleted), 'a sidecar deleted during the walk is not known');
		assert.ok(known.includes(created), 'a sidecar read during the walk stays known');
		assert.deepEqual(new Set(known), new Set([...expected.filter((path) => path !== deleted), created]));
		unlinkSync(created);
		write(deleted);
	});

	it('keeps a folder rename made during the walk', async () => {
		const root = join(dir, 'renamed');
		for (let i = 0; i < 1200; i++) {
			write(join(root, 'a', `s-${i}.annotations.yaml`));
		}
		write(join(root, 'b', 'moved.annotations.yaml'));
		const owner = ownerOf([root]);
		const discovery = owner.discover([{ path: root, options: DEFAULT_LETTER_FILE_OPTIONS }]);
		await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setImmediate(resolve));
		renameSync(join(root, 'b'), join(root, 'c'));
		owner.folderRenamed(join(root, 'b'), join(root, 'c'));
		const found = await discovery;
		assert.deepEqual(new Set(found), new Set(walkedSidecars(root, DEFAULT_LETTER_FILE_OPTIONS)));
		assert.ok(found.includes(join(root, 'c', 'moved.annotations.yaml')));
	});

	it('a newer discovery supersedes one still running', async () => {
		const many = join(dir, 'many');
		const root = join(dir, 'workspace');
		const owner = ownerOf([many, root]);
		const first = owner.discover([{ path: many, options: DEFAULT_LETTER_FILE_OPTIONS }]);
		const second = owner.discover([{ path: root, options: DEFAULT_LETTER_FILE_OPTIONS }]);
		await first;
		assert.deepEqual(await second, walkedSidecars(root, DEFAULT_LETTER_FILE_OPTIONS));
		assert.deepEqual(owner.knownSidecars(), walkedSidecars(root, DEFAULT_LETTER_FILE_OPTIONS));
	});
});
