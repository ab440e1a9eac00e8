/**
 * Where units are now, for dispatch: a unit at base is at its station, one on scene at its
 * incident, one in custody at the suite, one on the road where its journey has brought it.
 */
import type { Call } from '../model/call';
import { US, type Fleet } from '../fleet/fleet';
import { movablePlace, placeAtInto, type MovablePlace } from '../travel/straight-line';
import type { Place, TravelModel } from '../world';

/** What unitPlace reads of the simulation (a part of choose.ts's DispatchView). */
export interface PlaceView {
  readonly now: number;
  readonly fleet: Fleet;
  readonly travel: TravelModel;
  /** Live call by id (undefined once over). */
  call(id: number): Call | undefined;
}

/** Where unit `u` is at `now` (moving units along their journey). */
export function unitPlace(v: PlaceView, u: number): Place {
  const f = v.fleet;
  const s = f.state[u]!;
  if (s === US.ON_SCENE) {
    const call = v.call(f.incident[u]!);
    if (call?.place) return call.place;
  }
  if (s === US.IN_CUSTODY) return f.stations[f.custodyStation[u]!]!.place;
  if (s !== US.FREE) {
    const trip = f.trip[u];
    if (trip) return trip.placeAt(v.now - f.tripDepartS[u]!);
  }
  return f.homes[u]!;
}

/** Scratch places of moving units under straight-line travel, one per entry of unitPlaces' `out`. */
const MOVING: MovablePlace[] = [];

/**
 * unitPlace of the first `n` of `units` into `out`, for a ranking query that keeps none of them:
 * under straight-line travel a moving unit's place is written into a scratch place of its own
 * entry (the same numbers as its trip's placeAt), so a choice makes no Place per moving unit.
 * The places are valid until the next call.
 */
export function unitPlaces(v: PlaceView, units: readonly number[], n: number, out: Place[]): void {
  if (v.travel.mode !== 'straight-line') {
    for (let i = 0; i < n; i++) out[i] = unitPlace(v, units[i]!);
    return;
  }
  const f = v.fleet;
  const state = f.state;
  const trips = f.trip;
  const departs = f.tripDepartS;
  const now = v.now;
  while (MOVING.length < n) MOVING.push(movablePlace());
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const s = state[u]!;
    // The states in which unitPlace asks the unit's journey (returning, and for a diversion, driving to a scene or to custody).
    const trip = s === US.RETURNING || s === US.TRAVELLING || s === US.TO_CUSTODY ? trips[u] : null;
    out[i] = trip ? placeAtInto(trip, now - departs[u]!, MOVING[i]!) : unitPlace(v, u);
  }
}
