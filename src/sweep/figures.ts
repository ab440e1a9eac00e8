/**
 * The key figures of a sweep's combination or an optimiser's candidate, read from combined
 * results (src/sim/metrics/replications.ts): means with 95 % half-widths (Student t over
 * replications; null with one replication), and the unit-hours a scenario plans per day.
 */
import { isAttendedGrade, type Results } from '../shared/results';
import type { Scenario } from '../shared/scenario';

/** A mean and its 95 % confidence half-width (null: one replication, or nothing measured). */
export interface Figure {
  readonly mean: number | null;
  readonly half: number | null;
}

/** What a target names: a grade's share reached within its target, or a line's share answered within its target. */
export type TargetKey = 'I' | 'S' | 'E' | '999' | '101';
export const TARGET_KEYS: readonly TargetKey[] = ['I', 'S', 'E', '999', '101'];

/** The share (percent) a target is about: reached within target (grades) or answered within target (lines). */
export function targetFigure(results: Results, key: TargetKey): Figure {
  if (key === '999' || key === '101') {
    const line = results.calls.byLine[key];
    return { mean: line?.answeredWithinTargetPct ?? null, half: line?.ci95?.answeredWithinTargetPct ?? null };
  }
  const g = results.grades[key];
  if (!isAttendedGrade(g)) return { mean: null, half: null };
  const ci = (g as { ci95?: { withinTargetPct?: number | null } }).ci95;
  return { mean: g.withinTargetPct, half: ci?.withinTargetPct ?? null };
}

/** The lower end of the 95 % interval; without an interval (one replication) the mean itself. */
export function lower(f: Figure): number | null {
  return f.mean === null ? null : f.mean - (f.half ?? 0);
}

/** Unit-hours per day the scenario plans: each fleet row's units times the hours of the shifts they work (24 without shifts). */
export function unitHoursPerDay(s: Scenario): number {
  const shifts = s.shifts ?? [];
  let total = 0;
  for (const row of s.fleet) {
    if (row.perShift) for (const sh of shifts) total += (row.perShift[sh.id] ?? 0) * sh.hours;
    else total += (row.count ?? 0) * (shifts.length > 0 ? shifts.reduce((h, sh) => h + sh.hours, 0) : 24);
  }
  return total;
}

/** The columns of a sweep's CSV, besides the variables. */
export interface KeyFigures {
  readonly unitHoursPerDay: number;
  readonly I: Figure;
  readonly S: Figure;
  readonly IMeanResponseS: Figure;
  readonly answered999: Figure;
  readonly utilisationPct: Figure;
}

/** The key figures of combined results; `unitHours` from unitHoursPerDay of the scenario run. */
export function keyFigures(results: Results, unitHours: number): KeyFigures {
  const I = results.grades.I;
  const ci = isAttendedGrade(I) ? (I as { ci95?: { meanResponseS?: number | null } }).ci95 : undefined;
  return {
    unitHoursPerDay: unitHours,
    I: targetFigure(results, 'I'),
    S: targetFigure(results, 'S'),
    IMeanResponseS: { mean: isAttendedGrade(I) ? I.meanResponseS : null, half: ci?.meanResponseS ?? null },
    answered999: targetFigure(results, '999'),
    utilisationPct: { mean: results.units.meanUtilisationPct, half: results.units.ci95?.meanUtilisationPct ?? null },
  };
}
