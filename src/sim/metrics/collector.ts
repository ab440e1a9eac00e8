/**
 * Running totals for results, fed by the model as things happen. Only the counted period
 * [0, endS) counts: calls by their arrival time, unit time by clipping each interval to it.
 * Memory grows only with the answer waits and response times kept for percentiles (Samples).
 *
 * A run keeps a second collector for its warm-up, [fromS, 0), which nothing reads: the model
 * feeds every call to one of the two and every unit interval to both, so that the code that
 * counts runs from the first simulated hour on. Code a run has never executed has no type
 * feedback, and when counting began at time 0 the optimised code of every handler that counts
 * was thrown away at once (issue 14: some 15 functions, a tenth of a cold week's CPU).
 */
import { US } from '../fleet/fleet';
import { HOUR_S } from '../time';

const OFF = US.OFF;
const TRAVELLING = US.TRAVELLING;
const RETURNING = US.RETURNING;

/** Values per chunk of a Samples list at most (512 kB). */
const MAX_CHUNK = 1 << 16;

/**
 * A growable list of values for exact quantiles and means. Zeros (most answer waits: a call taker
 * was free) are only counted; the other values go into chunks that are never copied as the list
 * grows, so a year of London holds its 5 M waits in about 8 bytes per non-zero wait.
 */
/**
 * An empty array for objects: one made with an object in it and emptied, so that its elements are
 * of the kind that holds objects from the start (an empty `[]` holds small integers until its
 * first object comes, and that change of kind throws away the optimised code that had pushed to
 * such arrays before: the counted period's first figure did so, an hour into a cold run).
 */
function objectArray<T extends object>(): T[] {
  const a = [Object.prototype as T];
  a.length = 0;
  return a;
}

export class Samples {
  private readonly chunks: Float64Array[] = objectArray();
  private chunk: Float64Array | null = null;
  private fill = 0;
  /** Non-zero values held. */
  private stored = 0;
  /** Values equal to 0 (either sign), counted only. */
  private zeros = 0;

  get length(): number {
    return this.stored + this.zeros;
  }

  push(x: number): void {
    if (x === 0) {
      this.zeros++;
      return;
    }
    let chunk = this.chunk;
    if (chunk === null || this.fill === chunk.length) {
      chunk = this.chunk = new Float64Array(chunk === null ? 256 : Math.min(MAX_CHUNK, 2 * chunk.length));
      this.chunks.push(chunk);
      this.fill = 0;
    }
    chunk[this.fill++] = x;
    this.stored++;
  }

  /** The values in ascending order. */
  sorted(): SortedSamples {
    const values = new Float64Array(this.stored);
    let at = 0;
    for (const c of this.chunks) {
      const n = Math.min(c.length, this.stored - at);
      values.set(n === c.length ? c : c.subarray(0, n), at);
      at += n;
    }
    return new SortedSamples(values.sort(), this.zeros);
  }
}

/**
 * Values in ascending order, held as the sorted non-zero ones and a count of zeros (which stand
 * between the negative and the positive ones). Sums and quantiles are those of the whole sorted
 * list, to the last bit: adding a zero never changes a sum that starts at +0.
 */
export class SortedSamples {
  /** Non-zero values before which the zeros stand. */
  private readonly negatives: number;

  constructor(
    /** The non-zero values, ascending. */
    readonly values: Float64Array,
    readonly zeros: number,
  ) {
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid]! < 0) lo = mid + 1;
      else hi = mid;
    }
    this.negatives = lo;
  }

  get length(): number {
    return this.values.length + this.zeros;
  }

  /** Value `i` of the sorted list (0 <= i < length). */
  at(i: number): number {
    if (i < this.negatives) return this.values[i]!;
    if (i < this.negatives + this.zeros) return 0;
    return this.values[i - this.zeros]!;
  }

  /** The sum in ascending order (as `reduce((a, b) => a + b, 0)` over the sorted list). */
  sum(): number {
    const v = this.values;
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i]!;
    return s;
  }

  /** Quantile `p` (0..1) by linear interpolation (Hyndman-Fan type 7, as stats.ts quantileSorted); null when empty. */
  quantile(p: number): number | null {
    const n = this.length;
    if (n === 0) return null;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    const a = this.at(lo);
    return a + (h - lo) * (this.at(hi) - a);
  }

  /** All of `lists` in one, ascending (a merge: each is sorted already). */
  static merge(lists: readonly SortedSamples[]): SortedSamples {
    let values: Float64Array = new Float64Array(0);
    let zeros = 0;
    for (const l of lists) {
      values = mergeSorted(values, l.values);
      zeros += l.zeros;
    }
    return new SortedSamples(values, zeros);
  }
}

/** Two ascending lists merged into one. */
function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = b[j]! < a[i]! ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

let samplesPrimed = false;

/** Takes Samples' paths once on a throwaway (zeros, a first chunk, a second), once per process (see core/prime.ts). */
export function primeSamples(): void {
  if (samplesPrimed) return;
  samplesPrimed = true;
  const s = new Samples();
  s.push(0);
  for (let i = 1; i <= 300; i++) s.push(i * 0.5);
}

/** Response components, in the order of ResponseComponents. */
export const COMPONENTS = ['answerS', 'handlingS', 'dispatchQueueS', 'turnoutS', 'travelS'] as const;

export class Collector {
  // calls, per line index
  readonly offered: Int32Array;
  readonly answered: Int32Array;
  readonly abandoned: Int32Array;
  readonly answeredWithin: Int32Array;
  readonly waits: Samples[];
  // grades, per grade index 0..3
  readonly incidents = new Int32Array(4);
  readonly attended = new Int32Array(4);
  readonly within = new Int32Array(4);
  readonly responses: Samples[] = [0, 1, 2, 3].map(() => new Samples());
  /** [grade * 5 + component] sums over attended incidents. */
  readonly componentSums = new Float64Array(20);
  // areas: [area * 4 + grade]
  readonly areaIncidents: Int32Array;
  readonly areaAttended: Int32Array;
  readonly areaWithin: Int32Array;
  readonly areaResponseSum: Float64Array;
  // hourly
  readonly hours: number;
  readonly hourCalls: Int32Array;
  readonly hourI: Int32Array;
  readonly hourIAttended: Int32Array;
  readonly hourIWithin: Int32Array;
  readonly hourIResponseSum: Float64Array;
  readonly hourBusyS: Float64Array;
  readonly hourReturningS: Float64Array;
  readonly hourOnDutyS: Float64Array;
  // units
  readonly unitBusyS: Float64Array;
  readonly unitReturningS: Float64Array;
  readonly unitOnDutyS: Float64Array;
  readonly unitDispatches: Int32Array;
  // travel (fractions from the start, 0 from the constructor: a field first holding a small
  // integer changes the collector's shape at the first fractional journey, which throws away the
  // optimised code of every function that has fed the collector so far)
  travelS = NaN;
  accessS = NaN;
  /** The last hour bin (hours - 1, at least 0). */
  private readonly lastHour: number;

  constructor(
    lines: number,
    areas: number,
    units: number,
    /** End of the counted period, seconds. */
    readonly endS: number,
    /** Start of the counted period, seconds (a warm-up's collector: the warm-up's start). */
    readonly fromS = 0,
  ) {
    this.offered = new Int32Array(lines);
    this.answered = new Int32Array(lines);
    this.abandoned = new Int32Array(lines);
    this.answeredWithin = new Int32Array(lines);
    this.waits = Array.from({ length: lines }, () => new Samples());
    this.areaIncidents = new Int32Array(areas * 4);
    this.areaAttended = new Int32Array(areas * 4);
    this.areaWithin = new Int32Array(areas * 4);
    this.areaResponseSum = new Float64Array(areas * 4);
    const h = (this.hours = Math.max(1, Math.ceil((endS - fromS) / HOUR_S)));
    this.lastHour = h - 1;
    this.hourCalls = new Int32Array(h);
    this.hourI = new Int32Array(h);
    this.hourIAttended = new Int32Array(h);
    this.hourIWithin = new Int32Array(h);
    this.hourIResponseSum = new Float64Array(h);
    this.hourBusyS = new Float64Array(h);
    this.hourReturningS = new Float64Array(h);
    this.hourOnDutyS = new Float64Array(h);
    this.unitBusyS = new Float64Array(units);
    this.unitReturningS = new Float64Array(units);
    this.unitOnDutyS = new Float64Array(units);
    this.unitDispatches = new Int32Array(units);
    this.travelS = 0;
    this.accessS = 0;
  }

  /** Whether `tS` is in the counted period (both comparisons made, see the head comment). */
  counts(tS: number): boolean {
    const beforeEnd = tS < this.endS;
    return tS >= this.fromS && beforeEnd;
  }

  /** The hour bin of `tS` (a time outside the period, as an injected incident's in the warm-up's collector, the nearest bin). */
  private hourOf(tS: number): number {
    return Math.min(Math.max(Math.floor((tS - this.fromS) / HOUR_S), 0), this.lastHour);
  }

  offeredCall(line: number, tS: number): void {
    this.offered[line]!++;
    this.hourCalls[this.hourOf(tS)]!++;
  }

  answeredCall(line: number, waitS: number, targetS: number): void {
    this.answered[line]!++;
    this.waits[line]!.push(waitS);
    if (waitS <= targetS) this.answeredWithin[line]!++;
  }

  abandonedCall(line: number): void {
    this.abandoned[line]!++;
  }

  incident(grade: number, area: number, tS: number): void {
    this.incidents[grade]!++;
    if (area >= 0) this.areaIncidents[area * 4 + grade]!++;
    if (grade === 0) this.hourI[this.hourOf(tS)]!++;
  }

  /** The first unit reached a counted incident. `parts` in COMPONENTS order. */
  attendedIncident(grade: number, area: number, callS: number, responseS: number, targetS: number, parts: readonly number[]): void {
    const ok = responseS <= targetS;
    this.attended[grade]!++;
    this.responses[grade]!.push(responseS);
    if (ok) this.within[grade]!++;
    for (let c = 0; c < 5; c++) this.componentSums[grade * 5 + c]! += parts[c]!;
    if (area >= 0) {
      const k = area * 4 + grade;
      this.areaAttended[k]!++;
      this.areaResponseSum[k]! += responseS;
      if (ok) this.areaWithin[k]!++;
    }
    if (grade === 0) {
      const h = this.hourOf(callS);
      this.hourIAttended[h]!++;
      this.hourIResponseSum[h]! += responseS;
      if (ok) this.hourIWithin[h]!++;
    }
  }

  // These two add nothing (0) outside the period rather than skip: the same code runs in the warm-up.
  dispatched(unit: number, tS: number): void {
    this.unitDispatches[unit]! += this.counts(tS) ? 1 : 0;
  }

  /** A journey of `durationS` (of which `accessS` off-road) departing at `departS`. */
  journey(departS: number, durationS: number, accessS: number): void {
    const counts = this.counts(departS);
    // x + 0 is x for every sum here (they start at +0 and add times, never -0).
    this.travelS += counts ? durationS : 0;
    this.accessS += counts ? accessS : 0;
  }

  /** Unit `u` spent [fromS, toS) in `state`. */
  unitInterval(u: number, state: number, fromS: number, toS: number): void {
    if (state === OFF) return;
    const a = Math.max(fromS, this.fromS);
    const b = Math.min(toS, this.endS);
    if (!(b > a)) return;
    const busy = state >= TRAVELLING;
    const returning = state === RETURNING;
    this.unitOnDutyS[u]! += b - a;
    if (busy) this.unitBusyS[u]! += b - a;
    if (returning) this.unitReturningS[u]! += b - a;
    // Spread over hour bins.
    const from = this.fromS;
    let t = a;
    let h = Math.floor((t - from) / HOUR_S);
    while (t < b) {
      const end = Math.min(b, from + (h + 1) * HOUR_S);
      const d = end - t;
      this.hourOnDutyS[h]! += d;
      if (busy) this.hourBusyS[h]! += d;
      if (returning) this.hourReturningS[h]! += d;
      t = end;
      h++;
    }
  }
}
