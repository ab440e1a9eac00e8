/**
 * The job queue's contract between coordinators (sweep, optimise with --queue) and workers
 * (`worker --queue`): the queue's name, a job's data and result, and the job id. A job is one
 * replication; its id is a hash of everything that decides its results (simulator version,
 * scenario, replication, seed, days), so adding the same run twice (a coordinator restarted
 * mid-sweep, two sweeps sharing a combination) finds the one job already there, and each result is
 * stored once.
 */
import { createHash } from 'node:crypto';
import type { Results } from '../../shared/results';
import { SIM_VERSION } from '../../sim/version';
import type { ReplicationRequest } from '../sweep/run-types';

export const QUEUE_NAME = 'response-sim-runs';
/** Tries of a job that throws (a crashed or killed worker's job is retried by the stalled-job check besides). */
export const ATTEMPTS = 3;

export type JobData = ReplicationRequest;

/** A run's answer. A scenario the simulator refuses is an answer too (running it again changes nothing). */
export type JobResult = { readonly ok: true; readonly results: Results } | { readonly ok: false; readonly error: string };

export function jobId(request: ReplicationRequest): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([SIM_VERSION, request.scenario, request.replication, request.seed ?? null, request.days ?? null]))
    .digest('hex');
  return `run-${hash}`;
}

/** BullMQ connection options from `redis://[:password@]HOST[:PORT][/DB]`; throws a readable Error for anything else. */
export function connectionFrom(url: string): { host: string; port: number; password?: string; username?: string; db?: number; maxRetriesPerRequest: null } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--queue: expected redis://HOST:PORT, got ${JSON.stringify(url)}`);
  }
  if (u.protocol !== 'redis:' || u.hostname === '') throw new Error(`--queue: expected redis://HOST:PORT, got ${JSON.stringify(url)}`);
  const port = u.port === '' ? 6379 : Number(u.port);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined;
  if (db !== undefined && !(Number.isInteger(db) && db >= 0)) throw new Error(`--queue: the database number in ${JSON.stringify(url)} must be a whole number`);
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port,
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(db === undefined ? {} : { db }),
    // Workers' blocking commands must wait as long as it takes (BullMQ requires this for workers).
    maxRetriesPerRequest: null,
  };
}
