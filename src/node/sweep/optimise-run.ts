/**
 * The optimiser on the Node side: its `evaluate` runs replications on a ReplicationRunner (local
 * pool or job queue) with common random numbers: every candidate runs replications 0..R-1 of the
 * same base seed (2R for a confirmation), and they are combined as for `run --replications`.
 */
import type { Results } from '../../shared/results';
import type { Scenario } from '../../shared/scenario';
import { combineReplications } from '../../sim';
import { optimise, type OptimiseOptions, type OptimiseOutcome } from '../../sweep/optimise';
import type { RawScenario } from '../../sweep/variables';
import type { ReplicationRunner } from './runner';

export interface OptimiseRunOptions extends OptimiseOptions {
  readonly replications: number;
  readonly days?: number;
  /** progress: evaluations done so far, and runs done of runs started */
  readonly onProgress?: (p: { evaluations: number; runsDone: number; runsStarted: number }) => void;
}

/** One line saying how the answer was found, for the README, the report and --json. */
export const METHOD =
  'Erlang C screen per slot (BCU or base and shift; pool and shift) from a pilot run, then simulation with common random numbers: add where the screen gains most until every target holds at the lower end of its 95% interval, remove while they still hold, confirm with twice the replications.';

export async function optimiseScenario(raw: RawScenario, scenario: Scenario, runner: ReplicationRunner, o: OptimiseRunOptions): Promise<OptimiseOutcome> {
  let evaluations = 0;
  let runsDone = 0;
  let runsStarted = 0;
  const tell = () => o.onProgress?.({ evaluations, runsDone, runsStarted });
  const evaluate = async (candidate: RawScenario, stage: 'search' | 'confirm'): Promise<Results> => {
    const n = stage === 'confirm' ? 2 * o.replications : o.replications;
    runsStarted += n;
    tell();
    const runs = await Promise.all(
      Array.from({ length: n }, async (_, r) => {
        const results = await runner.run({ scenario: candidate, replication: r, seed: scenario.seed, ...(o.days === undefined ? {} : { days: o.days }) });
        runsDone++;
        tell();
        return results;
      }),
    );
    evaluations++;
    tell();
    return combineReplications(runs);
  };
  return optimise(raw, scenario, evaluate, o);
}
