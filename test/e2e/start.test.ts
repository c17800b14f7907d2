// End-to-end: `npm start` as a new user runs it. It builds and packages the extension with quiet output (no npm
// warnings, no VSIX file tree) whose last line is the address; it serves a fresh copy of the sample letters outside the
// repository; a change made in the demo (a quick fix, an annotation) is gone at the next start, and samples/letters/
// never changes. The demo's temporary folder is the test's own (TMPDIR), so a demo a developer runs is left alone.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { findFreePort } from '../../scripts/vscode/codeServer';

const repoRoot = resolve(__dirname, '..', '..');
const samples = join(repoRoot, 'samples', 'letters');
const START_TIMEOUT_MS = 600_000;

/** The name and SHA-256 of every file of a folder, sorted: what "unchanged" means for the sample letters. */
function folderDigest(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort().map((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? `${name}/` : `${name} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
  });
}

interface Started {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly address: string;
}

/** Runs `npm start` in its own process group and waits for the line that gives the address. */
async function npmStart(env: Readonly<Record<string, string>>): Promise<Started> {
  const child = spawn('npm', ['start'], { cwd: repoRoot, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const address = await new Promise<string>((resolveAddress, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no address in ${START_TIMEOUT_MS} ms:\n${stdout}\n${stderr}`)), START_TIMEOUT_MS);
    child.stdout.on('data', () => {
      const found = /^http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+$/m.exec(stdout)?.[0];
      if (found !== undefined) {
        clearTimeout(timer);
        resolveAddress(found);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
  return { child, stdout: () => stdout, stderr: () => stderr, address };
}

/** Stops `npm start` with Ctrl-C (SIGINT to its process group) and waits for it to end. */
async function stop(started: Started | undefined): Promise<void> {
  if (started === undefined || started.child.exitCode !== null || started.child.pid === undefined) return;
  const ended = new Promise((resolveEnd) => started.child.once('exit', resolveEnd));
  process.kill(-started.child.pid, 'SIGINT');
  const timer = setTimeout(() => { if (started.child.pid !== undefined) process.kill(-started.child.pid, 'SIGKILL'); }, 15_000);
  await ended;
  clearTimeout(timer);
}

/** The lines `npm start` itself printed: npm's own banner (`> diplomatic-letters@… start`, the script) and blanks left out. */
function ownLines(stdout: string): string[] {
  return stdout.split('\n').map((line) => line.trimEnd()).filter((line) => line !== '' && !line.startsWith('> '));
}

describe('npm start', () => {
  const temp = mkdtempSync(join(tmpdir(), 'dl-start-'));
  const demoFolder = join(temp, 'diplomatic-letters-demo', 'sample-letters');
  let running: Started | undefined;

  after(async () => {
    await stop(running);
    rmSync(temp, { recursive: true, force: true });
  });

  it('builds quietly, serves a fresh copy of the samples outside the repository, and ends with the address', { timeout: START_TIMEOUT_MS * 2 }, async () => {
    const before = folderDigest(samples);
    running = await npmStart({ TMPDIR: temp, PORT: String(await findFreePort()) });
    const lines = ownLines(running.stdout());
    assert.equal(lines.length, 4, `four lines of its own:\n${running.stdout()}`);
    assert.equal(lines[0], 'Building and packaging the extension… done.');
    assert.match(lines[1], new RegExp(`is serving a fresh copy of the sample letters in ${demoFolder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    assert.equal(lines[3], running.address, 'the last line is the address');
    assert.ok(running.address.endsWith(`?folder=${demoFolder}`), 'it serves the copy');
    assert.doesNotMatch(`${running.stdout()}\n${running.stderr()}`, /npm warn|npm WARN|DONE\s+Packaged|[├└]─/, 'no npm warnings, no VSIX file tree');
    const page = await fetch(running.address);
    assert.equal(page.status, 200, 'VS Code answers at the address');
    assert.deepEqual(folderDigest(demoFolder), before, 'the copy holds the sample letters as they are');

    // What a quick fix or an annotation does to the demo's copy.
    const letter = readdirSync(demoFolder).find((name) => name.endsWith('.txt'))!;
    writeFileSync(join(demoFolder, letter), 'edited in the demo\n');
    writeFileSync(join(demoFolder, `${letter}.annotations.yaml`), 'version: 1\nannotations: []\n');
    await stop(running);
    running = undefined;
    assert.deepEqual(folderDigest(samples), before, 'samples/letters/ is unchanged');

    // The next start (serving the VSIX just built) shows the samples again.
    running = await npmStart({ TMPDIR: temp, PORT: String(await findFreePort()), VSIX: join(repoRoot, readdirSync(repoRoot).find((name) => name.endsWith('.vsix'))!) });
    assert.deepEqual(folderDigest(demoFolder), before, 'the copy is made afresh at each start');
    assert.equal(ownLines(running.stdout()).at(-1), running.address);
  });
});
