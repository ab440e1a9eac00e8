/**
 * Starting a run warm: the search spaces of the places every run on a graph needs (the ways out
 * and in of its demand points) come from the host's store (`graph.spaceStore`, a space file:
 * space-file.ts) into this process's space caches (road-queries.ts), made and handed to the store
 * when it has none for this hierarchy and node set. The spaces are the ones a search would make
 * (same ranks, distances and parents), so results do not change; only the searching is saved.
 */
import type { Hierarchy } from '../hierarchy';
import type { RoadGraph, SpaceStore } from '../graph';
import { spacesOf, type Spaces } from './road-queries';
import { decodeSpaceFile, encodeSpaceFile, spaceFileKey, type SpaceNodes } from './space-file';

/** What `keepSpaces` did: used the store's file, made one and handed it over, or nothing. */
export type KeptSpaces = 'loaded' | 'made' | 'none';

/** The key of the file fixed in each set of caches (a second world on the same ones does nothing). */
const fixedKeys = new WeakMap<Spaces, string>();

/**
 * Fixes the spaces of `nodes` (each list ascending, no repeats) on `hierarchy` in the space caches,
 * from `store` (default: the graph's); when the store has no usable file and can save, searches
 * them now and saves them. Without a store, or with one that has no file and cannot save, does nothing.
 */
export function keepSpaces(graph: RoadGraph, hierarchy: Hierarchy, nodes: SpaceNodes, store: SpaceStore | undefined = graph.spaceStore): KeptSpaces {
  if (!store) return 'none';
  const key = spaceFileKey(hierarchy, nodes);
  const spaces = spacesOf(hierarchy, graph.nodeCount);
  if (fixedKeys.get(spaces) === key) return 'loaded';
  const bytes = store.load(key);
  let file = bytes ? decodeSpaceFile(bytes, hierarchy, nodes, graph.nodeCount) : undefined;
  let result: KeptSpaces = 'loaded';
  if (!file) {
    if (!store.save) return 'none';
    const made = encodeSpaceFile(hierarchy, spaces.search, nodes, graph.nodeCount);
    store.save(key, made);
    file = decodeSpaceFile(new Uint8Array(made), hierarchy, nodes, graph.nodeCount);
    if (!file) throw new Error('space file: a file just made does not read back');
    result = 'made';
  }
  spaces.out.fix(file.forward);
  spaces.in.fix(file.backward);
  fixedKeys.set(spaces, key);
  return result;
}
