// The VSIX carries the data files the server and the command line read at start-up (the .vscodeignore allow-list).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');

test('every file of data/ is packaged in the VSIX', () => {
	const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
	const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
	assert.equal(listed.status, 0, listed.stderr);
	const files = new Set(listed.stdout.split(/\r?\n/).map((line) => line.trim()));
	const data = readdirSync(join(root, 'data'));
	assert.ok(data.includes('ga-sessions.yaml') && data.includes('resolutions.yaml'));
	for (const name of data) {
		assert.ok(files.has(`data/${name}`), `data/${name} is not in the VSIX`);
	}
});
