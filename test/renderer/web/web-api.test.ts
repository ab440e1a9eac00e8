import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../../src/host/loop';
import { SETTINGS_KEY } from '../../../src/web/settings-storage';
import { createWebApi, type WebApiOptions } from '../../../src/web/web-api';
import type { WorkerLike } from '../../../src/web/web-spawn';
import type { AppEvent, RunProgress } from '../../../src/shared/protocol';
import { fakeSimulator } from '../../host/fakes';

/** A Web Worker stand-in: the shared loop with the fake engine, answering asynchronously. */
class LoopWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  private readonly host = createSimHost({
    simulator: fakeSimulator().simulator,
    post: (message) => setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(message) } as MessageEvent), 0),
  });
  /** A worker busy with a long run: calls get no answer (and cancel messages are not seen). */
  stalled = false;
  postMessage(message: unknown): void {
    if (this.stalled) return;
    setTimeout(() => !this.terminated && void this.host.receive(structuredClone(message)), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** An error event as a browser raises it for an uncaught exception in the worker. */
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
}

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

function webApi(overrides: Partial<WebApiOptions> = {}) {
  const workers: LoopWorker[] = [];
  const storage = memoryStorage();
  const keyboard = new EventTarget();
  const api = createWebApi({
    createWorker: () => {
      const w = new LoopWorker();
      workers.push(w);
      return w;
    },
    workers: 2,
    appVersion: '0.1.0',
    storage,
    pickFile: async () => null,
    keyboard,
    ...overrides,
  });
  return { api, workers, storage, keyboard };
}

describe('browser API (Web Workers)', () => {
  it('reports the simulator version from a worker', async () => {
    const { api } = webApi();
    expect(await api.version()).toEqual({ app: '0.1.0', sim: 'fake-1', host: 'browser', workers: 2 });
    api.close();
  });

  it('runs replications over its workers with progress', async () => {
    const { api, workers } = webApi();
    const progress: RunProgress[] = [];
    const outcome = await api.runScenario({ jobId: 'w', scenario: { name: 'a' }, seed: 1, replications: 2 }, (p) => progress.push(p));
    expect(outcome.ok && outcome.results.calls.offered, 'mean of 101 and 102').toBe(101.5);
    expect(workers).toHaveLength(2);
    expect(progress.at(-1)).toEqual({ jobId: 'w', fraction: 1, replicationsDone: 2, replications: 2 });
    api.close();
  });

  it('a worker error fails the run with worker-crashed and the next run gets a new worker', async () => {
    const { api, workers } = webApi({ workers: 1 });
    const run = api.runScenario({ jobId: 'x', scenario: { name: 'a', steps: 50 } });
    await new Promise((r) => setTimeout(r, 0));
    workers[0]!.fail('Uncaught RangeError: out of memory');
    expect(await run).toEqual({ ok: false, error: { kind: 'worker-crashed', message: 'sim worker error: Uncaught RangeError: out of memory' } });
    expect(workers[0]!.terminated).toBe(true);
    expect((await api.runScenario({ jobId: 'y', scenario: { name: 'a' } })).ok).toBe(true);
    api.close();
  });

  it('cancel ends a run whose worker is busy: it is terminated after hardCancelMs and replaced', async () => {
    const { api, workers } = webApi({ workers: 1, hardCancelMs: 20 });
    await api.version(); // start the worker
    workers[0]!.stalled = true; // a run holds a Web Worker's thread: it cannot read the cancel message
    const run = api.runScenario({ jobId: 'c', scenario: { name: 'a' } });
    expect(await api.cancel('c')).toBe(true);
    expect(await run).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(workers[0]!.terminated, 'the busy worker was terminated').toBe(true);
    expect(await api.cancel('c'), 'nothing left').toBe(false);
    expect((await api.runScenario({ jobId: 'd', scenario: { name: 'a' } })).ok, 'a new worker runs the next job').toBe(true);
    expect(workers).toHaveLength(2);
    api.close();
  });

  it('cancel of a job queued behind another never reaches a worker', async () => {
    const { api, workers } = webApi({ workers: 1 });
    const first = api.runScenario({ jobId: 'first', scenario: { name: 'a' } });
    const queued = api.runScenario({ jobId: 'queued', scenario: { name: 'a' } });
    expect(await api.cancel('queued')).toBe(true);
    expect(await queued).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect((await first).ok).toBe(true);
    expect(workers).toHaveLength(1);
    api.close();
  });

  it('refuses a job id that is already running', async () => {
    const { api } = webApi();
    const first = api.runScenario({ jobId: 'd', scenario: { name: 'a' } });
    await expect(api.runScenario({ jobId: 'd', scenario: { name: 'a' } })).rejects.toThrow("job 'd' is already running");
    await first;
    api.close();
  });

  it('keeps settings in storage, checked like the desktop does', async () => {
    const { api, storage } = webApi();
    expect((await api.getSettings()).onlineTiles).toBe(false);
    expect((await api.updateSettings({ onlineTiles: true })).onlineTiles).toBe(true);
    expect(JSON.parse(storage.items.get(SETTINGS_KEY)!).onlineTiles).toBe(true);
    await expect(api.updateSettings({ tileUrl: 'ftp://x/{z}' })).rejects.toThrow("updateSettings: bad arguments: args[0].tileUrl: tile URL 'ftp://x/{z}' must start with https:// and a host");
    api.close();
  });

  it('cannot reopen files by path, and says so as a value', async () => {
    const { api } = webApi();
    expect(await api.openRecentFile('/home/me/s.json')).toEqual({
      ok: false,
      reason: 'unavailable',
      message: 'the browser build cannot reopen /home/me/s.json by its path; use Open scenario',
    });
    api.close();
  });

  it('Ctrl+O opens a scenario and tells subscribers, as the desktop menu does', async () => {
    const file = { name: 'picked.json', size: 17, text: async () => JSON.stringify({ name: 'picked' }) };
    const { api, keyboard } = webApi({ pickFile: async () => file });
    const events: AppEvent[] = [];
    const off = api.onAppEvent((e) => events.push(e));
    const key = new KeyboardEvent('keydown', { key: 'o', ctrlKey: true, cancelable: true });
    keyboard.dispatchEvent(key);
    expect(key.defaultPrevented, "the browser's own open dialog is kept out").toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual([{ type: 'scenario-opened', file: { path: 'picked.json', name: 'picked.json', raw: { name: 'picked' } } }]);
    off();
    keyboard.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', ctrlKey: true }));
    await new Promise((r) => setTimeout(r, 10));
    expect(events, 'no events after unsubscribing').toHaveLength(1);
    keyboard.dispatchEvent(new KeyboardEvent('keydown', { key: 'o' }));
    api.close();
  });
});
