/**
 * Replications for the command line, through the one replication path (src/host/replications.ts).
 * One replication, or `workers: 0`, runs in this process; several are spread over a pool of sim
 * worker threads (one per core, no more than there are replications), each of which parses the
 * scenario and builds its world once. Replication r runs with replicationSeed(seed, r) wherever it
 * runs, so the combined results are the same byte for byte (apart from `meta.wallMs`) either way.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describeRunError } from '../host/describe';
import { realSimulator } from '../host/real-simulator';
import { inProcessRunner, poolRunner, runReplications, type ReplicationRunner } from '../host/replications';
import { repoRoot } from '../node/data/paths';
import { nodeDataProvider } from '../node/data/provider';
import { createNodeSimPool } from '../node/pool';
import type { ResponseHistograms, RunError } from '../shared/protocol';
import type { Results } from '../shared/results';
import type { Scenario } from '../shared/scenario';
import { IncidentLog, type TraceCall } from '../sim';
import { InputError } from './errors';
import { DATA_ERROR_NAMES } from './prepare';
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
  /** Replay these recorded calls instead of random arrivals (runs in this process). */
  trace?: readonly TraceCall[];
}

export interface Replicated {
  combined: Results;
  runs: readonly Results[];
  log: IncidentLog | null;
  /** response-time histograms summed over replications */
  histograms?: ResponseHistograms;
}

/** Runs the replications of the validated `scenario` (read from `o.file`); bad input is an InputError naming the file. */
export async function replicate(scenario: Scenario, o: ReplicateOptions & { file: string }): Promise<Replicated> {
  const workers = o.trace ? 0 : Math.min(o.replications, o.workers ?? availableParallelism());
  const pooled = o.replications > 1 && workers > 0;
  const pool = pooled ? createNodeSimPool({ entry: path.join(repoRoot(), 'src', 'node', 'sim-worker.ts'), size: workers }) : null;
  // The validated scenario (defaults applied, `extends` and area files inlined) is itself a valid scenario.
  const runner: ReplicationRunner = pool ? poolRunner(pool, scenario) : inProcessRunner(realSimulator(nodeDataProvider(), () => performance.now(), o.trace), scenario);
  const label = pool ? `${o.label ?? 'replications'} on ${workers} worker${workers === 1 ? '' : 's'}` : (o.label ?? 'replications');
  try {
    const outcome = await runReplications(
      runner,
      { group: 'cli', replications: o.replications, keepLog: o.keepLog, ...(o.seed === undefined ? {} : { seed: o.seed }), ...(o.days === undefined ? {} : { days: o.days }) },
      (fraction, done) => o.progress.update(fraction, `${label} (${done}/${o.replications} done)`),
    );
    if (!outcome.ok) throw runFailure(outcome.error, o.file);
    return { combined: outcome.combined, runs: outcome.runs, log: outcome.incidents ? IncidentLog.fromColumns(outcome.incidents) : null, ...(outcome.histograms ? { histograms: outcome.histograms } : {}) };
  } finally {
    pool?.close();
  }
}

/** The error to throw for a run that ended without results: the user's input (exit 2) or not (exit 1). */
export function runFailure(error: RunError, file: string): Error {
  if (error.kind === 'invalid-scenario') return new InputError(error.errors.map((i) => `${file}: ${i.path || '(scenario)'}: ${i.message}`).join('\n'));
  if (error.kind === 'failed' && error.name !== undefined && DATA_ERROR_NAMES.includes(error.name)) return new InputError(`${file}: ${error.message}`);
  const failure = new Error(`${file}: ${describeRunError(error)}`);
  if (error.kind === 'failed' && error.stack) failure.stack = `${failure.message}\n${error.stack}`;
  return failure;
}
