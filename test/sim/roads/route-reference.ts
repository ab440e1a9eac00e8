/**
 * The reference for compact routes: where a trip's traveller is, found from every unpacked piece
 * on its timeline (how trips were placed before routes were kept compact), and a check of many
 * random trips against it.
 */
import { expect } from 'vitest';
import type { RoadGraph } from '../../../src/sim/roads/graph';
import { pointOnEdge, RoadTrip } from '../../../src/sim/travel/road-trip';
import type { RoadTravelModel } from '../../../src/sim/travel/road';
import type { Place } from '../../../src/sim/world';

/** The reference: a function placing the traveller from every unpacked piece on its timeline (binary search). */
export function placeByPieces(graph: RoadGraph, trip: RoadTrip): (elapsedS: number) => Place {
  const plan = trip.plan;
  const { origin, dest, durationS, scale } = plan;
  const pieces = plan.route.pieces();
  const starts = new Float64Array(pieces.length + 1);
  let ms = 0;
  for (let k = 0; k <= pieces.length; k++) {
    starts[k] = Math.min((plan.accessOriginS + ms / 1000) * scale, durationS);
    ms += pieces[k]?.ms ?? 0;
  }
  return (elapsedS) => {
    const t = Math.min(Math.max(elapsedS, 0), durationS);
    const onRoad = starts[0]!;
    if (t < onRoad) {
      const p = pointOnEdge(graph, origin.edge, origin.offsetM);
      const f = t / onRoad;
      return { lon: origin.lon + f * (p.lon - origin.lon), lat: origin.lat + f * (p.lat - origin.lat), edge: origin.edge, offsetM: origin.offsetM, accessM: origin.accessM * (1 - f) };
    }
    const offRoad = starts[pieces.length]!;
    if (t >= offRoad) {
      const p = pointOnEdge(graph, dest.edge, dest.offsetM);
      const span = durationS - offRoad;
      const f = span > 0 ? (t - offRoad) / span : 1;
      return { lon: p.lon + f * (dest.lon - p.lon), lat: p.lat + f * (dest.lat - p.lat), edge: dest.edge, offsetM: dest.offsetM, accessM: dest.accessM * f };
    }
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    const piece = pieces[lo]!;
    const t0 = starts[lo]!;
    const t1 = starts[lo + 1]!;
    const f = t1 > t0 ? (t - t0) / (t1 - t0) : 1;
    const offsetM = piece.fromM + f * (piece.toM - piece.fromM);
    const point = pointOnEdge(graph, piece.edge, offsetM);
    return { lon: point.lon, lat: point.lat, edge: piece.edge, offsetM, accessM: 0 };
  };
}

/** Instants to check along a trip: random ones, and every piece's start and end (and just around them). */
export function instantsOf(trip: RoadTrip, rnd: () => number, random: number): number[] {
  const plan = trip.plan;
  const out = [-1, 0, trip.durationS, trip.durationS + 5];
  for (let i = 0; i < random; i++) out.push(rnd() * trip.durationS);
  let ms = 0;
  for (const piece of plan.route.pieces()) {
    const s = Math.min((plan.accessOriginS + ms / 1000) * plan.scale, plan.durationS);
    out.push(s, s * (1 - 1e-12), s * (1 + 1e-12) + 1e-12);
    ms += piece.ms;
  }
  return out;
}

/**
 * Checks placeAt against the reference at many instants of `count` random trips (direct trips, which
 * have no road part, are left out); returns the pieces seen.
 */
export function checkTrips(travel: RoadTravelModel, randomPlace: () => Place, rnd: () => number, count: number): number {
  let pieces = 0;
  for (let i = 0; i < count; i++) {
    const trip = travel.trip(randomPlace(), randomPlace(), rnd() * 86400, rnd() < 0.5);
    if (!(trip instanceof RoadTrip)) continue;
    pieces += trip.plan.route.pieces().length;
    const reference = placeByPieces(travel.graph, trip);
    for (const t of instantsOf(trip, rnd, 8)) {
      const got = trip.placeAt(t);
      const want = reference(t);
      // Field by field (deep equality of 100,000 objects through expect is slow); expect on a difference.
      if (!(Object.is(got.lon, want.lon) && Object.is(got.lat, want.lat) && got.edge === want.edge && Object.is(got.offsetM, want.offsetM) && Object.is(got.accessM, want.accessM))) {
        expect(got, `trip ${i} at ${t} s of ${trip.durationS} s`).toEqual(want);
      }
    }
  }
  return pieces;
}
