/**
 * nodeDataProvider: the built-in London sets from the cache, files by path, the errors for
 * unknown sets and missing files, and the baseline scenario built into a world on the real data.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSourceError, nodeDataProvider } from '../../../src/node/data/provider';
import { CACHE_ENV, DataNotFoundError, DATA_ENV, londonDataDir } from '../../../src/node/data/paths';
import { baselineScenarioPath } from '../../../src/node/london/baseline';
import { describeIssues, parseScenario } from '../../../src/shared/scenario';
import { buildWorld } from '../../../src/world';
import type { RoadGraph } from '../../../src/sim/roads/graph';
import type { RoadTravelModel } from '../../../src/sim/travel/road';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'london-provider-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nodeDataProvider', () => {
  const provider = nodeDataProvider();

  it('serves the 33 London areas and the LSOA points from the data step', async () => {
    const areas = await provider.areas('london-boroughs');
    expect(areas.features).toHaveLength(33);
    expect(areas.features.map((f) => f.properties?.id)).toContain('E09000033');
    const points = await provider.points('london-lsoa');
    expect(points.lon).toHaveLength(4835);
    expect(points.label).toHaveLength(4835);
    expect(points.weight.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('loads each set once per provider', async () => {
    expect(await provider.points('london-lsoa')).toBe(await provider.points('london-lsoa'));
  });

  it('reads areas and points named by file path, relative to its folder', async () => {
    writeFileSync(
      path.join(dir, 'one.geojson'),
      JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'A', name: 'A' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] }),
    );
    writeFileSync(path.join(dir, 'pts.json'), JSON.stringify({ lon: [0.5], lat: [0.2], weight: [1] }));
    const local = nodeDataProvider({ cwd: dir });
    expect((await local.areas('one.geojson')).features).toHaveLength(1);
    expect((await local.points('./pts.json')).weight).toEqual([1]);
  });

  it('names the known sets when asked for an unknown one', async () => {
    await expect(provider.areas('paris')).rejects.toThrow(DataSourceError);
    await expect(provider.areas('paris')).rejects.toThrow('no built-in area set "paris" (known: london-boroughs; or give a file path)');
    await expect(provider.points('nyc')).rejects.toThrow('no built-in point set "nyc" (known: london-lsoa');
    await expect(provider.network('rome')).rejects.toThrow('no built-in road network "rome" (known: london');
  });

  it('names the file when a path cannot be read or is not JSON, or a point file lacks arrays', async () => {
    const missing = path.join(dir, 'none.geojson');
    await expect(provider.areas(missing)).rejects.toThrow(`area file ${missing}: no such file`);
    writeFileSync(path.join(dir, 'bad.json'), '{ not json');
    await expect(provider.points(path.join(dir, 'bad.json'))).rejects.toThrow(/point file .*bad\.json: not valid JSON/);
    writeFileSync(path.join(dir, 'nolat.json'), JSON.stringify({ lon: [1], weight: [1] }));
    await expect(provider.points(path.join(dir, 'nolat.json'))).rejects.toThrow(/nolat\.json: lat: expected an array of numbers/);
  });

  it('builds a road network from an OSM extract named by path once, into the cache', async () => {
    const cache = path.join(dir, 'cache');
    const sample = path.join(londonDataDir({ required: [] }), 'roads', 'osm_sample_n_london_palmers_green_drive.osm.pbf');
    const env = { ...process.env, [CACHE_ENV]: cache };
    const graph = (await nodeDataProvider({ env }).network(sample)) as RoadGraph;
    expect(graph.nodeCount, 'nodes of the Palmers Green sample').toBeGreaterThan(500);
    const built = readdirSync(path.join(cache, 'roads'));
    expect(built.filter((f) => f.startsWith('osm-')), 'graph files in the cache').toHaveLength(1);
    // A second process (a new provider) loads the cached build instead of importing again.
    const again = (await nodeDataProvider({ env }).network(sample)) as RoadGraph;
    expect(again.nodeCount).toBe(graph.nodeCount);
    expect(readdirSync(path.join(cache, 'roads'))).toEqual(built);
  });

  it('names the missing road files when the London network has no source data', async () => {
    const empty = nodeDataProvider({ env: { ...process.env, [DATA_ENV]: dir } });
    await expect(empty.network('london')).rejects.toThrow(DataNotFoundError);
    await expect(empty.network('london')).rejects.toThrow(/missing roads\/omt2018_west_london_drive\.osm\.pbf/);
  });
});

describe('the baseline scenario on the built-in data', () => {
  it('is a valid scenario whose world has the 33 areas, their BCUs, the weighted LSOA points and London\'s roads', async () => {
    const parsed = parseScenario(JSON.parse(readFileSync(baselineScenarioPath(), 'utf8')));
    if (!parsed.ok) throw new Error(describeIssues(parsed.errors, baselineScenarioPath()));
    const provider = nodeDataProvider();
    const world = await buildWorld(parsed.scenario, provider);
    expect(world.areas!.ids).toHaveLength(33);
    const city = world.areas!.ids.indexOf('E09000001');
    expect(world.areas!.names[city]).toBe('City of London');
    expect(world.areas!.bcus[city], 'City of London is in no BCU').toBeNull();
    expect(world.areas!.bcus.filter((b) => b !== null)).toHaveLength(32);
    expect(world.points!.lon).toHaveLength(4835);
    // Nearly every LSOA point falls in an area; the City's points carry no weight.
    let cityWeight = 0;
    let located = 0;
    world.points!.area.forEach((a, i) => {
      if (a >= 0) located++;
      if (a === city) cityWeight += world.points!.weight[i]!;
    });
    expect(located).toBeGreaterThan(4825);
    expect(cityWeight).toBe(0);
    expect(world.travel.mode).toBe('road');
    // The baseline's speeds are the defaults the graph file was contracted for: no contraction per process.
    const graph = (await provider.network('london')) as RoadGraph;
    expect(graph.hierarchy, 'the built London graph carries a hierarchy').toBeDefined();
    expect((world.travel as RoadTravelModel).hierarchy, 'road travel uses the graph\'s own hierarchy').toBe(graph.hierarchy);
  }, 60_000);
});
