// End-to-end: working the sample letters as a folder, as a documents officer would: the Letters view (rows, grouping,
// filter, a click that opens the letter), the Thread of a letter, a timeline of the letters under one agenda item,
// and the citation graph (drawn, filtered, a letter opened by a click on its node). One VS Code on a fresh copy of
// samples/letters/; every check reads what the workbench shows.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Frame } from 'playwright-core';
import type { TreeRow, VSCode } from './harness';
import { launchVSCode, poll } from './harness';
import { answerStep, mouseAwaySteps, treeViewMessage } from './letterProbes';

const letter001 = '001_fcfde71c67116c43.txt';
const letter004 = '004_7b45a96a4a663e52.txt';
const name001 = 'A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020';
const name002 = 'A/74/807-S/2020/303 · Azerbaijan · 14 April 2020';
const name004 = 'Azerbaijan · 10 February 2022';
const name000 = 'Armenia · 31 October 2020';

function row(rows: readonly TreeRow[], label: string): TreeRow | undefined {
  return rows.find((candidate) => candidate.label === label);
}

/** Shows the extension's side-bar container (Letters, Thread, Exchanges, Tags, This Letter). */
async function showContainer(vscode: VSCode): Promise<void> {
  await vscode.runCommand('View: Show Diplomatic Letters');
  await poll('the Diplomatic Letters side bar', async () => await vscode.page.locator('.part.sidebar .title-label', { hasText: /Diplomatic Letters/i }).isVisible() ? true : undefined);
}

/** Drags the side bar's edge to make it wider, so that rows and screenshots show whole names. */
async function widenSideBar(vscode: VSCode, width: number): Promise<void> {
  const box = await vscode.page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await vscode.page.mouse.move(box.x + box.width, y);
  await vscode.page.mouse.down();
  await vscode.page.mouse.move(box.x + width, y, { steps: 5 });
  await vscode.page.mouse.up();
  await poll('the wider side bar', async () => ((await vscode.page.locator('.part.sidebar').boundingBox())?.width ?? 0) > box.width + 50 ? true : undefined);
}

/** Collapses a pane of the side bar by its title (room for the others). */
async function collapsePane(vscode: VSCode, title: string): Promise<void> {
  const header = vscode.page.locator('.part.sidebar .pane-header', { has: vscode.page.locator('.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first();
  if (await header.getAttribute('aria-expanded') === 'true') await header.click();
}

describe('the folder of sample letters', () => {
  let vscode: VSCode;

  before(async () => {
    vscode = await launchVSCode({ fixture: 'samples/letters', viewport: { width: 1600, height: 1000 } });
  });

  after(async () => {
    await vscode?.close();
  });

  const step = mouseAwaySteps(() => vscode);

  step('lists every letter in the Letters view, named as people name them, grouped by session or year, with counts', '20-letters-view', async () => {
    await vscode.openFile(letter001);
    await showContainer(vscode);
    await widenSideBar(vscode, 720);
    for (const pane of ['Thread', 'Exchanges', 'Tags', 'This Letter']) await collapsePane(vscode, pane);
    const rows = await vscode.waitForTreeView('Letters', 'the letters grouped by session or year', (shown) =>
      shown.some((candidate) => candidate.label === name001) && shown.some((candidate) => candidate.label === 'General Assembly, 75th session'));
    const groups = rows.filter((candidate) => candidate.depth === 1).map((candidate) => candidate.label);
    assert.deepEqual(groups.slice(0, 4), ['General Assembly, 74th session', 'General Assembly, 75th session', 'General Assembly, 76th session', 'Security Council, 2020']);
    const first = row(rows, name001)!;
    assert.equal(first.depth, 2);
    for (const part of ['symbol inferred', 'to Secretary-General', 'GA 75, SC 2020', 'items 34, 35, 40, 68 +4', '1 error']) {
      assert.ok(first.description.includes(part), `001's row says "${part}": ${first.description}`);
    }
    const noSymbol = row(rows, name000)!;
    assert.ok(noSymbol.description.startsWith('no symbol · to Secretary-General · GA 75, SC 2020 · items 34, 71, 114, 135'), noSymbol.description);
    await vscode.screenshot('20-letters-view');
  });

  step('groups the letters by sender, filters them, and opens the one clicked', '21-letters-filter', async () => {
    await vscode.runCommand('Diplomatic Letters: Group Letters By…');
    await vscode.pickQuickItem('Sender');
    let rows = await vscode.waitForTreeView('Letters', 'groups of senders', (shown) => row(shown, 'Armenia') !== undefined && row(shown, 'Azerbaijan') !== undefined && shown.length === 7);
    assert.deepEqual(rows.filter((candidate) => candidate.depth === 1).map((candidate) => [candidate.label, candidate.description]), [
      ['Armenia', '1'], ['Azerbaijan', '4'],
    ], 'the note verbale of the Republic of Azerbaijan is under Azerbaijan');
    const azerbaijan = rows.slice(rows.findIndex((candidate) => candidate.label === 'Azerbaijan') + 1);
    assert.deepEqual(azerbaijan.map((candidate) => candidate.label), [name002, 'Republic of Azerbaijan · 4 November 2020', name001, name004], 'by date');

    await vscode.runCommand('Diplomatic Letters: Filter Letters');
    await vscode.answerQuickInput('Azerbaijan 2020');
    const wanted = [name002, 'Republic of Azerbaijan · 4 November 2020', name001];
    rows = await vscode.waitForTreeView('Letters', 'only the 2020 letters of Azerbaijan', (shown) =>
      JSON.stringify(shown.filter((candidate) => candidate.depth === 2).map((candidate) => candidate.label)) === JSON.stringify(wanted));
    assert.deepEqual(rows.filter((candidate) => candidate.depth === 1).map((candidate) => candidate.label), ['Azerbaijan']);
    assert.match(await treeViewMessage(vscode.page, 'Letters'), /3 of 5 letters match "Azerbaijan 2020"/);
    await vscode.screenshot('21-letters-filter');
    await vscode.page.locator('.part.sidebar .monaco-list-row', { hasText: name001 }).first().click();
    await poll(`${letter001} to open`, async () => await vscode.activeEditor() === letter001 ? true : undefined);
    const cursor = await poll('the cursor in 001', async () => vscode.cursor());
    assert.equal(cursor.line, 38, 'at the title: 001 has no masthead symbol');
    await vscode.runCommand('Diplomatic Letters: Clear Letters Filter');
    await vscode.waitForTreeView('Letters', 'every letter again', (shown) => row(shown, name004) !== undefined);
  });

  step('shows the thread of a letter: what it cites, and who cites it', '22-thread', async () => {
    await vscode.openFile(letter004);
    // Waits for the whole thread: the view may still show part of the last one while it is drawn.
    let rows = await vscode.waitForTreeView('Thread', "004's thread", (shown) => shown[0]?.label === 'Answers or cites' && row(shown, name001) !== undefined);
    const answers = rows.slice(1, 3);
    assert.deepEqual(rows[0].label, 'Answers or cites');
    assert.deepEqual(answers.map((candidate) => [candidate.label, candidate.description]), [
      [name002, 'cites · 002_f4ff0849ef0a721f.txt'], [name001, `cites · ${letter001}`],
    ]);
    await vscode.screenshot('22-thread');
    await vscode.openFile(letter001);
    rows = await vscode.waitForTreeView('Thread', "001's thread", (shown) => row(shown, name004) !== undefined);
    assert.equal(row(rows, name004)?.description, `cites this · ${letter004}`);
  });

  step('shows the letters under one agenda item as a timeline', '23-agenda-item-timeline', async () => {
    await vscode.runCommand('Diplomatic Letters: Show Letters Under an Agenda Item');
    await answerStep(vscode.page, 'Show Letters Under an Agenda Item', 'GA 75 · item 34');
    const rows = await vscode.waitForTreeView('Exchanges', 'the letters under item 34 of session 75', (shown) => row(shown, name000) !== undefined);
    assert.deepEqual(rows.map((candidate) => candidate.label), [name000, name001], 'in date order');
  });

  /** The frame of the citation graph webview (VS Code nests it in two iframes). */
  async function graphFrame(): Promise<Frame> {
    return poll('the citation graph webview', async () => {
      for (const frame of vscode.page.frames()) {
        if (await frame.locator('#graph').count().catch(() => 0) > 0) return frame;
      }
      return undefined;
    });
  }

  step('draws the citation graph, filters it, and opens the letter whose node is clicked', '26-citation-graph', async () => {
    await vscode.runCommand('Diplomatic Letters: Show Citation Graph');
    const frame = await graphFrame();
    await poll('the graph to be laid out', async () => await frame.locator('body').getAttribute('data-state') === 'laid-out' ? true : undefined, { timeoutMs: 40_000 });
    assert.equal(await frame.locator('body').getAttribute('data-nodes'), '5');
    assert.equal(await frame.locator('body').getAttribute('data-edges'), '2');
    assert.match(await frame.locator('#status').innerText(), /^5 letters · 2 links/);
    const legend = await frame.locator('#legend li').allInnerTexts();
    assert.deepEqual(legend.map((entry) => entry.trim()), ['Azerbaijan (4)', 'Armenia (1)']);
    await vscode.screenshot('26-citation-graph');

    await frame.locator('#organ').selectOption({ label: 'GA 75' });
    await poll('only the letters of session 75', async () => /^2 of 5 letters shown/.test(await frame.locator('#status').innerText()) ? true : undefined);
    await frame.locator('#organ').selectOption({ label: 'Every session and year' });
    await poll('every letter again', async () => /^5 letters/.test(await frame.locator('#status').innerText()) ? true : undefined);
    await frame.locator('#agendaItem').selectOption({ label: 'GA 75 item 34' });
    await poll('only the letters under item 34 of session 75 (000 and 001)', async () => /^2 of 5 letters shown/.test(await frame.locator('#status').innerText()) ? true : undefined);
    await frame.locator('#agendaItem').selectOption({ label: 'Every agenda item' });
    await poll('every letter again', async () => /^5 letters/.test(await frame.locator('#status').innerText()) ? true : undefined);
    await poll('the graph to be laid out again', async () => await frame.locator('body').getAttribute('data-state') === 'laid-out' ? true : undefined, { timeoutMs: 40_000 });

    const uri001 = `file://${vscode.file(letter001)}`;
    const box = await (await frame.frameElement()).boundingBox();
    assert.ok(box);
    const opened = async () => await vscode.page.locator(`.tabs-container .tab.active[data-resource-name="${letter001}"]`).count() > 0;
    // The letter opens beside the graph, in the other editor group. The node is looked up again before each click:
    // a click that came while the layout was still settling hit the place the node had just left (a failed run's
    // screenshot showed the graph active and 001's node elsewhere), so the click is repeated until the letter opens.
    await poll(`a click on 001's node to open ${letter001}`, async () => {
      if (await opened()) return true;
      const point = await frame.evaluate((uri) => (window as unknown as { diplomaticLettersGraph: { nodeOnScreen(uri: string): { x: number; y: number } | undefined } }).diplomaticLettersGraph.nodeOnScreen(uri), uri001);
      assert.ok(point, 'letter 001 is drawn');
      await vscode.page.mouse.move(box.x + point.x, box.y + point.y);
      await vscode.page.mouse.click(box.x + point.x, box.y + point.y);
      return undefined;
    }, { intervalMs: 1_500 });
  });
});
