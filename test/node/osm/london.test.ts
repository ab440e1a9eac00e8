/**
 * The built-in London road graph (west full network + east main-road skeleton, stitched at the
 * meridian), from the cache (built on first use, tens of seconds).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDataDir } from '../../../src/node/data/paths';
import { loadGraphFile } from '../../../src/node/osm/graph-file';
import { ensureLondonGraph, LONDON_ROAD_FILES, readSeamLinks } from '../../../src/node/osm/london';
import type { RoadGraph } from '../../../src/sim/roads/graph';
import { greatCircleM } from '../../../src/sim/geo';
import { stronglyConnectedComponents } from '../../../src/sim/roads/build/scc';
import { edgeSpeedKph, speedTable } from '../../../src/sim/roads/speeds';
import type { RoadTravelModel } from '../../../src/sim/travel/road';
import type { Place } from '../../../src/sim/world';
import { buildRoadTravel, hourOfDayClock } from '../../../src/world/road';
import { plainDijkstraAll, seeded } from '../../sim/roads/helpers';

const SETTINGS = { detourFactor: 1.3, offRoadSpeedKph: 20 };
let graph: RoadGraph;
let file: string;
let travel: RoadTravelModel;

beforeAll(async () => {
  ({ graph, path: file } = await ensureLondonGraph());
  travel = buildRoadTravel(graph, SETTINGS, hourOfDayClock());
});

describe('the London road graph', () => {
  it('has the size of London west of the meridian plus the east skeleton', () => {
    const s = graph.meta.stats;
    // README: 184,517 west junctions, 99.3% in the largest SCC, fewer after degree-2 merging; 2,354 east junctions.
    expect(s.nodes).toBeGreaterThan(170_000);
    expect(s.nodes).toBeLessThan(190_000);
    expect(s.edges).toBeGreaterThan(2 * s.nodes);
    const km = Object.values(s.kmByClass).reduce((a, b) => a + b, 0);
    expect(km, 'README: 17,966 km west + 596 km east').toBeGreaterThan(17_500);
    expect(km).toBeLessThan(18_600);
    expect(s.kmByClass.motorway, 'west and east motorways').toBeGreaterThan(250);
    expect(s.dropped.components, 'stubs cut at the coverage edge are dropped and counted').toBeGreaterThan(100);
    expect(s.dropped.nodes / (s.nodes + s.dropped.nodes)).toBeLessThan(0.02);
    expect(graph.hierarchy).toBeDefined();
    expect(graph.meta.sources.map((x) => x.split(' ')[0])).toEqual(Object.values(LONDON_ROAD_FILES));
  });

  it('is one strongly connected component that reaches east of the meridian', () => {
    expect(stronglyConnectedComponents(graph.firstOut, graph.edgeHead).count).toBe(1);
    let east = 0;
    for (let v = 0; v < graph.nodeCount; v++) if (graph.nodeLon[v]! > 0.05) east++;
    expect(east, 'east skeleton junctions kept through the seam').toBeGreaterThan(200);
  });

  it('is cached: a second call gives the same file, which loads on its own', async () => {
    const again = await ensureLondonGraph();
    expect(again.path).toBe(file);
    expect(existsSync(file)).toBe(true);
    const loaded = loadGraphFile(file);
    expect(loaded.nodeCount).toBe(graph.nodeCount);
    expect(loaded.hierarchy!.upOutHead.length).toBe(graph.hierarchy!.upOutHead.length);
  });

  it('routes 1,000 random pairs of places to within a second of plain Dijkstra', () => {
    const rnd = seeded(2024);
    const speeds = speedTable();
    // Dijkstra's own seconds: real-valued, from metres and speeds, not the model's milliseconds.
    const cost = new Float64Array(graph.edgeCount);
    for (let e = 0; e < graph.edgeCount; e++) cost[e] = (graph.edgeLengthM[e]! * 3.6) / edgeSpeedKph(graph.edgeClass[e]!, graph.edgeMaxspeedKph[e]!, speeds);
    const randomPlace = (): Place => travel.place(-0.5 + rnd() * 0.8, 51.3 + rnd() * 0.38);
    const leg = (p: Place): number => (p.accessM * 1.3) / (20 / 3.6);
    let worst = 0;
    // 100 origins x 10 destinations: one full Dijkstra per origin serves its 10 pairs.
    for (let i = 0; i < 100; i++) {
      const o = randomPlace();
      const from = ends(graph, cost, o, 'out');
      const dist = plainDijkstraAll(graph, cost, from);
      for (let j = 0; j < 10; j++) {
        const d = randomPlace();
        const got = travel.timesTo([o], d, 0, false)[0]!;
        const into = ends(graph, cost, d, 'in');
        let road = Infinity;
        into.nodes.forEach((v, k) => (road = Math.min(road, dist[v]! + into.costs[k]!)));
        if (from.road === into.road) {
          const f = graph.roadForwardEdge[from.road]!;
          const b = graph.roadBackwardEdge[from.road]!;
          if (into.pos >= from.pos && f >= 0) road = Math.min(road, (cost[f]! * (into.pos - from.pos)) / from.len);
          if (into.pos <= from.pos && b >= 0) road = Math.min(road, (cost[b]! * (from.pos - into.pos)) / from.len);
        }
        // The journey is the road one or the direct one (straight x detour at the off-road speed), the lesser.
        const direct = (greatCircleM(o.lon, o.lat, d.lon, d.lat) * 1.3) / (20 / 3.6);
        const expected = Math.min(road + leg(o) + leg(d), direct);
        expect(Math.abs(got - expected), `pair ${i}.${j}: ${got} s vs Dijkstra ${expected} s`).toBeLessThan(1);
        worst = Math.max(worst, Math.abs(got - expected));
      }
    }
    expect(worst).toBeLessThan(1);
  });

  it('drives across London on roads between 1.1 and 1.8 times the straight line', () => {
    const pairs: [string, [number, number], [number, number]][] = [
      ['Ealing -> Westminster', [-0.3019, 51.5133], [-0.1357, 51.4975]],
      ['Barnet -> Croydon', [-0.2002, 51.6531], [-0.0982, 51.3762]],
      ['Uxbridge -> Camden', [-0.4785, 51.5464], [-0.1426, 51.539]],
      ['Kingston -> Hackney', [-0.3053, 51.4123], [-0.0553, 51.545]],
      ['Brixton -> Romford (east skeleton)', [-0.1145, 51.4613], [0.1837, 51.5768]],
    ];
    for (const [name, a, b] of pairs) {
      const o = travel.place(a[0], a[1]);
      const d = travel.place(b[0], b[1]);
      const trip = travel.trip(o, d, 0, false);
      const roadM = trip.distanceM - (o.accessM + d.accessM) * 1.3;
      const straight = greatCircleM(a[0], a[1], b[0], b[1]);
      expect(roadM / straight, name).toBeGreaterThan(1.1);
      expect(roadM / straight, name).toBeLessThan(1.8);
      expect(trip.durationS / 60, `${name}: minutes`).toBeGreaterThan(15);
      expect(trip.durationS / 60, `${name}: minutes`).toBeLessThan(120);
    }
  });
});

describe('the London graph cache', () => {
  let data: string;
  let cache: string;
  afterAll(() => {
    rmSync(data, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  it('rebuilds when an input changes and removes the old build', async () => {
    // A small stand-in for the data folder: the Palmers Green sample as "west", the real east skeleton, no seam pairs.
    const real = londonDataDir({ required: Object.values(LONDON_ROAD_FILES) });
    data = mkdtempSync(path.join(os.tmpdir(), 'london-roads-'));
    cache = mkdtempSync(path.join(os.tmpdir(), 'london-roads-cache-'));
    mkdirSync(path.join(data, 'roads'));
    cpSync(path.join(real, 'roads/osm_sample_n_london_palmers_green_drive.osm.pbf'), path.join(data, LONDON_ROAD_FILES.west));
    cpSync(path.join(real, LONDON_ROAD_FILES.east), path.join(data, LONDON_ROAD_FILES.east));
    const header = 'east_node_id,east_lon,east_lat,east_highways,east_directions,west_node_id,west_lon,west_lat,west_highways,dist_m\n';
    writeFileSync(path.join(data, LONDON_ROAD_FILES.seam), header);
    const first = await ensureLondonGraph({ dataDir: data, cacheDir: cache });
    writeFileSync(path.join(data, LONDON_ROAD_FILES.seam), header + '\n');
    const second = await ensureLondonGraph({ dataDir: data, cacheDir: cache });
    expect(second.path, 'a changed input is a new cache key').not.toBe(first.path);
    expect(existsSync(first.path), 'the old build is removed').toBe(false);
    expect(second.graph.nodeCount).toBe(first.graph.nodeCount);
  });

  it('reads seam pairs, and names the file and line of a bad one', () => {
    const real = londonDataDir({ required: [LONDON_ROAD_FILES.seam] });
    const links = readSeamLinks(path.join(real, LONDON_ROAD_FILES.seam));
    expect(links.length).toBe(19);
    expect(links.every((l) => l.idA > 20_000_000 && l.idB < 20_000_000)).toBe(true);
    const bad = path.join(os.tmpdir(), `seam-${process.pid}.csv`);
    writeFileSync(bad, 'east_node_id,east_highways,west_node_id\n20000001,trunk,12\n20000002,footway,13\n');
    expect(() => readSeamLinks(bad)).toThrow(new RegExp(`${bad}: line 3, east_highways: not a road class: footway`));
    rmSync(bad);
  });
});

/** A place's seeds for the test's own Dijkstra (real-valued part-edge costs). */
function ends(graph: RoadGraph, cost: Float64Array, place: Place, side: 'out' | 'in') {
  const e = place.edge;
  const len = graph.edgeLengthM[e]!;
  const pos = graph.edgeReversed[e] ? len - place.offsetM : place.offsetM;
  const road = graph.edgeRoad[e]!;
  const f = graph.roadForwardEdge[road]!;
  const b = graph.roadBackwardEdge[road]!;
  const nodes: number[] = [];
  const costs: number[] = [];
  const ahead = (len - pos) / len;
  if (f >= 0) {
    nodes.push(side === 'out' ? graph.edgeHead[f]! : graph.edgeTail[f]!);
    costs.push(cost[f]! * (side === 'out' ? ahead : 1 - ahead));
  }
  if (b >= 0) {
    nodes.push(side === 'out' ? graph.edgeHead[b]! : graph.edgeTail[b]!);
    costs.push(cost[b]! * (side === 'out' ? 1 - ahead : ahead));
  }
  return { nodes, costs, road, pos, len };
}
