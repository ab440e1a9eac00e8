/**
 * Where things live on disk: the checkout, the git-ignored cache of built data, and the source
 * data for the built-in London data sets. One resolver, used by the command line, the Electron
 * main process, the data step, the tests and the benchmarks.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** Environment variable naming the folder of London source data (the layout of ../shared/data). */
export const DATA_ENV = 'RESPONSE_SIM_DATA';
/** Environment variable naming the cache folder for built data (default: <checkout>/.cache). */
export const CACHE_ENV = 'RESPONSE_SIM_CACHE';

/** Files the built-in London data is made from, relative to the data folder. */
export const LONDON_SOURCE_FILES = [
  'boundaries/london_boroughs.geojson',
  'boundaries/london_lsoa2011_centroids.csv',
  'demand/lsoa2011_crime_annual_2011-2021.csv',
  'demand/lsoa2011_population_mid2020.csv',
  'stations/police_osm_partial.csv',
  'roads/omt2018_west_london_drive.osm.pbf',
  'roads/osm_east_london_main_roads.osm.pbf',
  'roads/osm_east_london_main_roads_seam_stitch.csv',
] as const;

/** Raised when the built-in data cannot be found; the message names what is missing and where it looked. */
export class DataNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataNotFoundError';
  }
}

/** The checkout's root: the nearest folder above this file (or `from`) holding package.json. */
export function repoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json found above ${from}`);
    dir = up;
  }
}

/** The git-ignored cache folder for built data (road graphs, areas, demand points). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[CACHE_ENV];
  return fromEnv ? path.resolve(fromEnv) : path.join(repoRoot(), '.cache');
}

export interface DataDirOptions {
  /** A folder named for this run (`--data`); wins over everything else. */
  explicit?: string;
  /** The folder chosen in the app's settings (`Settings.dataDir`); wins over the environment and the default. */
  settings?: string | null;
  env?: NodeJS.ProcessEnv;
  /** Files that must be present; defaults to everything the built-in London data needs. */
  required?: readonly string[];
}

/**
 * The folder holding the London source data: an explicit choice, else the folder in settings, else
 * $RESPONSE_SIM_DATA, else `../shared/data` beside the checkout. Only the first of these that is
 * given is tried (a chosen folder that is wrong is an error, not a reason to look elsewhere).
 * Throws DataNotFoundError naming the folder tried, where it came from and the files missing.
 */
export function londonDataDir(options: DataDirOptions = {}): string {
  const env = options.env ?? process.env;
  const required = options.required ?? LONDON_SOURCE_FILES;
  const candidates: { dir: string; from: string }[] = [];
  if (options.explicit) candidates.push({ dir: path.resolve(options.explicit), from: 'the chosen data folder' });
  else if (options.settings) candidates.push({ dir: path.resolve(options.settings), from: 'the data folder in Settings' });
  else if (env[DATA_ENV]) candidates.push({ dir: path.resolve(env[DATA_ENV]!), from: `$${DATA_ENV}` });
  else candidates.push({ dir: path.resolve(repoRoot(), '..', 'shared', 'data'), from: 'the default (../shared/data beside the checkout)' });

  const { dir, from } = candidates[0]!;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DataNotFoundError(
      `London data not found: ${dir} (${from}) does not exist. Put the shared data folder beside the checkout, ` +
        `or set ${DATA_ENV} to a folder with ${required.join(', ')}.`,
    );
  }
  const missing = required.filter((file) => !existsSync(path.join(dir, file)));
  if (missing.length > 0) {
    throw new DataNotFoundError(`London data incomplete in ${dir} (${from}): missing ${missing.join(', ')}.`);
  }
  return dir;
}
