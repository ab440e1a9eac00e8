/**
 * What the sim-worker loop needs from the simulator, as one injected object: the real one wires
 * src/sim, src/shared/scenario and src/world (./sim-engine.ts); tests inject fakes to make a worker
 * slow, fail or crash on purpose.
 */
import type { LiveAssignOutcome, LiveInjectGrade, LiveState, LiveStepReport, LiveTrip, LiveUnitState, RunOneReply, ScenarioIssue, SimResults } from '../shared/protocol';

export interface EngineRunOptions {
  /** base seed; absent = the scenario's own */
  readonly seed?: number;
  /** 0-based replication number (replications of one base seed differ) */
  readonly replication: number;
  /** simulated days, overriding the scenario's */
  readonly days?: number;
  /** keep the incident log and return it in the reply */
  readonly incidentLog?: boolean;
  /** share of the run done, 0..1; called from inside the run (synchronously) */
  readonly onProgress: (fraction: number) => void;
  /** polled by the run; once true the run throws its cancellation error */
  readonly isCancelled: () => boolean;
}

/** A unit in a live snapshot: where it is now and, while it moves, its whole trip. */
export interface LiveUnitView {
  readonly id: string;
  readonly station: string;
  readonly state: LiveUnitState;
  readonly lon: number;
  readonly lat: number;
  readonly incident: number | null;
  readonly trip?: LiveTrip;
}

/** What a live session shows at one instant (the simulator's `LiveSnapshot`). */
export interface LiveView extends LiveState {
  readonly units: readonly LiveUnitView[];
}

/** The part of the simulator's `LiveSession` a worker drives. */
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
  snapshot(): LiveView;
  /** an incident at a place now, pending at once; returns its id (throws when the run is over) */
  inject(spec: { readonly lon: number; readonly lat: number; readonly grade: LiveInjectGrade }): number;
  /** sends `unit` to `incident` now; a refusal is a value */
  assign(incident: number, unit: string): LiveAssignOutcome;
  /** every on-duty unit for `incident`, the one the policy would send first, then eligible ones by ETA, then the rest by ETA */
  candidates(incident: number): readonly LiveCandidateView[];
}

/** A candidate as the simulator ranks it (`Candidate` of src/sim/live/override.ts). */
export interface LiveCandidateView {
  readonly unit: string;
  readonly station: string;
  readonly state: LiveUnitState;
  /** turnout + travel, seconds; Infinity when unreachable */
  readonly etaS: number;
  readonly chosen: boolean;
  readonly eligible: boolean;
  readonly reason: string;
}

export type ParseOutcome<Scenario> =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ScenarioIssue[] };

export interface SimEngine<Scenario = unknown, World = unknown> {
  /** the simulator's version (`SIM_VERSION`) */
  readonly version: string;
  parseScenario(raw: unknown): ParseOutcome<Scenario>;
  /** Prepares the places a scenario runs on (may fetch or read built data). */
  buildWorld(scenario: Scenario): Promise<World>;
  /** One replication, synchronous; throws the simulator's cancellation error when cancelled. */
  runScenario(scenario: Scenario, world: World, options: EngineRunOptions): RunOneReply;
  /** Whether `error` is the simulator's cancellation (an expected outcome, not a failure). */
  isCancellation(error: unknown): boolean;
  /**
   * The scenario problems an error from `buildWorld` stands for (e.g. an area id the data does not
   * have), or null when it is not about the scenario. They are reported as `invalid-scenario`.
   */
  scenarioIssues(error: unknown): readonly ScenarioIssue[] | null;
  combineReplications(results: readonly SimResults[]): SimResults;
  /** A live session of the scenario on its world, at the start of its warm-up. */
  openLive(scenario: Scenario, world: World, options: { readonly seed?: number; readonly days?: number }): LiveHandle;
}
