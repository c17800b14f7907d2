#!/usr/bin/env node
// Runs Node's test runner (with tsx) over every `*.test.ts` under the given folders. Node 20's `--test` does not
// expand glob patterns itself, and a shell glob would miss nested folders, so the files are listed here.
// Usage: node scripts/runTests.mjs [--concurrency N] <folder…>
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const options = [];
const folders = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--concurrency') {
    options.push(`--test-concurrency=${args[++i]}`);
  } else {
    folders.push(args[i]);
  }
}

function collect(folder, found) {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      collect(path, found);
    } else if (name.endsWith('.test.ts')) {
      found.push(path);
    }
  }
  return found;
}

const files = folders.flatMap((folder) => collect(folder, []));
if (files.length === 0) {
  console.error(`No test files under ${folders.join(', ')}`);
  process.exit(1);
}
// A test that never ends fails after 20 minutes (a whole suite here takes a few), and a file whose tests have all ended
// is not waited on for a handle it left open: a hang fails, or ends, instead of holding CI for ever.
const guards = ['--test-timeout=1200000', '--test-force-exit'];
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...guards, ...options, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
