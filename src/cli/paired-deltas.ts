/**
 * Paired comparison of a baseline and a variant run with the same seeds (common random numbers):
 * for each figure, the mean of the per-replication differences (variant - base) and its 95%
 * half-width (Student t on the differences, which is far narrower than comparing two intervals).
 */
import { isAttendedGrade, type Results } from '../shared/results';
import { meanCi95 } from '../sim';

export interface Delta {
  base: number | null;
  variant: number | null;
  /** Mean of variant - base over replications where both exist. */
  delta: number | null;
  /** 95% half-width of `delta`; null with fewer than 2 paired replications. */
  ci95: number | null;
}

export interface Comparison {
  calls: Record<'meanAnswerS' | 'answeredWithinTargetPct' | 'abandonedPct', Delta>;
  grades: Partial<Record<'I' | 'S' | 'E' | 'R', Record<'meanResponseS' | 'p90ResponseS' | 'withinTargetPct', Delta>>>;
  units: { meanUtilisationPct: Delta };
  areas: { id: string; name: string; I?: Record<'meanResponseS' | 'withinTargetPct', Delta>; S?: Record<'meanResponseS' | 'withinTargetPct', Delta> }[];
}

type Pick = (r: Results) => number | null | undefined;

function delta(base: readonly Results[], variant: readonly Results[], pick: Pick): Delta {
  const diffs: number[] = [];
  base.forEach((b, i) => {
    const x = pick(b);
    const y = pick(variant[i]!);
    if (typeof x === 'number' && typeof y === 'number') diffs.push(y - x);
  });
  const mean = (rs: readonly Results[]) => {
    const xs = rs.map(pick).filter((x): x is number => typeof x === 'number');
    return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  };
  const d = diffs.length > 0 ? meanCi95(diffs) : null;
  return { base: mean(base), variant: mean(variant), delta: d ? d.mean : null, ci95: d ? d.half : null };
}

export function compareRuns(base: readonly Results[], variant: readonly Results[]): Comparison {
  if (base.length !== variant.length) throw new Error(`compare: ${base.length} base runs but ${variant.length} variant runs`);
  const d = (pick: Pick) => delta(base, variant, pick);
  const grades: Comparison['grades'] = {};
  for (const g of ['I', 'S', 'E', 'R'] as const) {
    const attended = (r: Results) => {
      const x = r.grades[g];
      return isAttendedGrade(x) ? x : null;
    };
    if (!attended(base[0]!) || !attended(variant[0]!)) continue;
    grades[g] = {
      meanResponseS: d((r) => attended(r)?.meanResponseS),
      p90ResponseS: d((r) => attended(r)?.p90ResponseS),
      withinTargetPct: d((r) => attended(r)?.withinTargetPct),
    };
  }
  const areaIds = base[0]!.areas.map((a) => a.id).filter((id) => variant[0]!.areas.some((a) => a.id === id));
  const area = (r: Results, id: string) => r.areas.find((a) => a.id === id);
  return {
    calls: {
      meanAnswerS: d((r) => r.calls.meanAnswerS),
      answeredWithinTargetPct: d((r) => r.calls.answeredWithinTargetPct),
      abandonedPct: d((r) => r.calls.abandonedPct),
    },
    grades,
    units: { meanUtilisationPct: d((r) => r.units.meanUtilisationPct) },
    areas: areaIds.map((id) => ({
      id,
      name: area(base[0]!, id)!.name,
      I: { meanResponseS: d((r) => area(r, id)?.I?.meanResponseS), withinTargetPct: d((r) => area(r, id)?.I?.withinTargetPct) },
      S: { meanResponseS: d((r) => area(r, id)?.S?.meanResponseS), withinTargetPct: d((r) => area(r, id)?.S?.withinTargetPct) },
    })),
  };
}
