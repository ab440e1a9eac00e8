/** A scriptable `DesktopApi` for component tests: each call is answered the way the test says. */
import type { AppEvent, DesktopApi, RunOutcome, RunProgress, RunRequest, VersionInfo } from '../../src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-schemas';

export interface PendingRun {
  request: RunRequest;
  progress(fraction: number): void;
  finish(outcome: RunOutcome): void;
}

export function fakeApi(overrides: Partial<DesktopApi> = {}) {
  const runs: PendingRun[] = [];
  const cancelled: string[] = [];
  const listeners = new Set<(event: AppEvent) => void>();
  const api: DesktopApi = {
    version: async (): Promise<VersionInfo> => ({ app: '0.1.0', sim: '9.9.9', host: 'browser', workers: 2 }),
    runScenario: (request, onProgress?: (p: RunProgress) => void) =>
      new Promise<RunOutcome>((resolve) => {
        runs.push({
          request,
          progress: (fraction) => onProgress?.({ jobId: request.jobId, fraction, replicationsDone: 0, replications: 1 }),
          finish: resolve,
        });
      }),
    cancel: async (jobId) => {
      cancelled.push(jobId);
      const run = runs.find((r) => r.request.jobId === jobId);
      run?.finish({ ok: false, error: { kind: 'cancelled' } });
      return run !== undefined;
    },
    openScenarioFile: async () => ({ ok: false, reason: 'cancelled' }),
    openRecentFile: async () => ({ ok: false, reason: 'unavailable', message: 'no' }),
    getSettings: async () => DEFAULT_SETTINGS,
    updateSettings: async () => DEFAULT_SETTINGS,
    onAppEvent: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    ...overrides,
  };
  const emit = (event: AppEvent) => {
    for (const l of listeners) l(event);
  };
  return { api, runs, cancelled, emit, listeners };
}
