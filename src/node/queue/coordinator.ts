/**
 * The coordinator's side of the job queue: a ReplicationRunner (src/node/sweep/runner.ts) whose
 * runs are BullMQ jobs on Redis, done by `worker --queue` processes on any machine. Loaded only
 * with --queue, so nobody needs Redis otherwise.
 *
 * A run adds its job under its content id (./jobs.ts; adding an existing id does nothing) and
 * waits for the job's state: completed (its stored result), or failed after its tries. A
 * coordinator restarted mid-sweep therefore picks up jobs that finished meanwhile without running
 * them again; a job that failed in an earlier session is removed and tried afresh.
 */
import { Job, Queue } from 'bullmq';
import type { Results } from '../../shared/results';
import { RunFailure, type ReplicationRequest, type ReplicationRunner } from '../sweep/run-types';
import { ATTEMPTS, connectionFrom, jobId, QUEUE_NAME, type JobResult } from './jobs';

/** Milliseconds between looks at the state of the jobs waited for. */
const POLL_MS = 250;
/** Completed and failed jobs are kept this long (seconds) for coordinators that come back. */
const KEEP_S = 7 * 24 * 3600;

export async function queueRunner(url: string, options: { pollMs?: number } = {}): Promise<ReplicationRunner> {
  const connection = connectionFrom(url);
  const queue = new Queue<ReplicationRequest, JobResult>(QUEUE_NAME, { connection: { ...connection, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5000 } });
  queue.on('error', () => {}); // reported through the calls that fail
  try {
    await withTimeout(queue.waitUntilReady(), 5000, `cannot reach the queue at ${url}`);
    await queue.getJobCounts('wait');
  } catch (error) {
    await queue.close().catch(() => {});
    throw new Error(`cannot reach the queue at ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const pollMs = options.pollMs ?? POLL_MS;
  /** Callers waiting for each job id (the same run asked for twice waits once). */
  const waiting = new Map<string, { resolve: (r: Results) => void; reject: (e: Error) => void }[]>();
  let busy = false;

  /** One look at every job waited for; a job's own trouble (e.g. Redis gone) fails only its callers. */
  const poll = async (): Promise<void> => {
    if (busy || waiting.size === 0) return;
    busy = true;
    try {
      await Promise.all(
        [...waiting.keys()].map(async (id) => {
          const settle = (f: (w: { resolve: (r: Results) => void; reject: (e: Error) => void }) => void) => {
            const ws = waiting.get(id) ?? [];
            waiting.delete(id);
            ws.forEach(f);
          };
          try {
            const state = await queue.getJobState(id);
            if (state === 'completed') {
              // Read the job after seeing it completed, so its stored result is there.
              const v = (await Job.fromId<ReplicationRequest, JobResult>(queue, id))?.returnvalue;
              if (!v) settle((w) => w.reject(new RunFailure(`job ${id} completed without a result`, false)));
              else if (v.ok) settle((w) => w.resolve(v.results));
              else settle((w) => w.reject(new RunFailure(v.error, true)));
            } else if (state === 'failed') {
              const job = await Job.fromId(queue, id);
              settle((w) => w.reject(new RunFailure(`failed on a worker after ${job?.attemptsMade ?? ATTEMPTS} tries: ${job?.failedReason ?? 'no reason stored'}`, false)));
            } else if (state === 'unknown') {
              settle((w) => w.reject(new RunFailure(`job ${id} vanished from the queue (removed by hand?)`, false)));
            }
          } catch (error) {
            settle((w) => w.reject(error instanceof Error ? error : new Error(String(error))));
          }
        }),
      );
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void poll(), pollMs);

  return {
    parallel: 256,
    where: `the queue at ${url}`,
    async run(request) {
      const id = jobId(request);
      const earlier = await Job.fromId(queue, id);
      if (earlier && (await earlier.isFailed())) await earlier.remove();
      await queue.add('run', request, {
        jobId: id,
        attempts: ATTEMPTS,
        backoff: { type: 'fixed', delay: 1000 },
        removeOnComplete: { age: KEEP_S },
        removeOnFail: { age: KEEP_S },
      });
      return new Promise<Results>((resolve, reject) => {
        waiting.set(id, [...(waiting.get(id) ?? []), { resolve, reject }]);
      });
    },
    async close() {
      clearInterval(timer);
      await queue.close();
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(message)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
