/**
 * The replications of a comparison (`compare`): a baseline and variants run with the same seeds
 * (replication r of each with replicationSeed(seed, r): common random numbers) on one pool of sim
 * worker threads, either a fixed number or in batches until the stopping rule says stop
 * (src/sim/metrics/paired.ts `shouldContinue` on the difference in I within target). Batches have a
 * fixed size whatever the number of workers, so the replications run, and the figures, depend only
 * on the scenarios, the seed and the rule.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { sumHistograms } from '../host/histogram';
import { realSimulator } from '../host/real-simulator';
import { inProcessRunner, poolRunner, runReplications, type ReplicationRunner } from '../host/replications';
import { repoRoot } from '../node/data/paths';
import { nodeDataProvider } from '../node/data/provider';
import { createNodeSimPool } from '../node/pool';
import type { ResponseHistograms } from '../shared/protocol';
import type { Results } from '../shared/results';
import { combineReplications, compareFigures, IncidentLog, shouldContinue, type StoppingDecision, type StoppingRule } from '../sim';
import type { Prepared } from './prepare';
import type { Progress } from './progress';
import { runFailure } from './replicate';

/** Replications added per step of a sequential comparison after the first `minReplications`. */
export const SEQUENTIAL_BATCH = 2;

export interface CompareRunOptions {
  /** a fixed number of replications, or the stopping rule */
  readonly plan: { readonly replications: number } | { readonly rule: StoppingRule };
  readonly seed: number;
  readonly days?: number;
  /** keep replication 0's incident log of every scenario */
  readonly keepLog: boolean;
  readonly progress: Progress;
  /** worker threads; default one per core; 0 runs in this process */
  readonly workers?: number;
}

export interface ScenarioRuns {
  readonly runs: Results[];
  readonly combined: Results;
  readonly histograms?: ResponseHistograms;
  readonly log: IncidentLog | null;
}

export interface ComparisonRuns {
  readonly sides: ScenarioRuns[];
  /** with a stopping rule: the last decision (why it stopped) */
  readonly decision?: StoppingDecision;
}

/** The half-widths of each variant's paired difference in I within target. */
export function iWithinHalves(runs: readonly (readonly Results[])[]): (number | null)[] {
  const f = compareFigures(runs).find((x) => x.figure.id === 'I.withinTargetPct')!;
  return f.differences.map((d) => d.half);
}

export async function runComparison(scenarios: readonly Prepared[], o: CompareRunOptions): Promise<ComparisonRuns> {
  const cap = 'replications' in o.plan ? o.plan.replications : o.plan.rule.maxReplications;
  const workers = Math.min(cap * scenarios.length, o.workers ?? availableParallelism());
  const pool = workers > 0 ? createNodeSimPool({ entry: path.join(repoRoot(), 'src', 'node', 'sim-worker.ts'), size: workers }) : null;
  const simulator = pool ? null : realSimulator(nodeDataProvider(), () => performance.now());
  const runners: ReplicationRunner[] = scenarios.map((p) => (pool ? poolRunner(pool, p.scenario) : inProcessRunner(simulator!, p.scenario)));
  const runs: Results[][] = scenarios.map(() => []);
  const histograms: (ResponseHistograms | undefined)[][] = scenarios.map(() => []);
  const logs: (IncidentLog | null)[] = scenarios.map(() => null);
  let done = 0;
  let decision: StoppingDecision | undefined;
  try {
    for (;;) {
      const rule = 'rule' in o.plan ? o.plan.rule : null;
      const size = rule ? Math.min(rule.maxReplications - done, done === 0 ? Math.max(2, rule.minReplications ?? 3) : SEQUENTIAL_BATCH) : cap;
      const fractions = scenarios.map(() => 0);
      const report = () => {
        const share = fractions.reduce((a, b) => a + b, 0) / scenarios.length;
        const total = (done + share * size) / cap;
        o.progress.update(rule ? Math.min(1, total) : share, `${done + Math.floor(share * size)} of ${rule ? `at most ${cap}` : cap} replications of ${scenarios.length} scenarios${pool ? ` on ${workers} worker${workers === 1 ? '' : 's'}` : ''}`);
      };
      const outcomes = await Promise.all(
        scenarios.map((p, i) =>
          runReplications(
            runners[i]!,
            { group: `compare-${i}`, replications: size, first: done, seed: o.seed, keepLog: o.keepLog && done === 0, ...(o.days === undefined ? {} : { days: o.days }) },
            (fraction) => {
              fractions[i] = fraction;
              report();
            },
          ).then((outcome) => ({ outcome, file: p.file })),
        ),
      );
      for (const [i, { outcome, file }] of outcomes.entries()) {
        if (!outcome.ok) throw runFailure(outcome.error, file);
        runs[i]!.push(...outcome.runs);
        histograms[i]!.push(outcome.histograms);
        if (outcome.incidents) logs[i] = IncidentLog.fromColumns(outcome.incidents);
      }
      done += size;
      if (!rule) break;
      decision = shouldContinue(rule, done, iWithinHalves(runs));
      if (!decision.continue) break;
    }
  } finally {
    pool?.close();
  }
  const sides = runs.map((rs, i): ScenarioRuns => {
    const h = sumHistograms(histograms[i]!);
    return { runs: rs, combined: combineReplications(rs), ...(h ? { histograms: h } : {}), log: logs[i]! };
  });
  return { sides, ...(decision ? { decision } : {}) };
}
