/**
 * What a warm-up snapshot needs to know of the journeys a run made: a Trip holds the road graph
 * and a closure that finds its route, so it is not saved as data but asked for again from the
 * world's travel model with the same origin, destination, departure and blue lights (the model is
 * deterministic: the same question gives the same trip). A unit re-dispatched mid-journey starts
 * from its old trip's `placeAt(elapsed)`, so those places are remembered too.
 *
 * `recordForSnapshot(sim)` wraps the simulation's travel model before its first event; nothing
 * the model answers changes (check.sh-identical results), it only notes the questions.
 */
import type { Place, Trip, TravelModel } from '../world';
import type { Simulation } from '../model/simulation';

export interface TripArgs {
  readonly origin: Place;
  readonly dest: Place;
  readonly departS: number;
  readonly blueLight: boolean;
}

export interface TripPlaceArgs {
  readonly trip: Trip;
  readonly elapsedS: number;
}

export interface Recorder {
  /** The travel model the simulation was built with (the wrapper asks it). */
  readonly real: TravelModel;
  /** The recording wrapper (the simulation's travel model). */
  readonly wrapper: TravelModel;
  readonly trips: WeakMap<Trip, TripArgs>;
  /** Places a trip's placeAt made (class instances only: plain places are saved as data). */
  readonly placed: WeakMap<object, TripPlaceArgs>;
}

const RECORDERS = new WeakMap<Simulation, Recorder>();

/** The recorder of `sim`, or undefined when recordForSnapshot was not called for it. */
export function recorderOf(sim: Simulation): Recorder | undefined {
  return RECORDERS.get(sim);
}

/**
 * Makes `sim` one that can be saved (src/sim/snapshot/snapshot.ts): its travel model is wrapped
 * to note every trip's question. Call it before the first event.
 */
export function recordForSnapshot(sim: Simulation): Recorder {
  const known = RECORDERS.get(sim);
  if (known) return known;
  if (sim.core.events > 0) throw new Error('recordForSnapshot: the simulation has already run events; call it before the first one');
  const real = sim.travel;
  const rec: Recorder = { real, wrapper: real, trips: new WeakMap(), placed: new WeakMap() };
  const wrapPlaceAt = (trip: Trip): void => {
    const own = trip.placeAt;
    // An own property on the trip object: the model's classes stay as they are.
    trip.placeAt = (elapsedS: number): Place => {
      const p = own.call(trip, elapsedS);
      if (Object.getPrototypeOf(p) !== Object.prototype && !rec.placed.has(p)) rec.placed.set(p, { trip, elapsedS });
      return p;
    };
  };
  const trip = (origin: Place, dest: Place, departS: number, blueLight: boolean): Trip => {
    const made = real.trip(origin, dest, departS, blueLight);
    rec.trips.set(made, { origin, dest, departS, blueLight });
    wrapPlaceAt(made);
    return made;
  };
  const bound = new Map<PropertyKey, unknown>();
  const wrapper = new Proxy(real, {
    get(target, key) {
      if (key === 'trip') return trip;
      const v: unknown = Reflect.get(target, key, target);
      if (typeof v !== 'function') return v;
      let b = bound.get(key);
      if (b === undefined) {
        b = (v as (...args: unknown[]) => unknown).bind(target);
        bound.set(key, b);
      }
      return b;
    },
  });
  (rec as { wrapper: TravelModel }).wrapper = wrapper;
  (sim as { travel: TravelModel }).travel = wrapper;
  RECORDERS.set(sim, rec);
  return rec;
}

/**
 * A trip restored from a snapshot, asked of the travel model (`sim.travel`, the recording wrapper)
 * only when first used: most trips a snapshot holds are over (units on scene or at base keep their
 * last one), and a road trip's question is a route search. `durationS` is the saved one when the
 * snapshot has it (the model answers the same: it is deterministic), so telling whether the unit
 * still moves asks nothing. Saved again as the same question; a place its `placeAt` makes is noted
 * as made by it (not by the trip behind it), so a restored run saves the same text as the original.
 */
class DeferredTrip implements Trip {
  private made: Trip | null = null;
  private readonly savedDurationS: number | undefined;

  constructor(
    private readonly rec: Recorder,
    private readonly args: TripArgs,
    savedDurationS: number | undefined,
  ) {
    this.savedDurationS = savedDurationS;
  }

  private get trip(): Trip {
    if (this.made === null) {
      const { origin, dest, departS, blueLight } = this.args;
      this.made = this.rec.wrapper.trip(origin, dest, departS, blueLight);
    }
    return this.made;
  }

  get durationS(): number {
    return this.savedDurationS ?? this.trip.durationS;
  }

  get accessS(): number {
    return this.trip.accessS;
  }

  get distanceM(): number {
    return this.trip.distanceM;
  }

  placeAt(elapsedS: number): Place {
    const p = this.trip.placeAt(elapsedS);
    if (this.rec.placed.get(p)?.trip === this.made) this.rec.placed.set(p, { trip: this, elapsedS });
    return p;
  }

  geometry(): { coords: Float64Array; timesS: Float64Array } {
    return this.trip.geometry();
  }
}

/** A trip of `sim` (made to be saved) that asks the travel model only when used (DeferredTrip), noted as `args`' trip. */
export function deferredTrip(rec: Recorder, args: TripArgs, savedDurationS?: number): Trip {
  const trip = new DeferredTrip(rec, args, savedDurationS);
  rec.trips.set(trip, args);
  return trip;
}
