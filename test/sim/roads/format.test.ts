import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/sim/roads/build/contract';
import { encodeGraph, encodeHierarchy } from '../../../src/sim/roads/build/encode';
import { GraphFormatError } from '../../../src/sim/roads/format';
import { decodeGraph, decodeHierarchy, readGraphMeta } from '../../../src/sim/roads/query/decode';
import type { RoadGraph } from '../../../src/sim/roads/graph';
import { speedTable } from '../../../src/sim/roads/speeds';
import { edgeWeightsMs } from '../../../src/sim/roads/weights';
import { asciiNetwork } from './helpers';

function sample(): RoadGraph {
  const { graph } = asciiNetwork(`
    A - B > C - D
    |   |   v   |
    E - F - G - H
  `);
  const weightMs = edgeWeightsMs(graph, speedTable());
  const withMeta = { ...graph, meta: { ...graph.meta, sources: ['Brent – Ealing (non-ASCII)'] } };
  return { ...withMeta, hierarchy: contract({ firstOut: graph.firstOut, edgeHead: graph.edgeHead, weightMs }) };
}

function expectSameGraph(a: RoadGraph, b: RoadGraph): void {
  for (const [name, value] of Object.entries(a)) {
    if (ArrayBuffer.isView(value)) expect([...(b as unknown as Record<string, Iterable<number>>)[name]!], name).toEqual([...(value as unknown as Iterable<number>)]);
  }
  for (const [name, value] of Object.entries(a.hierarchy!)) {
    expect([...(b.hierarchy as unknown as Record<string, Iterable<number>>)[name]!], `hierarchy.${name}`).toEqual([...(value as Iterable<number>)]);
  }
  expect(b.meta).toEqual(a.meta);
  expect([b.nodeCount, b.edgeCount, b.roadCount]).toEqual([a.nodeCount, a.edgeCount, a.roadCount]);
}

describe('the graph file', () => {
  it('decodes to the graph it encoded, hierarchy and meta included', () => {
    const graph = sample();
    const buffer = encodeGraph(graph);
    expectSameGraph(graph, decodeGraph(buffer));
    expect(readGraphMeta(buffer)).toEqual(graph.meta);
  });

  it('decodes without copying: the arrays are views on the buffer', () => {
    const buffer = encodeGraph(sample());
    const decoded = decodeGraph(buffer);
    expect(decoded.nodeLon.buffer).toBe(buffer);
    expect(decoded.hierarchy!.upOutWeight.buffer).toBe(buffer);
  });

  it('reads bytes that sit at an odd offset in a larger buffer (as Node file reads may)', () => {
    const graph = sample();
    const encoded = new Uint8Array(encodeGraph(graph));
    const bigger = new Uint8Array(encoded.length + 3);
    bigger.set(encoded, 3);
    expectSameGraph(graph, decodeGraph(bigger.subarray(3)));
  });

  it('keeps a graph without a hierarchy without one', () => {
    const { hierarchy: _, ...plain } = sample();
    expect(decodeGraph(encodeGraph(plain)).hierarchy).toBeUndefined();
  });

  it('says what is wrong with bytes that are not a graph of this format', () => {
    expect(() => decodeGraph(new Uint8Array([1, 2, 3]))).toThrow(GraphFormatError);
    expect(() => decodeGraph(new TextEncoder().encode('{"nodes": 3} and more text'))).toThrow(/no RSGRAPH signature/);
    const bytes = new Uint8Array(encodeGraph(sample()));
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(8, 99, true);
    expect(() => decodeGraph(newer)).toThrow(/format version 99/);
    expect(() => decodeGraph(bytes.slice(0, bytes.length - 16)), 'truncated').toThrow(/outside the .*-byte file/);
    const badHeader = bytes.slice();
    badHeader[17] = 0x7b; // '{' inside the JSON
    badHeader[16] = 0x5d; // ']'
    expect(() => decodeGraph(badHeader)).toThrow(/header is not valid JSON/);
  });

  it('stores a hierarchy alone and checks it against its graph', () => {
    const graph = sample();
    const bytes = encodeHierarchy(graph.hierarchy!, graph.nodeCount, graph.edgeCount);
    const back = decodeHierarchy(bytes, graph);
    expect([...back.upInTail]).toEqual([...graph.hierarchy!.upInTail]);
    expect([...back.edgeWeightMs]).toEqual([...graph.hierarchy!.edgeWeightMs]);
    expect(() => decodeHierarchy(bytes, { nodeCount: graph.nodeCount + 1, edgeCount: graph.edgeCount })).toThrow(/hierarchy for \d+ nodes/);
    expect(() => decodeGraph(bytes)).toThrow(/a hierarchy file, not a road graph/);
    expect(() => decodeHierarchy(encodeGraph(graph), graph)).toThrow(/a graph file, not a hierarchy/);
  });
});
