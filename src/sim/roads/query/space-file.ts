/**
 * Search spaces kept between runs (a "space file"): the forward and backward spaces
 * (search-space.ts) of a fixed set of nodes, made for one hierarchy, in one buffer read by
 * typed-array views (no copy, no parse). Every run on a graph searches the spaces of the same
 * places again (the ways out and in of the demand points: about half of a London week's searches),
 * so a host keeps them (`SpaceStore`, graph.ts) and a run starts with them.
 *
 * Layout, all little-endian words (platform order, as the graph file): a 64-byte header
 *   0 magic, 1 format version, 2 node count, 3 rank count, 4-5 hierarchy fingerprint,
 *   6-7 node counts (forward, backward), 8-9 entry counts (forward, backward), 10-11 a hash of
 *   the places the spaces were made for (`places`: the host's words, e.g. demand points'
 *   coordinates), 12-15 zero;
 * then the distances (f64: forward entries, then backward), then per direction (forward first):
 * nodes (u32, ascending), first entry of each node's space (u32, one more), a check sum of each
 * space, and the entries' ranks (u32), parent arcs (i32) and parent entries (i32, in the space).
 * A file whose header or size is off, or that was made for another hierarchy or other places, is
 * not used (`decodeSpaceFile` gives undefined); a space whose sum is off (a damaged file) is
 * searched as without a file. The file names its nodes, so a host finds it by its places without
 * snapping them first; any space kept is the true space of its node on the hierarchy, so a node
 * missing or extra only changes what is searched, never a result.
 * Pure (no I/O): the host reads and writes the bytes.
 */
import type { Hierarchy } from '../hierarchy';
import type { SearchSpace, SpaceSearch } from './search-space';

const MAGIC = 0x50535352; // "RSSP"
/** Changes when the layout or the meaning of an entry changes (older files are then not used). */
export const SPACE_FILE_VERSION = 1;
const HEADER_WORDS = 16;

/** Nodes whose forward and backward spaces a file keeps (each ascending, no repeats). */
export interface SpaceNodes {
  readonly forward: Uint32Array;
  readonly backward: Uint32Array;
}

/** One direction's part of a file (views on it): node `nodes[i]`'s space is entries start[i] .. start[i + 1] - 1. */
interface Part {
  readonly nodes: Uint32Array;
  readonly start: Uint32Array;
  readonly sums: Uint32Array;
  readonly ranks: Uint32Array;
  readonly dist: Float64Array;
  /** The distances' bytes as words (for the sums). */
  readonly distWords: Uint32Array;
  readonly parentArc: Int32Array;
  readonly parentIndex: Int32Array;
}

/** The spaces of one direction, made into SearchSpaces (views) on first use, each checked then. */
export class SpaceTable {
  /** Index in the part's nodes of each graph node, -1 when it has no space here. */
  private readonly index: Int32Array;
  /** Zeros as long as the longest space: every space's seeds (each made from one node). */
  private readonly zeros: Int8Array;
  /** Spaces handed out so far, by index (made on first use: a one-day run needs a fraction); null: damaged. */
  private readonly made: (SearchSpace | null | undefined)[];
  /** Spaces found damaged (their sums did not match, checked when the file is read): searched instead. */
  damaged = 0;

  constructor(
    private readonly part: Part,
    nodeCount: number,
  ) {
    const { nodes, start } = part;
    this.index = new Int32Array(nodeCount).fill(-1);
    let longest = 0;
    for (let i = 0; i < nodes.length; i++) {
      this.index[nodes[i]!] = i;
      longest = Math.max(longest, start[i + 1]! - start[i]!);
    }
    this.zeros = new Int8Array(longest);
    this.made = new Array<SearchSpace | null | undefined>(nodes.length).fill(undefined);
    // Every space checked now, in one pass through the file in order (checked when first used,
    // spread over a run, each check read its entries cold: some 5 % of a London week).
    const entries = part.ranks.length;
    for (let i = 0; i < nodes.length; i++) {
      const a = start[i]!;
      const b = start[i + 1]!;
      if (!(a <= b && b <= entries) || spaceSum(part, a, b) !== part.sums[i]) {
        this.made[i] = null;
        this.damaged++;
      }
    }
  }

  /** Spaces kept. */
  get size(): number {
    return this.part.nodes.length;
  }

  /** Entries of all the spaces kept. */
  get entries(): number {
    return this.part.ranks.length;
  }

  /** The space of graph node `node` (views on the file; seeds all 0), or undefined (none, or damaged). */
  space(node: number): SearchSpace | undefined {
    const i = this.index[node];
    if (i === undefined || i < 0) return undefined;
    let space = this.made[i];
    if (space === undefined) space = this.made[i] = this.view(i);
    return space ?? undefined;
  }

  /** The space at index `i` (its sum checked by the constructor). */
  private view(i: number): SearchSpace {
    const p = this.part;
    const a = p.start[i]!;
    const b = p.start[i + 1]!;
    return {
      ranks: p.ranks.subarray(a, b),
      dist: p.dist.subarray(a, b),
      parentArc: p.parentArc.subarray(a, b),
      parentIndex: p.parentIndex.subarray(a, b),
      seed: this.zeros.subarray(0, b - a),
    };
  }
}

export interface SpaceFile {
  readonly forward: SpaceTable;
  readonly backward: SpaceTable;
}

/** Two running sums (Fletcher style: the second adds up the first, so order counts), as [a, b]; also the segment file's (src/world/segment-file.ts). */
export function sumInto(h: Int32Array, words: Uint32Array | Int32Array, from: number, to: number): void {
  let a = h[0]!;
  let b = h[1]!;
  for (let i = from; i < to; i++) {
    a = (a + words[i]! + 0x9e3779b9) | 0;
    b = (b + (a ^ (a >>> 15))) | 0;
  }
  h[0] = a;
  h[1] = b ^ (to - from);
}

const scratch = new Int32Array(2);

/** The check sum of the entries a .. b - 1 of a part. */
function spaceSum(p: Part, a: number, b: number): number {
  scratch[0] = 0x811c9dc5;
  scratch[1] = b - a;
  sumInto(scratch, p.ranks, a, b);
  sumInto(scratch, p.distWords, 2 * a, 2 * b);
  sumInto(scratch, p.parentArc, a, b);
  sumInto(scratch, p.parentIndex, a, b);
  return (scratch[0]! ^ Math.imul(scratch[1]!, 0x01000193)) >>> 0;
}

const fingerprints = new WeakMap<Hierarchy, Int32Array>();

/** Every 16th word of the metric and the arc arrays is summed (the ranks wholly): a few ms on London. */
const SAMPLE = 16;

/**
 * A fingerprint of what a space depends on: the ranks wholly, the metric and the arc arrays
 * (heads, weights, ids, both ways) by their lengths and a sample. Another contraction of the graph
 * (another metric, another contraction order) ranks its nodes otherwise.
 */
export function hierarchyFingerprint(h: Hierarchy): Int32Array {
  let fp = fingerprints.get(h);
  if (!fp) {
    fp = Int32Array.of(0x811c9dc5, 0x01000193);
    sumInto(fp, h.rank, 0, h.rank.length);
    for (const arcs of [h.edgeWeightMs, h.upOutFirst, h.upOutHead, h.upOutWeight, h.upOutArc, h.upInFirst, h.upInTail, h.upInWeight, h.upInArc]) {
      const sample = new Uint32Array(Math.ceil(arcs.length / SAMPLE) + 1);
      for (let i = 0, k = 0; i < arcs.length; i += SAMPLE) sample[k++] = arcs[i]!;
      sample[sample.length - 1] = arcs.length;
      sumInto(fp, sample, 0, sample.length);
    }
    fingerprints.set(h, fp);
  }
  return fp;
}

const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');

/** Two words summing up `places` (the host's words naming the places of a file). */
function placesHash(places: Uint32Array): Int32Array {
  const acc = Int32Array.of(0x2545f491, places.length);
  sumInto(acc, places, 0, places.length);
  return acc;
}

/** The key a store files the spaces of `places` on `h` under: changes with the hierarchy and the places. */
export function spaceFileKey(h: Hierarchy, places: Uint32Array): string {
  const acc = Int32Array.from(hierarchyFingerprint(h));
  const ph = placesHash(places);
  sumInto(acc, Uint32Array.of(SPACE_FILE_VERSION, h.rank.length, ph[0]! >>> 0, ph[1]! >>> 0), 0, 4);
  return hex(acc[0]!) + hex(acc[1]!);
}

/** Words of a file with these counts. */
function fileWords(nf: number, nb: number, ef: number, eb: number): number {
  return HEADER_WORDS + 2 * (ef + eb) + (3 * nf + 1) + (3 * nb + 1) + 3 * (ef + eb);
}

/** The two parts of a file (views), laid out as the header says. */
function parts(buffer: ArrayBufferLike, byteOffset: number, counts: readonly [number, number, number, number]): [Part, Part] {
  const [nf, nb, ef, eb] = counts;
  let w = HEADER_WORDS + 2 * (ef + eb);
  const u32 = (n: number): Uint32Array => new Uint32Array(buffer, byteOffset + 4 * (w += n) - 4 * n, n);
  const i32 = (n: number): Int32Array => new Int32Array(buffer, byteOffset + 4 * (w += n) - 4 * n, n);
  const out: Part[] = [];
  let at = HEADER_WORDS;
  for (const [n, e] of [[nf, ef], [nb, eb]] as const) {
    const nodes = u32(n);
    const start = u32(n + 1);
    const sums = u32(n);
    const ranks = u32(e);
    const parentArc = i32(e);
    const parentIndex = i32(e);
    const dist = new Float64Array(buffer, byteOffset + 4 * at, e);
    const distWords = new Uint32Array(buffer, byteOffset + 4 * at, 2 * e);
    at += 2 * e;
    out.push({ nodes, start, sums, ranks, dist, distWords, parentArc, parentIndex });
  }
  return out as [Part, Part];
}

/**
 * Searches the spaces of `nodes` (those of `places`) on `h` (with `search`, made for `h`) and lays
 * them out as a space file.
 */
export function encodeSpaceFile(h: Hierarchy, search: SpaceSearch, nodes: SpaceNodes, nodeCount: number, places: Uint32Array): ArrayBuffer {
  const made = [Array.from(nodes.forward, (x) => search.forward({ nodes: [x], costs: [0] })), Array.from(nodes.backward, (y) => search.backward({ nodes: [y], costs: [0] }))];
  const [ef, eb] = made.map((spaces) => spaces.reduce((sum, s) => sum + s.ranks.length, 0)) as [number, number];
  const counts = [nodes.forward.length, nodes.backward.length, ef, eb] as const;
  const buffer = new ArrayBuffer(fileWords(...counts) * 4);
  parts(buffer, 0, counts).forEach((p, d) => {
    p.nodes.set(d === 0 ? nodes.forward : nodes.backward);
    let k = 0;
    made[d]!.forEach((s, i) => {
      p.start[i] = k;
      p.ranks.set(s.ranks, k);
      p.dist.set(s.dist, k);
      p.parentArc.set(s.parentArc, k);
      p.parentIndex.set(s.parentIndex, k);
      p.sums[i] = spaceSum(p, k, k + s.ranks.length);
      k += s.ranks.length;
    });
    p.start[made[d]!.length] = k;
  });
  const fp = hierarchyFingerprint(h);
  const ph = placesHash(places);
  new Uint32Array(buffer, 0, HEADER_WORDS).set([MAGIC, SPACE_FILE_VERSION, nodeCount, h.rank.length, fp[0]! >>> 0, fp[1]! >>> 0, ...counts, ph[0]! >>> 0, ph[1]! >>> 0]);
  return buffer;
}

/**
 * The space file in `bytes` when its header and size are whole and it was made for `h` (on a
 * graph of `nodeCount` nodes) and these `places`; else undefined. The tables are views on `bytes`
 * (each space checked by its sum as the tables are made, in one pass).
 */
export function decodeSpaceFile(bytes: Uint8Array, h: Hierarchy, nodeCount: number, places: Uint32Array): SpaceFile | undefined {
  // Views need the buffer aligned for f64 (a Node Buffer may sit at any offset of its pool): copy if not.
  const data = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  if (data.byteLength < HEADER_WORDS * 4 || data.byteLength % 4 !== 0) return undefined;
  const header = Array.from(new Uint32Array(data.buffer, data.byteOffset, HEADER_WORDS));
  const [magic, version, nodesHere, rankCount, f0, f1, nf, nb, ef, eb, p0, p1] = header as [number, number, number, number, number, number, number, number, number, number, number, number];
  const fp = hierarchyFingerprint(h);
  const ph = placesHash(places);
  if (magic !== MAGIC || version !== SPACE_FILE_VERSION || nodesHere !== nodeCount || rankCount !== h.rank.length) return undefined;
  if (f0 !== fp[0]! >>> 0 || f1 !== fp[1]! >>> 0 || p0 !== ph[0]! >>> 0 || p1 !== ph[1]! >>> 0) return undefined;
  if (data.byteLength !== fileWords(nf, nb, ef, eb) * 4) return undefined;
  const [forward, backward] = parts(data.buffer, data.byteOffset, [nf, nb, ef, eb]);
  for (const [p, entries] of [[forward, ef], [backward, eb]] as const) {
    if (!ascending(p.nodes, nodeCount) || p.start[0] !== 0 || p.start[p.nodes.length] !== entries) return undefined;
  }
  return { forward: new SpaceTable(forward, nodeCount), backward: new SpaceTable(backward, nodeCount) };
}

/** Whether `nodes` ascend strictly and are all nodes of the graph. */
function ascending(nodes: Uint32Array, nodeCount: number): boolean {
  for (let i = 0; i < nodes.length; i++) if (nodes[i]! >= nodeCount || (i > 0 && nodes[i]! <= nodes[i - 1]!)) return false;
  return true;
}
