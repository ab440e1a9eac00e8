/**
 * A live snapshot: compact, cheap to take, and enough to draw the map between snapshots. Each
 * moving unit carries its whole current journey (`coords` with the elapsed time at each vertex),
 * so the map can glide it along the road without asking again.
 */
import { GRADES } from '../../shared/scenario';
import { US, UNIT_STATE_NAMES } from '../fleet/fleet';
import { unitPlace } from '../dispatch/choose';
import { CS } from '../model/call';
import type { SimState } from '../model/state';
import type { Place, Trip } from '../world';
import type { Simulation } from '../model/simulation';
import { recorderOf } from '../snapshot/record';
import type { KpiWindow } from './kpis';
import type { LiveIncident, LiveIncidentState, LiveSnapshot, LiveSnapshotOptions, LiveTrip, LiveUnitView } from '../../shared/live';

/**
 * The snapshot's types are declared once, in src/shared/live.ts (the frames a worker sends are
 * built from them); these names are the simulator's for them.
 */
export type TripView = LiveTrip;
export type UnitView = LiveUnitView;
export type IncidentView = LiveIncident;
export type IncidentState = LiveIncidentState;
export type { LiveSnapshot, LiveSnapshotOptions };

const geometryCache = new WeakMap<Trip, { coords: number[]; timesS: number[] }>();

function tripView(trip: Trip, departS: number): TripView {
  let g = geometryCache.get(trip);
  if (!g) {
    const raw = trip.geometry();
    g = { coords: Array.from(raw.coords), timesS: Array.from(raw.timesS) };
    geometryCache.set(trip, g);
  }
  return { departS, coords: g.coords, timesS: g.timesS };
}

/** Whether unit `u` is still on its trip `trip` now (the map glides it along). */
function stillMoving(sim: SimState, u: number, trip: Trip | null | undefined): trip is Trip {
  return trip !== null && trip !== undefined && sim.now < sim.fleet.tripDepartS[u]! + trip.durationS;
}

/**
 * Where the map shows unit `u`: unitPlace, except that a unit whose trip is over (at its scene, or
 * home off duty) is shown at the trip's destination, which is where the trip ends (to the last bit
 * or so), without asking the trip: a session restored from a warm-up snapshot makes a saved trip
 * again only when the run uses it (src/sim/snapshot/record.ts), and most are over.
 */
function viewPlace(sim: SimState, u: number, trip: Trip | null | undefined, moving: boolean): Place {
  const f = sim.fleet;
  const s = f.state[u]!;
  if (trip && !moving && s !== US.FREE && s !== US.IN_CUSTODY && !(s === US.ON_SCENE && sim.call(f.incident[u]!)?.place)) {
    const dest = recorderOf(sim as Simulation)?.trips.get(trip)?.dest;
    if (dest) return dest;
  }
  return unitPlace(sim, u);
}

/**
 * Where the map shows every unit now (viewPlace), at simulated time `tS` after `events` events:
 * saved with a live session's snapshot, so the restored session's first frame (trips left out)
 * shows its units without asking a trip (src/sim/live/session.ts).
 */
export interface UnitPlaces {
  readonly tS: number;
  readonly events: number;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
}

export function unitPlacesNow(sim: SimState & { readonly events: number }): UnitPlaces {
  const f = sim.fleet;
  const lon = new Float64Array(f.n);
  const lat = new Float64Array(f.n);
  for (let u = 0; u < f.n; u++) {
    const trip = f.trip[u];
    const moving = stillMoving(sim, u, trip);
    const place = viewPlace(sim, u, trip, moving);
    lon[u] = place.lon;
    lat[u] = place.lat;
  }
  return { tS: sim.now, events: sim.events, lon, lat };
}

/** `saved` when it is a UnitPlaces of `sim`'s fleet, else null. */
export function unitPlacesOf(saved: unknown, sim: SimState): UnitPlaces | null {
  const p = saved as Partial<UnitPlaces> | null | undefined;
  const n = sim.fleet.n;
  return p && typeof p.tS === 'number' && typeof p.events === 'number' && p.lon instanceof Float64Array && p.lat instanceof Float64Array && p.lon.length === n && p.lat.length === n ? (p as UnitPlaces) : null;
}

/** @param places every unit's place now (unitPlacesNow, made at this instant of the same run), or null to work them out */
export function takeSnapshot(sim: SimState & { readonly finished: boolean }, kpis: { lastHour: KpiWindow; today: KpiWindow }, options: LiveSnapshotOptions = {}, places: UnitPlaces | null = null): LiveSnapshot {
  const f = sim.fleet;
  const trips = options.trips !== false;
  const newTrip = options.newTrip;
  const units: UnitView[] = [];
  let busy = 0;
  for (let u = 0; u < f.n; u++) {
    const state = f.state[u]!;
    if (state >= US.TRAVELLING) busy++;
    const trip = f.trip[u];
    const moving = stillMoving(sim, u, trip);
    const place = places === null ? viewPlace(sim, u, trip, moving) : null;
    const view: UnitView = {
      id: f.ids[u]!,
      station: f.stations[f.station[u]!]!.id,
      lon: place === null ? places!.lon[u]! : place.lon,
      lat: place === null ? places!.lat[u]! : place.lat,
      state: UNIT_STATE_NAMES[state]!,
      incident: f.incident[u]! >= 0 ? f.incident[u]! : null,
      ...(!moving ? {} : trips && (newTrip === undefined || geometryCache.has(trip!) || newTrip(f.ids[u]!)) ? { trip: tripView(trip!, f.tripDepartS[u]!) } : { tripLeftOut: true }),
    };
    units.push(view);
  }
  const incidents: IncidentView[] = [];
  for (const call of sim.calls.values()) {
    if (call.state !== CS.DECIDING && call.state !== CS.ACTIVE) continue;
    const sent: string[] = [];
    let onScene = false;
    for (let k = 0; k < call.slots; k++) {
      const u = call.slotUnit[k]!;
      if (u < 0 || call.slotDone[k]) continue;
      if (f.incident[u] !== call.id) continue;
      sent.push(f.ids[u]!);
      if (f.state[u] === US.ON_SCENE) onScene = true;
    }
    incidents.push({
      id: call.id,
      grade: GRADES[call.grade]!,
      lon: call.lon,
      lat: call.lat,
      state: call.state === CS.DECIDING ? 'deciding' : onScene ? 'on-scene' : sent.length > 0 ? 'assigned' : 'pending',
      callS: call.tS,
      units: sent,
      injected: call.injected,
    });
  }
  let waiting = 0;
  for (const call of sim.calls.values()) if (call.state === CS.WAITING) waiting++;
  return {
    tS: sim.now,
    finished: sim.finished,
    units,
    incidents,
    callsWaiting: waiting,
    pending: sim.pending.size,
    busyUnits: busy,
    kpis,
  };
}
