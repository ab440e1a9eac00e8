/**
 * Rolling KPIs of a live session: what happened in the last hour and since local midnight, kept
 * as small time-stamped lists fed by the simulation's observer and trimmed to the last day.
 * Injected incidents count here (they are part of the exercise), unlike in results.
 */
import type { LiveKpiWindow } from '../../shared/live';
import type { Call } from '../model/call';
import type { SimObserver } from '../model/simulation';
import { DAY_S, HOUR_S, modulo } from '../time';

/** KPIs of one window of simulated time (declared once, in src/shared/live.ts). */
export type KpiWindow = LiveKpiWindow;

/** A time-stamped list trimmed from the front. */
class Trail {
  readonly t: number[] = [];
  readonly x: number[] = [];
  readonly flag: number[] = [];
  private head = 0;
  push(t: number, x: number, flag: number): void {
    this.t.push(t);
    this.x.push(x);
    this.flag.push(flag);
  }
  trim(beforeS: number): void {
    while (this.head < this.t.length && this.t[this.head]! < beforeS) this.head++;
    if (this.head > 4096 && this.head * 2 > this.t.length) {
      for (const a of [this.t, this.x, this.flag]) a.splice(0, this.head);
      this.head = 0;
    }
  }
  /** Indices with t >= fromS. */
  *since(fromS: number): IterableIterator<number> {
    for (let i = this.t.length - 1; i >= this.head && this.t[i]! >= fromS; i--) yield i;
  }
}

export class RollingKpis implements SimObserver {
  private readonly offeredTrail = new Trail();
  /** x = wait; flag 1 = within target. */
  private readonly answeredTrail = new Trail();
  private readonly abandonedTrail = new Trail();
  /** x = response; flag = grade * 2 + within. */
  private readonly arrivalTrail = new Trail();

  constructor(
    private readonly answerTargetS: (line: number) => number | null,
    private readonly targetS: (grade: number) => number,
    private readonly offsetS: number,
  ) {}

  offered(call: Call): void {
    this.offeredTrail.push(call.tS, 0, 0);
  }

  answered(call: Call, waitS: number): void {
    const target = this.answerTargetS(call.lineIndex);
    this.answeredTrail.push(call.tS + waitS, waitS, target !== null && waitS <= target ? 1 : 0);
  }

  abandoned(call: Call): void {
    this.abandonedTrail.push(call.tS + call.patienceS, 0, 0);
  }

  firstArrival(call: Call, responseS: number): void {
    const within = responseS <= this.targetS(call.grade) ? 1 : 0;
    this.arrivalTrail.push(call.tS + responseS, responseS, call.grade * 2 + within);
  }

  /** KPIs since `fromS` (up to now). */
  window(fromS: number): KpiWindow {
    let calls = 0;
    for (const _ of this.offeredTrail.since(fromS)) calls++;
    let answered = 0;
    let within = 0;
    for (const i of this.answeredTrail.since(fromS)) {
      answered++;
      within += this.answeredTrail.flag[i]!;
    }
    let abandoned = 0;
    for (const _ of this.abandonedTrail.since(fromS)) abandoned++;
    let iN = 0;
    let iSum = 0;
    let iWithin = 0;
    let all = 0;
    let allWithin = 0;
    const a = this.arrivalTrail;
    for (const i of a.since(fromS)) {
      const grade = a.flag[i]! >> 1;
      const ok = a.flag[i]! & 1;
      all++;
      allWithin += ok;
      if (grade === 0) {
        iN++;
        iSum += a.x[i]!;
        iWithin += ok;
      }
    }
    const pct = (x: number, n: number) => (n > 0 ? (100 * x) / n : null);
    return {
      fromS,
      calls,
      answered,
      abandoned,
      answeredWithinTargetPct: pct(within, answered + abandoned),
      iAttended: iN,
      iMeanResponseS: iN > 0 ? iSum / iN : null,
      iWithinTargetPct: pct(iWithin, iN),
      attended: all,
      withinTargetPct: pct(allWithin, all),
    };
  }

  /** The last hour and the local day so far, at `nowS`; trims what neither can need again. */
  at(nowS: number): { lastHour: KpiWindow; today: KpiWindow } {
    const midnight = nowS - modulo(nowS + this.offsetS, DAY_S);
    const keepFrom = Math.min(midnight, nowS - HOUR_S);
    for (const trail of [this.offeredTrail, this.answeredTrail, this.abandonedTrail, this.arrivalTrail]) trail.trim(keepFrom);
    return { lastHour: this.window(nowS - HOUR_S), today: this.window(midnight) };
  }
}
