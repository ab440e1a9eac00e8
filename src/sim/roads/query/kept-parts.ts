/**
 * The parts of road queries (road-queries.ts) that depend on nothing but the graph, the metric and
 * its hierarchy, kept for the last hierarchies used in this process (as the search spaces are for
 * the last one, `spacesOf`): the arcs packed for walking down shortcuts (route.ts `packArcs`) and
 * the one-to-all trees of repeated origins (trees.ts). A second world on the same graph and road speeds (a worker's world
 * for other travel settings, areas or demand points; the app after a travel number changed) starts
 * with them instead of packing ~670,000 arcs and building its trees again (measured on London:
 * ~16 MB and 11.5 MB of fresh memory a world, each first touch of a page costing as much as the
 * work itself).
 *
 * A tree is the hierarchy's distances from a road position and a packed arc its milliseconds:
 * whichever world asked first, a later one gets the very numbers it would have made, so no result
 * changes. Which origins hold the kept trees (first come, first kept) is the first world's choice:
 * it was already so for runs on one world whatever their bases.
 */
import type { Hierarchy } from '../hierarchy';
import type { RoadGraph } from '../graph';
import { sameWeights } from '../weights';
import type { HierarchyQuery } from './hierarchy-query';
import { packArcs, type PackedArcs } from './route';
import { TreeCache, type TreeCacheOptions } from './trees';

interface Kept {
  readonly graph: RoadGraph;
  readonly weights: Uint32Array;
  arcs: PackedArcs | null;
  /** Tree caches by their options (capacity, buildAfter). */
  readonly trees: Map<string, TreeCache>;
}

/**
 * Hierarchies kept for, at most: a process going through many road speeds (a sweep) would
 * otherwise hold ~28 MB more for each (London), besides the hierarchy itself. The worlds still
 * using the parts of one let go keep them as long as they live.
 */
export const KEPT_HIERARCHIES = 2;

/** What is kept, by hierarchy, the last used first. */
const kept: { readonly h: Hierarchy; readonly parts: Kept }[] = [];

/**
 * What is kept for `h` when it was made for this graph and these weights (a hierarchy belongs to
 * one metric: a caller giving other weights with it gets nothing kept, and its own parts).
 */
function keptFor(graph: RoadGraph, weights: Uint32Array, h: Hierarchy): Kept | null {
  const at = kept.findIndex((k) => k.h === h);
  const entry = at >= 0 ? kept.splice(at, 1)[0]! : { h, parts: { graph, weights, arcs: null, trees: new Map<string, TreeCache>() } };
  kept.unshift(entry);
  if (kept.length > KEPT_HIERARCHIES) kept.length = KEPT_HIERARCHIES;
  const { parts } = entry;
  if (parts.graph !== graph) return null;
  return parts.weights === weights || sameWeights(parts.weights, weights) ? parts : null;
}

/** The arcs of `h` packed with `weights` (route.ts `packArcs`), made once per hierarchy. */
export function keptArcs(graph: RoadGraph, weights: Uint32Array, h: Hierarchy): PackedArcs {
  const entry = keptFor(graph, weights, h);
  if (!entry) return packArcs(h, weights);
  return (entry.arcs ??= packArcs(h, weights));
}

/** The tree cache of `h` with these options, made (over `query`, a query on `h`) once per hierarchy. */
export function keptTrees(graph: RoadGraph, weights: Uint32Array, h: Hierarchy, query: HierarchyQuery, options: TreeCacheOptions): TreeCache {
  const entry = keptFor(graph, weights, h);
  if (!entry) return new TreeCache(query, options);
  const key = `${options.capacity}/${options.buildAfter}`;
  let trees = entry.trees.get(key);
  if (!trees) entry.trees.set(key, (trees = new TreeCache(query, options)));
  return trees;
}
