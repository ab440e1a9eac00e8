/**
 * The Electron path end to end, minus Electron: the preload's API object -> IPC (a structured-
 * cloning fake) -> the main process's checked handlers -> the worker_threads pool -> the shared
 * sim-worker loop in a real worker thread (here with the fake engine) -> back.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveDriver } from '../../src/host/live-driver';
import { createMainHandlers } from '../../src/main/api-handlers';
import { writeCrashReport } from '../../src/main/crash-report';
import { readScenarioFile } from '../../src/main/files';
import { registerApi } from '../../src/main/ipc';
import { SettingsStore } from '../../src/main/settings';
import { createNodeSimPool, nodeTimers, type SimWorkerPool } from '../../src/node/pool';
import { createPreloadApi } from '../../src/preload/api';
import type { AppEvent, RunProgress } from '../../src/shared/protocol';
import { EVENT_CHANNEL, STREAM_CHANNEL } from '../../src/shared/protocol';
import { FakeIpc } from './fake-electron';

const fakeWorker = path.join(__dirname, '..', 'node', 'pool', 'fixtures', 'fake-sim-worker.ts');
const pools: SimWorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.close();
});

function app(options: { dialogFile?: string } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-app-'));
  const pool = createNodeSimPool({ entry: fakeWorker, size: 2 });
  pools.push(pool);
  const { store: settings } = SettingsStore.load(path.join(dir, 'settings.json'));
  const recentChanges: (readonly string[])[] = [];
  const ipc = new FakeIpc();
  const handlers = createMainHandlers({
    pool: () => pool,
    settings,
    openDialog: async () => (options.dialogFile ? readScenarioFile(options.dialogFile) : { ok: false, reason: 'cancelled' }),
    readFile: readScenarioFile,
    appVersion: '0.1.0',
    workers: pool.size,
    onRecentFilesChanged: (recent) => recentChanges.push(recent),
    writeCrashReport: (title, details) => writeCrashReport(path.join(dir, 'crash-reports'), title, details, { appVersion: '0.1.0', versions: process.versions, platform: process.platform }),
    live: new LiveDriver({ pool: () => pool.dedicated(), timers: nodeTimers, now: () => performance.now() }),
    mapLayers: async () => ({ ok: false, message: 'not used in these tests' }),
  });
  registerApi(ipc.main, handlers, { isTrustedUrl: (url) => url.startsWith('app://renderer/') });
  return { api: createPreloadApi(ipc.renderer), ipc, dir, settings, recentChanges };
}

describe('Electron API round trip (preload -> IPC -> main -> worker thread)', () => {
  it('asks the simulator for its version', async () => {
    const { api } = app();
    const version = await api.version();
    expect(version).toEqual({ app: '0.1.0', sim: 'fake-1 options={}', host: 'electron', workers: 2 });
  });

  it('runs replications across worker threads, streaming progress to the caller only', async () => {
    const { api, ipc } = app();
    const progress: RunProgress[] = [];
    const outcome = await api.runScenario({ jobId: 'r1', scenario: { name: 'a', steps: 5 }, seed: 3, replications: 3 }, (p) => progress.push(p));
    expect(outcome.ok && outcome.results.calls.offered, 'mean of 103, 104, 105').toBe(104);
    expect(outcome.ok && outcome.replications).toBe(3);
    expect(progress.length, 'progress arrived').toBeGreaterThan(3);
    expect(progress.at(-1)).toEqual({ jobId: 'r1', fraction: 1, replicationsDone: 3, replications: 3 });
    expect(ipc.listenerCount(STREAM_CHANNEL), 'the progress listener is removed after the run').toBe(0);
  });

  it('cancels a running job by its id', async () => {
    const { api } = app();
    let cancelled: boolean | null = null;
    const outcome = await api.runScenario({ jobId: 'long', scenario: { name: 'slow', steps: 500, stepMs: 4 } }, () => {
      if (cancelled === null) {
        cancelled = false;
        void api.cancel('long').then((found) => (cancelled = found));
      }
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(cancelled, 'cancel found the job').toBe(true);
    expect(await api.cancel('long'), 'nothing left to cancel').toBe(false);
  });

  it('returns an invalid scenario as a value with every error', async () => {
    const { api } = app();
    expect(await api.runScenario({ jobId: 'bad', scenario: { title: 'x' } })).toEqual({
      ok: false,
      error: { kind: 'invalid-scenario', errors: [{ path: 'name', message: 'expected a string' }] },
    });
  });

  it('writes a crash report for a failure in the simulator and names it', async () => {
    const { api, dir } = app();
    const outcome = await api.runScenario({ jobId: 'boom', scenario: { name: 'b', fail: 'throw' } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.error.kind !== 'failed') throw new Error(`expected failed, got ${JSON.stringify(outcome)}`);
    expect(outcome.error.message).toBe('boom in b');
    expect(path.dirname(outcome.error.crashReport!)).toBe(path.join(dir, 'crash-reports'));
    const text = readFileSync(outcome.error.crashReport!, 'utf8');
    expect(text).toContain('Response Simulator crash report: run failed');
    expect(text).toContain('error: failed: boom in b');
    expect(text, 'the stack is in the report').toMatch(/Error: boom in b\n\s+at /);
  });

  it('a crashed worker ends the run with worker-crashed and a crash report', async () => {
    const { api } = app();
    const outcome = await api.runScenario({ jobId: 'x', scenario: { name: 'x', crash: 'exit' } });
    expect(!outcome.ok && outcome.error.kind).toBe('worker-crashed');
    expect(!outcome.ok && outcome.error.kind === 'worker-crashed' && outcome.error.crashReport).toMatch(/run-worker-crashed\.txt$/);
    const next = await api.runScenario({ jobId: 'y', scenario: { name: 'fine' } });
    expect(next.ok, 'the app carries on with a new worker').toBe(true);
  });

  it('refuses a second job with the same id while the first runs', async () => {
    const { api } = app();
    const first = api.runScenario({ jobId: 'dup', scenario: { name: 'slow', steps: 20, stepMs: 5 } });
    await expect(api.runScenario({ jobId: 'dup', scenario: { name: 'a' } })).rejects.toThrow("job 'dup' is already running");
    expect((await first).ok).toBe(true);
  });

  it('opens a file through the dialog, remembers it, and reopens only remembered files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rs-open-'));
    const file = path.join(dir, 'small.json');
    (await import('node:fs')).writeFileSync(file, JSON.stringify({ name: 'from file' }));
    const { api, recentChanges } = app({ dialogFile: file });
    const opened = await api.openScenarioFile();
    expect(opened).toEqual({ ok: true, file: { path: file, name: 'small.json', raw: { name: 'from file' } } });
    expect((await api.getSettings()).recentFiles).toEqual([file]);
    expect(recentChanges, 'the menu is told').toEqual([[file]]);
    expect((await api.openRecentFile(file)).ok).toBe(true);
    await expect(api.openRecentFile('/etc/passwd')).rejects.toThrow("openRecentFile: '/etc/passwd' is not one of the recent files");
  });

  it('a cancelled dialog changes nothing', async () => {
    const { api, recentChanges } = app();
    expect(await api.openScenarioFile()).toEqual({ ok: false, reason: 'cancelled' });
    expect(recentChanges).toEqual([]);
  });

  it('updates settings through the checked channel', async () => {
    const { api } = app();
    expect((await api.updateSettings({ onlineTiles: true })).onlineTiles).toBe(true);
    await expect(api.updateSettings({ recentFiles: ['/x'] } as never)).rejects.toThrow(/Unrecognized key: "recentFiles"/);
  });

  it('delivers app events to subscribers until they unsubscribe', () => {
    const { api, ipc } = app();
    const seen: AppEvent[] = [];
    const off = api.onAppEvent((e) => seen.push(e));
    for (const l of ipc.rendererListeners.get(EVENT_CHANNEL) ?? []) l({}, { type: 'show-about' });
    off();
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(0);
    expect(seen).toEqual([{ type: 'show-about' }]);
  });
});
