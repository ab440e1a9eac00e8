/**
 * One-to-all distance trees for origins that come back again and again (units waiting at their
 * base): once an origin has needed an exact time `buildAfter` times, its whole tree is computed
 * (one PHAST sweep, a few ms on a city graph) and every later query from it is a table lookup.
 * At most `capacity` trees are kept, first come first kept: evicting would let more frequent
 * origins than places take turns rebuilding their trees, each time more costly than the
 * search-space merges that serve the others. Trees give exactly the hierarchy's distances, so
 * caching never changes a result.
 *
 * Kept trees are stored LANES to a block, node by node (block[rank * LANES + lane]): the kept
 * trees also serve as landmarks (landmarks.ts), which read every tree at the same few nodes, and
 * so read one cache line per block instead of one per tree.
 */
import { HierarchyQuery, type Seeds } from './hierarchy-query';
import type { RoadPos } from './ends';

/** Trees per block. */
export const LANES = 16;

export interface TreeCacheOptions {
  /** Trees kept at most (each holds 4 bytes per node). */
  readonly capacity: number;
  /** Exact evaluations of an origin before its tree is built. */
  readonly buildAfter: number;
}

/** One tree: its milliseconds to the node of rank r are `data[r * stride + lane]` (UNREACHABLE: none). */
export interface TreeRef {
  readonly data: Uint32Array;
  readonly stride: number;
  readonly lane: number;
  /** Road position of its origin (null when the caller gave none). */
  readonly origin: RoadPos | null;
}

/**
 * Whether a tree made from `kept` serves the origin at `asked`: keys name a position to the
 * centimetre, but the seed costs (ends.ts `exits`) come from the exact metres, so two positions
 * under one key can be a millisecond apart. Unknown positions (null) are taken on trust.
 */
function sameOrigin(kept: RoadPos | null, asked: RoadPos | null): boolean {
  return kept === null || asked === null || (kept.road === asked.road && kept.posM === asked.posM);
}

/** Origins remembered for counting, at most; the counts start afresh beyond it. */
const MAX_COUNTED = 65_536;

export class TreeCache {
  private readonly trees = new Map<number, TreeRef>();
  private readonly uses = new Map<number, number>();
  /** Blocks of LANES kept trees each, in the order the trees were built. */
  readonly blocks: Uint32Array[] = [];
  /** Road position of each kept tree's origin, in the order built (null when the caller gave none). */
  readonly origins: (RoadPos | null)[] = [];
  /** Trees built so far (for benchmarks and tests). */
  built = 0;
  private readonly scratch: Uint32Array;

  constructor(
    private readonly query: HierarchyQuery,
    private readonly options: TreeCacheOptions,
  ) {
    this.scratch = new Uint32Array(query.nodeCount);
  }

  /** The tree of origin `key` (at road position `origin`, when given: the kept tree's must be the same), or undefined. */
  get(key: number, origin: RoadPos | null = null): TreeRef | undefined {
    const tree = this.trees.get(key);
    return tree && sameOrigin(tree.origin, origin) ? tree : undefined;
  }

  /**
   * The kept tree of origin `key`, or counts an exact evaluation of it; when that reaches the
   * threshold, builds and keeps its tree from the origin's seeds and returns it. Never one for a
   * position other than the one whose tree is kept under its key.
   */
  noteUse(key: number, seeds: () => Seeds, origin: RoadPos | null = null): TreeRef | undefined {
    const kept = this.trees.get(key);
    if (kept) return sameOrigin(kept.origin, origin) ? kept : undefined;
    if (this.trees.size >= this.options.capacity) return undefined;
    const count = (this.uses.get(key) ?? 0) + 1;
    if (count < this.options.buildAfter) {
      if (this.uses.size >= MAX_COUNTED) this.uses.clear();
      this.uses.set(key, count);
      return undefined;
    }
    this.uses.delete(key);
    return this.build(key, seeds(), origin);
  }

  /**
   * The tree of origin `key` (at road position `origin`, when given): kept, or built now (and
   * kept while there is room; else made for this caller only).
   */
  build(key: number, seeds: Seeds, origin: RoadPos | null = null): TreeRef {
    const existing = this.trees.get(key);
    if (existing && sameOrigin(existing.origin, origin)) return existing;
    // No room, or the key is another position's: a tree for this caller only.
    if (existing || this.trees.size >= this.options.capacity) {
      const tree = new Uint32Array(this.query.nodeCount);
      this.query.oneToAll(seeds, tree);
      return { data: tree, stride: 1, lane: 0, origin };
    }
    const index = this.origins.length;
    const lane = index % LANES;
    if (lane === 0) this.blocks.push(new Uint32Array(this.query.nodeCount * LANES));
    const data = this.blocks[this.blocks.length - 1]!;
    // The sweep reads its own compact copy (scratch) and writes each distance into the block as it settles.
    this.query.oneToAll(seeds, this.scratch, data, LANES, lane);
    const ref: TreeRef = { data, stride: LANES, lane, origin };
    this.trees.set(key, ref);
    this.origins.push(origin);
    this.built++;
    return ref;
  }

  /** Whether `noteUse` still counts uses (there is room for more trees); when not, it answers as `get`. */
  get counting(): boolean {
    return this.trees.size < this.options.capacity;
  }

  get size(): number {
    return this.trees.size;
  }
}
