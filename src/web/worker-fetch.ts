/**
 * The page's fetches of the shared data files (./shared-fetch.ts) done in a worker of their own
 * (./fetch.worker.ts, a few kB), which the page's first data chunk (./page-early.ts) starts: it
 * fetches them from the moment it runs and hands them over when the page asks (at once). The page's
 * main thread only hands the buffers on (./shared-files.ts); the 51 MB graph's chunks no longer
 * wait for the page's first renders.
 *
 * Measured (2026-12-07 20:20-20:40, load 7-10, alternately against main's build): the graph came no
 * sooner (its fetch took 2.2-3.5 s in the worker as on the page: at that load the transfer, not the
 * page's thread, held it back; a worker started by the entry before the first render fetched no
 * sooner either, its script being loaded through the page's busy thread).
 *
 * Each file is still fetched once. Unhappy paths: a file the worker could not fetch is null (the
 * sim workers fetch it themselves, as when the page's own fetch failed); a fetch worker that cannot
 * be started, fails (its script did not load, it threw, a message could not be read, an answer
 * that makes no sense) or does not answer the page's message within `ACK_MS` is ended, and the
 * files it has not answered are left to the page's own fetch on its main thread, as before.
 */
import { FETCH_ASKED, FETCH_REPLY, SHARED_DATA_FILES, fetchShared, sharesData, type FetchReply, type FetchRequest, type SharedFetches } from './shared-fetch';
import { mark } from './timeline';

/** Milliseconds the fetch worker has to say it got the page's message (it answers at once; a worker whose script failed before the page listened never does). */
export const ACK_MS = 5000;

/** The part of `Worker` used here (a fake in tests). */
export interface FetchWorkerLike {
  postMessage(message: FetchRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export const startFetchWorker = (): FetchWorkerLike => new Worker(new URL('./fetch.worker.ts', import.meta.url), { type: 'module', name: 'fetch-worker' });

function isReply(message: unknown): message is FetchReply {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<FetchReply>;
  return m.type === FETCH_REPLY && typeof m.url === 'string' && (m.buffer === null || (typeof SharedArrayBuffer === 'function' && m.buffer instanceof SharedArrayBuffer));
}

/** The fetch worker's span of a file as `name:start`/`name:end` marks in the page's timeline (./timeline.ts). */
function markSpan(name: string, epochMs: readonly [number, number] | undefined): void {
  if (!epochMs) return;
  try {
    performance.mark(`rs:${name}:start`, { startTime: epochMs[0] - performance.timeOrigin });
    performance.mark(`rs:${name}:end`, { startTime: epochMs[1] - performance.timeOrigin });
  } catch {
    // no User Timing here: the marks are only for measuring
  }
}

type After = (ms: number, fn: () => void) => () => void;
const afterMs: After = (ms, fn) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

/**
 * The files at `urls` from a fetch worker, in shared memory: one promise per URL, never rejecting
 * (null: fetch it yourself). The page asks at once; its own fetch, where the worker fails, waits
 * for `after` (it never rejects).
 *
 * @param start the fetch worker (perhaps started already), or a throw where there is none
 * @param fallback the page's own fetch, for the files a failed or missing fetch worker left
 */
export function fetchInWorker(
  urls: readonly string[],
  after: Promise<void> = Promise.resolve(),
  start: () => FetchWorkerLike = startFetchWorker,
  fallback: (url: string) => Promise<SharedArrayBuffer | null> = fetchShared,
  timer: After = afterMs,
): readonly Promise<SharedArrayBuffer | null>[] {
  const settles = new Map<string, (buffer: Promise<SharedArrayBuffer | null> | SharedArrayBuffer | null) => void>();
  const promises = urls.map((url) => new Promise<SharedArrayBuffer | null>((resolve) => settles.set(url, resolve)));
  const answer = (url: string, buffer: Promise<SharedArrayBuffer | null> | SharedArrayBuffer | null): void => {
    const settle = settles.get(url);
    settles.delete(url);
    settle?.(buffer);
  };
  /** The page fetches what is left itself, in turn. */
  const onPage = (): void => {
    let previous: Promise<unknown> = after;
    for (const url of [...settles.keys()]) answer(url, (previous = previous.then(() => fallback(url)).catch(() => null)) as Promise<SharedArrayBuffer | null>);
  };
  let worker: FetchWorkerLike;
  try {
    worker = start();
  } catch {
    onPage();
    return promises;
  }
  let stopWaiting = (): void => {};
  const failed = (): void => {
    stopWaiting();
    worker.terminate();
    mark('fetch-worker-failed');
    onPage();
  };
  worker.onmessage = (event) => {
    const message: unknown = event.data;
    stopWaiting();
    if ((message as { type?: unknown } | null)?.type === FETCH_ASKED) return;
    if (!isReply(message) || !settles.has(message.url)) return failed();
    markSpan(`fetch-${message.url.slice(message.url.lastIndexOf('/') + 1)}`, message.fetchedMs);
    answer(message.url, message.buffer);
    // The worker closes itself after its last answer.
  };
  worker.onerror = (event) => {
    event.preventDefault(); // handled here: the page fetches the files itself
    failed();
  };
  worker.onmessageerror = failed;
  try {
    worker.postMessage({ urls });
    stopWaiting = timer(ACK_MS, failed);
  } catch {
    failed();
  }
  return promises;
}

/**
 * As `fetchSharedFiles` (./shared-fetch.ts), from a fetch worker: every shared file from `base`,
 * the graph first; null where the page may not share memory (the fetch worker, if started, is
 * ended). Marks `shared-<file>` (./timeline.ts) as each arrives.
 */
export function fetchSharedFilesInWorker(
  base: string,
  after?: Promise<void>,
  share = sharesData(),
  files = SHARED_DATA_FILES,
  start: () => FetchWorkerLike = startFetchWorker,
  fallback: (url: string) => Promise<SharedArrayBuffer | null> = fetchShared,
  timer: After = afterMs,
): SharedFetches | null {
  if (!share) return null;
  const fetched = fetchInWorker(
    files.map((file) => new URL(file, base).href),
    after,
    start,
    fallback,
    timer,
  );
  return Object.fromEntries(files.map((file, i) => [file, fetched[i]!.then((bytes) => (mark(`shared-${file}`), bytes))]));
}
