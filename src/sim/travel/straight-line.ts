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
import { hourOfDay as hourOfDay_IMPORTED } from '../time';
import { greatCircleM as greatCircleM_IMPORTED } from '../geo';

// Module-local copies: hot paths read them without going through module bindings.
const hourOfDay = hourOfDay_IMPORTED;
const greatCircleM = greatCircleM_IMPORTED;

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

class StraightTrip implements Trip {
  constructor(
    private readonly from: Place,
    private readonly to: Place,
    readonly durationS: number,
    readonly distanceM: number,
  ) {}

  readonly accessS = 0;

  placeAt(elapsedS: number): Place {
    if (!(this.durationS > 0) || elapsedS >= this.durationS) return this.to;
    if (elapsedS <= 0) return this.from;
    const f = elapsedS / this.durationS;
    return {
      lon: this.from.lon + (this.to.lon - this.from.lon) * f,
      lat: this.from.lat + (this.to.lat - this.from.lat) * f,
      edge: -1,
      offsetM: 0,
      accessM: 0,
    };
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
  private readonly secondsPerM: number;
  private readonly congestion: Float64Array;

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
      const r = this.rate(departS, blueLight);
      let best = -1;
      let bestM = Infinity;
      for (let i = 0; i < origins.length; i++) {
        const m = greatCircleM(origins[i]!.lon, origins[i]!.lat, dest.lon, dest.lat);
        if (m < bestM) {
          bestM = m;
          best = i;
        }
      }
      return best < 0 ? [] : [{ index: best, timeS: bestM * r }];
    }
    const times = this.timesTo(origins, dest, departS, blueLight);
    const order = Array.from(times.keys());
    // Stable sort: equal times keep the lower index first, as the contract asks.
    order.sort((a, b) => times[a]! - times[b]! || a - b);
    return order.slice(0, Math.max(0, k)).map((index) => ({ index, timeS: times[index]! }));
  }

  trip(origin: Place, dest: Place, departS: number, blueLight: boolean): Trip {
    const straightM = greatCircleM(origin.lon, origin.lat, dest.lon, dest.lat);
    return new StraightTrip(origin, dest, straightM * this.rate(departS, blueLight), straightM * this.options.detourFactor);
  }
}
