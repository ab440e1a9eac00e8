/**
 * A `DesktopApi` usable at once whose implementation arrives later: the browser build fetches its
 * host side (the worker pool, the batch and live drivers, the argument schemas with zod) as a chunk
 * of its own while the page draws (issue 14, aim 6: the main chunk under 300 kB). Every call waits
 * for it and is then passed on unchanged; `onAppEvent` subscribes once it is there. A run is first
 * offered to `early` (./page-early.ts: the prebuilt figures, in a small chunk that comes sooner),
 * and goes on to the API only when that answers null (or failed to load). Open scenario starts its
 * picker at once with `pick` (./open-picker.ts: a browser shows one only within seconds of the
 * click) and hands what is picked to the API's `openPicked`.
 */
import { API_CHANNELS, type ApiCallName, type AppEvent, type DesktopApi } from '../shared/protocol';
import type { Picked } from './open-picker';
import type { WebApi } from './web-api';

export function deferredApi(
  loading: Promise<DesktopApi & Partial<Pick<WebApi, 'openPicked'>>>,
  early?: Promise<{ run(...args: never[]): Promise<unknown> }>,
  pick?: () => Promise<Picked>,
): DesktopApi {
  const calls = Object.fromEntries(
    (Object.keys(API_CHANNELS) as ApiCallName[]).map((name) => [
      name,
      async (...args: unknown[]) => {
        if (name === 'openScenarioFile' && pick) {
          const picking = pick(); // now, in the click: not after the host chunk arrives
          return (await loading).openPicked!(picking);
        }
        const quick = name === 'runScenario' && early ? await early.then((e) => e.run(...(args as never[])), () => null) : null;
        if (quick) return quick;
        const api = await loading;
        return (api[name] as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  );
  return {
    ...calls,
    onAppEvent(listener: (event: AppEvent) => void) {
      let unsubscribe: (() => void) | null = null;
      let done = false;
      void loading.then((api) => {
        if (!done) unsubscribe = api.onAppEvent(listener);
      });
      return () => {
        done = true;
        unsubscribe?.();
      };
    },
  } as DesktopApi;
}
