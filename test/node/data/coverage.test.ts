/**
 * The road data coverage layer (src/node/data/coverage.ts): distances on a small drawn network with
 * two areas, demand by BCU, the errors for malformed inputs, the cache (built once, rebuilt when a
 * key changes, written whole), and the real London layer.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRoadCoverage, cachedCoverageFile, coverageKey, ensureRoadCoverage, type CoverageInputs } from '../../../src/node/data/coverage';
import { ensureLondonGraph } from '../../../src/node/osm/london';
import { RoadCoverageSchema, type RoadCoverage } from '../../../src/shared/ipc-schemas';
import { localProjection } from '../../../src/sim/geo';
import { asciiNetwork } from '../../sim/roads/helpers';

// One straight east-west road of 2 km at lat 51.5, from lon -0.1 eastwards.
const net = asciiNetwork('A - B - C', { cellM: 1000 });
const { metresPerDegLon, metresPerDegLat } = localProjection(51.5);
const lonAt = (eastM: number) => -0.1 + eastM / metresPerDegLon;
const latAt = (northM: number) => 51.5 + northM / metresPerDegLat;
const square = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

/** Area W (BCU X): the western km, 2 km tall; area E (BCU Y): the eastern km, 1 km tall. */
const inputs = (extra: Partial<CoverageInputs> = {}): CoverageInputs => ({
  graph: net.graph,
  graphKey: 'grid',
  areas: {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { id: 'W', name: 'West', bcu: 'X' }, geometry: square(lonAt(0), latAt(0), lonAt(1000), latAt(2000)) },
      { type: 'Feature', properties: { id: 'E', name: 'East', bcu: 'Y' }, geometry: square(lonAt(1000), latAt(0), lonAt(2000), latAt(1000)) },
    ],
  },
  areasFile: 'areas.geojson',
  points: {
    lon: [lonAt(500), lonAt(1500), lonAt(1500), lonAt(1200)],
    lat: [latAt(200), latAt(800), latAt(100), latAt(900)],
    weight: [2, 1, 3, 0],
    area: ['W', 'E', 'E', 'E'],
  },
  pointsFile: 'demand-points.json',
  bcuNames: { X: 'Ex Area' },
  ...extra,
});

describe('buildRoadCoverage', () => {
  const coverage = buildRoadCoverage(inputs(), { cellM: 500 });

  it('writes a valid layer: a grid of 500 m cells over the areas, south-west corner first', () => {
    expect(RoadCoverageSchema.safeParse(coverage).success, 'the file format').toBe(true);
    // 2 km by 2 km: 4 x 4 cells, and a sliver of a fifth row (the grid works out its degrees at the
    // box's mid-latitude, where a degree of latitude is a little longer than at the road's).
    expect([coverage.cols, coverage.rows]).toEqual([4, 5]);
    expect(coverage.west).toBeCloseTo(-0.1, 6);
    expect(coverage.south).toBeCloseTo(51.5, 6);
    expect(Math.abs(coverage.dLon * metresPerDegLon - 500), 'cells of 500 m east-west').toBeLessThan(0.5);
    expect(Math.abs(coverage.dLat * metresPerDegLat - 500), 'and north-south').toBeLessThan(0.5);
    expect(coverage.graphKey).toBe('grid');
  });

  it('gives each cell the metres from its centre to the road, and -1 where the centre is in no area', () => {
    const at = (c: number, r: number) => coverage.distanceM[r * coverage.cols + c];
    for (let r = 0; r < 4; r++) {
      expect(at(0, r), `row ${r} in the west: ${250 + 500 * r} m north of the road`).toBeGreaterThanOrEqual(250 + 500 * r - 2);
      expect(at(0, r)).toBeLessThanOrEqual(250 + 500 * r + 2);
    }
    expect([at(2, 0), at(3, 1)]).toEqual([expect.closeTo(250, 0), expect.closeTo(750, 0)]);
    expect([at(2, 2), at(3, 2), at(2, 3), at(3, 3)], 'north of the short eastern area').toEqual([-1, -1, -1, -1]);
    expect([0, 1, 2, 3].map((c) => at(c, 4)), 'the sliver row lies north of both areas').toEqual([-1, -1, -1, -1]);
    expect(coverage.distanceM.filter((d) => d >= 0)).toHaveLength(12);
  });

  it('measures demand far from the road by BCU, by weight; weightless points are left out', () => {
    expect(coverage.farM).toBe(500);
    expect(coverage.demand.byBcu).toEqual([
      { bcu: 'X', name: 'Ex Area', points: 1, farPoints: 0, farSharePct: 0, meanDistanceM: 200 },
      // 800 m (weight 1) and 100 m (weight 3): a quarter far, mean 275 m.
      { bcu: 'Y', name: 'Y', points: 2, farPoints: 1, farSharePct: 25, meanDistanceM: 275 },
    ]);
    // (200 x 2 + 800 x 1 + 100 x 3) / 6 = 250 m; 1 of 6 far.
    expect(coverage.demand.london).toEqual({ points: 3, farPoints: 1, farSharePct: 16.67, meanDistanceM: 250 });
  });

  it('names the file and JSON path of malformed inputs', () => {
    const points = inputs().points;
    expect(() => buildRoadCoverage(inputs({ points: { ...points, area: ['W', 'Q', 'E', 'E'] } }))).toThrow('demand-points.json: area[1]: unknown area "Q"');
    expect(() => buildRoadCoverage(inputs({ points: { ...points, weight: [1, 2] } }))).toThrow('demand-points.json: weight: expected 4 values (one per point), got 2');
    expect(() => buildRoadCoverage(inputs({ points: { ...points, weight: [1, -2, 1, 1] } }))).toThrow('demand-points.json: weight[1]: expected a number >= 0, got -2');
    const areas = inputs().areas;
    const noId = { ...areas, features: [{ ...areas.features[0]!, properties: { name: 'West', bcu: 'X' } }, areas.features[1]!] };
    expect(() => buildRoadCoverage(inputs({ areas: noId }))).toThrow('areas.geojson: features[0].properties.id: expected the area id (a string)');
    const line = { ...areas, features: [areas.features[0]!, { ...areas.features[1]!, geometry: { type: 'LineString', coordinates: [] } }] };
    expect(() => buildRoadCoverage(inputs({ areas: line }))).toThrow('areas.geojson: areas.geojson.features[1].geometry: expected a Polygon or MultiPolygon');
  });
});

describe('the coverage cache', () => {
  const tiny = (cellM: number): RoadCoverage => ({ ...buildRoadCoverage(inputs(), { cellM }) });

  it('builds once per key, rebuilds when forced, keeps only the newest key, and leaves no staging file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rs-coverage-'));
    let builds = 0;
    const build = async () => {
      builds++;
      return tiny(500);
    };
    const first = await cachedCoverageFile(dir, 'london', 'k1', false, build);
    expect(first).toEqual({ path: path.join(dir, 'london-k1.json'), built: true });
    expect(RoadCoverageSchema.parse(JSON.parse(readFileSync(first.path, 'utf8'))).cols).toBe(4);
    expect(await cachedCoverageFile(dir, 'london', 'k1', false, build), 'cached').toEqual({ path: first.path, built: false });
    expect(builds).toBe(1);
    expect((await cachedCoverageFile(dir, 'london', 'k1', true, build)).built, 'forced').toBe(true);
    writeFileSync(path.join(dir, 'other-k0.json'), '{}');
    await cachedCoverageFile(dir, 'london', 'k2', false, build);
    expect(readdirSync(dir).sort(), 'the old key is gone, other prefixes stay').toEqual(['london-k2.json', 'other-k0.json']);
    await expect(cachedCoverageFile(dir, 'london', 'k3', false, () => Promise.reject(new Error('no roads')))).rejects.toThrow('no roads');
    expect(readdirSync(dir).sort(), 'a failed build changes nothing').toEqual(['london-k2.json', 'other-k0.json']);
  });

  it('keys on the road graph, the data step and the cell size', () => {
    const base = coverageKey({ graphKey: 'g1', dataKey: 'd1' });
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(coverageKey({ graphKey: 'g1', dataKey: 'd1' })).toBe(base);
    expect(coverageKey({ graphKey: 'g2', dataKey: 'd1' })).not.toBe(base);
    expect(coverageKey({ graphKey: 'g1', dataKey: 'd2' })).not.toBe(base);
    expect(coverageKey({ graphKey: 'g1', dataKey: 'd1' }, { cellM: 1000 })).not.toBe(base);
  });
});

describe('the London layer', () => {
  it('is small, covers London, and shows the east of the meridian far from the modelled roads', { timeout: 180_000 }, async () => {
    const { path: file } = await ensureRoadCoverage();
    expect(statSync(file).size, 'a few tens of KB').toBeLessThan(300_000);
    const coverage = RoadCoverageSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const graph = await ensureLondonGraph();
    expect(path.basename(graph.path), 'measured on the cached London graph').toBe(`london-${coverage.graphKey}.graph`);
    const inside = coverage.distanceM.filter((d) => d >= 0);
    // London is about 1,570 km2: about 6,300 cells of 0.25 km2.
    expect(inside.length).toBeGreaterThan(5800);
    expect(inside.length).toBeLessThan(6800);
    const sideOf = (i: number) => (coverage.west + ((i % coverage.cols) + 0.5) * coverage.dLon < 0 ? 'west' : 'east');
    const median = (side: string) => {
      const ds = coverage.distanceM.filter((d, i) => d >= 0 && sideOf(i) === side).sort((a, b) => a - b);
      return ds[Math.floor(ds.length / 2)]!;
    };
    expect(median('west'), 'west: the full network').toBeLessThan(150);
    expect(median('east'), 'east: main roads only').toBeGreaterThan(700);
    const bcu = (id: string) => coverage.demand.byBcu.find((b) => b.bcu === id)!;
    expect(coverage.demand.byBcu).toHaveLength(12);
    expect(bcu('CW').farSharePct, 'Central West is all on the roads').toBe(0);
    expect(bcu('EA').farSharePct, 'East Area mostly far from them').toBeGreaterThan(50);
    expect(bcu('EA').name).toBe('East Area');
    expect(coverage.demand.london.farSharePct).toBeGreaterThan(5);
    expect(coverage.demand.london.farSharePct).toBeLessThan(30);
    expect(existsSync(file)).toBe(true);
  });
});
