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
