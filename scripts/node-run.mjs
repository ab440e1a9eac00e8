/**
 * Runs a Node entry of the checkout as bundled code: `node scripts/node-run.mjs src/cli/main.ts
 * ARGS...` (what `npm run sim` and `npm run bench` do). Builds out/node first when a source changed
 * (scripts/node-bundle.mjs), then runs the bundled entry in a child Node with source maps on, so
 * that errors name the src/ files and lines; the child's exit code is this command's. Worker
 * threads the bundled code starts run the bundled worker entry (src/node/pool/entry.ts).
 *
 * One exception: the queue worker (`src/cli/main.ts worker ...`) hands each job to BullMQ's child
 * processes, which load src/node/queue/processor.ts from source, so it runs from source under tsx
 * as before (its children inherit tsx from its command line).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_DIR, ROOT, bundledFile, ensureBundle, nodeEntries } from './node-bundle.mjs';

/** The command that runs `entry` with `args`: the bundled file under plain Node, or the source under tsx. */
export function nodeCommand(entry, args, root = ROOT) {
  const fromSource = entry === 'src/cli/main.ts' && args[0] === 'worker';
  return fromSource
    ? [process.execPath, '--import', 'tsx', path.join(root, entry), ...args]
    : [process.execPath, '--enable-source-maps', bundledFile(entry, root), ...args];
}

async function main() {
  const [entryArg, ...args] = process.argv.slice(2);
  const entry = entryArg === undefined ? '' : path.relative(ROOT, path.resolve(entryArg)).split(path.sep).join('/');
  if (!nodeEntries().includes(entry)) {
    process.stderr.write(`node-run: '${entryArg ?? ''}' is not one of the bundled entries (${nodeEntries().join(', ')})\n`);
    process.exitCode = 2;
    return;
  }
  try {
    await ensureBundle();
  } catch (error) {
    process.stderr.write(`node-run: could not bundle ${BUNDLE_DIR}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  const [command, ...rest] = nodeCommand(entry, args);
  const child = spawn(command, rest, { stdio: 'inherit' });
  // Ctrl-C reaches the whole process group; a signal sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`node-run: could not start ${entry}: ${error.message}\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else {
      process.exitCode = code ?? 1;
    }
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
