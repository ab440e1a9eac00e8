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
 * Fixes the spaces of `places` (the host's words naming them: the key of the file) on `hierarchy`
 * in the space caches, from `store` (default: the graph's). When the store has no usable file and
 * can save, searches the spaces of `nodesOf()` (each list ascending, no repeats: the places' nodes,
 * found only then) now and saves them. Without a store, or with one that has no file and cannot
 * save, does nothing.
 */
export function keepSpaces(
  graph: RoadGraph,
  hierarchy: Hierarchy,
  places: Uint32Array,
  nodesOf: () => SpaceNodes,
  store: SpaceStore | undefined = graph.spaceStore,
): KeptSpaces {
  if (!store) return 'none';
  const key = spaceFileKey(hierarchy, places);
  const spaces = spacesOf(hierarchy, graph.nodeCount);
  if (fixedKeys.get(spaces) === key) return 'loaded';
  const bytes = store.load(key);
  let file = bytes ? decodeSpaceFile(bytes, hierarchy, graph.nodeCount, places) : undefined;
  let result: KeptSpaces = 'loaded';
  if (!file) {
    if (!store.save) return 'none';
    const made = encodeSpaceFile(hierarchy, spaces.search, nodesOf(), graph.nodeCount, places);
    store.save(key, made);
    file = decodeSpaceFile(new Uint8Array(made), hierarchy, graph.nodeCount, places);
    if (!file) throw new Error('space file: a file just made does not read back');
    result = 'made';
  }
  spaces.out.fix(file.forward);
  spaces.in.fix(file.backward);
  fixedKeys.set(spaces, key);
  return result;
}
