/**
 * Replications of the London week on roads on one sim worker thread and on two (issue 14, aim 5:
 * two workers at least 1.8 times as fast as one): the built-in London baseline, 7 counted days,
 * REPLICATIONS replications through the app's batch path (src/host/replications.ts `runBatch`),
 * timed from the first replication handed out to combined results. Each pool is started, has
 * built its worlds and has run one replication a worker before the timing (as a warm app's pool
 * has); then batches on one worker and on two alternate, ROUNDS of each (the machine's load
 * changes from minute to minute: alternating shares it out), and the best of each counts.
 *
 * Wall time on a machine other work keeps busy says little of what two cores give, so also, from
 * the CPU time of each thread (Linux /proc, bench/thread-cpu.ts): the CPU seconds per replication
 * of the sim worker's thread alone with one worker (what one worker's wall time is on an idle
 * machine: V8's background threads compile and collect garbage on the other core) and of all the
 * process's threads with two (on an idle machine two workers need at least half of that each
 * replication); twice the first over the second is the speed-up the CPU time allows two workers.
 */
import path from 'node:path';
import type { Report } from './run';
import { createNodeSimPool, runBatch, type SimWorkerPool } from '../src/node/pool';
import { readScenario } from '../src/node/scenario';
import { repoRoot } from '../src/node/data/paths';
import { threadCpu, threadCpuSince } from './thread-cpu';

// The checkout, from source (bench/) and from the bundle (out/node/bench/) alike.
const root = repoRoot();
const entry = path.join(root, 'src', 'node', 'sim-worker.ts');
const REPLICATIONS = 4;
const ROUNDS = 2;

interface Batch {
  seconds: number;
  /** CPU seconds of all the process's threads */
  cpuS: number;
  /** CPU seconds of the busiest thread (a sim worker's) */
  busiestS: number;
}

async function warmPool(workers: number, scenario: Record<string, unknown>): Promise<SimWorkerPool> {
  const pool = createNodeSimPool({ entry, size: workers });
  const warm = await runBatch(pool, { jobId: 'warm', scenario, replications: workers });
  if (!warm.ok) {
    pool.close();
    throw new Error(`replications bench warm-up failed: ${JSON.stringify(warm.error)}`);
  }
  return pool;
}

async function batch(pool: SimWorkerPool, scenario: Record<string, unknown>, jobId: string): Promise<Batch> {
  const threads = threadCpu();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const outcome = await runBatch(pool, { jobId, scenario, replications: REPLICATIONS });
  if (!outcome.ok) throw new Error(`replications bench run failed: ${JSON.stringify(outcome.error)}`);
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuS: (used.user + used.system) / 1e6, busiestS: threadCpuSince(threads)[0]?.cpuS ?? NaN };
}

const best = (batches: readonly Batch[]): Batch => batches.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export default async function (report: Report): Promise<void> {
  const { scenario } = await readScenario('london');
  const week: Record<string, unknown> = { ...scenario, days: 7 };
  const pools = { one: await warmPool(1, week), two: await warmPool(2, week) };
  const one: Batch[] = [];
  const two: Batch[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      one.push(await batch(pools.one, week, `one-${round}`));
      two.push(await batch(pools.two, week, `two-${round}`));
    }
  } finally {
    pools.one.close();
    pools.two.close();
  }
  report(`replications London week on roads, ${REPLICATIONS} replications, 1 worker`, best(one).seconds, 's');
  report(`replications London week on roads, ${REPLICATIONS} replications, 2 workers`, best(two).seconds, 's');
  report('replications London week on roads: speed-up with 2 workers', best(one).seconds / best(two).seconds, 'x');
  // CPU of all the process's threads per replication: what a second worker costs in memory and cache
  // contention shows as more CPU for the same work (and it is the figure that compares on a busy machine).
  const oneCpu = median(one.map((b) => b.cpuS)) / REPLICATIONS;
  const twoCpu = median(two.map((b) => b.cpuS)) / REPLICATIONS;
  report('replications London week on roads: CPU per replication, 1 worker', oneCpu, 's');
  report('replications London week on roads: CPU per replication, 2 workers', twoCpu, 's');
  const simThread = median(one.map((b) => b.busiestS)) / REPLICATIONS;
  if (Number.isFinite(simThread)) {
    report('replications London week on roads: sim thread CPU per replication, 1 worker', simThread, 's');
    report('replications London week on roads: speed-up the CPU time allows 2 workers', (2 * simThread) / twoCpu, 'x');
  }
}
