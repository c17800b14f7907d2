// Bundles the extension client, the language server and the command-line tool with esbuild.
// Type checking is separate (`npm run typecheck`), as in rust-analyzer's editors/code.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { parse as parseYaml } from 'yaml';

const production = process.argv.includes('--production');

// The engine's version, as the persistent index keys its entries by it: the hash of the engine's sources, of the Node
// layer that reads files, and of the data files, so that a build that could read a letter differently never uses
// entries another build stored.
function engineVersion() {
  const hash = createHash('sha256');
  const files = (dir) => readdirSync(dir).sort().flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
  for (const file of [...files('server/src/engine'), ...files('server/src/node'), ...files('data')]) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('base64url').slice(0, 22);
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { 'process.env.DIPLOMATIC_LETTERS_ENGINE': JSON.stringify(engineVersion()) },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The server's bundle, then its loader (`dist/server.js`), which runs it from a V8 code cache keyed by its content.
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/serverMain.js' }).then(() => {
    const bundle = createHash('sha256').update(readFileSync('dist/serverMain.js')).digest('hex');
    return esbuild.build({ ...common, entryPoints: ['server/src/lsp/loader.ts'], outfile: 'dist/server.js', define: { ...common.define, 'process.env.DIPLOMATIC_LETTERS_SERVER_BUNDLE': JSON.stringify(bundle) } });
  }),
  esbuild.build({ ...common, entryPoints: ['server/src/node/indexWorker.ts'], outfile: 'dist/indexWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/node/scanWorker.ts'], outfile: 'dist/scanWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The citation graph webview: browser code, one self-contained script (sigma.js, graphology, ForceAtlas2).
  esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'chrome120', entryPoints: ['client/webview/graph/main.ts'], outfile: 'dist/graphView.js' }),
]);

// The data files parsed once here, so that the server and the command line start without parsing YAML
// (server/src/node/referenceDataFile.ts uses this only while the SHA-256 of each file matches).
const dataFiles = { gaSessions: 'ga-sessions.yaml', resolutions: 'resolutions.yaml' };
const snapshot = { sha256: {} };
for (const [key, name] of Object.entries(dataFiles)) {
  const path = `data/${name}`;
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    snapshot.sha256[name] = createHash('sha256').update(text).digest('hex');
    snapshot[key] = parseYaml(text);
  }
}
mkdirSync('dist', { recursive: true });
writeFileSync('dist/reference-data.json', JSON.stringify(snapshot));
