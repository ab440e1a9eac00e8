/**
 * The browser build's `mapLayers` call: the display outlines of a built-in area set are static
 * files of the site's `data/` folder (copied there by `npm run build:web`, like the data the sim
 * worker reads), with the attribution recorded in the data step's manifest; beside them the road
 * data coverage layer (src/node/data/coverage.ts), which is optional: without it the outlines are
 * served and `coverageError` says why.
 */
import { describeIssues, RoadCoverageSchema } from '../shared/ipc-schemas';
import { manifestHashes } from '../shared/report-export';
import type { MapFeatureCollection, MapLayersOutcome, RoadCoverage } from '../shared/protocol';

/** Built-in area set -> its display files in `data/` (src/node/data/builtin.ts, src/node/data/coverage.ts). */
export const WEB_MAP_FILES = {
  'london-boroughs': { areas: 'areas-display.geojson', bcus: 'bcu-borders.geojson', manifest: 'manifest.json', coverage: 'road-coverage.json' },
} as const satisfies Record<string, { areas: string; bcus: string; manifest: string; coverage: string }>;

type FetchLike = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

/** `mapLayers` fetching from `base` (an absolute URL ending in `/`). Failures are values naming the file. */
export function fetchMapLayers(base: string, fetchFn: FetchLike = (url) => fetch(url)) {
  /** `missing`: what a site without the file lacks, for the message. */
  const get = async (file: string, missing = 'the London data'): Promise<unknown> => {
    const url = new URL(file, base).href;
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetchFn(url);
    } catch (error) {
      throw new Error(`${url} could not be fetched: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}: this site was built without ${missing} (npm run build:web where it is available)`);
    try {
      return await response.json();
    } catch (error) {
      throw new Error(`${url} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  /** The coverage layer, checked against its schema; a failure is kept as `coverageError`. */
  const coverageFrom = async (file: string): Promise<{ coverage: RoadCoverage | null; coverageError: string | null }> => {
    try {
      const raw = await get(file, 'the road data coverage layer (it needs the London road files)');
      const checked = RoadCoverageSchema.safeParse(raw);
      if (!checked.success) return { coverage: null, coverageError: `${new URL(file, base).href}: not a road coverage layer of this version: ${describeIssues(checked.error)}` };
      return { coverage: checked.data, coverageError: null };
    } catch (error) {
      return { coverage: null, coverageError: error instanceof Error ? error.message : String(error) };
    }
  };
  return async (source: string): Promise<MapLayersOutcome> => {
    const files = (WEB_MAP_FILES as Readonly<Record<string, (typeof WEB_MAP_FILES)['london-boroughs']>>)[source];
    if (files === undefined) return { ok: false, message: `no built-in outlines for "${source}" (known: ${Object.keys(WEB_MAP_FILES).join(', ')})` };
    try {
      const coverage = coverageFrom(files.coverage);
      const [areas, bcus, manifest] = await Promise.all([get(files.areas), get(files.bcus), get(files.manifest)]);
      for (const [name, fc] of [[files.areas, areas], [files.bcus, bcus]] as const) {
        if (!isFeatureCollection(fc)) return { ok: false, message: `${name}: expected a GeoJSON FeatureCollection` };
      }
      const attribution = (manifest as { attribution?: unknown }).attribution;
      return {
        ok: true,
        layers: {
          source,
          areas: areas as MapFeatureCollection,
          bcus: bcus as MapFeatureCollection,
          attribution: Array.isArray(attribution) ? attribution.filter((a): a is string => typeof a === 'string') : [],
          dataHashes: manifestHashes(manifest),
          ...(await coverage),
        },
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  };
}

export function isFeatureCollection(value: unknown): value is MapFeatureCollection {
  const v = value as { type?: unknown; features?: unknown } | null;
  return typeof v === 'object' && v !== null && v.type === 'FeatureCollection' && Array.isArray(v.features);
}
