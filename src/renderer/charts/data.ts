/**
 * What the charts draw, as plain arrays (tested without a canvas): the response-time distribution
 * of a grade with its target, and the hourly profile of a run.
 */
import type { ResponseHistogram, SimResults } from '../../shared/protocol';

export interface DistributionData {
  /** bin starts, minutes */
  readonly x: number[];
  /** share of attended incidents in each bin, percent */
  readonly share: number[];
  readonly targetMin: number;
  /** share answered later than the last full bin, percent */
  readonly overflowPct: number;
  /** share within the target, percent of attended incidents */
  readonly withinPct: number;
  readonly attended: number;
}

/** The distribution without its overflow bin (reported apart), as shares of attended incidents. */
export function distributionData(h: ResponseHistogram): DistributionData {
  const total = h.counts.reduce((a, b) => a + b, 0);
  const pct = (c: number) => (total > 0 ? (100 * c) / total : 0);
  const full = h.counts.slice(0, -1);
  let within = 0;
  // Bins wholly at or below the target count as within it (bins are target / 15 wide, so they line up).
  full.forEach((c, k) => {
    if ((k + 1) * h.binS <= h.targetS + 1e-9) within += c;
  });
  return {
    x: full.map((_, k) => (k * h.binS) / 60),
    share: full.map(pct),
    targetMin: h.targetS / 60,
    overflowPct: pct(h.counts.at(-1) ?? 0),
    withinPct: pct(within),
    attended: total,
  };
}

export interface HourlyData {
  /** hour index from the start of the counted period */
  readonly x: number[];
  readonly calls: number[];
  /** mean I response of incidents whose call came in that hour, minutes (null: none) */
  readonly iMeanMin: (number | null)[];
  readonly busyUnits: number[];
  readonly onDutyUnits: number[];
}

export function hourlyData(results: SimResults): HourlyData {
  const h = results.hourly;
  return {
    x: h.map((r) => r.hour),
    calls: h.map((r) => r.calls),
    iMeanMin: h.map((r) => (r.I.meanResponseS === null ? null : r.I.meanResponseS / 60)),
    busyUnits: h.map((r) => r.busyUnits),
    onDutyUnits: h.map((r) => r.onDutyUnits),
  };
}
