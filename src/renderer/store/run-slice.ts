/**
 * The batch-run slice: the run in hand, its progress and its outcome, and the last two successful
 * runs of the same document (the key figures show the latest and its change from the one before;
 * a run of another document, opened or created, starts the comparison over). Updaters are pure
 * `(state, payload) => state` (STYLE.md 13), tested without React; news about another job than the
 * current one is ignored (a late message from a run the user already replaced).
 */
import type { RunOutcome, RunProgress } from '../../shared/protocol';

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export type OkOutcome = Extract<RunOutcome, { ok: true }>;

/** A successful run and what it ran. */
export interface FinishedRun {
  readonly outcome: OkOutcome;
  readonly label: string;
  /** scenario revision it ran (src/renderer/store/scenario-slice.ts) */
  readonly revision: number;
  /** the document it ran (`ScenarioState.document`) */
  readonly document: number;
}

export interface RunState {
  readonly jobId: string | null;
  /** what is being run, for the panel ("London baseline, 1 day") */
  readonly label: string | null;
  readonly status: RunStatus;
  /** share of the batch done, 0..1 */
  readonly progress: number;
  readonly outcome: RunOutcome | null;
  /** scenario revision of the run in hand */
  readonly revision: number;
  /** document of the run in hand */
  readonly document: number;
  /** the last successful run, and the one before it of the same document (null after a run of another) */
  readonly latest: FinishedRun | null;
  readonly previous: FinishedRun | null;
}

export const initialRunState: RunState = { jobId: null, label: null, status: 'idle', progress: 0, outcome: null, revision: 0, document: 0, latest: null, previous: null };

export function runStarted(state: RunState, payload: { jobId: string; label: string; revision?: number; document?: number }): RunState {
  return { ...state, jobId: payload.jobId, label: payload.label, status: 'running', progress: 0, outcome: null, revision: payload.revision ?? 0, document: payload.document ?? 0 };
}

export function runProgressed(state: RunState, progress: RunProgress): RunState {
  if (state.jobId !== progress.jobId || state.status !== 'running') return state;
  // Progress only moves forward: replications report out of order.
  const fraction = Math.max(state.progress, Math.min(1, progress.fraction));
  return fraction === state.progress ? state : { ...state, progress: fraction };
}

export function runFinished(state: RunState, payload: { jobId: string; outcome: RunOutcome }): RunState {
  if (state.jobId !== payload.jobId) return state;
  const { outcome } = payload;
  const status: RunStatus = outcome.ok ? 'done' : outcome.error.kind === 'cancelled' ? 'cancelled' : 'failed';
  const next: RunState = { ...state, status, progress: outcome.ok ? 1 : state.progress, outcome };
  if (!outcome.ok) return next;
  const previous = state.latest !== null && state.latest.document === state.document ? state.latest : null;
  return { ...next, previous, latest: { outcome, label: state.label ?? '', revision: state.revision, document: state.document } };
}
