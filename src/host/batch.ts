/**
 * A batch run (the `runScenario` call of `DesktopApi`): replications spread over a pool of sim
 * workers, progress summed over them, results combined by a worker. Shared by the Electron main
 * process and the browser build, so both answer the same request the same way.
 */
import type { ResponseHistograms, RunError, RunOutcome, RunProgress, RunRequest, SimResults, WorkerCallName, WorkerCalls, WorkerResult } from '../shared/protocol';
import { sumHistograms } from './histogram';
import type { CallOptions } from './pool';

/** The part of `SimWorkerPool` a batch uses. */
export interface BatchPool {
  call<K extends WorkerCallName>(call: K, request: WorkerCalls[K]['request'], options?: CallOptions): Promise<WorkerResult<K>>;
  cancel(group: string): boolean;
}

/** Runs `request` on `pool`; never rejects: failures are `{ ok: false, error }`. */
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
  const fractions = new Array<number>(replications).fill(0);
  let done = 0;
  let firstError: RunError | null = null;

  const report = (): void => {
    const fraction = fractions.reduce((a, b) => a + b, 0) / replications;
    onProgress?.({ jobId, fraction, replicationsDone: done, replications });
  };

  const runs = fractions.map(async (_, replication) => {
    const result = await pool.call(
      'run',
      {
        scenario: request.scenario,
        replication,
        ...(request.seed === undefined ? {} : { seed: request.seed }),
        ...(request.days === undefined ? {} : { days: request.days }),
      },
      {
        group: jobId,
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
      pool.cancel(jobId);
    }
    return null;
  });

  const replies = await Promise.all(runs);
  if (firstError !== null) return { ok: false, error: firstError };
  const replied = replies.filter((r): r is NonNullable<typeof r> => r !== null);
  if (replied.length < replications) return { ok: false, error: { kind: 'cancelled' } };
  const complete: SimResults[] = replied.map((r) => r.results);
  const histograms: ResponseHistograms | undefined = sumHistograms(replied.map((r) => r.histograms));

  let combined: SimResults;
  if (replications === 1) {
    combined = complete[0]!;
  } else {
    const merged = await pool.call('combine', { results: complete }, { group: jobId });
    if (!merged.ok) return { ok: false, error: merged.error };
    combined = merged.value;
  }
  return { ok: true, results: combined, replications, wallMs: now() - started, ...(histograms ? { histograms } : {}) };
}
