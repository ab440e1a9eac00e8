/**
 * Road routing on the London graph, side by side in one run:
 * - building the graph from the OSM files (time, memory) and loading the cached file;
 * - point-to-point queries per second of the contraction hierarchy and of ngraph.path A* (with
 *   a great-circle heuristic: straight metres / the fastest edge speed) on the same graph, the
 *   same random node pairs and the same integer-millisecond weights, every time checked equal;
 * - dispatch: rankTo and timesTo with 600 units (most waiting at 100 bases, some on the move);
 * - a London week with road travel (the baseline scenario switched to roads).
 * Timings are wall clock on a shared machine: noisy.
 */
import createGraph from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Report } from './run';
import { londonDataDir } from '../src/node/data/paths';
import { fileSha256, loadGraphFile } from '../src/node/osm/graph-file';
import { withDefaultHierarchy } from '../src/node/osm/import';
import { ensureLondonGraph, LONDON_ROAD_FILES, readSeamLinks } from '../src/node/osm/london';
import { RawNetworkBuilder } from '../src/node/osm/read';
import { buildRoadGraph } from '../src/sim/roads/build/road-graph';
import { HierarchyQuery } from '../src/sim/roads/query/hierarchy-query';
import { meetDistance, SpaceSearch } from '../src/sim/roads/query/search-space';
import { greatCircleM } from '../src/sim/geo';
import { speedTable } from '../src/sim/roads/speeds';
import { RoadTravelModel } from '../src/sim/travel/road';
import { edgeWeightsMs, maxEdgeSpeedKph } from '../src/sim/roads/weights';
import type { Place } from '../src/sim/world';
import { buildRoadTravel, hourOfDayClock } from '../src/world/road';

const MB = 1024 * 1024;

/** mulberry32: the same pairs on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export default async function (report: Report): Promise<void> {
  const dataDir = londonDataDir({ required: Object.values(LONDON_ROAD_FILES) });
  const { path: file, graph } = await ensureLondonGraph();
  cachedLoad(report, dataDir, file);
  let t = performance.now();
  const travel = buildRoadTravel(graph, { detourFactor: 1.3, offRoadSpeedKph: 20 }, hourOfDayClock());
  report('routing travel model build (snapping index, weights)', performance.now() - t, 'ms');
  await pointToPoint(report, graph);
  dispatch(report, travel);
  await londonWeek(report);
  // Last: it holds the most memory while it runs.
  t = performance.now();
  await buildFromOsm(report, dataDir);
  report('routing build total', (performance.now() - t) / 1000, 's');
}

/** Building from the OSM files, as the cache does on first use. */
async function buildFromOsm(report: Report, dataDir: string): Promise<void> {
  const heap0 = process.memoryUsage().heapUsed;
  let t = performance.now();
  const builder = new RawNetworkBuilder();
  await builder.addFile(path.join(dataDir, LONDON_ROAD_FILES.west));
  await builder.addFile(path.join(dataDir, LONDON_ROAD_FILES.east));
  for (const link of readSeamLinks(path.join(dataDir, LONDON_ROAD_FILES.seam))) builder.link(link.fileA, link.idA, link.fileB, link.idB, link.roadClass);
  const raw = builder.finish();
  report('routing build: read OSM files', (performance.now() - t) / 1000, 's');
  t = performance.now();
  const plain = buildRoadGraph(raw, { sources: ['bench'] });
  report('routing build: graph (split, SCC, merge, CSR)', (performance.now() - t) / 1000, 's');
  t = performance.now();
  const built = withDefaultHierarchy(plain);
  report('routing build: contraction hierarchy', (performance.now() - t) / 1000, 's');
  report('routing build: heap held by raw ways + graph + hierarchy', (process.memoryUsage().heapUsed - heap0) / MB, 'MB');
  report('routing build: peak resident memory of the bench process', process.resourceUsage().maxRSS / 1024, 'MB');
  report('routing graph nodes', built.nodeCount, 'nodes');
  report('routing graph edges', built.edgeCount, 'edges');
  report('routing hierarchy arcs (original + shortcuts)', built.hierarchy!.arcEdge.length, 'arcs');
}

/** Loading the cached graph file, alone and with the check of its inputs that precedes it. */
function cachedLoad(report: Report, dataDir: string, file: string): void {
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    loadGraphFile(file);
    loads.push(performance.now() - t);
  }
  report('routing load cached graph file (median of 5)', median(loads), 'ms');
  const t = performance.now();
  for (const f of Object.values(LONDON_ROAD_FILES)) fileSha256(path.join(dataDir, f));
  loadGraphFile(file);
  report('routing cached graph: input check + load', performance.now() - t, 'ms');
  report('routing cached graph file size', statSync(file).size / MB, 'MB');
}

async function pointToPoint(report: Report, graph: Awaited<ReturnType<typeof ensureLondonGraph>>['graph']): Promise<void> {
  const speeds = speedTable();
  const weights = edgeWeightsMs(graph, speeds);
  const msPerM = (3600 / maxEdgeSpeedKph(graph, speeds)) * (1 - 1e-9);
  const rnd = seeded(99);
  const pairs: [number, number][] = [];
  for (let i = 0; i < 300; i++) pairs.push([Math.floor(rnd() * graph.nodeCount), Math.floor(rnd() * graph.nodeCount)]);

  // ngraph.path A* on the same directed graph and weights (the lighter of parallel edges).
  let t = performance.now();
  const ng = createGraph<{ lon: number; lat: number }, number>();
  for (let v = 0; v < graph.nodeCount; v++) ng.addNode(v, { lon: graph.nodeLon[v]!, lat: graph.nodeLat[v]! });
  for (let e = 0; e < graph.edgeCount; e++) {
    const from = graph.edgeTail[e]!;
    const to = graph.edgeHead[e]!;
    const existing = ng.getLink(from, to);
    if (!existing) ng.addLink(from, to, weights[e]!);
    else if (weights[e]! < existing.data) existing.data = weights[e]!;
  }
  report('routing ngraph.graph build from the same graph', (performance.now() - t) / 1000, 's');
  const astar = ngraphPath.aStar(ng, {
    oriented: true,
    distance: (_from, _to, link) => link.data,
    heuristic: (from, to) => greatCircleM(from.data.lon, from.data.lat, to.data.lon, to.data.lat) * msPerM,
  });
  const ngTimes: number[] = [];
  t = performance.now();
  for (const [s, d] of pairs) {
    const nodes = astar.find(s, d); // from the target back to the source
    let ms = nodes.length === 0 && s !== d ? Infinity : 0;
    for (let i = nodes.length - 1; i > 0; i--) ms += ng.getLink(nodes[i]!.id, nodes[i - 1]!.id)!.data;
    ngTimes.push(ms);
  }
  const ngSeconds = (performance.now() - t) / 1000;

  const query = new HierarchyQuery(graph.hierarchy!);
  for (const [s, d] of pairs) query.distance({ nodes: [s], costs: [0] }, { nodes: [d], costs: [0] }); // warm up the JIT
  const chTimes: number[] = [];
  t = performance.now();
  for (const [s, d] of pairs) chTimes.push(query.distance({ nodes: [s], costs: [0] }, { nodes: [d], costs: [0] }));
  const chSeconds = (performance.now() - t) / 1000;

  // Cold search spaces (nothing cached): what a query from and to never-seen places costs.
  const spaces = new SpaceSearch(graph.hierarchy!);
  t = performance.now();
  const spaceTimes = pairs.map(([s, d]) => meetDistance(spaces.forward({ nodes: [s], costs: [0] }), spaces.backward({ nodes: [d], costs: [0] })));
  const spaceSeconds = (performance.now() - t) / 1000;

  const mismatches = pairs.filter((_, i) => chTimes[i] !== ngTimes[i] || spaceTimes[i] !== ngTimes[i]).length;
  if (mismatches > 0) throw new Error(`routing bench: ${mismatches} of ${pairs.length} pairs differ between the hierarchy and ngraph.path A*`);
  report('routing p2p pairs checked identical (hierarchy, search spaces, ngraph.path A*)', pairs.length, 'pairs');
  report('routing p2p ngraph.path A* (great-circle heuristic)', pairs.length / ngSeconds, 'queries/s');
  report('routing p2p contraction hierarchy (bidirectional, stall-on-demand)', pairs.length / chSeconds, 'queries/s');
  report('routing p2p ratio hierarchy / ngraph.path A*', ngSeconds / chSeconds, 'x');
  report('routing p2p cold search spaces (both built, then merged)', pairs.length / spaceSeconds, 'queries/s');
}

function dispatch(report: Report, travel: ReturnType<typeof buildRoadTravel>): void {
  const rnd = seeded(7);
  // Places where London's demand is: the west network's extent, where roads are dense.
  const randomPlace = (): Place => travel.place(-0.45 + rnd() * 0.45, 51.35 + rnd() * 0.3);
  const bases = Array.from({ length: 100 }, randomPlace);
  const atBase = Array.from({ length: 420 }, (_, i) => bases[i % bases.length]!);
  const incidents = Array.from({ length: 2300 }, randomPlace);
  // 180 units driving back to base from an incident; a dispatch every 30 s sees each where it
  // has got to (a new return trip once one is over), as the simulator does.
  const STEP_S = 30;
  const returning = Array.from({ length: 180 }, (_, u) => ({ home: bases[u % 100]!, trip: travel.trip(randomPlace(), bases[u % 100]!, 0, false), started: 0 }));
  const movingAt = (i: number): Place[] =>
    returning.map((unit) => {
      const now = i * STEP_S;
      if (now - unit.started > unit.trip.durationS) {
        unit.trip = travel.trip(incidents[(i * 7 + unit.started) % incidents.length]!, unit.home, now, false);
        unit.started = now;
      }
      return unit.trip.placeAt(now - unit.started);
    });

  // Warm-up: the first calls build the bases' search spaces and trees.
  let t = performance.now();
  for (let i = 0; i < 300; i++) travel.rankTo([...atBase, ...movingAt(i)], incidents[i]!, i * STEP_S, true, 1);
  report('routing rankTo warm-up (first 300 dispatches: spaces and trees built)', ((performance.now() - t) / 300) * 1000, 'us/dispatch');
  report('routing trees built for repeated origins', travel.treeStats.built, 'trees');

  const sets = Array.from({ length: 2000 }, (_, k) => [...atBase, ...movingAt(300 + k)]);
  t = performance.now();
  for (let k = 0; k < 2000; k++) travel.rankTo(sets[k]!, incidents[300 + k]!, (300 + k) * STEP_S, true, 1);
  report('routing rankTo k=1, 600 units (420 at 100 bases, 180 driving back)', ((performance.now() - t) / 2000) * 1000, 'us/dispatch');

  t = performance.now();
  for (let k = 0; k < 2000; k++) travel.rankTo(atBase, incidents[300 + k]!, (300 + k) * STEP_S, true, 5);
  report('routing rankTo k=5, 420 units at bases', ((performance.now() - t) / 2000) * 1000, 'us/dispatch');

  const fresh = Array.from({ length: 180 }, randomPlace);
  t = performance.now();
  for (let k = 0; k < 500; k++) travel.rankTo([...atBase, ...fresh.map(() => randomPlace())], incidents[300 + k]!, 0, true, 1);
  report('routing rankTo k=1, 420 at bases + 180 never-seen places (worst case)', ((performance.now() - t) / 500) * 1000, 'us/dispatch');

  t = performance.now();
  for (let k = 0; k < 500; k++) travel.timesTo(sets[k]!, incidents[300 + k]!, (300 + k) * STEP_S, true);
  report('routing timesTo, 600 units', ((performance.now() - t) / 500) * 1000, 'us/dispatch');

  // rankTo must equal the best of timesTo.
  for (let k = 0; k < 100; k++) {
    const times = travel.timesTo(sets[k]!, incidents[300 + k]!, 0, true);
    const [top] = travel.rankTo(sets[k]!, incidents[300 + k]!, 0, true, 1);
    const best = Math.min(...times);
    if (top!.timeS !== best || times.indexOf(best) !== top!.index) throw new Error(`routing bench: rankTo disagrees with timesTo at dispatch ${k}`);
  }

  t = performance.now();
  for (let i = 0; i < 2000; i++) {
    const trip = travel.trip(bases[i % 100]!, incidents[i]!, 0, true);
    trip.placeAt(trip.durationS / 2);
  }
  report('routing trip + placeAt halfway', ((performance.now() - t) / 2000) * 1000, 'us/trip');
}

async function londonWeek(report: Report): Promise<void> {
  const { loadScenarioFile } = await import('../src/node/scenario/load');
  const { parseScenario } = await import('../src/shared/scenario');
  const { nodeDataProvider } = await import('../src/node/data/provider');
  const { buildWorld } = await import('../src/world');
  const { runScenario } = await import('../src/sim');
  const raw = (await loadScenarioFile('london')) as unknown as { travel: Record<string, unknown>; days?: number };
  raw.travel = { ...raw.travel, mode: 'road' };
  raw.days = 7;
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(`routing bench: the London baseline with road travel is invalid: ${JSON.stringify(parsed.errors)}`);
  let t = performance.now();
  const world = await buildWorld(parsed.scenario, nodeDataProvider());
  report('routing london week: world build with road travel', (performance.now() - t) / 1000, 's');
  t = performance.now();
  const run = runScenario(parsed.scenario, world);
  report('routing london week with road travel: run', (performance.now() - t) / 1000, 's');
  report('routing london week: events', run.results.meta.events, 'events');
  report('routing london week: access-leg share of travel time', run.results.meta.accessLegTimePct ?? NaN, '%');
  // What ranking cost: exact road queries (each a search-space merge or a tree lookup), and units
  // gliding directly that needed a road bound (snapped), of which the bound sent some back.
  if (world.travel instanceof RoadTravelModel) {
    const { roadQueries, glidesBounded, glidesDeferred } = world.travel.rankStats;
    report('routing london week: exact road queries in ranking', roadQueries, 'queries');
    report('routing london week: gliding units snapped for a road bound in ranking', glidesBounded, 'units');
    report('routing london week: of those, sent back behind others by that bound', glidesDeferred, 'units');
    report('routing london week: trees built for repeated origins', world.travel.treeStats.built, 'trees');
  }
}
