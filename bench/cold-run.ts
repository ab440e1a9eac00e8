/**
 * The cold cost of runs on roads, in a process of its own (bench/cold-start.bench.ts runs it):
 *
 *   node out/node/bench/cold-run.js <days> [runs] [same|fresh] [seed...]
 *
 * Builds the London baseline's road world, then runs it `runs` times (default 1), each on the same
 * world (`same`, what a sim worker does for replications) or on a world built afresh (`fresh`, what
 * a worker does for another world spec on the same graph), seeds 1, 2, ... unless given. Prints one
 * JSON line per run (and all of them on a last line): world build and run wall seconds, run CPU seconds, and the CPU milliseconds
 * (user) since the run's start at each half simulated day (the warm-up day included): the machine's
 * speed swings, its CPU time less.
 */
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { runScenario } from '../src/sim';
import { buildWorld } from '../src/world';
import type { SimWorld } from '../src/sim/world';

async function main(): Promise<void> {
  const [daysArg, runsArg = '1', worlds = 'same', ...seedArgs] = process.argv.slice(2);
  const days = Number(daysArg);
  const runs = Number(runsArg);
  if (!(days > 0) || !(runs >= 1) || (worlds !== 'same' && worlds !== 'fresh')) throw new Error('usage: cold-run.ts <days> [runs] [same|fresh] [seed...]');
  const scenario = await londonBaseline('road', days);
  const data = nodeDataProvider();
  let world: SimWorld | null = null;
  const records: unknown[] = [];
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    const cpu0 = process.cpuUsage();
    if (world === null || worlds === 'fresh') world = await buildWorld(scenario, data);
    const worldS = (performance.now() - t) / 1000;
    const worldCpuS = process.cpuUsage(cpu0).user / 1e6;
    t = performance.now();
    const cpu = process.cpuUsage();
    // The span runs from the warm-up's start: days + warm-up days, in halves.
    const halves = Math.round(2 * (days + scenario.warmupHours / 24));
    const marks: number[] = [];
    /** The same marks in microseconds on the clock of a --cpu-prof profile, to cut one into half days. */
    const markUs: number[] = [Number(process.hrtime.bigint() / 1000n)];
    const onProgress = (f: number): void => {
      while (marks.length < halves && f >= (marks.length + 1) / halves) {
        marks.push(Math.round(process.cpuUsage(cpu).user / 1000));
        markUs.push(Number(process.hrtime.bigint() / 1000n));
      }
    };
    const seed = seedArgs[run] !== undefined ? Number(seedArgs[run]) : run + 1;
    const { results } = runScenario(scenario, world, { incidentLog: false, onProgress, seed });
    const runS = (performance.now() - t) / 1000;
    const cpuS = process.cpuUsage(cpu).user / 1e6;
    const record = { run, seed, worldS, worldCpuS, runS, cpuS, events: results.meta.events, marks, ...(process.env.MARK_US ? { markUs } : {}) };
    records.push(record);
    console.log(JSON.stringify(record));
  }
  // All runs on one line, last (bench/cold-start.bench.ts reads it).
  console.log(JSON.stringify({ runs: records }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
