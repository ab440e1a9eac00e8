/**
 * A `DesktopApi` usable at once whose implementation arrives later: the browser build fetches its
 * host side (the worker pool, the batch and live drivers, the argument schemas with zod) as a chunk
 * of its own while the page draws (issue 14, aim 6: the main chunk under 300 kB). Every call waits
 * for it and is then passed on unchanged; `onAppEvent` subscribes once it is there.
 */
import { API_CHANNELS, type ApiCallName, type AppEvent, type DesktopApi } from '../shared/protocol';

export function deferredApi(loading: Promise<DesktopApi>): DesktopApi {
  const calls = Object.fromEntries(
    (Object.keys(API_CHANNELS) as ApiCallName[]).map((name) => [
      name,
      async (...args: unknown[]) => {
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
