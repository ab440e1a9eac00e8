/**
 * The app's comparison (src/host/compare.ts, replication by replication across the scenarios) of
 * the London baseline and a variant of another world spec (5 % more congestion), on a pool of two
 * sim worker threads, in a process of its own:
 *
 *   node out/node/bench/app-compare-run.js <replications> <days>
 *
 * Prints one JSON line: wall seconds, the CPU seconds of all the process's threads, and each
 * thread's (bench/thread-cpu.ts: the two sim workers' threads are the busiest; the rest are the
 * main thread and V8's background threads, which compile and collect garbage for both workers).
 */
import path from 'node:path';
import { compareScenarios } from '../src/host/compare';
import { createNodeSimPool } from '../src/node/pool';
import { readScenario } from '../src/node/scenario';
import { repoRoot } from '../src/node/data/paths';
import { threadCpu, threadCpuSince } from './thread-cpu';

async function main(): Promise<void> {
  const [repsArg, daysArg] = process.argv.slice(2);
  const replications = Number(repsArg);
  const days = Number(daysArg);
  if (!(replications >= 1) || !(days > 0)) throw new Error('usage: app-compare-run.ts <replications> <days>');
  const { scenario } = await readScenario('london');
  const variant = { ...scenario, name: `${scenario.name}, 5 % more congestion`, travel: { ...scenario.travel, congestionByHour: scenario.travel.congestionByHour?.map((c) => c * 1.05) } };
  const pool = createNodeSimPool({ entry: path.join(repoRoot(), 'src', 'node', 'sim-worker.ts'), size: 2 });
  try {
    const threads = threadCpu();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const outcome = await compareScenarios(pool, { jobId: 'bench', scenarios: [{ label: 'baseline', scenario }, { label: 'congestion', scenario: variant }], plan: { replications }, days });
    const wallS = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    if (!outcome.ok) throw new Error(`compare failed: ${JSON.stringify(outcome.error)}`);
    console.log(JSON.stringify({ replications, days, wallS, cpuS: (used.user + used.system) / 1e6, threads: threadCpuSince(threads) }));
  } finally {
    pool.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
