/**
 * The one place sweeps and the optimiser run replications: every run is "replication r of this
 * raw scenario with base seed s", answered with that replication's results. Locally the runs go
 * to the sim worker pool (src/node/pool, one worker per core, each caching the world of the last
 * scenario it ran); with a queue URL they go through the Redis job queue (src/node/queue, loaded
 * only then). Replication r runs with replicationSeed(seed, r) wherever it runs, so both give the
 * same results byte for byte (apart from `meta.wallMs`).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../data/paths';
import { poolRunner } from '../../host/replications';
import { createNodeSimPool } from '../pool';
import type { Results } from '../../shared/results';
import { describeRunError, RunFailure, type ReplicationRunner } from './run-types';

export { describeRunError, RunFailure, type ReplicationRequest, type ReplicationRunner } from './run-types';

export interface RunnerOptions {
  /** redis://HOST:PORT: run through the job queue instead of the local pool */
  readonly queue?: string;
  /** local worker threads; default one per core */
  readonly workers?: number;
}

export async function openRunner(o: RunnerOptions = {}): Promise<ReplicationRunner> {
  if (o.queue !== undefined) {
    const { queueRunner } = await import('../queue/coordinator');
    return queueRunner(o.queue);
  }
  return localRunner(o.workers ?? Math.max(1, availableParallelism()));
}

export function localRunner(workers: number): ReplicationRunner {
  const pool = createNodeSimPool({ entry: path.join(repoRoot(), 'src', 'node', 'sim-worker.ts'), size: workers });
  return {
    parallel: workers * 2,
    where: `${workers} local worker${workers === 1 ? '' : 's'}`,
    async run(request, onProgress) {
      // One replication through the app's and the command line's own path (src/host/replications.ts).
      const reply = await poolRunner(pool, request.scenario).run(
        { replication: request.replication, ...(request.seed === undefined ? {} : { seed: request.seed }), ...(request.days === undefined ? {} : { days: request.days }) },
        { group: 'sweep', ...(onProgress ? { onProgress } : {}) },
      );
      if (!reply.ok) throw new RunFailure(describeRunError(reply.error), reply.error.kind === 'invalid-scenario');
      return reply.value.results as Results;
    },
    close: async () => pool.close(),
  };
}
