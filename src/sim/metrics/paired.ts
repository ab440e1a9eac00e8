/**
 * Paired comparison of scenarios run with common random numbers (replication r of every scenario
 * uses the same seed, so the same calls arrive at the same moments and places): for each key
 * figure, each scenario's mean with its 95% interval, and the mean of the per-replication
 * differences (variant - baseline) with its 95% interval (paired Student t, n - 1 degrees of
 * freedom), and a verdict in words. Pure: no I/O, no clock.
 *
 * Units as in Results: seconds for times, percentages 0..100 for shares. A difference's `half` is
 * the 95% half-width; the interval is [mean - half, mean + half].
 */
import type { Results } from '../../shared/results';
import { isAttendedGrade } from '../../shared/results';
import type { AreaComparison, FigureComparison, FigureUnit, MeanInterval, PairedDifference, StoppingRule, Verdict } from '../../shared/comparison';
import { meanCi95 } from './stats';

export type { AreaComparison, FigureComparison, FigureUnit, MeanInterval, PairedDifference, StoppingRule, Verdict } from '../../shared/comparison';


/** A key figure: how to read it from one replication's Results. */
export interface KeyFigure {
  readonly id: string;
  readonly label: string;
  readonly unit: FigureUnit;
  readonly higherIsBetter: boolean;
  readonly pick: (r: Results) => number | null | undefined;
}

const grade = (g: 'I' | 'S') => (r: Results) => {
  const x = r.grades[g];
  return isAttendedGrade(x) ? x : undefined;
};

/** The key figures of issue 16, in the order reports show them. */
export const KEY_FIGURES: readonly KeyFigure[] = [
  { id: 'I.meanResponseS', label: 'I mean response', unit: 's', higherIsBetter: false, pick: (r) => grade('I')(r)?.meanResponseS },
  { id: 'I.p90ResponseS', label: 'I 90th percentile response', unit: 's', higherIsBetter: false, pick: (r) => grade('I')(r)?.p90ResponseS },
  { id: 'I.withinTargetPct', label: 'I within target', unit: '%', higherIsBetter: true, pick: (r) => grade('I')(r)?.withinTargetPct },
  { id: 'S.meanResponseS', label: 'S mean response', unit: 's', higherIsBetter: false, pick: (r) => grade('S')(r)?.meanResponseS },
  { id: 'S.p90ResponseS', label: 'S 90th percentile response', unit: 's', higherIsBetter: false, pick: (r) => grade('S')(r)?.p90ResponseS },
  { id: 'S.withinTargetPct', label: 'S within target', unit: '%', higherIsBetter: true, pick: (r) => grade('S')(r)?.withinTargetPct },
  { id: '999.answeredWithinTargetPct', label: '999 answered within target', unit: '%', higherIsBetter: true, pick: (r) => r.calls.byLine['999']?.answeredWithinTargetPct },
  { id: '999.abandonedPct', label: '999 abandoned', unit: '%', higherIsBetter: false, pick: (r) => r.calls.byLine['999']?.abandonedPct },
  { id: '101.answeredWithinTargetPct', label: '101 answered within target', unit: '%', higherIsBetter: true, pick: (r) => r.calls.byLine['101']?.answeredWithinTargetPct },
  { id: '101.abandonedPct', label: '101 abandoned', unit: '%', higherIsBetter: false, pick: (r) => r.calls.byLine['101']?.abandonedPct },
  // Utilisation: lower is better for the same service (more slack for the unexpected).
  { id: 'units.meanUtilisationPct', label: 'unit utilisation', unit: '%', higherIsBetter: false, pick: (r) => r.units.meanUtilisationPct },
];

/** Mean and 95% half-width of the numbers among `values` (null and undefined are skipped). */
export function meanInterval(values: readonly (number | null | undefined)[]): MeanInterval {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (xs.length === 0) return { n: 0, mean: null, half: null };
  const { mean, half } = meanCi95(xs);
  return { n: xs.length, mean, half };
}

/**
 * better / worse when the 95% interval of the difference excludes zero, in the direction that
 * `higherIsBetter` gives; no detectable difference when it holds zero (an identical variant gives
 * differences of exactly 0, an interval of [0, 0], and this); too few replications without one.
 */
export function verdictOf(mean: number | null, half: number | null, higherIsBetter: boolean): Verdict {
  if (mean === null || half === null) return 'too few replications';
  if (mean - half > 0) return higherIsBetter ? 'better' : 'worse';
  if (mean + half < 0) return higherIsBetter ? 'worse' : 'better';
  return 'no detectable difference';
}

/**
 * Paired difference variant - base of equal-length samples (replication r of both with the same
 * seed); pairs where either side is missing are left out. Throws when the lengths differ.
 */
export function pairedDifference(base: readonly (number | null | undefined)[], variant: readonly (number | null | undefined)[], higherIsBetter: boolean): PairedDifference {
  if (base.length !== variant.length) throw new Error(`pairedDifference: ${base.length} baseline values but ${variant.length} variant values`);
  const diffs: number[] = [];
  base.forEach((b, i) => {
    const v = variant[i];
    if (typeof b === 'number' && typeof v === 'number' && Number.isFinite(b) && Number.isFinite(v)) diffs.push(v - b);
  });
  const d = meanInterval(diffs);
  return { ...d, higherIsBetter, verdict: verdictOf(d.mean, d.half, higherIsBetter) };
}

/** Compares `runs[0]` (the baseline's replications) with each later scenario's, figure by figure. */
export function compareFigures(runs: readonly (readonly Results[])[], figures: readonly KeyFigure[] = KEY_FIGURES): FigureComparison[] {
  if (runs.length < 1) throw new Error('compareFigures: no scenarios');
  const n = runs[0]!.length;
  const other = runs.findIndex((r) => r.length !== n);
  if (other >= 0) throw new Error(`compareFigures: scenario ${other} has ${runs[other]!.length} replications, the baseline ${n}`);
  return figures.map(({ pick, ...figure }) => {
    const values = runs.map((rs) => rs.map(pick));
    return {
      figure,
      scenarios: values.map((v) => meanInterval(v)),
      differences: values.slice(1).map((v) => pairedDifference(values[0]!, v, figure.higherIsBetter)),
    };
  });
}

/** The area figures compared per area (borough) and per BCU. */
export const AREA_FIGURES: readonly { readonly grade: 'I' | 'S'; readonly field: 'meanResponseS' | 'withinTargetPct'; readonly label: string; readonly unit: FigureUnit; readonly higherIsBetter: boolean }[] = [
  { grade: 'I', field: 'meanResponseS', label: 'I mean response', unit: 's', higherIsBetter: false },
  { grade: 'I', field: 'withinTargetPct', label: 'I within target', unit: '%', higherIsBetter: true },
  { grade: 'S', field: 'meanResponseS', label: 'S mean response', unit: 's', higherIsBetter: false },
  { grade: 'S', field: 'withinTargetPct', label: 'S within target', unit: '%', higherIsBetter: true },
];

/** One replication's per-area totals folded to a BCU: incidents-weighted means. */
function bcuFigure(r: Results, bcu: string, grade: 'I' | 'S', field: 'meanResponseS' | 'withinTargetPct'): number | null {
  let num = 0;
  let den = 0;
  for (const a of r.areas) {
    if (a.bcu !== bcu) continue;
    const x = a[grade];
    const v = x?.[field];
    if (!x || typeof v !== 'number' || x.incidents <= 0) continue;
    num += v * x.incidents;
    den += x.incidents;
  }
  return den > 0 ? num / den : null;
}

/**
 * Per area and per BCU, the AREA_FIGURES compared as compareFigures does. Areas are those of the
 * baseline; a BCU's figure in one replication is the incident-weighted mean of its areas' (for a
 * mean response the weights are incidents, not attended ones: a close approximation, said so in reports).
 */
export function compareAreas(runs: readonly (readonly Results[])[]): { areas: AreaComparison[]; bcus: AreaComparison[] } {
  const first = runs[0]?.[0];
  if (!first) return { areas: [], bcus: [] };
  const build = (id: string, name: string, bcu: string | null, pick: (r: Results, f: (typeof AREA_FIGURES)[number]) => number | null | undefined): AreaComparison => ({
    id,
    name,
    bcu,
    figures: AREA_FIGURES.map((f) => {
      const values = runs.map((rs) => rs.map((r) => pick(r, f)));
      return { scenarios: values.map((v) => meanInterval(v)), differences: values.slice(1).map((v) => pairedDifference(values[0]!, v, f.higherIsBetter)) };
    }),
  });
  const areas = first.areas.map((a) => build(a.id, a.name, a.bcu, (r, f) => r.areas.find((x) => x.id === a.id)?.[f.grade]?.[f.field]));
  const bcuIds = [...new Set(first.areas.map((a) => a.bcu).filter((b): b is string => b !== null))].sort();
  const bcus = bcuIds.map((b) => build(b, b, null, (r, f) => bcuFigure(r, b, f.grade, f.field)));
  return { areas, bcus };
}

export type StoppingDecision =
  | { readonly continue: true; readonly width: number | null }
  | { readonly continue: false; readonly width: number | null; readonly reason: 'narrow enough' | 'cap reached' };

/**
 * Whether to run more replications, given those done and the current widest difference interval
 * (`half`s of each variant's difference in I within target; null when not yet known). The widest
 * counts: every variant's difference must be narrow enough. A figure with no interval after the
 * minimum (never measured) cannot narrow, so the cap decides.
 */
export function shouldContinue(rule: StoppingRule, done: number, halves: readonly (number | null)[]): StoppingDecision {
  const min = Math.max(2, rule.minReplications ?? 3);
  const known = halves.length > 0 && halves.every((h) => h !== null);
  const width = known ? 2 * Math.max(...(halves as number[])) : null;
  if (done >= rule.maxReplications) return { continue: false, width, reason: 'cap reached' };
  if (done >= min && width !== null && width < rule.widthPoints) return { continue: false, width, reason: 'narrow enough' };
  return { continue: true, width };
}

/** Replications added per step of the stopping rule after the first batch. */
export const SEQUENTIAL_STEP = 2;

/**
 * The size of the next batch of the stopping rule after `done` replications: first the minimum
 * (at least 2, default 3), then SEQUENTIAL_STEP at a time, never past the cap. Batch sizes do not
 * depend on the number of workers, so the replications run depend only on the scenarios, the seed
 * and the rule (the command line's `--until-width` batches the same way).
 */
export function nextBatchSize(rule: StoppingRule, done: number): number {
  return Math.max(0, Math.min(rule.maxReplications - done, done === 0 ? Math.max(2, rule.minReplications ?? 3) : SEQUENTIAL_STEP));
}
