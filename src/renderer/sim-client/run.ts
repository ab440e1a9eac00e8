/**
 * Runs through the injected API into the store: start, stream progress, finish, cancel. A
 * rejected call (a programmer error on one side of the API) is not swallowed: it is logged and
 * shown as a failed run with its message.
 */
import type { DesktopApi, RunOutcome, RunProgress, RunRequest, TraceSource } from '../../shared/protocol';
import { update, type AppStore } from '../store';
import { demandKey, provisionalFinished, runFinished, runProgressed, runStarted, type Replay } from '../store/run-slice';

let counter = 0;

/** A job id unique in this page. */
export function newJobId(prefix = 'job'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.floor(Math.random() * 0xffffffff).toString(36)}`;
}

export interface StartRun {
  readonly scenario: Record<string, unknown>;
  readonly label: string;
  readonly replications?: number;
  /** simulated days, overriding the scenario's */
  readonly days?: number;
  /** scenario revision being run (src/renderer/store/scenario-slice.ts) */
  readonly revision?: number;
  /** the document being run (`ScenarioState.document`): changes are shown only against runs of the same one */
  readonly document?: number;
  /** replay this incident log instead of random demand */
  readonly replay?: Replay | null;
  /** first run only this many days, shown as provisional figures until the full run's arrive */
  readonly provisionalDays?: number;
  /** told once the run's first figures (provisional or not) are in the store, or the run ended without */
  readonly onFigures?: () => void;
}

/**
 * Outcomes of the runs done in this page, by what was run (at most MEMO_SIZE, the least recently
 * used dropped): the same scenario, days and replications give the same results byte for byte
 * (MODEL.md), so a number changed back, or an undo, shows its figures at once.
 */
const memos = new WeakMap<DesktopApi, Map<string, RunOutcome>>();
const MEMO_SIZE = 12;

/** Runs `request`, or answers it from what this page ran (and keeps a successful outcome); speculative runs too (./speculate.ts). */
export async function runRemembered(api: DesktopApi, request: RunRequest, onProgress?: (progress: RunProgress) => void): Promise<RunOutcome> {
  if (request.trace) return api.runScenario(request, onProgress);
  const key = JSON.stringify([request.scenario, request.days ?? null, request.replications ?? 1]);
  let memo = memos.get(api);
  if (!memo) memos.set(api, (memo = new Map()));
  const known = memo.get(key);
  memo.delete(key);
  const outcome = known ?? (await api.runScenario(request, onProgress));
  if (outcome.ok) memo.set(key, outcome);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return outcome;
}

export async function startRun(api: DesktopApi, store: AppStore, run: StartRun): Promise<RunOutcome> {
  const jobId = newJobId();
  update(store, 'run', runStarted, {
    jobId,
    label: run.label,
    ...(run.revision === undefined ? {} : { revision: run.revision }),
    ...(run.document === undefined ? {} : { document: run.document }),
    demand: demandKey(run.replay ?? null),
  });
  const trace: TraceSource | null = run.replay ? { name: run.replay.name, csv: run.replay.csv } : null;
  const request = {
    jobId,
    scenario: run.scenario,
    ...(run.replications === undefined ? {} : { replications: run.replications }),
    ...(run.days === undefined ? {} : { days: run.days }),
    ...(trace ? { trace } : {}),
  };
  let outcome: RunOutcome | null = null;
  try {
    const days = run.provisionalDays;
    if (days !== undefined) {
      // The same job id, one call after the other: a cancel of the job stops whichever is running.
      const first = await runRemembered(api, { ...request, days });
      if (first.ok) {
        update(store, 'run', provisionalFinished, { jobId, outcome: first, days });
        run.onFigures?.();
      } else outcome = first; // cancelled, or a failure the full run would meet as well
      // Replaced by a newer run while the provisional one ended: nothing left to cancel, so stop here.
      if (store.getState().run.jobId !== jobId) outcome ??= { ok: false, error: { kind: 'cancelled' } };
    }
    outcome ??= await runRemembered(api, request, (progress) => update(store, 'run', runProgressed, progress));
  } catch (error) {
    console.error('runScenario failed', error);
    outcome = { ok: false, error: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } };
  }
  update(store, 'run', runFinished, { jobId, outcome });
  performance.mark?.('rs:run-stored');
  run.onFigures?.();
  return outcome;
}

/** Cancels the store's current run, if one is running. */
export async function cancelRun(api: DesktopApi, store: AppStore): Promise<boolean> {
  const { jobId, status } = store.getState().run;
  if (jobId === null || status !== 'running') return false;
  return api.cancel(jobId);
}
