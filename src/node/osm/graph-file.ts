/**
 * Built road graph files on disk: writing (atomically: a reader never sees half a file),
 * loading (one read, then zero-copy views), and a cache of graphs built from OSM extracts, keyed
 * by the content of the inputs, the builder and file-format versions and the default speeds (a
 * change to any of them rebuilds).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { GRAPH_BUILDER_VERSION } from '../../sim/roads/build/road-graph';
import type { Hierarchy } from '../../sim/roads/hierarchy';
import { encodeGraph, encodeHierarchy } from '../../sim/roads/build/encode';
import { GRAPH_FORMAT_VERSION } from '../../sim/roads/format';
import { decodeGraph, decodeHierarchy } from '../../sim/roads/query/decode';
import type { HierarchyStore, RoadGraph, SpaceStore } from '../../sim/roads/graph';
import { LONDON_ROAD_SPEEDS_KPH } from '../../sim/roads/speeds';
import { rememberedSha256 } from '../data/file-hash';
import { cacheDir } from '../data/paths';
import { writeFileAtomicSync } from '../files/atomic-write';
import { FileReadError, readCappedFile } from '../files/read-capped';
import { LIMITS } from '../../shared/scenario/limits';
import type { SharedFileReader } from '../pool/shared-files';
import type { SegmentStore, WithSegmentStore } from '../../world/segment-file';

/** A graph file that cannot be read; the message names the file. */
export class GraphFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphFileError';
  }
}

/**
 * Reads and decodes a built graph file (as written by `writeGraphFile` or `import-osm`), with a
 * store that keeps hierarchies for other speed tables in `hierarchyDir` (default: the cache's
 * roads folder), named after the graph's identity (its meta: sources with hashes, counts).
 */
export function loadGraphFile(file: string, hierarchyDir: string = path.join(cacheDir(), 'roads')): RoadGraph & WithSegmentStore {
  const graph = readGraphFile(file);
  const identity = createHash('sha256').update(JSON.stringify([graph.meta, graph.nodeCount, graph.edgeCount, graph.roadCount])).digest('hex').slice(0, 16);
  return withHierarchyStore(graph, hierarchyDir, `file-${identity}`);
}

/**
 * The graph with a store of hierarchies for other metrics as files `<dir>/<prefix>.metric-<key>.hier`,
 * a store of search spaces (src/sim/roads/query/space-file.ts) as `<dir>/<prefix>.spaces-<key>.bin`
 * and a store of its snapping index (src/world/segment-file.ts) as `<dir>/<prefix>.segments-<key>.bin`.
 */
export function withHierarchyStore(graph: RoadGraph, dir: string, prefix: string, read: ReadStored = readStored): RoadGraph & WithSegmentStore {
  return {
    ...graph,
    hierarchyStore: diskHierarchyStore(dir, prefix, graph, read),
    spaceStore: diskByteStore(dir, `${prefix}.spaces-`, SPACE_FILES_KEPT, read),
    segmentStore: diskByteStore(dir, `${prefix}.segments-`, SEGMENT_FILES_KEPT, read),
  };
}

/** Reads a stored file (a hierarchy or a space file) whole; throws when it cannot. */
type ReadStored = (file: string) => Uint8Array;

function readStored(file: string): Uint8Array {
  const bytes = readFileSync(file);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * `readStored`, but the files of `dir` named `<prefix>.…` that exist now come from `readShared`
 * (read ahead: the stores' loads are synchronous); a file the store writes later is read from disk.
 */
async function withSharedStored(dir: string, prefix: string, readShared: SharedFileReader): Promise<ReadStored> {
  const ahead = new Map<string, Uint8Array>();
  const names = readdirSync(dir).filter((entry) => ['spaces', 'metric', 'segments'].some((kind) => entry.startsWith(`${prefix}.${kind}-`)));
  await Promise.all(
    names.map(async (name) => {
      const bytes = await readShared(path.join(dir, name));
      if (bytes) ahead.set(path.join(dir, name), bytes);
    }),
  );
  return (file) => {
    const bytes = ahead.get(file);
    return bytes ?? readStored(file);
  };
}

/** The space file of `key` beside the graph file `graphFile` (`<name>.graph`) of the cache. */
export function spaceFilePath(graphFile: string, key: string): string {
  return `${graphFile.replace(/\.graph$/, '')}.spaces-${key}.bin`;
}

/** The segment file of `key` beside the graph file `graphFile` (`<name>.graph`) of the cache. */
export function segmentFilePath(graphFile: string, key: string): string {
  return `${graphFile.replace(/\.graph$/, '')}.segments-${key}.bin`;
}

/** Hierarchies kept per graph, at most (the least recently written go first). */
const METRICS_KEPT = 4;
/** Space files kept per graph, at most (one per metric and demand point set in use). */
const SPACE_FILES_KEPT = 4;
/** Segment files kept per graph, at most (one, unless the snapping index changed format). */
const SEGMENT_FILES_KEPT = 2;

/**
 * Files `<dir>/<start><key>.bin` by key (space files, segment files): a file that is missing or
 * unreadable loads as undefined (its content is made again and saved); the reader checks the
 * bytes. At most `kept` are kept (the least recently written go first).
 */
function diskByteStore(dir: string, start: string, kept: number, read: ReadStored): SpaceStore & SegmentStore {
  const fileOf = (key: string): string => path.join(dir, `${start}${key}.bin`);
  return {
    load(key: string): Uint8Array | undefined {
      try {
        return read(fileOf(key));
      } catch {
        return undefined; // none yet (or unreadable): made again and written
      }
    },
    save(key: string, bytes: ArrayBuffer): void {
      writeAtomically(fileOf(key), bytes);
      keepNewest(dir, start, '.bin', kept);
    },
  };
}

/** Removes all but the `kept` most recently written files of `dir` named `<start>...<end>`. */
function keepNewest(dir: string, start: string, end: string, kept: number): void {
  const mine = readdirSync(dir)
    .filter((entry) => entry.startsWith(start) && entry.endsWith(end))
    .map((entry) => ({ entry, time: statSync(path.join(dir, entry)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { entry } of mine.slice(kept)) rmSync(path.join(dir, entry), { force: true });
}

function diskHierarchyStore(dir: string, prefix: string, graph: RoadGraph, read: ReadStored): HierarchyStore {
  const fileOf = (key: string): string => path.join(dir, `${prefix}.metric-${key}.hier`);
  return {
    load(key: string): Hierarchy | undefined {
      const file = fileOf(key);
      if (!existsSync(file)) return undefined;
      try {
        return decodeHierarchy(read(file), graph);
      } catch {
        return undefined; // a damaged file: the hierarchy is contracted again and rewritten
      }
    },
    save(key: string, hierarchy: Hierarchy): void {
      writeAtomically(fileOf(key), encodeHierarchy(hierarchy, graph.nodeCount, graph.edgeCount));
      keepNewest(dir, `${prefix}.metric-`, '.hier', METRICS_KEPT);
    },
  };
}

/**
 * Reads and decodes a graph file. A file the user named is read with every check (readCappedFile:
 * no device or pipe, capped while read); a file of the cache (`ours`), our own regular file, in
 * one read into one buffer of its size (the capped read gathers 1 MB pieces and copies them
 * together: ~50 MB more to allocate and copy at every world build).
 */
function readGraphFile(file: string, ours = false, shared?: Uint8Array): RoadGraph {
  let bytes: Uint8Array;
  try {
    bytes = shared ?? (ours && statSync(file).size <= LIMITS.graphFileBytes ? readFileSync(file) : readCappedFile(file, LIMITS.graphFileBytes, 'road graph files'));
  } catch (error) {
    throw new GraphFileError(error instanceof FileReadError ? error.message : `${file}: cannot read (${(error as Error).message})`);
  }
  try {
    return decodeGraph(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new GraphFileError(`${file}: ${(error as Error).message}`);
  }
}

/** Writes the encoded graph to `file` through a temporary file renamed into place. */
export function writeGraphFile(file: string, graph: RoadGraph): void {
  writeAtomically(file, encodeGraph(graph));
}

function writeAtomically(file: string, content: ArrayBuffer): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileAtomicSync(file, new Uint8Array(content));
}

/**
 * sha256 (hex) of a file's content (an input of a cached graph): remembered in the cache while
 * the file is unchanged (src/node/data/file-hash.ts), so that a process finds its cached graph
 * without reading the inputs again.
 */
export function fileSha256(file: string): string {
  return rememberedSha256(file);
}

/**
 * The cache key of a graph built from `inputs` (name -> sha256): it changes with any input,
 * with the builder or file-format version, and with the default speeds the stored hierarchy is
 * built for.
 */
export function graphCacheKey(inputs: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256');
  hash.update(`builder ${GRAPH_BUILDER_VERSION} format ${GRAPH_FORMAT_VERSION}\n`);
  hash.update(`speeds ${JSON.stringify(LONDON_ROAD_SPEEDS_KPH)}\n`);
  for (const name of Object.keys(inputs).sort()) hash.update(`${name} ${inputs[name]}\n`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The graph cached as `<dir>/<prefix>-<key>.graph`, built by `build` when absent, with a store
 * for hierarchies of other metrics beside it. Files of other keys with the same prefix (older
 * builds and their hierarchies) are removed after a build. Concurrent builders both build; the
 * last rename wins, and both files are identical. With `readShared` (a sim worker of a pool that
 * shares cache files), the graph file and the stored files beside it are read through it.
 */
export async function cachedGraph(
  dir: string,
  prefix: string,
  key: string,
  build: () => Promise<RoadGraph>,
  readShared?: SharedFileReader,
): Promise<{ path: string; graph: RoadGraph & WithSegmentStore; built: boolean }> {
  const file = path.join(dir, `${prefix}-${key}.graph`);
  const stored = async (graph: RoadGraph): Promise<RoadGraph & WithSegmentStore> =>
    withHierarchyStore(graph, dir, `${prefix}-${key}`, readShared ? await withSharedStored(dir, `${prefix}-${key}`, readShared) : readStored);
  if (existsSync(file)) {
    try {
      const shared = readShared ? await readShared(file) : undefined;
      return { path: file, graph: await stored(readGraphFile(file, true, shared)), built: false };
    } catch {
      // A damaged cache file is rebuilt below.
    }
  }
  const graph = await build();
  writeGraphFile(file, graph);
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(`${prefix}-`) && !entry.startsWith(`${prefix}-${key}`)) rmSync(path.join(dir, entry), { force: true });
  }
  return { path: file, graph: await stored(graph), built: true };
}
