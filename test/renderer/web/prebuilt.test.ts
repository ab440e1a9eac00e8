/**
 * The browser build's prebuilt outcomes (src/web/prebuilt.ts): used only for the request they were
 * made for, checked against a worker's own run, and dropped when a worker answers otherwise; the
 * live session's first frame shown before the worker opens the session.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimHost } from '../../../src/host/loop';
import type { LiveFrame, LiveWorkerFrame, RunOutcome } from '../../../src/shared/protocol';
import { canonicalJson } from '../../../src/shared/scenario/canonical';
import { outcomeText, Prebuilt, sameOutcome, type PrebuiltFile } from '../../../src/web/prebuilt';
import { createWebApi } from '../../../src/web/web-api';
import type { WorkerLike } from '../../../src/web/web-spawn';
import { fakeSimulator } from '../../host/fakes';

/** Replies to `liveOpen` held back until `releaseLiveOpen()` (a live session opening), when `holdLiveOpen` is set. */
const holding = { holdLiveOpen: false, held: [] as (() => void)[] };
const releaseLiveOpen = (): void => {
  holding.holdLiveOpen = false;
  for (const send of holding.held.splice(0)) send();
};

class LoopWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly calls: string[] = [];
  private readonly host = createSimHost({
    simulator: fakeSimulator().simulator,
    post: (message) => {
      const send = () => setTimeout(() => this.onmessage?.({ data: structuredClone(message) } as MessageEvent), 0);
      if (holding.holdLiveOpen && message.type === 'reply' && message.call === 'liveOpen') holding.held.push(send);
      else send();
    },
  });
  postMessage(message: unknown): void {
    const call = (message as { call?: string }).call;
    if (call) this.calls.push(call);
    setTimeout(() => void this.host.receive(structuredClone(message)), 0);
  }
  terminate(): void {}
}

function webApi(prebuilt?: Prebuilt | null, liveFrame?: LiveWorkerFrame) {
  const workers: LoopWorker[] = [];
  const api = createWebApi({
    createWorker: () => {
      const w = new LoopWorker();
      workers.push(w);
      return w;
    },
    appVersion: '0.1.0',
    storage: { getItem: () => null, setItem: () => {} },
    pickFile: async () => null,
    liveFrameMs: 20,
    ...(prebuilt === undefined ? {} : { prebuilt: { ready: Promise.resolve(prebuilt), live: Promise.resolve(liveFrame && prebuilt?.addLive(liveFile(liveFrame))) } }),
  });
  return { api, workers, calls: () => workers.flatMap((w) => w.calls) };
}

const SCENARIO = { name: 'baseline', steps: 3, areas: { b: 1, a: 2 } };
const SAME_REORDERED = { areas: { a: 2, b: 1 }, steps: 3, name: 'baseline' };

function file(outcome: RunOutcome, days = 1): PrebuiltFile {
  return { format: 'response-sim-prebuilt/1', sim: 'fake-1', scenario: canonicalJson(SCENARIO), runs: [{ days, outcome }] };
}

function liveFile(frame: LiveWorkerFrame) {
  return { format: 'response-sim-prebuilt-live/1', sim: 'fake-1', scenario: canonicalJson(SCENARIO), days: 2, frame };
}

const until = async (check: () => boolean, what: string) => {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

afterEach(() => {
  vi.restoreAllMocks();
  releaseLiveOpen();
});

describe('prebuilt outcomes', () => {
  it('answer only the request they were made for: the same scenario in any key order, days, no seed, one replication, no replay', () => {
    const outcome: RunOutcome = { ok: true, results: {} as never, replications: 1, wallMs: 5 };
    const prebuilt = Prebuilt.from(JSON.parse(JSON.stringify(file(outcome))), 'fake-1')!;
    expect(prebuilt.run({ scenario: SAME_REORDERED, days: 1 })).toEqual(outcome);
    expect(prebuilt.run({ scenario: { ...SCENARIO, steps: 4 }, days: 1 })).toBeNull();
    expect(prebuilt.run({ scenario: SCENARIO, days: 2 })).toBeNull();
    expect(prebuilt.run({ scenario: SCENARIO, days: 1, seed: 3 })).toBeNull();
    expect(prebuilt.run({ scenario: SCENARIO, days: 1, replications: 2 })).toBeNull();
    expect(prebuilt.run({ scenario: SCENARIO, days: 1, trace: { name: 'x.csv', csv: '' } })).toBeNull();
    expect(Prebuilt.from(file(outcome), 'another-version')).toBeNull();
    expect(Prebuilt.from({ format: 'something else' }, 'fake-1')).toBeNull();
  });

  it('answer at once, then a worker runs the same request in the background and finds the same results', async () => {
    // What the workers give for the scenario, as the build would have made it.
    const plain = webApi(null);
    const own = await plain.api.runScenario({ jobId: 'own', scenario: SCENARIO, days: 1 });
    const { api, calls } = webApi(Prebuilt.from(JSON.parse(JSON.stringify(file(own))), 'fake-1'));
    const error = vi.spyOn(console, 'error');
    const answered = await api.runScenario({ jobId: 'first', scenario: SAME_REORDERED, days: 1 });
    expect(outcomeText(answered)).toBe(outcomeText(own));
    // The check (also the first worker's warm-up) starts once the worker has its world (no live session is opening).
    await until(() => performance.getEntriesByName('rs:prebuilt-checked-1d').length > 0, 'the check');
    expect(calls()).toEqual(['run']);
    expect(error).not.toHaveBeenCalled();
    // A changed scenario goes to the workers.
    const changed = await api.runScenario({ jobId: 'changed', scenario: { ...SCENARIO, steps: 5 }, days: 1 });
    expect(changed.ok).toBe(true);
    expect(calls()).toEqual(['run', 'run']);
  });

  it('are checked (the first worker warmed) also when the page answered them before the host was there', async () => {
    const plain = webApi(null);
    const own = await plain.api.runScenario({ jobId: 'own', scenario: SCENARIO, days: 1 });
    const { api, calls } = webApi(Prebuilt.from(JSON.parse(JSON.stringify(file(own))), 'fake-1'));
    performance.clearMarks('rs:prebuilt-checked-1d');
    // At once, as the page's first-data chunk tells a host just made (src/web/page-early.ts).
    api.prebuiltUsed(SAME_REORDERED);
    await until(() => performance.getEntriesByName('rs:prebuilt-checked-1d').length > 0, 'the check');
    expect(calls()).toEqual(['run']);
  });

  it("are checked only once no live session is opening (its worker's own first frame): the two cores go to the session first", async () => {
    const plain = webApi(null);
    const own = await plain.api.runScenario({ jobId: 'own', scenario: SCENARIO, days: 1 });
    const { api, calls } = webApi(Prebuilt.from(JSON.parse(JSON.stringify(file(own))), 'fake-1'));
    performance.clearMarks('rs:prebuilt-checked-1d');
    holding.holdLiveOpen = true;
    const frames: LiveFrame[] = [];
    const session = api.liveStart({ jobId: 'L', scenario: SCENARIO, days: 2, warm: true }, (f) => frames.push(f));
    await api.runScenario({ jobId: 'first', scenario: SCENARIO, days: 1 });
    await until(() => calls().includes('liveOpen'), 'the session opening');
    await new Promise((r) => setTimeout(r, 30));
    expect(calls(), 'no check run while the session opens').toEqual(['liveOpen']);
    releaseLiveOpen();
    await until(() => performance.getEntriesByName('rs:prebuilt-checked-1d').length > 0, 'the check');
    expect(frames.length).toBeGreaterThan(0);
    expect(calls()).toEqual(['liveOpen', 'run']);
    await api.cancel('L');
    await session;
  });

  it("warm the first worker in the background, but a changed number gets its own run's figures, never the warm-up's", async () => {
    const plain = webApi(null);
    const own = await plain.api.runScenario({ jobId: 'own', scenario: SCENARIO, days: 1 });
    const changedOwn = await plain.api.runScenario({ jobId: 'own-changed', scenario: { ...SCENARIO, steps: 5 }, days: 1 });
    const { api, calls } = webApi(Prebuilt.from(JSON.parse(JSON.stringify(file(own))), 'fake-1'));
    await api.runScenario({ jobId: 'first', scenario: SCENARIO, days: 1 });
    // The user changes a number while the warm-up is starting or going.
    await new Promise((r) => setTimeout(r, 0));
    const changed = await api.runScenario({ jobId: 'changed', scenario: { ...SCENARIO, steps: 5 }, days: 1 });
    expect(outcomeText(changed)).toBe(outcomeText(changedOwn));
    expect(calls().filter((c) => c === 'run').length, "at most the warm-up's run beside the user's").toBeLessThanOrEqual(2);
  });

  it('are dropped, with an error on the console, when a worker gives other results; and a run asked for cancels the check', async () => {
    const plain = webApi(null);
    const own = await plain.api.runScenario({ jobId: 'own', scenario: SCENARIO, days: 1 });
    if (!own.ok) throw new Error('expected a run');
    const wrong: RunOutcome = { ...own, results: { ...own.results, calls: { ...own.results.calls, offered: own.results.calls.offered + 1 } } };
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api, calls } = webApi(Prebuilt.from(JSON.parse(JSON.stringify(file(wrong))), 'fake-1'));
    expect(outcomeText(await api.runScenario({ jobId: 'a', scenario: SCENARIO, days: 1 }))).toBe(outcomeText(wrong));
    await until(() => error.mock.calls.length > 0, 'the mismatch reported');
    const again = await api.runScenario({ jobId: 'b', scenario: SCENARIO, days: 1 });
    expect(outcomeText(again)).toBe(outcomeText(own));
    expect(calls()).toEqual(['run', 'run']);
  });

  it("show the live session's first frame at once; the worker opens the session behind it, and Play runs on from it", async () => {
    const plain = webApi(null);
    const first: LiveFrame[] = [];
    const session = plain.api.liveStart({ jobId: 'L0', scenario: SCENARIO, days: 2, warm: true }, (f) => first.push(f));
    await until(() => first.length > 0, 'a first frame');
    await plain.api.cancel('L0');
    await session;
    const { jobId: _j, seq: _s, playing: _p, speed: _v, ...frame } = first[0]!;
    const prebuiltFrame = { ...frame, workMs: 0 } as LiveWorkerFrame;
    const { api, calls } = webApi(Prebuilt.from(file({ ok: false, error: { kind: 'cancelled' } }), 'fake-1'), prebuiltFrame);
    const frames: LiveFrame[] = [];
    const done = api.liveStart({ jobId: 'L1', scenario: SAME_REORDERED, days: 2, warm: true }, (f) => frames.push(f));
    await until(() => frames.length > 0, 'the prebuilt frame');
    expect(frames[0]!.tS).toBe(prebuiltFrame.tS);
    expect(await api.liveControl('L1', { kind: 'play' })).toEqual(expect.objectContaining({ playing: true }));
    await until(() => frames.length > 2, 'frames played on');
    // The session opened in the worker first, then advanced; its own first frame (the same) was not shown again.
    expect(calls().slice(0, 2)).toEqual(['liveOpen', 'liveAdvance']);
    expect(frames.filter((f) => f.tS === prebuiltFrame.tS && f.seq > 0)).toEqual([]);
    await api.cancel('L1');
    await done;
  });

  it('agree when only the last bits of a floating-point figure differ (another engine Math.log), never when a count or a visible figure does', async () => {
    const own = await webApi(null).api.runScenario({ jobId: 'own', scenario: SCENARIO, days: 1 });
    if (!own.ok) throw new Error('expected a run');
    const withCalls = (calls: Record<string, unknown>): RunOutcome => ({ ...own, results: { ...own.results, calls: { ...own.results.calls, ...calls } } });
    const mean = own.results.calls.meanAnswerS ?? 1;
    expect(sameOutcome(own, JSON.parse(JSON.stringify(own)) as RunOutcome)).toBe(true);
    expect(sameOutcome(own, withCalls({ meanAnswerS: mean * (1 + 1e-14) + 1e-300 }))).toBe(true);
    expect(sameOutcome(own, withCalls({ meanAnswerS: mean * (1 + 1e-6) + 1e-6 }))).toBe(false);
    expect(sameOutcome(own, withCalls({ offered: own.results.calls.offered + 1 }))).toBe(false);
    expect(sameOutcome(own, withCalls({ extra: 1 }))).toBe(false);
  });
});
