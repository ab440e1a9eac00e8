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
 *
 * The child asks glibc's malloc for transparent huge pages (`childEnv`): V8 puts the road graph,
 * the hierarchy's arrays and the caches (tens of MB each) in malloc'd memory, and first touching
 * them page by page was a third of a London world build on these machines (measured 2026-12-07,
 * load 1.2-1.5, four pairs of `sim-baseline-run.js road 7`: world build 0.27-0.38 s against
 * 0.62-0.65 s, run 2.23-2.34 s against 2.39-2.55 s, peak resident memory the same). Results cannot
 * change: only where memory comes from does. RESPONSE_SIM_HUGE_PAGES=0 leaves the environment as
 * it is; a glibc without the tunable, or another C library, ignores it.
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

/** The tunable that asks malloc for transparent huge pages (glibc 2.35 and later; see the head comment). */
export const HUGE_PAGES_TUNABLE = 'glibc.malloc.hugetlb=1';

/** The environment of the child: `env` with huge pages asked of malloc unless turned off or already set. */
export function childEnv(env = process.env) {
  if (env.RESPONSE_SIM_HUGE_PAGES === '0') return env;
  const tunables = env.GLIBC_TUNABLES ?? '';
  if (/(^|:)glibc\.malloc\.hugetlb=/.test(tunables)) return env;
  return { ...env, GLIBC_TUNABLES: tunables ? `${tunables}:${HUGE_PAGES_TUNABLE}` : HUGE_PAGES_TUNABLE };
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
  const child = spawn(command, rest, { stdio: 'inherit', env: childEnv() });
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
