// `npm start`: builds and packages the extension, installs it into a VS Code (code-server) kept under .cache/, and
// serves the sample letters in samples/letters/ until Ctrl-C. Open the printed address in a browser.
// Environment: PORT (default 8080) picks the port; VERBOSE=1 shows code-server's log; VSIX=<file> serves that VSIX
// instead of building and packaging the working tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { ensureCodeServer, installExtension, startCodeServer } from './vscode/codeServer';

const repoRoot = resolve(__dirname, '..');
const stateDir = join(repoRoot, '.cache', 'vscode-start');
const samples = join(repoRoot, 'samples', 'letters');

class StartError extends Error {}

function runNpm(script: string): void {
  console.log(`> npm run ${script}`);
  const result = spawnSync('npm', ['run', script], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new StartError(`npm run ${script} failed (see above).`);
}

function requestedPort(): number {
  const text = process.env.PORT ?? '8080';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new StartError(`PORT must be a port number, not "${text}".`);
  return port;
}

async function checkPortFree(port: number): Promise<void> {
  await new Promise<void>((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new StartError(`Port ${port} is in use; choose another with PORT=<number> npm start.`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort()));
  });
}

async function main(): Promise<void> {
  const port = requestedPort();
  await checkPortFree(port);
  if (!existsSync(samples)) throw new StartError(`The sample folder ${samples} is missing.`);
  ensureCodeServer();

  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  let vsix = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
  if (process.env.VSIX) {
    vsix = resolve(process.env.VSIX);
    if (!existsSync(vsix)) throw new StartError(`VSIX=${process.env.VSIX}: no such file.`);
  } else {
    runNpm('package');
    if (!existsSync(vsix)) throw new StartError(`npm run package did not write ${vsix}.`);
  }

  // The user-data folder persists (settings, open editors); the extensions folder is made afresh so that VS Code
  // runs exactly this VSIX, not extensions left there by an earlier run.
  const extensionsDir = join(stateDir, 'extensions');
  const userDataDir = join(stateDir, 'user-data');
  rmSync(extensionsDir, { recursive: true, force: true });
  console.log(`Installing ${vsix} into ${extensionsDir}`);
  await installExtension(vsix, extensionsDir, userDataDir);

  const verbose = Boolean(process.env.VERBOSE);
  const server = await startCodeServer({
    folder: samples, extensionsDir, userDataDir, port, keepExistingSettings: true,
    onOutput: verbose ? (line) => console.log(`[code-server] ${line}`) : undefined,
  });
  console.log(`\nVS Code with ${basename(vsix)} is running.\nOpen ${server.folderUrl}\nPress Ctrl-C to stop.`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server…');
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.once('exit', (code) => {
    if (stopping) return;
    console.error(`code-server exited unexpectedly (code ${code}); run with VERBOSE=1 to see its log.`);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  if (error instanceof StartError) console.error(`npm start: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
