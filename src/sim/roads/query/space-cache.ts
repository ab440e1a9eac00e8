/**
 * The cache of search spaces (search-space.ts) by node: two generations, and the spaces a host
 * keeps (a space file) fixed beside them.
 */
import type { SearchSpace } from './search-space';

/** Spaces kept apart from a cache's generations (a host's space file, space-file.ts): never dropped. */
export interface FixedSpaces {
  space(key: number): SearchSpace | undefined;
  /** Entries (ranks) of all the spaces. */
  readonly entries: number;
}

/**
 * Spaces by key (a node number, 0 <= key < keys), in two generations: lookups look in the young
 * one, then the old one (moving a hit back to the young); when the young one holds `capacity`
 * entries of ranks, it becomes the old one and the oldest generation is dropped. An approximate
 * LRU at the cost of two array reads. Spaces given by `fix` (a host's kept spaces) are looked up
 * last and stay: they never enter a generation; half their entries come off each generation's
 * capacity, so that the cache holds at most as many entries in all as without them.
 */
export class SpaceCache {
  private young: (SearchSpace | undefined)[];
  private old: (SearchSpace | undefined)[];
  /** Spaces of `fixed` looked up so far, by key (checked first: they are the ones met most). */
  private kept: (SearchSpace | undefined)[];
  private youngEntries = 0;
  private fixed: FixedSpaces | null = null;
  /** Entries a generation may hold. */
  private capacity: number;

  constructor(
    private readonly fullCapacity: number,
    private readonly keys: number,
  ) {
    this.capacity = fullCapacity;
    this.young = SpaceCache.generation(keys);
    // Never written before they are replaced (the old one by the young at the first turn, the
    // kept one by `fix`): one empty array serves both, so a process makes 1.4 MB a cache less on
    // London (a fresh array is paid for page by page as it is first filled).
    this.old = this.kept = SpaceCache.generation(keys);
  }

  /** Spaces to answer from when a key is in neither generation (replacing any given before). */
  fix(spaces: FixedSpaces | null): void {
    this.fixed = spaces;
    this.kept = SpaceCache.generation(this.keys);
    this.capacity = spaces ? Math.max(0, this.fullCapacity - Math.ceil(spaces.entries / 2)) : this.fullCapacity;
  }

  get(key: number): SearchSpace | undefined {
    const fixed = this.kept[key];
    if (fixed !== undefined) return fixed;
    const hit = this.young[key];
    if (hit !== undefined) return hit;
    const aged = this.old[key];
    if (aged !== undefined) {
      this.set(key, aged);
      return aged;
    }
    if (this.fixed === null) return undefined;
    const space = this.fixed.space(key);
    if (space !== undefined) this.kept[key] = space;
    return space;
  }

  set(key: number, space: SearchSpace): void {
    if (this.capacity <= 0) return;
    if (!(key >= 0 && key < this.keys)) throw new Error(`space cache: key ${key} is not in 0..${this.keys - 1}`);
    if (this.youngEntries + space.ranks.length > this.capacity) {
      this.old = this.young;
      this.young = SpaceCache.generation(this.keys);
      this.youngEntries = 0;
    }
    this.young[key] = space;
    this.youngEntries += space.ranks.length;
  }

  /** An empty generation (a packed array, so lookups stay fast). */
  private static generation(keys: number): (SearchSpace | undefined)[] {
    return new Array<SearchSpace | undefined>(keys).fill(undefined);
  }
}

/**
 * The spaces of `nodes` (the ways out or in of a position) from `cache`, each made by `search`
 * and kept when missing, in order; in an array of just their number (a position has one or two,
 * and an array grown from empty takes 16 slots).
 */
export function spacesFor(nodes: readonly number[], cache: SpaceCache, search: (node: number) => SearchSpace): SearchSpace[] {
  if (nodes.length === 1) return [spaceFor(nodes[0]!, cache, search)];
  if (nodes.length === 2) {
    const first = spaceFor(nodes[0]!, cache, search);
    return [first, spaceFor(nodes[1]!, cache, search)];
  }
  return nodes.map((node) => spaceFor(node, cache, search));
}

/** The space of `node` from `cache`, made by `search` and kept when missing. */
export function spaceFor(node: number, cache: SpaceCache, search: (node: number) => SearchSpace): SearchSpace {
  let space = cache.get(node);
  if (!space) {
    space = search(node);
    cache.set(node, space);
  }
  return space;
}
