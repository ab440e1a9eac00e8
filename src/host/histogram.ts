/**
 * Response-time histograms of a batch run (`RunOutcome.histograms`): the key-figures chart of the
 * distribution with the target line. Counted as the run goes (a simulation observer), so a year
 * costs a few hundred numbers, not an incident log.
 *
 * Bins: the grade's target / 15 wide (I: 60 s, S: 240 s with the Met targets), 60 bins covering
 * 0 to 4 x target, and one more for everything later. A target of 0 (allowed by the scenario
 * schema: nothing is in time) gets bins of a minute.
 */
import type { ResponseHistogram, ResponseHistograms } from '../shared/protocol';

/** Bins from 0 to 4 x target, plus the overflow bin. */
export const HISTOGRAM_BINS = 61;
const BINS_PER_TARGET = 15;

/** The grades with a histogram, by the simulator's grade index (0 = I, 1 = S). */
const GRADE_KEYS = ['I', 'S'] as const;

/** What is read of a call when a unit first reaches it. */
export interface CountedCall {
  /** 0 = I, 1 = S, 2 = E, 3 = R */
  readonly grade: number;
  /** arrived in the counted period */
  readonly counted: boolean;
}

export class HistogramCounter {
  private readonly counts: number[][];
  private readonly binS: number[];

  /** `targetS[g]`: target of grade index g (I, S), seconds >= 0. */
  constructor(private readonly targetS: readonly [number, number]) {
    for (const t of targetS) if (!(t >= 0)) throw new Error(`HistogramCounter: a target must be >= 0 seconds, got ${t}`);
    this.binS = targetS.map((t) => (t > 0 ? t / BINS_PER_TARGET : 60));
    this.counts = targetS.map(() => new Array<number>(HISTOGRAM_BINS).fill(0));
  }

  /** The simulation observer's hook: the first unit reached `call` `responseS` seconds after its call. */
  firstArrival(call: CountedCall, responseS: number): void {
    if (!call.counted || call.grade > 1) return;
    const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor(responseS / this.binS[call.grade]!));
    this.counts[call.grade]![Math.max(0, bin)]!++;
  }

  histograms(): ResponseHistograms {
    const out: Partial<Record<'I' | 'S', ResponseHistogram>> = {};
    GRADE_KEYS.forEach((key, g) => {
      out[key] = { binS: this.binS[g]!, counts: [...this.counts[g]!], targetS: this.targetS[g]! };
    });
    return out;
  }
}

/**
 * Sums histograms of replications of one scenario (same bins). A grade missing from any of them is
 * left out; bins that disagree are a programmer error.
 */
export function sumHistograms(list: readonly (ResponseHistograms | undefined)[]): ResponseHistograms | undefined {
  if (list.length === 0 || list.some((h) => h === undefined)) return undefined;
  const out: Partial<Record<'I' | 'S', ResponseHistogram>> = {};
  for (const key of GRADE_KEYS) {
    const parts = list.map((h) => h![key]);
    if (parts.some((p) => p === undefined)) continue;
    const first = parts[0]!;
    const counts = new Array<number>(first.counts.length).fill(0);
    for (const p of parts) {
      if (p!.binS !== first.binS || p!.counts.length !== first.counts.length) {
        throw new Error(`sumHistograms: grade ${key} has bins of ${p!.binS} s x ${p!.counts.length} and ${first.binS} s x ${first.counts.length}`);
      }
      p!.counts.forEach((c, i) => (counts[i]! += c));
    }
    out[key] = { binS: first.binS, counts, targetS: first.targetS };
  }
  return out;
}
