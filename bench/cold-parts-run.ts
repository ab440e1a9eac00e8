/**
 * CPU time (user + system, so first touches of fresh memory count) a London road run spends
 * building its one-to-all trees (trees.ts `build`) and its custody suites' buckets (road-queries.ts
 * `toTargets`, which makes TargetBuckets), in a fresh process: `node out/node/bench/cold-parts-run.js
 * [days]` prints one JSON line (ms; calls). The run's own time is printed too, for scale.
 */
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { runScenario } from '../src/sim';
import { buildWorld } from '../src/world';
import { TreeCache } from '../src/sim/roads/query/trees';
import { RoadQueries } from '../src/sim/roads/query/road-queries';

const spent: Record<string, { ms: number; calls: number }> = {};

/** Wraps method `name` of `proto` to add up the CPU time of its calls under `label`. */
function time(proto: object, name: string, label: string): void {
  const methods = proto as Record<string, (...args: unknown[]) => unknown>;
  const f = methods[name]!;
  const entry = (spent[label] = { ms: 0, calls: 0 });
  methods[name] = function (this: unknown, ...args: unknown[]): unknown {
    const cpu = process.cpuUsage();
    try {
      return f.apply(this, args);
    } finally {
      const used = process.cpuUsage(cpu);
      entry.ms += (used.user + used.system) / 1000;
      entry.calls++;
    }
  };
}

async function main(): Promise<void> {
  const days = Number(process.argv[2] ?? 1);
  time(TreeCache.prototype, 'build', 'trees');
  time(RoadQueries.prototype, 'toTargets', 'toTargets');
  const scenario = await londonBaseline('road', days);
  const world = await buildWorld(scenario, nodeDataProvider());
  const t = performance.now();
  const cpu = process.cpuUsage();
  runScenario(scenario, world, { incidentLog: false });
  const runS = (performance.now() - t) / 1000;
  const cpuS = process.cpuUsage(cpu).user / 1e6;
  const round = (x: number): number => Math.round(x * 10) / 10;
  console.log(JSON.stringify({ runS, cpuS, ...Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, { ms: round(v.ms), calls: v.calls }])) }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
