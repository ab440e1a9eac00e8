#!/usr/bin/env node
'use strict';
// The installed `response-sim` command: the TypeScript command line from source through tsx (a
// run-time dependency), with the same exit code. It writes nothing into the installed package;
// `npm run sim` in a checkout runs the same command line bundled (scripts/node-run.mjs builds
// out/node first), which is about a tenth quicker on a long run.
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
