// `npm start`: builds and packages the extension, installs it into a VS Code (code-server) kept under .cache/, copies
// the sample letters afresh into a demo folder outside the repository (under the system's temporary folder), and
// serves that copy until Ctrl-C; the last line printed is the address to open. Quick fixes and annotations made in
// the demo change the copy, never samples/letters/, and the next start shows the letters as the README describes.
// Environment: PORT (default 8080) picks the port; VERBOSE=1 shows the build and code-server's log; VSIX=<file> serves
// that VSIX instead of building and packaging the working tree.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ensureCodeServer, installExtension, startCodeServer } from './vscode/codeServer';

const repoRoot = resolve(__dirname, '..');
const stateDir = join(repoRoot, '.cache', 'vscode-start');
const samples = join(repoRoot, 'samples', 'letters');
/** The demo's own folder; only this folder is ever removed. */
const demoRoot = join(tmpdir(), 'diplomatic-letters-demo');
const demoFolder = join(demoRoot, 'sample-letters');
const verbose = Boolean(process.env.VERBOSE);

class StartError extends Error {}

/** Runs `npm run <script>` silently (no npm banner or warnings); its output is shown only when it fails, or with VERBOSE. */
function runNpmQuietly(script: string): void {
	const result = spawnSync('npm', ['run', '--silent', script], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', verbose ? 'inherit' : 'pipe', verbose ? 'inherit' : 'pipe'] });
	if (result.status !== 0) {
		if (!verbose) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
		throw new StartError(`npm run ${script} failed (see above).`);
	}
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

/** Copies the sample letters into the demo folder, replacing what an earlier run left there; the copy is writable. */
function freshDemoFolder(): void {
	rmSync(demoRoot, { recursive: true, force: true });
	mkdirSync(demoRoot, { recursive: true });
	cpSync(samples, demoFolder, { recursive: true });
	for (const entry of ['', ...readdirSync(demoFolder, { recursive: true, encoding: 'utf8' })]) {
		const path = join(demoFolder, entry);
		chmodSync(path, statSync(path).mode | 0o200);
	}
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
		process.stdout.write('Building and packaging the extension… ');
		runNpmQuietly('package');
		if (!existsSync(vsix)) throw new StartError(`npm run package did not write ${vsix}.`);
		console.log('done.');
	}

	// The user-data folder persists (settings, open editors); the extensions folder is made afresh so that VS Code
	// runs exactly this VSIX, not extensions left there by an earlier run.
	const extensionsDir = join(stateDir, 'extensions');
	const userDataDir = join(stateDir, 'user-data');
	rmSync(extensionsDir, { recursive: true, force: true });
	await installExtension(vsix, extensionsDir, userDataDir);
	freshDemoFolder();

	const server = await startCodeServer({
		folder: demoFolder, extensionsDir, userDataDir, port, keepExistingSettings: true,
		onOutput: verbose ? (line) => console.log(`[code-server] ${line}`) : undefined,
	});
	console.log(`VS Code with ${basename(vsix)} is serving a fresh copy of the sample letters in ${demoFolder}`);
	console.log('(made again at each start; samples/letters/ is never changed). Press Ctrl-C to stop. Open:');
	console.log(server.folderUrl);

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
