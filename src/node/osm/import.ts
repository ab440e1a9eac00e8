/**
 * OSM extract(s) to a built road graph with its contraction hierarchy (for the default London
 * speeds), ready to encode: the whole import, used by `import-osm`, the London cache and tests.
 */
import path from 'node:path';
import { buildRoadGraph } from '../../sim/roads/build/road-graph';
import { contract } from '../../sim/roads/build/contract';
import type { RoadGraph } from '../../sim/roads/graph';
import { speedTable } from '../../sim/roads/speeds';
import { edgeWeightsMs } from '../../sim/roads/weights';
import { cacheDir } from '../data/paths';
import { cachedGraph, fileSha256, graphCacheKey } from './graph-file';
import type { SharedFileReader } from '../pool/shared-files';
import { RawNetworkBuilder } from './read';

/** A straight two-way link between node `idA` of input `fileA` and node `idB` of input `fileB`. */
export interface OsmLink {
  readonly fileA: number;
  readonly idA: number;
  readonly fileB: number;
  readonly idB: number;
  /** Road class number (classes.ts). */
  readonly roadClass: number;
}

export interface ImportOptions {
  /** Recorded in the graph (file names with content hashes). */
  readonly sources: readonly string[];
  readonly links?: readonly OsmLink[];
  /** Keep only roads inside this lon/lat box: west, south, east, north. */
  readonly bbox?: readonly [number, number, number, number];
  /** Build the contraction hierarchy for the default speeds (default true). */
  readonly hierarchy?: boolean;
  /** Fraction done (0..1) and the current phase. */
  readonly progress?: (fraction: number, phase: string) => void;
}

/** How the progress fraction is shared out between the phases. */
const READ_SHARE = 0.35;
const BUILD_SHARE = 0.1;

export async function importOsm(files: readonly string[], options: ImportOptions): Promise<RoadGraph> {
  const builder = new RawNetworkBuilder(options.bbox);
  const progress = options.progress;
  for (let i = 0; i < files.length; i++) {
    await builder.addFile(files[i]!, progress && ((done, total, phase) => progress((READ_SHARE * (i + done / total)) / files.length, `reading ${phase}`)));
  }
  for (const link of options.links ?? []) builder.link(link.fileA, link.idA, link.fileB, link.idB, link.roadClass);
  progress?.(READ_SHARE, 'building the graph');
  const graph = buildRoadGraph(builder.finish(), { sources: options.sources });
  if (options.hierarchy === false) {
    progress?.(1, 'done');
    return graph;
  }
  progress?.(READ_SHARE + BUILD_SHARE, 'contracting');
  const hierarchy = withDefaultHierarchy(graph, (done, total) =>
    progress?.(READ_SHARE + BUILD_SHARE + (1 - READ_SHARE - BUILD_SHARE) * (done / total), 'contracting'),
  );
  progress?.(1, 'done');
  return hierarchy;
}

/** The graph with a contraction hierarchy for the default (London) speeds. */
export function withDefaultHierarchy(graph: RoadGraph, onProgress?: (done: number, total: number) => void): RoadGraph {
  const weightMs = edgeWeightsMs(graph, speedTable());
  const hierarchy = contract({ firstOut: graph.firstOut, edgeHead: graph.edgeHead, weightMs }, { onProgress });
  return { ...graph, hierarchy };
}

/**
 * A graph built from an OSM extract the user names (e.g. `network.source: "greater-london.osm.pbf"`),
 * built once into the cache (`<cacheDir>/roads/osm-<name>-<key>.graph`) and rebuilt when the
 * file's content, the builder, the file format or the default speeds change.
 */
export async function ensureOsmGraph(
  file: string,
  options: { readonly cacheDir?: string; readonly progress?: (fraction: number, phase: string) => void; readonly readShared?: SharedFileReader } = {},
): Promise<{ path: string; graph: RoadGraph }> {
  const name = path.basename(file);
  const sha = fileSha256(file);
  const key = graphCacheKey({ [name]: sha });
  const dir = path.join(options.cacheDir ?? cacheDir(), 'roads');
  const prefix = `osm-${name.replace(/\.osm\.pbf$|\.pbf$/i, '').replace(/[^A-Za-z0-9_]+/g, '_')}`;
  const { path: built, graph } = await cachedGraph(dir, prefix, key, () => importOsm([file], { sources: [`${name} sha256:${sha}`], progress: options.progress }), options.readShared);
  return { path: built, graph };
}
