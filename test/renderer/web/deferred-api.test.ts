import { describe, expect, it, vi } from 'vitest';
import { deferredApi } from '../../../src/web/deferred-api';
import type { AppEvent, DesktopApi, OpenFileOutcome } from '../../../src/shared/protocol';
import type { Picked } from '../../../src/web/open-picker';

describe('deferredApi', () => {
  it('passes every call on, with its arguments and listener, once the API is there', async () => {
    let arrive!: (api: DesktopApi) => void;
    const api = deferredApi(new Promise((resolve) => (arrive = resolve)));
    const cancel = vi.fn(async (jobId: string) => jobId === 'a');
    const runScenario = vi.fn(async (_request: unknown, onProgress?: (p: unknown) => void) => {
      onProgress?.({ fraction: 1 });
      return { ok: false as const, error: { kind: 'cancelled' as const } };
    });
    const listeners: ((event: AppEvent) => void)[] = [];
    const early = api.cancel('a');
    const progress = vi.fn();
    const run = api.runScenario({ jobId: 'j', scenario: {} }, progress);
    const heard = vi.fn();
    api.onAppEvent(heard);
    arrive({ cancel, runScenario, onAppEvent: (l: (event: AppEvent) => void) => (listeners.push(l), () => undefined) } as unknown as DesktopApi);
    await expect(early).resolves.toBe(true);
    await expect(run).resolves.toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(runScenario.mock.calls[0]![0]).toEqual({ jobId: 'j', scenario: {} });
    expect(progress).toHaveBeenCalledWith({ fraction: 1 });
    listeners[0]!({ type: 'open-failed', message: 'x' });
    expect(heard).toHaveBeenCalledWith({ type: 'open-failed', message: 'x' });
  });

  it('does not subscribe a listener that unsubscribed before the API arrived', async () => {
    const onAppEvent = vi.fn(() => () => undefined);
    const loading = Promise.resolve({ onAppEvent } as unknown as DesktopApi);
    const api = deferredApi(loading);
    api.onAppEvent(() => undefined)();
    await loading;
    await Promise.resolve();
    expect(onAppEvent).not.toHaveBeenCalled();
  });

  it("Open scenario shows its picker at the call, before the API is there, and hands the pick to the API's openPicked", async () => {
    let arrive!: (api: DesktopApi & { openPicked: (picking: Promise<Picked>) => Promise<OpenFileOutcome> }) => void;
    const picked = { file: { name: 'a.json', size: 2, text: async () => '{}' } };
    const pick = vi.fn(async (): Promise<Picked> => picked);
    const api = deferredApi(new Promise((resolve) => (arrive = resolve)), undefined, pick);
    const opening = api.openScenarioFile();
    expect(pick, 'in the click, not when the host chunk arrives').toHaveBeenCalledTimes(1);
    const openScenarioFile = vi.fn();
    const openPicked = vi.fn(async (picking: Promise<Picked>) => ({ ok: true as const, file: { path: 'p', name: String((await picking) === picked), raw: {} } }));
    arrive({ openScenarioFile, openPicked } as unknown as DesktopApi & { openPicked: typeof openPicked });
    await expect(opening).resolves.toEqual({ ok: true, file: { path: 'p', name: 'true', raw: {} } });
    expect(openScenarioFile, 'no second picker').not.toHaveBeenCalled();
    expect(pick).toHaveBeenCalledTimes(1);
  });

  it('a failed load fails each call with its error', async () => {
    const api = deferredApi(Promise.reject(new Error('chunk not fetched')));
    await expect(api.version()).rejects.toThrow('chunk not fetched');
  });
});
