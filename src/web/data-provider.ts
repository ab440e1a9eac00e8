/**
 * The browser build's `DataProvider`: the built-in data sets are static files in the site's `data/`
 * folder, copied there by `npm run build:web` (scripts/copy-web-data.ts): the Node data step's
 * files under the same names, and the built London road graph (the Node cache's
 * `roads/london-<key>.graph`) as `london-roads.graph`.
 *
 * The road graph is one binary file (src/sim/roads/format.ts) carrying the contraction hierarchy of
 * the default road speeds: it is fetched once per worker and decoded by typed-array views on the
 * fetched bytes, without copying; where the page may share memory it fetches the graph once for all
 * its workers (`shared`: ./shared-files.ts) and each decodes those bytes. A scenario with other `roadSpeedsKph` would contract its own
 * hierarchy in every worker (seconds; there is no disk to keep it), so the baseline leaves them out.
 *
 * Beside the graph, `london-roads.spaces` (optional; WEB_SPACE_FILES; copied only with
 * RESPONSE_SIM_WEB_SPACES=1, see scripts/copy-web-data.ts): the search spaces of the London demand
 * points' roads for the default speeds (src/sim/roads/query/space-file.ts), joining a worker's
 * caches when it arrives. Absent, or made for other data: runs search them as they go.
 */
import { decodeGraph } from '../sim/roads/query/decode';
import type { RoadGraph } from '../sim/roads/graph';
import type { AreaFeatures, DataProvider, PointSetData } from '../world';
import { mark, marked } from './timeline';

/** Built-in set name -> file in `data/` (JSON sets: the basenames written by src/node/data/builtin.ts). */
export const WEB_DATA_FILES = {
  areas: { 'london-boroughs': 'areas.geojson' },
  points: { 'london-lsoa': 'demand-points.json' },
  network: { london: 'london-roads.graph' },
} as const satisfies Record<'areas' | 'points' | 'network', Record<string, string>>;

/** Road network -> its space file in `data/` (copied by scripts/copy-web-data.ts when the Node cache has it). */
export const WEB_SPACE_FILES: Readonly<Record<string, string>> = { london: 'london-roads.spaces' };

/** The built-in London points' areas in the London areas (src/world/point-areas.ts; copied by scripts/copy-web-data.ts). */
export const WEB_POINT_AREAS_FILE = 'point-areas.bin';
const POINT_AREAS_SETS = { areas: 'london-boroughs', points: 'london-lsoa' } as const;

type Kind = keyof typeof WEB_DATA_FILES;
type FetchLike = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'json' | 'arrayBuffer'>>;

const KIND_NAMES: Readonly<Record<Kind, string>> = { areas: 'area set', points: 'point set', network: 'road network' };

/**
 * A provider fetching from `base` (an absolute URL ending in `/`). A road network is fetched once
 * per provider (a failed fetch is tried again on the next request); JSON sets on every request.
 */
export function fetchDataProvider(
  base: string,
  fetchFn: FetchLike = (url) => fetch(url),
  options: {
    /** Whether the site carries space files (a build made with RESPONSE_SIM_WEB_SPACES=1): without them none is asked for, so no request fails. */
    readonly spaceFiles?: boolean;
    /** The page's bytes of a data/ file it shares with its workers (./shared-files.ts), or null: fetch it here. */
    readonly shared?: (file: string) => Promise<SharedArrayBuffer | null>;
  } = {},
): DataProvider {
  const fetchFile = async (kind: Kind, source: string): Promise<{ url: string; response: Awaited<ReturnType<FetchLike>> }> => {
    const files: Readonly<Record<string, string>> = WEB_DATA_FILES[kind];
    const file = files[source];
    if (file === undefined) {
      throw new Error(`no built-in ${KIND_NAMES[kind]} "${source}" in the browser build (known: ${Object.keys(files).join(', ')})`);
    }
    const url = new URL(file, base).href;
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetchFn(url);
    } catch (error) {
      throw new Error(`built-in data "${source}" could not be fetched from ${url}: ${messageOf(error)}`);
    }
    if (!response.ok) {
      throw new Error(`built-in data "${source}" is not in this site (${url} answered HTTP ${response.status}); build it with npm run build:web where the London data is available`);
    }
    return { url, response };
  };

  const json = async (kind: 'areas' | 'points', source: string): Promise<unknown> => {
    const { url, response } = await fetchFile(kind, source);
    try {
      return await response.json();
    } catch (error) {
      throw new Error(`built-in data "${source}" at ${url} is not JSON: ${messageOf(error)}`);
    }
  };

  /** The page's bytes of `file` when it shares them, else undefined. */
  const sharedBytes = async (file: string | undefined): Promise<Uint8Array | undefined> => {
    if (file === undefined || !options.shared) return undefined;
    const buffer = await options.shared(file);
    return buffer ? new Uint8Array(buffer) : undefined;
  };

  const graph = async (source: string): Promise<RoadGraph> => {
    mark('graph-fetch:start');
    const file: string | undefined = (WEB_DATA_FILES.network as Readonly<Record<string, string>>)[source];
    let bytes: ArrayBuffer | Uint8Array | undefined = await sharedBytes(file);
    const url = new URL(file ?? source, base).href;
    if (bytes) mark('graph-shared');
    else {
      const fetched = await fetchFile('network', source);
      try {
        bytes = await fetched.response.arrayBuffer();
      } catch (error) {
        throw new Error(`built-in road network "${source}" at ${url} could not be read: ${messageOf(error)}`);
      }
    }
    mark('graph-fetch:end');
    try {
      return marked('graph-decode', () => decodeGraph(bytes));
    } catch (error) {
      throw new Error(`built-in road network "${source}" at ${url} is not a road graph file of this version: ${messageOf(error)}; rebuild the site with npm run build:web`);
    }
  };

  /** An optional file of data/: its bytes, or undefined (not in this site, or it could not be fetched). */
  const optionalBytes = async (file: string): Promise<Uint8Array | undefined> => {
    try {
      const response = await fetchFn(new URL(file, base).href);
      return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
    } catch {
      return undefined;
    }
  };

  /** The network's space file, or undefined (none in this site, or it could not be fetched: optional). */
  const spaces = async (source: string): Promise<Uint8Array | undefined> => {
    const file = WEB_SPACE_FILES[source];
    if (!options.spaceFiles || file === undefined) return undefined;
    return (await sharedBytes(file)) ?? optionalBytes(file);
  };

  const pointAreaBytes = new Map<string, Uint8Array | undefined>();
  const graphs = new Map<string, Promise<RoadGraph>>();
  const spaceFiles = new Map<string, Promise<Uint8Array | undefined>>();
  return {
    areas: async (source) => (await json('areas', source)) as AreaFeatures,
    points: async (source) => {
      // The points' areas are fetched beside the set (optional: without them the world locates the points).
      const areas = source === POINT_AREAS_SETS.points ? optionalBytes(WEB_POINT_AREAS_FILE) : Promise.resolve(undefined);
      const set = (await json('points', source)) as PointSetData;
      pointAreaBytes.set(source, await areas);
      return set;
    },
    pointAreas: (areas, points) => {
      const bytes = areas === POINT_AREAS_SETS.areas ? pointAreaBytes.get(points) : undefined;
      return bytes ? { load: () => bytes } : undefined;
    },
    network: (source) => {
      let pending = graphs.get(source);
      if (!pending) {
        pending = graph(source);
        graphs.set(source, pending);
        pending.catch(() => graphs.delete(source));
      }
      return pending;
    },
    spaces: (source) => {
      let pending = spaceFiles.get(source);
      if (!pending) {
        pending = spaces(source);
        spaceFiles.set(source, pending);
      }
      return pending;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
