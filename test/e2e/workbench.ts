// Helpers that drive the VS Code workbench in the browser the way a person would (keyboard, Quick Open, the
// Command Palette, the mouse) and read what it shows. The DOM selectors are VS Code 1.100's; README.md lists them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { PageElement } from './dom';
import { defaultTimeoutMs, poll } from './poll';
import { nextFrames, readProblems, readTreeView } from './panels';
import type { ProblemEntry, TreeRow } from './panels';

export type { ProblemEntry, TreeRow } from './panels';

/** Where the cursor is, from the status bar (`Ln 84, Col 259 (11 selected)`), 1-based. */
export interface CursorPosition {
  readonly line: number;
  readonly column: number;
  /** Number of selected characters; 0 without a selection. */
  readonly selected: number;
}

/** Options of {@link Workbench.select}, {@link Workbench.placeCursor} and {@link Workbench.hover}. */
export interface FindOptions {
  /** Which occurrence of the text, counted from the top of the file (1-based, case-sensitive); default 1. */
  readonly occurrence?: number;
}

/** For reads inside a poll: an element that went away fails fast, and the poll tries again. */
export const briefly = { timeout: 1_000 };
const quickInput = '.quick-input-widget';
const activeTab = '.tabs-container .tab.active';
const findInput = '.find-widget.visible textarea[aria-label="Find"]';
const visibleHover = '.monaco-editor .monaco-hover:not(.hidden)';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Drives one workbench page. */
export class Workbench {
  constructor(
    /** The Playwright page, for anything the helpers do not cover. */
    readonly page: Page,
    private readonly screenshotDir: string,
    private readonly workspaceRoot?: string,
  ) {}

  private async openQuickInput(shortcut: string, prefix: string): Promise<Locator> {
    if (await this.page.locator(quickInput).isVisible()) await this.page.keyboard.press('Escape');
    await this.page.keyboard.press(shortcut);
    const input = this.page.locator(`${quickInput} .quick-input-box input`);
    await poll(`the quick input opened by ${shortcut}`, async () =>
      await input.isVisible() && (await input.inputValue(briefly)).startsWith(prefix) ? true : undefined);
    return input;
  }

  /**
   * Clicks the first row of the open quick input whose label is `label` (and whose description contains
   * `description`). The locator is resolved again at each try, so rows re-rendered while results arrive do not matter.
   */
  private async pickQuickInputRow(label: string, what: string, description?: string): Promise<void> {
    const row = this.quickInputRow(label, description);
    try {
      await row.first().click();
    } catch (error) {
      const listed = await this.page.locator(`${quickInput} .monaco-list-row .label-name`).allTextContents();
      throw new Error(`Gave up waiting for ${what}; listed: ${JSON.stringify(listed)}`, { cause: error });
    }
  }

  private quickInputRow(label: string, description?: string): Locator {
    const row = this.page.locator(`${quickInput} .monaco-list-row`)
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
    return description === undefined ? row : row.filter({ has: this.page.locator('.label-description', { hasText: description }) });
  }

  private async waitForQuickInputClosed(): Promise<void> {
    await poll('the quick input to close', async () => await this.page.locator(quickInput).isVisible() ? undefined : true);
  }

  /**
   * Opens a file of the workspace by its path relative to the folder with Quick Open (Ctrl+P) and waits until its
   * editor shows. The first file search of a session can be slow on a busy machine; the path is typed again every
   * 5 s until the file is listed.
   */
  async openFile(relativePath: string): Promise<void> {
    const parts = relativePath.split('/');
    const name = parts.pop() ?? relativePath;
    const input = await this.openQuickInput('Control+P', '');
    const row = this.quickInputRow(name, parts.length > 0 ? parts.join('/') : undefined);
    let typedAt = 0;
    await poll(`Quick Open to list ${relativePath}`, async () => {
      if (await row.count() > 0) return true;
      if (Date.now() - typedAt > 5_000) {
        await input.fill('');
        await input.fill(relativePath);
        typedAt = Date.now();
      }
      return undefined;
    }, { timeoutMs: defaultTimeoutMs * 2 });
    await this.pickQuickInputRow(name, `Quick Open to list ${relativePath}`, parts.length > 0 ? parts.join('/') : undefined);
    await this.waitForQuickInputClosed();
    await poll(`the editor of ${relativePath}`, async () =>
      await this.activeEditor() === name && await this.page.locator('.editor-instance .monaco-editor .view-line').first().isVisible()
        ? true : undefined);
  }

  /**
   * Runs a command from the Command Palette by its full title as listed there, e.g. `View: Toggle Word Wrap`.
   * Returns once the palette has closed or the command has opened an input of its own ({@link answerQuickInput}).
   */
  async runCommand(title: string): Promise<void> {
    const input = await this.openQuickInput('Control+Shift+P', '>');
    await input.fill(`>${title}`);
    await this.pickQuickInputRow(title, `the Command Palette to list "${title}"`);
    await poll(`the Command Palette to run "${title}"`, async () =>
      !await input.isVisible() || await input.inputValue(briefly) !== `>${title}` ? true : undefined);
  }

  /**
   * Answers an input box or quick pick that a command opened: types `value` and presses Enter. Returns once the
   * input has closed or the command has moved on to its next input.
   */
  async answerQuickInput(value: string): Promise<void> {
    const input = this.page.locator(`${quickInput} .quick-input-box input`);
    await poll('a quick input to answer', async () => await input.isVisible() ? true : undefined);
    await input.fill(value);
    await input.press('Enter');
    await poll(`the quick input to take "${value}"`, async () =>
      !await input.isVisible() || await input.inputValue(briefly) !== value ? true : undefined);
  }

  /** Picks the item labelled `label` in a quick pick that a command opened; returns once it is no longer listed. */
  async pickQuickItem(label: string): Promise<void> {
    await this.pickQuickInputRow(label, `the quick pick to list "${label}"`);
    await poll(`the quick pick to take "${label}"`, async () =>
      !await this.page.locator(quickInput).isVisible() || await this.quickInputRow(label).count() === 0 ? true : undefined);
  }

  /** Shows a view by its name as `View: Open View` lists it, e.g. `Outline` or a view the extension contributes. */
  async showView(name: string): Promise<void> {
    const input = await this.openQuickInput('Control+Shift+P', '>');
    await input.fill(`view ${name}`);
    await this.pickQuickInputRow(name, `Open View to list "${name}"`);
    await this.waitForQuickInputClosed();
  }

  /** File name of the active editor tab, or `undefined` without one. */
  async activeEditor(): Promise<string | undefined> {
    const tab = this.page.locator(activeTab).first();
    return await tab.count() > 0 ? (await tab.getAttribute('data-resource-name', briefly)) ?? undefined : undefined;
  }

  /** The language mode of the active editor as the status bar names it, e.g. `Plain Text`. */
  async languageMode(): Promise<string | undefined> {
    const item = this.page.locator('[id="status.editor.mode"]');
    return await item.isVisible() ? (await item.textContent(briefly))?.trim() : undefined;
  }

  /** Moves the keyboard focus into the active editor (Ctrl+1) and waits until it is there. */
  async focusEditor(): Promise<void> {
    await this.page.keyboard.press('Control+1');
    await poll('the keyboard focus in the editor', async () => await this.page.locator('body').evaluate((body) => {
      const active = (body as unknown as PageElement).ownerDocument.activeElement;
      return active?.closest('.editor-instance .monaco-editor') !== null && active?.closest('.find-widget') === null ? true : undefined;
    }));
  }

  /** The cursor position and selection size, as the status bar shows them. */
  async cursor(): Promise<CursorPosition | undefined> {
    const text = await this.page.locator('[id="status.editor.selection"]').textContent(briefly).catch(() => null);
    const match = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text ?? '');
    if (!match) return undefined;
    return { line: Number(match[1]), column: Number(match[2]), selected: Number(match[3] ?? 0) };
  }

  /** Selects an occurrence of `text` in the active editor with the Find widget (case-sensitive, not regex). */
  async select(text: string, options: FindOptions = {}): Promise<CursorPosition> {
    const occurrence = options.occurrence ?? 1;
    await this.focusEditor();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const input = this.page.locator(findInput);
    await poll('the Find widget', async () => await input.isVisible() ? true : undefined);
    for (const [toggle, wanted] of [['case-sensitive', 'true'], ['whole-word', 'false'], ['regex', 'false']] as const) {
      const button = this.page.locator(`.find-widget.visible .monaco-custom-toggle.codicon-${toggle}`);
      if (await button.getAttribute('aria-checked', briefly) !== wanted) await button.click();
    }
    await input.fill(text);
    const count = this.page.locator('.find-widget.visible .matchesCount');
    // The widget shows "2 of 5", or "? of 5" while the cursor is on no match (it then needs one Enter).
    const currentMatch = async (): Promise<number> => poll(`"${text}" in the Find widget`, async () => {
      const shown = (await count.textContent(briefly)) ?? '';
      const match = /^(\d+|\?) of (\d+)/.exec(shown);
      if (!match) throw new Error(`the Find widget says "${shown}"`);
      if (Number(match[2]) < occurrence) throw new Error(`"${text}" occurs only ${match[2]} times`);
      return match[1] === '?' ? 0 : Number(match[1]);
    }, { timeoutMs: 5_000 });
    for (let current = await currentMatch(); current !== occurrence;) {
      await input.press('Enter');
      current = await poll(`match ${current + 1} of "${text}"`, async () => {
        const next = await currentMatch();
        return next !== current ? next : undefined;
      }, { timeoutMs: 5_000 });
    }
    await input.press('Escape');
    return poll(`the selection of "${text}"`, async () => {
      const position = await this.cursor();
      return position && position.selected > 0 && !await input.isVisible() ? position : undefined;
    });
  }

  /** Puts the cursor at the start (default) or end of an occurrence of `text`, without a selection. */
  async placeCursor(text: string, options: FindOptions & { readonly at?: 'start' | 'end' } = {}): Promise<CursorPosition> {
    await this.select(text, options);
    await this.page.keyboard.press(options.at === 'end' ? 'ArrowRight' : 'ArrowLeft');
    return poll('the selection to collapse', async () => {
      const position = await this.cursor();
      return position?.selected === 0 ? position : undefined;
    });
  }

  /** Types text where the keyboard focus is (the editor after {@link select} or {@link placeCursor}). */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** Presses one key or chord, e.g. `Enter`, `Control+Z`. */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Saves the active editor (Ctrl+S) and waits until its tab is no longer marked dirty. */
  async save(): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+S');
    await poll('the active editor to be saved', async () => {
      const classes = await this.page.locator(activeTab).first().getAttribute('class', briefly);
      return classes !== null && !classes.split(' ').includes('dirty') ? true : undefined;
    });
  }

  /**
   * Moves the mouse over an occurrence of `text` and returns the hover's text once it has settled (unchanged for
   * 300 ms) or, with `expect`, once it contains `expect`. The hover is closed afterwards.
   */
  async hover(text: string, options: FindOptions & { readonly expect?: string } = {}): Promise<string> {
    await this.select(text, options);
    const box = await poll(`the selection of "${text}" on screen`, async () =>
      (await this.page.locator('.editor-instance .monaco-editor .view-overlays .selected-text').first().boundingBox(briefly)) ?? undefined);
    const x = box.x + Math.min(box.width / 2, 40);
    const y = box.y + box.height / 2;
    const hover = this.page.locator(visibleHover).first();
    let movedAt = 0;
    let last = '';
    let since = Date.now();
    const result = await poll(`the hover over "${text}"${options.expect ? ` to contain "${options.expect}"` : ''}`, async () => {
      if (!await hover.isVisible()) {
        // Move onto the text (again, if a hover that showed went away or none came after a while).
        if (Date.now() - movedAt > 2_000) {
          await this.page.mouse.move(x, y - box.height * 3);
          await this.page.mouse.move(x, y, { steps: 2 });
          movedAt = Date.now();
        }
        last = '';
        return undefined;
      }
      const shown = (await hover.innerText(briefly)).trim();
      if (shown !== last) {
        last = shown;
        since = Date.now();
      }
      if (shown === '' || /^Loading/.test(shown)) return undefined;
      if (options.expect !== undefined) return shown.includes(options.expect) ? shown : undefined;
      return Date.now() - since >= 300 ? shown : undefined;
    });
    await this.page.keyboard.press('Escape');
    await poll('the hover to close', async () => await hover.isVisible() ? undefined : true);
    return result;
  }

  /** Opens the Problems panel when it is not showing (Ctrl+Shift+M) and returns every entry, scrolling through. */
  async problems(): Promise<ProblemEntry[]> {
    if (!await this.page.locator('.markers-panel').isVisible()) {
      await this.page.keyboard.press('Control+Shift+M');
      await poll('the Problems panel', async () => await this.page.locator('.markers-panel').isVisible() ? true : undefined);
      await nextFrames(this.page);
    }
    return readProblems(this.page, this.workspaceRoot);
  }

  /** Polls the Problems panel until `accept` holds for its entries; returns them. */
  async waitForProblems(what: string, accept: (entries: ProblemEntry[]) => boolean, timeoutMs?: number): Promise<ProblemEntry[]> {
    return poll(`Problems: ${what}`, async () => {
      const entries = await this.problems();
      return accept(entries) ? entries : undefined;
    }, { timeoutMs });
  }

  /**
   * Rows on screen of the side-bar view titled `name` (case-insensitive), e.g. a tree the extension contributes; the
   * view is shown with `View: Open View` first when it is not on screen, and its pane expanded.
   */
  async treeView(name: string): Promise<TreeRow[]> {
    const rows = await readTreeView(this.page, name);
    if (rows !== undefined) return rows;
    await this.showView(name);
    return poll(`the view "${name}"`, async () => readTreeView(this.page, name));
  }

  /** Polls the view titled `name` until `accept` holds for its rows; returns them. */
  async waitForTreeView(name: string, what: string, accept: (rows: TreeRow[]) => boolean): Promise<TreeRow[]> {
    return poll(`view "${name}": ${what}`, async () => {
      const rows = await this.treeView(name);
      return accept(rows) ? rows : undefined;
    });
  }

  /** Texts of the notification toasts showing now. */
  async notifications(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
  }

  /** Polls until a notification toast contains `text`; returns its full text. */
  async waitForNotification(text: string): Promise<string> {
    return poll(`a notification containing "${text}"`, async () => (await this.notifications()).find((shown) => shown.includes(text)));
  }

  /** Triggers suggestions at the cursor (Ctrl+Space), returns the labels listed, and closes the list. */
  async completions(): Promise<string[]> {
    await this.page.keyboard.press('Control+Space');
    const rows = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row .label-name');
    const labels = await poll('the suggestion list', async () => {
      const shown = (await rows.allTextContents()).map((label) => label.trim());
      return shown.length > 0 ? shown : undefined;
    });
    await this.page.keyboard.press('Escape');
    return labels;
  }

  /** Texts of the code lenses in the visible part of the active editor. */
  async codeLenses(): Promise<string[]> {
    return (await this.page.locator('.editor-instance .monaco-editor .codelens-decoration').allInnerTexts()).map((text) => text.trim());
  }

  /** The lines of the active editor that are on screen, top to bottom. */
  async visibleText(): Promise<string> {
    return this.page.locator('body').evaluate((body) => [...(body as unknown as PageElement).querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
      .join('\n'));
  }

  /**
   * Renames a file of the workspace's top folder in the Explorer as a person would: shows the Explorer, clicks the
   * file's row, presses F2, types the new name and Enter; returns once the Explorer lists the new name.
   */
  async renameInExplorer(name: string, newName: string): Promise<void> {
    await this.page.keyboard.press('Control+Shift+E');
    const rowNamed = (label: string) => this.page.locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
    await poll(`the Explorer to list ${name}`, async () => await rowNamed(name).count() > 0 ? true : undefined);
    await rowNamed(name).first().click();
    await this.page.keyboard.press('F2');
    const input = this.page.locator('.explorer-folders-view .monaco-inputbox input');
    await poll('the rename box in the Explorer', async () => await input.isVisible() ? true : undefined);
    await input.fill(newName);
    await input.press('Enter');
    await poll(`the Explorer to list ${newName}`, async () => await rowNamed(newName).count() > 0 && await rowNamed(name).count() === 0 ? true : undefined);
  }

  /** Saves a screenshot of the page as `test-results/screenshots/<step>.png`; returns its path. */
  async screenshot(step: string): Promise<string> {
    mkdirSync(this.screenshotDir, { recursive: true });
    const path = join(this.screenshotDir, `${step.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
