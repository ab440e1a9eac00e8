/**
 * The London road world built alone, in a process of its own (for profiling the world build:
 * `node --cpu-prof out/node/bench/world-build-run.js`):
 *
 *   node --import tsx bench/world-build-run.ts [straight-line|road] [builds]
 *
 * Prints one JSON line: seconds to load the scenario, to build the world the first time and each
 * later time (a fresh data provider each time: the graph is read and decoded again), and CPU seconds.
 */
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { buildWorld } from '../src/world';

async function main(): Promise<void> {
  const [modeArg, buildsArg] = process.argv.slice(2);
  const mode = modeArg ?? 'road';
  const builds = Number(buildsArg ?? 1);
  if ((mode !== 'straight-line' && mode !== 'road') || !(builds >= 1)) throw new Error('usage: world-build-run.ts [straight-line|road] [builds]');
  const cpu = process.cpuUsage();
  let t = performance.now();
  const scenario = await londonBaseline(mode, 7);
  const scenarioS = (performance.now() - t) / 1000;
  const worldS: number[] = [];
  for (let i = 0; i < builds; i++) {
    t = performance.now();
    await buildWorld(scenario, nodeDataProvider());
    worldS.push((performance.now() - t) / 1000);
  }
  const c = process.cpuUsage(cpu);
  console.log(JSON.stringify({ scenarioS, worldS, cpuS: (c.user + c.system) / 1e6 }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
