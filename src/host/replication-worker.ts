/**
 * A worker's side of running replications: the world cache (one world per world spec, kept for
 * the next scenario of equal spec: replications, resourcing variants) and one replication on it.
 * Used by the sim-worker loop (./loop.ts) and by the in-process runner (./replications.ts), so a
 * replication runs the same way on a worker thread, in a Web Worker and in the calling thread.
 */
import type { RunOneReply, RunOneRequest, WorkerError } from '../shared/protocol';
import { parseTraceCsv, type TraceCall } from '../shared/trace-csv';
import type { ReplicationOptions, Simulator } from './simulator';

/** An expected failure carried through `throw` to the reply (or the runner's outcome). */
export class Expected extends Error {
  constructor(readonly error: WorkerError) {
    super(error.kind);
  }
}

/** The failure an error thrown by a call stands for; never throws. */
export function toWorkerError(error: unknown, simulator: Pick<Simulator, 'isCancellation' | 'scenarioIssues'>): WorkerError {
  if (error instanceof Expected) return error.error;
  if (simulator.isCancellation(error)) return { kind: 'cancelled' };
  const issues = simulator.scenarioIssues(error);
  if (issues !== null) return { kind: 'invalid-scenario', errors: issues };
  if (error instanceof Error) {
    return {
      kind: 'failed',
      message: error.message,
      ...(error.stack ? { stack: error.stack } : {}),
      ...(error.name !== 'Error' ? { name: error.name } : {}),
    };
  }
  return { kind: 'failed', message: String(error) };
}

export class ReplicationWorker<Scenario, World, Spec> {
  /** The world of the last scenario run here, by the JSON of its world spec. */
  private cache: { key: string; world: Promise<World> } | null = null;
  /** The last replay file parsed here: the replications of one run share it. */
  private lastTrace: { name: string; csv: string; calls: readonly TraceCall[] } | null = null;

  constructor(private readonly simulator: Simulator<Scenario, World, Spec>) {}

  /** The world of `scenario`: the cached one when the world specs are equal, else built (and kept). */
  worldFor(scenario: Scenario): Promise<World> {
    const spec = this.simulator.worldSpec(scenario);
    const key = JSON.stringify(spec);
    if (this.cache?.key !== key) {
      const world = this.simulator.buildWorld(spec);
      const entry = { key, world };
      this.cache = entry;
      // A failed build must not poison the cache for the next call.
      world.catch(() => {
        if (this.cache === entry) this.cache = null;
      });
    }
    return this.cache.world;
  }

  /** One replication of a parsed scenario; throws (see `toWorkerError`) when it cannot give results. */
  async run(scenario: Scenario, request: Omit<RunOneRequest, 'scenario'>, hooks: Pick<ReplicationOptions, 'isCancelled' | 'onProgress'>): Promise<RunOneReply> {
    const world = await this.worldFor(scenario);
    if (hooks.isCancelled()) throw new Expected({ kind: 'cancelled' });
    const trace = request.trace ? this.traceCalls(request.trace) : undefined;
    return this.simulator.runReplication(scenario, world, {
      ...(trace ? { trace } : {}),
      replication: request.replication,
      ...(request.seed === undefined ? {} : { seed: request.seed }),
      ...(request.days === undefined ? {} : { days: request.days }),
      ...(request.incidentLog === true ? { incidentLog: true } : {}),
      isCancelled: hooks.isCancelled,
      onProgress: hooks.onProgress,
    });
  }

  /** The calls of a replay file (a TraceFileError naming line and column when it is malformed). */
  private traceCalls(source: { readonly name: string; readonly csv: string }): readonly TraceCall[] {
    const last = this.lastTrace;
    if (last && last.name === source.name && last.csv === source.csv) return last.calls;
    const calls = parseTraceCsv(source.csv, source.name);
    this.lastTrace = { name: source.name, csv: source.csv, calls };
    return calls;
  }
}
