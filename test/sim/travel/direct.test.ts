/**
 * Direct journeys (src/sim/travel/direct.ts): road travel takes the quicker of the road journey and
 * the direct one (straight metres x detour factor at the off-road speed), and every fast path
 * (timesTo, timesFrom, rankTo with its bounds, trips, places part-way along a glide) agrees with
 * plain evaluation.
 */
import { describe, expect, it } from 'vitest';
import { greatCircleM } from '../../../src/sim/geo';
import { DirectTrip, GlidePlace, straightAtLeastM } from '../../../src/sim/travel/direct';
import { entries, exits, roadPosition, sameRoad } from '../../../src/sim/roads/query/ends';
import { OnRoadPlace, RoadTrip, TripPlace } from '../../../src/sim/travel/road-trip';
import type { RoadTravelModel, RoadTravelSettings } from '../../../src/sim/travel/road';
import type { Place, Trip } from '../../../src/sim/world';
import { buildRoadTravel, hourOfDayClock } from '../../../src/world/road';
import { asciiNetwork, plainDijkstra, seeded } from '../roads/helpers';

const SETTINGS: RoadTravelSettings = { detourFactor: 1.3, offRoadSpeedKph: 20 };
/** Seconds per straight metre off the roads with SETTINGS: 1.3 / (20 km/h in m/s). */
const OFF_ROAD_S_PER_M = 1.3 / (20 / 3.6);

/**
 * A U: A and B are 100 m apart, but the road between them runs about 1 km down, 100 m across and
 * 1 km up (about 300 s at the residential 24 km/h); straight across is 23.4 s off-road.
 */
const U = `
  A   B
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  |   |
  C - D
`;

function uModel(settings: Partial<RoadTravelSettings> = {}) {
  const net = asciiNetwork(U);
  const travel = buildRoadTravel(net.graph, { ...SETTINGS, ...settings }, hourOfDayClock());
  const at = (letter: string, northM = 0): Place => {
    const p = net.at(letter);
    return travel.place(p.lon, p.lat + northM / 111_195);
  };
  return { net, travel, at };
}

/** The reference: plain Dijkstra between the places' road positions plus access legs, or the direct way, the quicker; times `scale`. */
function reference(travel: RoadTravelModel, o: Place, d: Place, scale: number): number {
  const { graph, weights } = travel;
  const from = roadPosition(graph, o);
  const to = roadPosition(graph, d);
  let ms = plainDijkstra(graph, weights, exits(graph, weights, from), entries(graph, weights, to));
  const along = sameRoad(graph, weights, from, to);
  if (along && along.ms < ms) ms = along.ms;
  const road = ms === Infinity ? Infinity : (ms / 1000 + (travel.accessS(o) + travel.accessS(d))) * scale;
  const direct = greatCircleM(o.lon, o.lat, d.lon, d.lat) * OFF_ROAD_S_PER_M * scale;
  return Math.min(road, direct);
}

describe('direct journeys on a drawn network', () => {
  it('go straight across when the road way is long and the direct way short', () => {
    const m = uModel();
    const a = m.at('A');
    const b = m.at('B');
    const straightM = greatCircleM(a.lon, a.lat, b.lon, b.lat);
    expect(straightM, 'A and B 100 m apart').toBeCloseTo(100, 0);
    const t = m.travel.timesTo([a], b, 0, false)[0]!;
    expect(t, 'straight across, not 2.1 km round by road').toBeCloseTo(straightM * OFF_ROAD_S_PER_M, 9);
    expect(m.travel.timesFrom(a, [b], 0, false)[0]).toBe(t);
    expect(m.travel.rankTo([a], b, 0, false, 1)[0]!.timeS).toBe(t);
    const trip = m.travel.trip(a, b, 0, false);
    expect(trip, 'a direct trip').toBeInstanceOf(DirectTrip);
    expect(trip.durationS).toBe(t);
    expect(trip.accessS, 'all of a direct journey is off the roads').toBe(trip.durationS);
    expect(trip.distanceM, 'straight metres x detour').toBeCloseTo(straightM * 1.3, 6);
    const { coords, timesS } = trip.geometry();
    expect([...coords]).toEqual([a.lon, a.lat, b.lon, b.lat]);
    expect([...timesS]).toEqual([0, t]);
  });

  it('keep to the road when the road way is the quicker', () => {
    const m = uModel();
    const a = m.at('A');
    const c = m.at('C');
    const roadM = greatCircleM(a.lon, a.lat, c.lon, c.lat);
    expect(m.travel.timesTo([a], c, 0, false)[0], 'along the road at 24 km/h, not 1.3 x as far at 20').toBeCloseTo(roadM / (24 / 3.6), 1);
    const trip = m.travel.trip(a, c, 0, false);
    expect(trip).toBeInstanceOf(RoadTrip);
    expect(trip.accessS).toBeLessThan(0.01);
  });

  it('join two places far from the roads directly instead of by two access legs and the road', () => {
    const m = uModel();
    // 2 km north of A and of B: the road way is two 2 km access legs and the road between.
    const p = m.at('A', 2000);
    const q = m.at('B', 2000);
    expect(p.accessM).toBeCloseTo(2000, 0);
    const t = m.travel.timesTo([p], q, 0, false)[0]!;
    expect(t).toBeCloseTo(greatCircleM(p.lon, p.lat, q.lon, q.lat) * OFF_ROAD_S_PER_M, 9);
    expect(t, 'about 23 s, not about 1,100 s').toBeLessThan(30);
  });

  it('scale a direct journey by congestion and blue lights as an access leg is scaled', () => {
    const congestion = Array.from({ length: 24 }, (_, h) => (h === 8 ? 1.5 : 1));
    const m = uModel({ congestionByHour: congestion, blueLightFactor: 1.25 });
    const a = m.at('A');
    const b = m.at('B');
    const base = m.travel.timesTo([a], b, 0, false)[0]!;
    expect(m.travel.timesTo([a], b, 8 * 3600, false)[0]).toBeCloseTo(base * 1.5, 9);
    expect(m.travel.timesTo([a], b, 8 * 3600, true)[0]).toBeCloseTo((base * 1.5) / 1.25, 9);
    expect(m.travel.trip(a, b, 8 * 3600, true).durationS).toBe(m.travel.timesTo([a], b, 8 * 3600, true)[0]);
  });

  it('reach a place the roads cannot reach (a one-way dead end) directly', () => {
    const net = asciiNetwork(`A - B > C`, { components: 'all' });
    const travel = buildRoadTravel(net.graph, SETTINGS, hourOfDayClock());
    const place = (letter: string): Place => travel.place(net.at(letter).lon, net.at(letter).lat);
    const [a, b, c] = [place('A'), place('B'), place('C')];
    const direct = greatCircleM(c.lon, c.lat, a.lon, a.lat) * OFF_ROAD_S_PER_M;
    expect(travel.timesTo([c], a, 0, false)[0], 'no road from C back to A').toBeCloseTo(direct, 9);
    expect(travel.timesFrom(c, [a, c], 0, false)[0]).toBe(travel.timesTo([c], a, 0, false)[0]);
    expect(travel.timesFrom(c, [a, c], 0, false)[1], 'to itself').toBe(0);
    const ranked = travel.rankTo([c, b], a, 0, false, 2);
    expect(ranked.map((r) => r.index), 'B is nearer by road than C is directly').toEqual([1, 0]);
    expect(ranked[1]!.timeS).toBe(travel.timesTo([c], a, 0, false)[0]);
    expect(travel.trip(c, a, 0, false)).toBeInstanceOf(DirectTrip);
  });
});

describe('a place part-way along a direct glide', () => {
  it('is on the straight line, snapped when its road position is first read, and goes on from there', () => {
    const m = uModel();
    const p = m.at('A', 2000);
    const q = m.at('B', 2000);
    const trip = m.travel.trip(p, q, 0, false);
    expect(trip.placeAt(-1), 'before departure: the origin').toBe(p);
    expect(trip.placeAt(trip.durationS + 1), 'after arrival: the destination').toBe(q);
    const mid = trip.placeAt(trip.durationS / 2);
    expect(mid).toBeInstanceOf(GlidePlace);
    const glide = mid as GlidePlace;
    expect(glide.lon, 'half way (on a great circle: a hair off the lon/lat mean)').toBeCloseTo((p.lon + q.lon) / 2, 8);
    expect(glide.lat).toBeCloseTo((p.lat + q.lat) / 2, 8);
    expect(greatCircleM(p.lon, p.lat, glide.lon, glide.lat)).toBeCloseTo(greatCircleM(glide.lon, glide.lat, q.lon, q.lat), 6);
    expect(glide.snapped, 'not snapped until asked').toBe(false);
    expect(glide.accessAtLeastM, 'its bound on the access leg').toBeLessThanOrEqual(2000);
    // Ranking needs no road position here: no road journey can beat the direct one.
    const ranked = m.travel.rankTo([glide], q, 0, false, 1)[0]!;
    expect(ranked.timeS, 'the rest of the glide').toBeCloseTo(trip.durationS / 2, 6);
    expect(glide.snapped, 'ranked without snapping').toBe(false);
    const rest = m.travel.trip(glide, q, 0, false);
    expect(rest.durationS).toBe(ranked.timeS);
    expect(glide.accessM, 'snapped on reading').toBeCloseTo(2000, -1);
    expect(glide.snapped).toBe(true);
    expect(glide.accessAtLeastM).toBeLessThanOrEqual(glide.accessM);
    expect(m.travel.timesTo([glide], q, 0, false)[0]).toBe(ranked.timeS);
    expect(JSON.parse(JSON.stringify(glide)), 'a plain place in JSON').toEqual({ lon: glide.lon, lat: glide.lat, edge: glide.edge, offsetM: glide.offsetM, accessM: glide.accessM });
  });

  it('may take the road from there when that is now the quicker way', () => {
    const m = uModel();
    // From 600 m west of the middle of the road A-C straight to D: the glide crosses that road.
    const a = m.net.at('A');
    const c = m.net.at('C');
    const p = m.travel.place(a.lon - 600 / (111_195 * Math.cos((a.lat * Math.PI) / 180)), (a.lat + c.lat) / 2);
    const d = m.at('D');
    const trip = m.travel.trip(p, d, 0, false);
    expect(trip).toBeInstanceOf(DirectTrip);
    for (const f of [0.3, 0.6, 0.9]) {
      const here = trip.placeAt(f * trip.durationS);
      const left = (1 - f) * trip.durationS;
      const rest = m.travel.timesTo([here], d, 0, false)[0]!;
      expect(rest, `at ${f}: never more than the rest of the glide`).toBeLessThanOrEqual(left * (1 + 1e-9));
      expect(m.travel.rankTo([here], d, 0, false, 1)[0]!.timeS, `at ${f}`).toBe(rest);
    }
  });
});

describe('ranking with direct journeys', () => {
  // A main-road skeleton 1 km blocks apart, places scattered up to 1.5 km beyond it (as in east London).
  const net = asciiNetwork(
    `
    A - B - C - D
    |       |   |
    E - F > G - H
    |   ^       v
    I - J - K < L
  `,
    { cellM: 1000, classes: { AB: 'trunk', BC: 'trunk', CD: 'trunk', EF: 'primary', FG: 'primary' } },
  );
  const a = net.at('A');
  const l = net.at('L');
  const settings = { ...SETTINGS, blueLightFactor: 1.6 };
  const lonPerM = (a.lon - net.at('B').lon) / -1000;
  const latPerM = 1 / 111_195;

  it('rankTo gives exactly the k best of plain timesTo, with units at bases, on the road and gliding', () => {
    const travel = buildRoadTravel(net.graph, settings, hourOfDayClock(), { treeAfter: 2 });
    const plain = buildRoadTravel(net.graph, settings, hourOfDayClock(), { maxTrees: 0 });
    const rnd = seeded(31);
    const randomPlace = (): Place =>
      travel.place(a.lon - 1500 * lonPerM + rnd() * (l.lon - a.lon + 3000 * lonPerM), l.lat - 1500 * latPerM + rnd() * (a.lat - l.lat + 3000 * latPerM));
    const bases = Array.from({ length: 8 }, randomPlace);
    const kinds = { direct: 0, road: 0, glides: 0, onRoad: 0 };
    for (let call = 0; call < 200; call++) {
      const dest = randomPlace();
      const origins: Place[] = bases.flatMap((b) => [b, b]);
      for (let k = 0; k < 8; k++) {
        const trip = travel.trip(randomPlace(), bases[k]!, 0, false);
        const here = trip.placeAt(rnd() * trip.durationS);
        if (here instanceof GlidePlace) kinds.glides++;
        // A unit on a road trip is placed only when ranking needs it (road-trip.ts TripPlace).
        if (here instanceof TripPlace && here.elapsedS >= here.trip.roadStartS && here.elapsedS < here.trip.roadEndS) kinds.onRoad++;
        origins.push(here);
      }
      const departS = call * 977;
      const blue = call % 3 === 0;
      const times = plain.timesTo(origins, dest, departS, blue);
      const scale = travel.scaleAt(departS, blue);
      times.forEach((t, i) => expect(t, `call ${call}, origin ${i} against plain Dijkstra`).toBeCloseTo(reference(plain, origins[i]!, dest, scale), 6));
      const order = [...times.keys()].sort((p, q) => times[p]! - times[q]! || p - q);
      for (const k of [1, 3]) {
        const ranked = travel.rankTo(origins, dest, departS, blue, k);
        expect(ranked.map((r) => r.index), `call ${call}, k ${k}`).toEqual(order.slice(0, k));
        for (const r of ranked) expect(r.timeS, `call ${call}, origin ${r.index}`).toBe(times[r.index]);
      }
      const winner = origins[order[0]!]!;
      const trip = travel.trip(winner, dest, departS, blue);
      expect(trip.durationS, `call ${call}: the trip takes the ranked time`).toBe(times[order[0]!]);
      if (trip instanceof DirectTrip) kinds.direct++;
      else kinds.road++;
    }
    expect(kinds.direct, 'some winners went directly').toBeGreaterThan(10);
    expect(kinds.road, 'some by road').toBeGreaterThan(10);
    expect(kinds.glides, 'units part-way along glides were ranked').toBeGreaterThan(100);
    expect(kinds.onRoad, 'units part-way along roads were ranked').toBeGreaterThan(100);
    expect(travel.treeStats.kept, 'bases got trees, so landmark bounds were used').toBeGreaterThanOrEqual(8);
  });

  it('rankTo snaps a gliding unit whose road journey could count, bounds it again by the landmarks, and stays exact', () => {
    const travel = buildRoadTravel(net.graph, settings, hourOfDayClock(), { treeAfter: 1 });
    const plain = buildRoadTravel(net.graph, settings, hourOfDayClock(), { maxTrees: 0 });
    const rnd = seeded(77);
    const randomPlace = (): Place =>
      travel.place(a.lon - 1500 * lonPerM + rnd() * (l.lon - a.lon + 3000 * lonPerM), l.lat - 1500 * latPerM + rnd() * (a.lat - l.lat + 3000 * latPerM));
    const bases = Array.from({ length: 6 }, randomPlace);
    // Every base asked for once: each gets its tree (a landmark) at once.
    for (const b of bases) travel.rankTo([b], randomPlace(), 0, false, 1);
    expect(travel.treeStats.kept).toBe(6);
    let glides = 0;
    for (let call = 0; call < 300; call++) {
      const dest = randomPlace();
      // Units on glides: a direct trip between two places a few hundred metres apart, some way
      // along. Each ranking gets its own places, not yet snapped (placeAt makes a new one).
      const along: { trip: Trip; atS: number }[] = [];
      while (along.length < 12) {
        const p = randomPlace();
        const q = travel.place(p.lon + (rnd() - 0.5) * 800 * lonPerM, p.lat + (rnd() - 0.5) * 800 * latPerM);
        const trip = travel.trip(p, q, 0, false);
        const atS = rnd() * trip.durationS;
        if (trip.placeAt(atS) instanceof GlidePlace) along.push({ trip, atS });
      }
      glides += along.length;
      const origins = (): Place[] => [...bases, ...along.map((g) => g.trip.placeAt(g.atS))];
      const departS = call * 613;
      const times = plain.timesTo(origins(), dest, departS, false);
      const order = [...times.keys()].sort((p, q) => times[p]! - times[q]! || p - q);
      for (const k of [1, 4]) {
        const ranked = travel.rankTo(origins(), dest, departS, false, k);
        expect(ranked.map((r) => r.index), `call ${call}, k ${k}`).toEqual(order.slice(0, k));
        for (const r of ranked) expect(r.timeS, `call ${call}, origin ${r.index}`).toBe(times[r.index]);
      }
    }
    expect(glides).toBe(300 * 12);
    const stats = travel.rankStats;
    expect(stats.glidesBounded, 'gliding units snapped for a road bound').toBeGreaterThan(100);
    expect(stats.glidesDeferred, 'some sent back behind others by their new bound').toBeGreaterThan(10);
    expect(stats.glidesDeferred).toBeLessThanOrEqual(stats.glidesBounded);
  });

  it('bounds a unit on the road by its edge ends without placing it, never above the true straight metres', () => {
    const travel = buildRoadTravel(net.graph, settings, hourOfDayClock());
    const rnd = seeded(5);
    for (let i = 0; i < 500; i++) {
      const e = Math.floor(rnd() * net.graph.edgeCount);
      const place = new OnRoadPlace(net.graph, e, rnd() * net.graph.edgeLengthM[e]!);
      const lon = a.lon + (rnd() - 0.2) * (l.lon - a.lon) * 1.4;
      const lat = l.lat + (rnd() - 0.2) * (a.lat - l.lat) * 1.4;
      const bound = straightAtLeastM(travel.graph, place, lon, lat);
      expect(place.located, 'not placed by the bound').toBe(false);
      const truth = greatCircleM(place.lon, place.lat, lon, lat);
      expect(bound, `edge ${e}`).toBeLessThanOrEqual(truth);
      expect(straightAtLeastM(travel.graph, place, lon, lat), 'exact once placed').toBe(truth);
    }
  });
});
