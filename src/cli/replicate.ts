/**
 * Replications for the command line, run one after the other in this process (the worker pool
 * of src/node/pool serves the app; see the report to the lead for why the CLI does not use it yet).
 * Replication r runs with replicationSeed(seed, r); the incident log of the first is kept.
 */
import type { Scenario } from '../shared/scenario';
import type { Results } from '../shared/results';
import { combineReplications, replicationSeed, runScenario, ScenarioError, type IncidentLog } from '../sim';
import { InputError } from './errors';
import type { SimWorld } from '../sim/world';
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
}

export interface Replicated {
  combined: Results;
  runs: Results[];
  log: IncidentLog | null;
}

export function replicate(scenario: Scenario, world: SimWorld, o: ReplicateOptions & { file: string }): Replicated {
  try {
    return replicateUnchecked(scenario, world, o);
  } catch (error) {
    if (error instanceof ScenarioError) throw new InputError(`${o.file}: ${error.message}`);
    throw error;
  }
}

function replicateUnchecked(scenario: Scenario, world: SimWorld, o: ReplicateOptions): Replicated {
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
