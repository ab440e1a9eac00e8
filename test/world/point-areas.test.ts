/**
 * The demand points' areas kept by the host (src/world/point-areas.ts): located and saved once,
 * read back after, and located again when the file is truncated, damaged, of another version or
 * made for other points or other areas; buildWorld asks the provider for the store of named sets only.
 */
import { describe, expect, it } from 'vitest';
import { buildAreaSet, buildWorld, type AreaFeatures, type DataProvider, type PointAreaStore } from '../../src/world';
import { pointAreas } from '../../src/world/point-areas';
import { parsed, smallInput } from '../sim/fixtures/small';

const square = (id: string, x: number): AreaFeatures['features'][number] => ({
  type: 'Feature',
  properties: { id, name: id },
  geometry: { type: 'Polygon', coordinates: [[[x, 51], [x + 0.1, 51], [x + 0.1, 51.1], [x, 51.1], [x, 51]]] },
});
const features = (shift = 0): AreaFeatures => ({ type: 'FeatureCollection', features: [square('A', 0 + shift), square('B', 0.1 + shift), square('C', 0.2)] });
const areaSet = (fc: AreaFeatures) => {
  const built = buildAreaSet(fc, { idProperty: 'id', nameProperty: 'name', groups: {}, path: 'areas' });
  if (!built.ok) throw new Error('bad areas');
  return built.areas;
};
const lon = Float64Array.of(0.05, 0.15, 0.25, 0.5, 0.1);
const lat = Float64Array.of(51.05, 51.05, 51.05, 51.05, 51.05);
const located = [0, 1, 2, -1, 0];

function memoryStore(): PointAreaStore & { bytes?: Uint8Array; saves: number } {
  const store: PointAreaStore & { bytes?: Uint8Array; saves: number } = {
    saves: 0,
    load: () => store.bytes,
    save: (bytes) => {
      store.saves++;
      store.bytes = new Uint8Array(bytes);
    },
  };
  return store;
}

describe('kept point areas', () => {
  it('are located and saved once, then read back', () => {
    const areas = areaSet(features());
    const store = memoryStore();
    expect([...pointAreas(store, areas, lon, lat)]).toEqual(located);
    expect(store.saves).toBe(1);
    expect([...pointAreas(store, areas, lon, lat)]).toEqual(located);
    expect(store.saves, 'read, not located again').toBe(1);
    expect([...pointAreas(undefined, areas, lon, lat)], 'no store').toEqual(located);
  });

  it('are located again when the file is damaged or made for other points or areas', () => {
    const areas = areaSet(features());
    const store = memoryStore();
    pointAreas(store, areas, lon, lat);
    const good = store.bytes!;
    const tryWith = (bytes: Uint8Array, what: string, a = areas, x = lon): void => {
      store.bytes = bytes;
      const before = store.saves;
      pointAreas(store, a, x, lat);
      expect(store.saves, what).toBe(before + 1);
    };
    tryWith(good.subarray(0, good.length - 4), 'truncated');
    const wrong = (word: number, value: number): Uint8Array => {
      const copy = good.slice();
      new Int32Array(copy.buffer)[word] = value;
      return copy;
    };
    tryWith(wrong(1, 99), 'another version');
    tryWith(wrong(8, 2), 'an area changed (the sum)');
    tryWith(wrong(8, 7), 'an area out of range');
    tryWith(good, 'other points', areas, Float64Array.of(0.05, 0.15, 0.25, 0.5, 0.11));
    const shifted = areaSet(features(-0.06));
    store.bytes = good;
    expect([...pointAreas(store, shifted, lon, lat)], 'other areas: located in them').toEqual([1, -1, 2, -1, 1]);
    // Bytes at an odd offset (a Node Buffer from its pool) are read.
    const odd = new Uint8Array(good.length + 1);
    odd.set(good, 1);
    pointAreas(store, areas, lon, lat);
    store.bytes = odd.subarray(1);
    const saves = store.saves;
    expect([...pointAreas(store, areas, lon, lat)]).toEqual(located);
    expect(store.saves).toBe(saves);
  });

  it('are read where the areas\' sizes differ in their last bits (Chromium computes sines otherwise than Node)', () => {
    const areas = areaSet(features());
    const store = memoryStore();
    pointAreas(store, areas, lon, lat);
    const saves = store.saves;
    const nudged = { ...areas, areaKm2: areas.areaKm2.map((km2) => km2 * (1 + 2 ** -50)) };
    expect(nudged.areaKm2[0]).not.toBe(areas.areaKm2[0]);
    expect([...pointAreas(store, nudged, lon, lat)]).toEqual(located);
    expect(store.saves, 'read, not located again').toBe(saves);
    const grown = { ...areas, locate: areas.locate.bind(areas), areaKm2: areas.areaKm2.map((km2, i) => (i === 1 ? km2 + 1e-3 : km2)) };
    pointAreas(store, grown, lon, lat);
    expect(store.saves, 'an area 1000 m2 larger: located again').toBe(saves + 1);
  });

  it('come from the provider for named sets only', async () => {
    const asked: string[] = [];
    const store = memoryStore();
    const base = parsed(smallInput());
    const provider: DataProvider = {
      areas: async () => features(),
      points: async () => ({ lon: [...lon], lat: [...lat], weight: [1, 1, 1, 1, 1] }),
      network: () => Promise.reject(new Error('none')),
      pointAreas: (areas, points) => {
        asked.push(`${areas} ${points}`);
        return store;
      },
    };
    const scenario = { ...base, areas: { ...base.areas!, source: 'squares', idProperty: 'id', nameProperty: 'name', groups: {} }, stations: [], demand: { ...base.demand, areaWeights: undefined, surges: [], points: undefined, pointsSource: 'five' } };
    const world = await buildWorld(scenario, provider);
    expect([...world.points!.area]).toEqual(located);
    expect(asked).toEqual(['squares five']);
    expect(store.saves).toBe(1);
    const again = await buildWorld(scenario, provider);
    expect([...again.points!.area]).toEqual(located);
    expect(store.saves).toBe(1);
    await buildWorld({ ...scenario, demand: { ...scenario.demand, points: [{ lon: 0.05, lat: 51.05, weight: 1 }] } }, provider);
    expect(asked, 'inline points: no store').toHaveLength(2);
  });
});
