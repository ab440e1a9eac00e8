/**
 * The page's fetch worker (./worker-fetch.ts): fetches the data files the page shares with its sim
 * workers (./shared-fetch.ts) into `SharedArrayBuffer`s on a thread of its own, from the moment it
 * starts (the page's first data chunk, ./page-early.ts, starts it), so the 51 MB graph's chunks do
 * not wait for the page's tasks (its first renders) as they did on the page's main thread.
 *
 * It fetches each shared file in turn, the graph first, where the page may share memory, and keeps
 * them until the page asks: one message, `{ urls }`, answered at once `{ type: 'asked' }` (the page
 * then knows it is alive), then `{ type: 'fetched', url, buffer }` per URL in turn (buffer null: it
 * could not be fetched, the sim workers fetch it themselves); then the worker closes.
 */
import { FETCH_ASKED, FETCH_REPLY, SHARED_DATA_FILES, fetchShared, sharesData, type FetchReply, type FetchRequest } from './shared-fetch';
import { mark } from './timeline';

interface FetchScope {
  onmessage: ((event: MessageEvent<FetchRequest>) => void) | null;
  postMessage(message: FetchReply | { readonly type: typeof FETCH_ASKED }): void;
  close(): void;
  readonly location: { readonly href: string };
}

mark('fetch-worker-script');
const scope = self as unknown as FetchScope;
// The script is emitted into assets/ (vite.web.config.ts), so the site's data/ folder is ../data/.
const base = new URL('../data/', scope.location.href).href;
const epochMs = (): number => performance.timeOrigin + performance.now();

/** `url` fetched, with when (epoch ms: the page marks it in its timeline, this worker being gone by then). */
async function fetched(url: string): Promise<Omit<FetchReply, 'type'>> {
  const from = epochMs();
  const buffer = await fetchShared(url);
  return { url, buffer, fetchedMs: [from, epochMs()] };
}

const started = new Map<string, Promise<Omit<FetchReply, 'type'>>>();
if (sharesData()) {
  let previous: Promise<unknown> = Promise.resolve();
  for (const file of SHARED_DATA_FILES) {
    const url = new URL(file, base).href;
    const bytes = previous.then(() => fetched(url));
    started.set(url, bytes);
    previous = bytes;
  }
}

scope.onmessage = (event) => {
  scope.onmessage = null;
  scope.postMessage({ type: FETCH_ASKED });
  void (async () => {
    for (const url of event.data.urls) scope.postMessage({ type: FETCH_REPLY, ...(await (started.get(url) ?? fetched(url))) });
    scope.close();
  })();
};
