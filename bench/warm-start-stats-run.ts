/**
 * Counts for the London baseline road week (issue 14 work): travel-model calls, search-space
 * searches by the call that made them, exact queries, ranking figures. Prints one JSON line.
 *
 *   node out/node/bench/warm-start-stats-run.js [days]
 *
 * Wrappers time the searches, the space-file views and the tree builds (wall time: compare runs
 * made alike). SEARCHED_NODES=<file> writes the nodes searched forward (JSON); COMPARE_PLAIN=1
 * runs every table search also without its landmark bounds and counts any other answer
 * ("forwardToTable MISMATCH": there must be none).
 */
import { writeFileSync } from 'node:fs';
import { nodeDataProvider } from '../src/node/data/provider';
import { londonBaseline } from './london-baseline';
import { runScenario } from '../src/sim';
import { SpaceSearch, type SearchSpace } from '../src/sim/roads/query/search-space';
import { spacesOf } from '../src/sim/roads/query/road-queries';
import { MeetTable } from '../src/sim/roads/query/meet-table';
import { TreeCache } from '../src/sim/roads/query/trees';
import { RoadQueries } from '../src/sim/roads/query/road-queries';
import { RoadTravelModel } from '../src/sim/travel/road';
import { buildWorld } from '../src/world';
import { SpaceTable } from '../src/sim/roads/query/space-file';

const counts: Record<string, number> = {};
const stack: string[] = ['other'];
function count(k: string, n = 1): void {
  counts[k] = (counts[k] ?? 0) + n;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function wrap(proto: any, name: string, label: string, extra?: (this: unknown, args: unknown[]) => void): void {
  const f = proto[name] as (...a: unknown[]) => unknown;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    count(label);
    extra?.call(this, args);
    stack.push(label);
    try {
      return f.apply(this, args);
    } finally {
      stack.pop();
    }
  };
}

async function main(): Promise<void> {
  const days = Number(process.argv[2] ?? 7);
  const scenario = await londonBaseline('road', days);
  const world = await buildWorld(scenario, nodeDataProvider());
  let nodeOf: Uint32Array | null = null;
  const searchedNodes: number[] = [];
  const searched = new Map<SearchSpace, number>();
  let searchNs = 0n;
  let pruneNs = 0n;
  let plainNs = 0n;
  let searchEntries = 0;
  const searchedRanks: number[] = [];
  const ss = SpaceSearch.prototype;
  for (const dir of ['forward', 'backward'] as const) {
    const f = ss[dir];
    ss[dir] = function (this: SpaceSearch, seeds) {
      count(`search ${dir} in ${stack.join('>')}`);
      const model0 = world.travel as unknown as RoadTravelModel;
      if (dir === 'forward' && stack.includes('rankTo')) {
        const h = model0.hierarchy;
        if (!nodeOf) {
          nodeOf = new Uint32Array(h.rank.length);
          for (let v = 0; v < h.rank.length; v++) nodeOf[h.rank[v]!] = v;
        }
        const cache = spacesOf(h, h.rank.length).out;
        const rx = h.rank[seeds.nodes[0]!]!;
        let all = true;
        let deg = 0;
        for (let k = h.upOutFirst[rx]!; k < h.upOutFirst[rx + 1]!; k++) {
          deg++;
          if (!cache.get(nodeOf[h.upOutHead[k]!]!)) all = false;
        }
        count(`rank search: up degree ${Math.min(deg, 6)}`);
        count(`rank search: all up neighbours cached ${all}`);
      }
      const t = process.hrtime.bigint();
      const space = f.call(this, seeds);
      if (dir === 'forward') {
        searched.set(space, 0);
        searchedNodes.push(seeds.nodes[0]!);
      }
      searchNs += process.hrtime.bigint() - t;
      searchEntries += space.ranks.length;
      if (dir === 'forward') searchedRanks.push(world.travel && (world.travel as unknown as RoadTravelModel).hierarchy.rank[seeds.nodes[0]!]!);
      return space;
    };
  }
  const ftt = ss.forwardToTable;
  ss.forwardToTable = function (this: SpaceSearch, ...a: Parameters<SpaceSearch['forwardToTable']>) {
    count('forwardToTable');
    if (a[2] === Infinity) count('forwardToTable no limit');
    let plain = NaN;
    if (process.env.COMPARE_PLAIN) {
      const t0 = process.hrtime.bigint();
      plain = ftt.call(this, a[0], a[1], a[2], null);
      plainNs += process.hrtime.bigint() - t0;
    }
    const t = process.hrtime.bigint();
    const r = ftt.apply(this, a);
    pruneNs += process.hrtime.bigint() - t;
    if (process.env.COMPARE_PLAIN && plain !== r) count('forwardToTable MISMATCH');
    if (r === Infinity) count('forwardToTable out');
    return r;
  };
  const tc = TreeCache.prototype;
  const build0 = tc.build;
  let buildNs = 0n;
  tc.build = function (this: TreeCache, ...a: Parameters<TreeCache['build']>) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    const r = build0.apply(this, a);
    buildNs += process.hrtime.bigint() - t;
    const u = process.cpuUsage(c);
    count('tree build cpu us', u.user + u.system);
    count('tree builds');
    return r;
  };
  const tm = RoadTravelModel.prototype;
  wrap(tm, 'rankTo', 'rankTo', (a) => count('rankTo origins', (a[0] as unknown[]).length));
  wrap(tm, 'timesFrom', 'timesFrom', (a) => count('timesFrom dests', (a[1] as unknown[]).length));
  wrap(tm, 'timesTo', 'timesTo', (a) => count('timesTo origins', (a[0] as unknown[]).length));
  let lastRankDest: unknown = null;
  const rankTo0 = tm.rankTo;
  tm.rankTo = function (this: RoadTravelModel, ...a: Parameters<RoadTravelModel['rankTo']>) {
    lastRankDest = a[1];
    return rankTo0.apply(this, a);
  };
  const trip0 = tm.trip;
  tm.trip = function (this: RoadTravelModel, ...a: Parameters<RoadTravelModel['trip']>) {
    const o = a[0] as { constructor: { name: string } };
    const before = counts['ms'] ?? 0;
    const r = trip0.apply(this, a);
    const usedMs = (counts['ms'] ?? 0) > before;
    count(`trip from ${o.constructor.name} destIsLastRankDest=${a[1] === lastRankDest} ms=${usedMs}`);
    return r;
  };
  wrap(tm, 'trip', 'trip');
  const rq = RoadQueries.prototype;
  wrap(rq, 'route', 'route');
  wrap(rq, 'ms', 'ms', function (this: unknown, a: unknown[]) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const self = this as any;
    count(`ms tree=${self.tree(a[0]) !== undefined}`);
  });
  let lastInto = '';
  const tableTo0 = rq.tableTo;
  rq.tableTo = function (this: RoadQueries, into) {
    const key = `${into.nodes.join(',')}/${into.costs.join(',')}`;
    if (key === lastInto) count('tableTo same as last');
    lastInto = key;
    return tableTo0.call(this, into);
  };
  const tableFrom0 = rq.tableFrom;
  rq.tableFrom = function (this: RoadQueries, out) {
    lastInto = '';
    return tableFrom0.call(this, out);
  };
  wrap(rq, 'tableTo', 'tableTo');
  wrap(rq, 'toTable', 'toTable');
  wrap(rq, 'tableFrom', 'tableFrom');
  wrap(rq, 'fromTable', 'fromTable');
  wrap(rq, 'viaTree', 'viaTree');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const st = SpaceTable.prototype as any;
  const view = st.view as (i: number) => unknown;
  let viewNs = 0n;
  st.view = function (this: unknown, i: number) {
    const t = process.hrtime.bigint();
    try {
      return view.call(this, i);
    } finally {
      viewNs += process.hrtime.bigint() - t;
      count('view');
    }
  };
  const mt = MeetTable.prototype;
  const meet0 = mt.meet;
  mt.meet = function (this: MeetTable, space: SearchSpace) {
    const n = searched.get(space);
    if (n !== undefined) searched.set(space, n + 1);
    return meet0.call(this, space);
  };
  const { results } = runScenario(scenario, world, { incidentLog: false });
  const model = world.travel as unknown as RoadTravelModel;
  const uses: Record<number, number> = {};
  for (const n of searched.values()) uses[Math.min(n, 10)] = (uses[Math.min(n, 10)] ?? 0) + 1;
  if (process.env.SEARCHED_NODES) writeFileSync(process.env.SEARCHED_NODES, JSON.stringify(searchedNodes));
  console.error('meets per searched space', JSON.stringify(uses));
  const n = model.hierarchy.rank.length;
  const sorted = searchedRanks.map((r) => r / n).sort((a, b) => a - b);
  console.error('searched rank quantiles', [0.01, 0.1, 0.25, 0.5, 0.75, 0.9].map((q) => sorted[Math.floor(q * sorted.length)]!.toFixed(3)).join(' '));
  console.log(JSON.stringify({ events: results.meta.events, rankStats: model.rankStats, trees: model.treeStats, counts, viewMs: Number(viewNs) / 1e6, searchMs: Number(searchNs) / 1e6, pruneMs: Number(pruneNs) / 1e6, plainMs: Number(plainNs) / 1e6, buildMs: Number(buildNs) / 1e6, searchEntries }, null, 1));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
