/**
 * Batch runs: one replication of a scenario, start to end, with progress and cancellation. The one
 * replication loop of the project: the command line, the sim workers of the app and the browser
 * build all run replications through `runScenario` (via src/host/replications.ts and the
 * simulator wiring in src/host/real-simulator.ts); hosts add what they need through the hooks of
 * `RunOptions` (observer, progress, cancel, clock), never by copying the loop.
 */
import type { Scenario } from '../shared/scenario';
import type { Results } from '../shared/results';
import type { SimWorld } from './world';
import { Simulation, type SimObserver } from './model/simulation';
import { buildResults } from './metrics/results';
import type { IncidentLog } from './model/incident-log';
import { ScenarioError } from './errors';
import type { TraceCall } from './demand/trace';
import { DispatchExplainer } from './dispatch/explain';

export interface RunOptions {
  /** Overrides the scenario's seed (replications pass replicationSeed(seed, r)). */
  seed?: number;
  /** Overrides the scenario's counted days. */
  days?: number;
  /** Called now and then with the share of simulated time done, 0..1. */
  onProgress?: (fraction: number) => void;
  /** Polled now and then; true stops the run with a CancelledError. */
  isCancelled?: () => boolean;
  /** Keep the incident log (default true; a year of London is about 600 MB of log). */
  incidentLog?: boolean;
  /** Wall-clock milliseconds source for meta.wallMs (the sim never reads a clock itself); default: none, wallMs 0. */
  clock?: () => number;
  /**
   * Explain dispatch into the incident log's `reason` (src/sim/dispatch/explain.ts; default false).
   * Changes no result; costs travel-time queries at each dispatch.
   */
  explain?: boolean;
  /**
   * Told of calls as they are offered, answered, abandoned and first reached (e.g. a histogram of
   * response times). It reads the call it is given during the call only: a finished call's object
   * is used again for a later call.
   */
  observer?: SimObserver;
  /** Replay these recorded calls instead of random arrivals (src/sim/demand/trace.ts). */
  trace?: readonly TraceCall[];
}

export interface SimRun {
  results: Results;
  /** One row per call; null when RunOptions.incidentLog is false. */
  incidents: IncidentLog | null;
}

/** Thrown by runScenario when isCancelled() said so. */
export class CancelledError extends Error {
  constructor() {
    super('simulation cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Problems that only show when a run is set up on its world (see ScenarioError); empty when the
 * scenario can run. Cheap: builds the run's state without running an event.
 */
export function checkRunnable(scenario: Scenario, world: SimWorld): { path: string; message: string }[] {
  try {
    new Simulation(scenario, world, { incidentLog: false });
    return [];
  } catch (error) {
    if (error instanceof ScenarioError) return [{ path: error.path, message: error.detail }];
    throw error;
  }
}

/** Events between progress reports and cancellation checks. */
const CHUNK = 4096;

export function runScenario(scenario: Scenario, world: SimWorld, options: RunOptions = {}): SimRun {
  const started = options.clock?.() ?? 0;
  const sim = new Simulation(scenario, world, {
    seed: options.seed,
    days: options.days,
    incidentLog: options.incidentLog,
    ...(options.trace ? { trace: options.trace } : {}),
  });
  if (options.observer) sim.observer = options.observer;
  if (options.explain && sim.log) sim.explain = new DispatchExplainer(sim, false);
  // Nothing outside the model keeps a call past its end here (the explainer keeps ids, not calls).
  sim.recycleCalls();
  const span = sim.endS - sim.t0;
  for (;;) {
    if (options.isCancelled?.()) throw new CancelledError();
    sim.runEvents(CHUNK);
    if (sim.finished) break;
    options.onProgress?.(Math.min(1, Math.max(0, (sim.now - sim.t0) / span)));
  }
  options.onProgress?.(1);
  const wallMs = options.clock ? options.clock() - started : 0;
  return { results: buildResults(sim, { wallMs }), incidents: sim.log };
}
