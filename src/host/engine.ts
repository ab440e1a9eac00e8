/**
 * What the sim-worker loop needs from the simulator, as one injected object: the real one wires
 * src/sim, src/shared/scenario and src/world (./sim-engine.ts); tests inject fakes to make a worker
 * slow, fail or crash on purpose.
 */
import type { RunOneReply, ScenarioIssue, SimResults } from '../shared/protocol';

export interface EngineRunOptions {
  /** base seed; absent = the scenario's own */
  readonly seed?: number;
  /** 0-based replication number (replications of one base seed differ) */
  readonly replication: number;
  /** simulated days, overriding the scenario's */
  readonly days?: number;
  /** share of the run done, 0..1; called from inside the run (synchronously) */
  readonly onProgress: (fraction: number) => void;
  /** polled by the run; once true the run throws its cancellation error */
  readonly isCancelled: () => boolean;
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
}
