/**
 * Replications spread over sim worker threads (ARCHITECTURE.md: 2 cores give at least 1.7x): the
 * same batch on one worker and on two, from the first replication handed out to combined results,
 * workers started and warmed before, best of three batches. Two batches: the small built-in scenario stretched to a week
 * (replications of about 30 ms, so messaging and scheduling weigh), and the London baseline with
 * straight-line travel for two days (replications of about 0.2 s, the size planners run). Also the
 * round trip of a version call to a warm worker.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from './run';
import { createNodeSimPool, runBatch } from '../src/node/pool';
import { readScenario } from '../src/node/scenario';
import { repoRoot } from '../src/node/data/paths';

// The checkout, from source (bench/) and from the bundle (out/node/bench/) alike.
const root = repoRoot();
const entry = path.join(root, 'src', 'node', 'sim-worker.ts');
const scenario: Record<string, unknown> = { ...(JSON.parse(readFileSync(path.join(root, 'assets', 'scenarios', 'small.json'), 'utf8')) as object), days: 7 };
const REPLICATIONS = 16;
const LONDON_REPLICATIONS = 8;

async function batchSeconds(workers: number, scenario: Record<string, unknown>, replications: number): Promise<number> {
  const pool = createNodeSimPool({ entry, size: workers });
  try {
    // Start every worker and warm the simulator's code in it outside the timed part: two full
    // replications each (the pool hands the replications of one batch to idle workers).
    const warm = await runBatch(pool, { jobId: 'warm', scenario, replications: 2 * workers });
    if (!warm.ok) throw new Error(`pool bench warm-up failed: ${JSON.stringify(warm.error)}`);
    // The best of three batches: on a 2-core virtual machine one batch varies by a quarter.
    let best = Infinity;
    for (let attempt = 0; attempt < 3; attempt++) {
      const t = performance.now();
      const outcome = await runBatch(pool, { jobId: `bench-${attempt}`, scenario, replications });
      if (!outcome.ok) throw new Error(`pool bench run failed: ${JSON.stringify(outcome.error)}`);
      best = Math.min(best, (performance.now() - t) / 1000);
    }
    return best;
  } finally {
    pool.close();
  }
}

export default async function (report: Report): Promise<void> {
  const one = await batchSeconds(1, scenario, REPLICATIONS);
  const two = await batchSeconds(2, scenario, REPLICATIONS);
  report(`pool ${REPLICATIONS} replications, 1 worker`, one, 's');
  report(`pool ${REPLICATIONS} replications, 2 workers`, two, 's');
  report('pool speed-up with 2 workers', one / two, 'x');

  const { scenario: baseline } = await readScenario('london');
  const london = { ...baseline, days: 2, travel: { ...baseline.travel, mode: 'straight-line' as const } };
  const londonOne = await batchSeconds(1, london, LONDON_REPLICATIONS);
  const londonTwo = await batchSeconds(2, london, LONDON_REPLICATIONS);
  report(`pool London 2 days straight-line, ${LONDON_REPLICATIONS} replications, 1 worker`, londonOne, 's');
  report(`pool London 2 days straight-line, ${LONDON_REPLICATIONS} replications, 2 workers`, londonTwo, 's');
  report('pool London speed-up with 2 workers', londonOne / londonTwo, 'x');

  const pool = createNodeSimPool({ entry, size: 1 });
  try {
    await pool.call('version', {});
    const calls = 200;
    const t = performance.now();
    for (let i = 0; i < calls; i++) await pool.call('version', {});
    report('pool call round trip', (performance.now() - t) / calls, 'ms');
  } finally {
    pool.close();
  }
}
