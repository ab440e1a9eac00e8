/**
 * Sweep runs through the Redis job queue: runs (replications) per minute of a small sweep (the
 * small built-in scenario, 1 day, 12 combinations of 2 replications) on one queue worker and on two,
 * each worker running one job at a time in its sandboxed child process. Its own Redis on a loopback
 * port (Debian's redis-server), started and stopped here; the workers are started and warmed (one
 * small sweep) before the timed sweep. On a 2-core machine two workers cannot be twice as fast.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from './run';
import { startRedis } from '../test/queue/redis';
import { queueRunner } from '../src/node/queue/coordinator';
import { readSweep } from '../src/node/sweep/load';
import { runSweep } from '../src/node/sweep/run-sweep';
import { repoRoot } from '../src/node/data/paths';

// The checkout, from source (bench/) and from the bundle (out/node/bench/) alike.
const root = repoRoot();

function sweepFile(dir: string, name: string, units: number[]): string {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({
    schemaVersion: 1,
    name,
    base: path.join(root, 'assets/scenarios/small.json'),
    replications: 2,
    days: 1,
    variables: [{ vary: 'base-units', base: 'CX', values: units }, { vary: 'demand', values: [1, 1.3] }],
  }));
  return file;
}

function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'worker', '--queue', url, '--concurrency', '1'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  return new Promise((resolve) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString('utf8');
      if (err.includes('taking runs from')) resolve(child);
    });
  });
}

export default async function (report: Report): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sweep-bench-'));
  const redis = await startRedis();
  try {
    for (const workers of [1, 2]) {
      await redis.flush();
      const children = await Promise.all(Array.from({ length: workers }, () => startWorker(redis.url)));
      const runner = await queueRunner(redis.url, { pollMs: 50 });
      try {
        // Warm every worker's child process (tsx, the simulator's code, the world).
        await runSweep(await readSweep(sweepFile(dir, `warm-${workers}`, [1, 2])), path.join(dir, `warm-${workers}`), runner);
        const timed = await readSweep(sweepFile(dir, `timed-${workers}`, [3, 4, 5, 6, 7, 8]));
        const started = performance.now();
        const outcome = await runSweep(timed, path.join(dir, `timed-${workers}`), runner);
        const minutes = (performance.now() - started) / 60_000;
        report(`sweep via queue, ${workers} worker${workers === 1 ? '' : 's'}`, (outcome.lines.length * timed.sweep.replications) / minutes, 'runs/min');
      } finally {
        await runner.close();
        for (const c of children) process.kill(-c.pid!, 'SIGKILL');
      }
    }
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
