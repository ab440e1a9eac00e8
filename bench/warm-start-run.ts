/**
 * One London baseline road week in a process of its own, for warm-start.bench.ts: counts the
 * search-space searches the run makes (forward, backward; and those meeting a destination's table
 * as they go, keeping no space) and the CPU seconds of the world build
 * and of the run. Prints one JSON line.
 *
 *   node --import tsx bench/warm-start-run.ts [days]
 */
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { runScenario } from '../src/sim';
import { SpaceSearch } from '../src/sim/roads/query/search-space';
import { buildWorld } from '../src/world';

async function main(): Promise<void> {
  const days = Number(process.argv[2] ?? 7);
  const scenario = await londonBaseline('road', days);
  const cpuS = (from: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(from);
    return (used.user + used.system) / 1e6;
  };
  let cpu = process.cpuUsage();
  const world = await buildWorld(scenario, nodeDataProvider());
  const worldCpuS = cpuS(cpu);
  // Searches made by the run (those of the world build, making a missing space file, are not counted).
  // Searches that meet a table as they go and keep no space (forwardToTable) are counted apart.
  const counts = { forward: 0, backward: 0, toTable: 0 };
  const proto = SpaceSearch.prototype;
  const { forward, backward, forwardToTable } = proto;
  proto.forwardToTable = function (this: SpaceSearch, ...args) {
    counts.toTable++;
    return forwardToTable.apply(this, args);
  };
  proto.forward = function (this: SpaceSearch, seeds) {
    counts.forward++;
    return forward.call(this, seeds);
  };
  proto.backward = function (this: SpaceSearch, seeds) {
    counts.backward++;
    return backward.call(this, seeds);
  };
  cpu = process.cpuUsage();
  const { results } = runScenario(scenario, world, { incidentLog: false });
  console.log(JSON.stringify({ worldCpuS, runCpuS: cpuS(cpu), forward: counts.forward, backward: counts.backward, toTable: counts.toTable, events: results.meta.events }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
