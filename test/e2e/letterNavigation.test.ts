// End-to-end: the standard LSP navigation of the sample letters in VS Code's own UI: the call hierarchy (who cites a
// letter, what it cites), Go to Symbol in Workspace by a sender's name, the Outline's plain names, the breadcrumbs
// after a page break, and Go to Definition from an agenda item of the closing request to its title in the header.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { VSCode } from './harness';
import { launchVSCode, poll } from './harness';
import { mouseAwaySteps } from './letterProbes';

const letter000 = '000_c1c47ee4ee510e2c.txt';
const letter001 = '001_fcfde71c67116c43.txt';
const letter004 = '004_7b45a96a4a663e52.txt';
const name001 = 'A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020';
const name002 = 'A/74/807-S/2020/303 · Azerbaijan · 14 April 2020';
const name004 = 'Azerbaijan · 10 February 2022';

/** Rows of the References view (call hierarchy) in the side bar: label and depth. */
async function referencesRows(vscode: VSCode): Promise<{ label: string; depth: number }[]> {
  return vscode.page.locator('.part.sidebar .pane', { has: vscode.page.locator('.pane-header .title', { hasText: /^(Callers Of|Calls From)$/ }) })
    .locator('.monaco-list-rows > .monaco-list-row')
    .evaluateAll((rows) => rows
      .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
      .map((row) => ({ label: (row.querySelector('.label-name')?.textContent ?? '').trim(), depth: Number(row.getAttribute('aria-level')) })));
}

describe('LSP navigation of the sample letters', () => {
  let vscode: VSCode;

  before(async () => {
    vscode = await launchVSCode({ fixture: 'samples/letters', viewport: { width: 1600, height: 1000 } });
  });

  after(async () => {
    await vscode?.close();
  });

  const step = mouseAwaySteps(() => vscode);

  step('shows who cites 001 and what 004 cites in VS Code\'s call hierarchy', '27-call-hierarchy', async () => {
    await vscode.openFile(letter001);
    await vscode.placeCursor('Letter dated 18 December 2020');
    await vscode.runCommand('Calls: Show Call Hierarchy');
    const incoming = await poll('the callers of 001', async () => {
      const rows = await referencesRows(vscode);
      return rows.some((row) => row.label === name004) ? rows : undefined;
    });
    assert.deepEqual(incoming, [{ label: name001, depth: 1 }, { label: name004, depth: 2 }]);
    await vscode.screenshot('27-call-hierarchy');

    await vscode.openFile(letter004);
    await vscode.placeCursor('Letter dated 10 February 2022');
    await vscode.runCommand('Calls: Show Call Hierarchy');
    await poll('the hierarchy of 004', async () => (await referencesRows(vscode))[0]?.label === name004 ? true : undefined);
    await vscode.runCommand('Calls: Show Outgoing Calls');
    const outgoing = await poll('the calls from 004', async () => {
      const rows = await referencesRows(vscode);
      return rows.length === 3 && rows[0].label === name004 ? rows : undefined;
    });
    assert.deepEqual(outgoing.slice(1).map((row) => [row.label, row.depth]).sort(), [[name002, 2], [name001, 2]]);
  });

  step('finds the letters of Azerbaijan with Go to Symbol in Workspace (Ctrl+T), named by symbol, sender and date', '28-workspace-symbols', async () => {
    await vscode.focusEditor();
    await vscode.press('Control+T');
    const input = vscode.page.locator('.quick-input-widget .quick-input-box input');
    await poll('Go to Symbol in Workspace', async () => (await input.inputValue()).startsWith('#') ? true : undefined);
    await input.fill('#Azerbaijan');
    const labels = await poll('the letters of Azerbaijan', async () => {
      const shown = (await vscode.page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents()).map((label) => label.trim());
      return [name001, name002, name004].every((name) => shown.includes(name)) ? shown : undefined;
    });
    assert.ok(labels.every((label) => label.includes('Azerbaijan')), JSON.stringify(labels));
    await vscode.screenshot('28-workspace-symbols');
    await vscode.page.locator('.quick-input-widget .monaco-list-row', { hasText: name001 }).first().click();
    await poll(`${letter001} to open`, async () => await vscode.activeEditor() === letter001 ? true : undefined);
  });

  step('names the organs of 004 in the Outline without Markdown markup', '29-outline', async () => {
    await vscode.openFile(letter004);
    await vscode.showView('Outline');
    const header = vscode.page.locator('.part.sidebar .pane', { has: vscode.page.locator('.pane-header .title', { hasText: /^Outline$/i }) })
      .locator('.monaco-list-row', { hasText: /^Header/ }).first();
    await poll('the Header in the Outline', async () => await header.isVisible() ? true : undefined);
    if (await header.getAttribute('aria-expanded') === 'false') await header.click();
    // Fold the agenda items so that both organs are on screen (the list is virtualised).
    const agenda = vscode.page.locator('.part.sidebar .monaco-list-row', { hasText: /^Agenda items 16/ }).first();
    await poll('the agenda in the Outline', async () => await agenda.isVisible() ? true : undefined);
    if (await agenda.getAttribute('aria-expanded') === 'true') await agenda.locator('.monaco-tl-twistie').click();
    const rows = await vscode.waitForTreeView('Outline', 'the organs of the header', (shown) => shown.some((row) => row.label === 'Security Council, Seventy-seventh year'));
    assert.ok(rows.some((row) => row.label === 'General Assembly, Seventy-sixth session'));
    assert.ok(!rows.some((row) => row.label.includes('**')), JSON.stringify(rows.map((row) => row.label)));
  });

  step('says nothing of footnotes in the breadcrumbs over body text after a page break (000)', '30-breadcrumbs', async () => {
    await vscode.openFile(letter000);
    const breadcrumbs = async (): Promise<string[]> => (await vscode.page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item').allInnerTexts()).map((text) => text.trim());
    await vscode.placeCursor('See <https://en.president.az/articles/44435>');
    await poll('the breadcrumbs in footnote 6', async () => (await breadcrumbs()).some((crumb) => crumb.includes('Footnote 6')) ? true : undefined);
    await vscode.placeCursor('At present, the hateful');
    const crumbs = await poll('the breadcrumbs after the page break', async () => {
      const shown = await breadcrumbs();
      return shown.length > 0 && !shown.some((crumb) => crumb.includes('Footnote 6')) ? shown : undefined;
    });
    assert.ok(!crumbs.some((crumb) => /Footnote/.test(crumb)), JSON.stringify(crumbs));
  });

  step('goes from an agenda item of the closing request to its title in the header (000)', '31-definition-agenda-item', async () => {
    await vscode.openFile(letter000);
    await vscode.placeCursor('114 and 135, and of the Security Council');
    await vscode.press('ArrowRight');
    await vscode.press('F12');
    const cursor = await poll('the cursor on the title of item 114', async () => {
      const at = await vscode.cursor();
      return at?.line === 21 ? at : undefined;
    });
    assert.equal(cursor.column, 1);
    assert.match(await vscode.visibleText(), /Measures to eliminate international terrorism/);
  });
});
