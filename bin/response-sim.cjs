#!/usr/bin/env node
'use strict';
// The installed `response-sim` command: the TypeScript command line through tsx (a run-time
// dependency), exactly as `npm run sim` runs it, with the same exit code.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const main = path.join(__dirname, '..', 'src', 'cli', 'main.ts');
const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), main, ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.error) {
  process.stderr.write(`response-sim: could not start: ${result.error.message}\n`);
  process.exitCode = 1;
} else {
  process.exitCode = result.status ?? 1;
}
