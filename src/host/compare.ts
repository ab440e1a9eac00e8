/**
 * "Compare" in the app (the `compareScenarios` call of `DesktopApi`, docs/MODEL-ADDITIONS.md
 * "Compare in the app"): a baseline and up to four variants on a host's pool of sim workers, with
 * common random numbers (replication r of every scenario runs with the simulator's seed for
 * (seed, r)), either a fixed number of replications or in batches until the stopping rule says stop
 * (src/sim/metrics/paired.ts: `nextBatchSize`, `shouldContinue` on the difference in I within
 * target). Shared by the Electron main process and the browser build.
 *
 * Each replication of each scenario is one job of `runReplications` (./replications.ts), so a
 * replication that finished is kept whatever happens to the others: `cancelComparison(jobId)` stops
 * the workers (the pool cancels every call of the job) and the comparison ends with the replications
 * that every scenario finished (`stopped: 'cancelled'`), or as cancelled when there are none. The
 * result is plain data (src/shared/comparison.ts) a report module can take as it is.
 */
import type { CompareProgress, CompareRequest, Comparison, CompareStop, MeanInterval, NarrowingStep } from '../shared/comparison';
import type { CompareOutcome, ResponseHistograms, RunError } from '../shared/protocol';
import type { Results } from '../shared/results';
import { parseScenario } from '../shared/scenario';
import { AREA_FIGURES, KEY_FIGURES, compareAreas, compareFigures, nextBatchSize, pairedDifference, shouldContinue } from '../sim/metrics/paired';
import { combineReplications } from '../sim/metrics/replications';
import { sumHistograms } from './histogram';
import { poolRunner, runReplications, type BatchPool } from './replications';

/** Comparisons in progress by job id: Cancel must also stop one between two batches. */
const running = new Map<string, { cancelled: boolean; pool: BatchPool }>();

/** Cancels comparison `jobId` (its replications in flight too); false when none has that id. */
export function cancelComparison(jobId: string): boolean {
  const job = running.get(jobId);
  if (!job) return false;
  job.cancelled = true;
  job.pool.cancel(jobId);
  return true;
}

const I_WITHIN = KEY_FIGURES.find((f) => f.id === 'I.withinTargetPct')!;

/** The paired difference in I within target of each variant over `runs` (equal lengths). */
function narrowingOf(runs: readonly (readonly Results[])[]): NarrowingStep {
  const values = runs.map((rs) => rs.map(I_WITHIN.pick));
  const differences: MeanInterval[] = values.slice(1).map((v) => {
    const { n, mean, half } = pairedDifference(values[0]!, v, true);
    return { n, mean, half };
  });
  const halves = differences.map((d) => d.half);
  const width = halves.length > 0 && halves.every((h) => h !== null) ? 2 * Math.max(...(halves as number[])) : null;
  return { replications: runs[0]?.length ?? 0, differences, width };
}

/** A failure of one scenario, said with its name. */
function named(error: RunError, label: string, index: number): RunError {
  if (error.kind === 'invalid-scenario') return { ...error, errors: error.errors.map((e) => ({ path: `scenarios[${index}]${e.path ? `.${e.path}` : ''}`, message: `${label}: ${e.message}` })) };
  if (error.kind === 'failed' || error.kind === 'worker-crashed') return { ...error, message: `${label}: ${error.message}` };
  return error;
}

export async function compareScenarios(
  pool: BatchPool,
  request: CompareRequest,
  onProgress?: (p: CompareProgress) => void,
  /** wall clock in milliseconds (injected for tests) */
  now: () => number = Date.now,
): Promise<CompareOutcome> {
  const started = now();
  const { jobId, scenarios, plan } = request;
  // Every scenario is checked before anything runs; the seed is the baseline's unless given.
  let seed = request.seed;
  for (const [i, side] of scenarios.entries()) {
    const parsed = parseScenario(side.scenario);
    if (!parsed.ok) return { ok: false, error: named({ kind: 'invalid-scenario', errors: parsed.errors }, side.label, i) };
    if (i === 0) seed ??= parsed.scenario.seed;
  }
  const rule = 'rule' in plan ? plan.rule : null;
  const fixed = 'replications' in plan ? plan.replications : 0;
  const planned = rule ? rule.maxReplications : fixed;
  const runners = scenarios.map((s) => poolRunner(pool, s.scenario));
  /** per scenario, replication index -> results and histograms */
  const done = scenarios.map(() => new Map<number, { results: Results; histograms?: ResponseHistograms }>());
  const narrowing: NarrowingStep[] = [];
  const job = { cancelled: false, pool };
  let failure: RunError | null = null;
  let next = 0;
  let stopped: CompareStop = rule ? 'cap reached' : 'fixed';
  let width: number | null = null;

  /** The replication indices every scenario finished, in order. */
  const common = (): number[] => [...done[0]!.keys()].filter((r) => done.every((d) => d.has(r))).sort((a, b) => a - b);
  const runsOf = (indices: readonly number[]) => done.map((d) => indices.map((r) => d.get(r)!.results));
  const inFlight = new Map<string, number>();
  const report = (): void => {
    const indices = common();
    const step = indices.length > 0 ? narrowingOf(runsOf(indices)) : null;
    const finished = done.reduce((a, d) => a + d.size, 0);
    const partial = [...inFlight.values()].reduce((a, b) => a + b, 0);
    onProgress?.({ jobId, fraction: Math.min(1, (finished + partial) / (planned * scenarios.length)), replicationsDone: indices.length, planned, narrowing: step });
  };

  running.set(jobId, job);
  try {
    while (!job.cancelled && failure === null) {
      const size = rule ? nextBatchSize(rule, next) : next === 0 ? fixed : 0;
      if (size <= 0) break;
      const batch = Array.from({ length: size }, (_, k) => next + k);
      next += size;
      // Replication by replication, each across the scenarios, so the first pairs complete first.
      await Promise.all(
        batch.flatMap((r) =>
          scenarios.map(async (side, i) => {
            const key = `${i}:${r}`;
            const outcome = await runReplications(runners[i]!, { group: jobId, replications: 1, first: r, seed: seed!, ...(request.days === undefined ? {} : { days: request.days }) }, (fraction) => {
              inFlight.set(key, fraction);
              report();
            });
            inFlight.delete(key);
            if (outcome.ok) {
              done[i]!.set(r, { results: outcome.runs[0]!, ...(outcome.histograms ? { histograms: outcome.histograms } : {}) });
            } else if (outcome.error.kind !== 'cancelled' && failure === null) {
              // The first real failure stops the rest.
              failure = named(outcome.error, side.label, i);
              pool.cancel(jobId);
            }
            report();
          }),
        ),
      );
      if (job.cancelled || failure !== null) break;
      const step = narrowingOf(runsOf(common()));
      narrowing.push(step);
      width = step.width;
      if (!rule) break;
      const decision = shouldContinue(rule, next, step.differences.map((d) => d.half));
      if (!decision.continue) {
        stopped = decision.reason;
        break;
      }
    }
  } finally {
    running.delete(jobId);
  }
  if (failure !== null) return { ok: false, error: failure };
  const kept = common();
  if (job.cancelled) {
    if (kept.length === 0) return { ok: false, error: { kind: 'cancelled' } };
    stopped = 'cancelled';
    const last = narrowingOf(runsOf(kept));
    if (narrowing.at(-1)?.replications !== last.replications) narrowing.push(last);
    width = last.width;
  }
  try {
    return { ok: true, comparison: comparisonOf(request, kept, done, { seed: seed!, stopped, width, narrowing, wallMs: now() - started }) };
  } catch (error) {
    return { ok: false, error: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } };
  }
}

function comparisonOf(
  request: CompareRequest,
  kept: readonly number[],
  done: readonly Map<number, { results: Results; histograms?: ResponseHistograms }>[],
  o: { seed: number; stopped: CompareStop; width: number | null; narrowing: NarrowingStep[]; wallMs: number },
): Comparison {
  const runs = done.map((d) => kept.map((r) => d.get(r)!.results));
  const { areas, bcus } = compareAreas(runs);
  return {
    scenarios: request.scenarios.map((side, i) => {
      const histograms = sumHistograms(kept.map((r) => done[i]!.get(r)!.histograms));
      return { label: side.label, scenario: side.scenario, combined: combineReplications(runs[i]!), runs: runs[i]!, ...(histograms ? { histograms } : {}) };
    }),
    replications: kept,
    seed: o.seed,
    days: runs[0]![0]!.meta.days,
    plan: request.plan,
    stopped: o.stopped,
    width: o.width,
    narrowing: o.narrowing,
    figures: compareFigures(runs),
    areaFigures: AREA_FIGURES.map((f) => ({ id: `${f.grade}.${f.field}`, label: f.label, unit: f.unit, higherIsBetter: f.higherIsBetter })),
    areas,
    bcus,
    wallMs: o.wallMs,
  };
}
