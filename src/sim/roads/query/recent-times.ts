/**
 * Exact road ms from origins to one destination, as a ranking found them (road-rank.ts): dispatch
 * then asks the trip of the unit it picked, which RoadQueries.ms answers from here instead of
 * meeting the spaces again. Keyed by road positions (road, metres along it), which fix the ms.
 */
import type { RoadPos } from './ends';

export class RecentTimes {
  private to: RoadPos | null = null;
  private road = new Int32Array(64);
  private posM = new Float64Array(64);
  private ms = new Float64Array(64);
  private count = 0;

  /** Starts noting exact times to `to`, forgetting those noted before. */
  begin(to: RoadPos): void {
    this.to = to;
    this.count = 0;
  }

  /** Notes the exact ms from `from` to the destination of `begin`. */
  note(from: RoadPos, ms: number): void {
    const n = this.count;
    if (n === this.road.length) {
      this.road = grown(this.road, 2 * n);
      this.posM = grown(this.posM, 2 * n);
      this.ms = grown(this.ms, 2 * n);
    }
    this.road[n] = from.road;
    this.posM[n] = from.posM;
    this.ms[n] = ms;
    this.count = n + 1;
  }

  /** The ms from `from` to `to` noted since `begin`, or NaN. */
  find(from: RoadPos, to: RoadPos): number {
    const t = this.to;
    if (t === null || t.road !== to.road || t.posM !== to.posM) return NaN;
    const { road, posM } = this;
    for (let i = 0; i < this.count; i++) if (road[i] === from.road && posM[i] === from.posM) return this.ms[i]!;
    return NaN;
  }
}

/** A copy of `a` in an array of length `n`. */
function grown<T extends Int32Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
