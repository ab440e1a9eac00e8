/**
 * Ranking units on the move without placing them (src/sim/travel/road-rank.ts): the bounds from a
 * unit's trip never exceed its true times, and ranking stays exact, ties to the lower index, with
 * most such units never placed.
 */
import { describe, expect, it } from 'vitest';
import { roadPosition } from '../../../src/sim/roads/query/ends';
import { tripBoundsS } from '../../../src/sim/travel/road-rank';
import { RoadTrip, TripPlace } from '../../../src/sim/travel/road-trip';
import type { Place } from '../../../src/sim/world';
import { buildRoadTravel, hourOfDayClock } from '../../../src/world/road';
import { asciiNetwork, seeded } from '../roads/helpers';

// A regular grid (every block 200 m of residential road, a primary road across the middle, some
// one-way streets): many journeys take exactly the same time.
const NET = asciiNetwork(
  `
  A - B - C - D - E - F - G
  |   |   v   |   |   ^   |
  H - I - J - K - L - M - N
  |   |   |   |   |   |   |
  O - P - Q - R - S - T - U
  |   ^   |   |   v   |   |
  V - W - X > Y - Z - a - b
  |   |   |   |   |   |   |
  c - d - e - f - g - h - i
`,
  { cellM: 200, classes: { OP: 'primary', PQ: 'primary', QR: 'primary', RS: 'primary', ST: 'primary', TU: 'primary' } },
);
const SETTINGS = { detourFactor: 1.3, offRoadSpeedKph: 20, blueLightFactor: 1.5 };
const A = NET.at('A');
const I = NET.at('i');

function models() {
  const travel = buildRoadTravel(NET.graph, SETTINGS, hourOfDayClock(), { treeAfter: 2 });
  const plain = buildRoadTravel(NET.graph, SETTINGS, hourOfDayClock(), { maxTrees: 0 });
  const rnd = seeded(5);
  const randomPlace = (): Place => travel.place(A.lon + rnd() * (I.lon - A.lon), I.lat + rnd() * (A.lat - I.lat));
  // Bases at junctions (exact ties between them) and off the roads.
  const bases = ['B', 'F', 'Q', 'Y', 'd', 'h'].map((x) => travel.place(NET.at(x).lon, NET.at(x).lat)).concat([randomPlace(), randomPlace()]);
  return { travel, plain, rnd, randomPlace, bases };
}

describe('units on the move, ranked from their trips', () => {
  it('the trip bounds never exceed the true road and direct times', () => {
    const { travel, plain, rnd, randomPlace, bases } = models();
    // Trees of the bases: the landmarks (ranking times a base only while it can still win, so
    // its trees are built here rather than earned).
    for (const b of bases) travel.roads.buildTree(roadPosition(NET.graph, travel.onRoad(b)));
    expect(travel.treeStats.kept).toBeGreaterThanOrEqual(6);
    let checked = 0;
    let useful = 0;
    for (let n = 0; n < 400; n++) {
      const dest = randomPlace();
      const to = roadPosition(NET.graph, dest);
      travel.roads.landmarks.prepare(travel.roads.trees, to, travel.roads.entries(to));
      const trip = travel.trip(randomPlace(), bases[n % bases.length]!, n * 601, n % 2 === 0);
      if (!(trip instanceof RoadTrip)) continue;
      const here = trip.placeAt(rnd() * trip.durationS) as TripPlace;
      if (!(here.elapsedS >= trip.roadStartS && here.elapsedS < trip.roadEndS)) continue;
      const departS = n * 977;
      const blue = n % 3 === 0;
      const scale = travel.scaleAt(departS, blue);
      const { road, direct } = { ...tripBoundsS(travel, here, dest, scale, Infinity, true) };
      const placed = here.place();
      const roadMs = plain.roads.ms(roadPosition(NET.graph, placed), to);
      const roadS = plain.total(roadMs, placed, dest, scale);
      expect(road, `trip ${n}: road bound`).toBeLessThanOrEqual(roadS);
      expect(direct, `trip ${n}: direct bound`).toBeLessThanOrEqual(plain.directS(placed, dest, scale));
      if (Math.min(road, direct) > 0.5 * Math.min(roadS, plain.directS(placed, dest, scale))) useful++;
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
    expect(useful, 'the bounds are not trivial').toBeGreaterThan(checked / 4);
  });

  it('bounded from where its trip last placed it, a unit gets bounds no larger than its true times, and tighter', () => {
    const { travel, plain, rnd, randomPlace, bases } = models();
    for (const b of bases) travel.roads.buildTree(roadPosition(NET.graph, travel.onRoad(b)));
    let checked = 0;
    let tighter = 0;
    for (let n = 0; n < 400; n++) {
      const dest = randomPlace();
      const to = roadPosition(NET.graph, dest);
      travel.roads.landmarks.prepare(travel.roads.trees, to, travel.roads.entries(to));
      const origin = randomPlace();
      // The same journey twice: one placed earlier on (an earlier ranking), one never.
      const trip = travel.trip(origin, bases[n % bases.length]!, n * 601, n % 2 === 0);
      const fresh = travel.trip(origin, bases[n % bases.length]!, n * 601, n % 2 === 0);
      if (!(trip instanceof RoadTrip) || !(fresh instanceof RoadTrip)) continue;
      const earlierS = trip.roadStartS + rnd() * (trip.roadEndS - trip.roadStartS);
      const nowS = earlierS + (n % 4 === 0 ? 0 : rnd() * (trip.roadEndS - earlierS));
      if (!(nowS < trip.roadEndS)) continue;
      const earlier = (trip.placeAt(earlierS) as TripPlace).place();
      // Its coordinates worked out (as ranking's direct time does) for every other trip.
      if (n % 2 === 0) expect(earlier.lon).toBeTypeOf('number');
      expect(trip.placedOnRoad).toBe(earlier);
      const here = trip.placeAt(nowS) as TripPlace;
      const scale = travel.scaleAt(n * 977, n % 3 === 0);
      const { road, direct } = { ...tripBoundsS(travel, here, dest, scale, Infinity, true) };
      const before = { ...tripBoundsS(travel, fresh.placeAt(nowS) as TripPlace, dest, scale, Infinity, true) };
      const placed = here.place();
      const roadS = plain.total(plain.roads.ms(roadPosition(NET.graph, placed), to), placed, dest, scale);
      expect(road, `trip ${n}: road bound`).toBeLessThanOrEqual(roadS);
      expect(direct, `trip ${n}: direct bound`).toBeLessThanOrEqual(plain.directS(placed, dest, scale));
      if (road > before.road || direct > before.direct) tighter++;
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
    expect(tighter, 'bounds from the last place are tighter than from the trip origin').toBeGreaterThan(checked / 4);
  });

  it('ranks exactly as plain times do, ties to the lower index, placing only the units it must', () => {
    const { travel, plain, rnd, randomPlace, bases } = models();
    let ties = 0;
    let unplaced = 0;
    for (let call = 0; call < 200; call++) {
      const dest = call % 4 === 0 ? travel.place(NET.at('R').lon, NET.at('R').lat) : randomPlace();
      // Trips home from scenes, each unit asked where it is twice at the same instant (two units
      // on one trip: exact ties), and the bases twice over.
      const moving: { trip: RoadTrip; atS: number }[] = [];
      for (let k = 0; k < 8; k++) {
        const trip = travel.trip(randomPlace(), bases[k]!, 0, false);
        if (trip instanceof RoadTrip) moving.push({ trip, atS: rnd() * trip.durationS });
      }
      const origins = (): Place[] => [...bases, ...moving.flatMap(({ trip, atS }) => [trip.placeAt(atS), trip.placeAt(atS)]), ...bases];
      const departS = call * 977;
      const blue = call % 3 === 0;
      const times = plain.timesTo(origins(), dest, departS, blue);
      const order = [...times.keys()].sort((p, q) => times[p]! - times[q]! || p - q);
      for (let j = 1; j < order.length; j++) if (times[order[j]!] === times[order[j - 1]!]) ties++;
      for (const k of [1, 3]) {
        const ranked = origins();
        const top = travel.rankTo(ranked, dest, departS, blue, k);
        expect(top.map((r) => r.index), `call ${call}, k ${k}`).toEqual(order.slice(0, k));
        for (const r of top) expect(r.timeS, `call ${call}, origin ${r.index}`).toBe(times[r.index]);
        unplaced += ranked.filter((p) => p instanceof TripPlace && !p.resolved).length;
      }
    }
    expect(ties, 'journeys of equal time').toBeGreaterThan(500);
    expect(travel.rankStats.movingBounded).toBeGreaterThan(1000);
    expect(travel.rankStats.movingPlaced, 'some units on the move were never placed').toBeLessThan(travel.rankStats.movingBounded);
    expect(unplaced).toBeGreaterThan(100);
  });
});
