import { describe, expect, it } from 'vitest';
import { contract, type WeightedGraph } from '../../../src/sim/roads/build/contract';
import { HierarchyQuery, UNREACHABLE } from '../../../src/sim/roads/query/hierarchy-query';
import { meetDistance, SpaceSearch, spacePath } from '../../../src/sim/roads/query/search-space';
import { mergedMeeting, type Meeting } from '../../../src/sim/roads/query/meet-table';
import { SpaceCache } from '../../../src/sim/roads/query/space-cache';
import type { RoadGraph } from '../../../src/sim/roads/graph';
import { plainDijkstra, randomGrid, seeded } from './helpers';

const asGraph = (g: WeightedGraph & { nodeCount: number }): RoadGraph => g as unknown as RoadGraph;

describe('contraction hierarchy queries', () => {
  for (const seed of [1, 2, 3]) {
    it(`equal plain Dijkstra on every pair of a random 12 x 12 grid with one-ways and ties (seed ${seed})`, () => {
      const g = randomGrid(12, 12, seed);
      const h = contract(g);
      const q = new HierarchyQuery(h);
      let unreachable = 0;
      for (let s = 0; s < g.nodeCount; s++) {
        for (let t = s % 7; t < g.nodeCount; t += 7) {
          const expected = plainDijkstra(asGraph(g), g.weightMs, { nodes: [s], costs: [0] }, { nodes: [t], costs: [0] });
          const got = q.distance({ nodes: [s], costs: [0] }, { nodes: [t], costs: [0] });
          expect(got, `${s} -> ${t}`).toBe(expected);
          if (expected === Infinity) unreachable++;
        }
      }
      expect(unreachable, 'some pairs are unreachable (the isolated node, one-way traps)').toBeGreaterThan(0);
    });
  }

  it('give paths of real edges whose weights add up to the distance', () => {
    const g = randomGrid(15, 10, 7);
    const q = new HierarchyQuery(contract(g));
    const rnd = seeded(11);
    let found = 0;
    for (let i = 0; i < 300; i++) {
      const s = Math.floor(rnd() * g.nodeCount);
      const t = Math.floor(rnd() * g.nodeCount);
      const path = q.path({ nodes: [s], costs: [0] }, { nodes: [t], costs: [0] });
      const expected = plainDijkstra(asGraph(g), g.weightMs, { nodes: [s], costs: [0] }, { nodes: [t], costs: [0] });
      if (expected === Infinity) {
        expect(path, `${s} -> ${t} unreachable`).toBeNull();
        continue;
      }
      found++;
      let at = s;
      let sum = 0;
      for (const e of path!.edges) {
        expect(e >= g.firstOut[at]! && e < g.firstOut[at + 1]!, `edge ${e} leaves node ${at}`).toBe(true);
        at = g.edgeHead[e]!;
        sum += g.weightMs[e]!;
      }
      expect(at, 'path ends at the target').toBe(t);
      expect(sum, 'path weight').toBe(expected);
      expect(path!.distance).toBe(expected);
    }
    expect(found).toBeGreaterThan(200);
  });

  it('take several seeds with costs at each end and say which were used', () => {
    const g = randomGrid(10, 10, 5);
    const q = new HierarchyQuery(contract(g));
    const sources = { nodes: [0, 55], costs: [40, 3] };
    const targets = { nodes: [99, 9], costs: [1, 60] };
    const expected = plainDijkstra(asGraph(g), g.weightMs, sources, targets);
    const path = q.path(sources, targets)!;
    expect(path.distance).toBe(expected);
    expect(q.distance(sources, targets)).toBe(expected);
    const from = sources.nodes[path.sourceSeed]!;
    const to = targets.nodes[path.targetSeed]!;
    const inner = plainDijkstra(asGraph(g), g.weightMs, { nodes: [from], costs: [0] }, { nodes: [to], costs: [0] });
    expect(sources.costs[path.sourceSeed]! + inner + targets.costs[path.targetSeed]!).toBe(expected);
  });

  it('one-to-all and all-to-one sweeps equal Dijkstra at every node', () => {
    const g = randomGrid(12, 9, 9);
    const h = contract(g);
    const q = new HierarchyQuery(h);
    const out = new Uint32Array(g.nodeCount);
    const back = new Uint32Array(g.nodeCount);
    for (const s of [0, 17, 60, 107]) {
      q.oneToAll({ nodes: [s], costs: [0] }, out);
      q.allToOne({ nodes: [s], costs: [0] }, back);
      for (let v = 0; v < g.nodeCount; v++) {
        const there = plainDijkstra(asGraph(g), g.weightMs, { nodes: [s], costs: [0] }, { nodes: [v], costs: [0] });
        const back1 = plainDijkstra(asGraph(g), g.weightMs, { nodes: [v], costs: [0] }, { nodes: [s], costs: [0] });
        expect(out[h.rank[v]!] === UNREACHABLE ? Infinity : out[h.rank[v]!], `${s} -> ${v}`).toBe(there);
        expect(back[h.rank[v]!] === UNREACHABLE ? Infinity : back[h.rank[v]!], `${v} -> ${s}`).toBe(back1);
      }
    }
  });

  it('are deterministic: the same graph contracts to the same hierarchy', () => {
    const g = randomGrid(9, 9, 4);
    const a = contract(g);
    const b = contract(g);
    expect([...a.rank]).toEqual([...b.rank]);
    expect([...a.upOutWeight]).toEqual([...b.upOutWeight]);
  });

  it('stay exact when contracted in an order chosen for another metric', () => {
    const g = randomGrid(11, 11, 13);
    const first = contract(g);
    const other = { ...g, weightMs: g.weightMs.map((w, i) => (w * 7 + i) % 11) };
    const reordered = contract(other, { rank: first.rank });
    expect([...reordered.rank]).toEqual([...first.rank]);
    const q = new HierarchyQuery(reordered);
    for (let s = 0; s < g.nodeCount; s += 3) {
      for (let t = 0; t < g.nodeCount; t += 5) {
        const expected = plainDijkstra(asGraph(g), other.weightMs, { nodes: [s], costs: [0] }, { nodes: [t], costs: [0] });
        expect(q.distance({ nodes: [s], costs: [0] }, { nodes: [t], costs: [0] }), `${s} -> ${t}`).toBe(expected);
      }
    }
    expect(() => contract(g, { rank: new Uint32Array(3) })).toThrow(/rank has 3 entries/);
    expect(() => contract(g, { rank: new Uint32Array(g.nodeCount) })).toThrow(/not a permutation/);
  });

  it('search spaces meet at the shortest distance and give back its path', () => {
    const g = randomGrid(13, 11, 21);
    const h = contract(g);
    const spaces = new SpaceSearch(h);
    const rnd = seeded(5);
    let reachable = 0;
    for (let i = 0; i < 400; i++) {
      const source = { nodes: [Math.floor(rnd() * g.nodeCount), Math.floor(rnd() * g.nodeCount)], costs: [Math.floor(rnd() * 9), Math.floor(rnd() * 9)] };
      const target = { nodes: [Math.floor(rnd() * g.nodeCount)], costs: [Math.floor(rnd() * 9)] };
      const expected = plainDijkstra(asGraph(g), g.weightMs, source, target);
      const f = spaces.forward(source);
      const b = spaces.backward(target);
      const m: Meeting = { i: -1, j: -1, f: -1, b: -1 };
      expect(mergedMeeting([0], [f], [0], [b], m), `pair ${i}`).toBe(expected);
      expect(meetDistance(f, b)).toBe(expected);
      for (let k = 1; k < f.ranks.length; k++) expect(f.ranks[k]!).toBeGreaterThan(f.ranks[k - 1]!);
      if (expected === Infinity) continue;
      reachable++;
      const path = spacePath(h, f, m.f, b, m.b);
      let at = source.nodes[path.sourceSeed]!;
      let sum = source.costs[path.sourceSeed]!;
      for (const e of path.edges) {
        expect(e >= g.firstOut[at]! && e < g.firstOut[at + 1]!, `edge ${e} leaves ${at}`).toBe(true);
        at = g.edgeHead[e]!;
        sum += g.weightMs[e]!;
      }
      expect(at).toBe(target.nodes[path.targetSeed]);
      expect(sum + target.costs[path.targetSeed]!).toBe(expected);
    }
    expect(reachable).toBeGreaterThan(300);
  });

  it('the space cache keeps recent spaces and drops the oldest generation', () => {
    const g = randomGrid(6, 6, 2);
    const spaces = new SpaceSearch(contract(g));
    const one = spaces.forward({ nodes: [0], costs: [0] });
    const cache = new SpaceCache(one.ranks.length * 2, 10);
    cache.set(1, one);
    cache.set(2, one);
    expect(cache.get(1)).toBe(one);
    cache.set(3, one); // the young generation is full: it ages, 3 starts a new one
    expect(cache.get(2), 'found in the old generation').toBe(one);
    cache.set(4, one);
    cache.set(5, one); // ages again: 1 (never touched since) is gone
    expect(cache.get(1)).toBeUndefined();
    expect(new SpaceCache(0, 10).get(1)).toBeUndefined();
    expect(() => cache.set(10, one), 'keys are node numbers below the count given').toThrow(/key 10 is not in 0..9/);
  });

  it('the space cache forgets fixed spaces when they are taken away, before and after its generations turn', () => {
    const g = randomGrid(6, 6, 2);
    const spaces = new SpaceSearch(contract(g));
    const one = spaces.forward({ nodes: [0], costs: [0] });
    const fixedOne = { space: (key: number) => (key === 3 ? one : undefined), entries: one.ranks.length };
    const cache = new SpaceCache(one.ranks.length * 4, 10);
    cache.fix(fixedOne);
    expect(cache.get(3), 'a fixed space').toBe(one);
    cache.fix(null);
    expect(cache.get(3), 'fixed no longer: not in any generation').toBeUndefined();
    cache.set(1, one);
    cache.fix(fixedOne);
    expect(cache.get(3)).toBe(one);
    for (let key = 4; key < 10; key++) cache.set(key, one); // the generations turn
    cache.fix(null);
    expect(cache.get(3), 'after the turns: still not in a generation').toBeUndefined();
    expect(cache.get(9), 'a space set is kept').toBe(one);
  });
});
