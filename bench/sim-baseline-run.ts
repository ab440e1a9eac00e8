/**
 * One run of the London baseline scenario in a process of its own, for the benchmark
 * (sim-baseline.bench.ts), so that its peak memory is its own:
 *
 *   node --import tsx bench/sim-baseline-run.ts <straight-line|road> <days>
 *
 * Prints one JSON line: world build and run wall seconds, run CPU seconds, events, counted calls,
 * I mean response (s), and the process's peak resident memory (MB), in all and before the results
 * were built. The incident log is off, as
 * for a batch run of a year.
 */
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { runScenario } from '../src/sim';
import { buildWorld } from '../src/world';

async function main(): Promise<void> {
  const [mode, daysArg] = process.argv.slice(2);
  const days = Number(daysArg);
  if ((mode !== 'straight-line' && mode !== 'road') || !(days > 0)) throw new Error('usage: sim-baseline-run.ts <straight-line|road> <days>');
  const scenario = await londonBaseline(mode, days);
  let t = performance.now();
  const world = await buildWorld(scenario, nodeDataProvider());
  const worldS = (performance.now() - t) / 1000;
  t = performance.now();
  const cpu = process.cpuUsage();
  // Peak resident when the last event has run, before the results are built (onProgress(1) comes then).
  let peakBeforeResultsMB = 0;
  const onProgress = (f: number): void => {
    if (f === 1) peakBeforeResultsMB = process.resourceUsage().maxRSS / 1024;
  };
  const { results } = runScenario(scenario, world, { incidentLog: false, onProgress });
  const runS = (performance.now() - t) / 1000;
  const cpuS = process.cpuUsage(cpu).user / 1e6;
  const i = results.grades.I;
  console.log(
    JSON.stringify({
      worldS,
      runS,
      cpuS,
      events: results.meta.events,
      calls: results.calls.offered,
      iMeanResponseS: i && 'meanResponseS' in i ? i.meanResponseS : null,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      peakBeforeResultsMB,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
