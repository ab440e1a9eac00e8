/**
 * The browser build's `DataProvider`: the built-in data sets are static files in the site's `data/`
 * folder, copied there by `npm run build:web` (scripts/copy-web-data.ts) from the Node data step's
 * cache under the same file names.
 */
import type { AreaFeatures, DataProvider, PointSetData } from '../world';

/** Built-in set name -> file in `data/` (the basenames written by src/node/data/builtin.ts). */
export const WEB_DATA_FILES = {
  areas: { 'london-boroughs': 'areas.geojson' },
  points: { 'london-lsoa': 'demand-points.json' },
} as const satisfies Record<'areas' | 'points', Record<string, string>>;

type FetchLike = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

/** A provider fetching from `base` (an absolute URL ending in `/`). */
export function fetchDataProvider(base: string, fetchFn: FetchLike = (url) => fetch(url)): DataProvider {
  const load = async (kind: 'areas' | 'points', source: string): Promise<unknown> => {
    const files: Readonly<Record<string, string>> = WEB_DATA_FILES[kind];
    const file = files[source];
    if (file === undefined) {
      throw new Error(`no built-in ${kind === 'areas' ? 'area' : 'point'} set "${source}" in the browser build (known: ${Object.keys(files).join(', ')})`);
    }
    const url = new URL(file, base).href;
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetchFn(url);
    } catch (error) {
      throw new Error(`built-in data "${source}" could not be fetched from ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) {
      throw new Error(`built-in data "${source}" is not in this site (${url} answered HTTP ${response.status}); build it with npm run build:web where the London data is available`);
    }
    try {
      return await response.json();
    } catch (error) {
      throw new Error(`built-in data "${source}" at ${url} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    areas: async (source) => (await load('areas', source)) as AreaFeatures,
    points: async (source) => (await load('points', source)) as PointSetData,
    network: (source) => Promise.reject(new Error(`the browser build has no road network "${source}" yet; use travel.mode "straight-line"`)),
  };
}
