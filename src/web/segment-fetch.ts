/**
 * The road graph's snapping index (src/world/segment-file.ts: the segments' order and the 100 m and
 * 400 m grids) shipped with the site, so that a sim worker's world build reads it instead of making
 * it: made in the worker it was the largest part of the London world build after the graph arrived
 * (~0.3-0.6 s of Chromium CPU per worker: fastLayout, src/world/segment-layout.ts), on the live
 * session's path to its first frame. `npm run build:web` writes the Node cache's file gzipped
 * (`london-roads.segments.gz`, ~3.4 MB of 9 MB; scripts/copy-web-data.ts); each worker fetches it
 * at once, beside the page's fetch of the graph (the worker waits for the graph then anyway).
 *
 * A file that is missing, unreadable or made for another graph is not used (segment-file.ts checks
 * its header, fingerprint and sum): the index is made as before. Either way the same index: no
 * result changes. Marks `segment-file` (./timeline.ts) when a graph gets one.
 */
import type { DataProvider } from '../world';
import type { SegmentStore } from '../world/segment-file';
import { gunzipped } from './gunzip';
import { mark } from './timeline';

/** Road network -> its segment file in `data/` (gzipped; a server that unzipped it is fine too). */
export const WEB_SEGMENT_FILES: Readonly<Record<string, string>> = { london: 'london-roads.segments.gz' };

type FetchLike = (url: string) => Promise<Pick<Response, 'ok' | 'arrayBuffer'>>;

/** The bytes of the file at `url`, gunzipped when they are gzip (magic 1f 8b); undefined when it cannot be had. */
export async function fetchSegmentBytes(url: string, fetchFn: FetchLike = (u) => fetch(u)): Promise<Uint8Array | undefined> {
  try {
    const response = await fetchFn(url);
    if (!response.ok) return undefined;
    return await gunzipped(new Uint8Array(await response.arrayBuffer()));
  } catch {
    return undefined;
  }
}

/**
 * `data` whose road networks come with the site's segment file as their `segmentStore` (read only:
 * no `save`), fetched from `base` (the site's `data/`) beside the network the first time it is asked for.
 */
export function withSegmentFiles(data: DataProvider, base: string, fetchBytes: (url: string) => Promise<Uint8Array | undefined> = fetchSegmentBytes): DataProvider {
  const files = new Map<string, Promise<Uint8Array | undefined>>();
  const bytesOf = (source: string): Promise<Uint8Array | undefined> => {
    let pending = files.get(source);
    if (!pending) {
      const file = WEB_SEGMENT_FILES[source];
      pending = file === undefined ? Promise.resolve(undefined) : fetchBytes(new URL(file, base).href);
      files.set(source, pending);
    }
    return pending;
  };
  return {
    ...data,
    network: async (source) => {
      const segments = bytesOf(source);
      const graph = await data.network(source);
      const bytes = await segments;
      if (bytes && typeof graph === 'object' && graph !== null && !('segmentStore' in graph)) {
        (graph as { segmentStore?: SegmentStore }).segmentStore = { load: () => bytes };
        mark('segment-file');
      }
      return graph;
    },
  };
}
