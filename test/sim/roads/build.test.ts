import { describe, expect, it } from 'vitest';
import { ROAD_CLASSES } from '../../../src/sim/roads/classes';
import { edgeVertexCount } from '../../../src/sim/roads/graph';
import { largestComponent, stronglyConnectedComponents } from '../../../src/sim/roads/build/scc';
import { asciiNetwork } from './helpers';

describe('strongly connected components', () => {
  it('finds a cycle, a one-way tail and an isolated node', () => {
    // 0 -> 1 -> 2 -> 0 is a cycle; 2 -> 3 leads out of it; 4 has no edges.
    const firstOut = Uint32Array.from([0, 1, 2, 4, 4, 4]);
    const head = Uint32Array.from([1, 2, 0, 3]);
    const c = stronglyConnectedComponents(firstOut, head);
    expect(c.count, 'components').toBe(3);
    expect(c.component[0]).toBe(c.component[1]);
    expect(c.component[1]).toBe(c.component[2]);
    expect(c.component[3], 'the tail is its own component').not.toBe(c.component[0]);
    const big = largestComponent(c);
    expect(c.size[big], 'largest holds the cycle').toBe(3);
  });

  it('handles a long chain without overflowing the stack', () => {
    const n = 200_000;
    const firstOut = new Uint32Array(n + 1);
    const head = new Uint32Array(n);
    for (let v = 0; v < n; v++) {
      firstOut[v + 1] = v + 1;
      head[v] = (v + 1) % n; // one big ring
    }
    const c = stronglyConnectedComponents(firstOut, head);
    expect(c.count).toBe(1);
  });
});

describe('building the graph from drawn roads', () => {
  it('turns two-way and one-way roads into directed edges with twins', () => {
    const net = asciiNetwork(`
      A - B > C
      |       |
      D - - - E
    `);
    const g = net.graph;
    // A-B two-way, B>C one-way, C|E two-way, A|D two-way, D-E two-way.
    expect(g.roadCount, 'roads (no degree-2 merging across differing direction)').toBeGreaterThan(0);
    const b = net.node('B');
    const c = net.node('C');
    // A, D and E each join two similar roads: the loop B-A-D-E-C is one merged two-way road, so
    // look at the direct (unshaped) road between B and C.
    const direct = (e: number): boolean => edgeVertexCount(g, e) === 2;
    const fromBtoC = [...range(g.firstOut[b]!, g.firstOut[b + 1]!)].filter((e) => g.edgeHead[e] === c && direct(e));
    const fromCtoB = [...range(g.firstOut[c]!, g.firstOut[c + 1]!)].filter((e) => g.edgeHead[e] === b && direct(e));
    expect(fromBtoC.length, 'B > C drivable eastwards').toBe(1);
    expect(fromCtoB.length, 'B > C not drivable westwards').toBe(0);
    expect(g.edgeTwin[fromBtoC[0]!], 'a one-way edge has no twin').toBe(-1);
    for (let e = 0; e < g.edgeCount; e++) {
      const t = g.edgeTwin[e]!;
      if (t < 0) continue;
      expect(g.edgeTwin[t], `twin of twin of ${e}`).toBe(e);
      expect(g.edgeHead[t]).toBe(g.edgeTail[e]);
      expect(g.edgeRoad[t]).toBe(g.edgeRoad[e]);
    }
    // CSR invariants.
    for (let v = 0; v < g.nodeCount; v++) {
      for (let e = g.firstOut[v]!; e < g.firstOut[v + 1]!; e++) expect(g.edgeTail[e]).toBe(v);
      for (let i = g.firstIn[v]!; i < g.firstIn[v + 1]!; i++) expect(g.edgeHead[g.inEdges[i]!]).toBe(v);
    }
  });

  it('merges degree-2 chains and keeps their shape', () => {
    const net = asciiNetwork(`
      A - B - C - D
          |
          E
    `);
    const g = net.graph;
    expect(net.node('C'), 'C joins only B-C and C-D: merged away').toBe(-1);
    expect(net.node('B'), 'B is a junction').toBeGreaterThanOrEqual(0);
    expect(g.meta.stats.mergedNodes).toBe(1);
    const b = net.node('B');
    const d = net.node('D');
    const bd = [...range(g.firstOut[b]!, g.firstOut[b + 1]!)].find((e) => g.edgeHead[e] === d)!;
    expect(edgeVertexCount(g, bd), 'B..D keeps C as a shape vertex').toBe(3);
    expect(g.edgeLengthM[bd]).toBeCloseTo(200, 0);
  });

  it('does not merge where class or speed limit changes', () => {
    const net = asciiNetwork(
      `
      A - B - C
    `,
      { classes: { BC: 'primary' } },
    );
    expect(net.node('B'), 'class changes at B').toBeGreaterThanOrEqual(0);
    const limited = asciiNetwork(
      `
      A - B - C
    `,
      { maxspeedKph: { AB: 32 } },
    );
    expect(limited.node('B'), 'limit changes at B').toBeGreaterThanOrEqual(0);
    const same = asciiNetwork(`
      A - B - C
    `);
    expect(same.node('B'), 'nothing changes at B').toBe(-1);
  });

  it('keeps a two-way dead end and drops a one-way trap, counting what it dropped', () => {
    const net = asciiNetwork(`
      A - B - C
      |   |
      D - E > F
    `);
    const g = net.graph;
    expect(net.node('C'), 'dead end C stays').toBeGreaterThanOrEqual(0);
    expect(net.node('F'), 'F can be entered but not left: dropped').toBe(-1);
    expect(g.meta.stats.dropped.components).toBe(1);
    expect(g.meta.stats.dropped.nodes).toBe(1);
    expect(g.meta.stats.dropped.roads).toBe(1);
    expect(g.meta.stats.dropped.km).toBeCloseTo(0.1, 3);
    const kept = asciiNetwork(
      `
      A - B - C
      |   |
      D - E > F
    `,
      { components: 'all' },
    );
    expect(kept.node('F'), "components: 'all' keeps the trap").toBeGreaterThanOrEqual(0);
  });

  it('reports km by class and splits a loop into two edges', () => {
    const net = asciiNetwork(
      `
      A - B
      |   |
      C - D
    `,
      { classes: { AB: 'primary' } },
    );
    const km = net.graph.meta.stats.kmByClass;
    expect(km.primary).toBeCloseTo(0.1, 3);
    expect(km.residential).toBeCloseTo(0.3, 3);
    expect(Object.keys(km).every((k) => (ROAD_CLASSES as readonly string[]).includes(k))).toBe(true);
    for (let e = 0; e < net.graph.edgeCount; e++) expect(net.graph.edgeTail[e], 'no self-loops').not.toBe(net.graph.edgeHead[e]);
  });
});

function* range(from: number, to: number): Generator<number> {
  for (let i = from; i < to; i++) yield i;
}
