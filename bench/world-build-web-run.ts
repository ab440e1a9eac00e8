/**
 * The London road world built as a browser sim worker builds it (for profiling): the graph without
 * the Node host's stores (no segment file, no space store: the browser has neither) and the space
 * file not yet there (a browser worker's arrives after its world is built).
 *
 *   node scripts/node-run.mjs bench/world-build-web-run.ts [builds]
 *   node --cpu-prof out/node/bench/world-build-web-run.js 1
 *
 * Prints one JSON line: seconds to load the graph, to build the world each time (a fresh graph
 * object each time: nothing kept per graph is reused), and CPU seconds.
 */
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { buildWorld, type DataProvider } from '../src/world';

async function main(): Promise<void> {
  const builds = Number(process.argv[2] ?? 1);
  if (!(builds >= 1)) throw new Error('usage: world-build-web-run.ts [builds]');
  const scenario = await londonBaseline('road', 7);
  const node = nodeDataProvider();
  let t = performance.now();
  const graph = (await node.network(scenario.network!.source)) as Record<string, unknown>;
  const graphS = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage();
  const worldS: number[] = [];
  for (let i = 0; i < builds; i++) {
    const bare = { ...graph, segmentStore: undefined, spaceStore: undefined, hierarchyStore: undefined };
    const data: DataProvider = {
      areas: (s) => node.areas(s),
      points: (s) => node.points(s),
      network: () => Promise.resolve(bare),
      spaces: () => new Promise(() => undefined),
      ...(node.pointAreas ? { pointAreas: node.pointAreas.bind(node) } : {}),
    };
    t = performance.now();
    await buildWorld(scenario, data);
    worldS.push((performance.now() - t) / 1000);
  }
  const c = process.cpuUsage(cpu);
  console.log(JSON.stringify({ graphS, worldS, cpuS: (c.user + c.system) / 1e6 }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
