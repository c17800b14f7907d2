// The VSIX carries the data files the server and the command line read at start-up (the .vscodeignore allow-list),
// and the snapshot the build parses them into says exactly what the YAML says.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseReferenceData, readReferenceData } from '../../../server/src/engine/sessions/referenceData';
import { PARSED_DATA_FILE, RESOLUTIONS_FILE, SESSIONS_FILE, sha256 } from '../../../server/src/node/referenceDataFile';

const root = join(__dirname, '..', '..', '..');
const snapshotPath = join(root, 'dist', PARSED_DATA_FILE);

test('every file of data/ and the parsed snapshot are packaged in the VSIX', () => {
	assert.ok(existsSync(snapshotPath), `${snapshotPath} is missing: run \`npm run build\` before these tests`);
	const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
	const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
	assert.equal(listed.status, 0, listed.stderr);
	const files = new Set(listed.stdout.split(/\r?\n/).map((line) => line.trim()));
	const data = readdirSync(join(root, 'data'));
	assert.ok(data.includes(SESSIONS_FILE) && data.includes(RESOLUTIONS_FILE));
	for (const name of data) {
		assert.ok(files.has(`data/${name}`), `data/${name} is not in the VSIX`);
	}
	assert.ok(files.has(`dist/${PARSED_DATA_FILE}`), `dist/${PARSED_DATA_FILE} is not in the VSIX`);
});

test('the parsed snapshot was made from the current data files and reads the same as they do', () => {
	assert.ok(existsSync(snapshotPath), `${snapshotPath} is missing: run \`npm run build\` before these tests`);
	const sessions = readFileSync(join(root, 'data', SESSIONS_FILE), 'utf8');
	const resolutions = readFileSync(join(root, 'data', RESOLUTIONS_FILE), 'utf8');
	const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8'));
	assert.deepEqual(snapshot.sha256, { [SESSIONS_FILE]: sha256(sessions), [RESOLUTIONS_FILE]: sha256(resolutions) }, 'rebuild after editing data/');
	assert.deepEqual(readReferenceData(snapshot.gaSessions, snapshot.resolutions), parseReferenceData(sessions, resolutions));
});
