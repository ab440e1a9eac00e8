/**
 * One-to-all distance trees for origins that come back again and again (units waiting at their
 * base): once an origin has needed an exact time `buildAfter` times, its whole tree is computed
 * (one PHAST sweep, a few ms on a city graph) and every later query from it is a table lookup.
 * At most `capacity` trees are kept, first come first kept: evicting would let more frequent
 * origins than places take turns rebuilding their trees, each time more costly than the
 * search-space merges that serve the others. Trees give exactly the hierarchy's distances, so
 * caching never changes a result.
 */
import { HierarchyQuery, type Seeds } from './ch/query';

export interface TreeCacheOptions {
  /** Trees kept at most (each holds 4 bytes per node). */
  readonly capacity: number;
  /** Exact evaluations of an origin before its tree is built. */
  readonly buildAfter: number;
}


/** Origins remembered for counting, at most; the counts start afresh beyond it. */
const MAX_COUNTED = 65_536;

export class TreeCache {
  private readonly trees = new Map<number, Uint32Array>();
  private readonly uses = new Map<number, number>();
  /** Trees built so far (for benchmarks and tests). */
  built = 0;

  constructor(
    private readonly query: HierarchyQuery,
    private readonly options: TreeCacheOptions,
  ) {}

  /** The tree of origin `key`, or undefined. */
  get(key: number): Uint32Array | undefined {
    return this.trees.get(key);
  }

  /**
   * Counts an exact evaluation of origin `key`; when it reaches the threshold, builds and keeps
   * its tree from the origin's seeds and returns it.
   */
  noteUse(key: number, seeds: () => Seeds): Uint32Array | undefined {
    if (this.trees.size >= this.options.capacity) return undefined;
    const count = (this.uses.get(key) ?? 0) + 1;
    if (count < this.options.buildAfter) {
      if (this.uses.size >= MAX_COUNTED) this.uses.clear();
      this.uses.set(key, count);
      return undefined;
    }
    this.uses.delete(key);
    return this.build(key, seeds());
  }

  /** The tree of origin `key`: kept, or built now (and kept while there is room). */
  build(key: number, seeds: Seeds): Uint32Array {
    const existing = this.trees.get(key);
    if (existing) return existing;
    const tree = new Uint32Array(this.query.nodeCount);
    this.query.oneToAll(seeds, tree);
    if (this.trees.size < this.options.capacity) {
      this.trees.set(key, tree);
      this.built++;
    }
    return tree;
  }

  get size(): number {
    return this.trees.size;
  }
}
