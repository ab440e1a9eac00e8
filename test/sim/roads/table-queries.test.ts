/**
 * Queries that meet a destination's spaces without keeping the origin's: the upward search that
 * meets the meet table as it goes and stops at a limit (SpaceSearch.forwardToTable), and the
 * buckets of a fixed set of destinations (TargetBuckets). Both must give exactly the milliseconds
 * of plain Dijkstra (up to the limit, for the first), on random grids with ties, zero weights,
 * one-ways and several seeds.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/sim/roads/build/contract';
import { MeetTable } from '../../../src/sim/roads/query/meet-table';
import { SpaceSearch } from '../../../src/sim/roads/query/search-space';
import { TargetBuckets } from '../../../src/sim/roads/query/target-buckets';
import type { RoadGraph } from '../../../src/sim/roads/graph';
import { plainDijkstra, randomGrid, seeded } from './helpers';

/** Up to two seeds on random nodes with random whole-ms costs. */
function randomSeeds(rnd: () => number, n: number): { nodes: number[]; costs: number[] } {
  const count = rnd() < 0.5 ? 1 : 2;
  const nodes: number[] = [];
  const costs: number[] = [];
  for (let i = 0; i < count; i++) {
    nodes.push(Math.floor(rnd() * n));
    costs.push(Math.floor(rnd() * 6));
  }
  return { nodes, costs };
}

describe('forwardToTable', () => {
  it('gives the plain Dijkstra ms when it is within the limit, Infinity when not', () => {
    let compared = 0;
    let beyond = 0;
    for (const seed of [1, 2, 3]) {
      const g = randomGrid(14, 11, seed);
      const h = contract(g);
      const search = new SpaceSearch(h);
      const table = new MeetTable(h.rank.length);
      const rnd = seeded(seed + 20);
      const graph = g as unknown as RoadGraph;
      for (let q = 0; q < 200; q++) {
        const to = randomSeeds(rnd, g.nodeCount);
        const into = to.nodes.map((y) => search.backward({ nodes: [y], costs: [0] }));
        table.set(into, to.costs);
        for (let o = 0; o < 5; o++) {
          const from = randomSeeds(rnd, g.nodeCount);
          const truth = plainDijkstra(graph, g.weightMs, from, to);
          const limit = rnd() < 0.3 ? Infinity : Math.floor(rnd() * 40);
          const ms = search.forwardToTable(from, table.dist, limit);
          if (truth <= limit) expect(ms, `grid ${seed}, query ${q}.${o}`).toBe(truth);
          else {
            expect(ms, `grid ${seed}, query ${q}.${o}: beyond the limit`).toBe(Infinity);
            beyond++;
          }
          // The spaces met with the table give the same.
          const spaces = from.nodes.map((x) => search.forward({ nodes: [x], costs: [0] }));
          const met = Math.min(...spaces.map((s, i) => from.costs[i]! + table.meet(s)));
          if (truth <= limit) expect(met).toBe(ms);
          compared++;
        }
      }
    }
    expect(compared).toBe(3000);
    expect(beyond, 'some beyond the limit').toBeGreaterThan(100);
  });
});

describe('forwardToTable, goal-directed', () => {
  it('gives the same ms up to the limit with lower bounds from any node to the destination, however tight', () => {
    let compared = 0;
    for (const seed of [6, 7]) {
      const g = randomGrid(12, 10, seed);
      const h = contract(g);
      const search = new SpaceSearch(h);
      const table = new MeetTable(h.rank.length);
      const rnd = seeded(seed + 40);
      const graph = g as unknown as RoadGraph;
      const nodeOfRank = new Int32Array(h.rank.length);
      h.rank.forEach((r, v) => (nodeOfRank[r] = v));
      for (let q = 0; q < 60; q++) {
        const to = randomSeeds(rnd, g.nodeCount);
        table.set(
          to.nodes.map((y) => search.backward({ nodes: [y], costs: [0] })),
          to.costs,
        );
        // The true ms from every node, as bounds: exact, or a share of it.
        const toDest = Array.from({ length: g.nodeCount }, (_, v) => plainDijkstra(graph, g.weightMs, { nodes: [v], costs: [0] }, to));
        const share = q % 3 === 0 ? 1 : q % 3 === 1 ? 0.7 : 0.3;
        const toward = { atLeast: (r: number): number => Math.floor(toDest[nodeOfRank[r]!]! * share) };
        for (let o = 0; o < 8; o++) {
          const from = randomSeeds(rnd, g.nodeCount);
          const truth = plainDijkstra(graph, g.weightMs, from, to);
          const limit = rnd() < 0.3 ? Infinity : Math.floor(rnd() * 40);
          const ms = search.forwardToTable(from, table.dist, limit, toward);
          expect(ms, `grid ${seed}, query ${q}.${o}`).toBe(truth <= limit ? truth : Infinity);
          compared++;
        }
      }
    }
    expect(compared).toBe(960);
  });
});

describe('TargetBuckets', () => {
  it('gives the plain Dijkstra ms to every destination of the set, and knows its set', () => {
    for (const seed of [4, 5]) {
      const g = randomGrid(13, 12, seed);
      const h = contract(g);
      const search = new SpaceSearch(h);
      const rnd = seeded(seed + 30);
      const graph = g as unknown as RoadGraph;
      const targets = Array.from({ length: 12 }, () => randomSeeds(rnd, g.nodeCount));
      const positions = targets.map((_, t) => ({ road: t, posM: t / 2, lengthM: 10 }));
      const buckets = new TargetBuckets(
        h.rank.length,
        positions,
        targets.map((t) => t.nodes.map((y) => search.backward({ nodes: [y], costs: [0] }))),
        targets.map((t) => t.costs),
      );
      expect(buckets.serves(positions.map((p) => ({ ...p })))).toBe(true);
      expect(buckets.serves(positions.slice(1))).toBe(false);
      expect(buckets.serves(positions.map((p, t) => (t === 3 ? { ...p, posM: p.posM + 0.01 } : p)))).toBe(false);
      for (let q = 0; q < 150; q++) {
        const from = randomSeeds(rnd, g.nodeCount);
        const spaces = from.nodes.map((x) => search.forward({ nodes: [x], costs: [0] }));
        const best = buckets.meet({ ...from, edges: from.nodes.map(() => 0) }, spaces);
        targets.forEach((to, t) => expect(best[t], `grid ${seed}, query ${q}, destination ${t}`).toBe(plainDijkstra(graph, g.weightMs, from, to)));
      }
    }
  });
});
