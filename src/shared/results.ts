/**
 * The results of a run (MODEL.md "Results"), with the additions of docs/MODEL-ADDITIONS.md.
 *
 * Units: seconds, percentages 0..100. A figure with nothing to measure (the mean answer time
 * when no call was answered) is `null`, never 0 or NaN. With several replications every number is
 * the mean across them, and `ci95` beside it holds the 95% confidence half-width (Student t) of
 * the same-named numeric fields of that object; `ci95` is absent with one replication.
 */
import type { Grade, Line, ScenarioWarning } from './scenario';

/** Half-widths of the numeric fields of T. */
export type Ci95<T> = { [K in keyof T as T[K] extends number | null ? K : never]?: number | null };
export type WithCi<T> = T & { ci95?: Ci95<T> };

export interface ResultsMeta {
  scenario: string;
  /** sha256 of the canonical validated scenario (defaults applied). */
  scenarioHash: string;
  seed: number;
  replications: number;
  days: number;
  warmupHours: number;
  /** Events processed (summed over replications). */
  events: number;
  /** Wall-clock milliseconds of the run (summed over replications); the one field that varies between identical runs. */
  wallMs: number;
  /** SIM_VERSION of the simulator. */
  version: string;
  /** Addition: share of travel time spent on access legs (off the modelled roads), 0 for straight-line. */
  accessLegTimePct: number | null;
  /** Addition: counted incidents still unattended when the run stopped (the drain limit passed). */
  unresolved: number;
  /** Addition: the seed of each replication, in order (see replicationSeed). */
  seeds: number[];
  /** Addition: "straight-line" or "road". */
  travelMode: string;
}

export interface LineResults {
  /** Calls arriving in the counted period. */
  offered: number;
  answered: number;
  abandoned: number;
  abandonedPct: number | null;
  /** Mean wait to answer of answered calls. */
  meanAnswerS: number | null;
  p90AnswerS: number | null;
  /** Calls answered within the line's answer target, as a share of calls offered. */
  answeredWithinTargetPct: number | null;
  /** Addition: the target used. */
  answerTargetS: number | null;
}

export interface CallResults extends LineResults {
  byLine: Partial<Record<Line, WithCi<LineResults>>>;
}

/** Mean of each component over attended incidents; they sum to meanResponseS. */
export interface ResponseComponents {
  answerS: number | null;
  handlingS: number | null;
  dispatchQueueS: number | null;
  turnoutS: number | null;
  travelS: number | null;
}

export interface GradeResults {
  /** Incidents of this grade created in the counted period (calls handled, not abandoned). */
  incidents: number;
  /** Of those, reached by a unit. */
  attended: number;
  meanResponseS: number | null;
  medianResponseS: number | null;
  p90ResponseS: number | null;
  /** Incidents reached within targetS, as a share of incidents (unattended ones count as late). */
  withinTargetPct: number | null;
  targetS: number;
  components: WithCi<ResponseComponents>;
}

/** A grade without attendance (R by default). */
export interface ReferredGradeResults {
  incidents: number;
}

export interface UnitResults {
  id: string;
  station: string;
  /** Share of on-duty time travelling to, at, or returning from work (custody included). */
  utilisationPct: number | null;
  /** Share of on-duty time returning to base (inside utilisationPct). */
  returningPct: number | null;
  /** Dispatches in the counted period. */
  dispatches: number;
  /** Addition. */
  type: string;
  /** Addition: shift id, or null for round-the-clock units. */
  shift: string | null;
  /** Addition: hours on duty in the counted period (overtime finishing a job included). */
  onDutyHours: number;
}

export interface AreaGradeResults {
  incidents: number;
  meanResponseS: number | null;
  withinTargetPct: number | null;
}

export interface AreaResults {
  id: string;
  name: string;
  bcu: string | null;
  /** A remark from the area's data, e.g. who polices it when it is not the scenario's force. */
  note?: string;
  I?: WithCi<AreaGradeResults>;
  S?: WithCi<AreaGradeResults>;
  E?: WithCi<AreaGradeResults>;
  R?: WithCi<AreaGradeResults>;
}

export interface HourlyResults {
  /** Hour index from the scenario start (0 = the first counted hour). */
  hour: number;
  /** Calls arriving in this hour. */
  calls: number;
  /** I incidents whose call arrived in this hour. */
  I: WithCi<{ incidents: number; meanResponseS: number | null; withinTargetPct: number | null }>;
  /** Mean number of units committed (travelling to, on scene, custody) over the hour. */
  busyUnits: number;
  /** Addition: mean number of units returning to base. */
  returningUnits: number;
  /** Addition: mean number of units on duty. */
  onDutyUnits: number;
}

export interface Results {
  meta: ResultsMeta;
  calls: WithCi<CallResults>;
  grades: Partial<Record<Grade, WithCi<GradeResults> | WithCi<ReferredGradeResults>>>;
  units: WithCi<{ meanUtilisationPct: number | null; byUnit: WithCi<UnitResults>[] }>;
  areas: WithCi<AreaResults>[];
  hourly: WithCi<HourlyResults>[];
  /** Addition: the scenario's warnings (legal but suspicious values); present only when there are some. */
  warnings?: ScenarioWarning[];
}

/** Narrows a grade's results to an attended grade. */
export function isAttendedGrade(g: GradeResults | ReferredGradeResults | undefined): g is GradeResults {
  return g !== undefined && 'attended' in g;
}
