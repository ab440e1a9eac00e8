/**
 * The snapping index of a road graph kept in a file (a "segment file"), so that a world build
 * reads it instead of making it (segment-index.ts: the segments' order and the fine and coarse
 * grids: ~250 ms of every London world build before, ~190 ms made by segment-layout.ts now). One
 * buffer read by typed-array views (no copy, no parse); the segments' ends are the graph's
 * vertices, projected where snapping reads them.
 *
 * Layout, little-endian (platform order, as the graph file):
 *   a 64-byte header of u32 words: 0 magic, 1 format version, 2 vertex count, 3 road count,
 *     4-5 graph fingerprint, 6-8 fine grid columns, rows, items, 9-11 coarse grid columns, rows,
 *     items, 12-13 check sum of everything after the header, 14-15 zero;
 *   8 f64: kx, ky (the projection), fine x0, y0, cell size, coarse x0, y0, cell size;
 *   u32 arrays: segV (first vertex of each segment), fine start (columns x rows + 1), fine items,
 *   coarse start, coarse items.
 * A file whose header or size is off, that was made for another graph, projection or cell sizes,
 * or whose sum is off (a damaged file) is not used (`decodeSegmentFile` gives undefined): the
 * index is made again and the host keeps the new file.
 * Pure (no I/O): the host reads and writes the bytes (`SegmentStore`).
 */
import type { RoadGraph } from '../sim/roads/graph';
import { sumInto } from '../sim/roads/query/space-file';
import type { GridParts } from './segment-grid';
import { COARSE_CELL_M, FINE, snapProjection, type SegmentLayout } from './segment-index';

const MAGIC = 0x47535352; // "RSSG"
/** Changes when the layout or the meaning of a file changes (older files are then not used). */
export const SEGMENT_FILE_VERSION = 2;
const HEADER_WORDS = 16;
const FLOATS = 8;
/** Words before the arrays: the header and the floats. */
const LEAD_WORDS = HEADER_WORDS + 2 * FLOATS;
/** Vertices (and roads) whose coordinates (and first vertices) go into the graph's fingerprint. */
const SAMPLES = 256;

/**
 * Where a host keeps segment files by key (`segmentFileKey`). `load` may give bytes made for
 * another graph or damaged: they are checked before use. Without `save` (a browser: no disk) a
 * missing or unusable file means the index is made in the build, as without a store.
 */
export interface SegmentStore {
  load(key: string): Uint8Array | undefined;
  save?(key: string, bytes: ArrayBuffer): void;
}

/** A graph as a host hands it to the world builder, with a store of its segment files when it keeps them. */
export interface WithSegmentStore {
  readonly segmentStore?: SegmentStore;
}

type Graph = Pick<RoadGraph, 'roadCount' | 'roadFirstVertex' | 'vertexLon' | 'vertexLat'> & { readonly meta?: RoadGraph['meta'] | null };

function words(array: Float64Array | Uint32Array): Uint32Array {
  return new Uint32Array(array.buffer, array.byteOffset, array.byteLength / 4);
}

/**
 * The graph's fingerprint for its segment file: its meta (sources with their hashes, counts and
 * lengths by class), counts, the projection (from every node's latitude) and cell sizes, and the
 * coordinates and road starts of SAMPLES vertices and roads spread over it. Not every vertex: on
 * London that read 12 MB, ~20 ms at every world build where memory is slow to map (the host
 * names the file after the graph's identity as well).
 */
function fingerprint(graph: Graph, kx: number, ky: number): Int32Array {
  const { roadFirstVertex, vertexLon, vertexLat, roadCount } = graph;
  const n = vertexLon.length;
  const meta = JSON.stringify(graph.meta ?? null);
  const sample = new Uint32Array(meta.length + 5 * SAMPLES);
  let k = 0;
  for (let i = 0; i < meta.length; i++) sample[k++] = meta.charCodeAt(i);
  const lon = words(vertexLon);
  const lat = words(vertexLat);
  for (let i = 0; i < SAMPLES; i++) {
    const v = Math.floor((i * (n - 1)) / (SAMPLES - 1));
    sample[k++] = lon[2 * v]!;
    sample[k++] = lon[2 * v + 1]!;
    sample[k++] = lat[2 * v]!;
    sample[k++] = lat[2 * v + 1]!;
    sample[k++] = roadFirstVertex[Math.floor((i * roadCount) / (SAMPLES - 1))]!;
  }
  const fp = Int32Array.of(0x811c9dc5, 0x01000193);
  sumInto(fp, sample, 0, k);
  sumInto(fp, words(Float64Array.of(kx, ky, FINE.cellM, COARSE_CELL_M)), 0, 8);
  sumInto(fp, Uint32Array.of(SEGMENT_FILE_VERSION, n, roadCount), 0, 3);
  return fp;
}

const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');

/** The store key of the graph's segment file for snapping's projection of it (its fingerprint with this format's version). */
export function segmentFileKey(graph: Graph & Pick<RoadGraph, 'nodeCount' | 'nodeLat'>, projection: { kx: number; ky: number } = snapProjection(graph)): string {
  const fp = fingerprint(graph, projection.kx, projection.ky);
  return hex(fp[0]!) + hex(fp[1]!);
}

/** Words of a file for a graph of `count` segments with these grids. */
function fileWords(count: number, fine: readonly [number, number, number], coarse: readonly [number, number, number]): number {
  return LEAD_WORDS + count + (fine[0] * fine[1] + 1) + fine[2] + (coarse[0] * coarse[1] + 1) + coarse[2];
}

/** The arrays of a file (views on `buffer`), laid out as its counts say. */
function arrays(buffer: ArrayBufferLike, byteOffset: number, count: number, fine: readonly number[], coarse: readonly number[]): Uint32Array[] {
  const lengths = [count, fine[0]! * fine[1]! + 1, fine[2]!, coarse[0]! * coarse[1]! + 1, coarse[2]!];
  let at = byteOffset + LEAD_WORDS * 4;
  return lengths.map((length) => {
    const view = new Uint32Array(buffer, at, length);
    at += 4 * length;
    return view;
  });
}

/**
 * The check sum of a file's words after the header: two running sums (Fletcher's, of 32-bit
 * words): any one word changed, or two swapped, changes it. Cheaper than the fingerprint's mixing
 * (every word of a 9 MB file at each world build).
 */
function bodySum(all: Uint32Array): Int32Array {
  let a = 0x811c9dc5 | 0;
  let b = all.length | 0;
  for (let i = HEADER_WORDS; i < all.length; i++) {
    a = (a + all[i]!) | 0;
    b = (b + a) | 0;
  }
  return Int32Array.of(a, b);
}

/** The segment file of `layout`, the index of `graph` projected with `kx`, `ky`. */
export function encodeSegmentFile(graph: Graph, kx: number, ky: number, layout: SegmentLayout): ArrayBuffer {
  return encode(graph, kx, ky, layout, fingerprint(graph, kx, ky));
}

function encode(graph: Graph, kx: number, ky: number, layout: SegmentLayout, fp: Int32Array): ArrayBuffer {
  const { segV, fine, coarse } = layout;
  const fineCounts = [fine.cols, fine.rows, fine.items.length] as const;
  const coarseCounts = [coarse.cols, coarse.rows, coarse.items.length] as const;
  const buffer = new ArrayBuffer(4 * fileWords(segV.length, fineCounts, coarseCounts));
  new Float64Array(buffer, 4 * HEADER_WORDS, FLOATS).set([kx, ky, fine.x0, fine.y0, fine.cellM, coarse.x0, coarse.y0, coarse.cellM]);
  const [v, fs, fi, cs, ci] = arrays(buffer, 0, segV.length, fineCounts, coarseCounts) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  v.set(segV);
  fs.set(fine.start);
  fi.set(fine.items);
  cs.set(coarse.start);
  ci.set(coarse.items);
  const all = new Uint32Array(buffer);
  all.set([MAGIC, SEGMENT_FILE_VERSION, graph.vertexLon.length, graph.roadCount, fp[0]! >>> 0, fp[1]! >>> 0, ...fineCounts, ...coarseCounts], 0);
  const sum = bodySum(all);
  all[12] = sum[0]! >>> 0;
  all[13] = sum[1]! >>> 0;
  return buffer;
}

/**
 * The layout in `bytes` when its header, size and sum are whole and it was made for `graph`
 * projected with `kx`, `ky` and today's cell sizes; else undefined. The arrays are views on `bytes`.
 */
export function decodeSegmentFile(bytes: Uint8Array, graph: Graph, kx: number, ky: number): SegmentLayout | undefined {
  return decode(bytes, graph, kx, ky, fingerprint(graph, kx, ky));
}

function decode(bytes: Uint8Array, graph: Graph, kx: number, ky: number, fp: Int32Array): SegmentLayout | undefined {
  // Views need the buffer aligned for f64 (a Node Buffer may sit at any offset of its pool): copy if not.
  const data = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  if (data.byteLength < LEAD_WORDS * 4 || data.byteLength % 4 !== 0) return undefined;
  const all = new Uint32Array(data.buffer, data.byteOffset, data.byteLength / 4);
  const floats = new Float64Array(data.buffer, data.byteOffset + 4 * HEADER_WORDS, FLOATS);
  const count = graph.vertexLon.length - graph.roadCount;
  if (all[0] !== MAGIC || all[1] !== SEGMENT_FILE_VERSION || all[2] !== graph.vertexLon.length || all[3] !== graph.roadCount) return undefined;
  if (all[4] !== fp[0]! >>> 0 || all[5] !== fp[1]! >>> 0) return undefined;
  const [fileKx, fileKy, fx0, fy0, fineCellM, cx0, cy0, coarseCellM] = floats as unknown as [number, number, number, number, number, number, number, number];
  if (!Object.is(fileKx, kx) || !Object.is(fileKy, ky) || fineCellM !== FINE.cellM || coarseCellM !== COARSE_CELL_M) return undefined;
  const fineCounts = [all[6]!, all[7]!, all[8]!] as const;
  const coarseCounts = [all[9]!, all[10]!, all[11]!] as const;
  if (!(fineCounts[0] >= 1 && fineCounts[1] >= 1 && coarseCounts[0] >= 1 && coarseCounts[1] >= 1)) return undefined;
  if (all.length !== fileWords(count, fineCounts, coarseCounts)) return undefined;
  const sum = bodySum(all);
  if (all[12] !== sum[0]! >>> 0 || all[13] !== sum[1]! >>> 0) return undefined;
  const [segV, fs, fi, cs, ci] = arrays(data.buffer, data.byteOffset, count, fineCounts, coarseCounts) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  // The sum stands for the content (as written from a layout made here); the shape is checked.
  const grid = (x0: number, y0: number, cellM: number, [cols, rows]: readonly number[], start: Uint32Array, items: Uint32Array): GridParts | undefined =>
    start[0] === 0 && start[start.length - 1] === items.length ? { x0, y0, cols: cols!, rows: rows!, cellM, start, items } : undefined;
  const fine = grid(fx0, fy0, fineCellM, fineCounts, fs, fi);
  const coarse = grid(cx0, cy0, coarseCellM, coarseCounts, cs, ci);
  if (!fine || !coarse) return undefined;
  return { segV, fine, coarse };
}

/**
 * The index layout of `graph` from `store` when it holds a good file for it, else made by `make`
 * and saved there (when the store can save). Tells which.
 */
export function storedLayout(
  store: SegmentStore,
  graph: Graph,
  kx: number,
  ky: number,
  make: () => SegmentLayout,
): { layout: SegmentLayout; kept: 'read' | 'made' } {
  const fp = fingerprint(graph, kx, ky);
  const key = hex(fp[0]!) + hex(fp[1]!);
  let bytes: Uint8Array | undefined;
  try {
    bytes = store.load(key);
  } catch {
    bytes = undefined; // unreadable: made again
  }
  const read = bytes ? decode(bytes, graph, kx, ky, fp) : undefined;
  if (read) return { layout: read, kept: 'read' };
  const layout = make();
  try {
    store.save?.(key, encode(graph, kx, ky, layout, fp));
  } catch {
    // A store that cannot write (a full disk, a read-only cache): the next build makes it again.
  }
  return { layout, kept: 'made' };
}
