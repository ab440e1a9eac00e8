/**
 * A worker's side of running replications: the world cache (a few worlds by world spec, kept for
 * the next scenario of equal spec: replications, resourcing variants, a comparison's scenarios in
 * turn) and one replication on it.
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

/**
 * Worlds a worker keeps, the last used first. More than one: a comparison hands each worker its
 * scenarios' replications in turn (baseline, variant, baseline, ...), and the app runs a scenario
 * again after an Undo; with one world kept, a variant of another world spec (its travel settings,
 * areas or demand points) made every such run build its world again and start with its caches
 * cold (measured: a London day on roads, base and a congestion variant in turn, 0.7-0.9 s CPU a
 * run against 0.41-0.53 s with one world). A second London road world holds about 25 MB of its
 * own (the graph, search spaces, snapper, trees and packed arcs are shared by the worlds on one
 * graph: src/world/road.ts, src/sim/roads/query/kept-parts.ts), so at most this many.
 */
export const KEPT_WORLDS = 3;

export class ReplicationWorker<Scenario, World, Spec> {
  /** The worlds of the last scenarios run here, by the JSON of their world spec, the last used first. */
  private readonly worlds: { key: string; world: Promise<World> }[] = [];
  /** The last replay file parsed here: the replications of one run share it. */
  private lastTrace: { name: string; csv: string; calls: readonly TraceCall[] } | null = null;

  constructor(
    private readonly simulator: Simulator<Scenario, World, Spec>,
    /** Worlds kept at most (>= 1). */
    private readonly keep: number = KEPT_WORLDS,
  ) {}

  /** The world of `scenario`: a kept one when the world specs are equal, else built (and kept, the least recently used let go). */
  worldFor(scenario: Scenario): Promise<World> {
    const spec = this.simulator.worldSpec(scenario);
    const key = JSON.stringify(spec);
    const worlds = this.worlds;
    const at = worlds.findIndex((w) => w.key === key);
    const entry = at >= 0 ? worlds.splice(at, 1)[0]! : { key, world: this.simulator.buildWorld(spec) };
    worlds.unshift(entry);
    if (worlds.length > Math.max(1, this.keep)) worlds.length = Math.max(1, this.keep);
    if (at < 0) {
      // A failed build must not poison the cache for the next call.
      entry.world.catch(() => {
        const i = worlds.indexOf(entry);
        if (i >= 0) worlds.splice(i, 1);
      });
    }
    return entry.world;
  }

  /** Keys of the worlds kept, the last used first (for tests). */
  get keptWorlds(): readonly string[] {
    return this.worlds.map((w) => w.key);
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
