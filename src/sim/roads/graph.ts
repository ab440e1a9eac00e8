/**
 * The road graph: a directed graph in compressed-sparse-row form, all typed arrays, so that it
 * encodes to one ArrayBuffer and decodes without copying (in Node, in a Web Worker).
 *
 * Nodes are junctions and dead ends; chains of degree-2 nodes are merged into one edge whose
 * shape is kept as a "road" polyline. A two-way road gives two directed edges (twins) that share
 * the road's geometry, one traversing it forwards and one backwards.
 *
 * Units: metres, km/h, WGS84 degrees.
 */
import type { Hierarchy } from './hierarchy';

export interface GraphStats {
  readonly nodes: number;
  readonly edges: number;
  readonly roads: number;
  /** Kilometres of road (each road once, whatever its directions) by class name. */
  readonly kmByClass: Readonly<Record<string, number>>;
  /** What the largest strongly connected component left out. */
  readonly dropped: {
    /** Strongly connected components other than the largest. */
    readonly components: number;
    readonly nodes: number;
    readonly roads: number;
    readonly km: number;
  };
  /** Input ways skipped (not drivable, too short, fewer than two located nodes). */
  readonly skippedWays: number;
  /** Degree-2 junctions merged into longer edges. */
  readonly mergedNodes: number;
}

export interface GraphMeta {
  /** Version of the code that built the graph (a changed builder rebuilds cached graphs). */
  readonly builderVersion: number;
  /** What it was built from (file names, with their content hashes when known). */
  readonly sources: readonly string[];
  readonly stats: GraphStats;
}

export interface RoadGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly roadCount: number;
  readonly nodeLon: Float64Array;
  readonly nodeLat: Float64Array;
  /** Out-edges of node v are the edge ids firstOut[v] .. firstOut[v + 1] - 1 (edges sorted by tail). */
  readonly firstOut: Uint32Array;
  readonly edgeTail: Uint32Array;
  readonly edgeHead: Uint32Array;
  /** In-edges of node v are inEdges[firstIn[v] .. firstIn[v + 1] - 1] (edge ids). */
  readonly firstIn: Uint32Array;
  readonly inEdges: Uint32Array;
  /** Metres along the road geometry (great-circle sum of its segments). */
  readonly edgeLengthM: Float64Array;
  /** Road class number (see classes.ts). */
  readonly edgeClass: Uint8Array;
  /** Tagged speed limit in km/h, 0 when untagged. */
  readonly edgeMaxspeedKph: Float32Array;
  /** The opposite direction of the same road, or -1 on a one-way road. */
  readonly edgeTwin: Int32Array;
  /** Road (geometry) of each edge. */
  readonly edgeRoad: Uint32Array;
  /** 1 when the edge runs from the road's last vertex to its first. */
  readonly edgeReversed: Uint8Array;
  /** Vertices of road r are roadFirstVertex[r] .. roadFirstVertex[r + 1] - 1 (first and last are its end nodes). */
  readonly roadFirstVertex: Uint32Array;
  readonly vertexLon: Float64Array;
  readonly vertexLat: Float64Array;
  /** The edge that runs along road r in its vertex order, or -1 when the road is one-way the other way. */
  readonly roadForwardEdge: Int32Array;
  /** The edge that runs along road r against its vertex order, or -1 on a one-way road. */
  readonly roadBackwardEdge: Int32Array;
  readonly meta: GraphMeta;
  /**
   * A contraction hierarchy prepared when the graph was built, valid for the edge weights it
   * records (`hierarchy.edgeWeightMs`); absent when the graph was built without one.
   */
  readonly hierarchy?: Hierarchy;
  /**
   * Where the host keeps hierarchies made for other speed tables between runs (Node: files in
   * the cache). Absent: a hierarchy for other speeds is contracted in every process that needs it.
   */
  readonly hierarchyStore?: HierarchyStore;
  /**
   * Where the host keeps search spaces of places every run needs (space-file.ts), so that a run
   * starts with them. Absent: every process searches them again as it meets them.
   */
  readonly spaceStore?: SpaceStore;
}

/** A host's store of hierarchies by metric key (see `metricKey` in weights.ts). */
export interface HierarchyStore {
  load(metricKey: string): Hierarchy | undefined;
  save(metricKey: string, hierarchy: Hierarchy): void;
}

/**
 * A host's store of space files (query/space-file.ts) by key (`spaceFileKey`: hierarchy and the
 * places they are for). `load` may give bytes made for another key or damaged: they are checked before use.
 * Without `save` (a browser: no disk) spaces missing from the store are searched as they are met.
 */
export interface SpaceStore {
  load(key: string): Uint8Array | undefined;
  save?(key: string, bytes: ArrayBuffer): void;
}

/**
 * Vertex number `i` (0 = the edge's tail) of edge `e`'s shape, as an index into vertexLon/Lat.
 * `edgeVertexCount(graph, e)` vertices in all.
 */
export function edgeVertex(graph: RoadGraph, e: number, i: number): number {
  const r = graph.edgeRoad[e]!;
  return graph.edgeReversed[e] ? graph.roadFirstVertex[r + 1]! - 1 - i : graph.roadFirstVertex[r]! + i;
}

export function edgeVertexCount(graph: RoadGraph, e: number): number {
  const r = graph.edgeRoad[e]!;
  return graph.roadFirstVertex[r + 1]! - graph.roadFirstVertex[r]!;
}
