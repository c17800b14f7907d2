// End-to-end: giving a letter its identity and exporting annotations for analysts, as a documents officer would: Set
// Document Symbol on a letter without one (the grammar refuses a malformed symbol; the server stores a good one in the
// sidecar; the Letters view names the letter by it), then the first annotation asks for the author once, and Export
// Annotations writes the CSV with the letter's symbol, sender, date, line and column, saved at the workspace root.
// One VS Code on a fresh copy of samples/letters/, with no author set; every check reads the workbench or the files.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { parse } from 'yaml';
import type { TreeRow, VSCode } from './harness';
import { launchVSCode, poll } from './harness';
import { answerStep, mouseAwaySteps, quickInputTitle } from './letterProbes';

const letter000 = '000_c1c47ee4ee510e2c.txt';
const name000 = 'Armenia · 31 October 2020';
/** A well-formed symbol given to 000 in the test copy (000 prints none). */
const newSymbol = 'A/75/999-S/2020/1099';

function row(rows: readonly TreeRow[], label: string): TreeRow | undefined {
  return rows.find((candidate) => candidate.label === label);
}

/**
 * Waits until the Command Palette offers a command whose `when` clause depends on the server's answer (a context key
 * set shortly after the editor changed): opens the palette, types the title, and looks again until it is listed.
 */
async function waitUntilOffered(vscode: VSCode, title: string): Promise<void> {
  const input = vscode.page.locator('.quick-input-widget .quick-input-box input');
  const listed = vscode.page.locator('.quick-input-widget .monaco-list-row[aria-label]').filter({ has: vscode.page.locator('.label-name', { hasText: new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }) });
  await poll(`the Command Palette to offer "${title}"`, async () => {
    if (!await input.isVisible()) await vscode.page.keyboard.press('Control+Shift+P');
    await input.fill(`>${title}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (await listed.count() > 0) return true;
    await vscode.page.keyboard.press('Escape');
    return undefined;
  });
  await vscode.page.keyboard.press('Escape');
}

describe('identity and exports of the sample letters', () => {
  let vscode: VSCode;

  before(async () => {
    // No author set: the first annotation asks for it (the annotation test sets one).
    vscode = await launchVSCode({ fixture: 'samples/letters', viewport: { width: 1600, height: 1000 }, settings: { 'diplomaticLetters.annotations.author': '' } });
  });

  after(async () => {
    await vscode?.close();
  });

  const step = mouseAwaySteps(() => vscode);

  step('sets the document symbol of a letter that has none, checked by the symbol grammar', '24-set-document-symbol', async () => {
    await vscode.openFile(letter000);
    await waitUntilOffered(vscode, 'Diplomatic Letters: Set Document Symbol');
    await vscode.runCommand('Diplomatic Letters: Set Document Symbol');
    const input = vscode.page.locator('.quick-input-widget .quick-input-box input');
    await poll('the symbol input', async () => (await quickInputTitle(vscode.page))?.includes(name000) ? true : undefined);
    await input.fill('A/75/495-S/2020');
    const message = await poll('the grammar to refuse the symbol', async () => {
      const shown = (await vscode.page.locator('.quick-input-widget .quick-input-message').innerText()).trim();
      return /ends without a document number/.test(shown) ? shown : undefined;
    });
    assert.match(message, /^Not a document symbol/);
    await vscode.screenshot('24-set-document-symbol');
    await input.fill(newSymbol);
    await input.press('Enter');
    await vscode.waitForNotification(`${letter000} is now ${newSymbol}`);
    const sidecar = `${letter000}.annotations.yaml`;
    assert.ok(existsSync(vscode.file(sidecar)), 'the sidecar is written');
    const stored = parse(vscode.readFile(sidecar)) as { document?: { symbol?: string; file?: string } };
    assert.deepEqual(stored.document, { file: letter000, symbol: newSymbol });
    await vscode.runCommand('View: Show Diplomatic Letters');
    await vscode.waitForTreeView('Letters', 'the new symbol in the Letters view', (shown) => row(shown, `${newSymbol} · ${name000}`) !== undefined);
    // The toast would take the next Escape meant for the editor's Find widget.
    await vscode.runCommand('Notifications: Clear All Notifications');
  });

  step('asks the author once, then exports the annotations as CSV for analysts, saved at the workspace root', '25-export-csv', async () => {
    await vscode.openFile(letter000);
    await vscode.select('large-scale military aggression');
    await vscode.runCommand('Diplomatic Letters: Annotate Selection');
    await answerStep(vscode.page, 'Annotate Selection (1/2)', 'aggression', 'aggression');
    await answerStep(vscode.page, 'Annotate Selection (2/2)', 'As Armenia describes it.');
    await answerStep(vscode.page, 'Your name in annotations', 'J. Analyst');
    await poll('the annotation in the sidecar', () => Promise.resolve(/J\. Analyst/.test(vscode.readFile(`${letter000}.annotations.yaml`)) ? true : undefined));
    assert.equal(await poll('the author setting', () => Promise.resolve(/"diplomaticLetters\.annotations\.author": "J\. Analyst"/.test(readFileSync(join(vscode.workspace, '..', 'user-data', 'User', 'settings.json'), 'utf8')) ? true : undefined)), true, 'the name is kept in the user settings');

    await vscode.runCommand('Diplomatic Letters: Export Annotations');
    await vscode.pickQuickItem('CSV');
    await vscode.pickQuickItem('Every annotated letter of the workspace');
    // The simple save dialog (the tests' setting) shows the path it starts at: the workspace root.
    const path = vscode.page.locator('.quick-input-widget .quick-input-box input');
    const proposed = await poll('the save dialog', async () => {
      const value = await path.inputValue().catch(() => '');
      return value.endsWith('annotations.csv') ? value : undefined;
    });
    assert.equal(proposed, vscode.file('annotations.csv'));
    await path.press('Enter');
    await vscode.waitForNotification('Exported annotations to annotations.csv');
    const [header, row] = vscode.readFile('annotations.csv').split('\r\n');
    assert.equal(header, 'symbol,sender,dated,file,line,column,tag,note,author,created,status,exact,id,start,end');
    const text = vscode.readFile(letter000);
    const before = text.slice(0, text.indexOf('large-scale military aggression')).split('\n');
    assert.match(row ?? '', new RegExp(`^${newSymbol},Armenia,2020-10-31,${letter000},${before.length},${before[before.length - 1].length + 1},aggression,As Armenia describes it\\.,J\\. Analyst,\\d{4}-[^,]+,attached,large-scale military aggression,\\w+,\\d+,\\d+$`));
  });

});
