/**
 * The batch-run slice: the one run the shell shows, its progress and its outcome. Updaters are pure
 * `(state, payload) => state` (STYLE.md 13), tested without React; news about another job than the
 * current one is ignored (a late message from a run the user already replaced).
 */
import type { RunOutcome, RunProgress } from '../../shared/protocol';

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface RunState {
  readonly jobId: string | null;
  /** what is being run, for the panel ("Small built-in check") */
  readonly label: string | null;
  readonly status: RunStatus;
  /** share of the batch done, 0..1 */
  readonly progress: number;
  readonly outcome: RunOutcome | null;
}

export const initialRunState: RunState = { jobId: null, label: null, status: 'idle', progress: 0, outcome: null };

export function runStarted(_state: RunState, payload: { jobId: string; label: string }): RunState {
  return { jobId: payload.jobId, label: payload.label, status: 'running', progress: 0, outcome: null };
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
  return { ...state, status, progress: outcome.ok ? 1 : state.progress, outcome };
}
