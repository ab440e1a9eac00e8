/**
 * Road trips on the built-in London graph (from the cache): compact routes place a traveller
 * exactly where the unpacked way does (test/sim/roads/route-reference.ts), the optimised
 * upward search makes the spaces of the plain one (space-reference.ts), ranking agrees with plain
 * times east and west, and places far from the east's main-road skeleton are joined directly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureLondonGraph } from '../../src/node/osm/london';
import { DirectTrip, GlidePlace } from '../../src/sim/travel/direct';
import type { RoadTravelModel, RoadTravelSettings } from '../../src/sim/travel/road';
import type { Place } from '../../src/sim/world';
import { buildRoadTravel, hourOfDayClock } from '../../src/world/road';
import { seeded } from '../sim/roads/helpers';
import { checkTrips } from '../sim/roads/route-reference';
import { compareSearches } from '../sim/roads/space-reference';

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
    // Up to 64 trees (the default keeps 16): every base a landmark.
    const ranked = buildRoadTravel(graph, { detourFactor: 1.3, offRoadSpeedKph: 20, blueLightFactor: 1.8 }, hourOfDayClock(), { treeAfter: 1, maxTrees: 64 });
    const plain = buildRoadTravel(graph, { detourFactor: 1.3, offRoadSpeedKph: 20, blueLightFactor: 1.8 }, hourOfDayClock(), { maxTrees: 0 });
    const rnd = seeded(29);
    // West and east of the meridian: in the east many units glide directly (direct.ts).
    const randomPlace = (): Place => ranked.place(-0.45 + rnd() * 0.75, 51.35 + rnd() * 0.3);
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

describe('London direct journeys', () => {
  it('join the Elm Park ward office to a place 471 m away in about a minute, not by two long access legs', async () => {
    const { graph } = await ensureLondonGraph();
    const baseline = JSON.parse(readFileSync(path.join(__dirname, '../../assets/scenarios/london-baseline.json'), 'utf8')) as { travel: RoadTravelSettings };
    const london = buildRoadTravel(graph, baseline.travel, hourOfDayClock());
    const office = london.place(0.2001, 51.5495);
    const near = london.place(0.2061, 51.5515);
    expect(office.accessM, 'the office is 3.8 km from the modelled roads').toBeGreaterThan(3500);
    expect(near.accessM).toBeGreaterThan(3500);
    const noon = 12 * 3600;
    const t = london.timesTo([office], near, noon, true)[0]!;
    expect(t, 'about a minute on blue lights (it was 2,321 s by road)').toBeGreaterThan(30);
    expect(t).toBeLessThan(120);
    const trip = london.trip(office, near, noon, true);
    expect(trip).toBeInstanceOf(DirectTrip);
    expect(trip.durationS).toBe(t);
    expect(trip.accessS).toBe(t);
    expect(london.rankTo([near, office], near, noon, true, 2).map((r) => r.timeS)).toEqual([0, t]);
  });

  it('bound the access leg of a place part-way along a glide from below, on 2,000 glides east of the meridian', () => {
    const rnd = seeded(41);
    const randomPlace = (): Place => travel.place(0 + rnd() * 0.3, 51.4 + rnd() * 0.25);
    let glides = 0;
    for (let i = 0; i < 10_000 && glides < 2000; i++) {
      const trip = travel.trip(randomPlace(), randomPlace(), 0, false);
      if (!(trip instanceof DirectTrip)) continue;
      const here = trip.placeAt(rnd() * trip.durationS);
      if (!(here instanceof GlidePlace)) continue;
      glides++;
      const bound = here.accessAtLeastM;
      expect(bound, `glide ${i}`).toBeLessThanOrEqual(here.accessM);
    }
    expect(glides).toBe(2000);
  });
});
