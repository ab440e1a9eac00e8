/**
 * BullMQ's sandboxed processor for run jobs: BullMQ starts this file in a child process of the
 * worker, so a run holding the CPU for minutes never stalls the worker's lock renewal. Runs go
 * through the same loop and simulator as a local pool worker (src/host/loop.ts, src/host/real-simulator.ts),
 * which keeps the world of the last scenario run here: results are the local pool's, byte for byte.
 */
import type { SandboxedJob } from 'bullmq';
import { createSimHost, type SimHost } from '../../host/loop';
import { realSimulator } from '../../host/real-simulator';
import type { FromWorker, RunOneReply } from '../../shared/protocol';
import { nodeDataProvider } from '../data/provider';
import { describeRunError } from '../sweep/run-types';
import type { JobData, JobResult } from './jobs';

const waiting = new Map<number, (m: FromWorker & { type: 'reply' }) => void>();
let host: SimHost | null = null;
let nextId = 1;

function theHost(): SimHost {
  host ??= createSimHost({
    simulator: realSimulator(nodeDataProvider()),
    post: (m) => {
      if (m.type === 'reply') waiting.get(m.id)?.(m);
    },
  });
  return host;
}

export default async function runJob(job: SandboxedJob<JobData, JobResult>): Promise<JobResult> {
  const id = nextId++;
  const replied = new Promise<FromWorker & { type: 'reply' }>((resolve) => waiting.set(id, resolve));
  const d = job.data;
  await theHost().receive({
    type: 'call',
    id,
    call: 'run',
    request: { scenario: d.scenario, replication: d.replication, ...(d.seed === undefined ? {} : { seed: d.seed }), ...(d.days === undefined ? {} : { days: d.days }) },
  });
  const reply = await replied;
  waiting.delete(id);
  if (reply.ok) return { ok: true, results: (reply.value as RunOneReply).results };
  // A scenario the simulator refuses is an answer; anything else throws, and the job is tried again.
  if (reply.error.kind === 'invalid-scenario') return { ok: false, error: describeRunError(reply.error) };
  throw new Error(describeRunError(reply.error));
}
