/**
 * Space files (kept search spaces, src/sim/roads/query/space-file.ts, kept-spaces.ts): a kept
 * space is exactly the space a search makes (ranks, distances, parents: trips unpack their paths
 * from them), so kept spaces give the distances of plain Dijkstra; a damaged or truncated file,
 * or one made for another hierarchy or other places, is not used.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/sim/roads/build/contract';
import type { RoadGraph, SpaceStore } from '../../../src/sim/roads/graph';
import { keepSpaces } from '../../../src/sim/roads/query/kept-spaces';
import { spacesOf } from '../../../src/sim/roads/query/road-queries';
import { meetDistance, SpaceSearch } from '../../../src/sim/roads/query/search-space';
import { decodeSpaceFile, encodeSpaceFile, spaceFileKey, type SpaceNodes } from '../../../src/sim/roads/query/space-file';
import { plainDijkstra, randomGrid } from './helpers';
import { spaceFields } from './space-reference';

const grid = randomGrid(12, 10, 4);
const nodes: SpaceNodes = { forward: Uint32Array.of(0, 3, 17, 40, 41, 77, 119), backward: Uint32Array.of(1, 5, 17, 60, 99, 118) };
/** The host's words naming the places the nodes are of (for the key). */
const places = Uint32Array.of(11, 22, 33);
const asGraph = grid as unknown as RoadGraph;

function made(h = contract(grid)): { h: ReturnType<typeof contract>; bytes: Uint8Array } {
  return { h, bytes: new Uint8Array(encodeSpaceFile(h, new SpaceSearch(h), nodes, grid.nodeCount, places)) };
}

describe('space files', () => {
  it('keep exactly the spaces a search makes, and meet at the distances of plain Dijkstra', () => {
    const { h, bytes } = made();
    const file = decodeSpaceFile(bytes, h, grid.nodeCount, places)!;
    expect(file).toBeDefined();
    expect([file.forward.size, file.backward.size], 'the file names its nodes').toEqual([nodes.forward.length, nodes.backward.length]);
    const fresh = new SpaceSearch(h);
    for (const x of nodes.forward) expect(spaceFields(file.forward.space(x)!), `forward ${x}`).toEqual(spaceFields(fresh.forward({ nodes: [x], costs: [0] })));
    for (const y of nodes.backward) expect(spaceFields(file.backward.space(y)!), `backward ${y}`).toEqual(spaceFields(fresh.backward({ nodes: [y], costs: [0] })));
    expect(file.forward.space(2), 'a node not kept').toBeUndefined();
    let reachable = 0;
    for (const x of nodes.forward) {
      for (const y of nodes.backward) {
        const expected = plainDijkstra(asGraph, grid.weightMs, { nodes: [x], costs: [0] }, { nodes: [y], costs: [0] });
        expect(meetDistance(file.forward.space(x)!, file.backward.space(y)!), `${x} -> ${y}`).toBe(expected);
        if (expected < Infinity) reachable++;
      }
    }
    expect(reachable).toBeGreaterThan(30);
  });

  it('are not used when truncated, when the header is damaged, or for other places or another hierarchy', () => {
    const { h, bytes } = made();
    expect(decodeSpaceFile(bytes.subarray(0, bytes.length - 8), h, grid.nodeCount, places), 'truncated').toBeUndefined();
    expect(decodeSpaceFile(new Uint8Array(0), h, grid.nodeCount, places), 'empty').toBeUndefined();
    const header = bytes.slice();
    header[32]! ^= 1; // a node count
    expect(decodeSpaceFile(header, h, grid.nodeCount, places), 'header').toBeUndefined();
    const other = Uint32Array.of(11, 22, 34);
    expect(decodeSpaceFile(bytes, h, grid.nodeCount, other), 'other places').toBeUndefined();
    expect(spaceFileKey(h, other)).not.toBe(spaceFileKey(h, places));
    const slower = { ...grid, weightMs: grid.weightMs.map((w, e) => (e % 3 === 0 ? w + 7 : w)) };
    const h2 = contract(slower);
    expect(decodeSpaceFile(bytes, h2, grid.nodeCount, places), 'another metric').toBeUndefined();
    expect(spaceFileKey(h2, places)).not.toBe(spaceFileKey(h, places));
    expect(decodeSpaceFile(bytes, h, grid.nodeCount + 1, places), 'another graph').toBeUndefined();
    expect(decodeSpaceFile(bytes, contract(grid), grid.nodeCount, places), 'the same hierarchy contracted again').toBeDefined();
  });

  it('search a space again when its entries are damaged, using the others', () => {
    const { h, bytes } = made();
    const damaged = bytes.slice();
    damaged[damaged.length - 3]! ^= 0x10; // the last backward space's last parent entry
    const file = decodeSpaceFile(damaged, h, grid.nodeCount, places)!;
    expect(file.backward.space(118), 'the damaged space').toBeUndefined();
    expect(file.backward.damaged).toBe(1);
    for (const y of nodes.backward.subarray(0, -1)) expect(file.backward.space(y), `backward ${y}`).toBeDefined();
    for (const x of nodes.forward) expect(file.forward.space(x), `forward ${x}`).toBeDefined();
  });
});

describe('keepSpaces', () => {
  /** The places' nodes, counting how often they were asked for (only to make a file). */
  let asked = 0;
  const nodesOf = (): SpaceNodes => {
    asked++;
    return nodes;
  };

  /** A store in memory, counting saves. */
  const memoryStore = (): SpaceStore & { files: Map<string, Uint8Array>; saves: number } => {
    const files = new Map<string, Uint8Array>();
    const store = {
      files,
      saves: 0,
      load: (key: string) => files.get(key),
      save: (key: string, bytes: ArrayBuffer) => {
        store.saves++;
        files.set(key, new Uint8Array(bytes));
      },
    };
    return store;
  };

  it('makes and saves the spaces once, then starts the caches of a new hierarchy object with them', () => {
    const store = memoryStore();
    const graph = { ...asGraph, nodeCount: grid.nodeCount, spaceStore: store } as RoadGraph;
    const h1 = contract(grid);
    expect(keepSpaces(graph, h1, places, nodesOf)).toBe('made');
    expect(keepSpaces(graph, h1, places, nodesOf), 'the same caches again').toBe('loaded');
    expect(store.saves).toBe(1);
    const h2 = contract(grid);
    asked = 0;
    expect(keepSpaces(graph, h2, places, nodesOf)).toBe('loaded');
    expect(store.saves).toBe(1);
    expect(asked, 'the nodes come from the file: the places are not snapped').toBe(0);
    const caches = spacesOf(h2, grid.nodeCount);
    const fresh = new SpaceSearch(h2);
    for (const x of nodes.forward) expect(spaceFields(caches.out.get(x)!), `forward ${x}`).toEqual(spaceFields(fresh.forward({ nodes: [x], costs: [0] })));
    for (const y of nodes.backward) expect(spaceFields(caches.in.get(y)!), `backward ${y}`).toEqual(spaceFields(fresh.backward({ nodes: [y], costs: [0] })));
    expect(caches.out.get(2), 'a node not kept is searched as before').toBeUndefined();
  });

  it('makes the file again when the stored one is truncated, and does nothing without a store that can save', () => {
    const store = memoryStore();
    const graph = { ...asGraph, nodeCount: grid.nodeCount, spaceStore: store } as RoadGraph;
    expect(keepSpaces(graph, contract(grid), places, nodesOf)).toBe('made');
    const [key, bytes] = [...store.files][0]!;
    store.files.set(key, bytes.subarray(0, 100));
    expect(keepSpaces(graph, contract(grid), places, nodesOf)).toBe('made');
    expect(store.files.get(key)!.length).toBe(bytes.length);
    const readOnly = { ...graph, spaceStore: { load: () => undefined } } as RoadGraph;
    expect(keepSpaces(readOnly, contract(grid), places, nodesOf)).toBe('none');
    expect(keepSpaces({ ...graph, spaceStore: undefined } as RoadGraph, contract(grid), places, nodesOf)).toBe('none');
  });
});
