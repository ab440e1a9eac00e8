/**
 * A small road coverage layer (the `RoadCoverage` format of src/shared/ipc-schemas.ts) for tests: 4
 * columns x 3 rows of 500 m cells near Westminster, the corner cells outside the areas (-1), and
 * two BCUs, one of them far from the roads.
 */
import type { RoadCoverage } from '../../../src/shared/protocol';

export function tinyCoverage(overrides: Partial<RoadCoverage> = {}): RoadCoverage {
  return {
    schemaVersion: 1,
    network: 'london',
    graphKey: 'test0123456789ab',
    cellM: 500,
    west: -0.15,
    south: 51.49,
    dLon: 0.0072,
    dLat: 0.0045,
    cols: 4,
    rows: 3,
    // Row 0 (south): outside, 40 m, 60 m, 300 m; row 1: 700, 700, 1500, 2500; row 2 (north): outside, 20, 20, outside.
    distanceM: [-1, 40, 60, 300, 700, 700, 1500, 2500, -1, 20, 20, -1],
    farM: 500,
    demand: {
      london: { points: 10, farPoints: 3, farSharePct: 25.5, meanDistanceM: 420 },
      byBcu: [
        { bcu: 'CW', name: 'Central West', points: 6, farPoints: 0, farSharePct: 0, meanDistanceM: 30 },
        { bcu: 'EA', name: 'East Area', points: 4, farPoints: 3, farSharePct: 80, meanDistanceM: 1200 },
      ],
    },
    attribution: ['Road data coverage: © OpenMapTiles © OpenStreetMap contributors'],
    ...overrides,
  };
}
