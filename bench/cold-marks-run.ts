/**
 * Where a fresh process's London road run spends its time, by simulated half-day (issue 14's cold
 * cost): `node out/node/bench/cold-marks-run.js <days>` prints one JSON line with the world build's
 * seconds, the run's wall and CPU seconds, and the ms since the run's start at each simulated
 * half-day mark (the warm-up day included), as near as the run's progress reports come.
 */
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { runScenario } from '../src/sim';
import { buildWorld } from '../src/world';

async function main(): Promise<void> {
  const days = Number(process.argv[2] ?? 7);
  const scenario = await londonBaseline('road', days);
  let t = performance.now();
  const world = await buildWorld(scenario, nodeDataProvider());
  const worldS = (performance.now() - t) / 1000;
  t = performance.now();
  const cpu = process.cpuUsage();
  // A run of D days simulates D + 1 (a day of warm-up first): 2 (D + 1) half-days.
  const halves = 2 * (days + 1);
  const marks: number[] = [];
  const onProgress = (f: number): void => {
    while (marks.length < halves && f >= (marks.length + 1) / halves) marks.push(Math.round(performance.now() - t));
  };
  runScenario(scenario, world, { incidentLog: false, onProgress });
  const runS = (performance.now() - t) / 1000;
  const cpuS = process.cpuUsage(cpu).user / 1e6;
  console.log(JSON.stringify({ worldS, runS, cpuS, marks }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
