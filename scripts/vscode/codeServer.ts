// Runs code-server (VS Code in the browser) from .cache/code-server for `npm start` and the end-to-end tests:
// installs a VSIX into an extensions folder, serves a folder on a free port with a fresh, pre-seeded user-data
// folder, waits until the server answers, and stops it with its whole process group.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const setupScript = join(__dirname, 'setup.mjs');
/** code-server's entry script, as setup.mjs installs it. */
export const codeServerEntry = join(__dirname, '..', '..', '.cache', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/**
 * Installs code-server when needed by running setup.mjs (a no-op of a tenth of a second once installed; its
 * progress shows on the terminal) and returns its entry script. setup.mjs runs as its own process because it is a
 * plain ES module that must work before any TypeScript tooling is installed.
 */
export function ensureCodeServer(): string {
  const result = spawnSync(process.execPath, [setupScript, '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0 || !existsSync(codeServerEntry)) {
    throw new Error(`Installing code-server failed (see the messages above); run: node scripts/vscode/setup.mjs`);
  }
  return codeServerEntry;
}

/** Settings written into every fresh user-data folder: nothing pops up, nothing phones home. */
export const quietUserSettings: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'github.copilot.enable': { '*': false },
};

/** Options of {@link startCodeServer}. */
export interface StartOptions {
  /** The folder VS Code opens. */
  readonly folder: string;
  /** Extensions folder (see {@link installExtension}). */
  readonly extensionsDir: string;
  /** User-data folder; it is created and its settings are written (merged over {@link quietUserSettings}). */
  readonly userDataDir: string;
  /** Port on 127.0.0.1; a free one when absent. */
  readonly port?: number;
  /** Extra user settings. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Leave an existing User/settings.json alone (a persistent user-data folder keeps the user's own settings). */
  readonly keepExistingSettings?: boolean;
  /** Receives every line code-server prints; nothing is printed when absent. */
  readonly onOutput?: (line: string) => void;
  /** How long to wait for the HTTP endpoint, in milliseconds (default 60 s). */
  readonly readyTimeoutMs?: number;
}

/** A running code-server. */
export interface RunningCodeServer {
  /** Base address, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** Address that opens {@link StartOptions.folder}. */
  readonly folderUrl: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** Stops code-server and every process it started; resolves once it has exited. */
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers with an HTTP status below 500; throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, isGone: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer';
  while (Date.now() < deadline) {
    if (isGone()) throw new Error(`code-server exited before ${url} answered`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${lastProblem})`);
}

function baseArguments(entry: string, extensionsDir: string, userDataDir: string): string[] {
  // `--config` points into the user-data folder so that code-server never writes ~/.config/code-server.
  const configFile = join(userDataDir, 'code-server.yaml');
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(configFile, 'auth: none\n');
  return [entry, '--config', configFile, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir];
}

/** Runs code-server once with `args` and resolves with its output; rejects with that output on failure. */
async function runToCompletion(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`code-server ${args.slice(-2).join(' ')} failed (exit ${code}):\n${output}`));
    });
  });
}

/** Installs (or replaces) the extension in `vsixPath` into `extensionsDir`. */
export async function installExtension(vsixPath: string, extensionsDir: string, userDataDir: string): Promise<void> {
  const entry = ensureCodeServer();
  const output = await runToCompletion([...baseArguments(entry, extensionsDir, userDataDir), '--force', '--install-extension', vsixPath], 120_000);
  if (!/successfully installed|already installed/i.test(output)) {
    throw new Error(`code-server did not confirm the install of ${vsixPath}:\n${output}`);
  }
}

function writeUserSettings(userDataDir: string, settings: Readonly<Record<string, unknown>> | undefined, keepExisting: boolean): void {
  const userDir = join(userDataDir, 'User');
  const file = join(userDir, 'settings.json');
  if (keepExisting && existsSync(file)) return;
  mkdirSync(userDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...quietUserSettings, ...settings }, null, 2)}\n`);
}

function forwardLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = '';
  stream.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
}

/** Sends `signal` to the whole process group of `child` (it was started detached, as a group leader). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** code-servers started by this process and not yet stopped; they are killed if this process ends first. */
const runningServers = new Set<ChildProcess>();
let cleanupInstalled = false;

/**
 * code-server runs in its own process group (so that stopping it reaches the extension host and watchers it starts),
 * which also shields it from a Ctrl-C in the terminal. So when this process exits, or is interrupted and nothing else
 * handles the signal, the groups still running are killed before the signal takes its default course.
 */
function killServersWhenThisProcessEnds(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const killAll = (): void => {
    for (const child of runningServers) signalGroup(child, 'SIGKILL');
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      if (process.listenerCount(signal) > 0) return;
      killAll();
      process.kill(process.pid, signal);
    });
  }
}

/** Starts code-server serving `options.folder` and resolves once its HTTP endpoint answers. */
export async function startCodeServer(options: StartOptions): Promise<RunningCodeServer> {
  const entry = ensureCodeServer();
  const port = options.port ?? await findFreePort();
  writeUserSettings(options.userDataDir, options.settings, options.keepExistingSettings ?? false);
  const args = [...baseArguments(entry, options.extensionsDir, options.userDataDir), '--bind-addr', `127.0.0.1:${port}`,
    '--ignore-last-opened', options.folder];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  killServersWhenThisProcessEnds();
  runningServers.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => {
    gone = true;
    runningServers.delete(child);
  });
  const recent: string[] = [];
  const onLine = (line: string): void => {
    recent.push(line);
    if (recent.length > 30) recent.shift();
    options.onOutput?.(line);
  };
  forwardLines(child.stdout, onLine);
  forwardLines(child.stderr, onLine);

  const stop = async (): Promise<void> => {
    if (gone) return;
    signalGroup(child, 'SIGTERM');
    const killed = await Promise.race([exited.then(() => false), sleep(5_000).then(() => true)]);
    if (killed) {
      signalGroup(child, 'SIGKILL');
      await exited;
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(`${url}healthz`, options.readyTimeoutMs ?? 60_000, () => gone);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\nLast lines of code-server:\n${recent.join('\n')}`, { cause: error });
  }
  return { url, folderUrl: `${url}?folder=${encodeURIComponent(options.folder).replace(/%2F/g, '/')}`, port, process: child, stop };
}
