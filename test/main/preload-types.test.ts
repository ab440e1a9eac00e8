/**
 * The preload's calls are typed by the contract (src/preload/api.ts `IpcRendererLike`): a call's
 * result and arguments follow from its channel, so wiring a method to another call's channel,
 * passing another call's arguments, or listening for the wrong message on a push channel does not
 * compile. `npm run typecheck` checks the
 * `@ts-expect-error` lines below: each must be an error, or the typecheck fails.
 */
import { describe, expect, it } from 'vitest';
import { createPreloadApi } from '../../src/preload/api';
import { API_CHANNELS, EVENT_CHANNEL, STREAM_CHANNEL, type AppEvent, type DesktopApi } from '../../src/shared/protocol';
import { FakeIpc } from './fake-electron';

describe('preload calls typed from the contract', () => {
  it('a method wired to the wrong channel, or given the wrong arguments, does not compile', async () => {
    const ipc = new FakeIpc();
    const miswired: Pick<DesktopApi, 'version' | 'cancel'> = {
      // @ts-expect-error mapLayers' channel answers a MapLayersOutcome, not the VersionInfo `version` promises
      version: () => ipc.renderer.invoke(API_CHANNELS.mapLayers, 'london-boroughs'),
      // @ts-expect-error cancel takes a job id (string), not a number
      cancel: () => ipc.renderer.invoke(API_CHANNELS.cancel, 42),
    };
    // At run time the page would get the wrong call's answer: there is no handler here at all.
    await expect(miswired.version()).rejects.toThrow(/No handler registered for 'api:mapLayers'/);
  });

  it('a listener on a push channel takes what main sends on that channel', () => {
    const ipc = new FakeIpc();
    const onEvent = (_event: unknown, appEvent: AppEvent): string => appEvent.type;
    ipc.renderer.on(EVENT_CHANNEL, onEvent);
    // @ts-expect-error the stream channel carries StreamMessages, not AppEvents
    ipc.renderer.on(STREAM_CHANNEL, onEvent);
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(1);
  });

  it('the real preload API compiles against DesktopApi without a cast', () => {
    const api: DesktopApi = createPreloadApi(new FakeIpc().renderer);
    expect(Object.keys(API_CHANNELS).every((name) => typeof api[name as keyof typeof API_CHANNELS] === 'function')).toBe(true);
  });
});
