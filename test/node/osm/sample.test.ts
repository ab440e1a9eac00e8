/** The small real OSM sample (Palmers Green, N London; raw OSM tags with maxspeed). */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGraphFile, writeGraphFile } from '../../../src/node/osm/graph-file';
import { londonDataDir } from '../../../src/node/data/paths';
import { ensureOsmGraph, importOsm } from '../../../src/node/osm/import';
import { OsmReadError, RawNetworkBuilder } from '../../../src/node/osm/read';
import { buildRoadGraph } from '../../../src/sim/roads/build/road-graph';
import { ROAD_CLASSES } from '../../../src/sim/roads/classes';
import type { RoadGraph } from '../../../src/sim/roads/graph';
import { stronglyConnectedComponents } from '../../../src/sim/roads/build/scc';
import { buildRoadTravel, hourOfDayClock } from '../../../src/world/road';

const SAMPLE = 'roads/osm_sample_n_london_palmers_green_drive.osm.pbf';
let file: string;
let graph: RoadGraph;

beforeAll(async () => {
  file = path.join(londonDataDir({ required: [SAMPLE] }), SAMPLE);
  graph = await importOsm([file], { sources: [SAMPLE] });
});

describe('the Palmers Green OSM sample', () => {
  it('reads its drivable ways and their tags', async () => {
    const builder = new RawNetworkBuilder();
    await builder.addFile(file);
    const raw = builder.finish();
    // README: 1,059 ways, all drivable classes (tags-filtered), all node refs present.
    expect(builder.waysRead, 'drivable (a few private or parking ways left out)').toBeGreaterThan(1000);
    expect(builder.waysRead).toBeLessThanOrEqual(1059);
    expect(builder.waysWithMissingNodes).toBe(0);
    expect(raw.nodeLon.length).toBeLessThanOrEqual(4829);
    const limits = new Set(Array.from(raw.wayMaxspeedKph).map((k) => Math.round(k)));
    // 20, 30, 40, 50, 10 and 5 mph are tagged in the sample.
    for (const mph of [20, 30, 40, 50]) expect(limits.has(Math.round(mph * 1.609344)), `${mph} mph`).toBe(true);
    expect(Array.from(raw.wayOneway).filter((o) => o !== 0).length, 'one-way ways').toBeGreaterThan(300);
  });

  it('builds a strongly connected graph with speed limits and merged chains', () => {
    const s = graph.meta.stats;
    expect(s.nodes).toBeGreaterThan(500);
    expect(s.edges).toBeGreaterThan(s.roads);
    expect(s.mergedNodes, 'degree-2 junctions between ways merged').toBeGreaterThan(0);
    expect(s.dropped.components, 'one-way stubs cut at the sample edge are dropped').toBeGreaterThan(0);
    expect(Object.keys(s.kmByClass).sort()).toEqual(expect.arrayContaining(['primary', 'residential', 'trunk']));
    for (const name of Object.keys(s.kmByClass)) expect(ROAD_CLASSES).toContain(name);
    const total = Object.values(s.kmByClass).reduce((a, b) => a + b, 0);
    expect(total, 'about 100 km of road in 4.4 x 3.7 km').toBeGreaterThan(60);
    expect(total).toBeLessThan(200);
    const tagged = Array.from(graph.edgeMaxspeedKph).filter((k) => k > 0).length;
    expect(tagged / graph.edgeCount, 'most edges carry a limit').toBeGreaterThan(0.5);
    expect(stronglyConnectedComponents(graph.firstOut, graph.edgeHead).count).toBe(1);
    expect(graph.hierarchy, 'built with a hierarchy').toBeDefined();
  });

  it('routes across it using the stored hierarchy, slower on 20 mph streets', () => {
    const travel = buildRoadTravel(graph, { detourFactor: 1.3, offRoadSpeedKph: 20 }, hourOfDayClock());
    expect(travel.hierarchy, 'the stored hierarchy fits the default speeds').toBe(graph.hierarchy);
    // Palmers Green triangle to Bounds Green (about 3 km apart).
    const a = travel.place(-0.1103, 51.6177);
    const b = travel.place(-0.1236, 51.6071);
    const t = travel.timesTo([a], b, 0, false)[0]!;
    expect(t).toBeGreaterThan(200);
    expect(t).toBeLessThan(1200);
    const trip = travel.trip(a, b, 0, false);
    expect(trip.durationS).toBe(t);
    expect(trip.distanceM).toBeGreaterThan(1500);
    // A 20 mph residential street runs at 24 km/h x 20/30 = 16 km/h: 225 ms a metre.
    const residential = ROAD_CLASSES.indexOf('residential');
    let checked = 0;
    for (let e = 0; e < graph.edgeCount; e++) {
      if (graph.edgeClass[e] !== residential || graph.edgeLengthM[e]! < 50) continue;
      const perM = travel.weights[e]! / graph.edgeLengthM[e]!;
      if (Math.abs(graph.edgeMaxspeedKph[e]! - 20 * 1.609344) < 0.01) {
        expect(perM).toBeCloseTo(225, 0);
        checked++;
      } else if (graph.edgeMaxspeedKph[e] === 0) {
        expect(perM).toBeCloseTo(150, 0);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('cuts ways at a bounding box', async () => {
    const west = await importOsm([file], { sources: [SAMPLE], bbox: [-0.16, 51.59, -0.127, 51.64], hierarchy: false });
    expect(west.nodeCount).toBeGreaterThan(50);
    expect(west.nodeCount).toBeLessThan(graph.nodeCount);
    for (let v = 0; v < west.nodeCount; v++) expect(west.nodeLon[v]).toBeLessThanOrEqual(-0.127);
  });

  it('rejects files that are not OSM PBF, naming them', async () => {
    const builder = new RawNetworkBuilder();
    await expect(builder.addFile(path.join(londonDataDir({ required: [SAMPLE] }), '../README.md'))).rejects.toThrow(OsmReadError);
    await expect(new RawNetworkBuilder().addFile('/no/such/file.osm.pbf')).rejects.toThrow(/\/no\/such\/file\.osm\.pbf: cannot read/);
    expect(() => buildRoadGraph(new RawNetworkBuilder().finish(), { sources: [] }).nodeCount).not.toThrow();
  });

  it('keeps hierarchies for other speeds beside a graph file, at most four, and reuses them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hier-'));
    try {
      const file = path.join(dir, 'sample.graph');
      writeGraphFile(file, graph);
      const settings = { detourFactor: 1.3, offRoadSpeedKph: 20, roadSpeedsKph: { residential: 30 } };
      const first = buildRoadTravel(loadGraphFile(file, dir), settings, hourOfDayClock());
      expect(readdirSync(dir).filter((e) => e.endsWith('.hier')).length).toBe(1);
      const second = buildRoadTravel(loadGraphFile(file, dir), settings, hourOfDayClock());
      expect(second.hierarchy, 'read back from the file').not.toBe(first.hierarchy);
      expect([...second.hierarchy.upOutHead]).toEqual([...first.hierarchy.upOutHead]);
      for (const kph of [31, 32, 33, 34, 35]) buildRoadTravel(loadGraphFile(file, dir), { ...settings, roadSpeedsKph: { residential: kph } }, hourOfDayClock());
      expect(readdirSync(dir).filter((e) => e.endsWith('.hier')).length, 'the oldest are removed').toBe(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds a named extract once into the cache', async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'osm-cache-'));
    try {
      const first = await ensureOsmGraph(file, { cacheDir: cache });
      const second = await ensureOsmGraph(file, { cacheDir: cache });
      expect(second.path).toBe(first.path);
      expect(path.basename(first.path)).toMatch(/^osm-osm_sample_n_london_palmers_green_drive-[0-9a-f]{16}\.graph$/);
      expect(second.graph.nodeCount).toBe(graph.nodeCount);
      expect(second.graph.hierarchyStore, 'with a store for other speeds').toBeDefined();
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
