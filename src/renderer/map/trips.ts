/**
 * Where a unit is on its trip at a given simulation time: linear between the trip's vertices,
 * which the simulator times (src/sim/live/snapshot.ts `TripView`). Before departure (turnout) the
 * unit is at the first vertex, after arrival at the last.
 */
import type { LiveTrip } from '../../shared/protocol';

/** Writes [lon, lat] at simulation time `tS` into `out` (no allocation: called per unit per frame). */
export function positionOnTrip(trip: LiveTrip, tS: number, out: [number, number]): [number, number] {
  const { coords, timesS } = trip;
  const n = timesS.length;
  if (n === 0 || coords.length < 2) throw new Error('positionOnTrip: a trip needs at least one vertex');
  const t = tS - trip.departS;
  if (n === 1 || t <= timesS[0]!) {
    out[0] = coords[0]!;
    out[1] = coords[1]!;
    return out;
  }
  if (t >= timesS[n - 1]!) {
    out[0] = coords[2 * (n - 1)]!;
    out[1] = coords[2 * (n - 1) + 1]!;
    return out;
  }
  // Binary search for the segment [i, i + 1] holding t (road trips have hundreds of vertices).
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (timesS[mid]! <= t) lo = mid;
    else hi = mid;
  }
  const t0 = timesS[lo]!;
  const span = timesS[hi]! - t0;
  const k = span > 0 ? (t - t0) / span : 1;
  out[0] = coords[2 * lo]! + (coords[2 * hi]! - coords[2 * lo]!) * k;
  out[1] = coords[2 * lo + 1]! + (coords[2 * hi + 1]! - coords[2 * lo + 1]!) * k;
  return out;
}
