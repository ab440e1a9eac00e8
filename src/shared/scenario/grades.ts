/**
 * The grades of a scenario after defaults: every grade of MODEL.md is present and complete.
 * A grade left out of `grades` takes the built-in Met default; a grade given in part keeps
 * what it gives and takes the rest from the same default.
 */
import type { Distribution, Grade } from './primitives';

/** One grade, complete. Durations in seconds. */
export interface GradeSpec {
  /** Attend within this many seconds of the call's arrival to count as within target. */
  readonly targetS: number;
  /** False: no attendance (the call ends at handling), as `R`. */
  readonly attend: boolean;
  /** Time a unit spends on scene. */
  readonly onScene: Distribution;
  /** Units sent to one incident. */
  readonly unitsRequired: number;
  /** Units drive on blue lights (travel time divided by `travel.blueLightFactor`). */
  readonly blueLight: boolean;
  /** Probability that the incident ends in an arrest (first unit to custody). */
  readonly arrestProbability: number;
  /** With this probability the first unit to finish on scene writes a crime report (addition). */
  readonly crimeReport?: { readonly probability: number; readonly time: Distribution };
}

/** What a scenario may give for a grade: any subset of GradeSpec. */
export type GradeInput = Partial<GradeSpec>;

/** The built-in Met defaults (MODEL.md "Grading"). */
export const DEFAULT_GRADES: Readonly<Record<Grade, GradeSpec>> = {
  I: {
    targetS: 900,
    attend: true,
    onScene: { dist: 'lognormal', mean: 3600, cv: 0.8 },
    unitsRequired: 1,
    blueLight: true,
    arrestProbability: 0,
  },
  S: {
    targetS: 3600,
    attend: true,
    onScene: { dist: 'lognormal', mean: 2700, cv: 0.8 },
    unitsRequired: 1,
    blueLight: false,
    arrestProbability: 0,
  },
  E: {
    targetS: 172800,
    attend: true,
    onScene: { dist: 'exponential', mean: 1800 },
    unitsRequired: 1,
    blueLight: false,
    arrestProbability: 0,
  },
  R: {
    targetS: 0,
    attend: false,
    onScene: { dist: 'fixed', value: 0 },
    unitsRequired: 1,
    blueLight: false,
    arrestProbability: 0,
  },
};

/** Fills every grade from the defaults, field by field. */
export function completeGrades(given: Partial<Record<Grade, GradeInput | undefined>>): Record<Grade, GradeSpec> {
  const out = {} as Record<Grade, GradeSpec>;
  for (const g of ['I', 'S', 'E', 'R'] as const) {
    const d = DEFAULT_GRADES[g];
    const x = given[g] ?? {};
    out[g] = {
      targetS: x.targetS ?? d.targetS,
      attend: x.attend ?? d.attend,
      onScene: x.onScene ?? d.onScene,
      unitsRequired: x.unitsRequired ?? d.unitsRequired,
      blueLight: x.blueLight ?? d.blueLight,
      arrestProbability: x.arrestProbability ?? d.arrestProbability,
      // Only when given, so scenarios without it keep their canonical form (and hash).
      ...(x.crimeReport ? { crimeReport: x.crimeReport } : {}),
    };
  }
  return out;
}
