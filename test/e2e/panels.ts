// Reading the Problems panel and tree views of the side bar. Both are virtualised lists (only rows on screen exist in
// the DOM), so the Problems reader scrolls through the list and keys rows by their `data-index`.
import { relative } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterTwoFrames } from './dom';

const briefly = { timeout: 1_000 };
import type { PageElement } from './dom';

/** One entry of the Problems panel. */
export interface ProblemEntry {
  /** Path relative to the workspace folder, with `/` (absolute when outside it). */
  readonly file: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  /** The diagnostic's source, e.g. the language server's name. */
  readonly source: string;
  /** The diagnostic's code, e.g. `date-invalid`. */
  readonly code: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** One row of a tree view. */
export interface TreeRow {
  readonly label: string;
  /** The dimmer text after the label. */
  readonly description: string;
  /** 1 for top-level items. */
  readonly depth: number;
  /** `true`/`false` for items with children, `undefined` for leaves. */
  readonly expanded: boolean | undefined;
}

interface RawProblemRow {
  readonly index: number;
  readonly last: boolean;
  readonly level: number;
  readonly file: string;
  readonly severity: string;
  readonly message: string;
  readonly source: string;
  readonly code: string;
  readonly position: string;
}

async function renderedProblemRows(list: Locator): Promise<RawProblemRow[]> {
  return list.evaluate((element) => [...(element as unknown as PageElement).querySelectorAll('.monaco-list-row')].map((row) => {
    const [message, source, code, position] = ['.marker-message', '.marker-source', '.marker-code', '.marker-line']
      .map((selector) => [...row.querySelectorAll(selector)].map((node) => node.textContent ?? '').join('\n').trim());
    const icon = row.querySelector('.marker-icon');
    return {
      index: Number(row.dataset.index),
      last: row.dataset.lastElement === 'true',
      level: Number(row.getAttribute('aria-level')),
      // A file row is labelled "<n> problems in file <name> of folder <folder>" (VS Code 1.100).
      file: /in file (.+) of folder (.+)$/.exec(row.getAttribute('aria-label') ?? '')?.slice(1).reverse().join('/')
        ?? (row.querySelector('.label-name')?.textContent ?? '').trim(),
      severity: ['error', 'warning', 'info'].find((kind) => icon?.classList.contains(kind)) ?? '',
      message: message ?? '', source: source ?? '', code: code ?? '', position: position ?? '',
    };
  }));
}

/** Waits for two animation frames: the workbench has then rendered what the last input changed. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(afterTwoFrames);
}

/**
 * Scrolls a list by `deltaY` pixels with a wheel event sent to its scrollable element. (The mouse wheel is not used:
 * where the mouse rests, a row's tooltip may cover the list and take the wheel.)
 */
async function scrollList(list: Locator, deltaY: number): Promise<void> {
  await list.evaluate((element, delta) => {
    const scrollable = element.querySelector('.monaco-scrollable-element') ?? element;
    scrollable.dispatchEvent(new WheelEvent('wheel', { deltaY: delta, deltaMode: 0, bubbles: true, cancelable: true }));
  }, deltaY);
  await nextFrames(list.page());
}

/** Reads every entry of the (visible) Problems panel, scrolling through it. */
export async function readProblems(page: Page, workspaceRoot: string | undefined): Promise<ProblemEntry[]> {
  const list = page.locator('.markers-panel .monaco-list').first();
  if (!await list.isVisible()) return [];
  const box = await list.boundingBox(briefly);
  if (!box) return [];
  const rows = new Map<number, RawProblemRow>();
  let rendered = await renderedProblemRows(list);
  if (rendered.length > 0 && !rendered.some((row) => row.index === 0)) {
    await scrollList(list, -1e7);
    rendered = await renderedProblemRows(list);
  }
  for (let step = 0; step < 10_000; step += 1) {
    const before = rows.size;
    for (const row of rendered) rows.set(row.index, row);
    if (rendered.length === 0 || rendered.some((row) => row.last) || rows.size === before) break;
    await scrollList(list, box.height * 0.8);
    rendered = await renderedProblemRows(list);
  }
  const entries: ProblemEntry[] = [];
  let file = '';
  for (const row of [...rows.values()].sort((a, b) => a.index - b.index)) {
    if (row.level === 1) {
      file = workspaceRoot && row.file.startsWith(workspaceRoot) ? relative(workspaceRoot, row.file).split('\\').join('/') : row.file;
    } else if (row.level === 2 && row.severity !== '') {
      const position = /Ln (\d+), Col (\d+)/.exec(row.position);
      entries.push({
        file, severity: row.severity as ProblemEntry['severity'], message: row.message, source: row.source, code: row.code.replace(/^\(|\)$/g, ''),
        line: Number(position?.[1] ?? 0), column: Number(position?.[2] ?? 0),
      });
    }
  }
  return entries;
}

/**
 * Reads the rows on screen of the side-bar view titled `name` (case-insensitive), expanding its pane first when it is
 * collapsed. `undefined` when no such view is showing (run `showView` first).
 */
export async function readTreeView(page: Page, name: string): Promise<TreeRow[] | undefined> {
  let pane: Locator | undefined;
  for (const candidate of await page.locator('.part.sidebar .pane, .part.auxiliarybar .pane, .part.panel .pane').all()) {
    const title = (await candidate.locator('.pane-header .title').first().textContent(briefly).catch(() => null))?.trim();
    if (title?.toLowerCase() === name.toLowerCase() && await candidate.isVisible()) {
      pane = candidate;
      break;
    }
  }
  if (!pane) return undefined;
  const header = pane.locator('.pane-header').first();
  if (await header.getAttribute('aria-expanded', briefly) === 'false') {
    await header.click();
    await nextFrames(page);
  }
  return pane.locator('.pane-body .monaco-list-row').evaluateAll((rows) => (rows as unknown as PageElement[]).map((row) => {
    const labelNode = row.querySelector('.label-name') ?? row.querySelector('.monaco-icon-label') ?? row;
    const expanded = row.getAttribute('aria-expanded');
    return {
      label: (labelNode.textContent ?? '').trim(),
      description: (row.querySelector('.label-description')?.textContent ?? '').trim(),
      depth: Number(row.getAttribute('aria-level') ?? 1),
      expanded: expanded === null ? undefined : expanded === 'true',
    };
  }));
}
