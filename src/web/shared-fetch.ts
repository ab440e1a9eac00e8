/**
 * The page's one fetch of each large data file its sim workers share (issue 14 aim 4): where the
 * page is cross-origin isolated (it may share memory: scripts/serve-web.mjs), the entry (./main.ts)
 * fetches the road graph (51 MB) once, into a `SharedArrayBuffer`, and every sim worker decodes
 * the same bytes (./shared-files.ts hands them over). Before, each worker fetched and held its own
 * copy: two 51 MB downloads at once on the page's first seconds, beside the page drawing.
 *
 * The page's first data chunk (./page-early.ts) starts these fetches.
 */
import { mark } from './timeline';

/**
 * The files of `data/` the page shares with its workers (the road graph; with RESPONSE_SIM_WEB_SPACES=1
 * the space file beside it). A worker of a page that may share memory waits for the page's word
 * on each of them (the bytes, or null: fetch it yourself) instead of fetching it.
 */
export const SHARED_DATA_FILES: readonly string[] = ['london-roads.graph', ...(typeof __WEB_SPACES__ !== 'undefined' && __WEB_SPACES__ ? ['london-roads.spaces'] : [])];

/** Whether this page or worker shares data files with its sim workers: it may share memory. */
export function sharesData(scope: { readonly crossOriginIsolated?: boolean } = globalThis as { crossOriginIsolated?: boolean }): boolean {
  return scope.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
}

/**
 * The file at `url` in a `SharedArrayBuffer`, or null when it could not be fetched (the workers then
 * fetch it themselves). Streamed straight into a buffer of the response's Content-Length (one copy
 * of the bytes, and none made after the last byte: 51 MB copied at the end held the graph back);
 * without a length, or a body of another length (a server that compressed it), it is gathered and
 * copied once at the end, as before.
 */
export async function fetchShared(url: string, fetchFn: (url: string) => Promise<Response> = (u) => fetch(u)): Promise<SharedArrayBuffer | null> {
  try {
    const response = await fetchFn(url);
    if (!response.ok) return null;
    const length = Number(response.headers.get('Content-Length') ?? NaN);
    const body = response.body;
    if (!body || !Number.isSafeInteger(length) || length <= 0 || response.headers.get('Content-Encoding')) return copied(new Uint8Array(await response.arrayBuffer()));
    const buffer = new SharedArrayBuffer(length);
    const into = new Uint8Array(buffer);
    const reader = body.getReader();
    let at = 0;
    const over: Uint8Array[] = [];
    let yielded = performance.now();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const chunk = next.value;
      // Chunks already come in resolve in microtasks: a long run of them would hold back the page's
      // other tasks (a sim worker's answer, such as the live session's first frame); let them in.
      if (performance.now() - yielded > 8) {
        await yieldToTasks();
        yielded = performance.now();
      }
      const fits = Math.min(chunk.length, length - at);
      into.set(fits === chunk.length ? chunk : chunk.subarray(0, fits), at);
      at += fits;
      if (fits < chunk.length) over.push(chunk.subarray(fits));
    }
    if (over.length === 0 && at === length) return buffer;
    // Another length than the header said: the bytes as they came.
    return copied(into.subarray(0, at), ...over);
  } catch {
    return null;
  }
}

/** Lets the tasks waiting go first (scheduler.yield where there is one: no timer's 4 ms clamp). */
function yieldToTasks(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** `parts` one after the other in a new `SharedArrayBuffer`. */
function copied(...parts: Uint8Array[]): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(parts.reduce((n, p) => n + p.length, 0));
  const into = new Uint8Array(buffer);
  let at = 0;
  for (const part of parts) {
    into.set(part, at);
    at += part.length;
  }
  return buffer;
}

/** The page's fetches of the shared files, by name (./main.ts starts them). */
export type SharedFetches = Readonly<Record<string, Promise<SharedArrayBuffer | null>>>;

/**
 * Starts the page's fetch of every shared file from `base` (the site's data/ folder), one after the
 * other, the graph first (the world build waits for it, not for the space file), once `after`
 * resolves (it never rejects; the page: once its first figures, prebuilt, are fetched: 70 MB fetched beside them made
 * the first figures ~0.9 s later); null where the page may not share memory. Marks
 * `shared-<file>` (./timeline.ts) as each arrives.
 */
export function fetchSharedFiles(
  base: string,
  fetchOne: (url: string) => Promise<SharedArrayBuffer | null> = fetchShared,
  share = sharesData(),
  files = SHARED_DATA_FILES,
  after?: Promise<void>,
): SharedFetches | null {
  if (!share) return null;
  let previous: Promise<unknown> = Promise.resolve(after);
  return Object.fromEntries(
    files.map((file) => [file, (previous = previous.then(() => fetchOne(new URL(file, base).href)).then((bytes) => (mark(`shared-${file}`), bytes)))]),
  ) as SharedFetches;
}
