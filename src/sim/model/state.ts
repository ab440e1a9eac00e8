/**
 * The model state as the event handlers see it (call-flow.ts, unit-jobs.ts, shift-changes.ts, dispatch-pass.ts, and
 * a live session's overrides). Simulation (simulation.ts) implements it; the handlers import only
 * this interface, so the model's files form no cycle with the class that assembles them.
 *
 * Times are simulated seconds since the scenario start (negative in the warm-up).
 */
import type { Grade, Scenario } from '../../shared/scenario';
import type { DemandCells } from '../demand/weights';
import type { DispatchView } from '../dispatch/choose';
import type { PendingQueue } from '../dispatch/pending';
import type { Collector } from '../metrics/collector';
import type { Place, SimWorld } from '../world';
import type { Breaks } from './breaks';
import type { Call, CallPool } from './call';
import type { CallTable } from './call-table';
import type { CrimeReports } from './crime-report';
import type { IncidentLog } from './incident-log';
import type { GradeRules, LineRuntime, PoolRuntime, Samplers, ShiftRuntime } from './setup';

/** Something that watches a run (live sessions keep rolling KPIs this way). */
export interface SimObserver {
  offered?(call: Call): void;
  answered?(call: Call, waitS: number): void;
  abandoned?(call: Call): void;
  firstArrival?(call: Call, responseS: number): void;
}

/**
 * Told of every unit sent and of every dispatch pass, to explain dispatch (src/sim/dispatch/explain.ts).
 * Only reads the state; null in batch runs unless asked for (the incident log's `reason`).
 */
export interface DispatchHook {
  /** Unit `u` is about to be sent to slot `slot` of `call` (nothing has changed yet). */
  sent(call: Call, slot: number, u: number): void;
  /** A dispatch pass has just run. */
  afterPass(): void;
}

/** Counters the handlers move as calls come and go. */
export interface CallCounters {
  /** Id of the next call created. */
  nextCallId: number;
  /** Counted calls not yet resolved (abandoned, referred, or reached by a unit). */
  openCounted: number;
}

export interface SimState extends DispatchView, CallCounters {
  /** Simulated seconds now. */
  readonly now: number;
  readonly scenario: Scenario;
  readonly world: SimWorld;
  readonly seed: number;
  /** First simulated instant (minus the warm-up). */
  readonly t0: number;
  /** Seconds from Monday 00:00 to time 0. */
  readonly offsetS: number;
  /** End of the counted period. */
  readonly endS: number;

  readonly cells: DemandCells;
  /** Per LINES index. */
  readonly lines: readonly LineRuntime[];
  readonly samplers: Samplers;
  /** Per grade index: slots, arrest probability, blue lights, target. */
  readonly gradeRules: GradeRules;
  readonly shifts: readonly ShiftRuntime[];
  readonly pools: readonly PoolRuntime[];
  /** Per LINES index: pools serving the line, in scenario order. */
  readonly poolsForLine: readonly (readonly number[])[];
  /** Per LINES index: waiting call ids in arrival order (abandoned ones skipped lazily). */
  readonly waiting: number[][];
  /** Per LINES index: where the live part of `waiting` starts. */
  readonly waitingHead: number[];
  readonly pending: PendingQueue;
  readonly collector: Collector;
  /**
   * [the warm-up's collector, the counted period's]: a call's figures go to tallies[counted ? 1 :
   * 0], so the same code runs for both (collector.ts); only the second is read.
   */
  readonly tallies: readonly [Collector, Collector];
  /** The incident log; null when the run keeps none. */
  readonly log: IncidentLog | null;
  /** Live calls by id; a finished call's entry is deleted. */
  readonly calls: CallTable;
  /** Where finished calls go to be used again (call.ts CallPool); null: each call is a new object. */
  readonly callPool: CallPool | null;
  /**
   * Per grade: the fleet epoch at which the grade's pending incidents last found no unit at all
   * (none free for it, none to divert); -1 when not stuck. See dispatch-pass.ts.
   */
  readonly stuckEpoch: number[];
  /** Demand points' snapped places, filled on first use. */
  readonly pointPlaces: (Place | undefined)[];
  readonly observer: SimObserver | null;
  /** Explains dispatch decisions when set (live sessions; batch runs keeping the incident log). */
  readonly explain: DispatchHook | null;
  /** The run's crime reports (crime-report.ts); null when no grade has any. */
  readonly reports: CrimeReports | null;
  /** The run's refreshment breaks (refreshment.ts); null without `refreshment`. */
  readonly breaks: Breaks | null;
  /** Per grade I, S, E: carry-over time (carry-over.ts), NaN for none; null without `dispatch.carryOver`. */
  readonly carryOverAfterS: Float64Array | null;

  /** Schedules an event of `kind` (event-kinds.ts) at `timeS`. */
  schedule(timeS: number, kind: number, a?: number, b?: number): void;
  /** Schedules `line`'s next arrival after `afterS`, if it falls before the end. */
  scheduleArrival(line: LineRuntime, afterS: number): void;
  /** Asks for one dispatch pass after everything else at this instant. */
  requestDispatch(): void;
  /** The DISPATCH event ran: the next change asks for a pass again. */
  dispatchRan(): void;
  /** Moves unit `u` to `state` (US), booking the time spent in the old one. */
  setUnitState(u: number, state: number): void;
  /** Grade key of a grade index. */
  gradeKey(grade: number): Grade;
}
