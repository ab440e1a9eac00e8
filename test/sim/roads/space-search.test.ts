/**
 * The optimised upward search (SpaceSearch: one scratch record per rank, interleaved arcs, one
 * buffer per space) gives exactly the spaces of the plain search (space-reference.ts): trips
 * unpack their paths from the parents, so ranks, distances, parents and seeds must all agree.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/sim/roads/build/contract';
import { SpaceSearch } from '../../../src/sim/roads/query/search-space';
import { randomGrid, seeded } from './helpers';
import { compareSearches } from './space-reference';

describe('SpaceSearch', () => {
  it('makes the same spaces as the plain search on random grids with ties, one-ways and several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const g = randomGrid(15, 12, seed);
      const h = contract(g);
      expect(compareSearches(h, g.nodeCount, seeded(seed + 10), 300), `grid ${seed}: entries compared`).toBeGreaterThan(1000);
    }
  });

  it('refuses a seed cost that is not a whole number of milliseconds (distances are kept as 32-bit integers)', () => {
    const search = new SpaceSearch(contract(randomGrid(4, 4, 1)));
    for (const cost of [0.5, -1, NaN, Infinity, 2 ** 32]) {
      expect(() => search.forward({ nodes: [0], costs: [cost] }), `cost ${cost}`).toThrow(/seed cost/);
      expect(() => search.backward({ nodes: [0], costs: [cost] }), `cost ${cost}`).toThrow(/seed cost/);
    }
    expect(search.forward({ nodes: [0], costs: [2 ** 32 - 2] }).dist[0], 'the largest cost kept as is').toBe(2 ** 32 - 2);
  });
});
