/**
 * Where the time of replications on a pool of sim worker threads goes (issue 14, aim 5), in a
 * process of its own:
 *
 *   node out/node/bench/replications-run.js <workers> <replications> <days> [warm[=K]]
 *
 * The London baseline's replications through the app's batch path (src/host/replications.ts
 * `runReplications` on `poolRunner`). With `warm`, each worker first builds its world and runs one
 * replication (K with `warm=K`) outside the timing (a warm app's pool); without it the pool starts inside the timing
 * (the command line's `run --replications`). Prints one JSON line: wall and CPU seconds of the
 * whole process, the CPU seconds of each of its threads over the timed part (from /proc: sim
 * worker threads, the main thread, and V8's background threads for garbage collection and
 * compiling), and each replication's end (seconds from the start) and its own run time.
 *
 * What it showed (2026-12-07, 1549e6e, a machine at load 5-15, so CPU rather than wall time):
 * - The host's own work is small: the main thread used 0.03-0.06 s of CPU a replication-week
 *   (a reply is ~224 kB of results, 207 kB of it per-unit figures: ~3 ms to clone; the scenario
 *   17 kB); workers share out the replications evenly (4 on 2: both end within a second).
 * - V8's background threads (garbage collection, optimising compiles) used 8-12 % of what the sim
 *   thread used in steady state (0.19-0.25 s a week). With one worker they run on the idle second
 *   core; with two they take from the workers: 2 / 1.1 = 1.8x is the ceiling before any memory or
 *   cache contention between the two workers.
 * - Every worker pays its own warm-up: a cold first run costs ~1.7 s more on its thread (world
 *   build included) and ~1.3 s of compiling on the background threads (`1 1 1`: 2.25 s and 1.30 s
 *   for one simulated day); V8 still recompiles through the worker's 2nd and 3rd weeks (57 and 20
 *   optimising compiles against 9 in the 4th, after "wrong map" and "not a Smi" deopts in the
 *   model's handlers and containers: `node --trace-opt --trace-deopt worker-runs-run.js 7 4 base`).
 */
import path from 'node:path';
import { poolRunner, runReplications } from '../src/host/replications';
import { repoRoot } from '../src/node/data/paths';
import { createNodeSimPool } from '../src/node/pool';
import { readScenario } from '../src/node/scenario';
import { threadCpu, threadCpuSince } from './thread-cpu';

async function main(): Promise<void> {
  const [workersArg, repsArg, daysArg, mode] = process.argv.slice(2);
  const workers = Number(workersArg);
  const replications = Number(repsArg);
  const days = Number(daysArg);
  if (!(workers >= 1) || !(replications >= 1) || !(days > 0)) throw new Error('usage: replications-run.ts <workers> <replications> <days> [warm]');
  const read = performance.now();
  const { scenario } = await readScenario('london');
  const readS = (performance.now() - read) / 1000;
  const pool = createNodeSimPool({ entry: path.join(repoRoot(), 'src', 'node', 'sim-worker.ts'), size: workers });
  try {
    const warmRuns = mode === 'warm' ? 1 : mode?.startsWith('warm=') ? Number(mode.slice(5)) : 0;
    if (warmRuns > 0) {
      const warm = await runReplications(poolRunner(pool, scenario), { group: 'warm', replications: warmRuns * workers, first: 1000, days });
      if (!warm.ok) throw new Error(`warm-up failed: ${JSON.stringify(warm.error)}`);
    }
    const before = threadCpu();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const ends: number[] = [];
    const outcome = await runReplications(poolRunner(pool, scenario), { group: 'bench', replications, days }, (_, done) => {
      if (done > ends.length) ends.push(Math.round(performance.now() - t) / 1000);
    });
    const wallS = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const after = threadCpu();
    if (!outcome.ok) throw new Error(`run failed: ${JSON.stringify(outcome.error)}`);
    const threads = threadCpuSince(before, after).map((x) => ({ ...x, main: x.tid === process.pid }));
    console.log(
      JSON.stringify({
        workers,
        replications,
        days,
        mode: mode ?? 'cold',
        readS: Math.round(readS * 1000) / 1000,
        wallS: Math.round(wallS * 1000) / 1000,
        cpuS: Math.round(((used.user + used.system) / 1e6) * 1000) / 1000,
        ends,
        runS: outcome.runs.map((r) => Math.round(r.meta.wallMs) / 1000),
        threads,
      }),
    );
  } finally {
    pool.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
