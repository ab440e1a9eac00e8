import { describe, expect, it } from 'vitest';
import type { Place } from '../../../src/sim/world';
import { contract } from '../../../src/sim/roads/build/contract';
import type { Hierarchy } from '../../../src/sim/roads/hierarchy';
import type { HierarchyStore, RoadGraph } from '../../../src/sim/roads/graph';
import { speedTable } from '../../../src/sim/roads/speeds';
import { OnRoadPlace } from '../../../src/sim/travel/road-trip';
import { edgeWeightsMs } from '../../../src/sim/roads/weights';
import { LONDON_ROAD_SPEEDS_KPH } from '../../../src/sim/roads/speeds';
import type { RoadTravelSettings } from '../../../src/sim/travel/road';
import { buildRoadTravel, hourOfDayClock } from '../../../src/world/road';
import { asciiNetwork, seeded, type AsciiOptions } from '../roads/helpers';

const SETTINGS: RoadTravelSettings = { detourFactor: 1.3, offRoadSpeedKph: 20 };
/**
 * Off-road travel so slow that the direct way (direct.ts) never beats the roads of these small
 * drawings: for tests of the road routing itself.
 */
const ROADS_ONLY: Partial<RoadTravelSettings> = { offRoadSpeedKph: 2 };
const midnight = hourOfDayClock(0);

function model(drawing: string, settings: Partial<RoadTravelSettings> = {}, options: AsciiOptions = {}) {
  const net = asciiNetwork(drawing, options);
  const travel = buildRoadTravel(net.graph, { ...SETTINGS, ...settings }, midnight);
  const at = (letter: string): Place => {
    const p = net.at(letter);
    return travel.place(p.lon, p.lat);
  };
  return { net, travel, at };
}

/** A place a fraction of the way from junction a to junction b (straight roads only). */
function between(m: ReturnType<typeof model>, a: string, b: string, f: number): Place {
  const p = m.net.at(a);
  const q = m.net.at(b);
  return m.travel.place(p.lon + f * (q.lon - p.lon), p.lat + f * (q.lat - p.lat));
}

const LINE = `
  A - - - - - - - - - - - - - - - - - - - B
`; // 1 km of residential road

describe('road travel times', () => {
  it('drive a road at its class speed', () => {
    const m = model(LINE);
    const t = m.travel.timesTo([m.at('A')], m.at('B'), 0, false)[0]!;
    expect(t, '1 km at 24 km/h').toBeCloseTo(1000 / (24 / 3.6), 1);
  });

  it('use the scenario speed for a class instead of the London default', () => {
    const m = model(LINE, { roadSpeedsKph: { residential: 36 } });
    expect(m.travel.timesTo([m.at('A')], m.at('B'), 0, false)[0]).toBeCloseTo(100, 1);
  });

  it('scale a class speed by a tagged limit against the usual one, never above the limit', () => {
    const slow = model(LINE, {}, { classes: { AB: 'primary' }, maxspeedKph: { AB: 20 * 1.609344 } });
    // primary: 30 km/h at the usual 30 mph; a 20 mph limit gives 20 km/h.
    expect(slow.travel.timesTo([slow.at('A')], slow.at('B'), 0, false)[0]).toBeCloseTo(1000 / (20 / 3.6), 1);
    const capped = model(LINE, { roadSpeedsKph: { primary: 80 } }, { classes: { AB: 'primary' }, maxspeedKph: { AB: 32 } });
    // 80 x 32/48.3 = 53 km/h would exceed the 32 km/h limit.
    expect(capped.travel.timesTo([capped.at('A')], capped.at('B'), 0, false)[0]).toBeCloseTo(1000 / (32 / 3.6), 1);
  });

  it('multiply by the congestion factor of the hour of departure and divide by the blue-light factor', () => {
    const congestion = Array.from({ length: 24 }, (_, h) => (h === 8 ? 1.5 : 1));
    const m = model(LINE, { congestionByHour: congestion, blueLightFactor: 1.25 });
    const base = m.travel.timesTo([m.at('A')], m.at('B'), 0, false)[0]!;
    expect(m.travel.timesTo([m.at('A')], m.at('B'), 8 * 3600 + 1800, false)[0]).toBeCloseTo(base * 1.5, 6);
    expect(m.travel.timesTo([m.at('A')], m.at('B'), 8 * 3600, true)[0]).toBeCloseTo((base * 1.5) / 1.25, 6);
    expect(m.travel.timesTo([m.at('A')], m.at('B'), 9 * 3600, true)[0]).toBeCloseTo(base / 1.25, 6);
    expect(m.travel.timesTo([m.at('A')], m.at('B'), (24 + 8) * 3600, false)[0], 'hour of day, not of the run').toBeCloseTo(base * 1.5, 6);
  });

  it('start and end part-way along an edge', () => {
    const m = model(LINE);
    const full = m.travel.timesTo([m.at('A')], m.at('B'), 0, false)[0]!;
    const quarter = between(m, 'A', 'B', 0.25);
    const threeQuarters = between(m, 'A', 'B', 0.75);
    expect(quarter.accessM, 'on the road').toBeLessThan(0.01);
    expect(m.travel.timesTo([quarter], threeQuarters, 0, false)[0], 'half the road').toBeCloseTo(full / 2, 1);
    expect(m.travel.timesTo([threeQuarters], quarter, 0, false)[0], 'back along the twin edge').toBeCloseTo(full / 2, 1);
    expect(m.travel.timesTo([quarter], m.at('B'), 0, false)[0]).toBeCloseTo((full * 3) / 4, 1);
  });

  it('add an access leg at each end for places away from the road', () => {
    const m = model(LINE);
    const a = m.net.at('A');
    const b = m.net.at('B');
    // 100 m north of A and of B.
    const offA = m.travel.place(a.lon, a.lat + 100 / 111_195);
    const offB = m.travel.place(b.lon, b.lat + 100 / 111_195);
    expect(offA.accessM).toBeCloseTo(100, 0);
    const road = m.travel.timesTo([m.at('A')], m.at('B'), 0, false)[0]!;
    const leg = (offA.accessM * 1.3) / (20 / 3.6);
    expect(m.travel.timesTo([offA], offB, 0, false)[0]).toBeCloseTo(road + 2 * leg, 3);
    const trip = m.travel.trip(offA, offB, 0, false);
    expect(trip.accessS, 'both legs reported').toBeCloseTo(2 * leg, 3);
    expect(trip.distanceM).toBeCloseTo(1000 + 2 * 100 * 1.3, 0);
  });

  it('follow one-way streets, going round the block against them', () => {
    const m = model(
      `
      A > B
      |   |
      C - D
    `,
      ROADS_ONLY,
    );
    const ab = m.travel.timesTo([m.at('A')], m.at('B'), 0, false)[0]!;
    const ba = m.travel.timesTo([m.at('B')], m.at('A'), 0, false)[0]!;
    expect(ab, 'with the one-way: 100 m').toBeCloseTo(100 / (24 / 3.6), 1);
    expect(ba, 'against it: round by D and C, 300 m').toBeCloseTo(300 / (24 / 3.6), 1);
    const direct = model(`
      A > B
      |   |
      C - D
    `);
    expect(direct.travel.timesTo([direct.at('B')], direct.at('A'), 0, false)[0], 'unless 100 m straight across at 20 km/h is quicker').toBeCloseTo((100 * 1.3) / (20 / 3.6), 1);
  });

  it('reach the end of a dead end and come back', () => {
    const m = model(`
      A - B - - - C
      |   |
      D - E
    `);
    const there = m.travel.timesTo([m.at('A')], m.at('C'), 0, false)[0]!;
    const back = m.travel.timesTo([m.at('C')], m.at('A'), 0, false)[0]!;
    expect(there).toBeCloseTo(300 / (24 / 3.6), 1);
    expect(back).toBeCloseTo(there, 6);
  });

  it('reach a place the roads cannot reach by the direct way, and rank it by that time', () => {
    const m = model(
      `
      A - B > C
    `,
      ROADS_ONLY,
      { components: 'all' },
    );
    const direct = (200 * 1.3) / (2 / 3.6);
    expect(m.travel.timesTo([m.at('C')], m.at('A'), 0, false)[0], 'no road from C to A: 200 m at the off-road speed').toBeCloseTo(direct, 1);
    expect(m.travel.timesFrom(m.at('C'), [m.at('A'), m.at('C')], 0, false)[0]).toBeCloseTo(direct, 1);
    const ranked = m.travel.rankTo([m.at('C'), m.at('B')], m.at('A'), 0, false, 2);
    expect(ranked.map((r) => r.index)).toEqual([1, 0]);
    expect(ranked[1]!.timeS).toBeCloseTo(direct, 1);
    expect(m.travel.trip(m.at('C'), m.at('A'), 0, false).durationS).toBeCloseTo(direct, 1);
  });

  it('snap places that come without a road position (edge -1) on use', () => {
    const m = model(LINE);
    const a = m.net.at('A');
    const bare: Place = { lon: a.lon, lat: a.lat, edge: -1, offsetM: 0, accessM: 0 };
    expect(m.travel.timesTo([bare], m.at('B'), 0, false)[0]).toBe(m.travel.timesTo([m.at('A')], m.at('B'), 0, false)[0]);
  });

  it('reject bad settings naming the field', () => {
    const net = asciiNetwork(LINE);
    expect(() => buildRoadTravel(net.graph, { ...SETTINGS, congestionByHour: [1, 2] }, midnight)).toThrow(/travel\.congestionByHour: expected 24/);
    expect(() => buildRoadTravel(net.graph, { ...SETTINGS, roadSpeedsKph: { lane: 20 } }, midnight)).toThrow(/travel\.roadSpeedsKph\.lane/);
    expect(() => buildRoadTravel(net.graph, { ...SETTINGS, roadSpeedsKph: { primary: -3 } }, midnight)).toThrow(/travel\.roadSpeedsKph\.primary/);
    expect(() => buildRoadTravel(net.graph, { ...SETTINGS, offRoadSpeedKph: 0 }, midnight)).toThrow(/travel\.offRoadSpeedKph/);
    const m = model(LINE);
    expect(() => m.travel.timesTo([{ ...m.at('A'), edge: 99 }], m.at('B'), 0, false)).toThrow(/edge 99 is not an edge/);
  });
});

/** A 6 x 6 block grid, 100 m blocks, with some one-way streets. */
function gridDrawing(): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij';
  const rnd = seeded(42);
  const rows: string[] = [];
  for (let r = 0; r < 6; r++) {
    let line = '';
    for (let c = 0; c < 6; c++) {
      line += letters[r * 6 + c];
      if (c < 5) line += ` ${rnd() < 0.2 ? (rnd() < 0.5 ? '>' : '<') : '-'} `;
    }
    rows.push(line);
    if (r < 5) {
      let down = '';
      for (let c = 0; c < 6; c++) down += (rnd() < 0.2 ? (rnd() < 0.5 ? 'v' : '^') : '|') + (c < 5 ? '   ' : '');
      rows.push(down);
    }
  }
  return rows.join('\n');
}

describe('ranking and trips on a one-way grid', () => {
  const m = model(gridDrawing(), {}, { classes: { CD: 'primary', IJ: 'primary', OP: 'primary' } });
  const rnd = seeded(7);
  const bbox = (() => {
    const a = m.net.at('A');
    const z = m.net.at('j');
    return { west: a.lon, east: z.lon, north: a.lat, south: z.lat };
  })();
  const randomPlace = (): Place =>
    m.travel.place(bbox.west + rnd() * (bbox.east - bbox.west) * 1.1, bbox.south + rnd() * (bbox.north - bbox.south) * 1.1);

  it('rankTo gives exactly the k best of timesTo, ties to the lower index, call after call', () => {
    const origins = Array.from({ length: 40 }, randomPlace);
    // Units waiting at the same base: identical places, identical times.
    origins.push(origins[3]!, origins[3]!);
    for (let call = 0; call < 30; call++) {
      const dest = randomPlace();
      const departS = call * 1800;
      const times = m.travel.timesTo(origins, dest, departS, call % 2 === 0);
      const expected = [...times.keys()].sort((a, b) => times[a]! - times[b]! || a - b);
      for (const k of [1, 3, 8]) {
        const ranked = m.travel.rankTo(origins, dest, departS, call % 2 === 0, k);
        expect(ranked.map((r) => r.index), `call ${call} k ${k}`).toEqual(expected.slice(0, k));
        ranked.forEach((r) => expect(r.timeS).toBe(times[r.index]));
      }
    }
    expect(m.travel.treeStats.built, 'origins asked for again and again got trees').toBeGreaterThan(0);
    const ranked = m.travel.rankTo(origins, origins[3]!, 0, false, 3);
    expect(ranked.map((r) => r.index).slice(0, 3), 'equal times: lower index first').toEqual([3, 40, 41]);
  });

  it('timesFrom equals timesTo the other way round', () => {
    const places = Array.from({ length: 12 }, randomPlace);
    for (let i = 0; i < places.length; i++) {
      const from = m.travel.timesFrom(places[i]!, places, 3600, false);
      for (let j = 0; j < places.length; j++) {
        expect(from[j], `${i} -> ${j}`).toBe(m.travel.timesTo([places[i]!], places[j]!, 3600, false)[0]);
      }
    }
  });

  it('a trip takes the reported time, draws from origin to destination, and can be left mid-way', () => {
    const m = model(gridDrawing(), ROADS_ONLY, { classes: { CD: 'primary', IJ: 'primary', OP: 'primary' } });
    for (let i = 0; i < 30; i++) {
      const o = randomPlace();
      const d = randomPlace();
      const trip = m.travel.trip(o, d, 0, false);
      expect(trip.durationS).toBe(m.travel.timesTo([o], d, 0, false)[0]);
      const { coords, timesS } = trip.geometry();
      expect(coords.length).toBe(2 * timesS.length);
      expect([coords[0], coords[1]]).toEqual([o.lon, o.lat]);
      expect([coords[coords.length - 2], coords[coords.length - 1]]).toEqual([d.lon, d.lat]);
      expect(timesS[timesS.length - 1]).toBe(trip.durationS);
      for (let k = 1; k < timesS.length; k++) expect(timesS[k]!).toBeGreaterThanOrEqual(timesS[k - 1]!);
      const start = trip.placeAt(0);
      expect(start.accessM).toBeCloseTo(o.accessM, 6);
      const end = trip.placeAt(trip.durationS);
      expect(end.lon).toBeCloseTo(d.lon, 9);
      expect(end.lat).toBeCloseTo(d.lat, 9);
      // Re-dispatch from anywhere along the way: the rest of the journey takes the rest of the
      // time. On the last access leg a place can only say "this far from the road position", so
      // from there the way runs back to the road and out again: never less than the rest.
      const lastLegS = (d.accessM * 1.3) / (2 / 3.6);
      for (const f of [0.05, 0.2, 0.5, 0.8, 0.95]) {
        const t = f * trip.durationS;
        const here = trip.placeAt(t);
        const rest = m.travel.timesTo([here], d, 0, false)[0]!;
        const left = trip.durationS - t;
        if (left >= lastLegS) {
          expect(Math.abs(rest - left), `trip ${i} at ${f}: ${rest} vs ${left}`).toBeLessThan(0.01);
        } else {
          expect(rest, `trip ${i} at ${f} on the last leg`).toBeGreaterThanOrEqual(left - 0.01);
          expect(rest).toBeLessThanOrEqual(left + 2 * lastLegS + 0.01);
        }
      }
    }
  });

  it('a trip on one road drives straight along it', () => {
    const line = model(LINE);
    const trip = line.travel.trip(between(line, 'A', 'B', 0.1), between(line, 'A', 'B', 0.6), 0, false);
    expect(trip.distanceM).toBeCloseTo(500, 0);
    expect(trip.durationS).toBeCloseTo(500 / (24 / 3.6), 1);
  });
});

describe('trees of repeated origins', () => {
  it('serve only their own position, not another within the centimetre of their key', () => {
    const m = model(LINE, ROADS_ONLY);
    const plain = buildRoadTravel(m.net.graph, { ...SETTINGS, ...ROADS_ONLY }, midnight, { maxTrees: 0 });
    const graph = m.travel.graph;
    const e = [...graph.edgeReversed.keys()].find((x) => !graph.edgeReversed[x])!;
    const lengthM = graph.edgeLengthM[e]!;
    const w = m.travel.weights[e]!;
    // Two offsets under one key (same centimetre) whose ways to the end of the road round to different milliseconds.
    let x = 0;
    while (Math.ceil((w * (lengthM - x)) / lengthM) === Math.ceil((w * (lengthM - x - 0.004)) / lengthM) || Math.round(x * 100) !== Math.round((x + 0.004) * 100)) x += 0.001;
    const here = new OnRoadPlace(graph, e, x);
    const near = new OnRoadPlace(graph, e, x + 0.004);
    const dest = m.at('A');
    const travel = buildRoadTravel(m.net.graph, { ...SETTINGS, ...ROADS_ONLY }, midnight, { treeAfter: 1 });
    travel.rankTo([here], dest, 0, false, 1);
    expect(travel.treeStats.kept, 'the first position got its tree').toBe(1);
    const truth = plain.timesTo([near], dest, 0, false)[0]!;
    expect(plain.timesTo([here], dest, 0, false)[0], 'a millisecond apart').not.toBe(truth);
    expect(travel.timesTo([near], dest, 0, false)[0]).toBe(truth);
    expect(travel.rankTo([near], dest, 0, false, 1)[0]!.timeS).toBe(truth);
    const trip = travel.trip(near, dest, 0, false);
    expect(trip.durationS).toBe(truth);
    expect(() => trip.placeAt(trip.durationS / 2), 'its route weighs what it was timed by').not.toThrow();
  });
});

describe('hierarchies for other speeds', () => {
  it('are contracted once, handed to the host store, and taken from it next time', () => {
    const net = asciiNetwork(gridDrawing());
    const saved = new Map<string, Hierarchy>();
    let loads = 0;
    const store: HierarchyStore = {
      load: (key) => (loads++, saved.get(key)),
      save: (key, h) => saved.set(key, h),
    };
    const graph: RoadGraph = { ...net.graph, hierarchy: contract({ ...net.graph, weightMs: edgeWeightsMs(net.graph, speedTable()) }), hierarchyStore: store };
    const plain = buildRoadTravel(graph, SETTINGS, midnight);
    expect(plain.hierarchy, "default speeds: the graph's own hierarchy").toBe(graph.hierarchy);
    expect(saved.size).toBe(0);
    const fast = buildRoadTravel(graph, { ...SETTINGS, roadSpeedsKph: { residential: 40 } }, midnight);
    expect(saved.size, 'contracted and stored').toBe(1);
    expect(fast.hierarchy).not.toBe(graph.hierarchy);
    const again = buildRoadTravel(graph, { ...SETTINGS, roadSpeedsKph: { residential: 40 } }, midnight);
    expect(again.hierarchy, 'same process: reused').toBe(fast.hierarchy);
    const otherProcess = buildRoadTravel({ ...graph }, { ...SETTINGS, roadSpeedsKph: { residential: 40 } }, midnight);
    expect(otherProcess.hierarchy, 'a new graph object (another process): from the store').toBe(saved.values().next().value);
    expect(loads).toBeGreaterThan(0);
    const a = plain.place(net.at('A').lon, net.at('A').lat);
    const z = plain.place(net.at('j').lon, net.at('j').lat);
    expect(fast.timesTo([a], z, 0, false)[0], '40 km/h instead of 24').toBeLessThan(plain.timesTo([a], z, 0, false)[0]!);
  });
});

it('London default speeds are documented for every class', () => {
  for (const [name, kph] of Object.entries(LONDON_ROAD_SPEEDS_KPH)) expect(kph, name).toBeGreaterThan(0);
});
