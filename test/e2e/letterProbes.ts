// Probes of what the extension draws in the workbench, for the end-to-end tests of the sample letters: whether a
// passage on screen is highlighted by an annotation decoration, the hover over a text with its links, the message a
// tree view shows instead of rows, and the quick inputs of a multi-step command.
// Functions passed to Playwright's evaluate run in the page: they declare no named functions (see dom.ts).
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { poll } from './poll';
import type { Workbench } from './workbench';

/** A rectangle on the page, in CSS pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Where a passage is on screen and which editor decorations lie behind it. */
export interface PassageOnScreen {
  /** One box per visual row the passage covers (several when word wrap breaks it). */
  readonly textBoxes: readonly Box[];
  /**
   * Boxes of the decorations of extension-defined types (`ced-…` classes, drawn in `.view-overlays`) that have a
   * background colour and overlap the passage.
   */
  readonly decorationBoxes: readonly Box[];
  /** The CSS class names of those decorations. */
  readonly decorationClasses: readonly string[];
}

/**
 * Finds the first occurrence of `passage` in the rows of the active editor that are on screen (wrapped rows are joined)
 * and the extension decorations with a background behind it. `undefined` when the passage is not on screen.
 */
export async function passageOnScreen(page: Page, passage: string): Promise<PassageOnScreen | undefined> {
  return page.evaluate((wanted) => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    if (editor === null) return undefined;
    const rows = [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    // Every text node of the rows, in reading order, with its offset in the joined text.
    const nodes: { node: Text; start: number }[] = [];
    let joined = '';
    for (const row of rows) {
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = (node.textContent ?? '').replace(/\u00a0/g, ' ');
        nodes.push({ node: node as Text, start: joined.length });
        joined += text;
      }
    }
    const at = joined.indexOf(wanted);
    if (at < 0) return undefined;
    const end = at + wanted.length;
    const textBoxes: { left: number; top: number; right: number; bottom: number }[] = [];
    for (const { node, start } of nodes) {
      const length = (node.textContent ?? '').length;
      if (start + length <= at || start >= end) continue;
      const range = document.createRange();
      range.setStart(node, Math.max(0, at - start));
      range.setEnd(node, Math.min(length, end - start));
      for (const rect of range.getClientRects()) {
        if (rect.width > 0) textBoxes.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
      }
    }
    const decorationBoxes: { left: number; top: number; right: number; bottom: number }[] = [];
    const decorationClasses = new Set<string>();
    for (const element of editor.querySelectorAll<HTMLElement>('.view-overlays [class*="ced-"]')) {
      const background = getComputedStyle(element).backgroundColor;
      if (background === '' || background === 'transparent' || /rgba\(.*,\s*0\)$/.test(background)) continue;
      const rect = element.getBoundingClientRect();
      const overlaps = textBoxes.some((box) => rect.left < box.right && rect.right > box.left && rect.top < box.bottom && rect.bottom > box.top);
      if (!overlaps) continue;
      decorationBoxes.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
      for (const name of element.classList) if (name.startsWith('ced-')) decorationClasses.add(name);
    }
    return { textBoxes, decorationBoxes, decorationClasses: [...decorationClasses] };
  }, passage);
}

/** Width of `box` that `cover` overlaps on the same row. */
function coveredWidth(box: Box, cover: Box): number {
  const sameRow = cover.top < box.bottom && cover.bottom > box.top;
  return sameRow ? Math.max(0, Math.min(box.right, cover.right) - Math.max(box.left, cover.left)) : 0;
}

/** Whether decorations cover (nearly) all of every row of the passage; a pixel of rounding is allowed per edge. */
export function isHighlighted(onScreen: PassageOnScreen): boolean {
  return onScreen.textBoxes.length > 0 && onScreen.textBoxes.every((box) => {
    const covered = onScreen.decorationBoxes.reduce((sum, cover) => sum + coveredWidth(box, cover), 0);
    return covered >= box.right - box.left - 2;
  });
}

/** Polls until `passage` is on screen in the active editor and highlighted by an annotation decoration. */
export async function waitForHighlight(page: Page, passage: string, timeoutMs?: number): Promise<PassageOnScreen> {
  return poll(`"${passage}" to be highlighted`, async () => {
    const onScreen = await passageOnScreen(page, passage);
    if (onScreen === undefined) throw new Error('the passage is not on screen');
    if (!isHighlighted(onScreen)) throw new Error(`decorations behind it: ${JSON.stringify(onScreen.decorationBoxes)}`);
    return onScreen;
  }, { timeoutMs });
}

/** What a hover shows: its text and the targets of its links. */
export interface HoverContent {
  readonly text: string;
  readonly links: readonly string[];
}

const visibleHover = '.monaco-editor .monaco-hover:not(.hidden)';

/**
 * Selects an occurrence of `text` (to find it on screen), moves the mouse over it as a person would, and polls until
 * the hover contains `expect`. The hover stays open (for a screenshot); {@link closeHover} closes it.
 */
export async function hoverOver(workbench: Workbench, text: string, expect: string): Promise<HoverContent> {
  const page = workbench.page;
  await workbench.select(text);
  const box = await poll(`the selection of "${text}" on screen`, async () =>
    (await page.locator('.editor-instance .monaco-editor .view-overlays .selected-text').first().boundingBox()) ?? undefined);
  // Collapse the selection to its start so that the hover is about the text, not the selection.
  await page.keyboard.press('ArrowLeft');
  const x = box.x + Math.min(box.width / 2, 30);
  const y = box.y + box.height / 2;
  const hover = page.locator(visibleHover).first();
  let movedAt = 0;
  return poll(`the hover over "${text}" to contain "${expect}"`, async () => {
    if (!await hover.isVisible()) {
      if (Date.now() - movedAt > 2_000) {
        await page.mouse.move(x, y - box.height * 3);
        await page.mouse.move(x, y, { steps: 3 });
        movedAt = Date.now();
      }
      return undefined;
    }
    const shown = (await hover.innerText()).trim();
    if (!shown.includes(expect)) throw new Error(`the hover shows "${shown.slice(0, 200)}"`);
    const links = await hover.locator('a').evaluateAll((anchors) => anchors
      .map((anchor) => anchor.getAttribute('data-href') ?? anchor.getAttribute('href') ?? '')
      .filter((target) => target !== ''));
    return { text: shown, links };
  });
}

/** Closes an open hover (Escape) and waits until it is gone. */
export async function closeHover(page: Page): Promise<void> {
  const hover = page.locator(visibleHover).first();
  await page.keyboard.press('Escape');
  await poll('the hover to close', async () => await hover.isVisible() ? undefined : true);
}

/** The message a side-bar view shows above or instead of its rows (a tree view's `message`), or `''`. */
export async function treeViewMessage(page: Page, name: string): Promise<string> {
  for (const pane of await page.locator('.part.sidebar .pane').all()) {
    const title = (await pane.locator('.pane-header .title').first().textContent().catch(() => null))?.trim();
    if (title?.toLowerCase() !== name.toLowerCase() || !await pane.isVisible()) continue;
    const message = pane.locator('.pane-body .message');
    return await message.count() > 0 ? (await message.first().innerText()).trim() : '';
  }
  return '';
}

/** The title of the open quick input (a multi-step command shows its step there), or `undefined` when none is open. */
export async function quickInputTitle(page: Page): Promise<string | undefined> {
  const widget = page.locator('.quick-input-widget');
  if (!await widget.isVisible()) return undefined;
  return (await widget.locator('.quick-input-title').textContent())?.trim() ?? '';
}

/**
 * Waits for the quick input titled like `title`, types `value` into it, waits until a row labelled `row` is listed
 * when given (e.g. a new tag the picker offers), and presses Enter.
 */
export async function answerStep(page: Page, title: string, value: string, row?: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await poll(`the quick input "${title}"`, async () => {
    const shown = await quickInputTitle(page);
    if (shown === undefined || !shown.includes(title)) throw new Error(`the quick input title is ${JSON.stringify(shown)}`);
    return await input.isVisible() ? true : undefined;
  });
  await input.fill(value);
  if (row !== undefined) {
    await poll(`"${row}" listed in "${title}"`, async () => {
      const labels = (await page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents()).map((label) => label.trim());
      if (!labels.includes(row)) throw new Error(`listed: ${JSON.stringify(labels)}`);
      return true;
    });
  }
  await input.press('Enter');
  await poll(`the quick input "${title}" to be answered`, async () => {
    const shown = await quickInputTitle(page);
    return shown === undefined || !shown.includes(title) ? true : undefined;
  });
}

/**
 * Runs one step of a test; when it fails, saves a screenshot `failed-<name>` of the workbench and names its path in the
 * error, so that a failure in CI shows what the screen looked like.
 */
export async function screenshotOnFailure(workbench: Workbench, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const path = await workbench.screenshot(`failed-${name}`).catch(() => 'none (the page is gone)');
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nScreenshot: ${path}`, { cause: error });
  }
}

/**
 * The steps of a suite on one workbench: each a test that keeps a screenshot when it fails, run with the mouse moved
 * off the workbench first (a tab's or a row's tooltip left under it would cover the Command Palette).
 */
export function mouseAwaySteps(workbench: () => Workbench): (title: string, screenshot: string, body: () => Promise<void>) => void {
  return (title, screenshot, body) => {
    it(title, () => screenshotOnFailure(workbench(), screenshot, async () => {
      await workbench().page.mouse.move(1, 1);
      await body();
    }));
  };
}

/** Types `text` into the Problems panel's filter box (empty: no filter); the panel then lists only matching entries. */
export async function filterProblems(page: Page, text: string): Promise<void> {
  const filter = page.getByPlaceholder(/^Filter \(e\.g\./);
  await filter.fill(text);
}
