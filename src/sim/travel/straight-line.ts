/**
 * Straight-line travel (MODEL.md `travel.mode: "straight-line"`): great-circle distance x
 * `detourFactor` at `speedKph`, with the same time adjustments road travel applies:
 *
 *   time = base time x congestionByHour[hour of departure] / (blueLight ? blueLightFactor : 1)
 *
 * where the hour is the local hour of day at `departS`. Places are never snapped (edge -1), and a
 * trip moves along the straight segment at constant speed.
 */
import type { Place, Ranked, TravelModel, Trip } from '../world';
import { hourOfDay } from '../time';
import { EARTH_RADIUS_M, greatCircleM } from '../geo';
import { TopK } from './top-k';

/** Degrees to radians, as geo.ts has it. */
const RAD = Math.PI / 180;
/** rankTo keeps the k best of the nearest by haversine alone up to this k (the incident log asks for 2). */
const LEAST_K = 16;

export interface StraightLineOptions {
  /** km/h on the straight line (after the detour factor). */
  readonly speedKph: number;
  /** Straight-line metres x this = metres driven (>= 1). */
  readonly detourFactor: number;
  /** Travel-time multiplier per local hour of departure; omitted = 1 all day. */
  readonly congestionByHour?: readonly number[];
  /** Travel time is divided by this on blue lights. */
  readonly blueLightFactor: number;
  /** Seconds from Monday 00:00 to simulation time 0 (see time.ts startOffsetS). */
  readonly startOffsetS: number;
}

/** A straight-line Place whose position can be written (scratch for placeAtInto). */
export interface MovablePlace extends Place {
  lon: number;
  lat: number;
}

/** A new MovablePlace (its position fractional from the start, so the engine keeps both as doubles). */
export function movablePlace(): MovablePlace {
  return { lon: 0.5, lat: 0.5, edge: -1, offsetM: 0, accessM: 0 };
}

/**
 * Where `trip` is `elapsedS` seconds after departure, with the same numbers as trip.placeAt, but
 * a straight-line trip writes a position along the way into `out` (returned, valid until `out` is
 * next written) instead of making a Place: for dispatch, which weighs every returning unit at
 * every choice and keeps none of their places. Any other trip answers with its placeAt.
 */
export function placeAtInto(trip: Trip, elapsedS: number, out: MovablePlace): Place {
  return trip instanceof StraightTrip ? trip.placeInto(elapsedS, out) : trip.placeAt(elapsedS);
}

class StraightTrip implements Trip {
  // Numbers start as numbers (a field declared bare starts undefined, and V8 then boxes each number
  // stored), and as fractions (one starting as a small integer changes the trips' shape when the
  // first fraction comes, which throws away the optimised code that has read a trip).
  readonly durationS: number = NaN;
  readonly distanceM: number = NaN;

  constructor(
    private readonly from: Place,
    private readonly to: Place,
    durationS: number,
    distanceM: number,
  ) {
    this.durationS = durationS;
    this.distanceM = distanceM;
  }

  readonly accessS = 0;
  /** The place last worked out and its instant (dispatch asks again at the same instant, for each call of a pass and for the incident log). */
  private lastPlace: Place | null = null;
  private lastElapsedS = NaN;

  placeAt(elapsedS: number): Place {
    if (!(this.durationS > 0) || elapsedS >= this.durationS) return this.to;
    if (elapsedS <= 0) return this.from;
    if (elapsedS === this.lastElapsedS && this.lastPlace !== null) return this.lastPlace;
    const f = elapsedS / this.durationS;
    const place: Place = {
      lon: this.from.lon + (this.to.lon - this.from.lon) * f,
      lat: this.from.lat + (this.to.lat - this.from.lat) * f,
      edge: -1,
      offsetM: 0,
      accessM: 0,
    };
    this.lastPlace = place;
    this.lastElapsedS = elapsedS;
    return place;
  }

  /** placeAt's place, with a position along the way written into `out` instead of a new Place. */
  placeInto(elapsedS: number, out: MovablePlace): Place {
    if (!(this.durationS > 0) || elapsedS >= this.durationS) return this.to;
    if (elapsedS <= 0) return this.from;
    const f = elapsedS / this.durationS;
    out.lon = this.from.lon + (this.to.lon - this.from.lon) * f;
    out.lat = this.from.lat + (this.to.lat - this.from.lat) * f;
    return out;
  }

  geometry(): { coords: Float64Array; timesS: Float64Array } {
    return {
      coords: Float64Array.of(this.from.lon, this.from.lat, this.to.lon, this.to.lat),
      timesS: Float64Array.of(0, this.durationS),
    };
  }
}

export class StraightLineTravel implements TravelModel {
  readonly mode = 'straight-line' as const;
  /** Seconds per metre at free flow, off blue lights. */
  private readonly secondsPerM: number = 0;
  private readonly congestion: Float64Array;
  /** Scratch for nearest(): haversine's `a` per origin, and the distance it found. */
  private scratch = new Float64Array(64);
  /** Per origin slot: the latitude last weighed there and its cosine (the same units sit in the same slots pick after pick). */
  private slotLat = new Float64Array(64).fill(NaN);
  private slotCos = new Float64Array(64);
  private bestM = Infinity;
  /** Scratch for rankNear: the k least `a`. */
  private readonly least = new Float64Array(LEAST_K);

  constructor(private readonly options: StraightLineOptions) {
    if (!(options.speedKph > 0)) throw new Error(`straight-line travel: speedKph must be > 0, got ${options.speedKph}`);
    this.secondsPerM = options.detourFactor / (options.speedKph / 3.6);
    this.congestion = Float64Array.from(options.congestionByHour ?? new Array<number>(24).fill(1));
    if (this.congestion.length !== 24) throw new Error(`straight-line travel: congestionByHour needs 24 factors, got ${this.congestion.length}`);
  }

  /** Seconds per straight-line metre when departing at `departS`. */
  private rate(departS: number, blueLight: boolean): number {
    const c = this.congestion[hourOfDay(departS, this.options.startOffsetS)]!;
    return (this.secondsPerM * c) / (blueLight ? this.options.blueLightFactor : 1);
  }

  place(lon: number, lat: number): Place {
    return { lon, lat, edge: -1, offsetM: 0, accessM: 0 };
  }

  timesTo(origins: readonly Place[], dest: Place, departS: number, blueLight: boolean): Float64Array {
    const r = this.rate(departS, blueLight);
    const out = new Float64Array(origins.length);
    for (let i = 0; i < origins.length; i++) out[i] = greatCircleM(origins[i]!.lon, origins[i]!.lat, dest.lon, dest.lat) * r;
    return out;
  }

  timesFrom(origin: Place, dests: readonly Place[], departS: number, blueLight: boolean): Float64Array {
    const r = this.rate(departS, blueLight);
    const out = new Float64Array(dests.length);
    for (let i = 0; i < dests.length; i++) out[i] = greatCircleM(origin.lon, origin.lat, dests[i]!.lon, dests[i]!.lat) * r;
    return out;
  }

  rankTo(origins: readonly Place[], dest: Place, departS: number, blueLight: boolean, k: number): Ranked[] {
    if (k === 1) {
      // Dispatch asks for the best one thousands of times a day: one pass, no sort.
      const best = this.nearest(origins, dest);
      if (best >= 0) return [{ index: best, timeS: this.bestM * this.rate(departS, blueLight) }];
      return [];
    }
    if (k <= 0) return [];
    // The k best in one pass (TopK keeps them as the stable sort below would order them); a NaN
    // time, which the sort's comparator orders by index alone, takes the sort.
    const r = this.rate(departS, blueLight);
    const kk = Math.floor(k);
    const n = origins.length;
    if (kk < n && kk <= LEAST_K && r > 0 && r < Infinity) {
      const ranked = this.rankNear(origins, dest, r, kk);
      if (ranked) return ranked;
    }
    const top = new TopK(kk);
    for (let i = 0; i < n; i++) {
      const t = greatCircleM(origins[i]!.lon, origins[i]!.lat, dest.lon, dest.lat) * r;
      if (t !== t) return this.rankBySort(origins, dest, departS, blueLight, k);
      top.offer(t, i);
    }
    return top.result();
  }

  /**
   * rankTo's k best (k < origins, r > 0 finite), null when an origin has no finite haversine `a`
   * or the k-th least is nearly antipodal. As nearest(): times grow with `a`, and an `a` more
   * than a hair above the k-th least gives a time strictly above at least k others', so only
   * origins within that hair have their time computed (as greatCircleM x r computes it) and ranked.
   */
  private rankNear(origins: readonly Place[], dest: Place, r: number, k: number): Ranked[] | null {
    const n = origins.length;
    this.haversines(origins, dest);
    const hav = this.scratch;
    const least = this.least;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const a = hav[i]!;
      if (a !== a) return null;
      if (m === k && !(a < least[k - 1]!)) continue;
      let j = m === k ? k - 1 : m++;
      while (j > 0 && least[j - 1]! > a) {
        least[j] = least[j - 1]!;
        j--;
      }
      least[j] = a;
    }
    const kth = least[k - 1]!;
    if (!(kth < 0.5)) return null;
    const within = kth * (1 + 1e-9);
    const top = new TopK(k);
    for (let i = 0; i < n; i++) {
      const a = hav[i]!;
      if (!(a <= within)) continue;
      top.offer(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a))) * r, i);
    }
    return top.result();
  }

  /** rankTo by a full stable sort of all the times. */
  private rankBySort(origins: readonly Place[], dest: Place, departS: number, blueLight: boolean, k: number): Ranked[] {
    const times = this.timesTo(origins, dest, departS, blueLight);
    const order = Array.from(times.keys());
    // Stable sort: equal times keep the lower index first, as the contract asks.
    order.sort((a, b) => times[a]! - times[b]! || a - b);
    return order.slice(0, Math.max(0, k)).map((index) => ({ index, timeS: times[index]! }));
  }

  /**
   * Index of the origin nearest `dest` (the first of equals), -1 when none has a finite distance;
   * its distance in `bestM`. Exactly the first minimum of greatCircleM over the origins: haversine's
   * `a` is computed as greatCircleM computes it (with the destination's cosine once), the distance
   * grows with it, so only origins within a hair of the least `a` have their distance computed and
   * compared, as greatCircleM would compute it.
   */
  private nearest(origins: readonly Place[], dest: Place): number {
    const n = origins.length;
    const leastA = this.haversines(origins, dest);
    const hav = this.scratch;
    const lon2 = dest.lon;
    const lat2 = dest.lat;
    let best = -1;
    let bestM = Infinity;
    if (leastA < 0.5) {
      const within = leastA * (1 + 1e-9);
      for (let i = 0; i < n; i++) {
        const a = hav[i]!;
        if (!(a <= within)) continue;
        const m = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
        if (m < bestM) {
          bestM = m;
          best = i;
        }
      }
    } else {
      // Nearly antipodal (or no finite distance): greatCircleM over them all, as it was.
      for (let i = 0; i < n; i++) {
        const m = greatCircleM(origins[i]!.lon, origins[i]!.lat, lon2, lat2);
        if (m < bestM) {
          bestM = m;
          best = i;
        }
      }
    }
    this.bestM = bestM;
    return best;
  }

  /** Haversine's `a` of each origin to `dest` in `scratch`, as greatCircleM computes it; the least (NaN left out). */
  private haversines(origins: readonly Place[], dest: Place): number {
    const n = origins.length;
    if (this.scratch.length < n) {
      const size = Math.max(n, 2 * this.scratch.length);
      this.scratch = new Float64Array(size);
      this.slotLat = new Float64Array(size).fill(NaN);
      this.slotCos = new Float64Array(size);
    }
    const hav = this.scratch;
    const slotLat = this.slotLat;
    const slotCos = this.slotCos;
    const lon2 = dest.lon;
    const lat2 = dest.lat;
    const cos2 = Math.cos(lat2 * RAD);
    let leastA = Infinity;
    for (let i = 0; i < n; i++) {
      const o = origins[i]!;
      const s = Math.sin(((lat2 - o.lat) * RAD) / 2);
      const t = Math.sin(((lon2 - o.lon) * RAD) / 2);
      const lat1 = o.lat;
      let cos1: number;
      if (slotLat[i] === lat1) cos1 = slotCos[i]!;
      else {
        cos1 = Math.cos(lat1 * RAD);
        slotLat[i] = lat1;
        slotCos[i] = cos1;
      }
      const a = s * s + cos1 * cos2 * t * t;
      hav[i] = a;
      if (a < leastA) leastA = a;
    }
    return leastA;
  }

  trip(origin: Place, dest: Place, departS: number, blueLight: boolean): Trip {
    const straightM = greatCircleM(origin.lon, origin.lat, dest.lon, dest.lat);
    return new StraightTrip(origin, dest, straightM * this.rate(departS, blueLight), straightM * this.options.detourFactor);
  }
}
