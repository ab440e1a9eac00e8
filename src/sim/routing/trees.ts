/**
 * One-to-all distance trees for origins that come back again and again (units waiting at their
 * base): once an origin has needed an exact time `buildAfter` times, its whole tree is computed
 * (one PHAST sweep, a few ms on a city graph) and every later query from it is a table lookup.
 * At most `capacity` trees are kept; the least recently used goes first. Trees give exactly
 * the hierarchy's distances, so caching never changes a result.
 */
import { HierarchyQuery, type Seeds } from './ch/query';

export interface TreeCacheOptions {
  /** Trees kept at most (each holds 4 bytes per node). */
  readonly capacity: number;
  /** Exact evaluations of an origin before its tree is built. */
  readonly buildAfter: number;
}

interface Entry {
  readonly tree: Uint32Array;
  lastUsed: number;
}

/** Origins remembered for counting, at most; the counts start afresh beyond it. */
const MAX_COUNTED = 65_536;

export class TreeCache {
  private readonly trees = new Map<number, Entry>();
  private readonly uses = new Map<number, number>();
  private clock = 0;
  /** Trees built so far (for benchmarks and tests). */
  built = 0;

  constructor(
    private readonly query: HierarchyQuery,
    private readonly options: TreeCacheOptions,
  ) {}

  /** The tree of origin `key`, or undefined. */
  get(key: number): Uint32Array | undefined {
    const entry = this.trees.get(key);
    if (entry === undefined) return undefined;
    entry.lastUsed = ++this.clock;
    return entry.tree;
  }

  /**
   * Counts an exact evaluation of origin `key`; when it reaches the threshold, builds and keeps
   * its tree from the origin's seeds and returns it.
   */
  noteUse(key: number, seeds: () => Seeds): Uint32Array | undefined {
    if (this.options.capacity <= 0) return undefined;
    const count = (this.uses.get(key) ?? 0) + 1;
    if (count < this.options.buildAfter) {
      if (this.uses.size >= MAX_COUNTED) this.uses.clear();
      this.uses.set(key, count);
      return undefined;
    }
    this.uses.delete(key);
    return this.build(key, seeds());
  }

  /** Builds (or returns) the tree of origin `key` now. */
  build(key: number, seeds: Seeds): Uint32Array {
    const existing = this.get(key);
    if (existing) return existing;
    let tree: Uint32Array;
    if (this.options.capacity <= 0) {
      tree = new Uint32Array(this.query.nodeCount);
      this.query.oneToAll(seeds, tree);
      return tree;
    }
    if (this.trees.size >= this.options.capacity) {
      let oldestKey = -1;
      let oldest = Infinity;
      for (const [k, entry] of this.trees) {
        if (entry.lastUsed < oldest) {
          oldest = entry.lastUsed;
          oldestKey = k;
        }
      }
      tree = this.trees.get(oldestKey)!.tree;
      this.trees.delete(oldestKey);
    } else {
      tree = new Uint32Array(this.query.nodeCount);
    }
    this.query.oneToAll(seeds, tree);
    this.trees.set(key, { tree, lastUsed: ++this.clock });
    this.built++;
    return tree;
  }

  get size(): number {
    return this.trees.size;
  }
}
