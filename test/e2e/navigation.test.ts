// End-to-end: reading the sample letters in VS Code as a person would. A date that is not a calendar date shows in
// the Problems panel; the hover over a joint symbol explains it, names the letter of the folder it is and links to
// undocs.org; Go to Definition on a cited symbol opens the workspace letter that is that document, and that letter's
// code lens lists the letters citing it by name. One VS Code on a fresh copy of samples/letters/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { VSCode } from './harness';
import { launchVSCode, poll } from './harness';
import { closeHover, filterProblems, hoverOver, quickInputTitle, screenshotOnFailure } from './letterProbes';

const letter001 = '001_fcfde71c67116c43.txt';
const letter004 = '004_7b45a96a4a663e52.txt';
/** Cited in 004 with the date 22 December 2020, which is 001's distribution date: 001 is that document. */
const jointSymbol = 'A/75/660-S/2020/1267';

describe('reading the sample letters', () => {
  let vscode: VSCode;

  before(async () => {
    vscode = await launchVSCode({ fixture: 'samples/letters' });
  });

  after(async () => {
    await vscode?.close();
  });

  /** A test whose failure leaves a screenshot `failed-<screenshot>`; on success the step saves `<screenshot>` itself. */
  const step = (title: string, screenshot: string, body: () => Promise<void>): void => {
    it(title, () => screenshotOnFailure(vscode, screenshot, body));
  };

  step('shows date-invalid for "016 October 2020" of 001 in the Problems panel', '01-problems-date-invalid', async () => {
    await vscode.openFile(letter001);
    const entries = await vscode.waitForProblems('date-invalid for 016 October 2020 in 001', (shown) =>
      shown.some((entry) => entry.file === letter001 && entry.code === 'date-invalid' && entry.message.includes('016 October 2020')));
    const entry = entries.find((shown) => shown.code === 'date-invalid')!;
    assert.equal(entry.severity, 'error');
    assert.equal(entry.line, 84, 'the date is in footnote 4, on line 84');
    // Show the entry in the letter, as a person checking it would: filter the panel by the code, click the entry.
    await filterProblems(vscode.page, 'date-invalid');
    await vscode.waitForProblems('only date-invalid listed', (shown) => shown.length === 1 && shown[0]?.code === 'date-invalid');
    await vscode.page.locator('.markers-panel .monaco-list-row', { hasText: '016 October 2020' }).first().click();
    await poll('the editor at the invalid date', async () => (await vscode.cursor())?.line === 84 ? true : undefined);
    // Leave the mouse away from the list: a row's tooltip would take the next Escape.
    await vscode.page.mouse.move(1, 1);
    await vscode.screenshot('01-problems-date-invalid');
  });

  step('explains a joint symbol in its hover, with its undocs.org links', '02-hover-joint-symbol', async () => {
    await vscode.openFile(letter004);
    const hover = await hoverOver(vscode, jointSymbol, 'Joint symbol');
    await vscode.screenshot('02-hover-joint-symbol');
    await closeHover(vscode.page);
    assert.match(hover.text, /General Assembly/);
    assert.match(hover.text, /Security Council/);
    assert.ok(hover.links.includes('https://undocs.org/A/75/660'), `links: ${JSON.stringify(hover.links)}`);
    assert.ok(hover.links.includes('https://undocs.org/S/2020/1267'), `links: ${JSON.stringify(hover.links)}`);
    // The letters of the folder are named as people name them, the file name second.
    assert.match(hover.text.replace(/\s+/g, ' '), /In this workspace: A\/75\/660-S\/2020\/1267 · Azerbaijan · 18 December 2020 \(001_fcfde71c67116c43\.txt, inferred from the citation dated 22 December 2020 in Azerbaijan · 10 February 2022 \(004_7b45a96a4a663e52\.txt\)\)/);
  });

  step(`goes from the citation of ${jointSymbol} in 004 to letter 001`, '03-definition-004-to-001', async () => {
    await vscode.openFile(letter004);
    const cursor = await vscode.placeCursor(jointSymbol);
    await vscode.press('ArrowRight');
    await vscode.press('ArrowRight');
    assert.equal(cursor.line, 74);
    await vscode.press('F12');
    await poll(`Go to Definition to open ${letter001}`, async () => await vscode.activeEditor() === letter001 ? true : undefined);
    const title = await vscode.page.title();
    assert.ok(title.includes(letter001), `window title: ${title}`);
    const tabPath = await vscode.page.locator('.tabs-container .tab.active').first().getAttribute('data-resource-name');
    assert.equal(tabPath, letter001);
    // 001 has no symbol in its masthead: Go to Definition lands on its title, on line 38.
    const landed = await poll('the cursor in 001', async () => vscode.cursor());
    assert.equal(landed.line, 38);
    assert.match(await vscode.visibleText(), /Letter dated 18 December 2020 from the Permanent Representative of Azerbaijan/);
    await vscode.screenshot('03-definition-004-to-001');
  });

  step('lists the letters citing 001 by name from its code lens', '09-code-lens-citing-letters', async () => {
    const lens = vscode.page.locator('.editor-instance .monaco-editor .codelens-decoration a', { hasText: 'Cited by 1 letter' });
    await poll('the code lens on 001\'s title', async () => await lens.count() > 0 ? true : undefined);
    await lens.first().click();
    await poll('the list of citing letters', async () => (await quickInputTitle(vscode.page)) === 'Letters citing A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020' ? true : undefined);
    const rows = vscode.page.locator('.quick-input-widget .monaco-list-row');
    const first = await poll('the citing letter listed', async () => {
      const label = (await rows.first().locator('.label-name').first().textContent({ timeout: 1000 }))?.trim();
      return label === '' ? undefined : label;
    });
    assert.equal(first, 'Azerbaijan · 10 February 2022');
    assert.equal((await rows.first().locator('.label-description').first().textContent())?.trim(), letter004, 'the file name second');
    await rows.first().click();
    await poll(`${letter004} opened at the citation`, async () => await vscode.activeEditor() === letter004 ? true : undefined);
    assert.equal((await poll('the cursor in 004', async () => vscode.cursor())).line, 74, 'on the citation of 001');
  });
});
