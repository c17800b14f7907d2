// End-to-end: annotating a sample letter in VS Code as a person would, and what happens to the annotation when the
// letter is edited in the editor, changed on disk by another tool, or when its sidecar is broken by hand. The steps
// run in order on one VS Code with a fresh copy of samples/letters/; every check reads a real state: the sidecar
// from disk (parsed with `yaml`), the Problems panel, the annotation views and the highlight drawn in the editor.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { VSCode } from './harness';
import { launchVSCode, poll } from './harness';
import { answerStep, filterProblems, passageOnScreen, screenshotOnFailure, treeViewMessage, waitForHighlight } from './letterProbes';

const letter = '001_fcfde71c67116c43.txt';
const sidecar = `${letter}.annotations.yaml`;
/** The annotated passage: unique in the letter, in the paragraph on the attack on Barda. */
const passage = 'the death of 21 civilians';
const paragraphStart = 'On 28 October, the city centre of Barda';
const tag = 'casualty-figure';
const note = 'Compare with the OHCHR figures.';
const typedLine = 'A line typed above the annotation.';

interface SidecarAnnotation {
  readonly id: string;
  readonly tags: readonly string[];
  readonly note?: string;
  readonly target: { readonly exact: string; readonly prefix?: string; readonly suffix?: string; readonly start: number; readonly end: number };
}

/** The annotations of a sidecar on disk; throws (a "not yet" for `poll`) while it is missing or does not parse. */
function readSidecar(vscode: VSCode, path: string): SidecarAnnotation[] {
  const document = parse(vscode.readFile(path)) as { annotations?: SidecarAnnotation[] } | null;
  return document?.annotations ?? [];
}

/** Code-point offset of the first occurrence of `text` in `content` (sidecar offsets count code points). */
function codePointOffset(content: string, text: string): number {
  const at = content.indexOf(text);
  assert.ok(at >= 0, `"${text}" is in the letter`);
  return [...content.slice(0, at)].length;
}

describe('annotating a sample letter', () => {
  let vscode: VSCode;
  let annotationId = '';

  before(async () => {
    vscode = await launchVSCode({ fixture: 'samples/letters', settings: {
      'diplomaticLetters.annotations.author': 'e2e',
      // No grey boxes around other occurrences of the word at the cursor: the screenshots show the highlights only.
      'editor.occurrencesHighlight': 'off',
      'editor.selectionHighlight': false,
    } });
  });

  after(async () => {
    await vscode?.close();
  });

  /** A test whose failure leaves a screenshot `failed-<screenshot>`; on success the step saves `<screenshot>` itself. */
  const step = (title: string, screenshot: string, body: () => Promise<void>): void => {
    it(title, () => screenshotOnFailure(vscode, screenshot, body));
  };

  step('annotates a selected passage with a new tag and a note', '04-annotate-selection', async () => {
    await vscode.openFile(letter);
    await vscode.select(passage);
    await vscode.runCommand('Diplomatic Letters: Annotate Selection');
    await answerStep(vscode.page, 'Annotate Selection (1/2)', tag, tag);
    await answerStep(vscode.page, 'Annotate Selection (2/2)', note);

    const annotations = await poll(`${sidecar} with the annotation`, () => {
      const found = readSidecar(vscode, sidecar);
      return Promise.resolve(found.length > 0 ? found : undefined);
    });
    assert.equal(annotations.length, 1);
    const [annotation] = annotations as [SidecarAnnotation];
    annotationId = annotation.id;
    assert.equal(annotation.target.exact, passage);
    assert.deepEqual(annotation.tags, [tag]);
    assert.equal(annotation.note, note);
    const start = codePointOffset(vscode.readFile(letter), passage);
    assert.deepEqual([annotation.target.start, annotation.target.end], [start, start + [...passage].length]);

    await vscode.waitForTreeView('Tags', `the tag ${tag} with one annotation`, (rows) =>
      rows.some((row) => row.label === tag && row.description.startsWith('1')));
    await vscode.page.locator('.part.sidebar .monaco-list-row', { hasText: tag }).first().click();
    // The letter is named as people name it, not by its file name.
    await vscode.waitForTreeView('Tags', 'the annotation under its tag', (rows) =>
      rows.some((row) => row.depth === 2 && row.label === passage && row.description === 'A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020'));
    await vscode.focusEditor();
    await vscode.press('ArrowRight');
    await waitForHighlight(vscode.page, passage);
    await vscode.screenshot('04-annotate-selection');
  });

  step('moves the annotation when a line is typed above it, and saves the new positions', '05-annotation-follows-edit', async () => {
    assert.ok(annotationId !== '', 'needs the annotation of the previous step');
    const before = readSidecar(vscode, sidecar).find((annotation) => annotation.id === annotationId)!;
    await vscode.placeCursor(paragraphStart);
    await vscode.type(typedLine);
    await vscode.press('Enter');
    await vscode.press('Enter');
    await waitForHighlight(vscode.page, passage);
    await vscode.save();

    const inserted = [...`${typedLine}\n\n`].length;
    assert.ok(vscode.readFile(letter).includes(`${typedLine}\n\n${paragraphStart}`), 'the typed line is saved');
    const moved = await poll('the sidecar positions to move by the typed line', () => {
      const annotation = readSidecar(vscode, sidecar).find((candidate) => candidate.id === annotationId);
      if (annotation?.target.start !== before.target.start + inserted) throw new Error(`target is ${JSON.stringify(annotation?.target)}`);
      return Promise.resolve(annotation);
    });
    assert.equal(moved.target.end, before.target.end + inserted);
    assert.equal(moved.target.exact, passage);
    assert.equal(moved.target.start, codePointOffset(vscode.readFile(letter), passage));
    await waitForHighlight(vscode.page, passage);
    await vscode.screenshot('05-annotation-follows-edit');
  });

  step('finds the passage again after a change on disk, and keeps it as orphaned once it is deleted', '06-external-change-and-orphan', async () => {
    assert.ok(annotationId !== '', 'needs the annotation of the previous steps');
    // Another tool rewrites the letter: a new paragraph near the top moves the passage down.
    const added = 'A paragraph that another tool added before the body of the letter.\n\n';
    const original = vscode.readFile(letter);
    const bodyStart = 'In order to realize its unlawful and groundless territorial claims';
    writeFileSync(vscode.file(letter), original.replace(bodyStart, `${added}${bodyStart}`));
    // The editor reloads the letter from disk (it has no unsaved changes): the Find widget finds the new paragraph.
    await poll('the editor to show the change on disk', async () => vscode.select(added.trim()));
    await vscode.select(passage);
    await vscode.press('ArrowRight');
    await waitForHighlight(vscode.page, passage);
    await vscode.waitForTreeView('This Letter', 'the annotation attached', (rows) =>
      rows.some((row) => row.label === passage && !row.description.startsWith('orphaned')));
    const problems = await vscode.problems();
    assert.ok(!problems.some((entry) => entry.file === letter && entry.code === 'annotation-orphaned'), 'no annotation-orphaned after the move');

    // The paragraph with the passage is deleted on disk.
    const moved = vscode.readFile(letter);
    const paragraph = moved.slice(moved.indexOf(paragraphStart), moved.indexOf('\n', moved.indexOf(paragraphStart)) + 1);
    assert.ok(paragraph.includes(passage));
    writeFileSync(vscode.file(letter), moved.replace(paragraph, ''));
    await vscode.waitForTreeView('This Letter', 'the annotation shown as orphaned', (rows) =>
      rows.some((row) => row.label === 'Orphaned') && rows.some((row) => row.label === passage && row.description.startsWith('orphaned')));
    await vscode.waitForProblems('annotation-orphaned in 001', (entries) =>
      entries.some((entry) => entry.file === letter && entry.code === 'annotation-orphaned'));
    const kept = readSidecar(vscode, sidecar).find((annotation) => annotation.id === annotationId);
    assert.ok(kept !== undefined, 'the orphan is still in the sidecar');
    assert.equal(kept.target.exact, passage);
    assert.deepEqual(kept.tags, [tag]);
    assert.equal(await passageOnScreen(vscode.page, passage), undefined, 'the passage is gone from the editor');
    await filterProblems(vscode.page, 'annotation-orphaned');
    await vscode.waitForProblems('only annotation-orphaned listed', (entries) => entries.length === 1);
    await vscode.screenshot('06-external-change-and-orphan');
    await filterProblems(vscode.page, '');
  });

  step('reports a sidecar broken by hand and leaves it as it was', '07-broken-sidecar', async () => {
    const brokenLetter = '000_c1c47ee4ee510e2c.txt';
    const brokenSidecar = `${brokenLetter}.annotations.yaml`;
    const text = vscode.readFile(brokenLetter);
    const exact = 'Armenia';
    const start = codePointOffset(text, exact);
    // A valid sidecar written by hand first, as SPEC.md shows it, so that the letter has an annotation to lose.
    writeFileSync(vscode.file(brokenSidecar), [
      `# Annotations of ${brokenLetter}, written by hand.`,
      'version: 1',
      'document:',
      `  file: ${brokenLetter}`,
      'annotations:',
      '  - id: hand01',
      '    tags: [hand-written]',
      '    created: 2026-11-23T10:00:00Z',
      '    target:',
      `      exact: ${exact}`,
      `      start: ${start}`,
      `      end: ${start + exact.length}`,
      '',
    ].join('\n'));
    await vscode.openFile(brokenLetter);
    await vscode.waitForTreeView('This Letter', 'the hand-written annotation', (rows) => rows.some((row) => row.label === exact));

    // The user breaks the YAML: an unclosed flow sequence.
    const broken = vscode.readFile(brokenSidecar).replace('tags: [hand-written]', 'tags: [hand-written');
    writeFileSync(vscode.file(brokenSidecar), broken);
    await vscode.waitForProblems('sidecar-invalid on the sidecar and on the letter', (entries) =>
      entries.some((entry) => entry.code === 'sidecar-invalid' && entry.file === brokenLetter)
      && entries.some((entry) => entry.code === 'sidecar-invalid' && entry.file === brokenSidecar));
    const message = await poll('the This Letter view to say the sidecar is invalid', async () => {
      await vscode.treeView('This Letter');
      const shown = await treeViewMessage(vscode.page, 'This Letter');
      return /not valid/.test(shown) ? shown : undefined;
    });
    assert.match(message, /line \d+/, 'the view names the line of the problem');

    // Annotating in that letter must not overwrite the file: the user is told instead.
    await vscode.focusEditor();
    await vscode.select('Prevention of armed conflict');
    await vscode.runCommand('Diplomatic Letters: Annotate Selection');
    await answerStep(vscode.page, 'Annotate Selection (1/2)', 'second-tag', 'second-tag');
    await answerStep(vscode.page, 'Annotate Selection (2/2)', '');
    const notification = await vscode.waitForNotification(`The sidecar ${brokenSidecar} is not valid`);
    assert.match(notification, /so it was not changed/);
    assert.equal(vscode.readFile(brokenSidecar), broken, 'the broken sidecar is left as it was');
    assert.ok(existsSync(vscode.file(brokenSidecar)));
    await filterProblems(vscode.page, 'sidecar-invalid');
    await vscode.waitForProblems('only sidecar-invalid listed', (entries) => entries.every((entry) => entry.code === 'sidecar-invalid'));
    await vscode.page.mouse.move(1, 1);
    await vscode.screenshot('07-broken-sidecar');
    await filterProblems(vscode.page, '');
  });
});
