/**
 * Speculative runs of the neighbouring values (src/renderer/sim-client/speculate.ts): which field a
 * change was and its neighbours; the figures a step to a speculated value shows are those a direct
 * run gives, byte for byte (the real simulator, a small scenario); a change, a run, a live session
 * opening or playing cancels a speculative run at once; nothing is shown from one by itself.
 */
import { describe, expect, it } from 'vitest';
import { changedField, neighbours, startSpeculation } from '../../../src/renderer/sim-client/speculate';
import { newJobId, runRemembered, startRun } from '../../../src/renderer/sim-client/run';
import { ALL_DAY, readResourcing, setBaseUnits, setBcuUnits, setCallTakers } from '../../../src/renderer/scenario/resourcing';
import { createAppStore, editScenario, update, type AppStore } from '../../../src/renderer/store';
import { liveStarting, frameReceived } from '../../../src/renderer/store/live-slice';
import { runFinished, runStarted } from '../../../src/renderer/store/run-slice';
import { initialScenarioState, type RawScenario } from '../../../src/renderer/store/scenario-slice';
import { createSimHost } from '../../../src/host/loop';
import { realSimulator } from '../../../src/host/real-simulator';
import { runBatch, type BatchPool } from '../../../src/host/replications';
import type { DesktopApi, FromWorker, RunRequest, WorkerCallName, WorkerCalls, WorkerResult } from '../../../src/shared/protocol';
import { noBuiltInData } from '../../../src/world';
import { fakeResults } from '../../host/fakes';
import { stable } from '../../sim/helpers';
import { smallInput } from '../../sim/fixtures/small';
import { fakeApi } from '../fake-api';

const runs = { runRemembered, newJobId };
const tick = () => new Promise((r) => setTimeout(r, 0));
const early = (raw: RawScenario) => readResourcing(raw).pools[0]!.perShift.early;

/** Two BCUs: A (bases A1, A2 with 2 and 1 units round the clock), B (base B1, 1 unit). */
const twoBcus = {
  name: 'two BCUs',
  days: 1,
  areas: { groups: { A: ['a'], B: ['b'] } },
  stations: [
    { id: 'A1', name: 'Alpha one', area: 'a' },
    { id: 'A2', name: 'Alpha two', area: 'a' },
    { id: 'B1', name: 'Bravo', area: 'b' },
  ],
  fleet: [
    { station: 'A1', count: 2 },
    { station: 'A2', count: 1 },
    { station: 'B1', count: 1 },
  ],
};

/** The page after the run of its scenario as it stands: the figures are in. */
function figuresIn(store: AppStore): void {
  const jobId = `run-${store.getState().scenario.revision}`;
  update(store, 'run', runStarted, { jobId, label: 'x', revision: store.getState().scenario.revision });
  update(store, 'run', runFinished, { jobId, outcome: { ok: true, results: fakeResults(1, 1), replications: 1, wallMs: 1 } });
}

/** A pool of one in-thread worker running the real loop on the real simulator (inline data, straight-line travel). */
function realApi(): { api: DesktopApi; requests: RunRequest[] } {
  const simulator = realSimulator(noBuiltInData, () => 0);
  let nextId = 1;
  const host = createSimHost({ simulator, post: (m) => (m.type === 'reply' ? (answers.set(m.id, m), undefined) : undefined) });
  const answers = new Map<number, FromWorker>();
  const pool: BatchPool = {
    async call<K extends WorkerCallName>(call: K, request: WorkerCalls[K]['request']): Promise<WorkerResult<K>> {
      const id = nextId++;
      await host.receive(structuredClone({ type: 'call', id, call, request }));
      const reply = answers.get(id);
      if (!reply || reply.type !== 'reply') throw new Error('no reply');
      return (reply.ok ? { ok: true, value: reply.value } : { ok: false, error: reply.error }) as WorkerResult<K>;
    },
    cancel: () => false,
  };
  const requests: RunRequest[] = [];
  const api = {
    runScenario: (request: RunRequest) => {
      requests.push(request);
      return runBatch(pool, request, undefined, () => 0);
    },
    cancel: async () => false,
  } as unknown as DesktopApi;
  return { api, requests };
}

describe('the field a change was, and its neighbours', () => {
  it('call takers of a pool on a shift: one more and one less, the way it moved first, never below 0', () => {
    const before = smallInput() as unknown as RawScenario;
    const after = setCallTakers(before, 'metcc', 'early', 2);
    const field = changedField(before, after, 'Call takers, metcc, early')!;
    expect(field.name).toBe('call takers of metcc, early');
    expect(field.direction).toBe(-1);
    expect(neighbours(field, after).map(early)).toEqual([1, 3]);
    expect(JSON.stringify(neighbours(field, after)[1])).toBe(JSON.stringify(setCallTakers(after, 'metcc', 'early', 3)));
    const zero = setCallTakers(after, 'metcc', 'early', 0);
    expect(neighbours(changedField(after, zero)!, zero).map(early)).toEqual([1]);
  });

  it("a BCU's units, or a base's when the edit's label names the base; the neighbours are the panel's own edits", () => {
    const before = twoBcus as RawScenario;
    const bcu = setBcuUnits(before, 'A', ALL_DAY, 4);
    const field = changedField(before, bcu, 'Units, A, (all day)')!;
    expect(field.name).toBe('units of BCU A, (all day)');
    expect(neighbours(field, bcu).map((s) => JSON.stringify(s))).toEqual([setBcuUnits(bcu, 'A', ALL_DAY, 5), setBcuUnits(bcu, 'A', ALL_DAY, 3)].map((s) => JSON.stringify(s)));
    const base = setBaseUnits(before, 'A2', ALL_DAY, 2);
    expect(changedField(before, base, 'Units, Alpha two, (all day)')!.name).toBe('units of base A2, (all day)');
    expect(JSON.stringify(neighbours(changedField(before, base, 'Units, Alpha two, (all day)')!, base)[0])).toBe(JSON.stringify(setBaseUnits(base, 'A2', ALL_DAY, 3)));
  });

  it('no field for other changes: two fields at once, a name, the same scenario', () => {
    const before = twoBcus as RawScenario;
    const two = setBcuUnits(setBcuUnits(before, 'A', ALL_DAY, 4), 'B', ALL_DAY, 2);
    expect(changedField(before, two)).toBeNull();
    expect(changedField(before, { ...before, name: 'other' })).toBeNull();
    expect(changedField(before, before)).toBeNull();
  });
});

describe('speculative runs', () => {
  it("a step to a speculated value shows the figures a direct run gives, byte for byte, without a run; the screen is not changed by speculation", async () => {
    const input = smallInput() as unknown as RawScenario;
    const store = createAppStore({ scenario: initialScenarioState(input, 'x') });
    const { api, requests } = realApi();
    const ended: boolean[] = [];
    let all!: () => void;
    const finished = new Promise<void>((resolve) => (all = resolve));
    const stop = startSpeculation(api, store, runs, undefined, {
      cancelsAtOnce: () => true,
      onRun: (_scenario, _job, ok) => ended.push(ok) === 2 && all(),
    });
    editScenario(store, (raw) => setCallTakers(raw, 'metcc', 'early', 4), 'Call takers, metcc, early');
    figuresIn(store);
    const shown = store.getState().run;
    await finished;
    stop();
    expect(ended).toEqual([true, true]);
    expect(requests.map((r) => [early(r.scenario as RawScenario), r.days])).toEqual([
      [5, 1],
      [3, 1],
    ]);
    expect(store.getState().run, 'nothing shown by itself').toBe(shown);

    // The planner steps up: the figures come from what was speculated, no run sent.
    const stepped = setCallTakers(store.getState().scenario.current, 'metcc', 'early', 5) as Record<string, unknown>;
    const hit = await startRun(api, store, { scenario: stepped, label: 'S', days: 1, revision: 9 });
    expect(requests).toHaveLength(2);
    // A direct run of the same scenario, in a fresh simulator.
    const direct = await realApi().api.runScenario({ jobId: 'direct', scenario: stepped, days: 1 });
    expect(hit.ok && direct.ok).toBe(true);
    expect(stable(hit)).toBe(stable(direct));
    expect(store.getState().run.latest?.outcome).toBe(hit);
  });

  it('a change cancels the speculative run at once; a run, a live session opening or playing stops it; none while the figures are not in', async () => {
    const fake = fakeApi();
    const store = createAppStore({ scenario: initialScenarioState(twoBcus, 'x') });
    const stop = startSpeculation(fake.api, store, runs, undefined, { cancelsAtOnce: () => true });
    editScenario(store, (raw) => setBcuUnits(raw, 'A', ALL_DAY, 4), 'Units, A, (all day)');
    await tick();
    expect(fake.runs, 'none before the figures are in').toHaveLength(0);
    // The figures in, and in the same task the live session reopening on the new scenario: none started.
    figuresIn(store);
    update(store, 'live', liveStarting, { jobId: 'live-0' });
    await tick();
    expect(fake.runs).toHaveLength(0);
    expect(fake.cancelled).toHaveLength(0);
    update(store, 'live', frameReceived, { frame: { jobId: 'live-0', playing: false, units: [] } as never, receivedAt: 0 });
    await tick();
    expect(fake.runs.map((r) => r.request.jobId)).toEqual([expect.stringMatching(/^speculate-/)]);
    const first = fake.runs[0]!.request.jobId;
    // The next step: cancelled in the same store update, before any new run is sent.
    editScenario(store, (raw) => setBcuUnits(raw, 'A', ALL_DAY, 5), 'Units, A, (all day)');
    expect(fake.cancelled).toEqual([first]);
    await tick();
    expect(fake.runs, 'nothing new until the figures of the change are in').toHaveLength(1);

    figuresIn(store);
    await tick();
    expect(fake.runs).toHaveLength(2);
    update(store, 'run', runStarted, { jobId: 'user', label: 'x', revision: store.getState().scenario.revision });
    expect(fake.cancelled, 'a run of the user').toHaveLength(2);
    figuresIn(store);
    await tick();
    expect(fake.runs).toHaveLength(3);
    update(store, 'live', liveStarting, { jobId: 'live-1' });
    expect(fake.cancelled, 'a live session opening').toHaveLength(3);
    await tick();
    expect(fake.runs).toHaveLength(3);
    update(store, 'live', frameReceived, { frame: { jobId: 'live-1', playing: true, units: [] } as never, receivedAt: 0 });
    await tick();
    expect(fake.runs, 'not while a live session plays').toHaveLength(3);
    update(store, 'live', frameReceived, { frame: { jobId: 'live-1', playing: false, units: [] } as never, receivedAt: 0 });
    await tick();
    expect(fake.runs, 'again once it is paused').toHaveLength(4);
    stop();
    expect(fake.cancelled, 'stopped: cancelled').toHaveLength(4);
  });

  it('none where a cancel would cost the worker (a browser page without the cancel board)', async () => {
    const fake = fakeApi();
    const store = createAppStore({ scenario: initialScenarioState(twoBcus, 'x') });
    const stop = startSpeculation(fake.api, store, runs, undefined, { cancelsAtOnce: () => false });
    editScenario(store, (raw) => setBcuUnits(raw, 'A', ALL_DAY, 4), 'Units, A, (all day)');
    figuresIn(store);
    await tick();
    expect(fake.runs).toHaveLength(0);
    stop();
  });
});
