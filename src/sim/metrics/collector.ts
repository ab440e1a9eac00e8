/**
 * Running totals for results, fed by the model as things happen. Only the counted period
 * [0, endS) counts: calls by their arrival time, unit time by clipping each interval to it.
 * Memory grows only with the answer waits and response times kept for percentiles.
 */
import { US } from '../fleet/fleet';
import { HOUR_S } from '../time';

/** A growable Float64 list. */
export class Samples {
  private data = new Float64Array(256);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const d = new Float64Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = x;
  }
  /** A sorted copy. */
  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
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
  // travel
  travelS = 0;
  accessS = 0;

  constructor(
    lines: number,
    areas: number,
    units: number,
    /** End of the counted period, seconds. */
    readonly endS: number,
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
    const h = (this.hours = Math.ceil(endS / HOUR_S));
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
  }

  counts(tS: number): boolean {
    return tS >= 0 && tS < this.endS;
  }

  offeredCall(line: number, tS: number): void {
    this.offered[line]!++;
    this.hourCalls[Math.floor(tS / HOUR_S)]!++;
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
    if (grade === 0) this.hourI[Math.floor(tS / HOUR_S)]!++;
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
      const h = Math.floor(callS / HOUR_S);
      this.hourIAttended[h]!++;
      this.hourIResponseSum[h]! += responseS;
      if (ok) this.hourIWithin[h]!++;
    }
  }

  dispatched(unit: number, tS: number): void {
    if (this.counts(tS)) this.unitDispatches[unit]!++;
  }

  /** A journey of `durationS` (of which `accessS` off-road) departing at `departS`. */
  journey(departS: number, durationS: number, accessS: number): void {
    if (!this.counts(departS)) return;
    this.travelS += durationS;
    this.accessS += accessS;
  }

  /** Unit `u` spent [fromS, toS) in `state`. */
  unitInterval(u: number, state: number, fromS: number, toS: number): void {
    if (state === US.OFF) return;
    const a = Math.max(fromS, 0);
    const b = Math.min(toS, this.endS);
    if (!(b > a)) return;
    const busy = state >= US.TRAVELLING;
    const returning = state === US.RETURNING;
    this.unitOnDutyS[u]! += b - a;
    if (busy) this.unitBusyS[u]! += b - a;
    if (returning) this.unitReturningS[u]! += b - a;
    // Spread over hour bins.
    let t = a;
    let h = Math.floor(t / HOUR_S);
    while (t < b) {
      const end = Math.min(b, (h + 1) * HOUR_S);
      const d = end - t;
      this.hourOnDutyS[h]! += d;
      if (busy) this.hourBusyS[h]! += d;
      if (returning) this.hourReturningS[h]! += d;
      t = end;
      h++;
    }
  }
}
