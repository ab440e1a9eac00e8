/**
 * Road trips on the built-in London graph (from the cache): compact routes place a traveller
 * exactly where the unpacked way does (test/sim/routing/route-reference.ts), and the optimised
 * upward search makes the spaces of the plain one (space-reference.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureLondonGraph } from '../../src/node/osm/london';
import type { RoadTravelModel } from '../../src/sim/routing/travel';
import type { Place } from '../../src/sim/world';
import { buildRoadTravel, hourOfDayClock } from '../../src/world/road';
import { seeded } from '../sim/routing/helpers';
import { checkTrips } from '../sim/routing/route-reference';
import { compareSearches } from '../sim/routing/space-reference';

let travel: RoadTravelModel;

beforeAll(async () => {
  const { graph } = await ensureLondonGraph();
  travel = buildRoadTravel(graph, { detourFactor: 1.3, offRoadSpeedKph: 20, blueLightFactor: 1.8 }, hourOfDayClock());
}, 300_000);

describe('London road trips', () => {
  it('place a unit exactly where the unpacked way does, on 300 random trips across London', () => {
    const rnd = seeded(17);
    // Over the whole of London, east of the meridian too (long access legs to the skeleton).
    const randomPlace = (): Place => travel.place(-0.5 + rnd() * 0.8, 51.3 + rnd() * 0.37);
    expect(checkTrips(travel, randomPlace, rnd, 300), 'pieces checked').toBeGreaterThan(10_000);
  });
});

describe('London search spaces', () => {
  it('the optimised upward search makes the same spaces as the plain one', () => {
    const h = travel.hierarchy;
    expect(compareSearches(h, travel.graph.nodeCount, seeded(23), 500), 'entries compared').toBeGreaterThan(20_000);
  });
});

describe('London ranking', () => {
  it('landmark bounds never exceed the true time, and rankTo ranks as plain times do', () => {
    const { graph } = travel;
    const ranked = buildRoadTravel(graph, { detourFactor: 1.3, offRoadSpeedKph: 20, blueLightFactor: 1.8 }, hourOfDayClock(), { treeAfter: 1 });
    const plain = buildRoadTravel(graph, { detourFactor: 1.3, offRoadSpeedKph: 20, blueLightFactor: 1.8 }, hourOfDayClock(), { maxTrees: 0 });
    const rnd = seeded(29);
    const randomPlace = (): Place => ranked.place(-0.45 + rnd() * 0.45, 51.35 + rnd() * 0.3);
    const bases = Array.from({ length: 40 }, randomPlace);
    for (let call = 0; call < 200; call++) {
      const dest = randomPlace();
      const origins: Place[] = [...bases];
      for (let k = 0; k < 10; k++) {
        const trip = ranked.trip(randomPlace(), bases[k]!, 0, false);
        origins.push(trip.placeAt(rnd() * trip.durationS));
      }
      const times = plain.timesTo(origins, dest, call * 600, true);
      const order = [...times.keys()].sort((p, q) => times[p]! - times[q]! || p - q);
      const top = ranked.rankTo(origins, dest, call * 600, true, 3);
      expect(top.map((r) => r.index), `call ${call}`).toEqual(order.slice(0, 3));
      expect(top.map((r) => r.timeS)).toEqual(order.slice(0, 3).map((i) => times[i]));
    }
    expect(ranked.treeStats.kept, 'the bases are landmarks').toBeGreaterThanOrEqual(40);
  });
});
