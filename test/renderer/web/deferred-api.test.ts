import { describe, expect, it, vi } from 'vitest';
import { deferredApi } from '../../../src/web/deferred-api';
import type { AppEvent, DesktopApi } from '../../../src/shared/protocol';

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

  it('a failed load fails each call with its error', async () => {
    const api = deferredApi(Promise.reject(new Error('chunk not fetched')));
    await expect(api.version()).rejects.toThrow('chunk not fetched');
  });
});
