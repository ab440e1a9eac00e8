/**
 * Keeps the figures and the map in step with the scenario: every change of what is run (a new
 * scenario, a resourcing edit, the demand multiplier, the horizon) re-runs the batch for the chosen
 * horizon and reopens the live session, paused, on the new scenario. A change after a quiet spell
 * runs at once (in a task of its own, so changes made together are one run); changes in quick
 * succession after it are gathered (`debounceMs`), and a newer change cancels the run still going
 * for an older one (a cancelled run stops within milliseconds where the host has a cancel board).
 * Choosing an incident log to replay, or random demand again, re-runs the batch with that demand.
 *
 * Figures first (issue 14 aim 4): a horizon of more than `provisionalDays` first runs that many
 * days, shown as provisional figures; and the live session (its warm-up is seconds of a worker's
 * time) opens once the run's first figures are in, so it does not take a core from the run. Once
 * all is in, the neighbours of the last changed resourcing number run speculatively (./speculate.ts),
 * so a step to one of them shows its figures at once.
 */
import type { DesktopApi } from '../../shared/protocol';
import type { AppState, AppStore } from '../store';
import { horizonLabel, runHorizon } from '../store/scenario-slice';
import { startLive, stopLive } from './live';
import { newJobId, runRemembered, startRun } from './run';

export interface AutoRunOptions {
  /**
   * a change within this long of the last run's start waits this long for more before running
   * (default 60 ms: a typed "12" runs "1" at once, then "12"); a change after it runs at once
   */
  readonly debounceMs?: number;
  /** open a live session for each scenario (default true) */
  readonly live?: boolean;
  /**
   * Figures first (the app's own mount; default off): a horizon of more than a day first runs one
   * day, shown as provisional figures, and each live session (the page's first too) opens once the first
   * figures are in.
   */
  readonly figuresFirst?: boolean;
  /**
   * Speculative runs (./speculate.ts, loaded at the first change of the store): once the figures are in, the one-day
   * figures of the last changed resourcing number at one more and one less, kept for a step to them.
   * Default: as `figuresFirst` (the app's own mount); false turns them off.
   */
  readonly speculate?: boolean;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** milliseconds, for the debounce (default performance.now) */
  readonly now?: () => number;
}

/** The scenario as it is run: the document as it is (the demand multiplier is folded into it). */
export function effectiveScenario(state: AppState): Record<string, unknown> {
  return state.scenario.current as Record<string, unknown>;
}

/** "London baseline (modified), 7 days, from the scenario". */
export function runLabel(state: AppState): string {
  const { name, modified } = state.scenario;
  return `${name}${modified ? ' (modified)' : ''}, ${horizonLabel(state.scenario)}`;
}

/** Starts watching `store`; runs at once for the scenario it holds. Returns the function that stops watching. */
export function startAutoRun(api: DesktopApi, store: AppStore, options: AutoRunOptions = {}): () => void {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const debounceMs = options.debounceMs ?? 60;
  const now = options.now ?? (() => performance.now());
  /** when the last run started */
  let ranAt = -Infinity;
  const first = options.figuresFirst === true;
  let seen = store.getState().scenario.revision;
  let seenReplay = store.getState().run.replay;
  /** whether the pending run follows only a change of demand (the live session, random demand, stays) */
  let demandOnly = false;
  let timer: unknown = null;
  let stopped = false;
  /** the batch runs started; only the newest opens the live session */
  let runs = 0;
  /** false: speculation off or loading or loaded; else loads it (at the first change: nothing to speculate before one, and nothing fetched beside the first figures) */
  let speculate = options.speculate ?? first;
  let stopSpeculating: (() => void) | null = null;
  /** the live session waiting for the figures of the newest run */
  let pendingLive: { readonly live: Parameters<typeof startLive>[2]; readonly replacing: string | null } | null = null;

  const runNow = (): void => {
    timer = null;
    if (stopped) return;
    ranAt = now();
    performance.mark?.('rs:auto-run');
    const state = store.getState();
    const { run } = state;
    // A newer change makes the running batch pointless: cancel it first.
    if (run.status === 'running' && run.jobId !== null) void api.cancel(run.jobId);
    const scenario = effectiveScenario(state);
    const { days } = runHorizon(state.scenario);
    const replay = state.run.replay;
    if ((options.live ?? true) && !demandOnly) {
      pendingLive = { live: { scenario, days, playing: false }, replacing: state.live.jobId };
      // A session still warming up on the old scenario would take a core from this run.
      if (first && state.live.status === 'starting') void stopLive(api, store);
    }
    demandOnly = false;
    const generation = ++runs;
    const openLive = (): void => {
      if (stopped || generation !== runs || pendingLive === null) return;
      const { live, replacing } = pendingLive;
      pendingLive = null;
      // Not over a session started since (an exercise, a trainer's session).
      if (store.getState().live.jobId === replacing) void startLive(api, store, live);
    };
    void startRun(api, store, {
      scenario,
      label: runLabel(state),
      days,
      revision: state.scenario.revision,
      document: state.scenario.document,
      replay,
      ...(first && days > 1 && !replay ? { provisionalDays: 1 } : {}),
      onFigures: openLive,
    });
    // With figures first, every session (the page's first too) waits for the run's first figures:
    // on two cores a session warming up beside the first run (each worker loading the graph and
    // building its world) delayed those figures by seconds.
    if (!first) openLive();
  };

  const unsubscribe = store.subscribe((state, before) => {
    if (speculate && state.scenario.current !== before.scenario.current) {
      speculate = false;
      void import('./speculate').then((m) => stopped || (stopSpeculating = m.startSpeculation(api, store, { runRemembered, newJobId }, before.scenario)));
    }
    const scenarioChanged = state.scenario.revision !== seen;
    if (!scenarioChanged && state.run.replay === seenReplay) return;
    // A new demand (a replayed log, or random again) re-runs the batch; a pending scenario change still reopens live.
    demandOnly = timer === null ? !scenarioChanged : demandOnly && !scenarioChanged;
    seen = state.scenario.revision;
    seenReplay = state.run.replay;
    if (timer !== null) clearTimer(timer);
    // Waiting costs every change its delay; only quick changes after a run need gathering.
    timer = setTimer(runNow, now() - ranAt < debounceMs ? debounceMs : 0);
  });
  runNow();

  return () => {
    stopped = true;
    stopSpeculating?.();
    unsubscribe();
    if (timer !== null) clearTimer(timer);
    void stopLive(api, store);
  };
}
