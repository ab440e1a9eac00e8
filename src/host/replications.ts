/**
 * Running a scenario's replications and combining them: the one implementation, used by the
 * Electron main process and the browser build (`runBatch`, the `runScenario` call of `DesktopApi`)
 * and by the command line (src/cli/replicate.ts).
 *
 * Replications run through a `ReplicationRunner`: a pool of sim workers (`poolRunner`: the
 * scenario crosses to the workers once per call, each worker parses it and keeps a few worlds by
 * world spec) or the calling thread (`inProcessRunner`: a parsed scenario, no pool). Replication r
 * runs with the simulator's seed for (seed, r) wherever it runs, so both give the same results
 * byte for byte (apart from `meta.wallMs`). Results are combined here, where they arrive.
 */
import type { IncidentLogData, ResponseHistograms, RunError, RunOneRequest, RunOutcome, RunProgress, RunRequest, SimResults, TraceSource, WorkerCallName, WorkerCalls, WorkerResult } from '../shared/protocol';
import { combineReplications } from '../sim/metrics/replications';
import { sumHistograms } from './histogram';
import type { CallOptions } from './pool';
import { ReplicationWorker, toWorkerError } from './replication-worker';
import type { Simulator } from './simulator';

/** One replication's request, the scenario aside (a runner is made for one scenario). */
export type ReplicationRequest = Omit<RunOneRequest, 'scenario'>;

/** Where replications run. Never rejects: failures are `{ ok: false, error }`. */
export interface ReplicationRunner {
  run(request: ReplicationRequest, options: CallOptions & { readonly group: string }): Promise<WorkerResult<'run'>>;
  /** Cancels the replications of `group`; true when one was queued or running. */
  cancel(group: string): boolean;
}

/** The part of `SimWorkerPool` (./pool.ts) a batch uses. */
export interface BatchPool {
  call<K extends WorkerCallName>(call: K, request: WorkerCalls[K]['request'], options?: CallOptions): Promise<WorkerResult<K>>;
  cancel(group: string): boolean;
}

/** Replications of `scenario` (JSON a worker can parse) on the workers of `pool`. */
export function poolRunner(pool: BatchPool, scenario: unknown): ReplicationRunner {
  return {
    run: (request, options) => pool.call('run', { scenario, ...request }, options),
    cancel: (group) => pool.cancel(group),
  };
}

/** Replications of a parsed `scenario` in this thread, one after the other, with `simulator`. */
export function inProcessRunner<Scenario, World, Spec>(simulator: Simulator<Scenario, World, Spec>, scenario: Scenario): ReplicationRunner {
  const worker = new ReplicationWorker(simulator);
  const cancelled = new Set<string>();
  const running = new Map<string, number>();
  return {
    async run(request, options) {
      const { group } = options;
      running.set(group, (running.get(group) ?? 0) + 1);
      try {
        if (cancelled.has(group)) return { ok: false, error: { kind: 'cancelled' } };
        const reply = await worker.run(scenario, request, { isCancelled: () => cancelled.has(group), onProgress: (f) => options.onProgress?.(f) });
        return { ok: true, value: reply };
      } catch (error) {
        return { ok: false, error: toWorkerError(error, simulator) };
      } finally {
        const left = running.get(group)! - 1;
        if (left > 0) running.set(group, left);
        else {
          running.delete(group);
          cancelled.delete(group);
        }
      }
    },
    cancel(group) {
      if (!running.has(group)) return false;
      cancelled.add(group);
      return true;
    },
  };
}

export interface ReplicationsJob {
  /** names the job's calls, for cancelling them together */
  readonly group: string;
  /** >= 1 */
  readonly replications: number;
  /** index of the first replication (default 0): a later batch of a sequential run continues the seeds where the last stopped */
  readonly first?: number;
  /** base seed; absent = the scenario's */
  readonly seed?: number;
  /** simulated days, overriding the scenario's */
  readonly days?: number;
  /** bring back the incident log of replication 0 */
  readonly keepLog?: boolean;
  /** replay this recorded incident log instead of random arrivals */
  readonly trace?: TraceSource;
}

export type ReplicationsOutcome =
  | {
      readonly ok: true;
      /** combined over replications (the one result as is for one replication) */
      readonly combined: SimResults;
      /** each replication's results, in replication order */
      readonly runs: readonly SimResults[];
      /** response-time histograms summed over replications (absent when a runner did not count them) */
      readonly histograms?: ResponseHistograms;
      /** replication 0's incident log, when `keepLog` */
      readonly incidents?: IncidentLogData;
    }
  | { readonly ok: false; readonly error: RunError };

/** Progress of a job: the share of all its replications done, 0..1, and the replications finished. */
export type ReplicationsProgress = (fraction: number, replicationsDone: number) => void;

/** Runs the replications of `job` through `runner` and combines them; the first real failure cancels the rest. */
export async function runReplications(runner: ReplicationRunner, job: ReplicationsJob, onProgress?: ReplicationsProgress): Promise<ReplicationsOutcome> {
  const { group, replications } = job;
  const fractions = new Array<number>(replications).fill(0);
  let done = 0;
  let firstError: RunError | null = null;
  const report = (): void => onProgress?.(fractions.reduce((a, b) => a + b, 0) / replications, done);

  const replies = await Promise.all(
    fractions.map(async (_, replication) => {
      const result = await runner.run(
        {
          replication: (job.first ?? 0) + replication,
          ...(job.seed === undefined ? {} : { seed: job.seed }),
          ...(job.days === undefined ? {} : { days: job.days }),
          ...(job.keepLog === true && replication === 0 && (job.first ?? 0) === 0 ? { incidentLog: true } : {}),
          ...(job.trace ? { trace: job.trace } : {}),
        },
        {
          group,
          onProgress: (fraction) => {
            fractions[replication] = Math.min(1, Math.max(0, fraction));
            report();
          },
        },
      );
      if (result.ok) {
        done++;
        fractions[replication] = 1;
        report();
        return result.value;
      }
      // The first real failure stops the rest; the cancellations it causes are not news.
      if (firstError === null && result.error.kind !== 'cancelled') {
        firstError = result.error;
        runner.cancel(group);
      }
      return null;
    }),
  );
  if (firstError !== null) return { ok: false, error: firstError };
  const replied = replies.filter((r): r is NonNullable<typeof r> => r !== null);
  if (replied.length < replications) return { ok: false, error: { kind: 'cancelled' } };
  const runs = replied.map((r) => r.results);
  const histograms = sumHistograms(replied.map((r) => r.histograms));
  const incidents = replied[0]!.incidents;
  let combined: SimResults;
  try {
    combined = combineReplications(runs);
  } catch (error) {
    return { ok: false, error: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } };
  }
  return { ok: true, combined, runs, ...(histograms ? { histograms } : {}), ...(incidents ? { incidents } : {}) };
}

/**
 * A batch run of the app (the `runScenario` call of `DesktopApi`): the replications of `request`
 * on the workers of `pool`, progress summed over them. Shared by the Electron main process and the
 * browser build, so both answer the same request the same way. Never rejects.
 */
export async function runBatch(
  pool: BatchPool,
  request: RunRequest,
  onProgress?: (progress: RunProgress) => void,
  /** wall clock in milliseconds (injected for tests) */
  now: () => number = Date.now,
): Promise<RunOutcome> {
  const started = now();
  const { jobId } = request;
  const replications = request.replications ?? 1;
  const outcome = await runReplications(
    poolRunner(pool, request.scenario),
    {
      group: jobId,
      replications,
      ...(request.seed === undefined ? {} : { seed: request.seed }),
      ...(request.days === undefined ? {} : { days: request.days }),
      ...(request.trace ? { trace: request.trace } : {}),
    },
    (fraction, replicationsDone) => onProgress?.({ jobId, fraction, replicationsDone, replications }),
  );
  if (!outcome.ok) return outcome;
  return { ok: true, results: outcome.combined, replications, wallMs: now() - started, ...(outcome.histograms ? { histograms: outcome.histograms } : {}) };
}
