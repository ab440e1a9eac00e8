/**
 * The batch-run slice: the run in hand, its progress and its outcome, and the last two successful
 * runs of the same document (the key figures show the latest and its change from the one before;
 * a run of another document, opened or created, starts the comparison over). Updaters are pure
 * `(state, payload) => state` (STYLE.md 13), tested without React; news about another job than the
 * current one is ignored (a late message from a run the user already replaced).
 *
 * Demand replayed from an incident log ("Demand from incident log", docs/MODEL-ADDITIONS.md "Trace
 * replay") is held here too; runs of replayed demand are compared only with runs of the same log,
 * never with random demand (and the other way round).
 */
import type { RunOutcome, RunProgress, TraceSource } from '../../shared/protocol';

/** An incident log the runs replay: the file as sent to the simulator, and how many calls it holds. */
export interface Replay extends TraceSource {
  readonly calls: number;
}

/** What a run's demand was: null random, else what the run status says of it ("demand replayed from log.csv (1,204 calls)"). */
export type DemandKey = string | null;

export function demandKey(replay: Replay | null): DemandKey {
  return replay === null ? null : `demand replayed from ${replay.name} (${replay.calls.toLocaleString('en-GB')} call${replay.calls === 1 ? '' : 's'})`;
}

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
  /** its demand (`demandKey`; absent: random) */
  readonly demand?: DemandKey;
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
  /** the incident log runs replay instead of random demand; null: random demand */
  readonly replay: Replay | null;
  /** demand of the run in hand (`demandKey`) */
  readonly demand: DemandKey;
  /**
   * A shorter run of the run in hand's scenario (its first `days`), shown as provisional figures
   * until the run's own arrive (issue 14 aim 4); never compared, never `latest`.
   */
  readonly provisional: (FinishedRun & { readonly days: number }) | null;
}

export const initialRunState: RunState = { jobId: null, label: null, status: 'idle', progress: 0, outcome: null, revision: 0, document: 0, latest: null, previous: null, replay: null, demand: null, provisional: null };

export function runStarted(state: RunState, payload: { jobId: string; label: string; revision?: number; document?: number; demand?: DemandKey }): RunState {
  return { ...state, jobId: payload.jobId, label: payload.label, status: 'running', progress: 0, outcome: null, revision: payload.revision ?? 0, document: payload.document ?? 0, demand: payload.demand ?? null, provisional: null };
}

/** Runs from now on replay `replay` (null: random demand again). */
export function replayChosen(state: RunState, replay: Replay | null): RunState {
  return state.replay === replay ? state : { ...state, replay };
}

export function runProgressed(state: RunState, progress: RunProgress): RunState {
  if (state.jobId !== progress.jobId || state.status !== 'running') return state;
  // Progress only moves forward: replications report out of order.
  const fraction = Math.max(state.progress, Math.min(1, progress.fraction));
  return fraction === state.progress ? state : { ...state, progress: fraction };
}

/** The provisional figures of the run in hand: a run of its scenario's first `days`. */
export function provisionalFinished(state: RunState, payload: { jobId: string; outcome: OkOutcome; days: number }): RunState {
  if (state.jobId !== payload.jobId || state.status !== 'running') return state;
  const { outcome, days } = payload;
  return { ...state, provisional: { outcome, days, label: state.label ?? '', revision: state.revision, document: state.document, demand: state.demand } };
}

export function runFinished(state: RunState, payload: { jobId: string; outcome: RunOutcome }): RunState {
  if (state.jobId !== payload.jobId) return state;
  const { outcome } = payload;
  const status: RunStatus = outcome.ok ? 'done' : outcome.error.kind === 'cancelled' ? 'cancelled' : 'failed';
  const next: RunState = { ...state, status, progress: outcome.ok ? 1 : state.progress, outcome, provisional: null };
  if (!outcome.ok) return next;
  const comparable = state.latest !== null && state.latest.document === state.document && (state.latest.demand ?? null) === state.demand;
  const previous = comparable ? state.latest : null;
  return { ...next, previous, latest: { outcome, label: state.label ?? '', revision: state.revision, document: state.document, demand: state.demand } };
}
