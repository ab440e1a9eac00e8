/**
 * The Node `DataProvider` (src/world): built-in data sets from the cache, built on first use, and
 * files named by path.
 *
 * - areas: `"london-boroughs"` (the data step's `areas.geojson`), or a GeoJSON file path.
 * - points: `"london-lsoa"` (the data step's `demand-points.json`), or a JSON file path with the
 *   same parallel arrays `{ lon, lat, weight, label? }`.
 * - network: `"london"` (the routing step's cached London graph), a built graph file (`.graph`,
 *   `.bin`, as written by `import-osm`), or an OSM extract (`.osm.pbf`, imported once per process).
 *
 * Every result is loaded once per provider; a failed load is retried on the next call.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseJsonText } from '../../shared/json-text';
import { LIMITS } from '../../shared/scenario/limits';
import { FileReadError, readCappedText } from '../files/read-capped';
import type { RoadGraph } from '../../sim/roads/graph';
import type { AreaFeatures, DataProvider, PointAreaStore, PointSetData } from '../../world';
import { writeFileAtomicSync } from '../files/atomic-write';
import { loadGraphFile } from '../osm/graph-file';
import { ensureOsmGraph } from '../osm/import';
import { ensureLondonGraph, LONDON_ROAD_FILES } from '../osm/london';
import { ensureBuiltinData, type BuiltinData, type EnsureOptions } from './builtin';
import { cacheDir, londonDataDir } from './paths';
import type { SharedFileReader } from '../pool/shared-files';

/** Built-in set names this provider knows. */
export const BUILTIN_SETS = { areas: ['london-boroughs'], points: ['london-lsoa'], network: ['london'] } as const;

export interface NodeDataOptions extends EnsureOptions {
  /** Folder that relative file paths are resolved against (default: the process's cwd). */
  cwd?: string;
  /** Reads cache files shared with other sim workers (src/node/pool/shared-files.ts); absent: read here. */
  readShared?: SharedFileReader;
}

/** A request the provider cannot serve: an unknown set name or an unreadable file. */
export class DataSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataSourceError';
  }
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readCappedText(file, LIMITS.dataFileBytes, 'data files');
  } catch (error) {
    if (error instanceof FileReadError) throw new DataSourceError(`${what} ${file}: ${error.detail}`);
    throw error;
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new DataSourceError(`${what} ${file}: not valid JSON: ${parsed.message}`);
  return parsed.value;
}

/**
 * A JSON file of the cache's own (the data step's output, written by this program): parsed at once,
 * without the checks a file the user named gets (the cap while reading, the scan for nesting
 * depth: ~20 ms on the London areas at every world build). One that does not parse is read again
 * as a user's file would be, for the message.
 */
function readOwnJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return readJson(file, what);
  }
}

/** The file of the built-in point set `points`'s areas in the built-in area set `areas` (src/world/point-areas.ts), beside them. */
export function pointAreasFile(files: Pick<BuiltinData, 'points'>, areas: string, points: string): string {
  return path.join(path.dirname(files.points), `point-areas.${areas}.${points}.bin`);
}

/** A file of the cache as a store of bytes: missing or unreadable loads as undefined; saved atomically. */
function fileStore(file: string): PointAreaStore {
  return {
    load: () => {
      try {
        const bytes = readFileSync(file);
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch {
        return undefined;
      }
    },
    save: (bytes) => writeFileAtomicSync(file, new Uint8Array(bytes)),
  };
}

/** A file given as a road network must be a regular file (a pipe or a device would never end). */
function regularFile(file: string): string {
  let info;
  try {
    info = statSync(file);
  } catch {
    throw new DataSourceError(`road network file ${file}: no such file`);
  }
  if (!info.isFile()) throw new DataSourceError(`road network file ${file} is not a regular file`);
  return file;
}

function unknownSet(kind: keyof typeof BUILTIN_SETS, source: string): DataSourceError {
  return new DataSourceError(
    `no built-in ${kind === 'network' ? 'road network' : kind === 'areas' ? 'area set' : 'point set'} "${source}" ` +
      `(known: ${BUILTIN_SETS[kind].join(', ')}; or give a file path)`,
  );
}

/** A source that names a file rather than a built-in set. */
function isPath(source: string): boolean {
  return /[\\/]/.test(source) || /\.(geo)?json$|\.(pbf|graph|bin)$/i.test(source);
}

function pointsFromJson(raw: unknown, file: string): PointSetData {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DataSourceError(`point set ${file}: expected an object { lon, lat, weight, label? }`);
  const o = raw as Partial<Record<'lon' | 'lat' | 'weight' | 'label', unknown>>;
  for (const key of ['lon', 'lat', 'weight'] as const) {
    if (!Array.isArray(o?.[key])) throw new DataSourceError(`point set ${file}: ${key}: expected an array of numbers`);
  }
  if (o.label !== undefined && !Array.isArray(o.label)) throw new DataSourceError(`point set ${file}: label: expected an array of strings`);
  return { lon: o.lon as number[], lat: o.lat as number[], weight: o.weight as number[], label: o.label as string[] | undefined };
}

/** The provider the command line, the Electron main process and Node tests hand to buildWorld. */
export function nodeDataProvider(options: NodeDataOptions = {}): DataProvider {
  const cwd = options.cwd ?? process.cwd();
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let pending = memo.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = load();
      memo.set(key, pending);
      pending.catch(() => memo.delete(key));
    }
    return pending;
  };
  // The built-in files once found (for the synchronous stores beside them).
  let builtinFiles: BuiltinData | undefined;
  const builtin = () =>
    once('builtin', async () => {
      const files = await ensureBuiltinData(options);
      builtinFiles = files;
      return files;
    });

  return {
    areas: (source) =>
      once(`areas:${source}`, async () => {
        if (source === 'london-boroughs') return readOwnJson((await builtin()).areas, 'built-in areas') as AreaFeatures;
        if (isPath(source)) return readJson(path.resolve(cwd, source), 'area file') as AreaFeatures;
        throw unknownSet('areas', source);
      }),
    points: (source) =>
      once(`points:${source}`, async () => {
        if (source === 'london-lsoa') {
          const file = (await builtin()).points;
          return pointsFromJson(readOwnJson(file, 'built-in points'), file);
        }
        if (isPath(source)) {
          const file = path.resolve(cwd, source);
          return pointsFromJson(readJson(file, 'point file'), file);
        }
        throw unknownSet('points', source);
      }),
    // The built-in points' areas in the built-in areas, kept beside them (they change together).
    pointAreas: (areas, points) => (builtinFiles && areas === 'london-boroughs' && points === 'london-lsoa' ? fileStore(pointAreasFile(builtinFiles, areas, points)) : undefined),
    network: (source) =>
      once(`network:${source}`, async (): Promise<RoadGraph> => {
        if (source === 'london') {
          const env = options.env ?? process.env;
          const dataDir = londonDataDir({ explicit: options.dataDir, settings: options.settings, env, required: Object.values(LONDON_ROAD_FILES) });
          return (await ensureLondonGraph({ dataDir, cacheDir: cacheDir(env), ...(options.readShared ? { readShared: options.readShared } : {}) })).graph;
        }
        if (!isPath(source)) throw unknownSet('network', source);
        const file = path.resolve(cwd, source);
        if (/\.pbf$/i.test(file)) return (await ensureOsmGraph(regularFile(file), { cacheDir: cacheDir(options.env ?? process.env), ...(options.readShared ? { readShared: options.readShared } : {}) })).graph;
        return loadGraphFile(file);
      }),
  };
}
