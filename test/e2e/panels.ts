// Reading the Problems panel and tree views of the side bar. Both are virtualised lists (only rows on screen exist in
// the DOM), so the Problems reader scrolls through the list and keys rows by their `data-index`.
import { relative } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterTwoFrames } from './dom';
import type { PageElement } from './dom';
import { poll } from './poll';

const briefly = { timeout: 1_000 };

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
  // Rows of the list proper; the tree's sticky header repeats a file row above them.
  return list.evaluate((element) => [...(element as unknown as PageElement).querySelectorAll('.monaco-list-rows > .monaco-list-row')].map((row) => {
    const [message, source, code, position] = ['.marker-message', '.marker-source', '.marker-code', '.marker-line']
      .map((selector) => [...row.querySelectorAll(selector)].map((node) => node.textContent ?? '').join('\n').trim());
    const icon = row.querySelector('.marker-icon');
    return {
      index: Number(row.dataset.index),
      last: row.dataset.lastElement === 'true',
      level: Number(row.getAttribute('aria-level')),
      // A file row carries the absolute path on its icon label; its own label reads "<n> problems in file <name> of
      // folder <folder>" (VS Code 1.100), used when the icon label has none.
      file: row.querySelector('.monaco-icon-label')?.getAttribute('aria-label')
        ?? /in file (.+) of folder (.+)$/.exec(row.getAttribute('aria-label') ?? '')?.slice(1).reverse().join('/')
        ?? '',
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
 * Scrolls a list by a mouse wheel over its right edge (its scrollbar). A synthetic wheel event does not scroll VS Code
 * lists; over a row's text, the wheel would land on the row's tooltip once it shows.
 */
async function scrollList(list: Locator, deltaY: number): Promise<void> {
  const box = await list.boundingBox(briefly);
  if (!box) return;
  await list.page().mouse.move(box.x + box.width - 4, box.y + box.height / 2);
  await list.page().mouse.wheel(0, deltaY);
}

/** Reads every entry of the (visible) Problems panel, scrolling through it. */
export async function readProblems(page: Page, workspaceRoot: string | undefined): Promise<ProblemEntry[]> {
  const list = page.locator('.markers-panel .monaco-list').first();
  if (!await list.isVisible()) return [];
  const box = await list.boundingBox(briefly);
  if (!box) return [];
  const rows = new Map<number, RawProblemRow>();
  const scroll = async (deltaY: number, accept: (rendered: RawProblemRow[]) => boolean): Promise<RawProblemRow[] | undefined> => {
    await scrollList(list, deltaY);
    return poll('the Problems list to scroll', async () => {
      const now = await renderedProblemRows(list);
      return accept(now) ? now : undefined;
    }, { timeoutMs: 1_000, intervalMs: 30 }).catch(() => undefined);
  };
  const lastIndex = (rendered: RawProblemRow[]): number => Math.max(-1, ...rendered.map((row) => row.index));
  let rendered = await renderedProblemRows(list);
  // Back to the top first; one huge wheel is ignored, so several big ones.
  for (let step = 0; step < 1_000 && rendered.length > 0 && !rendered.some((row) => row.index === 0); step += 1) {
    const first = Math.min(...rendered.map((row) => row.index));
    rendered = await scroll(-box.height * 20, (now) => Math.min(...now.map((row) => row.index)) < first) ?? rendered;
  }
  // The list scrolls by a fraction of a wheel's delta (a sixth in VS Code 1.100), so a wheel of two list heights
  // moves it by a third of what it shows and no row is skipped; the check below would tell if one were.
  for (let step = 0; step < 10_000 && rendered.length > 0; step += 1) {
    for (const row of rendered) rows.set(row.index, row);
    if (rendered.some((row) => row.last)) break;
    const seen = lastIndex(rendered);
    const next = await scroll(box.height * 2, (now) => lastIndex(now) > seen);
    if (!next) break;
    rendered = next;
  }
  const indexes = [...rows.keys()].sort((a, b) => a - b);
  if (indexes.some((index, position) => index !== position)) {
    throw new Error(`The Problems list skipped rows while scrolling (read rows ${indexes.join(' ')})`);
  }
  const entries: ProblemEntry[] = [];
  let file = '';
  for (const row of [...rows.values()].sort((a, b) => a.index - b.index)) {
    if (row.level === 1) {
      file = workspaceRoot && row.file.startsWith(workspaceRoot) ? relative(workspaceRoot, row.file).split('\\').join('/') : row.file.replace(/^\.\//, '');
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
  // Rows in list order: the DOM keeps rendered rows in the order they were created, not by their index.
  return pane.locator('.pane-body .monaco-list-rows > .monaco-list-row').evaluateAll((rows) => (rows as unknown as PageElement[])
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index)).map((row) => {
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
