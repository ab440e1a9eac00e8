/**
 * The baseline scenario (assets/scenarios/london-baseline.json) against the data step: its
 * stations and fleet are what `npm run data -- --write-baseline` gives, its areas are the Met's
 * BCUs, and the fleet plan's arithmetic holds.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltinData } from '../../../src/node/data/builtin';
import type { PoliceBase } from '../../../src/node/london/bases';
import { baselineScenarioPath, baselineStationsAndFleet, formatScenarioJson } from '../../../src/node/london/baseline';
import { bcuGroups } from '../../../src/node/london/bcus';
import type { DemandPointsFile } from '../../../src/node/london/demand';
import { apportion, BASELINE_SHIFTS, LONDON_IRVS_PER_SHIFT } from '../../../src/node/london/fleet-plan';
import { LONDON_ROAD_SPEEDS_KPH } from '../../../src/sim/roads/speeds';

interface ScenarioFile {
  areas: { source: string; groups: Record<string, string[]> };
  network: { source: string };
  demand: { pointsSource: string; streams: { line: string; callsPerDay: number }[] };
  shifts: { id: string }[];
  stations: { id: string; area: string; synthetic?: boolean; note?: string }[];
  fleet: { station: string; perShift: Record<string, number> }[];
  travel: { mode: string; detourFactor: number; offRoadSpeedKph: number; roadSpeedsKph?: Record<string, number> };
}

let scenario: ScenarioFile;
let bases: PoliceBase[];
let points: DemandPointsFile;

beforeAll(async () => {
  const files = await ensureBuiltinData();
  bases = (JSON.parse(readFileSync(files.bases, 'utf8')) as { bases: PoliceBase[] }).bases;
  points = JSON.parse(readFileSync(files.points, 'utf8')) as DemandPointsFile;
  scenario = JSON.parse(readFileSync(baselineScenarioPath(), 'utf8')) as ScenarioFile;
});

describe('the baseline scenario', () => {
  it('has the stations and fleet the data step gives (else run `npm run data -- --write-baseline`)', () => {
    const expected = baselineStationsAndFleet(bases, points);
    expect(scenario.stations, 'stations').toEqual(expected.stations);
    expect(scenario.fleet, 'fleet').toEqual(expected.fleet);
  });

  it('uses the built-in London sets, the 12 BCUs and road travel at the routing\'s default speeds', () => {
    expect(scenario.areas.source).toBe('london-boroughs');
    expect(scenario.areas.groups).toEqual(bcuGroups());
    expect(scenario.network.source).toBe('london');
    expect(scenario.demand.pointsSource).toBe('london-lsoa');
    expect(scenario.travel.mode).toBe('road');
    // Other speeds would cost a contraction per process (and one per page load in the browser).
    expect(scenario.travel.roadSpeedsKph, 'roadSpeedsKph left out: the graph file carries the hierarchy of the defaults').toBeUndefined();
    expect(scenario.travel.detourFactor, 'access legs').toBeGreaterThan(1);
    expect(scenario.travel.offRoadSpeedKph, 'access legs at the residential default speed').toBe(LONDON_ROAD_SPEEDS_KPH.residential);
    expect(scenario.demand.streams.find((s) => s.line === '999')!.callsPerDay, '2,177,747 calls in 2017/18 / 365').toBe(5966);
  });

  it('has a base in every Met borough, none in the City of London, and a reason on each synthetic one', () => {
    const covered = new Set(scenario.stations.map((s) => s.area));
    for (const areas of Object.values(scenario.areas.groups)) for (const area of areas) expect(covered.has(area), `${area} has a station`).toBe(true);
    expect(covered.has('E09000001'), 'City of London').toBe(false);
    for (const s of scenario.stations.filter((x) => x.synthetic)) expect(s.note, `${s.id} note`).toMatch(/No Met site/);
  });

  it('puts at least one car per shift at every base, totalling the London plan per shift', () => {
    const shifts = scenario.shifts.map((s) => s.id);
    expect(shifts).toEqual([...BASELINE_SHIFTS]);
    for (const shift of BASELINE_SHIFTS) {
      const total = scenario.fleet.reduce((a, row) => a + row.perShift[shift]!, 0);
      expect(total, `IRVs on the ${shift} shift`).toBe(LONDON_IRVS_PER_SHIFT[shift]);
      for (const row of scenario.fleet) expect(row.perShift[shift], `${row.station} ${shift}`).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('apportion', () => {
  it('splits a whole number by shares with largest remainders, ties to the lower index', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(apportion(5, [0, 0, 1], 1)).toEqual([1, 1, 3]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it('refuses a total that cannot cover the floor', () => {
    expect(() => apportion(2, [1, 1, 1], 1)).toThrow('cannot split 2 over 3 entries with at least 1 each');
  });
});

describe('formatScenarioJson', () => {
  it('round-trips, keeps strings with commas intact and wraps long number arrays', () => {
    const value = { note: 'a,1 "b": {c}', xs: Array.from({ length: 40 }, (_, i) => i / 3), o: { a: [1, 2], b: null }, e: {} };
    const text = formatScenarioJson(value, 60);
    expect(JSON.parse(text)).toEqual(value);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(text).toContain('"note": "a,1 \\"b\\": {c}"');
  });
});
