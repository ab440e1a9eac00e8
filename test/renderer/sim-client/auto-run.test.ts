/** The figures and the live session follow the scenario: debounced re-runs, a newer change cancelling an older run. */
import { describe, expect, it, vi } from 'vitest';
import { effectiveScenario, runLabel, startAutoRun } from '../../../src/renderer/sim-client/auto-run';
import { createAppStore, update } from '../../../src/renderer/store';
import { demandMultiplierSet, horizonSet, initialScenarioState, scenarioEdited } from '../../../src/renderer/store/scenario-slice';
import { fakeResults } from '../../host/fakes';
import { fakeApi } from '../fake-api';

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (fn: () => void) => {
      pending.set(next, fn);
      return next++;
    },
    clearTimer: (h: unknown) => void pending.delete(h as number),
    fire: () => {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
    get count() {
      return pending.size;
    },
  };
}

const scenario = { name: 'S', days: 1, demand: { streams: [{ line: '999', callsPerDay: 100 }] } };

describe('auto-run', () => {
  it('runs the scenario at once for the chosen horizon and opens a paused live session on it', async () => {
    const fake = fakeApi();
    const store = createAppStore({ scenario: initialScenarioState(scenario, 'built in') });
    const stop = startAutoRun(fake.api, store, { debounceMs: 100, ...manualTimers() });
    expect(fake.runs).toHaveLength(1);
    expect(fake.runs[0]!.request).toMatchObject({ scenario, days: 1 });
    expect(store.getState().run).toMatchObject({ status: 'running', label: 'S, 1 day, from the scenario', revision: 0 });
    expect(fake.lives).toHaveLength(1);
    expect(fake.lives[0]!.request).toMatchObject({ scenario, days: 1, playing: false, speed: 60 });
    stop();
  });

  it('gathers quick changes into one run, cancels the run of an older change, and runs the scenario with the multiplier', async () => {
    const fake = fakeApi();
    const timers = manualTimers();
    const store = createAppStore({ scenario: initialScenarioState(scenario, 'built in') });
    const stop = startAutoRun(fake.api, store, { debounceMs: 100, ...timers });
    update(store, 'scenario', scenarioEdited, (raw) => ({ ...raw, seed: 2 }));
    update(store, 'scenario', demandMultiplierSet, 2);
    expect(fake.runs, 'nothing until the changes settle').toHaveLength(1);
    expect(timers.count, 'one timer for both changes').toBe(1);
    timers.fire();
    expect(fake.cancelled, 'the first run was still going: cancelled').toEqual([fake.runs[0]!.request.jobId, fake.lives[0]!.request.jobId]);
    expect(fake.runs).toHaveLength(2);
    expect(fake.runs[1]!.request.scenario).toEqual({ name: 'S', days: 1, seed: 2, demand: { streams: [{ line: '999', callsPerDay: 200 }] } });
    expect(store.getState().run).toMatchObject({ revision: 2, label: 'S (modified), 1 day, from the scenario' });
    fake.runs[1]!.finish({ ok: true, results: fakeResults(5, 1), replications: 1, wallMs: 1 });
    await Promise.resolve();
    stop();
    expect(timers.count).toBe(0);
  });

  it('runs a change after a quiet spell at once, and gathers changes that come soon after a run started', () => {
    const fake = fakeApi();
    const delays: number[] = [];
    const pending: (() => void)[] = [];
    let clock = 0;
    const store = createAppStore({ scenario: initialScenarioState(scenario, 'built in') });
    const stop = startAutoRun(fake.api, store, {
      debounceMs: 100,
      now: () => clock,
      setTimer: (fn, ms) => (delays.push(ms), pending.push(fn)),
      clearTimer: () => void pending.pop(),
    });
    clock = 5000;
    update(store, 'scenario', scenarioEdited, (raw) => ({ ...raw, seed: 2 }));
    expect(delays, 'after a quiet spell: at once, in a task of its own').toEqual([0]);
    pending.pop()!();
    expect(fake.runs).toHaveLength(2);
    clock = 5040;
    update(store, 'scenario', scenarioEdited, (raw) => ({ ...raw, seed: 3 }));
    clock = 5070;
    update(store, 'scenario', scenarioEdited, (raw) => ({ ...raw, seed: 4 }));
    expect(delays, 'soon after a run started: gathered').toEqual([0, 100, 100]);
    expect(pending).toHaveLength(1);
    pending.pop()!();
    expect(fake.runs).toHaveLength(3);
    expect(fake.runs[2]!.request.scenario).toMatchObject({ seed: 4 });
    stop();
  });

  it("says what is run, and for how long: the scenario's days unless chosen", () => {
    const store = createAppStore({ scenario: demandMultiplierSet(initialScenarioState({ ...scenario, days: 7 }, 'x'), 1.5) });
    expect(runLabel(store.getState())).toBe('S (modified), 7 days, from the scenario');
    expect(effectiveScenario(store.getState()), 'the multiplier is in the scenario itself').toEqual({ name: 'S', days: 7, demand: { streams: [{ line: '999', callsPerDay: 150 }] } });
    update(store, 'scenario', horizonSet, 1);
    expect(runLabel(store.getState())).toBe('S (modified), 1 day, chosen');
  });

  it('runs the scenario for its own days, and for the days chosen once chosen', () => {
    const fake = fakeApi();
    const timers = manualTimers();
    const store = createAppStore({ scenario: initialScenarioState({ ...scenario, days: 7 }, 'x') });
    const stop = startAutoRun(fake.api, store, { debounceMs: 100, ...timers });
    expect(fake.runs[0]!.request.days).toBe(7);
    update(store, 'scenario', horizonSet, 2);
    timers.fire();
    expect(fake.runs[1]!.request.days).toBe(2);
    stop();
  });

  it('figures first: a week first runs one day (provisional figures), then the week; after a change the live session reopens after the first figures', async () => {
    const fake = fakeApi();
    const timers = manualTimers();
    const store = createAppStore({ scenario: initialScenarioState({ ...scenario, days: 7 }, 'x') });
    const stop = startAutoRun(fake.api, store, { debounceMs: 100, figuresFirst: true, ...timers });
    expect(fake.runs).toHaveLength(1);
    expect(fake.runs[0]!.request.days, 'one day first').toBe(1);
    expect(fake.lives, 'the page\'s first session waits for the first figures').toHaveLength(0);
    fake.runs[0]!.finish({ ok: true, results: fakeResults(5, 1), replications: 1, wallMs: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.lives, 'and opens with the provisional figures').toHaveLength(1);
    expect(store.getState().run).toMatchObject({ status: 'running', latest: null, provisional: { days: 1, revision: 0 } });
    expect(fake.runs).toHaveLength(2);
    expect(fake.runs[1]!.request).toMatchObject({ days: 7, jobId: fake.runs[0]!.request.jobId });
    expect(fake.lives[0]!.request).toMatchObject({ days: 7, playing: false });
    fake.runs[1]!.finish({ ok: true, results: fakeResults(35, 1), replications: 1, wallMs: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().run).toMatchObject({ status: 'done', provisional: null });
    expect(fake.lives).toHaveLength(1);

    // A one-day horizon: the provisional day's outcome at once (the same run), and the session reopens.
    update(store, 'scenario', horizonSet, 1);
    timers.fire();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.runs, 'the day was run already').toHaveLength(2);
    expect(store.getState().run).toMatchObject({ status: 'done', revision: 1 });
    expect(fake.lives, 'the session reopens with the figures').toHaveLength(2);
    // A change while the session warms up stops it at once; a one-day run has no provisional run.
    expect(store.getState().live.status).toBe('starting');
    update(store, 'scenario', scenarioEdited, (raw) => ({ ...raw, seed: 3 }));
    timers.fire();
    expect(fake.cancelled).toContain(fake.lives[1]!.request.jobId);
    expect(fake.runs[2]!.request.days).toBe(1);
    expect(fake.lives, 'no new session while the run goes').toHaveLength(2);
    stop();
  });

  it('figures first: a run replaced while its provisional day ran neither runs its week nor opens its live session', async () => {
    const fake = fakeApi();
    const timers = manualTimers();
    const store = createAppStore({ scenario: initialScenarioState({ ...scenario, days: 7 }, 'x') });
    const stop = startAutoRun(fake.api, store, { debounceMs: 100, figuresFirst: true, ...timers });
    update(store, 'scenario', scenarioEdited, (raw) => ({ ...raw, seed: 2 }));
    timers.fire();
    expect(fake.cancelled, 'the run').toEqual([fake.runs[0]!.request.jobId]);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.runs, 'the replaced run went no further').toHaveLength(2);
    expect(fake.runs[1]!.request.days).toBe(1);
    expect(fake.lives, 'no session for the replaced run').toHaveLength(0);
    stop();
  });
});

describe('auto-run: speculative runs', () => {
  const fleet = { ...scenario, stations: [{ id: 'A', area: 'a' }], fleet: [{ station: 'A', count: 2 }] };
  const tick = () => new Promise((r) => setTimeout(r, 0));
  /** A change of the base's units, run; the live session opened: what runs next. */
  async function afterAChange(options: { speculate?: boolean }) {
    const g = globalThis as { crossOriginIsolated?: boolean };
    const was = g.crossOriginIsolated;
    g.crossOriginIsolated = true; // a page with the cancel board
    try {
      const fake = fakeApi();
      const timers = manualTimers();
      const store = createAppStore({ scenario: initialScenarioState(fleet, 'x') });
      const stop = startAutoRun(fake.api, store, { figuresFirst: true, ...options, ...timers });
      fake.runs[0]!.finish({ ok: true, results: fakeResults(5, 1), replications: 1, wallMs: 1 });
      await tick();
      update(store, 'scenario', scenarioEdited, (raw) => ({ ...raw, fleet: [{ station: 'A', count: 3 }] }));
      timers.fire();
      await vi.dynamicImportSettled();
      fake.runs[1]!.finish({ ok: true, results: fakeResults(6, 1), replications: 1, wallMs: 1 });
      await tick();
      fake.lives[fake.lives.length - 1]!.frame({ tS: 0, playing: false, units: [] } as never);
      await tick();
      await tick();
      const after = fake.runs.slice(2).map((r) => r.request);
      stop();
      return { after, cancelled: fake.cancelled };
    } finally {
      g.crossOriginIsolated = was;
    }
  }

  it('figures first: once the figures are in and the session open, the one-day figures of the changed number one up and one down; stopping cancels them', async () => {
    const { after, cancelled } = await afterAChange({});
    expect(after.map((r) => [(r.scenario.fleet as { count: number }[])[0]!.count, r.days])).toEqual([[4, 1]]);
    expect(cancelled).toContain(after[0]!.jobId);
  });

  it('none with speculate: false', async () => {
    expect((await afterAChange({ speculate: false })).after).toEqual([]);
  });
});
