import { describe, expect, it } from 'vitest';
import {
  COVERAGE_CLASSES,
  accessLegS,
  accessSettings,
  coverageClassLabel,
  coverageClassOf,
  coverageShapes,
  formatMetres,
} from '../../../src/renderer/map/coverage';
import { LONDON_BASELINE } from '../../../src/renderer/scenarios';
import { coverageShown, initialMapState } from '../../../src/renderer/store/map-slice';
import { tinyCoverage } from './coverage-fixture';

describe('road coverage classes', () => {
  it('puts a distance in the class whose range holds it, lower bound included; cells outside the areas in none', () => {
    expect([0, 99.9, 100, 249, 250, 999, 1000, 1999, 2000, 50_000].map(coverageClassOf)).toEqual([0, 0, 1, 1, 2, 3, 4, 4, 5, 5]);
    expect(coverageClassOf(-1), 'outside the areas').toBe(-1);
    expect(coverageClassOf(Number.NaN), 'not a distance').toBe(-1);
    expect(COVERAGE_CLASSES.at(-1)!.toM).toBe(Infinity);
  });

  it('labels the classes in metres and kilometres', () => {
    expect(COVERAGE_CLASSES.map((_, k) => coverageClassLabel(k))).toEqual(['under 100 m', '100 m – 250 m', '250 m – 500 m', '500 m – 1 km', '1 km – 2 km', '2 km and more']);
    expect(formatMetres(1500)).toBe('1.5 km');
    expect(() => coverageClassLabel(6)).toThrow('coverage class 6 does not exist (0..5)');
  });
});

describe('coverage shapes', () => {
  const coverage = tinyCoverage();
  const shapes = coverageShapes(coverage);

  it('counts the cells of each class and leaves out the empty classes and the cells outside the areas', () => {
    expect(shapes.map((s) => [s.k, s.cells])).toEqual([
      [0, 4],
      [2, 1],
      [3, 2],
      [4, 1],
      [5, 1],
    ]);
    expect(shapes.reduce((n, s) => n + s.cells, 0), 'the 9 cells inside the areas').toBe(9);
  });

  it('merges neighbouring cells of a row in one class into one rectangle, at the cells\' corners', () => {
    const near = shapes.find((s) => s.k === 0)!;
    expect(near.polygons, 'two runs of two cells (rows 0 and 2)').toHaveLength(2);
    const [w, s, e, n] = [coverage.west + coverage.dLon, coverage.south, coverage.west + 3 * coverage.dLon, coverage.south + coverage.dLat];
    expect(near.polygons[0]).toEqual([
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ]);
    expect(near.polygons[1]![0]![0]![1], 'the second run is in the top row').toBeCloseTo(coverage.south + 2 * coverage.dLat, 12);
    expect(shapes.find((x) => x.k === 3)!.polygons, 'the 700 m pair is one rectangle').toHaveLength(1);
  });

  it('works the shapes out once per layer object', () => {
    expect(coverageShapes(coverage)).toBe(shapes);
    expect(coverageShapes(tinyCoverage())).not.toBe(shapes);
  });
});

describe('access legs', () => {
  it('take the straight distance times the detour factor at the off-road speed', () => {
    expect(accessLegS(1000, { detourFactor: 1.3, offRoadSpeedKph: 24 })).toBeCloseTo(195, 9);
    expect(accessLegS(0, { detourFactor: 2, offRoadSpeedKph: 10 })).toBe(0);
  });

  it("read the scenario's travel settings, with the defaults of the schema where it is silent", () => {
    expect(accessSettings(LONDON_BASELINE.scenario)).toEqual({ mode: 'road', network: 'london', detourFactor: 1.3, offRoadSpeedKph: 24, blueLightFactor: 1.4 });
    const { travel: _travel, network: _network, ...rest } = LONDON_BASELINE.scenario as Record<string, unknown>;
    expect(accessSettings(rest), 'no travel: straight-line with the defaults').toEqual({ mode: 'straight-line', network: null, detourFactor: 1.3, offRoadSpeedKph: 20, blueLightFactor: 1.3 });
    expect(accessSettings({ schemaVersion: 1, name: 'broken', fleet: 3 }), 'not a scenario').toBeNull();
    expect(accessSettings(null)).toBeNull();
    expect(accessSettings(LONDON_BASELINE.scenario), 'parsed once per scenario object').toBe(accessSettings(LONDON_BASELINE.scenario));
  });
});

describe('map slice: the coverage switch', () => {
  it('is off by default and toggles; a no-op returns the same state', () => {
    expect(initialMapState.showCoverage).toBe(false);
    const on = coverageShown(initialMapState, true);
    expect(on.showCoverage).toBe(true);
    expect(coverageShown(on, true)).toBe(on);
    expect(coverageShown(on, false).showCoverage).toBe(false);
  });
});
