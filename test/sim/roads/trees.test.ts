import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/sim/roads/build/contract';
import { HierarchyQuery } from '../../../src/sim/roads/query/hierarchy-query';
import { speedTable } from '../../../src/sim/roads/speeds';
import { LANES, TreeCache, type TreeRef } from '../../../src/sim/roads/query/trees';
import { edgeWeightsMs } from '../../../src/sim/roads/weights';
import { asciiNetwork } from './helpers';

describe('one-to-all trees for repeated origins', () => {
  const { graph } = asciiNetwork(`
    A - B - C
    |   |   |
    D - E > F
  `);
  const h = contract({ ...graph, weightMs: edgeWeightsMs(graph, speedTable()) });
  const seeds = (node: number) => () => ({ nodes: [node], costs: [0] });
  const at = (tree: TreeRef, node: number): number => tree.data[h.rank[node]! * tree.stride + tree.lane]!;

  it('builds a tree only once an origin has been needed often enough', () => {
    const cache = new TreeCache(new HierarchyQuery(h), { capacity: 4, buildAfter: 3 });
    expect(cache.noteUse(1, seeds(0))).toBeUndefined();
    expect(cache.noteUse(1, seeds(0))).toBeUndefined();
    const tree = cache.noteUse(1, seeds(0));
    expect(tree, 'third use').toBeDefined();
    expect(at(tree!, 0), 'distance to itself').toBe(0);
    expect(cache.get(1)).toBe(tree);
    expect(cache.built).toBe(1);
  });

  it('keeps the first trees when full instead of letting origins take turns', () => {
    const cache = new TreeCache(new HierarchyQuery(h), { capacity: 1, buildAfter: 1 });
    const first = cache.noteUse(1, seeds(0));
    expect(first).toBeDefined();
    expect(cache.noteUse(2, seeds(1)), 'no room: no tree').toBeUndefined();
    const oneOff = cache.build(2, { nodes: [1], costs: [0] });
    expect(at(oneOff, 1), 'built for the caller all the same').toBe(0);
    expect(cache.get(2), 'but not kept').toBeUndefined();
    expect(cache.get(1)).toBe(first);
    expect(cache.size).toBe(1);
  });

  it('never hands the tree of one position to another under the same key (the key is to the centimetre)', () => {
    const cache = new TreeCache(new HierarchyQuery(h), { capacity: 4, buildAfter: 1 });
    const kept = { road: 3, posM: 10.001, lengthM: 100 };
    const near = { road: 3, posM: 10.004, lengthM: 100 };
    const tree = cache.noteUse(7, seeds(0), kept)!;
    expect(tree.origin).toBe(kept);
    expect(cache.get(7, { ...kept }), 'the same position').toBe(tree);
    expect(cache.get(7), 'a caller without a position').toBe(tree);
    expect(cache.get(7, near), 'another position under the key').toBeUndefined();
    expect(cache.noteUse(7, seeds(1), near), 'nor counted towards one').toBeUndefined();
    const oneOff = cache.build(7, { nodes: [1], costs: [0] }, near);
    expect(oneOff, 'built for the caller').not.toBe(tree);
    expect(at(oneOff, 1)).toBe(0);
    expect(cache.get(7, kept), 'the kept one stays').toBe(tree);
    expect(cache.size).toBe(1);
  });

  it('stores kept trees in blocks of LANES, each tree the same as one computed alone', () => {
    const query = new HierarchyQuery(h);
    const cache = new TreeCache(query, { capacity: LANES + 3, buildAfter: 1 });
    for (let k = 0; k < LANES + 3; k++) cache.build(100 + k, { nodes: [k % graph.nodeCount], costs: [k] });
    expect(cache.blocks.length, 'a second block once the first is full').toBe(2);
    expect(cache.origins.length).toBe(LANES + 3);
    for (let k = 0; k < LANES + 3; k++) {
      const alone = new Uint32Array(query.nodeCount);
      query.oneToAll({ nodes: [k % graph.nodeCount], costs: [k] }, alone);
      const tree = cache.get(100 + k)!;
      for (let v = 0; v < graph.nodeCount; v++) expect(at(tree, v), `tree ${k}, node ${v}`).toBe(alone[h.rank[v]!]);
    }
  });
});
