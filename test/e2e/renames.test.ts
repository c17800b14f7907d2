// End-to-end: a letter with annotations renamed in the Explorer of a real VS Code keeps them. The extension's server
// hears of the rename (workspace/willRenameFiles), moves the sidecar next to the renamed letter and records its new
// name; the renamed letter, opened, shows every annotation attached. Then the server is killed: the extension starts
// it again, says so once, and every feature answers. One VS Code on a fresh copy of samples/letters/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { VSCode } from './harness';
import { launchVSCode, poll } from './harness';
import { closeHover, hoverOver, screenshotOnFailure } from './letterProbes';

const letter = '002_f4ff0849ef0a721f.txt';
const renamed = 'letter of 14 April 2020 from Azerbaijan.txt';
/** Two passages of letter 002, annotated where they first stand. */
const passages = ['Armenia', 'Azerbaijan'];

interface SidecarOnDisk {
  readonly document: { readonly file: string };
  readonly annotations: readonly { readonly id: string; readonly target: { readonly exact: string } }[];
}

/** Process ids of the Diplomatic Letters servers that this VS Code started (installed in its own extensions folder). */
function serverPids(vscode: VSCode): number[] {
  const extensions = join(dirname(vscode.workspace), 'extensions');
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n')
    .filter((line) => line.includes(extensions) && line.includes('dist/server.js'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

describe('annotations through a rename in the Explorer and a server crash', () => {
  let vscode: VSCode;

  before(async () => {
    vscode = await launchVSCode({ fixture: 'samples/letters' });
  });

  after(async () => {
    await vscode?.close();
  });

  it('takes every annotation with the letter', () => screenshotOnFailure(vscode, '08-rename-keeps-annotations', async () => {
    const text = vscode.readFile(letter);
    const blocks = passages.map((exact, i) => {
      const at = text.indexOf(exact);
      assert.ok(at >= 0);
      const start = [...text.slice(0, at)].length;
      return [`  - id: rename0${i}`, '    tags: [kept-on-rename]', '    target:', `      exact: ${exact}`, `      start: ${start}`, `      end: ${start + [...exact].length}`].join('\n');
    });
    writeFileSync(vscode.file(`${letter}.annotations.yaml`), `version: 1\ndocument:\n  file: ${letter}\nannotations:\n${blocks.join('\n\n')}\n`);
    await vscode.openFile(letter);
    await vscode.waitForTreeView('This Letter', 'both annotations', (rows) => passages.every((passage) => rows.some((row) => row.label === passage)));

    await vscode.renameInExplorer(letter, renamed);

    const moved = await poll('the sidecar next to the renamed letter, with its new name', () => {
      if (!existsSync(vscode.file(`${renamed}.annotations.yaml`))) return Promise.resolve(undefined);
      const sidecar = parse(vscode.readFile(`${renamed}.annotations.yaml`)) as SidecarOnDisk;
      return Promise.resolve(sidecar.document.file === renamed ? sidecar : undefined);
    });
    assert.deepEqual(moved.annotations.map((annotation) => [annotation.id, annotation.target.exact]), [['rename00', 'Armenia'], ['rename01', 'Azerbaijan']]);
    assert.equal(existsSync(vscode.file(`${letter}.annotations.yaml`)), false, 'no sidecar left at the old name');

    await vscode.openFile(renamed);
    await vscode.waitForTreeView('This Letter', 'both annotations, attached, in the renamed letter', (rows) =>
      passages.every((passage) => rows.some((row) => row.label === passage && !row.description.startsWith('orphaned'))));
    await vscode.screenshot('08-rename-keeps-annotations');
  }));

  it('restarts a server that died, tells the user once, and answers again', () => screenshotOnFailure(vscode, '09-server-restarted', async () => {
    const [pid] = await poll('the running server', () => Promise.resolve(serverPids(vscode)[0] === undefined ? undefined : serverPids(vscode)));
    assert.ok(pid !== undefined);
    process.kill(pid, 'SIGKILL');
    await vscode.waitForNotification('stopped unexpectedly and was restarted');
    await poll('a new server', () => Promise.resolve(serverPids(vscode).some((other) => other !== pid) ? true : undefined));
    // The notification would take the Escape that closes the Find widget: it is dismissed, as a person would.
    await vscode.runCommand('Notifications: Clear All Notifications');
    await vscode.openFile('004_7b45a96a4a663e52.txt');
    const hover = await hoverOver(vscode, 'A/75/660-S/2020/1267', 'Joint symbol');
    assert.ok(hover.links.includes('https://undocs.org/A/75/660'), `links: ${JSON.stringify(hover.links)}`);
    await closeHover(vscode.page);
    await vscode.openFile(renamed);
    await vscode.waitForTreeView('This Letter', 'the annotations, after the restart', (rows) => passages.every((passage) => rows.some((row) => row.label === passage)));
  }));
});
