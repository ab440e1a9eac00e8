/**
 * Replications of the London week on roads on one sim worker thread and on two (issue 14, aim 5:
 * two workers at least 1.8 times as fast as one): the built-in London baseline, 7 counted days,
 * REPLICATIONS replications through the app's batch path (src/host/replications.ts `runBatch`),
 * timed from the first replication handed out to combined results. Each worker is started, has
 * built its world and has run one replication before the timing (as a warm app's pool has); one
 * batch each (a minute or two on a quiet two-core machine, far more on a busy one). Also the CPU
 * seconds per replication of all the process's threads in each case.
 */
import path from 'node:path';
import type { Report } from './run';
import { createNodeSimPool, runBatch } from '../src/node/pool';
import { readScenario } from '../src/node/scenario';
import { repoRoot } from '../src/node/data/paths';

// The checkout, from source (bench/) and from the bundle (out/node/bench/) alike.
const root = repoRoot();
const entry = path.join(root, 'src', 'node', 'sim-worker.ts');
const REPLICATIONS = 4;
const BATCHES = 1;

async function batchSeconds(workers: number, scenario: Record<string, unknown>): Promise<{ seconds: number; cpuS: number }> {
  const pool = createNodeSimPool({ entry, size: workers });
  try {
    const warm = await runBatch(pool, { jobId: 'warm', scenario, replications: workers });
    if (!warm.ok) throw new Error(`replications bench warm-up failed: ${JSON.stringify(warm.error)}`);
    let best = { seconds: Infinity, cpuS: Infinity };
    for (let attempt = 0; attempt < BATCHES; attempt++) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      const outcome = await runBatch(pool, { jobId: `bench-${attempt}`, scenario, replications: REPLICATIONS });
      if (!outcome.ok) throw new Error(`replications bench run failed: ${JSON.stringify(outcome.error)}`);
      const seconds = (performance.now() - t) / 1000;
      const used = process.cpuUsage(cpu);
      if (seconds < best.seconds) best = { seconds, cpuS: (used.user + used.system) / 1e6 };
    }
    return best;
  } finally {
    pool.close();
  }
}

export default async function (report: Report): Promise<void> {
  const { scenario } = await readScenario('london');
  const week: Record<string, unknown> = { ...scenario, days: 7 };
  const one = await batchSeconds(1, week);
  const two = await batchSeconds(2, week);
  report(`replications London week on roads, ${REPLICATIONS} replications, 1 worker`, one.seconds, 's');
  report(`replications London week on roads, ${REPLICATIONS} replications, 2 workers`, two.seconds, 's');
  report('replications London week on roads: speed-up with 2 workers', one.seconds / two.seconds, 'x');
  // CPU of all the process's threads per replication: what a second worker costs in memory and cache
  // contention shows as more CPU for the same work (and it is the figure that compares on a busy machine).
  report('replications London week on roads: CPU per replication, 1 worker', one.cpuS / REPLICATIONS, 's');
  report('replications London week on roads: CPU per replication, 2 workers', two.cpuS / REPLICATIONS, 's');
}
