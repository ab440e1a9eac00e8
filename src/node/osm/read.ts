/**
 * Reading drivable ways out of `.osm.pbf` files (osm-pbf-parser-node) into the builder's raw
 * network. Two passes per file: the ways first (to learn which nodes matter), then the
 * coordinates of just those nodes, so that a city extract with millions of untagged nodes costs
 * memory only for its roads.
 *
 * Several files can be read into one network (the built-in London graph is two files); each file
 * has its own node-id namespace, and `link` joins a node of one file to a node of another.
 */
import { createReadStream, statSync } from 'node:fs';
import type { RawNetwork } from '../../sim/roads/build/road-graph';
import { drivableClass, onewayOf, parseMaxspeed, WAY_TAG_KEYS, type Tags } from './tags';

/** Called as the files are read: `done` and `total` are bytes over both passes of all files added. */
export type Progress = (done: number, total: number, phase: string) => void;

interface OsmWay {
  readonly type: 'way';
  readonly id: number;
  readonly refs: readonly number[];
  readonly tags?: Tags;
}
interface OsmNode {
  readonly type: 'node';
  readonly id: number;
  readonly lon: number;
  readonly lat: number;
}

/** Raised for a file that is not a readable OSM PBF; the message names the file. */
export class OsmReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OsmReadError';
  }
}

export class RawNetworkBuilder {
  /**
   * Nodes outside this lon/lat box (`west, south, east, north`) are left out; ways are cut where
   * they leave it. Undefined: keep everything.
   */
  constructor(private readonly bbox?: readonly [number, number, number, number]) {}

  private readonly nodeIndex: Map<number, number>[] = [];
  private readonly lon: number[] = [];
  private readonly lat: number[] = [];
  private readonly wayFirstRef: number[] = [0];
  private readonly wayRefs: number[] = [];
  private readonly wayClass: number[] = [];
  private readonly wayOneway: number[] = [];
  private readonly wayMaxspeed: number[] = [];
  /** Drivable ways read (before splitting at nodes missing from the file). */
  waysRead = 0;
  /** Ways whose nodes were partly missing from their file or outside the box (cut at the gaps). */
  waysWithMissingNodes = 0;

  /** Reads one file's drivable ways; returns the file's number for `link`. */
  async addFile(file: string, progress?: Progress, phaseLabel = file): Promise<number> {
    const fileNo = this.nodeIndex.length;
    const index = new Map<number, number>();
    this.nodeIndex.push(index);
    let size: number;
    try {
      size = statSync(file).size;
    } catch (error) {
      throw new OsmReadError(`${file}: cannot read (${(error as Error).message})`);
    }
    const ways: { refs: number[]; cls: number; oneway: number; maxspeed: number }[] = [];
    await stream(file, { node: false, way: [...WAY_TAG_KEYS], relation: false }, size, 0, progress, `ways of ${phaseLabel}`, (item) => {
      if (item.type !== 'way') return;
      const way = item as OsmWay;
      const tags = way.tags ?? {};
      const cls = drivableClass(tags);
      if (cls < 0) return;
      for (const id of way.refs) if (!index.has(id)) index.set(id, -1);
      ways.push({ refs: way.refs.slice(), cls, oneway: onewayOf(tags), maxspeed: parseMaxspeed(tags.maxspeed) });
    });
    await stream(file, { node: false, way: false, relation: false }, size, size, progress, `nodes of ${phaseLabel}`, (item) => {
      if (item.type !== 'node') return;
      const node = item as OsmNode;
      if (index.get(node.id) !== -1) return;
      if (this.bbox && !(node.lon >= this.bbox[0] && node.lat >= this.bbox[1] && node.lon <= this.bbox[2] && node.lat <= this.bbox[3])) return;
      index.set(node.id, this.lon.length);
      this.lon.push(node.lon);
      this.lat.push(node.lat);
    });
    for (const way of ways) {
      this.waysRead++;
      let run: number[] = [];
      let gap = false;
      for (const id of way.refs) {
        const local = index.get(id)!;
        if (local >= 0) {
          run.push(local);
          continue;
        }
        gap = true;
        this.pushWay(run, way.cls, way.oneway, way.maxspeed);
        run = [];
      }
      this.pushWay(run, way.cls, way.oneway, way.maxspeed);
      if (gap) this.waysWithMissingNodes++;
    }
    return fileNo;
  }

  /**
   * Adds a two-way road of class `cls` between node `idA` of file `fileA` and node `idB` of file
   * `fileB` (a straight segment). Throws naming the id when a node is not a road node of its file.
   */
  link(fileA: number, idA: number, fileB: number, idB: number, cls: number): void {
    const a = this.nodeIndex[fileA]?.get(idA);
    const b = this.nodeIndex[fileB]?.get(idB);
    if (a === undefined || a < 0) throw new OsmReadError(`link: node ${idA} is not on a drivable way of file ${fileA}`);
    if (b === undefined || b < 0) throw new OsmReadError(`link: node ${idB} is not on a drivable way of file ${fileB}`);
    this.pushWay([a, b], cls, 0, 0);
  }

  /** The local node index of OSM node `id` of file `fileNo`, or -1. */
  localNode(fileNo: number, id: number): number {
    return this.nodeIndex[fileNo]?.get(id) ?? -1;
  }

  finish(): RawNetwork {
    return {
      nodeLon: Float64Array.from(this.lon),
      nodeLat: Float64Array.from(this.lat),
      wayFirstRef: Uint32Array.from(this.wayFirstRef),
      wayRefs: Uint32Array.from(this.wayRefs),
      wayClass: Uint8Array.from(this.wayClass),
      wayOneway: Int8Array.from(this.wayOneway),
      wayMaxspeedKph: Float32Array.from(this.wayMaxspeed),
    };
  }

  private pushWay(refs: readonly number[], cls: number, oneway: number, maxspeed: number): void {
    if (refs.length < 2) return;
    for (const r of refs) this.wayRefs.push(r);
    this.wayFirstRef.push(this.wayRefs.length);
    this.wayClass.push(cls);
    this.wayOneway.push(oneway);
    this.wayMaxspeed.push(maxspeed);
  }
}

/** Streams a PBF file's entities to `visit`, reporting bytes read. */
async function stream(
  file: string,
  withTags: { node: boolean | string[]; way: boolean | string[]; relation: boolean | string[] },
  size: number,
  offset: number,
  progress: Progress | undefined,
  phase: string,
  visit: (item: { type: string }) => void,
): Promise<void> {
  // Loaded when a file is read (a graph is built), not by every process that uses cached graphs:
  // the parser costs ~70 ms CPU to load (every sim worker loaded it; 2026-12-07).
  const { OSMTransform } = await import('osm-pbf-parser-node');
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  let read = 0;
  if (progress) {
    input.on('data', (chunk) => {
      read += chunk.length;
      progress(offset + read, 2 * size, phase);
    });
  }
  const parser = new OSMTransform({ withTags, withInfo: false });
  const failed = new Promise<never>((_, reject) => {
    input.on('error', (error) => reject(new OsmReadError(`${file}: cannot read (${error.message})`)));
    parser.on('error', (error: Error) => reject(new OsmReadError(`${file}: not a valid .osm.pbf file (${error.message})`)));
  });
  input.pipe(parser);
  const consume = (async () => {
    for await (const batch of parser as AsyncIterable<{ type: string }[]>) {
      for (const item of batch) visit(item);
    }
  })();
  await Promise.race([consume, failed]);
}
