/**
 * The way cache (src/sim/travel/way-cache.ts): routes kept in flat arrays come back as the same
 * routes, only within the generation they were kept in; where the spaces met is kept with a pair
 * and finds the same route; trips timed from kept ways are the same.
 */
import { describe, expect, it } from 'vitest';
import { roadPosition } from '../../../src/sim/roads/query/ends';
import { RoadTrip } from '../../../src/sim/travel/road-trip';
import { WayCache } from '../../../src/sim/travel/way-cache';
import type { Place } from '../../../src/sim/world';
import { buildRoadTravel, hourOfDayClock } from '../../../src/world/road';
import { asciiNetwork, seeded } from '../roads/helpers';

const NET = asciiNetwork(
  `
  A - B - C - D - E
  |   v   |   ^   |
  F < G - H - I < J
  |   |   v   |   |
  K - L - M > N - O
`,
  { cellM: 180, classes: { FG: 'primary', GH: 'primary', HI: 'primary', IJ: 'primary' } },
);
const SETTINGS = { detourFactor: 1.3, offRoadSpeedKph: 20 };

describe('the way cache', () => {
  it('gives back the routes it keeps, piece for piece, and forgets them in a new generation', () => {
    const travel = buildRoadTravel(NET.graph, SETTINGS, hourOfDayClock(), { maxTrees: 0 });
    const a = NET.at('A');
    const o = NET.at('O');
    const rnd = seeded(3);
    const randomPlace = (): Place => travel.place(a.lon + rnd() * (o.lon - a.lon), o.lat + rnd() * (a.lat - o.lat));
    const cache = new WayCache(1000);
    const kept: { slot: number; from: Place; to: Place; ms: number }[] = [];
    for (let n = 0; n < 200; n++) {
      const from = randomPlace();
      const to = randomPlace();
      const p = roadPosition(NET.graph, from);
      const q = roadPosition(NET.graph, to);
      const ms = travel.roads.ms(p, q);
      const met = travel.roads.lastMeeting;
      const slot = cache.add(from, to, ms, met);
      expect(cache.met(slot), 'where the spaces met').toBe(met);
      expect(cache.routeAt(slot, 0), 'no route before one is kept').toBeNull();
      // Found from where the spaces met (kept with the pair), the route is the one merging them anew finds.
      const route = travel.roads.route(p, q, ms, cache.met(slot));
      expect(route.pieces()).toEqual(travel.roads.route(p, q, ms).pieces());
      cache.keepRoute(slot, 0, route);
      const back = cache.routeAt(slot, 0)!;
      expect(back.totalMs).toBe(route.totalMs);
      expect(back.pieces()).toEqual(route.pieces());
      const timing = { accessOriginS: 3, scale: 1.25, durationS: (3 + route.totalMs / 1000 + 2) * 1.25 };
      for (let k = 0; k < 5; k++) {
        const t = (3 + (rnd() * route.totalMs) / 1000) * 1.25;
        expect({ ...back.pieceAt(timing, t) }, `pair ${n} at ${t}`).toEqual({ ...route.pieceAt(timing, t) });
      }
      kept.push({ slot, from, to, ms });
    }
    for (const { slot, from, to, ms } of kept) {
      expect(cache.find(from, to)).toBe(slot);
      expect(cache.ms(slot)).toBe(ms);
      expect(cache.routeAt(slot, 0)!.totalMs).toBe(ms);
      expect(cache.routeAt(slot, 1), 'another generation').toBeNull();
    }
  });

  it('times and routes trips between places met again exactly as the first time', () => {
    const travel = buildRoadTravel(NET.graph, SETTINGS, hourOfDayClock());
    const fresh = buildRoadTravel(NET.graph, SETTINGS, hourOfDayClock(), { maxTrees: 0 });
    const places = ['A', 'C', 'H', 'K', 'O'].map((x) => travel.place(NET.at(x).lon + 0.0004, NET.at(x).lat - 0.0003));
    for (let round = 0; round < 3; round++) {
      for (const p of places) {
        for (const q of places) {
          if (p === q) continue;
          const trip = travel.trip(p, q, round * 3600, round === 1);
          const truth = fresh.trip({ ...p }, { ...q }, round * 3600, round === 1);
          expect(trip.durationS).toBe(truth.durationS);
          if (trip instanceof RoadTrip && truth instanceof RoadTrip) {
            expect(trip.plan.route.pieces()).toEqual(truth.plan.route.pieces());
            const at = trip.durationS * 0.4;
            expect(trip.placeAt(at).edge).toBe(truth.placeAt(at).edge);
            expect(trip.placeAt(at).offsetM).toBe(truth.placeAt(at).offsetM);
          }
        }
      }
    }
  });
});
