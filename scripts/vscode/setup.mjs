#!/usr/bin/env node
// Installs code-server (VS Code in the browser) into .cache/code-server/ for `npm start` and the end-to-end tests.
//
// code-server 4.100.3 (VS Code 1.100) is the newest release that runs on Node 20. It is installed from the npm
// registry without its install scripts, because those download prebuilt binaries from hosts this project cannot
// reach; the native modules are built here instead, and Debian's ripgrep stands in for VS Code's downloaded one.
// The Debian packages it needs come from scripts/install-system-deps.sh.
//
// Idempotent: a marker file naming the version means the install is complete, and a second run returns at once.
// The work happens in a staging folder that is renamed into place only when everything succeeded, so an
// interrupted run never leaves a half-installed code-server behind. Output of npm goes to a log file whose tail is
// shown on failure.
//
// Usage: node scripts/vscode/setup.mjs [--quiet]   (--quiet: print nothing when already installed)
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(repoRoot, '.cache');
export const installDir = join(cacheDir, 'code-server');
export const codeServerEntry = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const markerFile = join(installDir, '.installed-version');
const stagingDir = join(cacheDir, 'code-server.staging');
const lockDir = join(cacheDir, 'code-server.lock');
const logFile = join(cacheDir, 'code-server-setup.log');

class SetupError extends Error {}

/** True when code-server of the expected version is completely installed. */
export function isInstalled() {
  return existsSync(codeServerEntry) && existsSync(markerFile) && readFileSync(markerFile, 'utf8').trim() === CODE_SERVER_VERSION;
}

function findOnPath(command) {
  for (const folder of (process.env.PATH ?? '').split(':')) {
    if (folder && existsSync(join(folder, command))) return join(folder, command);
  }
  return undefined;
}

function checkPrerequisites() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) throw new SetupError(`code-server ${CODE_SERVER_VERSION} needs Node 20; this is Node ${process.versions.node}.`);
  const missing = [];
  if (!findOnPath('rg')) missing.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/gssapi.h')) missing.push('libkrb5-dev');
  for (const tool of ['make', 'g++', 'python3']) if (!findOnPath(tool)) missing.push(tool === 'g++' || tool === 'make' ? 'build-essential' : tool);
  if (missing.length > 0) {
    throw new SetupError(`Missing system packages: ${[...new Set(missing)].join(', ')}. Run: bash scripts/install-system-deps.sh`);
  }
}

/** Environment for npm: no prompts, no audit, and local Node headers so native builds need no download. */
function npmEnvironment() {
  const env = { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const nodePrefix = dirname(dirname(process.execPath));
  if (!env.npm_config_nodedir && existsSync(join(nodePrefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = nodePrefix;
  return env;
}

/**
 * How long one npm step may take before it is stopped (15 minutes; each takes well under 5 on this project's 2-core
 * machine). A registry that stalls would otherwise hold the end-to-end tests, and CI, for ever.
 */
const STEP_TIMEOUT_MS = 15 * 60_000;

/** Runs one npm step once; undefined when it succeeded, else why it failed. */
function runOnce(args, cwd) {
  const log = openSync(logFile, 'a');
  writeFileSync(log, `\n$ (cd ${cwd} && npm ${args.join(' ')})\n`);
  const result = spawnSync('npm', args, { cwd, env: npmEnvironment(), stdio: ['ignore', log, log], timeout: STEP_TIMEOUT_MS, killSignal: 'SIGKILL' });
  closeSync(log);
  if (result.error?.code === 'ETIMEDOUT') return `npm took longer than ${STEP_TIMEOUT_MS / 60_000} minutes and was stopped`;
  if (result.error) return result.error.message;
  return result.status === 0 ? undefined : `npm exited with ${result.status === null ? `signal ${result.signal}` : `code ${result.status}`}`;
}

/** Runs one npm step, a second time if the first failed (a network step may fail once and succeed the next time). */
function run(step, args, cwd) {
  process.stdout.write(`  ${step}… `);
  const started = Date.now();
  let reason = runOnce(args, cwd);
  if (reason !== undefined) {
    process.stdout.write(`failed (${reason}), trying once more… `);
    reason = runOnce(args, cwd);
  }
  if (reason !== undefined) {
    process.stdout.write('failed\n');
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new SetupError(`${step} failed (${reason}). Last lines of ${logFile}:\n${tail}`);
  }
  process.stdout.write(`done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}

function install() {
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  writeFileSync(logFile, `code-server ${CODE_SERVER_VERSION} setup, ${new Date().toISOString()}\n`);
  writeFileSync(join(stagingDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));

  run(`Downloading code-server ${CODE_SERVER_VERSION}`, ['install', '--unsafe-perm', '--ignore-scripts', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], stagingDir);
  const vscodeDir = join(stagingDir, 'node_modules', 'code-server', 'lib', 'vscode');
  if (!existsSync(join(vscodeDir, 'package.json'))) throw new SetupError(`The code-server package has no lib/vscode folder (${vscodeDir}).`);
  run('Installing VS Code modules', ['install', '--omit=dev', '--ignore-scripts', '--unsafe-perm'], vscodeDir);

  const ripgrepBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(ripgrepBin, { recursive: true });
  copyFileSync(findOnPath('rg'), join(ripgrepBin, 'rg'));
  chmodSync(join(ripgrepBin, 'rg'), 0o755);

  run('Building native modules of VS Code', ['rebuild', '--unsafe-perm'], vscodeDir);
  const asarLink = join(vscodeDir, 'node_modules.asar');
  if (!existsSync(asarLink)) symlinkSync('node_modules', asarLink);
  run('Building argon2', ['rebuild', 'argon2', '--unsafe-perm'], stagingDir);

  const entry = join(stagingDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const configFile = join(stagingDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\n');
  const version = spawnSync(process.execPath, [entry, '--config', configFile, '--version'], { encoding: 'utf8', timeout: 60_000 });
  if (version.status !== 0 || !version.stdout.includes(`${CODE_SERVER_VERSION} `)) {
    throw new SetupError(`The installed code-server does not start: ${(version.stderr || version.stdout || String(version.error)).trim()}`);
  }
  writeFileSync(join(stagingDir, '.installed-version'), `${CODE_SERVER_VERSION}\n`);
  rmSync(installDir, { recursive: true, force: true });
  renameSync(stagingDir, installDir);
}

function processIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes a lock folder so that two setups (say `npm start` and the e2e tests) never install at the same time. */
async function withLock(action) {
  mkdirSync(cacheDir, { recursive: true });
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch {
      const owner = Number(existsSync(join(lockDir, 'pid')) ? readFileSync(join(lockDir, 'pid'), 'utf8') : NaN);
      if (Number.isInteger(owner) && !processIsAlive(owner)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new SetupError(`Another setup holds ${lockDir}; remove it if no setup is running.`);
      await new Promise((done) => setTimeout(done, 500));
    }
  }
  try {
    return action();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Installs code-server when it is not there yet; returns the path of its entry script. */
export async function ensureCodeServer() {
  if (isInstalled()) return codeServerEntry;
  checkPrerequisites();
  await withLock(() => {
    if (isInstalled()) return;
    const started = Date.now();
    console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${installDir} (first time only, a few minutes)`);
    install();
    console.log(`code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
  return codeServerEntry;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCodeServer().then(
    () => {
      if (!process.argv.includes('--quiet')) console.log(`code-server ${CODE_SERVER_VERSION} ready: ${codeServerEntry}`);
    },
    (error) => {
      if (!(error instanceof SetupError)) throw error;
      console.error(`setup: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
