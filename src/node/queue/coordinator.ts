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
    await withTimeout(queue.waitUntilReady(), 8000, `cannot reach the queue at ${url}`);
    await queue.getJobCounts('wait');
  } catch (error) {
    await queue.close().catch(() => {});
    throw new Error(`cannot reach the queue at ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const pollMs = options.pollMs ?? POLL_MS;
  /** Callers waiting for each job id (the same run asked for twice waits once). */
  const waiting = new Map<string, { resolve: (r: Results) => void; reject: (e: Error) => void }[]>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const poll = async (): Promise<void> => {
    timer = null;
    await Promise.all(
      [...waiting.entries()].map(async ([id, ws]) => {
        const w = { resolve: (r: Results) => ws.forEach((x) => x.resolve(r)), reject: (e: Error) => ws.forEach((x) => x.reject(e)) };
        const job = await Job.fromId<ReplicationRequest, JobResult>(queue, id);
        if (!job) return waiting.delete(id) && w.reject(new RunFailure(`job ${id} vanished from the queue (removed by hand?)`, false));
        if (await job.isCompleted()) {
          waiting.delete(id);
          const v = job.returnvalue;
          if (v.ok) w.resolve(v.results);
          else w.reject(new RunFailure(v.error, true));
        } else if (await job.isFailed()) {
          waiting.delete(id);
          w.reject(new RunFailure(`failed on a worker after ${job.attemptsMade} tries: ${job.failedReason}`, false));
        }
      }),
    ).catch((error: unknown) => {
      for (const ws of waiting.values()) for (const w of ws) w.reject(error instanceof Error ? error : new Error(String(error)));
      waiting.clear();
    });
    if (!closed && waiting.size > 0) timer = setTimeout(() => void poll(), pollMs);
  };

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
        timer ??= setTimeout(() => void poll(), pollMs);
      });
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
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
