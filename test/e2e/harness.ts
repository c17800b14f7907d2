// End-to-end harness: a real VS Code (code-server) with the project's VSIX installed, serving a temporary copy of a
// fixture folder, driven by Chromium through playwright-core. Every helper polls for the state it needs; none sleeps
// a fixed time. Usage and selectors: test/e2e/README.md.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { installExtension, startCodeServer } from '../../scripts/vscode/codeServer';
import type { RunningCodeServer } from '../../scripts/vscode/codeServer';
import { defaultTimeoutMs, poll } from './poll';
import { Workbench } from './workbench';

export { poll } from './poll';
export type { ProblemEntry, TreeRow } from './workbench';

/** The repository root. */
export const repoRoot = resolve(__dirname, '..', '..');

/** Chromium switches for a headless, offline, container-friendly run. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/** Editor settings that make typing deterministic in tests (no auto-closing, no suggestion accepted by Enter). */
export const deterministicEditorSettings: Readonly<Record<string, unknown>> = {
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoClosingOvertype': 'never',
  'editor.autoSurround': 'never',
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.inlineSuggest.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'files.autoSave': 'off',
  'files.simpleDialog.enable': true,
  'workbench.editor.enablePreview': false,
};

/** Options of {@link launchVSCode}. */
export interface LaunchOptions {
  /** The VSIX to install; default: env E2E_VSIX, else `diplomatic-letters-<version>.vsix` at the repository root. */
  readonly vsix?: string;
  /** Folder copied into a temporary directory and opened; default `test/fixtures/letters`. */
  readonly fixture?: string;
  /** User settings merged over the quiet defaults and {@link deterministicEditorSettings}. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Browser viewport; default 1400×900. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

/** How long the launch steps took, in milliseconds. */
export interface LaunchTimings {
  readonly installExtension: number;
  readonly startServer: number;
  readonly startBrowser: number;
  readonly workbenchReady: number;
}

/** The VSIX that `npm run package` writes for the version in package.json. */
export function defaultVsixPath(): string {
  if (process.env.E2E_VSIX) return resolve(process.env.E2E_VSIX);
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}

function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .reduce((newest, entry) => Math.max(newest, statSync(join(path, entry)).mtimeMs), stats.mtimeMs);
}

/** What goes into the VSIX: when any of it is newer than the VSIX, the VSIX is rebuilt. */
const packagedSources = ['client', 'server', 'syntaxes', 'schemas', 'data', 'media', 'package.json', 'language-configuration.json',
  'README.md', 'CHANGELOG.md', 'LICENSE', 'scripts/build.mjs', '.vscodeignore'];

/**
 * Makes sure the project's VSIX exists and is newer than its sources ({@link packagedSources});
 * otherwise runs `npm run package` once. A VSIX given by E2E_VSIX or an option is used as it is.
 */
export function ensureProjectVsix(): string {
  const vsix = defaultVsixPath();
  if (process.env.E2E_VSIX) return vsix;
  const sources = packagedSources.map((path) => newestModification(join(repoRoot, path)));
  if (existsSync(vsix) && statSync(vsix).mtimeMs >= Math.max(...sources)) return vsix;
  console.log(`Packaging the extension (${basename(vsix)} is missing or older than the sources)…`);
  const result = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed; cannot run the end-to-end tests without ${vsix}`);
  return vsix;
}

/**
 * Gives the owner write permission on a copied folder and everything in it: fixtures may be read-only in the
 * repository, and the copy must be editable like a user's own files (VS Code opens read-only files read-only).
 */
function makeWritable(folder: string): void {
  for (const entry of ['', ...readdirSync(folder, { recursive: true, encoding: 'utf8' })]) {
    const path = join(folder, entry);
    chmodSync(path, statSync(path).mode | 0o200);
  }
}

/** A running VS Code with helpers; {@link VSCode.close} shuts everything down. */
export class VSCode extends Workbench {
  private constructor(
    page: Page,
    private readonly browser: Browser,
    private readonly server: RunningCodeServer,
    private readonly tempRoot: string,
    /** The temporary copy of the fixture folder that VS Code has open. */
    readonly workspace: string,
    /** How long each launch step took. */
    readonly timings: LaunchTimings,
  ) {
    super(page, join(repoRoot, 'test-results', 'screenshots'), workspace);
  }

  /** Starts code-server with the VSIX, opens a copy of the fixture folder in Chromium and waits for the workbench. */
  static async launch(options: LaunchOptions = {}): Promise<VSCode> {
    const vsix = options.vsix ?? ensureProjectVsix();
    if (!existsSync(vsix)) throw new Error(`No VSIX at ${vsix}: run \`npm run package\` or set E2E_VSIX`);
    const fixture = resolve(repoRoot, options.fixture ?? join('test', 'fixtures', 'letters'));
    const tempRoot = mkdtempSync(join(tmpdir(), 'dl-e2e-'));
    const workspace = join(tempRoot, basename(fixture));
    cpSync(fixture, workspace, { recursive: true });
    makeWritable(workspace);
    const extensionsDir = join(tempRoot, 'extensions');
    const userDataDir = join(tempRoot, 'user-data');
    mkdirSync(extensionsDir);
    const verbose = Boolean(process.env.E2E_VERBOSE);

    let started = Date.now();
    const lap = (): number => { const now = Date.now(); const spent = now - started; started = now; return spent; };
    await installExtension(vsix, extensionsDir, userDataDir);
    const installTime = lap();
    const server = await startCodeServer({
      folder: workspace, extensionsDir, userDataDir, settings: { ...deterministicEditorSettings, ...options.settings },
      onOutput: verbose ? (line) => console.log(`[code-server] ${line}`) : undefined,
    });
    const serverTime = lap();
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
      const browserTime = lap();
      const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
      page.setDefaultTimeout(defaultTimeoutMs);
      if (verbose) page.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text()}`));
      await page.goto(server.folderUrl);
      await poll('the workbench to show the folder', async () =>
        await page.locator('.monaco-workbench .part.statusbar').isVisible() && (await page.title()).includes(basename(workspace)) ? true : undefined,
      { timeoutMs: 60_000 });
      const timings = { installExtension: installTime, startServer: serverTime, startBrowser: browserTime, workbenchReady: lap() };
      if (verbose) console.log('[harness] timings (ms)', timings);
      return new VSCode(page, browser, server, tempRoot, workspace, timings);
    } catch (error) {
      await browser?.close();
      await server.stop();
      rmSync(tempRoot, { recursive: true, force: true });
      throw error;
    }
  }

  /** Absolute path of a file in the opened workspace copy. */
  file(relativePath: string): string {
    return join(this.workspace, relativePath);
  }

  /** Reads a file of the workspace copy from disk (after {@link Workbench.save}, to check what was written). */
  readFile(relativePath: string): string {
    return readFileSync(this.file(relativePath), 'utf8');
  }

  /** Closes the browser, stops code-server and deletes the temporary folder (kept when E2E_KEEP is set). */
  async close(): Promise<void> {
    // A browser that does not close in 15 s is left to the process's end (playwright kills it then): a close that
    // hangs must not hold the whole suite.
    let gaveUp: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.browser.close().catch(() => undefined),
      new Promise<void>((resolveWait) => { gaveUp = setTimeout(resolveWait, 15_000); }),
    ]);
    clearTimeout(gaveUp);
    await this.server.stop();
    if (process.env.E2E_KEEP) console.log(`[harness] kept ${this.tempRoot}`);
    else rmSync(this.tempRoot, { recursive: true, force: true });
  }
}

/** Shorthand for {@link VSCode.launch}. */
export async function launchVSCode(options: LaunchOptions = {}): Promise<VSCode> {
  return VSCode.launch(options);
}
