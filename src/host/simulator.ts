/**
 * The simulator as the sim-worker loop (./loop.ts) and the in-process runner (./replications.ts)
 * see it, as one injected object: the real one wires src/sim, src/shared/scenario and src/world
 * (./real-simulator.ts); tests inject fakes to make a worker slow, fail or crash on purpose.
 */
import type { ExerciseStatus } from '../shared/exercise-log';
import type { TraceCall } from '../shared/trace-csv';
import type { DispatchExplanation, LiveStandDownOutcome, LiveAssignOutcome, LiveCandidateView, LiveInjectGrade, LiveSnapshot, LiveSnapshotOptions, LiveStepReport, RunOneReply, ScenarioIssue, SnappedPoint } from '../shared/protocol';

/** One replication's settings and the hooks the run calls back (synchronously, from inside it). */
export interface ReplicationOptions {
  /** base seed; absent = the scenario's own */
  readonly seed?: number;
  /** 0-based replication number (replications of one base seed differ) */
  readonly replication: number;
  /** simulated days, overriding the scenario's */
  readonly days?: number;
  /** keep the incident log and return it in the reply */
  readonly incidentLog?: boolean;
  /** replay these recorded calls instead of random arrivals (the request's trace, parsed) */
  readonly trace?: readonly TraceCall[];
  /** share of the run done, 0..1 */
  readonly onProgress: (fraction: number) => void;
  /** polled by the run; once true the run throws its cancellation error */
  readonly isCancelled: () => boolean;
}

/** The part of the simulator's `LiveSession` (src/sim/live/session.ts) a worker drives. */
export interface LiveHandle {
  /** simulation seconds now */
  readonly now: number;
  readonly startS: number;
  readonly endS: number;
  readonly finished: boolean;
  /** runs every event up to `tS`; returns the number of events run */
  advanceTo(tS: number): number;
  /** runs the next event; null when the run is over */
  step(): LiveStepReport | null;
  /** the session now; `{ trips: false }` leaves moving units' trips out (a first frame, sooner) */
  snapshot(options?: LiveSnapshotOptions): LiveSnapshot;
  /** an incident at a place now, pending at once; returns its id (throws when the run is over) */
  inject(spec: { readonly lon: number; readonly lat: number; readonly grade: LiveInjectGrade }): number;
  /** as inject, but a place outside the modelled area is refused as a value (OUTSIDE_AREA) */
  tryInject(spec: { readonly lon: number; readonly lat: number; readonly grade: LiveInjectGrade }): { readonly ok: true; readonly incident: number } | { readonly ok: false; readonly reason: 'OUTSIDE_AREA'; readonly message: string };
  /** `unit` leaves its incident, which no longer needs it; a refusal is a value */
  standDown(unit: string): LiveStandDownOutcome;
  /** the dispatch decision record of a live incident, with why it waits now; null when it is not live */
  explain(incident: number): DispatchExplanation | null;
  /** sends `unit` to `incident` now; a refusal is a value */
  assign(incident: number, unit: string): LiveAssignOutcome;
  /** every on-duty unit for `incident`, the one the policy would send first, then eligible ones by ETA, then the rest by ETA */
  candidates(incident: number): readonly LiveCandidateView[];
  /** the exercise since the last call (src/sim/live/script.ts); absent for a simulator without exercises */
  drainExercise?(): ExerciseStatus;
}

export type ParseOutcome<Scenario> =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ScenarioIssue[] };

export interface Simulator<Scenario = unknown, World = unknown, Spec = unknown> {
  /** the simulator's version (`SIM_VERSION`) */
  readonly version: string;
  parseScenario(raw: unknown): ParseOutcome<Scenario>;
  /**
   * The part of a scenario its world is built from (src/world `worldSpec`): `buildWorld`'s input,
   * and, as JSON, the key under which a worker keeps the world for the next scenario of equal spec.
   */
  worldSpec(scenario: Scenario): Spec;
  /** Prepares the places a scenario runs on (may fetch or read built data). */
  buildWorld(spec: Spec): Promise<World>;
  /** One replication, synchronous; throws the simulator's cancellation error when cancelled. */
  runReplication(scenario: Scenario, world: World, options: ReplicationOptions): RunOneReply;
  /** Whether `error` is the simulator's cancellation (an expected outcome, not a failure). */
  isCancellation(error: unknown): boolean;
  /**
   * The scenario problems an error from `buildWorld` or a run stands for (e.g. an area id the data
   * does not have), or null when it is not about the scenario. They are reported as `invalid-scenario`.
   */
  scenarioIssues(error: unknown): readonly ScenarioIssue[] | null;
  /**
   * The nearest road positions of points on the world's road network (straight metres to each), or
   * null when the world travels in straight lines. Optional: simulators without roads leave it out.
   */
  snapToRoads?(world: World, points: readonly { readonly lon: number; readonly lat: number }[]): SnappedPoint[] | null;
  /** A live session of the scenario on its world, at the start of its warm-up. */
  openLive(
    scenario: Scenario,
    world: World,
    options: { readonly seed?: number; readonly days?: number; readonly exercise?: unknown; readonly startS?: number; readonly snapshot?: string },
  ): LiveHandle;
  /**
   * Warm-up snapshots (optional): the key of the session a liveOpen would open (equal keys, the same
   * session state), the key a snapshot text is for (null: not a snapshot), and a session's state
   * now as snapshot text (null when it cannot be saved, e.g. it plays an exercise).
   */
  liveKey?(scenario: Scenario, options: { readonly seed?: number; readonly days?: number }): string;
  snapshotKey?(text: string): string | null;
  saveLive?(handle: LiveHandle): string | null;
}
