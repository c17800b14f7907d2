// Bundles the extension client, the language server and the command-line tool with esbuild.
// Type checking is separate (`npm run typecheck`), as in rust-analyzer's editors/code.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The citation graph webview: browser code, one self-contained script (sigma.js, graphology, ForceAtlas2).
  esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'chrome120', entryPoints: ['client/webview/graph/main.ts'], outfile: 'dist/graphView.js' }),
]);
