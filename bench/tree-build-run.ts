/**
 * The cost of building one-to-all trees (src/sim/roads/query/trees.ts) on the London road graph in
 * a fresh process, as a London run builds them: `node out/node/bench/tree-build-run.js [copy] [trees]`
 * builds `trees` (default 16) trees into a new TreeCache from spread road positions and prints one
 * JSON line with the CPU and wall ms of each build. `copy`: each tree swept into a scratch array
 * and copied into its block after (the way before the sweep wrote into the block), for comparison.
 */
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { buildWorld } from '../src/world';
import { RoadTravelModel } from '../src/sim/travel/road';
import { exits, roadPosition, type RoadPos } from '../src/sim/roads/query/ends';
import { LANES } from '../src/sim/roads/query/trees';

async function main(): Promise<void> {
  const copy = process.argv[2] === 'copy';
  const count = Number(process.argv[3] ?? 16);
  const scenario = await londonBaseline('road', 1);
  const world = await buildWorld(scenario, nodeDataProvider());
  const travel = world.travel;
  if (!(travel instanceof RoadTravelModel)) throw new Error('not a road world');
  const { graph, weights, roads } = travel;
  const points = world.points!;
  const origins: RoadPos[] = [];
  for (let i = 0; i < count; i++) {
    const k = Math.floor(((i + 0.5) * points.lon.length) / count);
    origins.push(roadPosition(graph, travel.place(points.lon[k]!, points.lat[k]!)));
  }
  const n = roads.query.nodeCount;
  const scratch = new Uint32Array(n);
  const blocks: Uint32Array[] = [];
  const cpuMs: number[] = [];
  const wallMs: number[] = [];
  let check = 0;
  for (let i = 0; i < count; i++) {
    const seeds = exits(graph, weights, origins[i]!);
    const cpu = process.cpuUsage();
    const t = performance.now();
    const lane = i % LANES;
    if (lane === 0) blocks.push(new Uint32Array(n * LANES));
    const data = blocks[blocks.length - 1]!;
    if (copy) {
      roads.query.oneToAll(seeds, scratch);
      for (let r = 0; r < n; r++) data[r * LANES + lane] = scratch[r]!;
    } else roads.query.oneToAll(seeds, scratch, data, LANES, lane);
    wallMs.push(Math.round((performance.now() - t) * 100) / 100);
    const used = process.cpuUsage(cpu);
    cpuMs.push(Math.round((used.user + used.system) / 10) / 100);
    check = (check + data[(i * 7919) % n * LANES + lane]!) >>> 0;
  }
  const sum = (a: number[]): number => Math.round(a.reduce((x, y) => x + y, 0) * 10) / 10;
  console.log(JSON.stringify({ mode: copy ? 'copy' : 'into', cpuMsSum: sum(cpuMs), wallMsSum: sum(wallMs), cpuMs, check }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
