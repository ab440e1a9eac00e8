/**
 * Non-homogeneous Poisson arrivals of one line (MODEL.md "Arrival"): the rate is
 * callsPerDay / 86400 x hourOfDay[h] x dayOfWeek[d] x surge factor, constant between hour
 * boundaries and surge boundaries. The next arrival is found exactly by inversion: draw an
 * Exp(1) amount of "integrated rate" and spend it piece by piece (no thinning, no rejected draws).
 */
import type { Rng } from '../random/rng';
import { HOUR_S, dayOfWeek, hourOfDay, modulo } from '../time';
import type { SurgeSegment } from './weights';

export interface ArrivalProfile {
  /** Calls per second before multipliers. */
  readonly baseRatePerS: number;
  readonly hourOfDay: readonly number[];
  readonly dayOfWeek: readonly number[];
  readonly segments: readonly SurgeSegment[];
  /** This line's index into segment factors. */
  readonly lineIndex: number;
  /** Seconds from Monday 00:00 to simulation time 0. */
  readonly offsetS: number;
}

/** The segment holding `tS`, searching forward from `hint` (arrivals move forward in time). */
export function segmentAt(segments: readonly SurgeSegment[], tS: number, hint = 0): number {
  let j = Math.min(Math.max(hint, 0), segments.length - 1);
  while (j > 0 && tS < segments[j]!.fromS) j--;
  while (j + 1 < segments.length && tS >= segments[j]!.toS) j++;
  return j;
}

/** Calls per second of the profile at `tS` (for tests and for expected-volume figures). */
export function rateAt(p: ArrivalProfile, tS: number): number {
  const seg = p.segments[segmentAt(p.segments, tS)]!;
  return p.baseRatePerS * p.hourOfDay[hourOfDay(tS, p.offsetS)]! * p.dayOfWeek[dayOfWeek(tS, p.offsetS)]! * seg.factor[p.lineIndex]!;
}

/** Whether every multiplier of `profile` is exactly 1 (multiplying by it changes no number). */
function allOnes(profile: readonly number[]): boolean {
  return profile.every((x) => x === 1);
}

export class ArrivalProcess {
  private segment = 0;
  /** The hour-of-day and day-of-week profiles are flat: the rate needs neither the hour nor the day (x * 1 === x). */
  private readonly flatDay: boolean;
  private readonly flatWeek: boolean;

  constructor(
    private readonly profile: ArrivalProfile,
    private readonly rng: Rng,
    /** Arrivals stop at this simulation time (exclusive). */
    private readonly endS: number,
  ) {
    this.flatDay = allOnes(profile.hourOfDay);
    this.flatWeek = allOnes(profile.dayOfWeek);
  }

  /** The first arrival after `tS`, or Infinity when none comes before the end. */
  next(tS: number): number {
    const p = this.profile;
    if (p.baseRatePerS <= 0) return Infinity;
    let need = -Math.log(this.rng.nextOpen());
    let t = tS;
    while (t < this.endS) {
      this.segment = segmentAt(p.segments, t, this.segment);
      const seg = p.segments[this.segment]!;
      const nextHour = t - modulo(t + p.offsetS, HOUR_S) + HOUR_S;
      const pieceEnd = Math.min(nextHour, seg.toS, this.endS);
      // The same products as rateAt's, less a factor of exactly 1 (each modulo costs a division).
      let rate = p.baseRatePerS;
      if (!this.flatDay) rate *= p.hourOfDay[hourOfDay(t, p.offsetS)]!;
      if (!this.flatWeek) rate *= p.dayOfWeek[dayOfWeek(t, p.offsetS)]!;
      rate *= seg.factor[p.lineIndex]!;
      const span = pieceEnd - t;
      if (rate * span >= need) return t + need / rate;
      need -= rate * span;
      t = pieceEnd;
    }
    return Infinity;
  }
}

/** 24 ones or 7 ones: flat profiles when the scenario leaves them out. */
export const FLAT_DAY: readonly number[] = new Array<number>(24).fill(1);
export const FLAT_WEEK: readonly number[] = new Array<number>(7).fill(1);
