import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/sim/roads/build/contract';
import { HierarchyQuery } from '../../../src/sim/roads/query/hierarchy-query';
import { KEPT_HIERARCHIES, keptArcs, keptTrees } from '../../../src/sim/roads/query/kept-parts';
import { RoadQueries } from '../../../src/sim/roads/query/road-queries';
import { packArcs } from '../../../src/sim/roads/query/route';
import type { RoadPos } from '../../../src/sim/roads/query/ends';
import { speedTable } from '../../../src/sim/roads/speeds';
import { edgeWeightsMs } from '../../../src/sim/roads/weights';
import { asciiNetwork } from './helpers';

describe('parts of road queries kept per hierarchy', () => {
  const drawing = `
    A - B - C - D
    |   |   |   |
    E - F > G - H
    |       |   |
    I - J - K < L
  `;

  const setup = () => {
    const { graph } = asciiNetwork(drawing);
    const weights = edgeWeightsMs(graph, speedTable());
    return { graph, weights, h: contract({ ...graph, weightMs: weights }) };
  };

  it('gives a second road query on the same graph and hierarchy the arcs and trees of the first', () => {
    const { graph, weights, h } = setup();
    const first = new RoadQueries(graph, weights, h, { maxTrees: 4, treeAfter: 1 });
    // Equal weights in another array (a second world's model computes its own).
    const second = new RoadQueries(graph, Uint32Array.from(weights), h, { maxTrees: 4, treeAfter: 1 });
    expect(second.trees, 'one tree cache').toBe(first.trees);
    expect(keptArcs(graph, weights, h), 'one set of packed arcs').toBe(keptArcs(graph, Uint32Array.from(weights), h));
    const other = new RoadQueries(graph, weights, h, { maxTrees: 2, treeAfter: 1 });
    expect(other.trees, 'other tree options: a cache of their own').not.toBe(first.trees);
  });

  it('answers exactly as road queries made alone, whichever made the trees', () => {
    const positions: RoadPos[] = [];
    const { graph, weights, h } = setup();
    for (let road = 0; road < graph.roadCount; road++) {
      const e = graph.roadForwardEdge[road]! >= 0 ? graph.roadForwardEdge[road]! : graph.roadBackwardEdge[road]!;
      const lengthM = graph.edgeLengthM[e]!;
      positions.push({ road, posM: lengthM / 3, lengthM });
    }
    const shared = new RoadQueries(graph, weights, h, { treeAfter: 1 });
    for (const from of positions.slice(0, 3)) shared.buildTree(from);
    const later = new RoadQueries(graph, weights, h, { treeAfter: 1 });
    // The same drawing made again: a graph and hierarchy of their own, nothing kept from above.
    const alone = setup();
    const fresh = new RoadQueries(alone.graph, alone.weights, alone.h, { maxTrees: 0 });
    expect(later.trees.size, 'the trees the first made').toBe(3);
    expect(fresh.trees.size).toBe(0);
    for (const from of positions) {
      for (const to of positions) {
        expect(later.ms(from, to), `road ${from.road} to road ${to.road}`).toBe(fresh.ms(from, to));
      }
    }
  });

  it('keeps nothing for weights other than those the hierarchy was first asked with', () => {
    const { graph, weights, h } = setup();
    const query = new HierarchyQuery(h);
    const options = { capacity: 2, buildAfter: 1 };
    const trees = keptTrees(graph, weights, h, query, options);
    const arcs = keptArcs(graph, weights, h);
    const slower = weights.map((w) => w * 2);
    expect(keptTrees(graph, slower, h, query, options), 'other weights: a cache of their own').not.toBe(trees);
    expect(keptArcs(graph, slower, h).ms, 'other weights: arcs packed with them').toEqual(packArcs(h, slower).ms);
    expect(keptArcs(graph, weights, h), 'the first weights still find theirs').toBe(arcs);
    const { graph: another } = asciiNetwork(drawing);
    expect(keptTrees(another, weights, h, query, options), 'another graph object: a cache of its own').not.toBe(trees);
  });
});

describe('hierarchies kept for', () => {
  it(`are the last ${KEPT_HIERARCHIES} used: a process going through many road speeds holds no more`, () => {
    const made = Array.from({ length: KEPT_HIERARCHIES + 1 }, () => {
      const { graph } = asciiNetwork('A - B - C\n|       |\nD - E - F');
      const weights = edgeWeightsMs(graph, speedTable());
      return { graph, weights, h: contract({ ...graph, weightMs: weights }) };
    });
    const arcsOf = ({ graph, weights, h }: (typeof made)[number]) => keptArcs(graph, weights, h);
    const first = arcsOf(made[0]!);
    expect(arcsOf(made[0]!), 'kept').toBe(first);
    for (const m of made.slice(1)) arcsOf(m);
    expect(arcsOf(made[0]!), 'let go once more hierarchies came: packed again').not.toBe(first);
    const last = arcsOf(made.at(-1)!);
    expect(arcsOf(made.at(-1)!), 'the last used are still kept').toBe(last);
  });
});
