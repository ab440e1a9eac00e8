/**
 * "Suggest resourcing" (the `suggestResourcing` call of `DesktopApi`): the optimiser of
 * src/sweep/optimise.ts on a host's pool of sim workers, each candidate a batch run (./batch.ts:
 * replications 0..R-1 of the scenario's seed, so every candidate sees the same calls). Shared by
 * the Electron main process and the browser build. `cancel(jobId)` (through cancelSuggestion)
 * cancels the batch in flight and any to come, which ends the suggestion with `{ ok: false, error: { kind: 'cancelled' } }`.
 */
import type { RunError, SuggestOutcome, SuggestProgress, SuggestRequest } from '../shared/protocol';
import type { Results } from '../shared/results';
import { parseScenario } from '../shared/scenario';
import { describeChanges, optimise } from '../sweep/optimise';
import { runBatch, type BatchPool } from './replications';

class EvaluationFailed extends Error {
  constructor(readonly error: RunError) {
    super(error.kind);
  }
}

/** Suggestions in progress by job id: Cancel must also stop one between two batches. */
const running = new Map<string, { cancelled: boolean; pool: BatchPool }>();

/** Cancels suggestion `jobId` (its batch in flight too); false when none has that id. */
export function cancelSuggestion(jobId: string): boolean {
  const job = running.get(jobId);
  if (!job) return false;
  job.cancelled = true;
  job.pool.cancel(jobId);
  return true;
}

export async function suggestResourcing(pool: BatchPool, request: SuggestRequest, onProgress?: (p: SuggestProgress) => void): Promise<SuggestOutcome> {
  const parsed = parseScenario(request.scenario);
  if (!parsed.ok) return { ok: false, error: { kind: 'invalid-scenario', errors: parsed.errors } };
  const replications = request.replications ?? 5;
  const maxEvaluations = request.maxEvaluations ?? 40;
  let evaluations = 0;
  const job = { cancelled: false, pool };
  const evaluate = async (raw: Readonly<Record<string, unknown>>, stage: 'search' | 'confirm'): Promise<Results> => {
    if (job.cancelled) throw new EvaluationFailed({ kind: 'cancelled' });
    const outcome = await runBatch(pool, {
      jobId: request.jobId,
      scenario: raw as Record<string, unknown>,
      replications: stage === 'confirm' ? 2 * replications : replications,
      ...(request.days === undefined ? {} : { days: request.days }),
    });
    if (!outcome.ok) throw new EvaluationFailed(outcome.error);
    evaluations++;
    onProgress?.({ jobId: request.jobId, evaluations, maxEvaluations });
    return outcome.results;
  };
  running.set(request.jobId, job);
  try {
    const o = await optimise(request.scenario, parsed.scenario, evaluate, {
      targets: request.targets,
      by: request.by ?? 'bcu',
      mode: { kind: 'fewest' },
      maxEvaluations,
    });
    return { ok: true, scenario: o.scenario, changes: o.changes, described: describeChanges(o.changes), targets: o.targets, met: o.met, evaluations: o.evaluations, stopped: o.stopped };
  } catch (error) {
    if (error instanceof EvaluationFailed) return { ok: false, error: error.error };
    return { ok: false, error: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } };
  } finally {
    running.delete(request.jobId);
  }
}
