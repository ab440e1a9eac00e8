/**
 * A queue worker (`worker --queue redis://HOST:PORT`): takes run jobs from the queue and runs each
 * in a sandboxed child process (./processor.ts), `concurrency` at a time. Stateless: it needs only
 * the data folder (it builds or finds its own cache through the data provider). A worker killed
 * midway loses nothing: its job's lock lapses and BullMQ's stalled-job check gives the job to
 * another worker (or to this one when it comes back).
 */
import { availableParallelism, hostname } from 'node:os';
import path from 'node:path';
import { Worker } from 'bullmq';
import { connectionFrom, QUEUE_NAME, type JobData, type JobResult } from './jobs';

export interface QueueWorkerOptions {
  /** runs at once (child processes); default one per core */
  readonly concurrency?: number;
  /** milliseconds a job's lock lasts without renewal (default 30 000); a killed worker's job waits about this long */
  readonly lockMs?: number;
}

/** How often a job may be found stalled (its worker gone) before it counts as failed. */
const MAX_STALLED = 5;

export async function startQueueWorker(url: string, o: QueueWorkerOptions = {}): Promise<Worker<JobData, JobResult>> {
  const lockDuration = o.lockMs ?? 30_000;
  const worker = new Worker<JobData, JobResult>(QUEUE_NAME, path.join(__dirname, 'processor.ts'), {
    connection: connectionFrom(url),
    // Stored with each job it runs (`processedBy`): which machine and process did what.
    name: `${hostname()}:${process.pid}`,
    concurrency: o.concurrency ?? Math.max(1, availableParallelism()),
    lockDuration,
    stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
    maxStalledCount: MAX_STALLED,
    // Child processes (not threads): a run that exhausts memory or is killed takes only its child down.
    useWorkerThreads: false,
  });
  await worker.waitUntilReady();
  return worker;
}
