/**
 * The built-in London road graph: the full drivable network west of the Greenwich meridian and
 * the main-road skeleton east of it (../shared/data/roads, see its README), joined by two-way
 * links at the seam node pairs of `osm_east_london_main_roads_seam_stitch.csv`. Built once into
 * the git-ignored cache (`cacheDir()/roads`) with its contraction hierarchy; rebuilt when an
 * input file, the builder, the file format or the default speeds change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { roadClassIndex } from '../../sim/roads/classes';
import type { RoadGraph } from '../../sim/roads/graph';
import { cacheDir, londonDataDir } from '../data/paths';
import { cachedGraph, fileSha256, graphCacheKey } from './graph-file';
import { importOsm, type OsmLink } from './import';
import type { SharedFileReader } from '../pool/shared-files';

export const LONDON_ROAD_FILES = {
  west: 'roads/omt2018_west_london_drive.osm.pbf',
  east: 'roads/osm_east_london_main_roads.osm.pbf',
  seam: 'roads/osm_east_london_main_roads_seam_stitch.csv',
} as const;

export interface LondonGraphOptions {
  /** Folder with the London source data (default: the resolver's, ../shared/data). */
  readonly dataDir?: string;
  /** Cache folder (default: cacheDir()). */
  readonly cacheDir?: string;
  readonly progress?: (fraction: number, phase: string) => void;
  /** Reads the cache files shared with other sim workers (src/node/pool/shared-files.ts). */
  readonly readShared?: SharedFileReader;
}

/** The London graph's cache file and the graph; `built` is true when this process built it (not read from the cache). */
export interface LondonGraph {
  readonly path: string;
  readonly graph: RoadGraph;
  readonly built: boolean;
}

const loaded = new Map<string, Promise<LondonGraph>>();

/**
 * The London graph, from the cache (well under a second) or built into it first (tens of
 * seconds). Calls in one process share one load.
 */
export function ensureLondonGraph(options: LondonGraphOptions = {}): Promise<LondonGraph> {
  const dataDir = options.dataDir ?? londonDataDir({ required: Object.values(LONDON_ROAD_FILES) });
  const dir = path.join(options.cacheDir ?? cacheDir(), 'roads');
  const inputs: Record<string, string> = {};
  for (const file of Object.values(LONDON_ROAD_FILES)) inputs[file] = fileSha256(path.join(dataDir, file));
  const key = graphCacheKey(inputs);
  const memo = `${dir}|${key}`;
  let pending = loaded.get(memo);
  if (!pending) {
    pending = cachedGraph(dir, 'london', key, () => buildLondonGraph(dataDir, inputs, options.progress), options.readShared);
    pending.catch(() => loaded.delete(memo));
    loaded.set(memo, pending);
  }
  return pending;
}

/** Builds the London graph from the source files (no cache). */
export async function buildLondonGraph(
  dataDir: string,
  inputs: Readonly<Record<string, string>>,
  progress?: (fraction: number, phase: string) => void,
): Promise<RoadGraph> {
  const seamFile = path.join(dataDir, LONDON_ROAD_FILES.seam);
  const links = readSeamLinks(seamFile);
  return importOsm([path.join(dataDir, LONDON_ROAD_FILES.west), path.join(dataDir, LONDON_ROAD_FILES.east)], {
    sources: Object.values(LONDON_ROAD_FILES).map((file) => `${file} sha256:${inputs[file]}`),
    links,
    progress,
  });
}

/**
 * Seam pairs: east node (file 1) to west node (file 0), a link of the east road's class.
 * Throws naming the file, line and column when a row is malformed.
 */
export function readSeamLinks(file: string): OsmLink[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0]?.split(',') ?? [];
  const column = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name} in the header`);
    return i;
  };
  const eastId = column('east_node_id');
  const westId = column('west_node_id');
  const eastClass = column('east_highways');
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    const where = `${file}: line ${i + 2}`;
    const idA = Number(cells[eastId]);
    const idB = Number(cells[westId]);
    if (!Number.isInteger(idA) || !Number.isInteger(idB)) throw new Error(`${where}: east_node_id and west_node_id must be whole numbers`);
    const cls = roadClassIndex((cells[eastClass] ?? '').split('|')[0]!);
    if (cls < 0) throw new Error(`${where}, east_highways: not a road class: ${cells[eastClass]}`);
    return { fileA: 1, idA, fileB: 0, idB, roadClass: cls };
  });
}
