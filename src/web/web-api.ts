/**
 * The browser implementation of `DesktopApi`: the same batch runs as the desktop (src/host/batch.ts)
 * on a pool of Web Workers running the shared sim-worker loop; settings in localStorage; files
 * through the browser's picker. Ctrl/Cmd+O opens a scenario, as the desktop's File menu does.
 */
import { runBatch } from '../host/batch';
import { describeRunError } from '../host/describe';
import { SimWorkerPool, type Timers } from '../host/pool';
import type { AppEvent, DesktopApi, OpenFileOutcome, VersionInfo } from '../shared/protocol';
import { readPickedFile, type PickedFile } from './pick-file';
import { loadSettings, saveSettingsPatch, type StorageLike } from './settings-storage';
import { webSpawn, type WorkerLike } from './web-spawn';

export interface WebApiOptions {
  readonly createWorker: () => WorkerLike;
  /** sim workers (default 1) */
  readonly workers?: number;
  readonly appVersion: string;
  readonly storage: StorageLike;
  /** shows a file picker; null = the user cancelled */
  readonly pickFile: () => Promise<PickedFile | null>;
  /** where Ctrl/Cmd+O is listened for (none in tests) */
  readonly keyboard?: Pick<EventTarget, 'addEventListener'>;
  /** milliseconds a cancelled run may take before its worker is terminated (default 250) */
  readonly hardCancelMs?: number;
  readonly timers?: Timers;
}

const browserTimers: Timers = {
  after(ms, fn) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

export function createWebApi(options: WebApiOptions): DesktopApi & { close(): void } {
  const pool = new SimWorkerPool({
    size: options.workers ?? 1,
    spawn: webSpawn(options.createWorker),
    timers: options.timers ?? browserTimers,
    hardCancelMs: options.hardCancelMs ?? 250,
  });
  const running = new Set<string>();
  const listeners = new Set<(event: AppEvent) => void>();
  let simVersion: string | null = null;

  const openScenarioFile = async (): Promise<OpenFileOutcome> => readPickedFile(await options.pickFile());

  options.keyboard?.addEventListener('keydown', (event) => {
    const key = event as KeyboardEvent;
    if ((key.ctrlKey || key.metaKey) && !key.altKey && key.key.toLowerCase() === 'o') {
      key.preventDefault(); // the browser's own "open file" would leave the app
      void openScenarioFile().then((outcome) => {
        const appEvent: AppEvent | null = outcome.ok
          ? { type: 'scenario-opened', file: outcome.file }
          : outcome.reason === 'cancelled'
            ? null
            : { type: 'open-failed', message: outcome.message };
        if (appEvent) for (const listener of listeners) listener(appEvent);
      });
    }
  });

  return {
    async version(): Promise<VersionInfo> {
      if (simVersion === null) {
        const reply = await pool.call('version', {});
        if (!reply.ok) throw new Error(`the sim worker did not report its version: ${describeRunError(reply.error)}`);
        simVersion = reply.value.sim;
      }
      return { app: options.appVersion, sim: simVersion, host: 'browser', workers: pool.size };
    },
    async runScenario(request, onProgress) {
      if (running.has(request.jobId)) throw new Error(`runScenario: job '${request.jobId}' is already running; job ids must be unique`);
      running.add(request.jobId);
      try {
        return await runBatch(pool, request, onProgress);
      } finally {
        running.delete(request.jobId);
      }
    },
    async cancel(jobId) {
      return pool.cancel(jobId);
    },
    openScenarioFile,
    async openRecentFile(file) {
      return { ok: false, reason: 'unavailable', message: `the browser build cannot reopen ${file} by its path; use Open scenario…` };
    },
    async getSettings() {
      return loadSettings(options.storage);
    },
    async updateSettings(patch) {
      return saveSettingsPatch(options.storage, patch);
    },
    onAppEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: () => pool.close(),
  };
}
