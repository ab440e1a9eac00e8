import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/sim/routing/ch/contract';
import { HierarchyQuery } from '../../../src/sim/routing/ch/query';
import { speedTable } from '../../../src/sim/routing/speeds';
import { TreeCache } from '../../../src/sim/routing/trees';
import { edgeWeightsMs } from '../../../src/sim/routing/weights';
import { asciiNetwork } from './helpers';

describe('one-to-all trees for repeated origins', () => {
  const { graph } = asciiNetwork(`
    A - B - C
    |   |   |
    D - E > F
  `);
  const h = contract({ ...graph, weightMs: edgeWeightsMs(graph, speedTable()) });
  const seeds = (node: number) => () => ({ nodes: [node], costs: [0] });

  it('builds a tree only once an origin has been needed often enough', () => {
    const cache = new TreeCache(new HierarchyQuery(h), { capacity: 4, buildAfter: 3 });
    expect(cache.noteUse(1, seeds(0))).toBeUndefined();
    expect(cache.noteUse(1, seeds(0))).toBeUndefined();
    const tree = cache.noteUse(1, seeds(0));
    expect(tree, 'third use').toBeDefined();
    expect(tree![h.rank[0]!], 'distance to itself').toBe(0);
    expect(cache.get(1)).toBe(tree);
    expect(cache.built).toBe(1);
  });

  it('keeps the first trees when full instead of letting origins take turns', () => {
    const cache = new TreeCache(new HierarchyQuery(h), { capacity: 1, buildAfter: 1 });
    const first = cache.noteUse(1, seeds(0));
    expect(first).toBeDefined();
    expect(cache.noteUse(2, seeds(1)), 'no room: no tree').toBeUndefined();
    const oneOff = cache.build(2, { nodes: [1], costs: [0] });
    expect(oneOff[h.rank[1]!], 'built for the caller all the same').toBe(0);
    expect(cache.get(2), 'but not kept').toBeUndefined();
    expect(cache.get(1)).toBe(first);
    expect(cache.size).toBe(1);
  });
});
