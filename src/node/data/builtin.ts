/**
 * The built-in London data sets, built from the London source data into the cache on first use
 * (and by `npm run data`), and rebuilt when an input file or the data step's version changes.
 *
 * Files (each self-contained: the browser build copies them into its static site's `data/`):
 *
 * - `areas.geojson`: FeatureCollection of the 33 London areas (32 Met boroughs + the City of
 *   London), sorted by GSS code, full geometry (for point-in-area), WGS84 lon/lat. Each feature:
 *   `properties: { id: GSS code, name, bcu: Met BCU id ("CW", ...) or null (City of London),
 *   force: "MPS" | "CoLP", note?: why the area is special (City of London only) }`, geometry Polygon
 *   or MultiPolygon.
 * - `areas-display.geojson`: the same features, geometry simplified (Douglas-Peucker, 0.0002 deg)
 *   and rounded to 5 decimals, for drawing only (about 125 KB).
 * - `bcu-borders.geojson`: FeatureCollection of the 12 BCU outlines, each the union of its
 *   boroughs, simplified like the display copy; `properties: { id, name, areas: GSS codes }`.
 * - `demand-points.json`: London's 4,835 LSOA (2011) points as parallel arrays
 *   `{ lon: number[]; lat: number[]; weight: number[]; label: string[] (LSOA code);
 *   area: string[] (GSS code) }`; weights >= 0 sum to 1, half recorded crime share (mean of
 *   2017-2019) and half population share (mid-2020); City of London points weigh 0 (the City of
 *   London Police answers there). See src/node/london/demand.ts.
 * - `police-bases.json`: `{ bases: PoliceBase[]; dropped: { name, borough, reason }[] }`, the Met
 *   sites kept from the partial OSM police list plus one synthetic base (`synthetic: true`, `note`
 *   giving the reason) in each Met borough that had none. See src/node/london/bases.ts.
 * - `manifest.json`: the data step's version, the sha256 of every input, file sizes, counts and
 *   attribution; written last (its presence marks a complete build).
 *
 * Layout: `<cacheDir()>/london/<key>/`, key = data-step version + hash of the inputs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cachedFolder, inputsKey, MANIFEST, publishFolder } from '../london/cache';
import { buildLondonData, LONDON_ATTRIBUTION, LONDON_BUILTIN_INPUTS, LONDON_DATA_VERSION } from '../london/build';
import { rememberedSha256 } from './file-hash';
import { cacheDir, londonDataDir } from './paths';

/** Paths of the built files. */
export interface BuiltinData {
  readonly areas: string;
  readonly areasDisplay: string;
  readonly bcuBorders: string;
  readonly points: string;
  readonly bases: string;
  readonly manifest: string;
}

export interface EnsureOptions {
  /** A data folder named for this run (`--data`); wins over everything else. */
  dataDir?: string;
  /** The data folder chosen in the app's Settings; then $RESPONSE_SIM_DATA, else ../shared/data. */
  settings?: string | null;
  env?: NodeJS.ProcessEnv;
  /** Rebuild even when a complete build for the same inputs exists. */
  force?: boolean;
}

/** What `ensureBuiltinDataReport` did, for `npm run data`. */
export interface EnsureReport {
  readonly files: BuiltinData;
  /** False when the cached build was used. */
  readonly built: boolean;
  readonly dataDir: string;
  readonly folder: string;
  readonly manifest: LondonManifest;
}

/** The manifest written beside the built files. */
export interface LondonManifest {
  readonly version: number;
  readonly key: string;
  readonly dataDir: string;
  /** Input file (relative to the data folder) -> sha256 hex. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Built file name -> size in bytes. */
  readonly files: Readonly<Record<string, number>>;
  readonly counts: { areas: number; bcus: number; points: number; bases: number; syntheticBases: number; droppedSites: number };
  readonly attribution: readonly string[];
}

const FILE_NAMES = {
  areas: 'areas.geojson',
  areasDisplay: 'areas-display.geojson',
  bcuBorders: 'bcu-borders.geojson',
  points: 'demand-points.json',
  bases: 'police-bases.json',
} as const;

function pathsIn(folder: string): BuiltinData {
  return {
    areas: path.join(folder, FILE_NAMES.areas),
    areasDisplay: path.join(folder, FILE_NAMES.areasDisplay),
    bcuBorders: path.join(folder, FILE_NAMES.bcuBorders),
    points: path.join(folder, FILE_NAMES.points),
    bases: path.join(folder, FILE_NAMES.bases),
    manifest: path.join(folder, MANIFEST),
  };
}

/**
 * Builds the London data into the cache unless a complete build for the same inputs exists, and
 * says what it did. Throws DataNotFoundError (naming the folder and the missing files) when the
 * source data is absent, SourceDataError (naming the file) when it is malformed.
 */
export function ensureBuiltinDataReport(options: EnsureOptions = {}): EnsureReport {
  const env = options.env ?? process.env;
  const dataDir = londonDataDir({ explicit: options.dataDir, settings: options.settings, env, required: Object.values(LONDON_BUILTIN_INPUTS) });
  const root = path.join(cacheDir(env), 'london');
  const inputFiles = Object.values(LONDON_BUILTIN_INPUTS).map((name) => ({ name, path: path.join(dataDir, name) }));
  // The inputs' hashes are remembered in the cache while the files are unchanged (file-hash.ts).
  const { key, inputs } = inputsKey(LONDON_DATA_VERSION, inputFiles, (file) => rememberedSha256(file, cacheDir(env)));

  const cached = options.force ? null : cachedFolder(root, key);
  if (cached) {
    const manifest = JSON.parse(readFileSync(path.join(cached, MANIFEST), 'utf8')) as LondonManifest;
    return { files: pathsIn(cached), built: false, dataDir, folder: cached, manifest };
  }

  const data = buildLondonData(dataDir);
  const contents = new Map<string, string>([
    [FILE_NAMES.areas, JSON.stringify(data.areas)],
    [FILE_NAMES.areasDisplay, JSON.stringify(data.areasDisplay)],
    [FILE_NAMES.bcuBorders, JSON.stringify(data.bcuBorders)],
    [FILE_NAMES.points, JSON.stringify(data.points)],
    [FILE_NAMES.bases, JSON.stringify({ bases: data.bases, dropped: data.dropped }, null, 1)],
  ]);
  const manifest: LondonManifest = {
    version: LONDON_DATA_VERSION,
    key,
    dataDir,
    inputs,
    files: Object.fromEntries([...contents].map(([name, text]) => [name, Buffer.byteLength(text)])),
    counts: {
      areas: data.areas.features.length,
      bcus: data.bcuBorders.features.length,
      points: data.points.label.length,
      bases: data.bases.length,
      syntheticBases: data.bases.filter((b) => b.synthetic).length,
      droppedSites: data.dropped.length,
    },
    attribution: LONDON_ATTRIBUTION,
  };
  const folder = publishFolder(root, key, contents, manifest, { replace: options.force === true });
  return { files: pathsIn(folder), built: true, dataDir, folder, manifest };
}

/** Paths of the built London files, building them first when needed (see ensureBuiltinDataReport). */
export async function ensureBuiltinData(options: EnsureOptions = {}): Promise<BuiltinData> {
  return ensureBuiltinDataReport(options).files;
}
