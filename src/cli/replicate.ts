/**
 * Replications for the command line. One replication runs in this process. Several are spread
 * over a pool of sim worker threads (one per core, no more than there are replications); each
 * worker builds the same world from the same data, and replication 0's worker sends its incident
 * log back when it is wanted. Replication r runs with replicationSeed(seed, r) wherever it runs, so
 * the combined results are the same byte for byte (apart from `meta.wallMs`) either way.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../node/data/paths';
import { createNodeSimPool } from '../node/pool';
import type { RunError } from '../shared/protocol';
import type { Results } from '../shared/results';
import type { Scenario } from '../shared/scenario';
import { combineReplications, IncidentLog, replicationSeed, runScenario, ScenarioError, type IncidentLogColumns } from '../sim';
import type { SimWorld } from '../sim/world';
import { InputError } from './errors';
import type { Progress } from './progress';

export interface ReplicateOptions {
  replications: number;
  /** Base seed (replication 0 uses it as is); default the scenario's. */
  seed?: number;
  days?: number;
  /** Keep the incident log of replication 0. */
  keepLog: boolean;
  progress: Progress;
  /** Label prefix for the progress bar. */
  label?: string;
  /** Worker threads for several replications; default one per core. 0 runs them all in this process. */
  workers?: number;
}

export interface Replicated {
  combined: Results;
  runs: Results[];
  log: IncidentLog | null;
}

export async function replicate(scenario: Scenario, world: SimWorld, o: ReplicateOptions & { file: string }): Promise<Replicated> {
  const workers = Math.min(o.replications, o.workers ?? availableParallelism());
  try {
    return o.replications === 1 || workers === 0 ? inProcess(scenario, world, o) : await onPool(scenario, workers, o);
  } catch (error) {
    if (error instanceof ScenarioError) throw new InputError(`${o.file}: ${error.message}`);
    throw error;
  }
}

function inProcess(scenario: Scenario, world: SimWorld, o: ReplicateOptions): Replicated {
  const base = o.seed ?? scenario.seed;
  const runs: Results[] = [];
  let log: IncidentLog | null = null;
  for (let r = 0; r < o.replications; r++) {
    const label = `${o.label ?? 'replication'} ${r + 1}/${o.replications}`;
    const run = runScenario(scenario, world, {
      seed: replicationSeed(base, r),
      days: o.days,
      incidentLog: o.keepLog && r === 0,
      clock: () => performance.now(),
      onProgress: (f) => o.progress.update((r + f) / o.replications, label),
    });
    runs.push(run.results);
    if (r === 0) log = run.incidents;
  }
  return { combined: combineReplications(runs), runs, log };
}

async function onPool(scenario: Scenario, workers: number, o: ReplicateOptions & { file: string }): Promise<Replicated> {
  const pool = createNodeSimPool({ entry: path.join(repoRoot(), 'src', 'node', 'sim-worker.ts'), size: workers });
  const fractions = new Array<number>(o.replications).fill(0);
  const label = `${o.label ?? 'replications'} on ${workers} worker${workers === 1 ? '' : 's'}`;
  try {
    const replies = await Promise.all(
      fractions.map(async (_, r) => {
        const reply = await pool.call(
          'run',
          {
            // The validated scenario (defaults applied, `extends` and area files inlined) is itself a valid scenario.
            scenario,
            replication: r,
            ...(o.seed === undefined ? {} : { seed: o.seed }),
            ...(o.days === undefined ? {} : { days: o.days }),
            ...(o.keepLog && r === 0 ? { incidentLog: true } : {}),
          },
          {
            group: 'cli',
            onProgress: (f) => {
              fractions[r] = f;
              o.progress.update(fractions.reduce((a, b) => a + b, 0) / o.replications, label);
            },
          },
        );
        if (!reply.ok) {
          pool.cancel('cli');
          throw new Error(`${o.file}: replication ${r + 1} failed in its worker: ${describe(reply.error)}`);
        }
        return reply.value;
      }),
    );
    const runs = replies.map((x) => x.results);
    const columns = replies[0]!.incidents as IncidentLogColumns | undefined;
    return { combined: combineReplications(runs), runs, log: columns ? IncidentLog.fromColumns(columns) : null };
  } finally {
    pool.close();
  }
}

function describe(error: RunError): string {
  switch (error.kind) {
    case 'invalid-scenario':
      return error.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    case 'cancelled':
      return 'cancelled';
    case 'worker-crashed':
    case 'failed':
      return `${error.kind}: ${error.message}${error.crashReport ? ` (crash report: ${error.crashReport})` : ''}`;
  }
}
