/**
 * From drivable ways (already read from OSM and resolved to coordinates) to the compact road
 * graph: split ways at junctions, keep the largest strongly connected component, merge degree-2
 * chains, then lay everything out in CSR order (nodes along a Hilbert curve, so that nearby
 * nodes sit nearby in memory).
 */
import { mergeChains, type RoadList } from './chains';
import { ROAD_CLASSES } from '../classes';
import { greatCircleM } from '../../geo';
import type { GraphStats, RoadGraph } from '../graph';
import { largestComponent, stronglyConnectedComponents } from './scc';

/** Bump when the graph built from the same input would change; cached graphs are then rebuilt. */
export const GRAPH_BUILDER_VERSION = 1;

/** Drivable ways with their nodes resolved to coordinates (indices into nodeLon/nodeLat). */
export interface RawNetwork {
  readonly nodeLon: Float64Array;
  readonly nodeLat: Float64Array;
  /** Refs of way w are wayRefs[wayFirstRef[w] .. wayFirstRef[w + 1] - 1]. */
  readonly wayFirstRef: Uint32Array;
  readonly wayRefs: Uint32Array;
  /** Road class number (roads/classes.ts). */
  readonly wayClass: Uint8Array;
  /** 1: one-way along the refs, -1: one-way against them, 0: both ways. */
  readonly wayOneway: Int8Array;
  /** Tagged limit in km/h, 0 when untagged. */
  readonly wayMaxspeedKph: Float32Array;
}

export interface BuildOptions {
  /** Recorded in the graph's meta (file names and hashes). */
  readonly sources: readonly string[];
  /**
   * 'largest' (default): keep only the largest strongly connected component, so that every
   * place can reach every other. 'all': keep everything (some pairs are then unreachable).
   */
  readonly components?: 'largest' | 'all';
}

export function buildRoadGraph(raw: RawNetwork, options: BuildOptions): RoadGraph {
  const rawNodes = raw.nodeLon.length;
  const wayCount = raw.wayClass.length;

  // Junctions: way ends and nodes used more than once (by two ways, or twice by one).
  const uses = new Uint8Array(rawNodes);
  const junction = new Uint8Array(rawNodes);
  let skippedWays = 0;
  const cleaned: number[][] = [];
  for (let w = 0; w < wayCount; w++) {
    const refs: number[] = [];
    for (let i = raw.wayFirstRef[w]!; i < raw.wayFirstRef[w + 1]!; i++) {
      const node = raw.wayRefs[i]!;
      if (refs.length === 0 || refs[refs.length - 1] !== node) refs.push(node);
    }
    if (refs.length < 2) {
      skippedWays++;
      cleaned.push([]);
      continue;
    }
    if (raw.wayOneway[w] === -1) refs.reverse();
    cleaned.push(refs);
    junction[refs[0]!] = 1;
    junction[refs[refs.length - 1]!] = 1;
    for (const node of refs) if (uses[node]! < 2) uses[node]!++;
  }
  for (let v = 0; v < rawNodes; v++) if (uses[v]! >= 2) junction[v] = 1;

  // Split at junctions. A piece that starts and ends at the same junction is cut at its middle
  // vertex, so that no edge is a loop.
  const roads: RoadList = { from: [], to: [], oneway: [], roadClass: [], maxspeedKph: [], verts: [], alive: [] };
  const addRoad = (verts: number[], w: number): void => {
    roads.from.push(verts[0]!);
    roads.to.push(verts[verts.length - 1]!);
    roads.oneway.push(raw.wayOneway[w] !== 0);
    roads.roadClass.push(raw.wayClass[w]!);
    roads.maxspeedKph.push(raw.wayMaxspeedKph[w]!);
    roads.verts.push(verts);
    roads.alive.push(true);
  };
  for (let w = 0; w < wayCount; w++) {
    const refs = cleaned[w]!;
    let start = 0;
    for (let i = 1; i < refs.length; i++) {
      if (!junction[refs[i]!]) continue;
      const piece = refs.slice(start, i + 1);
      if (piece[0] === piece[piece.length - 1]) {
        if (piece.length >= 3) {
          const mid = piece.length >> 1;
          junction[piece[mid]!] = 1;
          addRoad(piece.slice(0, mid + 1), w);
          addRoad(piece.slice(mid), w);
        }
      } else {
        addRoad(piece, w);
      }
      start = i;
    }
  }

  // Number the junctions and find the largest strongly connected component.
  const junctionId = new Int32Array(rawNodes).fill(-1);
  let junctionCount = 0;
  for (let r = 0; r < roads.from.length; r++) {
    for (const v of [roads.from[r]!, roads.to[r]!]) if (junctionId[v] === -1) junctionId[v] = junctionCount++;
  }
  for (let r = 0; r < roads.from.length; r++) {
    roads.from[r] = junctionId[roads.from[r]!]!;
    roads.to[r] = junctionId[roads.to[r]!]!;
  }
  const { firstOut, head } = roadCsr(roads, junctionCount);
  const components = stronglyConnectedComponents(firstOut, head);
  const keep = largestComponent(components);
  const roadLength = roads.verts.map((verts) => polylineM(raw, verts));
  let droppedRoads = 0;
  let droppedM = 0;
  const keepAll = options.components === 'all';
  for (let r = 0; r < roads.from.length; r++) {
    if (keepAll || (components.component[roads.from[r]!] === keep && components.component[roads.to[r]!] === keep)) continue;
    roads.alive[r] = false;
    droppedRoads++;
    droppedM += roadLength[r]!;
  }

  const mergedNodes = mergeChains(roads, junctionCount);

  const stats = {
    dropped: {
      components: keepAll ? 0 : Math.max(0, components.count - 1),
      nodes: keepAll || keep < 0 ? 0 : junctionCount - components.size[keep]!,
      roads: droppedRoads,
      km: droppedM / 1000,
    },
    skippedWays,
    mergedNodes,
  };
  return layOut(raw, roads, junctionCount, options, stats);
}

function polylineM(raw: RawNetwork, verts: readonly number[]): number {
  let sum = 0;
  for (let i = 1; i < verts.length; i++) {
    const a = verts[i - 1]!;
    const b = verts[i]!;
    sum += greatCircleM(raw.nodeLon[a]!, raw.nodeLat[a]!, raw.nodeLon[b]!, raw.nodeLat[b]!);
  }
  return sum;
}

/** Directed adjacency of the roads that are alive (both directions of a two-way road). */
function roadCsr(roads: RoadList, nodeCount: number): { firstOut: Uint32Array; head: Uint32Array } {
  const firstOut = new Uint32Array(nodeCount + 1);
  const each = (visit: (tail: number, head: number) => void): void => {
    for (let r = 0; r < roads.from.length; r++) {
      if (!roads.alive[r]) continue;
      visit(roads.from[r]!, roads.to[r]!);
      if (!roads.oneway[r]) visit(roads.to[r]!, roads.from[r]!);
    }
  };
  each((tail) => firstOut[tail + 1]!++);
  for (let v = 0; v < nodeCount; v++) firstOut[v + 1]! += firstOut[v]!;
  const fill = firstOut.slice(0, nodeCount);
  const head = new Uint32Array(firstOut[nodeCount]!);
  each((tail, h) => {
    head[fill[tail]!++] = h;
  });
  return { firstOut, head };
}

function layOut(
  raw: RawNetwork,
  roads: RoadList,
  junctionCount: number,
  options: BuildOptions,
  partial: Pick<GraphStats, 'dropped' | 'skippedWays' | 'mergedNodes'>,
): RoadGraph {
  // Nodes still touched by a road, ordered along a Hilbert curve.
  const used = new Uint8Array(junctionCount);
  const alive: number[] = [];
  for (let r = 0; r < roads.from.length; r++) {
    if (!roads.alive[r]) continue;
    alive.push(r);
    used[roads.from[r]!] = 1;
    used[roads.to[r]!] = 1;
  }
  const junctionVertex = new Int32Array(junctionCount);
  for (const r of alive) {
    junctionVertex[roads.from[r]!] = roads.verts[r]![0]!;
    junctionVertex[roads.to[r]!] = roads.verts[r]![roads.verts[r]!.length - 1]!;
  }
  const nodes: number[] = [];
  for (let v = 0; v < junctionCount; v++) if (used[v]) nodes.push(v);
  const lonOf = (v: number): number => raw.nodeLon[junctionVertex[v]!]!;
  const latOf = (v: number): number => raw.nodeLat[junctionVertex[v]!]!;
  const order = hilbertOrder(nodes.map(lonOf), nodes.map(latOf));
  const nodeId = new Int32Array(junctionCount).fill(-1);
  const n = nodes.length;
  const nodeLon = new Float64Array(n);
  const nodeLat = new Float64Array(n);
  order.forEach((i, id) => {
    const v = nodes[i]!;
    nodeId[v] = id;
    nodeLon[id] = lonOf(v);
    nodeLat[id] = latOf(v);
  });

  // Roads in the order of their first node; their vertices concatenated.
  alive.sort((a, b) => nodeId[roads.from[a]!]! - nodeId[roads.from[b]!]! || a - b);
  const roadCount = alive.length;
  const roadFirstVertex = new Uint32Array(roadCount + 1);
  alive.forEach((r, i) => {
    roadFirstVertex[i + 1] = roadFirstVertex[i]! + roads.verts[r]!.length;
  });
  const vertexLon = new Float64Array(roadFirstVertex[roadCount]!);
  const vertexLat = new Float64Array(roadFirstVertex[roadCount]!);
  const roadLengthM = new Float64Array(roadCount);
  const kmByClass: Record<string, number> = {};
  alive.forEach((r, i) => {
    let k = roadFirstVertex[i]!;
    for (const v of roads.verts[r]!) {
      vertexLon[k] = raw.nodeLon[v]!;
      vertexLat[k] = raw.nodeLat[v]!;
      k++;
    }
    roadLengthM[i] = polylineM(raw, roads.verts[r]!);
    const name = ROAD_CLASSES[roads.roadClass[r]!]!;
    kmByClass[name] = (kmByClass[name] ?? 0) + roadLengthM[i]! / 1000;
  });

  // Directed edges, sorted by tail then head then road.
  const edgeList: { tail: number; head: number; road: number; reversed: number }[] = [];
  alive.forEach((r, i) => {
    const a = nodeId[roads.from[r]!]!;
    const b = nodeId[roads.to[r]!]!;
    edgeList.push({ tail: a, head: b, road: i, reversed: 0 });
    if (!roads.oneway[r]) edgeList.push({ tail: b, head: a, road: i, reversed: 1 });
  });
  edgeList.sort((x, y) => x.tail - y.tail || x.head - y.head || x.road - y.road || x.reversed - y.reversed);
  const m = edgeList.length;
  const firstOut = new Uint32Array(n + 1);
  const edgeTail = new Uint32Array(m);
  const edgeHead = new Uint32Array(m);
  const edgeRoad = new Uint32Array(m);
  const edgeReversed = new Uint8Array(m);
  const edgeLengthM = new Float64Array(m);
  const edgeClass = new Uint8Array(m);
  const edgeMaxspeedKph = new Float32Array(m);
  const edgeTwin = new Int32Array(m).fill(-1);
  const roadForwardEdge = new Int32Array(roadCount).fill(-1);
  const roadBackwardEdge = new Int32Array(roadCount).fill(-1);
  edgeList.forEach((edge, e) => {
    const r = alive[edge.road]!;
    edgeTail[e] = edge.tail;
    edgeHead[e] = edge.head;
    edgeRoad[e] = edge.road;
    edgeReversed[e] = edge.reversed;
    edgeLengthM[e] = roadLengthM[edge.road]!;
    edgeClass[e] = roads.roadClass[r]!;
    edgeMaxspeedKph[e] = roads.maxspeedKph[r]!;
    firstOut[edge.tail + 1]!++;
    if (edge.reversed) roadBackwardEdge[edge.road] = e;
    else roadForwardEdge[edge.road] = e;
  });
  for (let v = 0; v < n; v++) firstOut[v + 1]! += firstOut[v]!;
  for (let r = 0; r < roadCount; r++) {
    const f = roadForwardEdge[r]!;
    const b = roadBackwardEdge[r]!;
    if (f >= 0 && b >= 0) {
      edgeTwin[f] = b;
      edgeTwin[b] = f;
    }
  }
  const { firstIn, inEdges } = inverse(n, edgeHead);

  return {
    nodeCount: n,
    edgeCount: m,
    roadCount,
    nodeLon,
    nodeLat,
    firstOut,
    edgeTail,
    edgeHead,
    firstIn,
    inEdges,
    edgeLengthM,
    edgeClass,
    edgeMaxspeedKph,
    edgeTwin,
    edgeRoad,
    edgeReversed,
    roadFirstVertex,
    vertexLon,
    vertexLat,
    roadForwardEdge,
    roadBackwardEdge,
    meta: {
      builderVersion: GRAPH_BUILDER_VERSION,
      sources: [...options.sources],
      stats: { nodes: n, edges: m, roads: roadCount, kmByClass, ...partial },
    },
  };
}

/** In-edge lists: for each node, the ids of the edges whose head it is, in id order. */
export function inverse(n: number, edgeHead: Uint32Array): { firstIn: Uint32Array; inEdges: Uint32Array } {
  const firstIn = new Uint32Array(n + 1);
  for (let e = 0; e < edgeHead.length; e++) firstIn[edgeHead[e]! + 1]!++;
  for (let v = 0; v < n; v++) firstIn[v + 1]! += firstIn[v]!;
  const fill = firstIn.slice(0, n);
  const inEdges = new Uint32Array(edgeHead.length);
  for (let e = 0; e < edgeHead.length; e++) inEdges[fill[edgeHead[e]!]!++] = e;
  return { firstIn, inEdges };
}

/** Positions 0..n-1 sorted by the Hilbert-curve index of (x, y) on a 2^16 grid over their bounding box. */
function hilbertOrder(xs: readonly number[], ys: readonly number[]): number[] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    minX = Math.min(minX, xs[i]!);
    maxX = Math.max(maxX, xs[i]!);
    minY = Math.min(minY, ys[i]!);
    maxY = Math.max(maxY, ys[i]!);
  }
  const side = 65535;
  const sx = side / (maxX - minX || 1);
  const sy = side / (maxY - minY || 1);
  const keys = xs.map((x, i) => hilbertIndex(Math.round((x - minX) * sx), Math.round((ys[i]! - minY) * sy)));
  return xs.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
}

/** Hilbert index of cell (x, y) on a 65536 x 65536 grid (0 .. 2^32 - 1). */
function hilbertIndex(x: number, y: number): number {
  let d = 0;
  for (let s = 1 << 15; s > 0; s >>>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = 65535 - x;
        y = 65535 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}
