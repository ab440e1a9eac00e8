/**
 * The page's one fetch of each large data file its sim workers share (issue 14 aim 4): where the
 * page is cross-origin isolated (it may share memory: scripts/serve-web.mjs), the entry (./main.ts)
 * fetches the road graph (51 MB) once, into a `SharedArrayBuffer`, and every sim worker decodes
 * the same bytes (./shared-files.ts hands them over). Before, each worker fetched and held its own
 * copy: two 51 MB downloads at once on the page's first seconds, beside the page drawing.
 *
 * This file is part of the page's first script: it stays small and imports only the marks.
 */
import { markedAsync } from './timeline';

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

/** The file at `url` in a `SharedArrayBuffer`, or null when it could not be fetched whole (the workers then fetch it themselves). */
export async function fetchShared(url: string, fetchFn: (url: string) => Promise<Response> = (u) => fetch(u)): Promise<SharedArrayBuffer | null> {
  try {
    const response = await fetchFn(url);
    if (!response.ok || !response.body) return null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    // Read as it arrives (no second whole copy held as an ArrayBuffer), then laid out once.
    const reader = response.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      chunks.push(part.value);
      size += part.value.length;
    }
    const buffer = new SharedArrayBuffer(size);
    const view = new Uint8Array(buffer);
    let at = 0;
    for (const chunk of chunks) {
      view.set(chunk, at);
      at += chunk.length;
    }
    return buffer;
  } catch {
    return null;
  }
}

/** The page's fetches of the shared files, by name (./main.ts starts them). */
export type SharedFetches = Readonly<Record<string, Promise<SharedArrayBuffer | null>>>;

/** Starts the page's fetch of every shared file from `base` (the site's data/ folder); null where the page may not share memory. */
export function fetchSharedFiles(base: string, fetchOne: (url: string) => Promise<SharedArrayBuffer | null> = (url) => fetchShared(url), share = sharesData()): SharedFetches | null {
  if (!share) return null;
  return Object.fromEntries(SHARED_DATA_FILES.map((file) => [file, markedAsync(`shared-fetch-${file}`, () => fetchOne(new URL(file, base).href))]));
}
