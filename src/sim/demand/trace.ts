/**
 * Trace-driven demand (docs/MODEL-ADDITIONS.md "Trace replay"): calls arrive at the times, places
 * and grades of a recorded incident log instead of the random arrival process. Everything else
 * drawn for a call (handling, patience, decision, on scene, turnout, arrest) still comes from the
 * line's own streams, so replaying a run's own log with the same seed repeats the run.
 */
import type { AreaSet } from '../world';

export type { TraceCall } from '../../shared/trace-csv';
import type { TraceCall } from '../../shared/trace-csv';

/** The calls of one line in time order, handed out one arrival at a time (stands in for ArrivalProcess). */
export class TraceArrivals {
  private index = 0;
  private readonly calls: readonly TraceCall[];

  constructor(calls: readonly TraceCall[], t0: number, endS: number) {
    // Arrivals happen from the first instant to the end of the counted days, as for random demand.
    this.calls = calls.filter((c) => c.tS >= t0 && c.tS < endS);
  }

  get length(): number {
    return this.calls.length;
  }

  /** Time of the next recorded call (the argument is ignored: the trace fixes the times), or Infinity. */
  next(_afterS: number): number {
    return this.index < this.calls.length ? this.calls[this.index]!.tS : Infinity;
  }

  /** The call arriving now; moves on to the next. */
  take(): TraceCall {
    const c = this.calls[this.index];
    if (!c) throw new Error('trace replay: an arrival with no recorded call left');
    this.index++;
    return c;
  }
}

/** Splits `calls` by line, each in time order (stable: equal times keep the file's order). */
export function traceByLine(calls: readonly TraceCall[], lines: number): TraceCall[][] {
  const out: TraceCall[][] = Array.from({ length: lines }, () => []);
  for (const c of calls) out[c.lineIndex]?.push(c);
  for (const l of out) l.sort((a, b) => a.tS - b.tS);
  return out;
}

/** The area index of a recorded call: its named area if the world has it, else the area holding its place (-1: none). */
export function traceArea(call: TraceCall, areas: AreaSet | null | undefined): number {
  if (!areas) return -1;
  if (call.area) {
    const i = areas.ids.indexOf(call.area);
    if (i >= 0) return i;
  }
  return areas.locate(call.lon, call.lat);
}
